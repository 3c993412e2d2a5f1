"""Fixture shops that copy the structure of real storefront themes, for the checkout journey.

Each class rebuilds, in our own code on the stdlib HTTP kit, a pattern that real platforms ship and that our
other fixtures lack. Every shop counts order-placing requests in `self.orders`: any request to its order
endpoint counts, valid or not, so a test can prove that none was sent.

Next to each shop is an `EXPECTED_<NAME>` dict with the facts a correct auditor should report. They are
counted this way:
- `steps_to_payment`: distinct steps from the first checkout page (a guest/account gate counts) up to and
  including the step that asks for payment; a section of a one-page checkout that must be completed before
  the next one opens counts as a step.
- `form_fields_required`: distinct required fields the customer meets on those steps, counted as a customer
  counts them: a radio group is one field, buttons are none; a field is required when it carries `required`,
  `aria-required="true"` or a required marker (`*`, `abbr.required`) in its label. Fields in a hidden login
  or "ship to a different address" panel do not count.
- `error_messages`: the site's own words when the journey errs before payment (e.g. no size chosen)."""

from __future__ import annotations

import json
import re
import secrets
import threading
from html import escape
from typing import Any, ClassVar

from auditor.demo.httpkit import App, Request, Response

_UK_POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2})$")


def _json_body(r: Request) -> dict[str, Any]:
    if "json" in r.headers.get("content-type", ""):
        try:
            data = json.loads(r.body.decode("utf-8") or "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {k: v[0] for k, v in r.form.items()}


class _Counter:
    """The order count and its lock, shared by every shop."""

    def __init__(self) -> None:
        self.orders = 0
        self._order_lock = threading.Lock()
        self.app = App()

    def _count_order(self) -> None:
        with self._order_lock:
            self.orders += 1


# ---------------------------------------------------------------------------------------------------------
# 1. Shopify Dawn: variant picker without a preselected variant, AJAX add to /cart/add.js, cart drawer
# ---------------------------------------------------------------------------------------------------------

_DAWN_CSS = """
body{font-family:Assistant,sans-serif;margin:0;color:#121212}.page-width{max-width:1100px;margin:0 auto;padding:0 20px}
.visually-hidden{position:absolute!important;overflow:hidden;width:1px;height:1px;margin:-1px;padding:0;border:0;
clip:rect(0 0 0 0);word-wrap:normal!important}
.header{display:flex;align-items:center;justify-content:space-between;padding:16px 20px;border-bottom:1px solid #ddd}
.header__heading-link{font-size:24px;text-decoration:none;color:#121212}.header__icons{display:flex;gap:14px;align-items:center}
details-modal summary{list-style:none;cursor:pointer}.search-modal{position:absolute;right:20px;background:#fff;padding:10px;
border:1px solid #ddd}.header__icon--cart{position:relative;text-decoration:none;color:#121212}
.cart-count-bubble{display:inline-block;background:#121212;color:#fff;border-radius:50%;min-width:18px;text-align:center;font-size:12px}
.product-grid{display:grid;grid-template-columns:repeat(3,1fr);gap:20px;list-style:none;padding:0}
.card{border:1px solid #eee;padding:14px}.card__heading a{color:#121212}
.product{display:grid;grid-template-columns:1fr 1fr;gap:40px;padding:30px 0}.product__media{background:#e9e4dc;height:380px}
.product-form__input{border:0;padding:0;margin:0 0 18px}.form__label{display:block;margin-bottom:8px;font-size:14px}
.product-form__input input[type=radio]{clip:rect(0,0,0,0);overflow:hidden;position:absolute;height:1px;width:1px}
.product-form__input input[type=radio]+label{display:inline-block;border:1px solid #999;border-radius:40px;padding:8px 18px;
margin:0 6px 6px 0;cursor:pointer}.product-form__input input[type=radio]:checked+label{background:#121212;color:#fff}
.product-form__input input.disabled+label{text-decoration:line-through;color:#999}
.swatch-button{border:1px solid #999;border-radius:40px;padding:8px 18px;margin:0 6px 6px 0;background:#fff;cursor:pointer}
.swatch-button[aria-pressed=true]{background:#121212;color:#fff}
.product-form__error-message-wrapper{color:#b00020;margin:10px 0}
.button{display:inline-block;background:#121212;color:#fff;border:0;padding:14px 28px;font-size:15px;cursor:pointer;text-decoration:none}
.button--full-width{width:100%}.button:disabled{opacity:.5}
cart-drawer{position:fixed;inset:0;z-index:100;visibility:hidden}cart-drawer.active{visibility:visible}
.cart-drawer__overlay{position:absolute;inset:0;background:rgba(0,0,0,.4)}
.drawer__inner{position:absolute;top:0;right:0;width:380px;height:100%;background:#fff;padding:20px;box-sizing:border-box;
transform:translateX(100%);transition:transform .2s}cart-drawer.active .drawer__inner{transform:none}
.footer{margin-top:40px;padding:30px 20px;border-top:1px solid #ddd}.list-payment{display:flex;gap:8px;list-style:none;padding:0}
.list-payment__item svg{border:1px solid #ccc}.field{display:block;margin:8px 0}.field input,.field select{width:100%;padding:10px;
box-sizing:border-box}.checkout{max-width:560px;margin:0 auto;padding:20px}
"""

_DAWN_JS = r"""
class CartDrawer extends HTMLElement {
  open() { this.classList.add('animate', 'active'); document.body.classList.add('overflow-hidden');
           const inner = this.querySelector('.drawer__inner'); if (inner) inner.focus(); }
  close() { this.classList.remove('active'); document.body.classList.remove('overflow-hidden'); }
  async refresh() {
    const html = await (await fetch('/cart?section_id=cart-drawer')).text();
    this.innerHTML = html;
    const cart = await (await fetch('/cart.js')).json();
    document.querySelectorAll('#cart-icon-bubble .cart-count-bubble span').forEach(s => {
      s.textContent = s.getAttribute('aria-hidden') ? cart.item_count : cart.item_count + (cart.item_count === 1 ? ' item' : ' items'); });
  }
}
customElements.define('cart-drawer', CartDrawer);
document.addEventListener('click', e => { if (e.target.closest('#CartDrawer-Overlay')) document.querySelector('cart-drawer').close(); });
const productForm = document.querySelector('product-form form');
if (productForm) {
  const variants = JSON.parse(document.getElementById('ProductVariants').textContent);
  const idInput = productForm.querySelector('input[name=id]');
  const submit = productForm.querySelector('.product-form__submit');
  const errorWrap = document.querySelector('.product-form__error-message-wrapper');
  const errorText = errorWrap.querySelector('.product-form__error-message');
  const selected = document.querySelector('variant-selects [data-selected-value]');
  const choose = value => {
    const v = variants.find(x => x.option1 === value);
    idInput.value = v ? v.id : ''; idInput.disabled = !v; selected.textContent = value; errorWrap.hidden = true;
    submit.disabled = !(v && v.available); submit.querySelector('span').textContent = v && v.available ? 'Add to cart' : 'Sold out';
  };
  document.querySelectorAll('variant-selects input[type=radio]').forEach(i => i.addEventListener('change', () => choose(i.value)));
  const pills = document.querySelectorAll('variant-selects button[data-option-value]');
  pills.forEach(b => b.addEventListener('click', () => {
    pills.forEach(o => o.setAttribute('aria-pressed', String(o === b))); choose(b.dataset.optionValue); }));
  productForm.addEventListener('submit', async e => {
    e.preventDefault();
    if (submit.getAttribute('aria-disabled') === 'true') return;
    submit.setAttribute('aria-disabled', 'true');
    const res = await fetch('/cart/add.js', {method: 'POST', headers: {'Content-Type': 'application/json',
      'Accept': 'application/javascript', 'X-Requested-With': 'XMLHttpRequest'},
      body: JSON.stringify({id: idInput.disabled ? '' : idInput.value, quantity: 1})});
    const data = await res.json();
    submit.removeAttribute('aria-disabled');
    if (data.status) { errorText.textContent = data.description; errorWrap.hidden = false; return; }
    const drawer = document.querySelector('cart-drawer');
    await drawer.refresh(); drawer.open();
  });
}
"""

_PAYMENT_ICONS = ("Visa", "Mastercard", "American Express", "PayPal", "Shop Pay")


class SwatchShop(_Counter):
    """Dawn with the "pill" picker: a `<fieldset>` per option whose visually hidden radios are drawn by their
    `<label>`s. No variant is preselected (as with a "no default variant" app): "Add to cart" posts an empty
    id to /cart/add.js, which answers 422 and the theme shows the description in its alert."""

    brand = "Fernhill"
    option = "Size"
    picker = "radio"
    products: ClassVar[dict[str, tuple[str, int, tuple[str, ...], frozenset[str]]]] = {
        "merino-crew-jumper": ("Merino Crew Jumper", 8500, ("S", "M", "L", "XL"), frozenset({"S"})),
        "organic-cotton-tee": ("Organic Cotton Tee", 2800, ("S", "M", "L", "XL"), frozenset()),
        "waxed-field-jacket": ("Waxed Field Jacket", 19000, ("S", "M", "L"), frozenset({"L"})),
    }

    def __init__(self) -> None:
        super().__init__()
        a = self.app
        a.add("/", self.home)
        a.add("/collections/all", self.collection)
        a.add("/products/(?P<handle>[a-z0-9-]+)", self.product)
        a.add("/search", self.search)
        a.add("/cart/add(?:\\.js)?", self.cart_add, methods=("POST",))
        a.add("/cart\\.js", self.cart_js)
        a.add("/cart", self.cart, methods=("GET", "POST"))
        a.add("/checkout", lambda r: Response.redirect(self._checkout_url(r), 302))
        a.add("/checkouts/cn/(?P<token>[a-f0-9]+)", self.checkout)
        a.add("/checkouts/cn/(?P<token>[a-f0-9]+)/complete", self.complete, methods=("POST",))
        a.add("/policies/(?P<name>[a-z-]+)", lambda r: self.page("Policy", f"<h1>{escape(r.params['name'].replace('-', ' ').title())}</h1>"
                                                                   "<p>Free UK delivery over £50. 30-day returns.</p>"))

    # ---- catalogue ----
    def variants(self, handle: str) -> list[dict[str, Any]]:
        _title, price, values, sold_out = self.products[handle]
        base = 4000 + 100 * list(self.products).index(handle)
        return [{"id": base + i, "title": v, "option1": v, "price": price, "available": v not in sold_out}
                for i, v in enumerate(values)]

    def variant(self, vid: str) -> tuple[str, dict[str, Any]] | None:
        for handle in self.products:
            for v in self.variants(handle):
                if str(v["id"]) == str(vid):
                    return handle, v
        return None

    @staticmethod
    def money(pence: int) -> str:
        return f"£{pence / 100:,.2f}"

    def cart_items(self, r: Request) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = r.session.setdefault("dawn_cart", [])
        return items

    # ---- layout ----
    def page(self, title: str, body: str, r: Request | None = None, template: str = "page") -> Response:
        count = sum(i["quantity"] for i in self.cart_items(r)) if r else 0
        icons = "".join(
            f"<li class='list-payment__item'><svg class='icon icon--full-color' viewBox='0 0 38 24' width='38' height='24' role='img' "
            f"aria-labelledby='pi-{i}'><title id='pi-{i}'>{name}</title><rect width='38' height='24' rx='3' fill='#fff'/></svg></li>"
            for i, name in enumerate(_PAYMENT_ICONS))
        drawer = self.drawer_html(r) if r else ""
        return Response(
            f"<!doctype html><html class='no-js' lang='en'><head><meta charset='utf-8'><title>{escape(title)} – {self.brand}</title>"
            f"<style>{_DAWN_CSS}</style></head><body class='gradient template-{template}'>"
            "<a class='skip-to-content-link button visually-hidden' href='#MainContent'>Skip to content</a>"
            f"<div id='shopify-section-header' class='shopify-section section-header'><cart-drawer class='drawer{'' if count else ' is-empty'}'>"
            f"{drawer}</cart-drawer><div class='header-wrapper'><header class='header header--middle-left page-width'>"
            f"<a href='/' class='header__heading-link link'><span class='h2'>{self.brand}</span></a>"
            "<nav class='header__inline-menu'><ul class='list-menu' role='list'><li><a href='/collections/all' class='header__menu-item'>"
            "Shop all</a></li></ul></nav><div class='header__icons'><details-modal class='header__search'><details>"
            "<summary class='header__icon header__icon--search' aria-haspopup='dialog' aria-label='Search'>Search</summary>"
            "<div class='search-modal modal__content' role='dialog' aria-modal='true' aria-label='Search'>"
            "<form action='/search' method='get' role='search' class='search search-modal__form'><div class='field'>"
            "<input class='search__input field__input' id='Search-In-Modal' type='search' name='q' placeholder='Search'>"
            "<label class='field__label' for='Search-In-Modal'>Search</label></div><input type='hidden' name='options[prefix]' value='last'>"
            "<button type='submit' class='search__button' aria-label='Search'>Go</button></form></div></details></details-modal>"
            "<a href='/cart' class='header__icon header__icon--cart link focus-inset' id='cart-icon-bubble'>"
            f"<span class='visually-hidden'>Cart</span><span aria-hidden='true'>Bag</span> <div class='cart-count-bubble'>"
            f"<span aria-hidden='true'>{count}</span><span class='visually-hidden'>{count} {'item' if count == 1 else 'items'}</span>"
            "</div></a></div></header></div></div>"
            f"<main id='MainContent' class='content-for-layout focus-none' role='main' tabindex='-1'><div class='page-width'>{body}</div></main>"
            "<footer class='footer'><div class='footer__content-top page-width'><ul class='list-unstyled'>"
            "<li><a href='/policies/shipping-policy'>Shipping policy</a></li><li><a href='/policies/refund-policy'>Refund policy</a></li>"
            "</ul></div><div class='footer__payment'><span class='visually-hidden'>Payment methods</span>"
            f"<ul class='list list-payment' role='list'>{icons}</ul></div><small class='copyright__content'>© 2024, {self.brand} "
            f"Powered by Shopify</small></footer><script>{_DAWN_JS}</script></body></html>")

    def card(self, handle: str) -> str:
        title, price, _values, _sold = self.products[handle]
        return (f"<li class='grid__item'><div class='card-wrapper product-card-wrapper'><div class='card card--standard'>"
                f"<div class='card__media' style='background:#e9e4dc;height:160px'></div><h3 class='card__heading h5'>"
                f"<a href='/products/{handle}' class='full-unstyled-link'>{escape(title)}</a></h3>"
                f"<div class='price'><span class='price-item price-item--regular'>From {self.money(price)}</span></div></div></div></li>")

    def home(self, r: Request) -> Response:
        cards = "".join(self.card(h) for h in self.products)
        return self.page("Home", f"<div class='banner'><h1 class='banner__heading'>Made to last, made to wear</h1>"
                                 f"<a class='button' href='/collections/all'>Shop all</a></div><h2>Featured collection</h2>"
                                 f"<ul class='grid product-grid' role='list'>{cards}</ul>", r, "index")

    def collection(self, r: Request) -> Response:
        cards = "".join(self.card(h) for h in self.products)
        return self.page("Products", f"<h1 class='collection-hero__title'>Products</h1><ul id='product-grid' class='grid product-grid' "
                                     f"role='list'>{cards}</ul>", r, "collection")

    def search(self, r: Request) -> Response:
        q = r.arg("q").strip().lower()
        hits = [h for h, p in self.products.items() if q and q in p[0].lower()]
        body = (f"<h1>Search results</h1><p role='status'>{len(hits)} results found for “{escape(r.arg('q'))}”</p>"
                f"<ul class='grid product-grid' role='list'>{''.join(self.card(h) for h in hits)}</ul>")
        return self.page("Search", body, r, "search")

    def picker_html(self, handle: str) -> str:
        values = self.products[handle][2]
        sold = self.products[handle][3]
        if self.picker == "radio":
            inputs = "".join(
                f"<input type='radio' id='template--main-1-{i}' name='{self.option}-1' value='{v}' form='product-form-main'"
                f" class='{'disabled' if v in sold else ''}' data-option-value-id='{900 + i}'>"
                f"<label for='template--main-1-{i}'>{v}"
                + ("<span class='visually-hidden label-unavailable'>Variant sold out or unavailable</span>" if v in sold else "")
                + "</label>" for i, v in enumerate(values))
            return (f"<variant-selects id='variant-selects-main' data-section='main'><fieldset class='js product-form__input "
                    f"product-form__input--pill'><legend class='form__label'>{self.option} <span data-selected-value></span></legend>"
                    f"{inputs}</fieldset></variant-selects>")
        buttons = "".join(
            f"<button type='button' class='swatch-button{' disabled' if v in sold else ''}' aria-pressed='false' "
            f"data-option-value='{v}'>{v}</button>" for v in values)
        return (f"<variant-selects id='variant-selects-main' data-section='main'><div class='product-form__input "
                f"product-form__input--swatch'><span class='form__label' id='option-label-1'>{self.option}: "
                f"<span data-selected-value></span></span><div class='swatch-list' role='group' aria-labelledby='option-label-1'>"
                f"{buttons}</div></div></variant-selects>")

    def product(self, r: Request) -> Response:
        handle = r.params["handle"]
        if handle not in self.products:
            return self.app.not_found(r)
        title, price, _values, _sold = self.products[handle]
        ld = json.dumps({"@context": "http://schema.org/", "@type": "Product", "name": title, "url": f"/products/{handle}",
                         "offers": [{"@type": "Offer", "price": price / 100, "priceCurrency": "GBP",
                                     "availability": "http://schema.org/InStock"}]})
        body = (
            f"<section id='shopify-section-main' class='shopify-section section'><product-info id='MainProduct-main' "
            f"class='product page-width' data-section='main'><div class='product__media-wrapper'><div class='product__media'></div></div>"
            f"<div class='product__info-wrapper'><div class='product__title'><h1>{escape(title)}</h1></div>"
            f"<div class='price__container'><span class='price-item price-item--regular'>{self.money(price)}</span></div>"
            f"<div class='product__tax caption rte'>Tax included. <a href='/policies/shipping-policy'>Shipping</a> calculated at checkout."
            f"</div>{self.picker_html(handle)}"
            "<div><product-form class='product-form' data-hide-errors='false' data-section-id='main'>"
            "<div class='product-form__error-message-wrapper' role='alert' hidden><span class='product-form__error-message'></span></div>"
            "<form method='post' action='/cart/add' id='product-form-main' accept-charset='UTF-8' class='form' "
            "enctype='multipart/form-data' novalidate='novalidate' data-type='add-to-cart-form'>"
            "<input type='hidden' name='form_type' value='product'><input type='hidden' name='utf8' value='✓'>"
            "<input type='hidden' name='id' value='' disabled class='product-variant-id'>"
            "<div class='product-form__buttons'><button id='ProductSubmitButton-main' type='submit' name='add' "
            "class='product-form__submit button button--full-width button--primary'><span>Add to cart</span></button></div>"
            "</form></product-form></div>"
            f"<div class='product__description rte'><p>Made in small batches by the people who designed it.</p></div></div></product-info>"
            f"<script type='application/json' id='ProductVariants'>{json.dumps(self.variants(handle))}</script>"
            f"<script type='application/ld+json'>{ld}</script></section>")
        return self.page(title, body, r, "product")

    # ---- cart ----
    def cart_add(self, r: Request) -> Response:
        data = _json_body(r)
        vid = data.get("id")
        if vid is None and isinstance(data.get("items"), list) and data["items"]:
            vid = data["items"][0].get("id")
        found = self.variant(str(vid or ""))
        if found is None:
            return Response.json(json.dumps({"status": 422, "message": "Cart Error",
                                             "description": f"Please select a {self.option.lower()}"}), status=422)
        handle, v = found
        if not v["available"]:
            return Response.json(json.dumps({"status": 422, "message": "Cart Error",
                                             "description": f"The product '{self.products[handle][0]} - {v['title']}' is already sold out."}),
                                 status=422)
        items = self.cart_items(r)
        line = next((i for i in items if i["id"] == v["id"]), None)
        if line:
            line["quantity"] += 1
        else:
            line = {"id": v["id"], "handle": handle, "title": self.products[handle][0], "variant_title": v["title"],
                    "price": v["price"], "quantity": 1}
            items.append(line)
        if "json" not in r.headers.get("content-type", "") and "javascript" not in r.headers.get("accept", ""):
            return Response.redirect("/cart", 302)  # a plain form post, as Shopify does without JavaScript
        return Response.json(json.dumps({**line, "options_with_values": [{"name": self.option, "value": v["title"]}]}))

    def cart_js(self, r: Request) -> Response:
        items = self.cart_items(r)
        return Response.json(json.dumps({"item_count": sum(i["quantity"] for i in items),
                                         "total_price": sum(i["price"] * i["quantity"] for i in items), "items": items}))

    def lines_html(self, r: Request) -> str:
        return "".join(
            f"<tr class='cart-item' role='row'><td class='cart-item__details' role='cell'><a href='/products/{i['handle']}' "
            f"class='cart-item__name h4 break'>{escape(i['title'])}</a><dl><div class='product-option'><dt>{self.option}:</dt>"
            f"<dd>{escape(i['variant_title'])}</dd></div></dl></td><td class='cart-item__quantity' role='cell'>"
            f"<input class='quantity__input' type='number' name='updates[]' value='{i['quantity']}' min='0' "
            f"aria-label='Quantity for {escape(i['title'])}'></td><td class='cart-item__totals right' role='cell'>"
            f"<span class='price price--end'>{self.money(i['price'] * i['quantity'])}</span></td></tr>"
            for i in self.cart_items(r))

    def drawer_html(self, r: Request) -> str:
        items = self.cart_items(r)
        total = self.money(sum(i["price"] * i["quantity"] for i in items))
        empty = "" if items else ("<div class='drawer__inner-empty'><h2 class='cart__empty-text'>Your cart is empty</h2>"
                                  "<a href='/collections/all' class='button'>Continue shopping</a></div>")
        return ("<div id='CartDrawer' class='cart-drawer'><div id='CartDrawer-Overlay' class='cart-drawer__overlay'></div>"
                "<div class='drawer__inner' role='dialog' aria-modal='true' aria-label='Your cart' tabindex='-1'>"
                f"{empty}<div class='drawer__header'><h2 class='drawer__heading'>Your cart</h2><button class='drawer__close' "
                "type='button' onclick=\"this.closest('cart-drawer').close()\" aria-label='Close'>×</button></div>"
                "<cart-drawer-items><form action='/cart' id='CartDrawer-Form' class='cart__contents cart-drawer__form' method='post'>"
                f"<div id='CartDrawer-CartItems' class='drawer__contents js-contents'><table class='cart-items' role='table'>"
                f"<tbody role='rowgroup'>{self.lines_html(r)}</tbody></table></div><div id='CartDrawer-CartErrors' role='alert'></div>"
                "</form></cart-drawer-items><div class='drawer__footer'><div class='cart-drawer__footer'><div class='totals' role='status'>"
                f"<h2 class='totals__total'>Estimated total</h2><p class='totals__total-value'>{total} GBP</p></div>"
                "<small class='tax-note caption-large rte'>Taxes included. Discounts and shipping calculated at checkout.</small></div>"
                "<div class='cart__ctas'><button type='submit' id='CartDrawer-Checkout' class='cart__checkout-button button' "
                f"name='checkout' form='CartDrawer-Form'{'' if items else ' disabled'}>Check out</button></div></div></div></div>")

    def cart(self, r: Request) -> Response:
        if r.method == "POST":
            return Response.redirect(self._checkout_url(r), 302)
        if r.arg("section_id") == "cart-drawer":
            return Response(self.drawer_html(r))
        items = self.cart_items(r)
        total = self.money(sum(i["price"] * i["quantity"] for i in items))
        body = ("<div class='title-wrapper-with-link'><h1 class='title title--primary'>Your cart</h1>"
                "<a href='/collections/all' class='underlined-link'>Continue shopping</a></div>"
                "<form action='/cart' class='cart__contents critical-hidden' method='post' id='cart'><table class='cart-items'>"
                f"<tbody>{self.lines_html(r)}</tbody></table><div class='totals'><h2 class='totals__total'>Estimated total</h2>"
                f"<p class='totals__total-value'>{total} GBP</p></div><small class='tax-note caption-large rte'>Taxes included. "
                "Discounts and shipping calculated at checkout.</small><div class='cart__ctas'><button type='submit' id='checkout' "
                f"class='cart__checkout-button button' name='checkout'{'' if items else ' disabled'}>Check out</button></div></form>")
        return self.page("Your cart", body, r, "cart")

    def _checkout_url(self, r: Request) -> str:
        token = r.session.setdefault("dawn_checkout", secrets.token_hex(12))
        return f"/checkouts/cn/{token}"

    # ---- Shopify's one-page checkout ----
    def checkout(self, r: Request) -> Response:
        items = self.cart_items(r)
        if not items:
            return Response.redirect("/cart", 302)

        def text(name: str, label: str, auto: str, required: bool = True, kind: str = "text") -> str:
            shown = label if required else f"{label} (optional)"
            return (f"<div class='field'><label for='{name}'>{shown}</label><input id='{name}' name='{name}' type='{kind}' "
                    f"autocomplete='{auto}' placeholder='{shown}'{' required' if required else ''}></div>")

        countries = "".join(f"<option value='{c}'{' selected' if c == 'GB' else ''}>{n}</option>" for c, n in
                            (("IE", "Ireland"), ("FR", "France"), ("DE", "Germany"), ("GB", "United Kingdom"), ("US", "United States")))
        subtotal = sum(i["price"] * i["quantity"] for i in items)
        lines = "".join(f"<li>{escape(i['title'])} – {escape(i['variant_title'])} × {i['quantity']} "
                        f"<span>{self.money(i['price'] * i['quantity'])}</span></li>" for i in items)
        body = (
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Checkout - {self.brand}</title>"
            f"<style>{_DAWN_CSS}</style></head><body><header role='banner' class='header'><a href='/' class='header__heading-link'>"
            f"{self.brand}</a><a href='/cart' aria-label='Cart'>Bag</a></header><main class='checkout' role='main'>"
            f"<form id='Form0' action='/checkouts/cn/{r.params['token']}/complete' method='post' novalidate>"
            "<section aria-label='Contact'><h2>Contact</h2>"
            + text("email", "Email", "shipping email", kind="email")
            + "<label><input type='checkbox' name='marketing_opt_in'> Email me with news and offers</label></section>"
            "<section aria-label='Delivery'><h2>Delivery</h2><div class='field'><label for='Select0'>Country/Region</label>"
            f"<select id='Select0' name='countryCode' autocomplete='shipping country' required>{countries}</select></div>"
            + text("TextField0", "First name", "shipping given-name", required=False)
            + text("TextField1", "Last name", "shipping family-name")
            + text("TextField2", "Address", "shipping address-line1")
            + text("TextField3", "Apartment, suite, etc.", "shipping address-line2", required=False)
            + text("TextField4", "City", "shipping address-level2")
            + text("TextField5", "Postcode", "shipping postal-code")
            + text("TextField6", "Phone", "shipping tel", required=False, kind="tel")
            + "</section><section aria-label='Shipping method'><h2>Shipping method</h2>"
            "<label><input type='radio' name='shipping_rate' value='standard' checked> Standard · 3 to 5 business days · £3.99</label>"
            "<label><input type='radio' name='shipping_rate' value='express'> Express · 1 business day · £7.99</label></section>"
            "<section aria-label='Payment'><h2>Payment</h2><p>All transactions are secure and encrypted.</p>"
            "<fieldset><legend class='visually-hidden'>Choose a payment method</legend>"
            "<label><input type='radio' name='payment_gateway' value='shopify_payments' checked> Credit card</label>"
            "<label><input type='radio' name='payment_gateway' value='paypal'> PayPal</label></fieldset></section>"
            f"<aside aria-label='Order summary'><ul>{lines}</ul><p>Subtotal {self.money(subtotal)}</p>"
            f"<p>Shipping £3.99</p><p><strong>Total GBP {self.money(subtotal + 399)}</strong></p></aside>"
            "<button type='submit' id='checkout-pay-button' class='button button--full-width'>Pay now</button></form></main>"
            "<footer role='contentinfo' class='footer'><a href='/policies/refund-policy'>Refund policy</a></footer></body></html>")
        return Response(body)

    def complete(self, r: Request) -> Response:
        self._count_order()
        return self.page("Thank you", "<h1>Thank you!</h1><p>Your order is confirmed.</p>", r)


class ColourButtonShop(SwatchShop):
    """The same Dawn shop with a custom picker many premium themes use: plain `<button>`s with `aria-pressed`
    and `data-option-value` in a `role=group` under a "Colour" label. There is no select and no radio."""

    brand = "Kiln & Co"
    option = "Colour"
    picker = "buttons"
    products: ClassVar[dict[str, tuple[str, int, tuple[str, ...], frozenset[str]]]] = {
        "stoneware-mug": ("Stoneware Mug", 1800, ("Sage", "Clay", "Ink"), frozenset({"Clay"})),
        "linen-tea-towel": ("Linen Tea Towel", 1200, ("Sage", "Clay", "Ink"), frozenset()),
        "ceramic-planter": ("Ceramic Planter", 3400, ("Sage", "Ink"), frozenset()),
    }


# Shopify's one-page checkout asks for the rates once the delivery address is complete (it listens to typing, a
# moment after the last keystroke), lists them with the first selected and puts its price in the summary
_SHOPIFY_RATES_JS = r"""
const delivery = document.querySelector('section[aria-label=Delivery]');
let asking = null;
const askRates = () => { clearTimeout(asking); asking = setTimeout(async () => {
  const value = id => document.getElementById(id).value.trim();
  if (!value('TextField2') || !value('TextField4') || !value('TextField5')) return;
  const rates = await (await fetch(location.pathname + '/shipping_rates?country=' + value('Select0'))).json();
  document.getElementById('rates').outerHTML = rates.map((rate, i) => "<label><input type='radio' name='shipping_rate' value='" +
    rate.handle + "'" + (i ? '' : ' checked') + '> ' + rate.title + ' · ' + rate.price + '</label>').join('');
  document.getElementById('summary-shipping').textContent = 'Shipping ' + rates[0].price;
  document.getElementById('summary-total').textContent = 'Total GBP ' + rates[0].total;
}, 300); };
delivery.addEventListener('input', askRates);
delivery.addEventListener('change', askRates);
"""


class RatesAfterAddressShop(SwatchShop):
    """The same Dawn shop whose checkout (Shopify's one-page checkout) says "Enter your shipping address to view
    available shipping methods." and "Shipping: Enter shipping address" in the summary until the address is complete,
    then fetches and lists the rates, the first selected."""

    def __init__(self) -> None:
        super().__init__()
        self.rate_requests = 0
        self.app.add("/checkouts/cn/(?P<token>[a-f0-9]+)/shipping_rates", self.shipping_rates)

    def shipping_rates(self, r: Request) -> Response:
        self.rate_requests += 1
        subtotal = self._subtotal(r)
        return Response.json(json.dumps([
            {"handle": "standard", "title": "Standard · 3 to 5 business days", "price": self.money(399),
             "total": self.money(subtotal + 399)},
            {"handle": "express", "title": "Express · 1 business day", "price": self.money(799),
             "total": self.money(subtotal + 799)}]))

    def checkout(self, r: Request) -> Response:
        response = super().checkout(r)
        if not isinstance(response.body, str) or "shipping_rate" not in response.body:
            return response
        body = re.sub(r"(<h2>Shipping method</h2>).*?(</section>)",
                      r"\1<p id='rates'>Enter your shipping address to view available shipping methods.</p>\2",
                      response.body, count=1, flags=re.S)
        body = re.sub(r"<p>Shipping £3\.99</p><p><strong>Total GBP (£[\d.,]+)</strong></p>",
                      lambda m: "<p id='summary-shipping'>Shipping Enter shipping address</p><p><strong id='summary-total'>"
                                f"Total GBP {self.money(self._subtotal(r))}</strong></p>", body, count=1)
        response.body = body.replace("</body>", f"<script>{_SHOPIFY_RATES_JS}</script></body>", 1)
        return response

    def _subtotal(self, r: Request) -> int:
        return sum(i["price"] * i["quantity"] for i in self.cart_items(r))

_DAWN_PATTERN_NOTE = ("copies Shopify/dawn snippets/product-variant-picker.liquid + product-variant-options.liquid "
                      "(fieldset.product-form__input--pill, radios hidden by CSS, labels as pills), snippets/buy-buttons.liquid "
                      "(product-form, role=alert .product-form__error-message-wrapper, button[name=add]), "
                      "snippets/cart-drawer.liquid (role=dialog drawer, #CartDrawer-Checkout submitting #CartDrawer-Form) and the "
                      "footer's list-payment icons")

EXPECTED_SWATCH: dict[str, Any] = {
    "one_page_checkout": True,  # Shopify's checkout asks for the address beside the payment
    "steps_to_payment": 1,
    "guest_checkout": "offered",
    "payment_labels": ["Credit card", "PayPal"],
    "error_messages": ["Please select a size"],
    "form_fields_required": 6,  # email, country (preselected GB), last name, address, city, postcode
    "options_to_choose": {"Size": ["S", "M", "L", "XL"]},  # S is sold out on the jumper, L on the jacket
    "cart_kind": "drawer",
    "add_to_cart_request": "POST /cart/add.js (JSON); 422 with description when no variant is chosen",
    "order_endpoint": "POST /checkouts/cn/<token>/complete",
    "pattern": "Size as visually hidden radios drawn by <label> pills in a <fieldset><legend>Size, nothing preselected; AJAX "
               "add opens a cart drawer whose 'Check out' is a form-bound button; " + _DAWN_PATTERN_NOTE,
}

EXPECTED_COLOUR_BUTTON: dict[str, Any] = {
    **EXPECTED_SWATCH,
    "error_messages": ["Please select a colour"],
    "options_to_choose": {"Colour": ["Sage", "Clay", "Ink"]},  # Clay is sold out on the mug
    "pattern": "Colour as plain <button aria-pressed data-option-value> in a role=group under a 'Colour:' label (no select, no "
               "radio), nothing preselected; AJAX add opens a cart drawer; " + _DAWN_PATTERN_NOTE,
}


# ---------------------------------------------------------------------------------------------------------
# 2. WooCommerce (Storefront header): AJAX add to cart, a mini-cart that offers only "View cart"
# ---------------------------------------------------------------------------------------------------------

_WOO_CSS = """
body{font-family:'Source Sans Pro',sans-serif;margin:0;color:#43454b}.col-full{max-width:1060px;margin:0 auto;padding:0 20px}
.site-header{background:#fff;border-bottom:1px solid #eee;padding:18px 0}.site-header .col-full{display:flex;align-items:center;gap:24px}
.site-title a{font-size:26px;color:#333;text-decoration:none}.site-search{flex:1}
.site-header-cart{list-style:none;margin:0;padding:0;position:relative}
.site-header-cart .widget_shopping_cart{position:absolute;top:100%;right:0;width:300px;background:#f8f8f8;padding:14px;z-index:99;
left:auto;display:none;box-shadow:0 4px 12px rgba(0,0,0,.15)}
.site-header-cart:hover .widget_shopping_cart,.site-header-cart.focus .widget_shopping_cart{display:block}
ul.products{display:grid;grid-template-columns:repeat(3,1fr);gap:24px;list-style:none;padding:0}
.button{background:#333;color:#fff;border:0;padding:10px 18px;text-decoration:none;display:inline-block;cursor:pointer}
.button.alt{background:#96588a}.button.disabled{opacity:.5;cursor:not-allowed}.added_to_cart{margin-left:8px}
.woocommerce-message,.woocommerce-info{background:#f2f2f2;border-left:4px solid #0f834d;padding:12px;margin:12px 0}
.woocommerce-error{background:#fbeaea;border-left:4px solid #e2401c;padding:12px;list-style:none}
.form-row{margin:0 0 12px}.form-row label{display:block}.form-row input,.form-row select,.form-row textarea{width:100%;padding:8px;
box-sizing:border-box}.required{color:#e2401c;text-decoration:none;border:0}.woocommerce-form-login{display:none}
.site-footer{background:#f0f0f0;margin-top:40px;padding:30px 0}
"""

_WOO_JS = r"""
const fragmentsUpdate = fragments => { for (const [sel, html] of Object.entries(fragments || {}))
  document.querySelectorAll(sel).forEach(el => { el.outerHTML = html; }); };
const wcAdd = async (productId, quantity, button) => {
  const body = new URLSearchParams({product_id: productId, quantity: quantity || 1});
  if (button) { button.classList.remove('added'); button.classList.add('loading'); }
  const res = await (await fetch('/?wc-ajax=add_to_cart', {method: 'POST', body,
    headers: {'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest'}})).json();
  if (res.error && res.product_url) { window.location = res.product_url; return; }
  fragmentsUpdate(res.fragments);
  if (button) { button.classList.remove('loading'); button.classList.add('added');
    if (!button.parentNode.querySelector('.added_to_cart')) button.insertAdjacentHTML('afterend',
      '<a href="/cart/" class="added_to_cart wc-forward" title="View cart">View cart</a>'); }
  document.getElementById('site-header-cart').classList.add('focus');   // the theme drops the mini-cart open
};
document.addEventListener('click', e => {
  const b = e.target.closest('.ajax_add_to_cart');
  if (b) { e.preventDefault(); wcAdd(b.dataset.product_id, b.dataset.quantity, b); }
  if (!e.target.closest('#site-header-cart')) document.getElementById('site-header-cart').classList.remove('focus');
});
const single = document.querySelector('form.cart:not(.variations_form)');
if (single) single.addEventListener('submit', e => { e.preventDefault();
  const b = single.querySelector('[name=add-to-cart]'); wcAdd(b.value, single.querySelector('[name=quantity]').value, b); });
const variations = document.querySelector('form.variations_form');
if (variations) {
  const select = variations.querySelector('select'); const button = variations.querySelector('.single_add_to_cart_button');
  const vid = variations.querySelector('input[name=variation_id]');
  const map = JSON.parse(variations.dataset.product_variations);
  select.addEventListener('change', () => { const v = map.find(x => x.attributes[select.name] === select.value);
    vid.value = v ? v.variation_id : ''; button.classList.toggle('disabled', !v);
    button.classList.toggle('wc-variation-selection-needed', !v); });
  variations.addEventListener('submit', e => { e.preventDefault();
    if (button.classList.contains('disabled')) {
      window.alert('Please select some product options before adding this product to your cart.'); return; }
    wcAdd(vid.value, variations.querySelector('[name=quantity]').value, button); });
}
const checkout = document.querySelector('form.woocommerce-checkout');
if (checkout) {
  document.querySelector('.showlogin').addEventListener('click', e => { e.preventDefault();
    const f = document.querySelector('.woocommerce-form-login'); f.style.display = f.style.display === 'block' ? 'none' : 'block'; });
  checkout.addEventListener('submit', async e => { e.preventDefault();
    const res = await (await fetch('/?wc-ajax=checkout', {method: 'POST', body: new URLSearchParams(new FormData(checkout)),
      headers: {'Content-Type': 'application/x-www-form-urlencoded'}})).json();
    document.querySelectorAll('.woocommerce-NoticeGroup-checkout').forEach(n => n.remove());
    if (res.result === 'success') { window.location = res.redirect; return; }
    checkout.insertAdjacentHTML('afterbegin', '<div class="woocommerce-NoticeGroup woocommerce-NoticeGroup-checkout">' + res.messages + '</div>');
  });
}
"""


class ViewCartOnlyShop(_Counter):
    """WooCommerce with a Storefront-style header: "Add to cart" works by AJAX (`?wc-ajax=add_to_cart`), the
    returned fragments refill the header mini-cart, which drops open offering only "View cart" (the theme removed
    `woocommerce_widget_shopping_cart_proceed_to_checkout`); the cart page has "Proceed to checkout"."""

    products: ClassVar[dict[str, tuple[int, str, int]]] = {  # slug: (id, name, price in pence)
        "walnut-serving-board": (21, "Walnut Serving Board", 3600),
        "copper-pour-over-kettle": (22, "Copper Pour-Over Kettle", 5400),
        "enamel-camp-mug": (23, "Enamel Camp Mug", 1250),
        "linen-apron": (24, "Linen Apron", 2800),  # a variable product: Size must be chosen
    }
    variable: ClassVar[dict[str, dict[str, dict[str, int]]]] = {"linen-apron": {"attribute_pa_size": {"small": 241, "medium": 242, "large": 243}}}

    def __init__(self) -> None:
        super().__init__()
        self.app.add("/", self.root, methods=("GET", "POST"))
        self.app.add("/shop/", lambda r: self.page("Shop", "<h1 class='woocommerce-products-header__title page-title'>Shop</h1>"
                                                       + self.loop(), r, "archive post-type-archive-product"))
        self.app.add("/product/(?P<slug>[a-z0-9-]+)/", self.product, methods=("GET", "POST"))
        self.app.add("/cart/", self.cart)
        self.app.add("/checkout/", self.checkout)
        self.app.add("/checkout/order-received/", lambda r: self.page("Order received", "<p>Thank you. Your order has been received.</p>", r))
        self.app.add("/delivery/", lambda r: self.page("Delivery", "<h1>Delivery</h1><p>UK flat rate £4.95.</p>", r))

    @staticmethod
    def money(pence: int) -> str:
        return f"<span class='woocommerce-Price-amount amount'><bdi><span class='woocommerce-Price-currencySymbol'>£</span>{pence / 100:.2f}</bdi></span>"

    def by_id(self, pid: str) -> tuple[str, str, int, str] | None:
        """(slug, name, price, size) for a product or variation id."""
        for slug, (i, name, price) in self.products.items():
            if str(i) == pid and slug not in self.variable:
                return slug, name, price, ""
            for sizes in self.variable.get(slug, {}).values():
                for size, vid in sizes.items():
                    if str(vid) == pid:
                        return slug, name, price, size.title()
        return None

    def cart_lines(self, r: Request) -> list[dict[str, Any]]:
        lines: list[dict[str, Any]] = r.session.setdefault("woo_cart", [])
        return lines

    def add(self, r: Request, pid: str, qty: int) -> dict[str, Any] | None:
        found = self.by_id(pid)
        if not found:
            return None
        slug, name, price, size = found
        lines = self.cart_lines(r)
        line = next((x for x in lines if x["id"] == pid), None)
        if line:
            line["qty"] += qty
        else:
            line = {"id": pid, "slug": slug, "name": name + (f" - {size}" if size else ""), "price": price, "qty": qty}
            lines.append(line)
        return line

    # ---- fragments and layout ----
    def cart_link(self, r: Request) -> str:
        lines = self.cart_lines(r)
        n = sum(x["qty"] for x in lines)
        return (f"<a class='cart-contents' href='/cart/' title='View your shopping cart'>{self.money(sum(x['price'] * x['qty'] for x in lines))}"
                f" <span class='count'>{n} item{'' if n == 1 else 's'}</span></a>")

    def mini_cart(self, r: Request) -> str:
        lines = self.cart_lines(r)
        if not lines:
            inner = "<p class='woocommerce-mini-cart__empty-message'>No products in the cart.</p>"
        else:
            items = "".join(
                f"<li class='woocommerce-mini-cart-item mini_cart_item'><a href='/cart/?remove_item={x['id']}' class='remove "
                f"remove_from_cart_button' aria-label='Remove {escape(x['name'])} from cart' data-product_id='{x['id']}'>×</a>"
                f"<a href='/product/{x['slug']}/'>{escape(x['name'])}</a><span class='quantity'>{x['qty']} × {self.money(x['price'])}</span></li>"
                for x in lines)
            inner = (f"<ul class='woocommerce-mini-cart cart_list product_list_widget'>{items}</ul><p class='woocommerce-mini-cart__total "
                     f"total'><strong>Subtotal:</strong> {self.money(sum(x['price'] * x['qty'] for x in lines))}</p>"
                     "<p class='woocommerce-mini-cart__buttons buttons'><a href='/cart/' class='button wc-forward'>View cart</a></p>")
        return f"<div class='widget_shopping_cart_content'>{inner}</div>"

    def page(self, title: str, body: str, r: Request, body_class: str = "page") -> Response:
        return Response(
            f"<!doctype html><html lang='en-GB'><head><meta charset='UTF-8'><title>{escape(title)} – Hearth &amp; Hob</title>"
            f"<style>{_WOO_CSS}</style></head><body class='{body_class} woocommerce woocommerce-page storefront-align-wide'>"
            "<div id='page' class='hfeed site'><header id='masthead' class='site-header' role='banner'><div class='col-full'>"
            "<div class='site-branding'><p class='site-title'><a href='/' rel='home'>Hearth &amp; Hob</a></p></div>"
            "<div class='site-search'><div class='widget woocommerce widget_product_search'><form role='search' method='get' "
            "class='woocommerce-product-search' action='/'><label class='screen-reader-text' for='woocommerce-product-search-field-0'>"
            "Search for:</label><input type='search' id='woocommerce-product-search-field-0' class='search-field' "
            "placeholder='Search products…' value='' name='s'><button type='submit' value='Search'>Search</button>"
            "<input type='hidden' name='post_type' value='product'></form></div></div>"
            "<ul id='site-header-cart' class='site-header-cart menu'><li class=''>" + self.cart_link(r) + "</li><li>"
            "<div class='widget woocommerce widget_shopping_cart'>" + self.mini_cart(r) + "</div></li></ul></div>"
            "<nav id='site-navigation' class='main-navigation' aria-label='Primary Navigation'><div class='col-full'>"
            "<a href='/shop/'>Shop</a> · <a href='/delivery/'>Delivery</a></div></nav></header>"
            f"<div id='content' class='site-content'><div class='col-full'><div id='primary' class='content-area'><main id='main' "
            f"class='site-main' role='main'>{body}</main></div></div></div><footer id='colophon' class='site-footer' role='contentinfo'>"
            "<div class='col-full'><a href='/delivery/'>Delivery &amp; returns</a><div class='site-info'>© Hearth &amp; Hob 2024 · "
            "Built with WooCommerce.</div></div></footer></div>"
            f"<script>{_WOO_JS}</script></body></html>")

    def loop(self, slugs: list[str] | None = None) -> str:
        items = []
        for slug in slugs if slugs is not None else list(self.products):
            pid, name, price = self.products[slug]
            if slug in self.variable:
                button = (f"<a href='/product/{slug}/' data-quantity='1' class='button product_type_variable add_to_cart_button' "
                          f"data-product_id='{pid}' aria-label='Select options for “{escape(name)}”' rel='nofollow'>Select options</a>")
            else:
                button = (f"<a href='?add-to-cart={pid}' data-quantity='1' class='button product_type_simple add_to_cart_button "
                          f"ajax_add_to_cart' data-product_id='{pid}' aria-label='Add “{escape(name)}” to your cart' rel='nofollow'>"
                          "Add to cart</a>")
            items.append(f"<li class='product type-product post-{pid} status-publish instock'><a href='/product/{slug}/' "
                         f"class='woocommerce-LoopProduct-link woocommerce-loop-product__link'><h2 class='woocommerce-loop-product__title'>"
                         f"{escape(name)}</h2><span class='price'>{self.money(price)}</span></a>{button}</li>")
        return f"<ul class='products columns-3'>{''.join(items)}</ul>"

    # ---- routes ----
    def root(self, r: Request) -> Response:
        action = r.arg("wc-ajax")
        if action == "checkout":
            return self.place_order(r)
        if action == "add_to_cart":
            line = self.add(r, r.field("product_id"), max(1, int(r.field("quantity") or 1)))
            if line is None:
                return Response.json(json.dumps({"error": True, "product_url": "/shop/"}))
            return Response.json(json.dumps({"fragments": {"div.widget_shopping_cart_content": self.mini_cart(r),
                                                           "a.cart-contents": self.cart_link(r)}, "cart_hash": secrets.token_hex(8)}))
        if action == "get_refreshed_fragments":
            return Response.json(json.dumps({"fragments": {"div.widget_shopping_cart_content": self.mini_cart(r)}}))
        if r.arg("add-to-cart"):
            line = self.add(r, r.arg("add-to-cart"), 1)
            return Response.redirect(f"/product/{line['slug']}/?added=1" if line else "/shop/", 302)
        if "s" in r.query:
            term = r.arg("s").strip().lower()
            hits = [s for s, (_i, n, _p) in self.products.items() if term and term in n.lower()]
            body = (f"<h1 class='page-title'>Search results: “{escape(r.arg('s'))}”</h1>{self.loop(hits)}" if hits else
                    "<p class='woocommerce-info'>No products were found matching your selection.</p>")
            return self.page("Search", body, r, "search search-results")
        return self.page("Home", "<section class='storefront-hero'><h1>Cook slowly, eat together</h1><p>Kitchen things made by "
                                 "small workshops.</p></section><section class='storefront-product-section'><h2 class='section-title'>"
                                 f"Our products</h2>{self.loop()}</section>", r, "home page-template-template-homepage")

    def product(self, r: Request) -> Response:
        slug = r.params["slug"]
        if slug not in self.products:
            return self.app.not_found(r)
        pid, name, price = self.products[slug]
        notice = ""
        if r.method == "POST" and r.field("add-to-cart"):  # the form without JavaScript
            self.add(r, r.field("variation_id") or r.field("add-to-cart"), max(1, int(r.field("quantity") or 1)))
            notice = "1"
        if notice or r.arg("added"):
            notice = (f"<div class='woocommerce-notices-wrapper'><div class='woocommerce-message' role='alert'><a href='/cart/' "
                      f"tabindex='1' class='button wc-forward'>View cart</a> “{escape(name)}” has been added to your cart.</div></div>")
        qty = ("<div class='quantity'><label class='screen-reader-text' for='quantity_1'>" + escape(name) + " quantity</label>"
               "<input type='number' id='quantity_1' class='input-text qty text' name='quantity' value='1' min='1' step='1' "
               "inputmode='numeric' autocomplete='off'></div>")
        if slug in self.variable:
            sizes = self.variable[slug]["attribute_pa_size"]
            variations = json.dumps([{"attributes": {"attribute_pa_size": s}, "variation_id": v, "is_in_stock": True}
                                     for s, v in sizes.items()])
            options = "".join(f"<option value='{s}' class='attached enabled'>{s.title()}</option>" for s in sizes)
            form = (f"<form class='variations_form cart' action='/product/{slug}/' method='post' enctype='multipart/form-data' "
                    f"data-product_id='{pid}' data-product_variations='{escape(variations)}'><table class='variations' role='presentation'>"
                    "<tbody><tr><th class='label'><label for='pa_size'>Size</label></th><td class='value'><select id='pa_size' "
                    "name='attribute_pa_size' data-attribute_name='attribute_pa_size'><option value=''>Choose an option</option>"
                    f"{options}</select><button class='reset_variations' aria-label='Clear options'>Clear</button></td></tr></tbody></table>"
                    "<div class='single_variation_wrap'><div class='woocommerce-variation single_variation'></div>"
                    f"<div class='woocommerce-variation-add-to-cart variations_button'>{qty}<button type='submit' "
                    "class='single_add_to_cart_button button alt disabled wc-variation-selection-needed'>Add to cart</button>"
                    f"<input type='hidden' name='add-to-cart' value='{pid}'><input type='hidden' name='product_id' value='{pid}'>"
                    "<input type='hidden' name='variation_id' class='variation_id' value=''></div></div></form>")
        else:
            form = (f"<form class='cart' action='/product/{slug}/' method='post' enctype='multipart/form-data'>{qty}"
                    f"<button type='submit' name='add-to-cart' value='{pid}' class='single_add_to_cart_button button alt'>Add to cart</button></form>")
        ld = json.dumps({"@context": "https://schema.org/", "@type": "Product", "name": name, "sku": str(pid),
                         "offers": [{"@type": "Offer", "price": f"{price / 100:.2f}", "priceCurrency": "GBP",
                                     "availability": "http://schema.org/InStock"}]})
        body = (f"{notice}<div id='product-{pid}' class='product type-product status-publish instock product-type-"
                f"{'variable' if slug in self.variable else 'simple'}'><div class='woocommerce-product-gallery' style='background:#eee;"
                f"height:240px'></div><div class='summary entry-summary'><h1 class='product_title entry-title'>{escape(name)}</h1>"
                f"<p class='price'>{self.money(price)}</p><div class='woocommerce-product-details__short-description'><p>Made in "
                f"Sheffield.</p></div>{form}</div></div><script type='application/ld+json'>{ld}</script>")
        return self.page(name, body, r, "product-template-default single single-product")

    def cart(self, r: Request) -> Response:
        lines = self.cart_lines(r)
        if not lines:
            return self.page("Cart", "<div class='wc-empty-cart-message'><div class='cart-empty woocommerce-info'>Your cart is currently "
                                     "empty.</div></div><p class='return-to-shop'><a class='button wc-backward' href='/shop/'>Return to "
                                     "shop</a></p>", r, "woocommerce-cart")
        subtotal = sum(x["price"] * x["qty"] for x in lines)
        rows = "".join(
            f"<tr class='woocommerce-cart-form__cart-item cart_item'><td class='product-name' data-title='Product'><a href='/product/"
            f"{x['slug']}/'>{escape(x['name'])}</a></td><td class='product-price' data-title='Price'>{self.money(x['price'])}</td>"
            f"<td class='product-quantity' data-title='Quantity'><div class='quantity'><label class='screen-reader-text' "
            f"for='quantity_{x['id']}'>{escape(x['name'])} quantity</label><input type='number' id='quantity_{x['id']}' class='input-text "
            f"qty text' name='cart[{x['id']}][qty]' value='{x['qty']}' min='0'></div></td><td class='product-subtotal' "
            f"data-title='Subtotal'>{self.money(x['price'] * x['qty'])}</td></tr>" for x in lines)
        body = (
            "<form class='woocommerce-cart-form' action='/cart/' method='post'><table class='shop_table shop_table_responsive cart "
            "woocommerce-cart-form__contents' cellspacing='0'><thead><tr><th class='product-name'>Product</th><th class='product-price'>"
            f"Price</th><th class='product-quantity'>Quantity</th><th class='product-subtotal'>Subtotal</th></tr></thead><tbody>{rows}"
            "<tr><td colspan='4' class='actions'><div class='coupon'><label for='coupon_code' class='screen-reader-text'>Coupon:</label>"
            "<input type='text' name='coupon_code' class='input-text' id='coupon_code' value='' placeholder='Coupon code'>"
            "<button type='submit' class='button' name='apply_coupon' value='Apply coupon'>Apply coupon</button></div>"
            "<button type='submit' class='button' name='update_cart' value='Update cart' disabled aria-disabled='true'>Update cart</button>"
            "</td></tr></tbody></table></form><div class='cart-collaterals'><div class='cart_totals'><h2>Cart totals</h2>"
            f"<table cellspacing='0' class='shop_table shop_table_responsive'><tr class='cart-subtotal'><th>Subtotal</th><td>"
            f"{self.money(subtotal)}</td></tr><tr class='woocommerce-shipping-totals shipping'><th>Shipping</th><td data-title='Shipping'>"
            f"{self.cart_shipping_cell()}</td></tr>"
            f"<tr class='order-total'><th>Total</th><td><strong>{self.money(subtotal + (495 if self.default_country else 0))}</strong>"
            "</td></tr></table>"
            "<div class='wc-proceed-to-checkout'><a href='/checkout/' class='checkout-button button alt wc-forward'>Proceed to checkout</a>"
            "</div></div></div>")
        return self.page("Cart", "<h1 class='entry-title'>Cart</h1>" + body, r, "woocommerce-cart")

    BILLING: tuple[tuple[str, str, str, bool], ...] = (  # name, label, autocomplete, required
        ("billing_first_name", "First name", "given-name", True), ("billing_last_name", "Last name", "family-name", True),
        ("billing_company", "Company name", "organization", False), ("billing_country", "Country / Region", "country", True),
        ("billing_address_1", "Street address", "address-line1", True), ("billing_address_2", "Flat, suite, unit, etc.", "address-line2", False),
        ("billing_city", "Town / City", "address-level2", True), ("billing_state", "County", "address-level1", False),
        ("billing_postcode", "Postcode", "postal-code", True), ("billing_phone", "Phone", "tel", True),
        ("billing_email", "Email address", "email", True))

    def checkout(self, r: Request) -> Response:
        lines = self.cart_lines(r)
        if not lines:
            return Response.redirect("/cart/", 302)
        rows = []
        for name, label, auto, required in self.BILLING:
            mark = ("&nbsp;<span class='required' aria-hidden='true'>*</span>" if required else
                    "&nbsp;<span class='optional'>(optional)</span>")
            req = " aria-required='true'" if required else ""
            if name == "billing_country":
                gb = " selected='selected'" if self.default_country == "GB" else ""
                control = ("<select name='billing_country' id='billing_country' class='country_to_state country_select' "
                           f"autocomplete='country' data-label='Country / Region'{req}><option value=''>Select a country / region…</option>"
                           f"<option value='IE'>Ireland</option><option value='GB'{gb}>United Kingdom (UK)</option>"
                           "<option value='US'>United States (US)</option></select>")
            else:
                kind = "email" if name.endswith("email") else "tel" if name.endswith("phone") else "text"
                control = (f"<input type='{kind}' class='input-text' name='{name}' id='{name}' placeholder='' value='' "
                           f"autocomplete='{auto}'{req}>")
            address = " address-field" if name in self.ADDRESS_FIELDS else ""
            rows.append(f"<p class='form-row form-row-wide{address}{' validate-required' if required else ''}' id='{name}_field'>"
                        f"<label for='{name}'>{label}{mark}</label><span class='woocommerce-input-wrapper'>{control}</span></p>")
        gateways = (("bacs", "Direct bank transfer", "Make your payment directly into our bank account."),
                    ("cod", "Cash on delivery", "Pay with cash upon delivery."))
        methods = "".join(
            f"<li class='wc_payment_method payment_method_{g}'><input id='payment_method_{g}' type='radio' class='input-radio' "
            f"name='payment_method' value='{g}'{' checked' if i == 0 else ''} data-order_button_text=''><label for='payment_method_{g}'>"
            f"{label}</label><div class='payment_box payment_method_{g}'><p>{text}</p></div></li>"
            for i, (g, label, text) in enumerate(gateways))
        body = (
            "<div class='woocommerce-form-login-toggle'><div class='woocommerce-info'>Returning customer? <a href='#' class='showlogin'>"
            "Click here to login</a></div></div><form class='woocommerce-form woocommerce-form-login login' method='post'>"
            "<p class='form-row'><label for='username'>Username or email&nbsp;<span class='required'>*</span></label><input type='text' "
            "class='input-text' name='username' id='username' autocomplete='username'></p><p class='form-row'><label for='password'>"
            "Password&nbsp;<span class='required'>*</span></label><input class='input-text' type='password' name='password' id='password' "
            "autocomplete='current-password'></p><button type='submit' class='button' name='login' value='Login'>Login</button></form>"
            "<form name='checkout' method='post' class='checkout woocommerce-checkout' action='/checkout/' enctype='multipart/form-data' "
            "novalidate='novalidate'><div class='col2-set' id='customer_details'><div class='col-1'><div class='woocommerce-billing-fields'>"
            f"<h3>Billing details</h3><div class='woocommerce-billing-fields__field-wrapper'>{''.join(rows)}</div></div></div>"
            "<div class='col-2'><div class='woocommerce-shipping-fields'><h3 id='ship-to-different-address'><label class='woocommerce-form__label "
            "woocommerce-form__label-for-checkbox checkbox'><input id='ship-to-different-address-checkbox' class='woocommerce-form__input "
            "woocommerce-form__input-checkbox input-checkbox' type='checkbox' name='ship_to_different_address' value='1'> <span>Ship to a "
            "different address?</span></label></h3></div><div class='woocommerce-additional-fields'><p class='form-row notes' "
            "id='order_comments_field'><label for='order_comments'>Order notes&nbsp;<span class='optional'>(optional)</span></label>"
            "<textarea name='order_comments' class='input-text' id='order_comments' placeholder='Notes about your order, e.g. special "
            "notes for delivery.' rows='2'></textarea></p></div></div></div><h3 id='order_review_heading'>Your order</h3>"
            f"<div id='order_review' class='woocommerce-checkout-review-order'>{self.review_table(r)}"
            f"<div id='payment' class='woocommerce-checkout-payment'><ul class='wc_payment_methods payment_methods methods'>{methods}</ul>"
            "<div class='form-row place-order'><div class='woocommerce-terms-and-conditions-wrapper'><div class='woocommerce-privacy-policy-text'>"
            "<p>Your personal data will be used to process your order and for other purposes described in our privacy policy.</p></div>"
            "<p class='form-row validate-required'><label class='woocommerce-form__label woocommerce-form__label-for-checkbox checkbox'>"
            "<input type='checkbox' class='woocommerce-form__input woocommerce-form__input-checkbox input-checkbox' name='terms' id='terms'>"
            "<span class='woocommerce-terms-and-conditions-checkbox-text'>I have read and agree to the website terms and conditions</span>"
            "&nbsp;<span class='required' aria-hidden='true'>*</span></label><input type='hidden' name='terms-field' value='1'></p></div>"
            "<button type='submit' class='button alt' name='woocommerce_checkout_place_order' id='place_order' value='Place order' "
            "data-value='Place order'>Place order</button></div></div></div></form>")
        return self.page("Checkout", "<h1 class='entry-title'>Checkout</h1><div class='woocommerce'>" + body + "</div>", r,
                         "woocommerce-checkout")

    default_country = "GB"  # WooCommerce's "Default customer location": the shop's base country
    ADDRESS_FIELDS = frozenset({"billing_country", "billing_address_1", "billing_city", "billing_state", "billing_postcode"})

    def cart_shipping_cell(self) -> str:
        """The cart totals' shipping: the base country's rate, or (no default location) a prompt for the address."""
        if not self.default_country:
            return "Enter your address to view shipping options."
        return (f"<ul id='shipping_method' class='woocommerce-shipping-methods'><li>Flat rate: {self.money(495)}</li></ul>"
                "<p class='woocommerce-shipping-destination'>Shipping to <strong>United Kingdom (UK)</strong>.</p>")

    def shipping_cell(self, r: Request) -> tuple[str, int]:
        """The order review's shipping cell and its cost in pence."""
        return f"Flat rate: {self.money(495)}", 495

    def review_table(self, r: Request) -> str:
        """templates/checkout/review-order.php: the lines, subtotal, shipping and total."""
        lines = self.cart_lines(r)
        subtotal = sum(x["price"] * x["qty"] for x in lines)
        review = "".join(f"<tr class='cart_item'><td class='product-name'>{escape(x['name'])} <strong class='product-quantity'>× "
                         f"{x['qty']}</strong></td><td class='product-total'>{self.money(x['price'] * x['qty'])}</td></tr>" for x in lines)
        cell, shipping = self.shipping_cell(r)
        return ("<table class='shop_table woocommerce-checkout-review-order-table'>"
                f"<tbody>{review}</tbody><tfoot><tr class='cart-subtotal'><th>Subtotal</th><td>{self.money(subtotal)}</td></tr>"
                f"<tr class='woocommerce-shipping-totals shipping'><th>Shipping</th><td data-title='Shipping'>{cell}</td></tr>"
                f"<tr class='order-total'><th>Total</th><td><strong>{self.money(subtotal + shipping)}</strong></td></tr></tfoot></table>")

    def place_order(self, r: Request) -> Response:
        self._count_order()
        errors = [f"<li data-id='{n}'><strong>Billing {label}</strong> is a required field.</li>"
                  for n, label, _a, req in self.BILLING if req and not r.field(n).strip()]
        pc = r.field("billing_postcode").strip().upper()
        if pc and r.field("billing_country") == "GB" and not _UK_POSTCODE.match(pc):
            errors.append("<li data-id='billing_postcode'><strong>Billing Postcode</strong> is not a valid postcode / ZIP.</li>")
        if not r.field("terms"):
            errors.append("<li data-id='terms'>Please read and accept the terms and conditions to proceed with your order.</li>")
        if errors:
            return Response.json(json.dumps({"result": "failure", "refresh": False, "reload": False,
                                             "messages": f"<ul class='woocommerce-error' role='alert'>{''.join(errors)}</ul>"}))
        r.session["woo_cart"] = []
        return Response.json(json.dumps({"result": "success", "redirect": "/checkout/order-received/"}))


EXPECTED_VIEW_CART_ONLY: dict[str, Any] = {
    "one_page_checkout": True,  # billing details, order review and #payment on /checkout/
    "steps_to_payment": 1,
    "guest_checkout": "offered",  # a "Returning customer? Click here to login" toggle sits above the guest form
    "payment_labels": ["Direct bank transfer", "Cash on delivery"],
    "error_messages": ["Please select some product options before adding this product to your cart."],  # window.alert on the apron
    "error_messages_on_place_order": ["Billing First name is a required field.", "Billing Postcode is not a valid postcode / ZIP.",
                                      "Please read and accept the terms and conditions to proceed with your order."],
    "form_fields_required": 9,  # first, last, country (GB preselected), street, city, postcode, phone, email, terms
    "cart_kind": "page",  # the mini-cart only links to /cart/
    "add_to_cart_request": "POST /?wc-ajax=add_to_cart (urlencoded product_id, quantity)",
    "order_endpoint": "POST /?wc-ajax=checkout",
    "pattern": "AJAX add to cart whose header mini-cart (inside <header role=banner>) drops open with only 'View cart', the cart page "
               "has 'Proceed to checkout'; copies woocommerce/woocommerce templates/cart/mini-cart.php (woocommerce-mini-cart__buttons "
               "without the checkout button), loop/add-to-cart.php (a.ajax_add_to_cart), single-product/add-to-cart/variable.php "
               "(form.variations_form, 'Choose an option'), checkout/form-billing.php (p.form-row.validate-required, aria-required) and "
               "checkout/payment.php (#payment radios, #place_order)",
}



# WooCommerce's checkout.js: an address field's change (a select at once, an input when it loses focus) posts the
# form to ?wc-ajax=update_order_review and swaps the returned fragments in; a newer update aborts the one under way
_WOO_REVIEW_JS = r"""
const form = document.querySelector('form.woocommerce-checkout');
let updating = null;
form.addEventListener('change', async e => {
  if (!e.target.closest('.address-field')) return;
  if (updating) updating.abort();
  const mine = updating = new AbortController();
  try {
    const res = await (await fetch('/?wc-ajax=update_order_review', {method: 'POST', signal: mine.signal,
      body: new URLSearchParams(new FormData(form)), headers: {'Content-Type': 'application/x-www-form-urlencoded'}})).json();
    fragmentsUpdate(res.fragments);
  } catch (err) { if (err.name !== 'AbortError') throw err; }
});
"""


class AddressFirstShippingShop(ViewCartOnlyShop):
    """The same WooCommerce shop with "Default customer location: No location by default": no country is preselected
    and the order review says "Enter your address to view shipping options." until the address is complete; then
    update_order_review returns the review table with the rates (templates/cart/cart-shipping.php: radios
    `shipping_method[0]`, the first checked) and the total with shipping."""

    default_country = ""

    def __init__(self) -> None:
        super().__init__()
        self.reviews_with_rates = 0

    def root(self, r: Request) -> Response:
        if r.arg("wc-ajax") == "update_order_review":
            r.session["woo_address"] = {k: r.field(k).strip() for k in self.ADDRESS_FIELDS}
            table = self.review_table(r)
            self.reviews_with_rates += "shipping_method[0]" in table
            return Response.json(json.dumps({"result": "success", "fragments": {
                ".woocommerce-checkout-review-order-table": table}}))
        return super().root(r)

    def shipping_cell(self, r: Request) -> tuple[str, int]:
        address = r.session.get("woo_address") or {}
        if not all(address.get(k) for k in ("billing_country", "billing_address_1", "billing_city", "billing_postcode")):
            return "Enter your address to view shipping options.", 0
        return ("<ul id='shipping_method' class='woocommerce-shipping-methods'>"
                "<li><input type='radio' name='shipping_method[0]' data-index='0' id='shipping_method_0_flat_rate1' "
                f"value='flat_rate:1' class='shipping_method' checked='checked'><label for='shipping_method_0_flat_rate1'>Flat rate: "
                f"{self.money(495)}</label></li><li><input type='radio' name='shipping_method[0]' data-index='0' "
                "id='shipping_method_0_local_pickup2' value='local_pickup:2' class='shipping_method'><label "
                "for='shipping_method_0_local_pickup2'>Local pickup</label></li></ul>"), 495

    def checkout(self, r: Request) -> Response:
        r.session.pop("woo_address", None)  # a fresh checkout page knows no address yet
        response = super().checkout(r)
        if isinstance(response.body, str):
            response.body = response.body.replace("</body>", f"<script>{_WOO_REVIEW_JS}</script></body>", 1)
        return response

# ---------------------------------------------------------------------------------------------------------
# 3 and 4. django-oscar: a listing as the home page; a checkout that validates postcodes per country
# ---------------------------------------------------------------------------------------------------------

_OSCAR_CSS = """
body{font-family:'Helvetica Neue',Arial,sans-serif;margin:0;color:#333}.container-fluid{max-width:1100px;margin:0 auto;padding:0 15px}
.header{background:#f5f5f5;padding:10px 0}.header .container-fluid{display:flex;justify-content:space-between;align-items:center}
.navbar{background:#222;color:#fff;padding:8px 0}.navbar a{color:#fff}.basket-mini{font-size:14px}
ol.row{display:grid;grid-template-columns:repeat(4,1fr);gap:18px;list-style:none;padding:0}.product_pod{border:1px solid #eee;padding:10px}
.image_container{background:#ddd;height:140px}.price_color{color:#458B00;font-size:18px}.btn{display:inline-block;padding:6px 12px;
border:0;cursor:pointer;text-decoration:none}.btn-primary{background:#337ab7;color:#fff}.btn-block{width:100%}
.btn-lg{padding:10px 16px;font-size:18px}.alert-success{background:#dff0d8;padding:10px}.alert-danger{background:#f2dede;padding:10px}
.form-group{margin-bottom:12px}.form-control{display:block;width:100%;max-width:420px;padding:6px;box-sizing:border-box}
.has-error .form-control{border:1px solid #a94442}.error-block,.error{color:#a94442;display:block}
footer.footer{margin-top:40px;background:#f5f5f5;padding:20px 0}
"""


class _OscarShop(_Counter):
    """django-oscar's default templates: product_pod cards with their own "Add to basket" form, a basket page,
    and the checkout gateway ("Who are you?") → shipping address → shipping method → payment."""

    brand = "Oscar"
    validate_postcode = True
    products: ClassVar[dict[int, tuple[str, str, int]]] = {  # id: (slug, title, pence)
        1: ("the-shell-seekers", "The Shell Seekers", 1199), 2: ("hacking-exposed-wireless", "Hacking Exposed Wireless", 2499),
        3: ("coders-at-work", "Coders at Work", 1850), 4: ("the-city-and-the-stars", "The City and the Stars", 899),
        5: ("reversing-secrets-of-reverse-engineering", "Reversing: Secrets of Reverse Engineering", 3100),
        6: ("silent-spring", "Silent Spring", 1050),
    }
    countries = (("FR", "France"), ("DE", "Germany"), ("IE", "Ireland"), ("NL", "Netherlands"), ("GB", "United Kingdom"),
                 ("US", "United States of America"))
    postcode_patterns: ClassVar[dict[str, str]] = {"GB": _UK_POSTCODE.pattern, "NL": r"^[1-9][0-9]{3} ?[A-Z]{2}$",
                                                   "DE": r"^[0-9]{5}$", "FR": r"^[0-9]{5}$", "US": r"^[0-9]{5}(-[0-9]{4})?$"}
    shipping_methods = (("standard", "Standard shipping", 499, "Delivered in 3–5 working days."),
                        ("express", "Express shipping", 999, "Next working day if ordered before 2pm."))
    payment_methods = (("bank-transfer", "Bank transfer"), ("cash-on-delivery", "Cash on delivery"))

    def __init__(self) -> None:
        super().__init__()
        a = self.app
        a.add("/catalogue/", self.listing)
        a.add("/catalogue/(?P<slug>[a-z0-9-]+)_(?P<pk>[0-9]+)/", self.detail)
        a.add("/search/", self.search)
        a.add("/basket/add/(?P<pk>[0-9]+)/", self.basket_add, methods=("POST",))
        a.add("/basket/", self.basket)
        a.add("/checkout/", self.gateway, methods=("GET", "POST"))
        a.add("/checkout/shipping-address/", self.shipping_address, methods=("GET", "POST"))
        a.add("/checkout/shipping-method/", self.shipping_method, methods=("GET", "POST"))
        a.add("/checkout/payment-method/", self.payment, methods=("GET",))
        a.add("/checkout/place-order/", self.place_order, methods=("POST",))
        a.add("/checkout/thank-you/", lambda r: self.page("Thank you", "<h1>Thank you for your order</h1>", r))
        a.add("/delivery/", lambda r: self.page("Delivery", "<h1>Delivery</h1><p>UK standard £4.99, express £9.99.</p>", r))

    @staticmethod
    def money(pence: int) -> str:
        return f"£{pence / 100:.2f}"

    def url(self, pk: int) -> str:
        return f"/catalogue/{self.products[pk][0]}_{pk}/"

    def basket_lines(self, r: Request) -> dict[str, int]:
        lines: dict[str, int] = r.session.setdefault("oscar_basket", {})
        return lines

    def basket_total(self, r: Request) -> int:
        return sum(self.products[int(pk)][2] * q for pk, q in self.basket_lines(r).items())

    def page(self, title: str, body: str, r: Request, messages: str = "") -> Response:
        n = sum(self.basket_lines(r).values())
        flash = r.session.pop("oscar_flash", "")
        return Response(
            f"<!DOCTYPE html><html lang='en-gb'><head><meta charset='utf-8'><title>{escape(title)} | {self.brand}</title>"
            f"<style>{_OSCAR_CSS}</style></head><body id='default' class='default'><header class='header container-fluid'>"
            "<div class='page_inner'><div class='row'><div class='col-sm-7 h1'><a href='/'>" + self.brand + "</a><small> Sandbox</small>"
            f"</div><div class='basket-mini col-sm-5 d-none d-md-block'>Basket total: {self.money(self.basket_total(r))} "
            f"<span class='basket-count'>({n} item{'' if n == 1 else 's'})</span> <span class='btn-group'><a class='btn btn-secondary' "
            "href='/basket/'>View basket</a></span></div></div></div></header>"
            "<nav class='navbar navbar-expand-lg navbar-dark bg-dark' aria-label='Main'><div class='container-fluid'>"
            "<a class='nav-link' href='/catalogue/'>All products</a> <a class='nav-link' href='/delivery/'>Delivery</a>"
            "<form method='get' action='/search/' class='form-inline' role='search'><input type='search' name='q' id='id_q' "
            "class='form-control mr-sm-2' placeholder='Search' aria-label='Search'><input type='submit' value='Search' class='btn btn-light'>"
            "</form></div></nav><div class='container-fluid page'><div class='page_inner'>"
            f"<div id='messages'>{flash}{messages}</div><main role='main'>{body}</main></div></div>"
            "<footer class='footer container-fluid'><a href='/delivery/'>Delivery &amp; returns</a> · <span>Payment by bank transfer "
            "or cash on delivery.</span></footer></body></html>")

    def pod(self, pk: int) -> str:
        _slug, title, price = self.products[pk]
        return (
            f"<li class='col-6 col-sm-4 col-md-3 col-lg-3'><article class='product_pod'><div class='image_container'><a href='{self.url(pk)}'>"
            f"<img src='data:,' alt='{escape(title)}' class='thumbnail'></a></div><p class='star-rating Four'></p><h3><a href='{self.url(pk)}' "
            f"title='{escape(title)}'>{escape(title)}</a></h3><div class='product_price'><p class='price_color'>{self.money(price)}</p>"
            "<p class='instock availability'>In stock</p>"
            f"<form action='/basket/add/{pk}/' method='post'><input type='hidden' name='csrfmiddlewaretoken' value='x'>"
            "<input type='hidden' name='quantity' value='1' id='id_quantity'>"
            "<button type='submit' class='btn btn-primary btn-block' data-loading-text='Adding...'>Add to basket</button></form>"
            "</div></article></li>")

    def listing(self, r: Request) -> Response:
        pods = "".join(self.pod(pk) for pk in self.products)
        body = ("<ul class='breadcrumb'><li class='breadcrumb-item'><a href='/'>Home</a></li><li class='breadcrumb-item active'>"
                "All products</li></ul><div class='page-header'><h1>All products</h1></div><form method='get' class='form-inline'>"
                f"<strong>{len(self.products)}</strong> results. <label for='id_sort_by'>Sort by</label> <select name='sort_by' "
                "id='id_sort_by'><option value='relevancy'>Relevancy</option><option value='price-desc'>Price high to low</option></select>"
                f"</form><section><ol class='row list-unstyled ml-0 pl-0'>{pods}</ol><p>Page 1 of 1</p></section>")
        return self.page("All products", body, r)

    def detail(self, r: Request) -> Response:
        pk = int(r.params["pk"])
        if pk not in self.products or self.products[pk][0] != r.params["slug"]:
            return self.app.not_found(r)
        _slug, title, price = self.products[pk]
        ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": title, "sku": f"978-{pk:010d}",
                         "offers": {"@type": "Offer", "price": f"{price / 100:.2f}", "priceCurrency": "GBP",
                                    "availability": "https://schema.org/InStock"}})
        body = (
            f"<ul class='breadcrumb'><li class='breadcrumb-item'><a href='/'>Home</a></li><li class='breadcrumb-item'><a href='/catalogue/'>"
            f"Books</a></li><li class='breadcrumb-item active' aria-current='page'>{escape(title)}</li></ul>"
            "<article class='product_page'><div class='row'><div class='col-sm-6'><div id='product_gallery' class='carousel'>"
            f"<div class='thumbnail' style='background:#ddd;height:260px'></div></div></div><div class='col-sm-6 product_main'>"
            f"<h1>{escape(title)}</h1><p class='price_color'>{self.money(price)}</p><p class='instock availability'>In stock "
            f"(19 available)</p><form id='add_to_basket_form' action='/basket/add/{pk}/' method='post' class='add-to-basket'>"
            "<input type='hidden' name='csrfmiddlewaretoken' value='x'><div class='form-group'><label for='id_quantity' "
            "class='control-label required'>Quantity</label><input type='number' name='quantity' value='1' min='1' class='form-control' "
            "required id='id_quantity'></div><button type='submit' class='btn btn-lg btn-primary btn-add-to-basket' value='Add to basket' "
            "data-loading-text='Adding...'>Add to basket</button></form></div></div><div id='product_description' class='sub-header'>"
            "<h2>Product Description</h2></div><p>A well-loved classic, in paperback.</p><table class='table table-striped'>"
            f"<tr><th>UPC</th><td>978-{pk:010d}</td></tr><tr><th>Product Type</th><td>Books</td></tr></table></article>"
            f"<script type='application/ld+json'>{ld}</script>")
        return self.page(title, body, r)

    def search(self, r: Request) -> Response:
        q = r.arg("q").strip().lower()
        hits = [pk for pk, p in self.products.items() if q and q in p[1].lower()]
        body = (f"<div class='page-header'><h1>Products matching \"{escape(r.arg('q'))}\"</h1></div>"
                + (f"<ol class='row list-unstyled'>{''.join(self.pod(pk) for pk in hits)}</ol>" if hits else
                   "<p>No products found.</p>"))
        return self.page("Search", body, r)

    def basket_add(self, r: Request) -> Response:
        pk = int(r.params["pk"])
        if pk not in self.products:
            return self.app.not_found(r)
        lines = self.basket_lines(r)
        lines[str(pk)] = lines.get(str(pk), 0) + max(1, int(r.field("quantity") or 1))
        r.session["oscar_flash"] = (
            "<div class='alert alert-success fade show' role='status'><div class='alertinner wicon'><p><strong>"
            f"{escape(self.products[pk][1])}</strong> has been added to your basket.</p><p><a href='/basket/' class='btn btn-info'>"
            "View basket</a> <a href='/checkout/' class='btn btn-primary'>Checkout now</a></p></div></div>")
        back = r.headers.get("referer", "")
        return Response.redirect(back if back.startswith("http://127.0.0.1") else self.url(pk), 302)

    def basket(self, r: Request) -> Response:
        lines = self.basket_lines(r)
        if not lines:
            return self.page("Basket", "<div class='page-header'><h1>Basket</h1></div><p>Your basket is empty. <a href='/catalogue/'>"
                                       "Continue shopping</a></p>", r)
        rows = "".join(
            f"<div class='basket-items'><div class='row'><div class='col-md-4'><h3><a href='{self.url(int(pk))}'>"
            f"{escape(self.products[int(pk)][1])}</a></h3><p class='availability instock'>In stock</p></div><div class='col-md-3'>"
            f"<label for='id_form-{i}-quantity'>Quantity</label><input type='number' name='form-{i}-quantity' value='{q}' min='0' "
            f"class='form-control' id='id_form-{i}-quantity'></div><div class='col-md-2'><p class='price_color'>"
            f"{self.money(self.products[int(pk)][2] * q)}</p></div></div></div>" for i, (pk, q) in enumerate(lines.items()))
        total = self.basket_total(r)
        body = (f"<div class='page-header'><h1>Basket</h1></div><form method='post' action='/basket/' class='basket_summary' "
                f"id='basket_formset'>{rows}<button type='submit' class='btn btn-secondary'>Update</button></form>"
                "<div class='row'><div class='col-sm-6'><div class='sub-header'><h2>Totals</h2></div><div id='basket_totals'><table "
                f"class='table table-condensed'><tr><th>Basket total</th><td>{self.money(total)}</td></tr><tr><th>Shipping total "
                "(excl. tax)</th><td>from £4.99</td></tr></table></div></div></div><div class='form-group clearfix'><div class='row'>"
                "<div class='col-sm-4 offset-sm-8'><a href='/checkout/' class='btn btn-lg btn-primary btn-block'>Proceed to checkout"
                "</a></div></div></div>")
        return self.page("Basket", body, r)

    # ---- checkout ----
    def nav(self, step: int) -> str:
        names = ("Address", "Shipping", "Payment", "Preview")
        items = "".join(f"<li class='{'active' if i == step else 'disabled'}'><span>{i}. {n}</span></li>" for i, n in enumerate(names, 1))
        return f"<nav class='checkout-nav' aria-label='Checkout steps'><ul class='nav nav-pills'>{items}</ul></nav>"

    def gateway(self, r: Request) -> Response:
        if not self.basket_lines(r):
            r.session["oscar_flash"] = "<div class='alert alert-danger'>You need to add some items to your basket to checkout</div>"
            return Response.redirect("/basket/", 302)
        err = ""
        if r.method == "POST":
            email, option = r.field("username").strip(), r.field("options")
            if option == "anonymous" and re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
                r.session["oscar_guest_email"] = email
                return Response.redirect("/checkout/shipping-address/", 302)
            err = ("<span class='error-block error'>Enter a valid email address.</span>" if option == "anonymous" else
                   "<span class='error-block error'>Please enter a correct username and password.</span>" if option == "existing" else
                   "<span class='error-block error'>This field is required.</span>")
        options = (("anonymous", "I am a new customer and want to checkout as a guest"),
                   ("new", "I am a new customer and want to create an account"),
                   ("existing", "I am a returning customer, and my password is"))
        radios = [f"<label for='id_options_{i}'><input type='radio' name='options' value='{v}' class='form-check-input' required "
                  f"id='id_options_{i}'{' checked' if v == r.field('options', 'anonymous') else ''}> {t}</label>"
                  for i, (v, t) in enumerate(options)]
        body = (
            "<div class='page-header'><h1>Who are you?</h1></div><form method='post' class='form-stacked card card-body bg-light'>"
            "<input type='hidden' name='csrfmiddlewaretoken' value='x'><div class='form-group'><label for='id_username' "
            "class='control-label required'>My email address is</label><input type='email' name='username' autofocus maxlength='254' "
            f"required id='id_username' class='form-control' value='{escape(r.field('username'))}'>{err}</div>"
            f"<div class='form-group'><div class='radio'>{radios[0]}</div></div><div class='form-group'><div class='radio'>{radios[2]}"
            "<div class='form-inline'><input type='password' name='password' autocomplete='current-password' id='id_password' "
            "class='form-control' aria-label='Password'><small><a href='/password-reset/' tabindex='-1'>Get a password reminder</a>"
            f"</small></div></div></div><div class='form-group'><div class='radio'>{radios[1]}</div></div>"
            "<button type='submit' class='btn btn-lg btn-block btn-primary' data-loading-text='Continuing...'>Continue</button></form>")
        return self.page("Checkout gateway", body, r)

    ADDRESS: tuple[tuple[str, str, str, bool], ...] = (
        ("first_name", "First name", "given-name", True), ("last_name", "Last name", "family-name", True),
        ("line1", "First line of address", "address-line1", True), ("line2", "Second line of address", "address-line2", False),
        ("line4", "City", "address-level2", True), ("state", "State/County", "address-level1", False),
        ("postcode", "Post/Zip-code", "postal-code", True), ("country", "Country", "country", True),
        ("phone_number", "Phone number", "tel", False), ("notes", "Instructions", "off", False))

    def shipping_address(self, r: Request) -> Response:
        if "oscar_guest_email" not in r.session:
            return Response.redirect("/checkout/", 302)
        errors: dict[str, str] = {}
        values = {k: r.field(k).strip() for k, *_ in self.ADDRESS} if r.method == "POST" else dict(r.session.get("oscar_address", {}))
        values.setdefault("country", "GB")
        if r.method == "POST":
            for name, _label, _auto, required in self.ADDRESS:
                if required and not values.get(name):
                    errors[name] = "This field is required."
            country = values.get("country", "")
            if country not in dict(self.countries):
                errors["country"] = "Select a valid choice. That choice is not one of the available choices."
            pattern = self.postcode_patterns.get(country)
            postcode = values.get("postcode", "").upper()
            if self.validate_postcode and postcode and pattern and not re.match(pattern, postcode):
                errors["postcode"] = f"The postcode '{values['postcode']}' is not valid for {dict(self.countries)[country]}"
            if not errors:
                r.session["oscar_address"] = values
                return Response.redirect("/checkout/shipping-method/", 302)
        groups = []
        for name, label, auto, required in self.ADDRESS:
            invalid = " aria-invalid='true'" if name in errors else ""
            req = " required" if required else ""
            value = escape(values.get(name, ""))
            if name == "country":
                opts = "".join(f"<option value='{c}'{' selected' if c == values.get('country') else ''}>{n}</option>"
                               for c, n in self.countries)
                control = f"<select name='country' class='form-control' id='id_country' autocomplete='country'{req}{invalid}>{opts}</select>"
            elif name == "notes":
                control = (f"<textarea name='notes' cols='40' rows='3' class='form-control' id='id_notes'{invalid}>{value}</textarea>"
                           "<span class='help-block'>Tell us anything we should know when delivering your order.</span>")
            else:
                control = (f"<input type='{'tel' if name == 'phone_number' else 'text'}' name='{name}' maxlength='255' class='form-control' "
                           f"id='id_{name}' autocomplete='{auto}' value='{value}'{req}{invalid}>")
            error = (f"<span class='error-block error' id='id_{name}_error'><i class='icon-exclamation-sign'></i> {escape(errors[name])}"
                     "</span>") if name in errors else ""
            groups.append(f"<div class='form-group row{' has-error' if name in errors else ''}'><label for='id_{name}' class='col-sm-4 "
                          f"control-label{' required' if required else ''}'>{label}{' *' if required else ''}</label><div class='col-sm-7'>"
                          f"{control}{error}</div></div>")
        alert = ("<div class='alert alert-danger' role='alert'>Oops! We found some errors - please check the error messages below and "
                 "try again</div>") if errors else ""
        body = (f"<div class='page-header'><h1>Shipping address</h1></div>{self.nav(1)}<div class='sub-header'><h2>Where should we ship to?"
                f"</h2></div>{alert}<div class='card card-body bg-light'><form action='/checkout/shipping-address/' method='post' "
                "id='new_shipping_address' class='form form-horizontal'><input type='hidden' name='csrfmiddlewaretoken' value='x'>"
                f"{''.join(groups)}<div class='form-group'><button type='submit' class='btn btn-lg btn-primary' data-loading-text="
                "'Continuing...'>Continue</button> or <a href='/basket/'>return to basket</a></div></form></div>")
        return self.page("Shipping address", body, r)

    def shipping_method(self, r: Request) -> Response:
        if "oscar_address" not in r.session:
            return Response.redirect("/checkout/shipping-address/", 302)
        if r.method == "POST":
            if r.field("method_code") in {m[0] for m in self.shipping_methods}:
                r.session["oscar_method"] = r.field("method_code")
                return Response.redirect("/checkout/payment-method/", 302)
            return self.page("Shipping method", "<div class='alert alert-danger' role='alert'>Your submitted shipping method is not "
                                                "permitted</div>", r)
        rows = "".join(
            f"<div class='basket-items'><div class='row'><div class='col-sm-8'><h4>{name}</h4><p>{desc}</p></div>"
            f"<div class='col-sm-1'>{self.money(price)}</div><div class='col-sm-3'><form method='post' action='/checkout/shipping-method/'>"
            f"<input type='hidden' name='csrfmiddlewaretoken' value='x'><input type='hidden' name='method_code' value='{code}'>"
            "<button type='submit' class='btn btn-lg btn-primary pull-right' data-loading-text='Submitting...'>Select option</button>"
            "</form></div></div></div>" for code, name, price, desc in self.shipping_methods)
        body = (f"<div class='page-header'><h1>Shipping method</h1></div>{self.nav(2)}<div class='basket-title'><div class='row'>"
                f"<h4 class='col-sm-8'>Method</h4><h4 class='col-sm-3'>Cost</h4></div></div>{rows}")
        return self.page("Shipping method", body, r)

    def payment(self, r: Request) -> Response:
        if "oscar_method" not in r.session:
            return Response.redirect("/checkout/shipping-method/", 302)
        method = next(m for m in self.shipping_methods if m[0] == r.session["oscar_method"])
        address = r.session["oscar_address"]
        radios = "".join(f"<div class='radio'><label for='id_payment_method_{i}'><input type='radio' name='payment_method' value='{v}' "
                         f"required id='id_payment_method_{i}'> {label}</label></div>" for i, (v, label) in enumerate(self.payment_methods))
        body = (
            f"<div class='page-header'><h1>Payment method</h1></div>{self.nav(3)}<div class='row shipping-payment'><div class='col-sm-6'>"
            f"<h3>Shipping address</h3><address>{escape(address['first_name'])} {escape(address['last_name'])}<br>"
            f"{escape(address['line1'])}<br>{escape(address['line4'])} {escape(address['postcode'])}</address>"
            f"<a href='/checkout/shipping-address/'>Change shipping address</a></div><div class='col-sm-6'><h3>Shipping method</h3>"
            f"<p>{method[1]} {self.money(method[2])}</p></div></div><div id='basket_totals'><table class='table'><tr><th>Basket total</th>"
            f"<td>{self.money(self.basket_total(r))}</td></tr><tr><th>Shipping</th><td>{self.money(method[2])}</td></tr><tr class='total'>"
            f"<th>Order total</th><td>{self.money(self.basket_total(r) + method[2])}</td></tr></table></div>"
            "<form method='post' action='/checkout/place-order/' id='place_order_form'><input type='hidden' name='csrfmiddlewaretoken' "
            f"value='x'><fieldset><legend>How would you like to pay?</legend>{radios}</fieldset><div class='form-group clearfix'>"
            "<button id='place-order' type='submit' class='btn btn-primary btn-lg float-right' data-loading-text='Submitting...'>"
            "Place order</button></div></form>")
        return self.page("Payment method", body, r)

    def place_order(self, r: Request) -> Response:
        self._count_order()
        r.session["oscar_basket"] = {}
        return Response.redirect("/checkout/thank-you/", 302)


