"""A shop whose search works only through a URL advertised in schema.org, with no search box at all."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from auditor.demo.httpkit import App, Request, Response

NAMES = {"blue-widget": "Blue Widget", "red-widget": "Red Widget", "green-gadget": "Green Gadget"}


def url_only_search_site() -> App:
    app = App()
    ld = {"@context": "https://schema.org", "@type": "WebSite", "url": "/",
          "potentialAction": {"@type": "SearchAction", "target": "{base}find?term={search_term_string}",
                              "query-input": "required name=search_term_string"}}

    def home(r: Request) -> Response:
        base = f"http://{r.headers['host']}/"
        data = json.dumps(ld).replace("{base}", base)
        links = "".join(f"<a href='/item/{s}'>{n}</a> " for s, n in NAMES.items())
        return Response(f"<!doctype html><html lang='en'><head><title>Widgets</title>"
                        f"<script type='application/ld+json'>{data}</script></head><body><main>{links}</main></body></html>")

    def item(r: Request) -> Response:
        name = NAMES.get(r.params["slug"], "?")
        return Response(f"<!doctype html><html><head><title>{name}</title></head><body><main><h1>{name}</h1>"
                        f"<p class='price'>€24.00</p><button>Add to cart</button></main></body></html>")

    def find(r: Request) -> Response:
        term = r.arg("term").lower()
        hits = [(s, n) for s, n in NAMES.items() if term and all(w in n.lower() for w in term.split())]
        body = "".join(f"<li><a href='/item/{s}'>{n}</a></li>" for s, n in hits) or "<p>No results found.</p>"
        return Response(f"<!doctype html><html><head><title>Search</title></head><body><main><ul>{body}</ul></main></body></html>")

    app.add("/", home)
    app.add("/item/(?P<slug>[a-z-]+)", item)
    app.add("/find", find)
    return app


def redirecting_search_site() -> App:
    """Search patterns of real platforms that a fixed script misreads: the search field sits behind a magnifier
    `<summary>` (Dawn's header), the field is outside any form so Enter does nothing and only its button
    searches (custom themes wire the button alone), and a query that matches one product answers with a 302
    to that product's page, as WooCommerce does for a single result (Magento and Shopware can be set to)."""
    app = App()
    header = ("<header><a href='/'>Widgets</a><details class='header__search'><summary class='header__icon "
              "header__icon--search' aria-label='Zoeken'><svg class='icon icon-search'><use href='#i'></use></svg>"
              "</summary><div class='search-modal'><input id='kw' placeholder='Zoeken in de winkel'>"
              "<button type='button' id='go' aria-label='Zoeken'>🔍</button></div></details></header>"
              "<script>document.getElementById('go').onclick = () => "
              "location.href = '/zoeken?term=' + encodeURIComponent(document.getElementById('kw').value);</script>")

    def page(title: str, main: str) -> Response:
        return Response(f"<!doctype html><html lang='nl'><head><title>{title}</title></head><body>{header}"
                        f"<main>{main}</main></body></html>")

    def home(r: Request) -> Response:
        return page("Widgets", "".join(f"<a href='/item/{s}'>{n}</a> " for s, n in NAMES.items()))

    def item(r: Request) -> Response:
        name = NAMES.get(r.params["slug"], "?")
        return page(name, f"<h1>{name}</h1><p class='price'>€24,00</p><form method='post' action='/cart/add'>"
                          f"<input type='hidden' name='product' value='{r.params['slug']}'>"
                          "<button type='submit' name='add'>In winkelwagen</button></form>")

    def search(r: Request) -> Response:
        term = r.arg("term").lower()
        hits = [(s, n) for s, n in NAMES.items() if term and all(w in n.lower() for w in term.split())]
        if len(hits) == 1:
            return Response.redirect(f"/item/{hits[0][0]}", status=302)
        body = "".join(f"<li><a href='/item/{s}'>{n}</a></li>" for s, n in hits) or \
            "<p>Geen resultaten gevonden. <a href='/'>Bekijk alle producten</a></p>"
        return page("Zoeken", f"<h1>Zoekresultaten</h1><ul>{body}</ul>")

    app.add("/", home)
    app.add("/item/(?P<slug>[a-z-]+)", item)
    app.add("/zoeken", search)
    return app


def responsive_search_site() -> App:
    """Dawn's responsive header: on a wide screen the search field sits in the header; below 750 px it is hidden
    and a magnifier button opens it (the same markup, a media query decides). Only the mobile customer has to
    find the icon first."""
    app = App()
    header = ("<style>.search-toggle{display:none} @media (max-width: 749px){.header-search{display:none}"
              ".search-toggle{display:inline-block} .header-search.open{display:block}}</style>"
              "<header><a href='/'>Widgets</a><button type='button' class='search-toggle' aria-label='Search' "
              "onclick=\"document.querySelector('.header-search').classList.add('open')\">&#128269;</button>"
              "<form class='header-search' action='/search' method='get' role='search'>"
              "<input type='search' name='q' placeholder='Search the store' size='30'></form></header>")

    def page(title: str, main: str) -> Response:
        return Response(f"<!doctype html><html lang='en'><head><title>{title}</title><meta name='viewport' "
                        f"content='width=device-width, initial-scale=1'></head><body>{header}<main>{main}</main>"
                        "</body></html>")

    def home(r: Request) -> Response:
        return page("Widgets", "".join(f"<a href='/item/{s}'>{n}</a> " for s, n in NAMES.items()))

    def item(r: Request) -> Response:
        name = NAMES.get(r.params["slug"], "?")
        return page(name, f"<h1>{name}</h1><p class='price'>€24.00</p><form method='post' action='/cart/add'>"
                          f"<input type='hidden' name='product' value='{r.params['slug']}'>"
                          "<button type='submit' name='add'>Add to cart</button></form>")

    def search(r: Request) -> Response:
        term = r.arg("q").lower()
        hits = [(s, n) for s, n in NAMES.items() if term and all(w in n.lower() for w in term.split())]
        body = "".join(f"<li><a href='/item/{s}'>{n}</a></li>" for s, n in hits) or "<p>No results found.</p>"
        return page("Search", f"<h1>Search results</h1><p>{len(hits)} results</p><ul>{body}</ul>")

    app.add("/", home)
    app.add("/item/(?P<slug>[a-z-]+)", item)
    app.add("/search", search)
    return app


TOTES = {"canvas-tote": "Canvas Tote", "leather-card-wallet": "Leather Card Wallet", "linen-summer-shirt": "Linen Summer Shirt"}

EVERSHOP_SEARCH = """<div class='search__box'><button type='button' aria-label='Search' class='search__icon'
onclick="document.getElementById('sc').hidden=false;document.getElementById('kw').focus()"><svg class='h-5 w-5'></svg>
</button><div id='sc' class='search__input__container' hidden><div class='search__input relative'><div class='form__field
relative'><input id='kw' placeholder='Search'><div id='res'></div></div></div></div></div>
<script>
const kw = document.getElementById('kw'), res = document.getElementById('res');
let timer = null;
kw.addEventListener('keydown', e => { if (e.key === 'Enter') location.href = '/search?keyword=' + encodeURIComponent(kw.value); });
kw.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const q = kw.value;
    if (q.length < 2) { res.innerHTML = ''; return; }
    const hits = await (await fetch('/api/suggest?q=' + encodeURIComponent(q))).json();
    const panel = document.createElement('div');
    panel.className = 'search__results absolute top-full left-0 right-0 bg-white';
    if (!hits.length) panel.innerHTML = '<div class="p-3 text-center"><span></span></div>';
    if (!hits.length) panel.querySelector('span').textContent = 'No results found for \\u201c' + q + '\\u201d';
    for (const h of hits) {
      const item = document.createElement('div');
      item.setAttribute('role', 'button'); item.tabIndex = 0; item.className = 'flex items-center p-3';
      item.innerHTML = '<div class="font-medium truncate"></div><div class="text-sm">$30.00</div><div class="text-xs">product</div>';
      item.firstChild.textContent = h.title;
      item.onclick = () => { location.href = h.url; };
      panel.appendChild(item);
    }
    res.replaceChildren(panel);
  }, 300);
});
</script>"""


def whole_word_suggest_site(suggests: bool = True) -> App:
    """EverShop 2.2's storefront search, as `make accuracy` met it: a magnifier button opens the field; typing asks
    the server after 300 ms and shows a `search__results` panel (no listbox role, no "suggest" in any name) that
    matches whole words only, so "Canv" answers "No results found for “Canv”" and "Canvas" lists the product.
    Without `suggests` the panel answers "No results found" to everything, as a store with an empty search index."""
    app = App()

    def page(title: str, main: str) -> Response:
        return Response(f"<!doctype html><html lang='en'><head><title>{title}</title></head><body><header>"
                        f"<a href='/'>Totes</a>{EVERSHOP_SEARCH}</header><main>{main}</main></body></html>")

    def matches(q: str) -> list[tuple[str, str]]:
        words = q.lower().split()
        return [(s, n) for s, n in TOTES.items() if words and all(w in n.lower().split() for w in words)]

    def suggest(r: Request) -> Response:
        hits = matches(r.arg("q")) if suggests else []
        return Response.json(json.dumps([{"title": n, "url": f"/product/{s}"} for s, n in hits]))

    def item(r: Request) -> Response:
        name = TOTES.get(r.params["slug"], "?")
        return page(name, f"<h1>{name}</h1><p class='price'>$30.00</p><button>Add to cart</button>")

    def search(r: Request) -> Response:
        hits = matches(r.arg("keyword"))
        body = "".join(f"<li><a href='/product/{s}'>{n}</a></li>" for s, n in hits) or "<p>No products found</p>"
        return page("Search", f"<h1>{len(hits)} results</h1><ul>{body}</ul>")

    app.add("/", lambda r: page("Totes", "".join(f"<a href='/product/{s}'>{n}</a> " for s, n in TOTES.items())))
    app.add("/product/(?P<slug>[a-z-]+)", item)
    app.add("/search", search)
    app.add("/api/suggest", suggest)
    return app


def collapsed_menu_search_site(bootstrap: int = 4) -> App:
    """The header of django-oscar (Bootstrap 4) or Mezzanine/Cartridge (Bootstrap 3) as a phone shows it: below
    992 px the whole navbar, search form included, folds into `.navbar-collapse`, shown by the menu button
    (Bootstrap 4: `data-target="#navbarSupportedContent"` and `aria-controls`; Bootstrap 3: only
    `data-target=".navbar-collapse"`, a class selector). No control is named for search: the customer opens the menu.
    Oscar's account bar comes first, with a menu button whose copied aria-controls names the main menu while its
    data-target opens the account menu. Its zero-results page says only "Found 0 results." (no <main>; the menu's
    "Browse store" is no suggestion)."""
    app = App()
    if bootstrap == 4:  # Oscar's account bar comes first; its button carries a copied aria-controls of the main menu
        accounts = ("<div class='navbar accounts'><button class='navbar-toggler' type='button' data-toggle='collapse' "
                    "data-target='.account-collapse' aria-controls='navbarSupportedContent' aria-expanded='false' "
                    "aria-label='Toggle navigation'><span class='navbar-toggler-icon'></span></button><div class='collapse "
                    "navbar-collapse account-collapse'><a href='/accounts/login/'>Login or register</a></div></div>")
        toggler = ("<button class='navbar-toggler' type='button' data-toggle='collapse' data-target='#navbarSupportedContent' "
                   "aria-controls='navbarSupportedContent' aria-expanded='false' aria-label='Toggle navigation'>"
                   "<span class='navbar-toggler-icon'></span></button>")
        open_class = "show"
    else:
        toggler = ("<button type='button' class='navbar-toggle' data-toggle='collapse' data-target='.navbar-collapse'>"
                   "<span class='sr-only'>Toggle Navigation</span><span class='icon-bar'></span></button>")
        open_class = "in"
        accounts = ""
    header = ("<style>.navbar-toggler,.navbar-toggle{display:none;width:44px;height:36px}"
              f"@media (max-width: 991px){{.navbar-toggler,.navbar-toggle{{display:inline-block}}"
              f".navbar-collapse:not(.{open_class}){{display:none}}}}</style>"
              f"<header>{accounts}<nav class='navbar'><a class='navbar-brand' href='/'>Books</a>{toggler}"
              "<div class='collapse navbar-collapse' id='navbarSupportedContent'><ul class='navbar-nav'>"
              "<li><a href='/'>All products</a></li><li><a href='#' class='dropdown-toggle'>Browse store</a></li></ul>"
              "<form method='get' action='/search/' class='form-inline'>"
              "<input type='search' name='q' placeholder='Search' aria-label='Search' class='form-control'>"
              "<button class='btn' type='submit'>Search</button></form></div></nav></header>"
              "<script>document.querySelectorAll('[data-toggle=collapse]').forEach(b => b.onclick = () => "
              f"document.querySelectorAll(b.getAttribute('data-target')).forEach(t => t.classList.toggle('{open_class}')));"
              "</script>")

    def page(title: str, main: str) -> Response:
        # like Oscar's templates: no <main>, the content sits in a plain div
        return Response(f"<!doctype html><html lang='en'><head><title>{title}</title><meta name='viewport' "
                        f"content='width=device-width, initial-scale=1'></head><body>{header}<div class='container page'>"
                        f"{main}</div><footer><a href='/contact/'>Contact us</a></footer></body></html>")

    def item(r: Request) -> Response:
        name = NAMES.get(r.params["slug"], "?")
        return page(name, f"<h1>{name}</h1><p class='price'>£24.00</p><form method='post' action='/basket/add'>"
                          "<button type='submit'>Add to basket</button></form>")

    facet_visits: list[str] = []
    app.facet_visits = facet_visits  # type: ignore[attr-defined]

    def search(r: Request) -> Response:
        term = r.arg("q").lower()
        if r.arg("selected_facets"):
            facet_visits.append(term)
        hits = [(s, n) for s, n in NAMES.items() if term and all(w in n.lower() for w in term.split())]
        body = "".join(f"<li><a href='/item/{s}'>{n}</a></li>" for s, n in hits) or "<p>Found <strong>0</strong> results.</p>"
        facets = (f"<aside><h2>Refine by</h2><a href='/search/?q={quote(term)}&amp;selected_facets=product_class%3Abook'>"
                  f"book ({len(hits)})</a></aside>")  # Oscar's facet links: a search's own URL, no way to the field
        return page("Search", f"<h1>Products matching “{escape(term)}”</h1>{facets}<p>{len(hits)} results</p><ul>{body}</ul>")

    app.add("/", lambda r: page("Books", "".join(f"<a href='/item/{s}'>{n}</a> " for s, n in NAMES.items())))
    app.add("/item/(?P<slug>[a-z-]+)", item)
    app.add("/search/", search)
    return app
