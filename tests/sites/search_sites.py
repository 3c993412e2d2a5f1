"""A shop whose search works only through a URL advertised in schema.org, with no search box at all."""

from __future__ import annotations

import json

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