class ListingHomeShop(_OscarShop):
    """django-oscar's sandbox: `/` redirects (302) to `/catalogue/`, an "All products" listing whose every card
    carries its own "Add to basket" form; product pages live at `/catalogue/<slug>_<id>/` with Product JSON-LD."""

    brand = "Bookshelf"
    validate_postcode = False  # keeps this shop about the listing; PostcodeShop tests the postcode check

    def __init__(self) -> None:
        super().__init__()
        self.app.add("/", lambda r: Response.redirect("/catalogue/", 302))


class PostcodeShop(_OscarShop):
    """django-oscar's checkout with its per-country postcode check: the country select starts on United Kingdom
    and a postcode that is not a UK one re-renders the address form with the error next to the field."""

    brand = "Northfield Books"

    def __init__(self) -> None:
        super().__init__()
        self.app.add("/", self.home)

    def home(self, r: Request) -> Response:
        pods = "".join(self.pod(pk) for pk in list(self.products)[:4])
        return self.page("Home", "<div class='page-header'><h1>Welcome to Northfield Books</h1></div><p>Independent booksellers "
                                 "since 1998.</p><h2>Staff picks</h2><ol class='row list-unstyled'>" + pods + "</ol>"
                                 "<p><a href='/catalogue/'>Browse all products</a></p>", r)


