"""Sites whose only contact channel hides in one particular way."""

from __future__ import annotations

import json

from auditor.demo.httpkit import App, Response

FAKE_TAWK_LOADER = ("window.Tawk_API = window.Tawk_API || {}; (function(){var b=document.createElement('button');"
                    "b.className='tawk-chat-launcher';b.setAttribute('aria-label','Chat with us');b.textContent='Chat';"
                    "document.body.appendChild(b);})();")


def page(body: str, head: str = "") -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>Shop</title>{head}</head><body>"
                    f"<header><a href='/'>Shop</a> <a href='/products'>Products</a></header><main>{body}</main>"
                    f"<footer><a href='/about'>About</a></footer></body></html>")


def contact_site(kind: str) -> App:
    app = App()
    app.add("/products", lambda r: page("<h1>Products</h1>"))
    if kind == "chat_only":
        app.add("/", lambda r: page("<h1>Welcome</h1>", "<script src='/vendor/embed.tawk.to/loader.js' defer></script>"))
        app.add("/vendor/embed.tawk.to/loader.js", lambda r: Response(FAKE_TAWK_LOADER, content_type="text/javascript"))
        app.add("/about", lambda r: page("<h1>About us</h1>"))
    elif kind == "obfuscated_email":
        app.add("/", lambda r: page("<h1>Welcome</h1>"))
        app.add("/about", lambda r: page("<h1>About us</h1><p>Questions? Write to help [at] shop [dot] example.</p>"))
    elif kind == "phone_text":
        app.add("/", lambda r: page("<h1>Welcome</h1>"))
        app.add("/about", lambda r: page("<h1>About us</h1><p>Call our customer service on 020 123 4567 (Mon–Fri).</p>"
                                          "<p>Founded 2019-04-01.</p>"))
    elif kind == "schema_only":
        ld = {"@context": "https://schema.org", "@type": "Organization", "name": "Shop",
              "contactPoint": {"@type": "ContactPoint", "telephone": "+1-800-555-0100", "contactType": "customer service"}}
        app.add("/", lambda r: page("<h1>Welcome</h1>", f"<script type='application/ld+json'>{json.dumps(ld)}</script>"))
        app.add("/about", lambda r: page("<h1>About us</h1>"))
    return app
