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
    elif kind == "dialog_only":
        # a header button opens the service panel in place (no link, no contact page): German wording from Shopware's
        # catalogue ('Kontaktieren Sie uns'); a newsletter and a notify-me form elsewhere take e-mail addresses too
        dialog = ("<button type='button' class='header-service' onclick=\"document.getElementById('svc').hidden=false\">"
                  "Kontaktieren Sie uns</button><div id='svc' role='dialog' hidden><p>Telefon: 030 1234 5678</p>"
                  "<p>E-Mail: hilfe@laden.example</p></div>")
        app.add("/", lambda r: page(f"<h1>Willkommen</h1>{dialog}<form action='/newsletter/subscribe' method='post'>"
                                    "<label>E-Mail <input type='email' name='email'></label><button>Abonnieren</button></form>"))
        app.add("/about", lambda r: page("<h1>Über uns</h1><form action='/stock-alert' method='post'><p>Benachrichtigen "
                                         "Sie mich, wenn das Produkt wieder verfügbar ist</p><input type='text' "
                                         "name='nachricht_email' aria-label='E-Mail'><button>Benachrichtigen</button></form>"))
    return app