_OSCAR_FILES = ("django-oscar/django-oscar src/oscar/templates/oscar/catalogue/partials/product.html + "
                "add_to_basket_form_compact.html (article.product_pod, form to basket:add), catalogue/detail.html, "
                "checkout/gateway.html ('Who are you?' radios), checkout/shipping_address.html + partials/form_field.html "
                "(span.error-block), checkout/shipping_methods.html (one 'Select option' form per method) and "
                "apps/address/abstract_models.py (POSTCODES_REGEX, \"The postcode '%(postcode)s' is not valid for %(country)s\")")

EXPECTED_LISTING_HOME: dict[str, Any] = {
    "one_page_checkout": False,  # the address on its own page, payment on another
    "steps_to_payment": 4,  # gateway, shipping address, shipping method, payment
    "guest_checkout": "offered",  # a radio on the gateway, not a button
    "payment_labels": ["Bank transfer", "Cash on delivery"],
    "error_messages": [],
    "form_fields_required": 9,  # gateway: email, options; address: first, last, line1, city, postcode, country; payment radio
    "home_redirect": ("/", 302, "/catalogue/"),
    "listing_url": "/catalogue/",  # "All products": 6 cards, each with its own "Add to basket"; not a product page
    "product_urls": ["/catalogue/the-shell-seekers_1/", "/catalogue/hacking-exposed-wireless_2/", "/catalogue/coders-at-work_3/",
                     "/catalogue/the-city-and-the-stars_4/", "/catalogue/reversing-secrets-of-reverse-engineering_5/",
                     "/catalogue/silent-spring_6/"],
    "cart_kind": "page",
    "add_to_cart_request": "POST /basket/add/<id>/ then 302 back with an alert offering 'View basket' / 'Checkout now'",
    "order_endpoint": "POST /checkout/place-order/",
    "pattern": "Home redirects to a listing of cards that each carry an 'Add to basket' form, which must not be taken for a "
               "product; the product page has JSON-LD, an h1, a price and one buy box; copies " + _OSCAR_FILES,
}

