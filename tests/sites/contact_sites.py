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
    elif kind == "other_applications":
        _add_other_applications(app)
    return app


def _storefront(body: str, contact: bool = True) -> Response:
    """Mezzanine/Cartridge's frame: the same header menu and footer on every shop page, Contact in both."""
    link = "<a href='/contact/'>Contact</a>" if contact else ""
    return Response(f"<!doctype html><html lang='en'><head><title>Shop</title></head><body><header><nav>"
                    f"<a href='/'>Home</a> <a href='/shop/'>Shop</a> <a href='/blog/'>Blog</a> <a href='/about/'>About</a>"
                    f" {link}</nav></header><main>{body}</main><footer><a href='/about/'>About</a> "
                    f"<a href='/legals/'>Legals</a> {link}</footer></body></html>")


def _add_other_applications(app: App) -> None:
    """A Cartridge demo's host: beside the shop, Django's admin login and password reset (the admin's own layout,
    no shop header) and the blog's RSS feed, all reachable by links; /legals/ is a shop page that lost its link."""
    app.add("/", lambda r: _storefront("<h1>Welcome</h1><p><a href='/admin/'>Log in to the admin interface</a></p>"))
    app.add("/shop/", lambda r: _storefront("<h1>Shop</h1>"))
    app.add("/blog/", lambda r: _storefront("<h1>Blog</h1><a href='/blog/feeds/rss/'>RSS</a>"))
    app.add("/about/", lambda r: _storefront("<h1>About us</h1><a href='/password_reset/'>Forgot your password?</a>"))
    app.add("/contact/", lambda r: _storefront("<h1>Contact</h1><form method='post' action='/contact/'>"
                                               "<label>Message <textarea name='m'></textarea></label><button>Send</button></form>"))
    app.add("/legals/", lambda r: _storefront("<h1>Legals</h1>", contact=False))
    admin = ("<!doctype html><html><head><title>{0} | Django site admin</title></head><body><div id='container'>"
             "<div id='header'><div id='branding'><h1 id='site-name'><a href='/admin/'>Django administration</a></h1>"
             "</div></div><div id='content'><h1>{0}</h1><form method='post'><label>Username <input name='username'>"
             "</label><button>Log in</button></form></div></div></body></html>")
    app.add("/admin/", lambda r: Response.redirect("/admin/login/?next=/admin/", 302))
    app.add("/admin/login/", lambda r: Response(admin.format("Log in")))
    app.add("/password_reset/", lambda r: Response(admin.format("Password reset")))
    app.add("/blog/feeds/rss/", lambda r: Response(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Blog</title>"
        "<link>/blog/</link></channel></rss>", content_type="application/rss+xml; charset=utf-8"))
