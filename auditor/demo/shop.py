"""The demo shop. Its CX qualities are options, so the tests can build the shops they need (forced
account, buried contact, broken search, ...) from one real server, and it counts the orders placed so
that every test can prove the auditor never buys."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from auditor.demo.catalog import CATEGORIES, PRODUCTS, Product, generated_products
from auditor.demo.httpkit import App, Request, Response
from auditor.demo.layout import PAYMENT_LOGOS, e, money, page, payment_badge_svg, product_svg

SearchStyle = Literal["get", "post", "js", "overlay", "none"]


@dataclass
class ShopOptions:
    """Defaults give a convincing demo: several strengths and several real findings."""

    name: str = "Northwind Goods"
    search: SearchStyle = "get"
    search_param: str = "q"
    search_broken: bool = False          # every query returns nothing
    typo_tolerant: bool = False
    zero_results_help: bool = True
    autocomplete: bool = False
    checkout_gate: Literal["guest", "forced"] = "guest"
    checkout_style: Literal["multi", "one_page"] = "multi"
    cart_style: Literal["page", "drawer"] = "page"
    shipping_in_cart: bool = False
    contact_in_header: bool = False
    contact_in_footer: bool = True
    contact_buried: bool = False         # contact page four clicks deep through the help centre
    contact_channels: tuple[str, ...] = ("phone", "email", "form")
    footer_payments: tuple[str, ...] = ("visa", "mastercard", "amex", "paypal", "apple_pay")
    checkout_payments: tuple[str, ...] = ("card", "paypal", "apple_pay")
    delivery_estimate: Literal["date", "speed", "none"] = "speed"
    returns_link: Literal["footer", "help_only", "none"] = "footer"
    trap_continue_places_order: bool = False
    trap_auto_submit_payment: bool = False
    buy_now_button: bool = False
    sizes_on_every_product: bool = False  # every product needs a size chosen before add-to-cart
    size_picker: Literal["select", "custom"] = "select"  # custom: a button + listbox, as React shops build it
    page_delay_s: float = 0.0
    lang: str = "en"
    currency: str = "€"
    consent_banner: Literal["none", "bar", "wall"] = "none"  # wall: a full-screen cookie wall
    consent_reject_button: bool = True
    third_party: str | None = None       # another origin every page loads a pixel and a script from
    extra_products: int = 0               # generated products on top of the catalogue (benchmarks)
    account: tuple[str, str] | None = None  # (email, password) that can sign in; a signed-in customer skips the gate


# Reviews some products carry, as a shop's own review module shows them: (average, count, [(days ago, author,
# stars, text)]). The teapot is new: the theme shows five stars before anyone has reviewed it, a pattern the
# reviews-feedback check notes. The shop shows reviews but offers no way to write one.
REVIEWS: dict[str, tuple[float, int, tuple[tuple[int, str, int, str], ...]]] = {
    "copper-kettle": (4.6, 23, ((12, "Maria K.", 5, "Heats quickly and looks great on the stove."),
                                (75, "Tom B.", 4, "Lovely kettle, although the whistle is loud."))),
    "cast-iron-skillet": (4.8, 112, ((5, "Priya S.", 5, "Even heat and easy to look after."),
                                     (40, "Lukas M.", 5, "Heavy, but it sears beautifully."))),
    "chef-knife": (4.4, 9, ((210, "Jonas W.", 4, "Sharp out of the box and well balanced."),)),
    "ceramic-teapot": (5.0, 0, ()),
    "trail-backpack": (4.7, 41, ((18, "Sam O.", 5, "Comfortable on long hikes; the rain cover works."),)),
    "merino-wool-sweater": (4.3, 17, ((60, "Elena R.", 4, "Soft and warm; runs a little small."),)),
}


@dataclass
class OrderLedger:
    placed: int = 0
    attempts: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def place(self, how: str) -> None:
        with self.lock:
            self.placed += 1
            self.attempts.append(how)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", text.lower()) if t]


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) <= 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))



# a competitor for `cxaudit demo --compare`: better at search, contact and delivery facts, slower, fewer ways to pay
COMPETITOR = ShopOptions(name="Southgate Supply", typo_tolerant=True, autocomplete=True, contact_in_header=True,
                         shipping_in_cart=True, footer_payments=("visa", "mastercard"), checkout_payments=("card",),
                         delivery_estimate="date", returns_link="help_only", page_delay_s=0.25)

class DemoShop:
    def __init__(self, options: ShopOptions | None = None) -> None:
        self.options = options or ShopOptions()
        self.orders = OrderLedger()
        self.products: tuple[Product, ...] = PRODUCTS + generated_products(self.options.extra_products)
        self._by_slug = {p.slug: p for p in self.products}
        self.consent_choices: list[str] = []
        self.logins: list[str] = []
        self.app = App()
        self.app.default_delay_s = self.options.page_delay_s
        self._register()

    # ---------- search ----------
    def search(self, query: str) -> list[Product]:
        if self.options.search_broken:
            return []
        words = _tokens(query)
        if not words:
            return []
        found = []
        for product in self.products:
            haystack = _tokens(f"{product.name} {CATEGORIES[product.category]}")
            if all(self._word_matches(w, haystack) for w in words):
                found.append(product)
        return found

    def _word_matches(self, word: str, haystack: list[str]) -> bool:
        for h in haystack:
            if h.startswith(word) or (len(word) > 3 and word.rstrip("s") == h.rstrip("s")):
                return True
            if self.options.typo_tolerant and len(word) >= 4 and _within_one_edit(word, h):
                return True
        return False

    # ---------- chrome ----------
    def header(self) -> str:
        o = self.options
        nav = "".join(f'<a href="/category/{slug}">{e(name)}</a>' for slug, name in CATEGORIES.items())
        if o.contact_in_header:
            nav += '<a href="/contact">Contact us</a>'
        param = e(o.search_param)
        suggest = (
            '<ul class="suggest" id="suggest" role="listbox" hidden></ul><script>'
            "const i=document.querySelector('#site-search');const s=document.getElementById('suggest');"
            "i.addEventListener('input',async()=>{if(i.value.length<2){s.hidden=true;return}"
            "const r=await fetch('/api/suggest?q='+encodeURIComponent(i.value));const d=await r.json();"
            "s.innerHTML='';d.forEach(n=>{const li=document.createElement('li');li.setAttribute('role','option');"
            "li.textContent=n;s.appendChild(li)});s.hidden=!d.length});</script>"
            if o.autocomplete else ""
        )
        if o.search == "get":
            search = (f'<form class="search" role="search" action="/search" method="get" style="position:relative">'
                      f'<input id="site-search" type="search" name="{param}" placeholder="Search products" '
                      f'aria-label="Search products" autocomplete="off"><button type="submit">Search</button>{suggest}</form>')
        elif o.search == "post":
            search = ('<form class="search" action="/search" method="post"><input type="text" name="keywords" '
                      'placeholder="Find a product"><button type="submit">Go</button></form>')
        elif o.search == "overlay":
            search = (
                '<button class="btn secondary" id="open-search" aria-label="Open search" type="button">'
                '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10" cy="10" r="7" '
                'stroke="currentColor" fill="none" stroke-width="2"/><line x1="15" y1="15" x2="22" y2="22" '
                'stroke="currentColor" stroke-width="2"/></svg></button>'
                f'<div class="overlay" id="search-overlay"><form action="/search" method="get">'
                f'<input type="text" name="{param}" placeholder="What are you looking for?">'
                '<button type="submit">Search</button></form></div>'
                "<script>document.getElementById('open-search').onclick=()=>{"
                "document.getElementById('search-overlay').classList.add('open');"
                "document.querySelector('#search-overlay input').focus()};</script>"
            )
        elif o.search == "js":
            search = ('<div class="search"><input id="spa-search" type="search" placeholder="Search the store" '
                      'aria-label="Search"></div><script>'
                      "document.getElementById('spa-search').addEventListener('keydown',async ev=>{"
                      "if(ev.key!=='Enter')return;const q=ev.target.value;"
                      "const r=await fetch('/api/search?q='+encodeURIComponent(q));const items=await r.json();"
                      "const m=document.querySelector('main');"
                      "m.innerHTML='<h1>Search results</h1><p class=count></p><div class=grid id=results></div>';"
                      "m.querySelector('.count').textContent=items.length+' results';"
                      "const g=m.querySelector('#results');items.forEach(it=>{const d=document.createElement('div');"
                      "d.className='card product';const a=document.createElement('a');a.href=it.url;"
                      "a.textContent=it.name;const h=document.createElement('h3');h.appendChild(a);"
                      "d.appendChild(h);g.appendChild(d)});"
                      "if(!items.length){m.insertAdjacentHTML('beforeend','<p>No products found.</p>')}"
                      "history.pushState({},'','/?search='+encodeURIComponent(q));});</script>")
        else:
            search = ""
        cart = '<a href="/cart" class="btn secondary">Cart</a>'
        return (f'<header class="site"><a class="logo" href="/">{e(o.name.split()[0])}<span>.</span></a>'
                f'<nav class="main">{nav}</nav><div class="grow"></div>{search}{cart}</header>')

    def footer(self) -> str:
        o = self.options
        help_links = ['<a href="/faq">FAQ</a>']
        if o.contact_buried:
            help_links.append('<a href="/help">Help centre</a>')
        elif o.contact_in_footer:
            help_links.insert(0, '<a href="/contact">Contact us</a>')
        help_links.append('<a href="/shipping">Shipping &amp; delivery</a>')
        if o.returns_link == "footer":
            help_links.append('<a href="/returns">Returns</a>')
        if o.returns_link == "help_only" and not o.contact_buried:
            help_links.append('<a href="/help">Help centre</a>')
        shop_links = "".join(f'<a href="/category/{s}">{e(n)}</a>' for s, n in CATEGORIES.items())
        logos = []
        for method in o.footer_payments:
            if method == "paypal":
                logos.append(f'<span class="pay-icon" aria-label="PayPal">{payment_badge_svg("paypal")}</span>')
            else:
                logos.append(f'<img src="/img/pay/{method}.svg" alt="{e(PAYMENT_LOGOS[method][0])}" width="52" height="20">')
        pay = (f'<div class="pay"><strong>We accept</strong><div>{"".join(logos)}</div></div>' if logos else "")
        return (f'<footer class="site"><div><strong>Shop</strong>{shop_links}</div>'
                f'<div><strong>Help</strong>{"".join(help_links)}</div>{pay}'
                f'<div><small>&copy; {date.today().year} {e(o.name)}</small></div></footer>')

    def render(self, title: str, body: str, head_extra: str = "", status: int = 200) -> Response:
        html = page(f"{title} | {self.options.name}", body + self.consent_banner() + self.third_party_tags(),
                    header=self.header(), footer=self.footer(), head_extra=head_extra, lang=self.options.lang)
        return Response(html, status=status)

    def consent_banner(self) -> str:
        o = self.options
        if o.consent_banner == "none":
            return ""
        box = "background:#fff;padding:20px;border:1px solid #999;max-width:520px"
        outer = ("position:fixed;inset:0;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center;z-index:99"
                 if o.consent_banner == "wall" else "position:fixed;left:0;right:0;bottom:0;z-index:99")
        reject = '<button type="button" data-choice="necessary">Reject all</button> ' if o.consent_reject_button else ""
        return (f'<div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="Cookie consent" style="{outer}">'
                f'<div style="{box}"><p>We use cookies to run this shop and, with your consent, for analytics and marketing.</p>'
                f'<button type="button" data-choice="all">Accept all</button> {reject}<a href="/faq">Cookie settings</a></div></div>'
                "<script>(function(){var b=document.getElementById('cookie-banner');"
                "if(document.cookie.indexOf('cx_consent=')>=0){b.remove();return;}"
                "b.querySelectorAll('button').forEach(function(x){x.onclick=function(){"
                "document.cookie='cx_consent='+x.dataset.choice+';path=/';fetch('/consent?choice='+x.dataset.choice);b.remove();};});})();</script>")

    def third_party_tags(self) -> str:
        tp = self.options.third_party
        if not tp:
            return ""
        return f'<img src="{e(tp)}pixel.gif" alt="" width="1" height="1"><script src="{e(tp)}widget.js" async></script>'

    def record_consent(self, r: Request) -> Response:
        with self.orders.lock:
            self.consent_choices.append(r.arg("choice"))
        return Response("", status=204)

    def card(self, p: Product) -> str:
        return (f'<div class="card product"><a href="/product/{p.slug}"><img src="/img/{p.slug}.svg" '
                f'alt="{e(p.name)}" width="400" height="300"></a><h3><a href="/product/{p.slug}">{e(p.name)}</a></h3>'
                f'<div class="price">{money(p.price, self.options.currency)}</div></div>')

    # ---------- routes ----------
    def _register(self) -> None:
        a = self.app
        a.add("/", self.home)
        a.add("/category/(?P<slug>[a-z0-9-]+)", self.category)
        a.add("/product/(?P<slug>[a-z0-9-]+)", self.product)
        a.add("/img/pay/(?P<method>[a-z_]+).svg", self.payment_logo)
        a.add("/img/(?P<slug>[a-z0-9-]+).svg", self.image)
        a.add("/search", self.search_page, methods=("GET", "POST"))
        a.add("/api/search", self.api_search)
        a.add("/api/suggest", self.api_suggest)
        a.add("/cart", self.cart_page)
        a.add("/cart/add", self.cart_add, methods=("POST",))
        a.add("/checkout", self.checkout_entry, methods=("GET", "POST"))
        a.add("/checkout/address", self.checkout_address, methods=("GET", "POST"))
        a.add("/checkout/delivery", self.checkout_delivery, methods=("GET", "POST"))
        a.add("/checkout/payment", self.checkout_payment, methods=("GET", "POST"))
        a.add("/checkout/review", self.checkout_review, methods=("GET", "POST"))
        a.add("/order/place", self.place_order, methods=("GET", "POST"))
        a.add("/account/login", self.login, methods=("GET", "POST"))
        a.add("/consent", self.record_consent)
        a.add("/account/register", self.register)
        a.add("/account", self.account_page)
        a.add("/contact", self.contact)
        a.add("/contact/send", self.contact_send, methods=("POST",))
        a.add("/help", self.help_centre)
        a.add("/help/orders", self.help_orders)
        a.add("/help/orders/more", self.help_more)
        a.add("/help/contact-us", self.contact)
        a.add("/shipping", self.shipping)
        a.add("/returns", self.returns)
        a.add("/faq", self.faq)
        a.add("/robots.txt", self.robots)
        a.add("/sitemap.xml", self.sitemap_index)
        a.add("/sitemap-(?P<part>products|pages).xml", self.sitemap_part)
        a.add("/__orders", lambda r: Response.json(json.dumps({"placed": self.orders.placed})))

    def home(self, r: Request) -> Response:
        featured = "".join(self.card(p) for p in self.products[::3])
        cats = "".join(f'<a class="btn secondary" href="/category/{s}">{e(n)}</a> ' for s, n in CATEGORIES.items())
        body = (f'<section class="hero"><h1>Good things for everyday life</h1><p>Free returns within 30 days. '
                f'Secure checkout.</p>{cats}</section><h2>Featured products</h2><div class="grid">{featured}</div>')
        return self.render("Home", body)

    def category(self, r: Request) -> Response:
        name = CATEGORIES.get(r.params["slug"])
        if not name:
            return self.render("Not found", "<h1>Category not found</h1>", status=404)
        items = "".join(self.card(p) for p in self.products if p.category == r.params["slug"])
        return self.render(name, f'<h1>{e(name)}</h1><div class="grid">{items}</div>')

    def delivery_text(self) -> str:
        if self.options.delivery_estimate == "speed":
            return "<p class=delivery>Delivery in 2–4 business days.</p>"
        if self.options.delivery_estimate == "date":
            when = date.today() + timedelta(days=3)
            return f"<p class=delivery>Order today, get it by {when.strftime('%A %d %B')}.</p>"
        return ""

    def product(self, r: Request) -> Response:
        p = self._by_slug.get(r.params["slug"])
        if not p:
            return self.render("Not found", "<h1>Product not found</h1>", status=404)
        o = self.options
        ld = {"@context": "https://schema.org", "@type": "Product", "name": p.name, "description": p.description,
              "image": f"/img/{p.slug}.svg", "sku": p.slug.upper()[:12],
              "offers": {"@type": "Offer", "price": f"{p.price:.2f}", "priceCurrency": "EUR",
                         "availability": "https://schema.org/" + ("InStock" if p.in_stock else "OutOfStock")}}
        ld.update(self.review_ld(p))
        sizes = self.size_picker(self.sizes_of(p))
        error = '<p class="error" role="alert">Please choose a size.</p>' if r.arg("error") == "size" else ""
        if not p.in_stock:
            buy = "<p><strong>Out of stock</strong></p>"
        elif o.cart_style == "drawer":
            buy = (f'<form id="add" onsubmit="return false">{sizes}<p><button class="btn" type="button" id="add-btn">'
                   f'Add to bag</button></p></form>{self.drawer_script(p)}')
        else:
            buy = (f'<form action="/cart/add" method="post"><input type="hidden" name="slug" value="{p.slug}">{sizes}'
                   f'<p><button class="btn" type="submit">Add to cart</button></p></form>')
        if o.buy_now_button and p.in_stock:
            buy += (f'<form action="/order/place" method="post"><input type="hidden" name="slug" value="{p.slug}">'
                    f'<button class="btn" type="submit">Buy now</button></form>')
        body = (f'<div style="display:flex;gap:32px;flex-wrap:wrap"><img src="/img/{p.slug}.svg" alt="{e(p.name)}" width="400" '
                f'height="300"><div><h1>{e(p.name)}</h1><p class="price">{money(p.price, o.currency)}</p>'
                f'<p>{e(p.description)}</p>{error}{buy}{self.delivery_text()}'
                f'<p><a href="/category/{p.category}">More in {e(CATEGORIES[p.category])}</a></p></div></div>'
                f'{self.reviews_section(p)}')
        head = f'<script type="application/ld+json">{json.dumps(ld)}</script><meta property="og:title" content="{e(p.name)}">'
        return self.render(p.name, body, head_extra=head)

    def review_ld(self, p: Product) -> dict[str, Any]:
        if p.slug not in REVIEWS:
            return {}
        average, count, reviews = REVIEWS[p.slug]
        return {"aggregateRating": {"@type": "AggregateRating", "ratingValue": f"{average:.1f}", "bestRating": "5",
                                    "reviewCount": str(count)},
                "review": [{"@type": "Review", "author": {"@type": "Person", "name": author},
                            "datePublished": (date.today() - timedelta(days=days)).isoformat(),
                            "reviewRating": {"@type": "Rating", "ratingValue": str(stars), "bestRating": "5"},
                            "reviewBody": text} for days, author, stars, text in reviews]}

    def reviews_section(self, p: Product) -> str:
        if p.slug not in REVIEWS:
            return ""
        average, count, reviews = REVIEWS[p.slug]
        items = []
        for days, author, stars, text in reviews:
            when = date.today() - timedelta(days=days)
            items.append(f'<article class="review"><p class="review-meta"><strong>{e(author)}</strong> · '
                         f'<time datetime="{when.isoformat()}">{when.strftime("%d %B %Y")}</time> · '
                         f'<span class="stars" aria-label="{stars} of 5 stars">{"★" * stars}{"☆" * (5 - stars)}</span></p>'
                         f'<p>{e(text)}</p></article>')
        return (f'<section class="reviews" id="reviews"><h2>Customer reviews</h2><p class="rating-summary">'
                f'<span class="stars" aria-label="Rated {average:.1f} out of 5">{"★" * round(average)}'
                f'{"☆" * (5 - round(average))}</span> {average:.1f} out of 5 · '
                f'<span class="review-count">{count} reviews</span></p>{"".join(items)}</section>')

    def sizes_of(self, p: Product) -> tuple[str, ...]:
        return p.sizes or (("S", "M", "L") if self.options.sizes_on_every_product else ())

    def size_picker(self, sizes: tuple[str, ...]) -> str:
        if not sizes:
            return ""
        if self.options.size_picker == "custom":
            items = "".join(f'<li role="option" data-v="{e(s)}">{e(s)}</li>' for s in sizes)
            return ('<div class="picker"><span id="size-label">Size</span> <button type="button" role="combobox" '
                    'aria-haspopup="listbox" aria-expanded="false" aria-labelledby="size-label" id="size-btn">'
                    f'Choose a size</button><ul role="listbox" id="size-list" hidden>{items}</ul>'
                    '<input type="hidden" name="size" id="size"></div><script>'
                    "const sb=document.getElementById('size-btn'),sl=document.getElementById('size-list');"
                    "sb.onclick=()=>{sl.hidden=!sl.hidden;sb.setAttribute('aria-expanded',String(!sl.hidden))};"
                    "sl.querySelectorAll('[role=option]').forEach(o=>o.onclick=()=>{document.getElementById('size').value="
                    "o.dataset.v;sb.textContent='Size '+o.dataset.v;sl.hidden=true;sb.setAttribute('aria-expanded','false')});"
                    "</script>")
        opts = "".join(f'<option value="{e(s)}">{e(s)}</option>' for s in sizes)
        return (f'<label for="size">Size</label><select id="size" name="size" required>'
                f'<option value="">Choose a size</option>{opts}</select>')

    def drawer_script(self, p: Product) -> str:
        return (
            '<aside class="drawer" id="mini-cart" aria-label="Your bag"><h2>Your bag</h2><div id="bag-items"></div>'
            '<a class="btn" href="/checkout">Checkout</a> <a href="/cart">View bag</a></aside><script>'
            "document.getElementById('add-btn').onclick=async()=>{const s=document.getElementById('size');"
            "if(s&&!s.value){alert('Please choose a size');return}"
            f"const body=new URLSearchParams({{slug:'{p.slug}',size:s?s.value:'',ajax:'1'}});"
            "const r=await fetch('/cart/add',{method:'POST',body});const d=await r.json();"
            "document.getElementById('bag-items').textContent=d.count+' item(s), subtotal '+d.subtotal;"
            "document.getElementById('mini-cart').classList.add('open')};</script>"
        )

    def image(self, r: Request) -> Response:
        p = self._by_slug.get(r.params["slug"])
        if not p:
            return Response("no image", status=404, content_type="text/plain")
        return Response(product_svg(p.name, p.colour), content_type="image/svg+xml",
                        headers=[("Cache-Control", "max-age=3600")])

    def payment_logo(self, r: Request) -> Response:
        if r.params["method"] not in PAYMENT_LOGOS:
            return Response("no logo", status=404, content_type="text/plain")
        return Response(payment_badge_svg(r.params["method"]), content_type="image/svg+xml")

    def search_page(self, r: Request) -> Response:
        if self.options.search == "none":
            return self.app.not_found(r)
        query = r.arg(self.options.search_param) or r.arg("keywords") or r.arg("q")
        results = self.search(query)
        if results:
            body = (f'<h1>Search results</h1><p class="count">{len(results)} results for “{e(query)}”</p>'
                    f'<div class="grid" id="results">{"".join(self.card(p) for p in results)}</div>')
        elif self.options.zero_results_help:
            popular = "".join(self.card(p) for p in self.products[:4])
            cats = " ".join(f'<a href="/category/{s}">{e(n)}</a>' for s, n in CATEGORIES.items())
            body = (f'<h1>No results for “{e(query)}”</h1><p>Try checking the spelling or use a more general term. '
                    f'Browse our categories: {cats}. Need help? <a href="/contact">Contact us</a>.</p>'
                    f'<h2>Popular products</h2><div class="grid">{popular}</div>')
        else:
            body = "<h1>Search</h1><p>No results found.</p>"
        return self.render(f"Search: {query}", body)

    def api_search(self, r: Request) -> Response:
        items = [{"name": p.name, "url": f"/product/{p.slug}"} for p in self.search(r.arg("q"))]
        return Response.json(json.dumps(items))

    def api_suggest(self, r: Request) -> Response:
        q = r.arg("q").lower()
        names = [p.name for p in self.products if any(w.startswith(q) for w in _tokens(p.name))][:6] if len(q) >= 2 else []
        return Response.json(json.dumps(names))

    # ---------- cart ----------
    def cart_items(self, r: Request) -> list[tuple[Product, str]]:
        return [(p, size) for slug, size in r.session.get("cart", []) if (p := self._by_slug.get(slug))]

    def cart_add(self, r: Request) -> Response:
        p = self._by_slug.get(r.field("slug"))
        if not p or not p.in_stock:
            return self.render("Cart", "<h1>That product is not available</h1>", status=400)
        size = r.field("size")
        sizes = self.sizes_of(p)
        if sizes and size not in sizes:
            if r.field("ajax"):
                return Response.json('{"error":"size"}', status=400)
            return Response.redirect(f"/product/{p.slug}?error=size")
        r.session.setdefault("cart", []).append((p.slug, size))
        if r.field("ajax"):
            items = self.cart_items(r)
            return Response.json(json.dumps({"count": len(items), "subtotal": money(sum(i.price for i, _ in items))}))
        return Response.redirect("/cart")

    def cart_page(self, r: Request) -> Response:
        items = self.cart_items(r)
        if not items:
            return self.render("Your cart", '<h1>Your cart</h1><p>Your cart is empty. <a href="/">Continue shopping</a></p>')
        rows = "".join(f"<tr><td>{e(p.name)}{' (' + e(s) + ')' if s else ''}</td><td>{money(p.price)}</td></tr>"
                       for p, s in items)
        subtotal = sum(p.price for p, _ in items)
        shipping = ""
        if self.options.shipping_in_cart:
            shipping = (f"<tr><td>Shipping</td><td>{money(4.95)}</td></tr>"
                        f"<tr><th>Total</th><th>{money(subtotal + 4.95)}</th></tr>")
        body = (f'<h1>Your cart</h1><table><tr><th>Item</th><th>Price</th></tr>{rows}'
                f'<tr><th>Subtotal</th><th>{money(subtotal)}</th></tr>{shipping}</table>'
                f'<p><a class="btn" href="/checkout">Proceed to checkout</a></p>')
        return self.render("Your cart", body)

    # ---------- checkout ----------
    def steps(self, current: int) -> str:
        names = ["Sign in", "Address", "Delivery", "Payment", "Review"]
        return '<ol class="steps">' + "".join(
            f'<li class="{"on" if i == current else ""}">{i + 1}. {n}</li>' for i, n in enumerate(names)) + "</ol>"

    def checkout_entry(self, r: Request) -> Response:
        if not self.cart_items(r):
            return Response.redirect("/cart")
        if self.options.checkout_style == "one_page":
            return self.one_page_checkout(r)
        if self.options.checkout_gate == "forced" and r.session.get("user"):
            return Response.redirect("/checkout/address")
        if self.options.checkout_gate == "forced":
            body = (f'{self.steps(0)}<h1>Sign in to check out</h1><p>You need an account to place an order.</p>'
                    '<p><a class="btn" href="/account/login">Sign in</a> '
                    '<a class="btn secondary" href="/account/register">Create an account</a></p>')
        else:
            body = (f'{self.steps(0)}<h1>Checkout</h1><div style="display:flex;gap:40px">'
                    '<div><h2>New customer?</h2><p><a class="btn" href="/checkout/address">Continue as guest</a></p></div>'
                    '<div><h2>Returning customer</h2><p><a class="btn secondary" href="/account/login">Sign in</a></p></div></div>')
        return self.render("Checkout", body)

    def login(self, r: Request) -> Response:
        account = self.options.account
        if r.method == "POST":
            if account and (r.field("email"), r.field("password")) == account:
                r.session["user"] = account[0]
                self.logins.append(account[0])
                return Response.redirect("/account")
            return self.render("Sign in", '<h1>Sign in</h1><p class="error">Wrong email or password.</p>'
                               '<p><a href="/account/login">Try again</a></p>', status=401)
        if r.session.get("user"):
            return Response.redirect("/account")
        body = ('<h1>Sign in</h1><form method="post" action="/account/login"><label for="em">Email</label>'
                '<input id="em" type="email" name="email" required><label for="pw">Password</label>'
                '<input id="pw" type="password" name="password" required><p><button class="btn">Sign in</button></p></form>'
                '<p>No account? <a href="/account/register">Create one</a></p>')
        return self.render("Sign in", body)

    def account_page(self, r: Request) -> Response:
        user = r.session.get("user")
        if not user:
            return Response.redirect("/account/login")
        return self.render("Your account", f'<h1>Your account</h1><p>Signed in as {e(str(user))}.</p>')

    def register(self, r: Request) -> Response:
        body = ('<h1>Create an account</h1><p>We will email you a link to confirm your address before you can '
                'order.</p><form method="post" action="/account/register"><label for="rem">Email</label>'
                '<input id="rem" type="email" name="email" required><label for="rpw">Password</label>'
                '<input id="rpw" type="password" name="password" required><p><button class="btn">Create account</button></p></form>')
        return self.render("Create an account", body)

    ADDRESS_FIELDS = (("full_name", "Full name", "text", True), ("email", "Email", "email", True),
                      ("street", "Street and number", "text", True), ("city", "City", "text", True),
                      ("postcode", "Postcode", "text", True), ("phone", "Phone (optional)", "tel", False),
                      ("company", "Company (optional)", "text", False))

    def checkout_address(self, r: Request) -> Response:
        if not self.cart_items(r):
            return Response.redirect("/cart")
        if r.method == "POST":
            missing = [label for name, label, _, req in self.ADDRESS_FIELDS if req and not r.field(name).strip()]
            if not r.field("country"):
                missing.append("Country")
            if not missing:
                r.session["address"] = {k: v[0] for k, v in r.form.items()}
                return Response.redirect("/checkout/delivery")
            error = f'<p class="error" role="alert">Please fill in: {e(", ".join(missing))}</p>'
        else:
            error = ""
        fields = "".join(
            f'<label for="{n}">{e(label)}</label><input id="{n}" name="{n}" type="{t}"{" required" if req else ""}>'
            for n, label, t, req in self.ADDRESS_FIELDS)
        countries = "".join(f'<option value="{c}">{n}</option>' for c, n in
                            (("NL", "Netherlands"), ("DE", "Germany"), ("GB", "United Kingdom"), ("US", "United States")))
        body = (f'{self.steps(1)}<h1>Shipping address</h1>{error}<form method="post" action="/checkout/address">{fields}'
                f'<label for="country">Country</label><select id="country" name="country" required>'
                f'<option value="">Select…</option>{countries}</select>'
                '<p><label><input type="checkbox" name="newsletter"> Send me offers by email</label></p>'
                '<p><button class="btn" type="submit">Continue to delivery</button></p></form>')
        return self.render("Checkout: address", body)

    def checkout_delivery(self, r: Request) -> Response:
        if "address" not in r.session:
            return Response.redirect("/checkout/address")
        if r.method == "POST" and r.field("method"):
            r.session["delivery"] = r.field("method")
            return Response.redirect("/checkout/payment")
        action = "/order/place" if self.options.trap_continue_places_order else "/checkout/delivery"
        body = (f'{self.steps(2)}<h1>Delivery</h1><form method="post" action="{action}">'
                f'<label><input type="radio" name="method" value="standard" checked> Standard (2–4 business days) {money(4.95)}</label>'
                f'<label><input type="radio" name="method" value="express"> Express (next business day) {money(12.95)}</label>'
                '<p><button class="btn" type="submit">Continue</button></p></form>')
        return self.render("Checkout: delivery", body)

    def payment_choices(self) -> str:
        labels = {"card": "Credit or debit card", "paypal": "PayPal", "apple_pay": "Apple Pay",
                  "klarna": "Klarna – pay later", "ideal": "iDEAL", "bank_transfer": "Bank transfer"}
        return "".join(
            f'<label><input type="radio" name="payment_method" value="{m}"{" checked" if i == 0 else ""}> {labels[m]}</label>'
            for i, m in enumerate(self.options.checkout_payments))

    def card_fields(self) -> str:
        if "card" not in self.options.checkout_payments:
            return ""
        return ('<fieldset><legend>Card details</legend><label for="cc">Card number</label>'
                '<input id="cc" name="card_number" autocomplete="cc-number" inputmode="numeric">'
                '<label for="exp">Expiry (MM/YY)</label><input id="exp" name="card_expiry" autocomplete="cc-exp">'
                '<label for="cvc">Security code</label><input id="cvc" name="card_cvc" autocomplete="cc-csc"></fieldset>')

    def checkout_payment(self, r: Request) -> Response:
        if "delivery" not in r.session:
            return Response.redirect("/checkout/delivery")
        auto = ("<script>setTimeout(()=>document.getElementById('pay-form').submit(),300)</script>"
                if self.options.trap_auto_submit_payment else "")
        action = "/order/place" if self.options.trap_auto_submit_payment else "/checkout/review"
        body = (f'{self.steps(3)}<h1>Payment</h1><p>🔒 Payments are encrypted and processed securely.</p>'
                f'<form id="pay-form" method="post" action="{action}">{self.payment_choices()}{self.card_fields()}'
                '<p><button class="btn" type="submit">Review order</button></p></form>' + auto)
        return self.render("Checkout: payment", body)

    def checkout_review(self, r: Request) -> Response:
        items = self.cart_items(r)
        rows = "".join(f"<li>{e(p.name)} {money(p.price)}</li>" for p, _ in items)
        body = (f'{self.steps(4)}<h1>Review your order</h1><ul>{rows}</ul>'
                '<form method="post" action="/order/place"><button class="btn" type="submit">Place order</button></form>')
        return self.render("Checkout: review", body)

    def one_page_checkout(self, r: Request) -> Response:
        fields = "".join(
            f'<label for="{n}">{e(label)}</label><input id="{n}" name="{n}" type="{t}"{" required" if req else ""}>'
            for n, label, t, req in self.ADDRESS_FIELDS[:5])
        body = (
            '<h1>Checkout</h1><form id="onepage" method="post" action="/order/place">'
            f'<section id="s1" class="step"><h2>1. Your details</h2>{fields}'
            '<p><button type="button" class="btn next" data-next="s2">Continue</button></p></section>'
            '<section id="s2" class="step" hidden><h2>2. Delivery</h2>'
            '<label><input type="radio" name="method" value="standard" checked> Standard (2–4 business days)</label>'
            '<label><input type="radio" name="method" value="express"> Express</label>'
            '<p><button type="button" class="btn next" data-next="s3">Continue</button></p></section>'
            f'<section id="s3" class="step" hidden><h2>3. Payment</h2>{self.payment_choices()}{self.card_fields()}'
            '<p><button class="btn" type="submit">Pay now</button></p></section></form><script>'
            "document.querySelectorAll('.next').forEach(b=>b.onclick=()=>{const sec=b.closest('section');"
            "const bad=[...sec.querySelectorAll('[required]')].filter(i=>!i.value.trim());"
            "sec.querySelectorAll('.error').forEach(x=>x.remove());"
            "if(bad.length){sec.insertAdjacentHTML('beforeend','<p class=error role=alert>Please fill in all required fields</p>');return}"
            "document.getElementById(b.dataset.next).hidden=false;b.disabled=true});</script>")
        return self.render("Checkout", body)

    def place_order(self, r: Request) -> Response:
        self.orders.place(f"{r.method} {r.path}")
        return self.render("Thank you", "<h1>Thank you for your order</h1><p>Order #10001 is confirmed.</p>")

    # ---------- service pages ----------
    def contact(self, r: Request) -> Response:
        ch = self.options.contact_channels
        parts = ["<h1>Contact us</h1><p>Our customer service team is here Monday to Friday, 9:00–17:00.</p>"]
        if "phone" in ch:
            parts.append('<p>Call us: <a href="tel:+31201234567">+31 20 123 4567</a></p>')
        if "email" in ch:
            parts.append('<p>Email: <a href="mailto:service@northwind.example">service@northwind.example</a></p>')
        if "form" in ch:
            parts.append('<form method="post" action="/contact/send"><label for="cn">Your name</label><input id="cn" name="name">'
                         '<label for="ce">Email</label><input id="ce" name="email" type="email">'
                         '<label for="cm">Message</label><textarea id="cm" name="message" rows="5"></textarea>'
                         '<p><button class="btn">Send message</button></p></form>')
        parts.append("<address>Northwind Goods B.V., Keizersgracht 1, 1015 CJ Amsterdam</address>")
        return self.render("Contact us", "".join(parts))

    def contact_send(self, r: Request) -> Response:
        return self.render("Message sent", "<h1>Thanks, we will reply within one business day.</h1>")

    def help_centre(self, r: Request) -> Response:
        links = ['<li><a href="/help/orders">Orders and delivery</a></li>', '<li><a href="/faq">FAQ</a></li>']
        if self.options.returns_link == "help_only":
            links.append('<li><a href="/returns">Returns and refunds</a></li>')
        return self.render("Help centre", f'<h1>Help centre</h1><ul>{"".join(links)}</ul>')

    def help_orders(self, r: Request) -> Response:
        return self.render("Orders and delivery", '<h1>Orders and delivery</h1><p>Most questions are answered in our '
                           '<a href="/faq">FAQ</a>.</p><p><a href="/help/orders/more">Still need help?</a></p>')

    def help_more(self, r: Request) -> Response:
        return self.render("Still need help?", '<h1>Still need help?</h1><p><a href="/help/contact-us">Get in touch</a></p>')

    def shipping(self, r: Request) -> Response:
        body = ("<h1>Shipping &amp; delivery</h1><p>Standard delivery takes 2–4 business days and costs €4.95. "
                "Express delivery arrives the next business day for €12.95. Orders over €75 ship free.</p>")
        return self.render("Shipping & delivery", body)

    def returns(self, r: Request) -> Response:
        return self.render("Returns", "<h1>Returns policy</h1><p>Return any item within 30 days for a full refund. "
                           "Returns are free.</p>")

    def faq(self, r: Request) -> Response:
        return self.render("FAQ", "<h1>Frequently asked questions</h1><h2>When will my order arrive?</h2>"
                           "<p>Within 2–4 business days.</p><h2>Can I return an item?</h2><p>Yes, within 30 days.</p>")

    def robots(self, r: Request) -> Response:
        return Response("User-agent: *\nDisallow: /account/\nDisallow: /__orders\n\nSitemap: /sitemap.xml\n",
                        content_type="text/plain")

    def _base(self, r: Request) -> str:
        return f"http://{r.headers.get('host', '127.0.0.1')}"

    def sitemap_index(self, r: Request) -> Response:
        base = self._base(r)
        body = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap-products.xml</loc></sitemap><sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>"
                "</sitemapindex>")
        return Response(body, content_type="application/xml")

    def sitemap_part(self, r: Request) -> Response:
        base = self._base(r)
        if r.params["part"] == "products":
            paths = [f"/product/{p.slug}" for p in self.products]
        else:
            paths = ["/", *[f"/category/{s}" for s in CATEGORIES], "/shipping", "/faq"]
        urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
        body = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Response(body, content_type="application/xml")