EXPECTED_POSTCODE: dict[str, Any] = {
    "one_page_checkout": False,  # the address on its own page, payment on another
    "steps_to_payment": 4,
    "guest_checkout": "offered",
    "payment_labels": ["Bank transfer", "Cash on delivery"],
    "error_messages": ["The postcode 'X' is not valid for United Kingdom"],  # X is what was typed, e.g. '1012 AB'
    "form_fields_required": 9,
    "country_preselected": "GB",
    "valid_postcode_example": "SW1A 1AA",
    "cart_kind": "page",
    "order_endpoint": "POST /checkout/place-order/",
    "pattern": "Country select preselected to United Kingdom and a server-side per-country postcode check that re-renders the "
               "form with span.error next to the field and aria-invalid=true; shipping methods are separate 'Select option' "
               "forms; copies " + _OSCAR_FILES,
}


# ---------------------------------------------------------------------------------------------------------
# 5. PrestaShop classic: one-page checkout whose steps open one after another
# ---------------------------------------------------------------------------------------------------------

_PS_CSS = """
body{font-family:'Noto Sans',sans-serif;margin:0;background:#f6f6f6;color:#232323}.container{max-width:1100px;margin:0 auto;padding:0 15px}
#header{background:#fff}.header-nav{border-bottom:1px solid #eee;padding:8px 0;font-size:14px}.header-nav .container,
.header-top .container{display:flex;justify-content:space-between;align-items:center}.header-top{padding:16px 0}
.logo{font-size:26px;font-weight:bold;color:#232323;text-decoration:none}.btn{border:0;padding:8px 16px;cursor:pointer;text-decoration:none;
display:inline-block}.btn-primary{background:#24b9d7;color:#fff}.btn-primary.disabled,.btn-primary:disabled{opacity:.5;cursor:not-allowed}
.products{display:grid;grid-template-columns:repeat(3,1fr);gap:20px}.product-miniature{background:#fff;padding:12px}
.checkout-step{background:#fff;margin-bottom:10px;padding:12px 18px}.checkout-step .content{display:none}
.checkout-step.-current .content{display:block}.checkout-step.-unreachable .step-title{color:#aaa}
.checkout-step .done{display:none}.checkout-step.-complete .done{display:inline}
.checkout-step .step-edit{display:none;font-size:12px;float:right;cursor:pointer}.checkout-step.-complete .step-edit{display:inline}
.form-group{margin:8px 0}.form-control{width:100%;max-width:420px;padding:7px;box-sizing:border-box}
.help-block .alert-danger{color:#a94442;list-style:none}.ps-hidden{display:none}.tab-pane{display:none}.tab-pane.active{display:block}
#blockcart-modal{display:none;position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:50}#blockcart-modal.in{display:block}
#blockcart-modal .modal-content{background:#fff;max-width:600px;margin:80px auto;padding:20px}
#footer{background:#fff;margin-top:40px;padding:24px 0}
"""

_PS_JS = r"""
const cartForm = document.getElementById('add-to-cart-or-refresh');
if (cartForm) cartForm.addEventListener('submit', async e => {
  e.preventDefault();
  const res = await (await fetch('/cart?add=1&action=update', {method: 'POST', body: new URLSearchParams(new FormData(cartForm)),
    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'}})).json();
  if (res.hasError) { document.querySelector('.product-add-to-cart .js-error').textContent = res.errors.join(' '); return; }
  document.querySelectorAll('.cart-products-count').forEach(s => s.textContent = '(' + res.cart.products_count + ')');
  document.getElementById('blockcart-modal').classList.add('in');
});
document.querySelectorAll('[data-dismiss=modal]').forEach(b => b.addEventListener('click', () =>
  document.getElementById('blockcart-modal').classList.remove('in')));
const steps = [...document.querySelectorAll('.checkout-step')];
document.querySelectorAll('.nav-link[data-toggle=tab]').forEach(a => a.addEventListener('click', e => { e.preventDefault();
  document.querySelectorAll('.tab-pane').forEach(p => p.classList.toggle('active', '#' + p.id === a.getAttribute('href'))); }));
document.querySelectorAll('.checkout-step form.js-step-form').forEach(form => form.addEventListener('submit', async e => {
  e.preventDefault();
  const body = new URLSearchParams(new FormData(form, e.submitter)); body.set('ajax', '1');
  const res = await (await fetch(form.getAttribute('action'), {method: 'POST', body,
    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'}})).json();
  form.querySelectorAll('.help-block').forEach(h => h.remove());
  form.querySelectorAll('.form-control-invalid').forEach(h => h.classList.remove('form-control-invalid'));
  if (res.errors && Object.keys(res.errors).length) {
    for (const [name, msg] of Object.entries(res.errors)) { const input = form.querySelector('[name="' + name + '"]');
      if (!input) continue; input.classList.add('form-control-invalid');
      input.closest('.form-group').insertAdjacentHTML('beforeend', '<div class="help-block"><ul><li class="alert alert-danger">' + msg + '</li></ul></div>'); }
    return;
  }
  const section = form.closest('.checkout-step'); const next = document.getElementById(res.next);
  section.classList.remove('-current'); section.classList.add('-complete', '-reachable');
  next.classList.remove('-unreachable'); next.classList.add('-current', '-reachable');
  if (res.prefill) for (const [n, v] of Object.entries(res.prefill)) { const i = next.querySelector('[name="' + n + '"]'); if (i && !i.value) i.value = v; }
  next.scrollIntoView();
}));
document.querySelectorAll('.checkout-step .step-title').forEach(t => t.addEventListener('click', () => {
  const s = t.closest('.checkout-step'); if (!s.classList.contains('-complete')) return;
  steps.forEach(o => o.classList.remove('-current')); s.classList.add('-current'); }));
const confirmBtn = document.querySelector('#payment-confirmation button');
if (confirmBtn) {
  const sync = () => { const chosen = document.querySelector('input[name=payment-option]:checked');
    const ok = chosen && [...document.querySelectorAll('#conditions-to-approve input[type=checkbox]')].every(c => c.checked);
    confirmBtn.disabled = !ok; confirmBtn.classList.toggle('disabled', !ok);
    document.querySelectorAll('.js-additional-information').forEach(d => d.classList.toggle('ps-hidden', !chosen || d.id !== chosen.id + '-additional-information')); };
  document.querySelectorAll('input[name=payment-option], #conditions-to-approve input').forEach(i => i.addEventListener('change', sync));
  confirmBtn.addEventListener('click', e => { e.preventDefault(); const chosen = document.querySelector('input[name=payment-option]:checked');
    if (!chosen) return; document.querySelector('#pay-with-' + chosen.id + '-form form').submit(); });
  sync();
}
"""


class ProgressiveCheckoutShop(_Counter):
    """PrestaShop 1.7/8 classic theme: AJAX add to cart opening the "successfully added" modal, and the one-page
    checkout at /order whose sections (1 Personal information, 2 Addresses, 3 Shipping method, 4 Payment) open
    only after the previous one's "Continue" is accepted by the server. The final button submits the chosen
    payment module's own form (/module/<name>/validation), which is what places the order."""

    products: ClassVar[dict[int, tuple[str, str, int, tuple[str, ...]]]] = {  # id: (slug, name, cents, dimensions)
        1: ("hummingbird-printed-t-shirt", "Hummingbird printed t-shirt", 2390, ("S", "M", "L", "XL")),
        4: ("the-adventure-begins-framed-poster", "The adventure begins Framed poster", 2900, ("40x60cm", "60x90cm", "80x120cm")),
        7: ("mug-the-best-is-yet-to-come", "Mug The best is yet to come", 1190, ()),
    }
    STEPS = ("checkout-personal-information-step", "checkout-addresses-step", "checkout-delivery-step", "checkout-payment-step")
    carriers = (("1", "Click and collect", "Pick up in-store", "Free"), ("2", "My carrier", "Delivery next day!", "€7.00"))
    payments = (("payment-option-1", "ps_wirepayment", "Pay by bank wire", "Please transfer the invoice amount to our bank account."),
                ("payment-option-2", "ps_cashondelivery", "Pay by Cash on Delivery", "You pay for the merchandise upon delivery."))

    def __init__(self) -> None:
        super().__init__()
        a = self.app
        a.add("/", self.home)
        a.add("/(?P<pk>[0-9]+)-(?P<slug>[a-z0-9-]+)\\.html", self.product)
        a.add("/search", self.search)
        a.add("/cart", self.cart, methods=("GET", "POST"))
        a.add("/order", self.order, methods=("GET", "POST"))
        a.add("/module/(?P<module>ps_wirepayment|ps_cashondelivery)/validation", self.validation, methods=("POST",))
        a.add("/content/(?P<slug>[a-z-]+)", lambda r: self.page("Delivery", "<h1>Delivery</h1><p>Packages are shipped within 48h.</p>", r))

    @staticmethod
    def money(cents: int) -> str:
        return f"€{cents / 100:.2f}"

    def cart_lines(self, r: Request) -> list[dict[str, Any]]:
        lines: list[dict[str, Any]] = r.session.setdefault("ps_cart", [])
        return lines

    def page(self, title: str, body: str, r: Request, page_id: str = "index") -> Response:
        n = sum(x["qty"] for x in self.cart_lines(r))
        modal = ("<div id='blockcart-modal' class='modal fade' tabindex='-1' role='dialog' aria-labelledby='myModalLabel'>"
                 "<div class='modal-dialog' role='document'><div class='modal-content'><div class='modal-header'>"
                 "<button type='button' class='close' data-dismiss='modal' aria-label='Close'>×</button>"
                 "<h4 class='modal-title h6 text-sm-center' id='myModalLabel'>✔ Product successfully added to your shopping cart</h4></div>"
                 "<div class='modal-body'><p class='cart-products-count'>There are items in your cart.</p><div class='cart-content-btn'>"
                 "<button type='button' class='btn btn-secondary' data-dismiss='modal'>Continue shopping</button> "
                 "<a href='/cart?action=show' class='btn btn-primary'>✔ Proceed to checkout</a></div></div></div></div></div>")
        return Response(
            f"<!doctype html><html lang='en-US'><head><meta charset='utf-8'><title>{escape(title)}</title><style>{_PS_CSS}</style>"
            f"</head><body id='{page_id}' class='lang-en country-fr'><main><header id='header'><nav class='header-nav'><div class='container'>"
            "<div id='_desktop_contact_link'><div id='contact-link'><a href='/content/contact-us'>Contact us</a></div></div>"
            "<div class='right-nav'><div id='_desktop_user_info'><div class='user-info'><a href='/login?back=my-account' "
            "title='Log in to your customer account' rel='nofollow'><span class='hidden-sm-down'>Sign in</span></a></div></div>"
            "<div id='_desktop_cart'><div class='blockcart cart-preview inactive' data-refresh-url='/module/ps_shoppingcart/ajax'>"
            f"<div class='header'><a rel='nofollow' aria-label='Shopping cart link containing {n} product(s)' href='/cart?action=show'>"
            f"<span class='hidden-sm-down'>Cart</span> <span class='cart-products-count'>({n})</span></a></div></div></div></div></div></nav>"
            "<div class='header-top'><div class='container'><div id='_desktop_logo'><h1><a href='/' class='logo'>Atelier Lumière</a></h1>"
            "</div><div id='search_widget' class='search-widgets' data-search-controller-url='/search'><form method='get' action='/search'>"
            "<input type='hidden' name='controller' value='search'><input type='text' name='s' value='' placeholder='Search our catalog' "
            "aria-label='Search'><button type='submit'>Search</button></form></div></div></div></header>"
            f"<section id='wrapper'><div class='container'><section id='main'>{body}</section></div></section>"
            "<footer id='footer' class='js-footer'><div class='container'><div class='links'><p class='h3'>Our company</p><ul>"
            "<li><a href='/content/delivery'>Delivery</a></li><li><a href='/content/terms-and-conditions-of-use'>Terms and conditions of use"
            "</a></li></ul></div><p class='text-sm-center'>© 2024 - Ecommerce software by PrestaShop™</p></div></footer></main>"
            f"{modal}<script>{_PS_JS}</script></body></html>")

    def miniature(self, pk: int) -> str:
        slug, name, price, _dims = self.products[pk]
        return (f"<div class='js-product product col-xs-12 col-sm-6 col-xl-4'><article class='product-miniature js-product-miniature' "
                f"data-id-product='{pk}'><div class='thumbnail-container'><a href='/{pk}-{slug}.html' class='thumbnail product-thumbnail'>"
                f"<div style='background:#e5e5e5;height:150px'></div></a><div class='product-description'><h2 class='h3 product-title'>"
                f"<a href='/{pk}-{slug}.html' content='/{pk}-{slug}.html'>{escape(name)}</a></h2><div class='product-price-and-shipping'>"
                f"<span class='price' aria-label='Price'>{self.money(price)}</span></div></div></div></article></div>")

    def home(self, r: Request) -> Response:
        return self.page("Atelier Lumière", "<section class='featured-products clearfix'><h2 class='h2 products-section-title "
                                            "text-uppercase'>Popular Products</h2><div class='products row'>"
                         + "".join(self.miniature(pk) for pk in self.products) + "</div><a class='all-product-link' "
                         "href='/2-home'>All products</a></section>", r)

    def search(self, r: Request) -> Response:
        q = r.arg("s").strip().lower()
        hits = [pk for pk, p in self.products.items() if q and q in p[1].lower()]
        body = (f"<h1 id='js-product-list-header' class='h2'>Search results</h1><div class='products row'>"
                f"{''.join(self.miniature(pk) for pk in hits)}</div>" if hits else
                "<section id='content' class='page-content page-not-found'><h4>Sorry for the inconvenience.</h4><p>Search again what you "
                "are looking for</p></section>")
        return self.page("Search", body, r, "search")

    def product(self, r: Request) -> Response:
        pk = int(r.params["pk"])
        if pk not in self.products or self.products[pk][0] != r.params["slug"]:
            return self.app.not_found(r)
        _slug, name, price, dims = self.products[pk]
        variants = ""
        if dims:
            label = "Size" if pk == 1 else "Dimension"
            opts = "".join(f"<option value='{i}' title='{d}'{' selected' if i == 0 else ''}>{d}</option>" for i, d in enumerate(dims))
            variants = (f"<div class='product-variants js-product-variants'><div class='clearfix product-variants-item'>"
                        f"<span class='control-label'>{label}</span><select class='form-control form-control-select' id='group_1' "
                        f"aria-label='{label}' data-product-attribute='1' name='group[1]'>{opts}</select></div></div>")
        ld = json.dumps({"@context": "https://schema.org/", "@type": "Product", "name": name,
                         "offers": {"@type": "Offer", "priceCurrency": "EUR", "price": f"{price / 100:.2f}",
                                    "availability": "https://schema.org/InStock"}})
        body = (
            f"<section id='main'><div class='row product-container js-product-container'><div class='col-md-6'><div class='product-cover' "
            f"style='background:#e5e5e5;height:300px'></div></div><div class='col-md-6'><h1 class='h1'>{escape(name)}</h1>"
            f"<div class='product-prices js-product-prices'><div class='current-price'><span class='current-price-value' content="
            f"'{price / 100:.2f}'>{self.money(price)}</span></div><div class='tax-shipping-delivery-label'>Tax included</div></div>"
            "<div class='product-actions js-product-actions'><form action='/cart' method='post' id='add-to-cart-or-refresh'>"
            f"<input type='hidden' name='token' value='ab12'><input type='hidden' name='id_product' value='{pk}' id='product_page_product_id'>"
            f"<input type='hidden' name='id_customization' value='0' id='product_customization_id'>{variants}"
            "<div class='product-add-to-cart js-product-add-to-cart'><span class='control-label'>Quantity</span><div class='product-quantity "
            "clearfix'><div class='qty'><input type='number' name='qty' id='quantity_wanted' inputmode='numeric' pattern='[0-9]*' "
            "value='1' min='1' class='input-group' aria-label='Quantity'></div><div class='add'><button class='btn btn-primary add-to-cart' "
            "data-button-action='add-to-cart' type='submit'>Add to cart</button></div></div><p class='js-error text-danger'></p>"
            "<span id='product-availability' class='js-product-availability'>In stock</span></div></form></div></div></div>"
            f"<script type='application/ld+json'>{ld}</script></section>")
        return self.page(name, body, r, "product")

    def cart(self, r: Request) -> Response:
        if r.method == "POST":
            pk = int(r.field("id_product") or 0)
            if pk not in self.products:
                return Response.json(json.dumps({"hasError": True, "errors": ["This product is no longer available."]}))
            dims = self.products[pk][3]
            group = r.field("group[1]")
            variant = dims[int(group)] if dims and group.isdigit() and int(group) < len(dims) else ""
            lines = self.cart_lines(r)
            line = next((x for x in lines if x["id"] == pk and x["variant"] == variant), None)
            if line:
                line["qty"] += max(1, int(r.field("qty") or 1))
            else:
                lines.append({"id": pk, "variant": variant, "qty": max(1, int(r.field("qty") or 1))})
            count = sum(x["qty"] for x in lines)
            if "json" in r.headers.get("accept", ""):
                return Response.json(json.dumps({"success": True, "hasError": False, "cart": {"products_count": count}}))
            return Response.redirect("/cart?action=show", 302)
        lines = self.cart_lines(r)
        if not lines:
            return self.page("Cart", "<h1 class='h1'>Shopping Cart</h1><span class='no-items'>There are no more items in your cart</span>",
                             r, "cart")
        subtotal = sum(self.products[x["id"]][2] * x["qty"] for x in lines)
        rows = "".join(
            f"<li class='cart-item'><div class='product-line-grid'><a class='label' href='/{x['id']}-{self.products[x['id']][0]}.html'>"
            f"{escape(self.products[x['id']][1])}</a>{' – ' + x['variant'] if x['variant'] else ''} <input class='js-cart-line-product-"
            f"quantity' type='number' value='{x['qty']}' name='product-quantity-spin' aria-label='Quantity'> <span class='product-price'>"
            f"{self.money(self.products[x['id']][2] * x['qty'])}</span></div></li>" for x in lines)
        body = (f"<div class='cart-grid row'><div class='cart-grid-body col-xs-12 col-lg-8'><div class='card cart-container'>"
                f"<h1 class='h1'>Shopping Cart</h1><ul class='cart-items'>{rows}</ul></div></div><div class='cart-grid-right col-lg-4'>"
                f"<div class='card cart-summary'><div class='cart-detailed-totals'><div class='cart-summary-line' id='cart-subtotal-products'>"
                f"<span class='label js-subtotal'>{sum(x['qty'] for x in lines)} items</span> <span class='value'>{self.money(subtotal)}"
                "</span></div><div class='cart-summary-line' id='cart-subtotal-shipping'><span class='label'>Shipping</span> <span class="
                f"'value'>€7.00</span></div><div class='cart-summary-line cart-total'><span class='label'>Total (tax incl.)</span> "
                f"<span class='value'>{self.money(subtotal + 700)}</span></div></div><div class='checkout cart-detailed-actions card-block'>"
                "<div class='text-sm-center'><a href='/order' class='btn btn-primary'>Proceed to checkout</a></div></div></div></div></div>")
        return self.page("Cart", body, r, "cart")

    # ---- /order ----
    def progress(self, r: Request) -> dict[str, Any]:
        state: dict[str, Any] = r.session.setdefault("ps_checkout", {"done": 0})
        return state

    @staticmethod
    def _check(form: dict[str, str], required: tuple[str, ...]) -> dict[str, str]:
        errors = {name: "Required field" for name in required if not form.get(name, "").strip()}
        if "email" in form and form["email"].strip() and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", form["email"].strip()):
            errors["email"] = "Invalid email address format."
        return errors

    def order(self, r: Request) -> Response:
        if not self.cart_lines(r):
            return Response.redirect("/cart?action=show", 302)
        state = self.progress(r)
        if r.method == "POST":
            form = {k: v[0] for k, v in r.form.items()}
            errors: dict[str, str] = {}
            nxt = ""
            prefill: dict[str, str] = {}
            if "submitCustomer" in form:
                errors = self._check(form, ("firstname", "lastname", "email", "customer_privacy"))
                if not errors:
                    state.update(customer=form, done=max(state["done"], 1))
                    nxt, prefill = self.STEPS[1], {"firstname": form["firstname"], "lastname": form["lastname"]}
            elif ("confirm-addresses" in form or "submitAddress" in form) and state["done"] >= 1:
                errors = self._check(form, ("firstname", "lastname", "address1", "postcode", "city", "id_country"))
                if not errors:
                    state.update(address=form, done=max(state["done"], 2))
                    nxt = self.STEPS[2]
            elif "confirmDeliveryOption" in form and state["done"] >= 2:
                if form.get("delivery_option[5]") not in {c[0] for c in self.carriers}:
                    errors = {"delivery_option[5]": "Please choose a carrier."}
                else:
                    state.update(carrier=form["delivery_option[5]"], done=max(state["done"], 3))
                    nxt = self.STEPS[3]
            else:
                errors = {"": "Please complete the previous steps first."}
            if form.get("ajax") == "1":
                return Response.json(json.dumps({"errors": errors, "next": nxt, "prefill": prefill}), status=200)
            return self.order_page(r, errors, form)  # without JavaScript the page reloads on the next step, as PrestaShop does
        return self.order_page(r, {}, {})

    def order_page(self, r: Request, errors: dict[str, str], posted: dict[str, str]) -> Response:
        state = self.progress(r)
        current = min(state["done"], 3)

        def group(name: str, label: str, required: bool, control: str) -> str:
            err = (f"<div class='help-block'><ul><li class='alert alert-danger'>{escape(errors[name])}</li></ul></div>"
                   if name in errors else "")
            opt = "" if required else " <span class='form-control-comment'>Optional</span>"
            return (f"<div class='form-group row'><label class='col-md-3 form-control-label{' required' if required else ''}' "
                    f"for='field-{name}'>{label}</label><div class='col-md-6'>{control}</div><div class='col-md-3'>{opt}</div>{err}</div>")

        def text(name: str, label: str, required: bool, kind: str = "text", auto: str = "", value: str = "") -> str:
            v = escape(posted.get(name, value))
            return group(name, label, required, f"<input id='field-{name}' class='form-control' name='{name}' type='{kind}' value='{v}'"
                                                f"{' autocomplete=' + repr(auto) if auto else ''}{' required' if required else ''}>")

        def section(i: int, title: str, content: str) -> str:
            cls = ["checkout-step", "-current" if i == current else "", "-reachable" if i <= state["done"] else "",
                   "-complete" if i < state["done"] else "", "-unreachable" if i > state["done"] else ""]
            return (f"<section id='{self.STEPS[i]}' class='{' '.join(c for c in cls if c)}'><h1 class='step-title js-step-title h3'>"
                    f"<i class='material-icons rtl-no-flip done'>✔</i><span class='step-number'>{i + 1}</span> {title}"
                    f"<span class='step-edit text-muted'>✎ Edit</span></h1><div class='content'>{content}</div></section>")

        customer = state.get("customer", {})
        personal = (
            "<ul class='nav nav-inline my-2' role='tablist'><li class='nav-item'><a class='nav-link active' data-toggle='tab' "
            "href='#checkout-guest-form' role='tab' aria-controls='checkout-guest-form' aria-selected='true'>Order as a guest</a></li>"
            "<li class='nav-item'><span class='nav-separator'> | </span></li><li class='nav-item'><a class='nav-link' "
            "data-link-action='show-login-form' data-toggle='tab' href='#checkout-login-form' role='tab' aria-controls="
            "'checkout-login-form'>Sign in</a></li></ul><div class='tab-content'><div class='tab-pane active' id='checkout-guest-form' "
            "role='tabpanel'><form action='/order' id='customer-form' class='js-customer-form js-step-form' method='post'><div>"
            + group("id_gender", "Social title", False, "<label class='radio-inline'><input name='id_gender' type='radio' value='1'> Mr."
                    "</label> <label class='radio-inline'><input name='id_gender' type='radio' value='2'> Mrs.</label>")
            + text("firstname", "First name", True, auto="given-name", value=customer.get("firstname", ""))
            + text("lastname", "Last name", True, auto="family-name", value=customer.get("lastname", ""))
            + text("email", "Email", True, "email", "email", customer.get("email", ""))
            + "<p><span class='font-weight-bold'>Create an account</span> <span class='font-italic'>(optional)</span><br>"
            "<span class='text-muted'>And save time on your next order!</span></p>"
            + text("password", "Password", False, "password", "new-password")
            + group("customer_privacy", "", True, "<span class='custom-checkbox'><label class='psgdpr_consent_message'><input "
                    "name='customer_privacy' type='checkbox' value='1' required> Customer data privacy<br><em>The personal data you "
                    "provide is used to answer queries, process orders or allow access to specific information.</em></label></span>")
            + "</div><footer class='form-footer clearfix'><input type='hidden' name='submitCustomer' value='1'><button class='continue "
            "btn btn-primary float-xs-right' name='continue' data-link-action='register-new-customer' type='submit' value='1'>Continue"
            "</button></footer></form></div><div class='tab-pane' id='checkout-login-form' role='tabpanel' aria-hidden='true'>"
            "<form id='login-form' action='/order' method='post'><input type='email' name='email' aria-label='Email'><input "
            "type='password' name='password' aria-label='Password'><button class='continue btn btn-primary' type='submit'>Continue"
            "</button></form></div></div>")
        countries = "".join(f"<option value='{v}'{' selected' if v == '8' else ''}>{n}</option>"
                            for v, n in (("", "-- please choose --"), ("3", "Belgium"), ("8", "France"), ("1", "Germany"), ("17", "United Kingdom")))
        addresses = (
            "<div class='js-address-form'><form method='POST' action='/order?id_address=0' class='js-step-form' "
            "data-id-address='0' data-refresh-url='/order?ajax=1&action=addressForm'><p>The selected address will be used both as your "
            "personal address (for invoice) and as your delivery address.</p><section class='form-fields'>"
            + text("alias", "Alias", False)
            + text("firstname", "First name", True, auto="given-name", value=customer.get("firstname", ""))
            + text("lastname", "Last name", True, auto="family-name", value=customer.get("lastname", ""))
            + text("company", "Company", False, auto="organization")
            + text("address1", "Address", True, auto="address-line1")
            + text("address2", "Address Complement", False, auto="address-line2")
            + text("postcode", "Zip/Postal Code", True, auto="postal-code")
            + text("city", "City", True, auto="address-level2")
            + group("id_country", "Country", True, f"<select class='form-control form-control-select js-country' name='id_country' "
                    f"id='field-id_country' required>{countries}</select>")
            + text("phone", "Phone", False, "tel", "tel")
            + "<input type='hidden' name='saveAddress' value='delivery'><div class='form-group row'><div class='col-md-9 col-md-offset-3'>"
            "<input name='use_same_address' id='use_same_address' type='checkbox' value='1' checked><label for='use_same_address'>Use "
            "this address for invoice too</label></div></div></section><footer class='form-footer clearfix'><input type='hidden' "
            "name='submitAddress' value='1'><button type='submit' class='continue btn btn-primary float-xs-right' name='confirm-addresses' "
            "value='1'>Continue</button></footer></form></div>")
        chosen_carrier = state.get("carrier", "2")
        carriers = "".join(
            f"<div class='row delivery-option'><div class='col-sm-1'><span class='custom-radio float-xs-left'><input type='radio' "
            f"name='delivery_option[5]' id='delivery_option_{cid}' value='{cid}'{' checked' if cid == chosen_carrier else ''}><span></span>"
            f"</span></div><label for='delivery_option_{cid}' class='col-sm-11 delivery-option-2'><span class='h6 carrier-name'>{name}</span>"
            f" <span class='carrier-delay'>{delay}</span> <span class='carrier-price'>{price}</span></label></div>"
            for cid, name, delay, price in self.carriers)
        delivery = (
            "<div class='delivery-options-list'><form class='clearfix js-step-form' id='js-delivery' data-url-update='/order?ajax=1&action="
            f"selectDeliveryOption' method='post' action='/order'><div class='form-fields'><div class='delivery-options'>{carriers}</div>"
            "<div class='order-options'><div id='delivery' class='form-group'><label for='delivery_message'>If you would like to add a "
            "comment about your order, please write it in the field below.</label><textarea rows='2' cols='120' id='delivery_message' "
            "name='delivery_message'></textarea></div></div></div><button type='submit' class='continue btn btn-primary float-xs-right' "
            "name='confirmDeliveryOption' value='1'>Continue</button></form></div>")
        options = "".join(
            f"<div><div id='{oid}-container' class='payment-option clearfix'><span class='custom-radio float-xs-left'><input class="
            f"'ps-shown-by-js' id='{oid}' data-module-name='{module}' name='payment-option' type='radio' required><span></span></span>"
            f"<label for='{oid}'><span>{label}</span></label></div></div><div id='{oid}-additional-information' class='js-additional-"
            f"information definition-list additional-information ps-hidden'><p>{info}</p></div><div id='pay-with-{oid}-form' class="
            f"'js-payment-option-form ps-hidden'><form id='payment-form-{module}' method='POST' action='/module/{module}/validation'>"
            f"<button style='display:none' id='pay-with-{oid}' type='submit'></button></form></div>"
            for oid, module, label, info in self.payments)
        payment = (
            f"<div class='payment-options'>{options}</div><form id='conditions-to-approve' class='js-conditions-to-approve' method='GET'>"
            "<ul><li><div class='float-xs-left'><span class='custom-checkbox'><input id='conditions_to_approve[terms-and-conditions]' "
            "name='conditions_to_approve[terms-and-conditions]' required type='checkbox' value='1' class='ps-shown-by-js'><span></span>"
            "</span></div><div class='condition-label'><label class='js-terms' for='conditions_to_approve[terms-and-conditions]'>I agree "
            "to the <a href='/content/terms-and-conditions-of-use' id='cta-terms-and-conditions-0'>terms of service</a> and will adhere "
            "to them unconditionally.</label></div></li></ul></form><div id='payment-confirmation' class='js-payment-confirmation'>"
            "<div class='ps-shown-by-js'><button type='submit' class='btn btn-primary center-block disabled' disabled>Order with an "
            "obligation to pay</button></div></div>")
        subtotal = sum(self.products[x["id"]][2] * x["qty"] for x in self.cart_lines(r))
        alert = (f"<div class='alert alert-danger' role='alert'>{escape(errors[''])}</div>" if "" in errors else "")
        body = (
            f"<section id='content'><div class='row'><div class='cart-grid-body col-xs-12 col-lg-8'>{alert}"
            + section(0, "Personal Information", personal) + section(1, "Addresses", addresses)
            + section(2, "Shipping Method", delivery) + section(3, "Payment", payment)
            + "</div><div class='cart-grid-right col-xs-12 col-lg-4'><section id='js-checkout-summary' class='card js-cart'><div class="
            f"'card-block'><div class='cart-summary-line cart-summary-subtotals'><span class='label'>Subtotal</span><span class='value'>"
            f"{self.money(subtotal)}</span></div><div class='cart-summary-line'><span class='label'>Shipping</span><span class='value'>"
            f"€7.00</span></div><div class='cart-summary-line cart-total'><span class='label'>Total (tax incl.)</span><span class='value'>"
            f"{self.money(subtotal + 700)}</span></div></div></section></div></div></section>")
        return self.page("Order", body, r, "checkout")

    def validation(self, r: Request) -> Response:
        self._count_order()
        r.session["ps_cart"] = []
        r.session["ps_checkout"] = {"done": 0}
        return self.page("Order confirmation", "<h3 class='h1 card-title'>✔ Your order is confirmed</h3>", r, "order-confirmation")


EXPECTED_PROGRESSIVE: dict[str, Any] = {
    "one_page_checkout": False,  # one URL, but the address section is left before payment
    "steps_to_payment": 4,  # 1 Personal Information, 2 Addresses, 3 Shipping Method, 4 Payment, all on /order
    "guest_checkout": "offered",  # "Order as a guest" tab is active; its form has an optional password field
    "payment_labels": ["Pay by bank wire", "Pay by Cash on Delivery"],
    "error_messages": ["Required field", "Invalid email address format."],  # per field, in .help-block li.alert-danger
    "form_fields_required": 12,  # personal: first, last, email, privacy; addresses: first, last, address, postcode, city, country;
    # payment: payment-option radio, terms checkbox (the carrier radio is preselected and not marked required)
    "cart_kind": "modal",  # "Product successfully added to your shopping cart" with "Proceed to checkout"
    "add_to_cart_request": "POST /cart?add=1&action=update (urlencoded id_product, group[1], qty)",
    "order_endpoint": "POST /module/ps_wirepayment/validation or /module/ps_cashondelivery/validation",
    "final_button": "Order with an obligation to pay (outside any form; disabled until a payment option and the terms are ticked)",
    "pattern": "One-page checkout whose sections open one after another once the server accepts each 'Continue' (client-side "
               "reveal via .checkout-step.-current); copies PrestaShop/PrestaShop themes/classic/templates/checkout/_partials/steps/"
               "checkout-step.tpl, personal-information.tpl ('Order as a guest' | 'Sign in' tabs), customer-form.tpl, addresses.tpl, "
               "shipping.tpl (delivery_option radios, confirmDeliveryOption), payment.tpl (payment-option radios, conditions_to_approve, "
               "#payment-confirmation submitting the module's #pay-with-<id>-form) and catalog/_partials/product-variants.tpl",
}
