"""Shops built to make the auditor fail where the site is fine, so tests can prove cxaudit says "could not
verify" instead of blaming the site: an add-to-cart drawn as an unlabelled icon that only script wires up, and a
checkout that rejects every address cxaudit can make up while telling the customer why."""

from __future__ import annotations

import json
from html import escape

from auditor.demo.httpkit import App, Request, Response

PRODUCT = ("Linen Throw", "49.00")


def _page(title: str, body: str, count: int = 0) -> Response:
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": PRODUCT[0],
                     "offers": {"@type": "Offer", "price": PRODUCT[1], "priceCurrency": "EUR",
                                "availability": "https://schema.org/InStock"}})
    return Response(
        f"<!doctype html><html lang='en'><head><title>{escape(title)}</title>"
        f"<script type='application/ld+json'>{ld if title == PRODUCT[0] else '{}'}</script></head><body>"
        f"<header><a href='/'>Throws &amp; Co</a> <a href='/cart' class='cart-link'>Cart ({count})</a></header>"
        f"<main>{body}</main><footer><a href='/contact'>Contact</a></footer></body></html>")


class UnknownWidgetShop:
    """The buy control is a bare icon `<div>` with no words, no name, no form and no ARIA role: a person sees a
    bag icon next to the price and clicks it; the auditor has nothing to recognise."""

    def __init__(self) -> None:
        self.orders = 0
        self.app = App()
        self.app.add("/", lambda r: _page("Home", "<a href='/products/linen-throw'>Linen Throw</a>"))
        self.app.add("/products/linen-throw", self.product)
        self.app.add("/cart", lambda r: _page("Cart", "<h1>Cart</h1>", len(r.session.get("cart", []))))
        self.app.add("/cart/add", self.add, methods=("POST",))

    def product(self, r: Request) -> Response:
        return _page(PRODUCT[0], f"<h1>{PRODUCT[0]}</h1><p class='price'>€{PRODUCT[1]}</p>"
                                 "<div class='icon-bag' style='width:40px;height:40px;background:#333;cursor:pointer'></div>"
                                 "<script>document.querySelector('.icon-bag').onclick=()=>fetch('/cart/add',{method:'POST'})"
                                 ".then(()=>location.href='/cart')</script>", len(r.session.get("cart", [])))

    def add(self, r: Request) -> Response:
        r.session.setdefault("cart", []).append("throw")
        return Response.json('{"ok":true}')


class RejectingCheckoutShop:
    """Adding to the cart and checking out work; the address step rejects every postcode it is sent with a message
    next to the field (the way shops validate against a postcode database the auditor cannot know)."""

    def __init__(self) -> None:
        self.orders = 0
        self.app = App()
        self.app.add("/", lambda r: _page("Home", "<a href='/products/linen-throw'>Linen Throw</a>"))
        self.app.add("/products/linen-throw", lambda r: _page(
            PRODUCT[0], f"<h1>{PRODUCT[0]}</h1><p class='price'>€{PRODUCT[1]}</p><form action='/cart/add' method='post'>"
                        "<button type='submit' name='add'>Add to cart</button></form>", len(r.session.get("cart", []))))
        self.app.add("/cart/add", self.add, methods=("POST",))
        self.app.add("/cart", lambda r: _page("Cart", "<h1>Your cart</h1><p>Linen Throw €49.00</p>"
                                                      "<a href='/checkout' class='button'>Checkout</a>", len(r.session.get("cart", []))))
        self.app.add("/checkout", self.checkout, methods=("GET", "POST"))
        self.app.add("/order/place", self.place, methods=("POST",))

    def add(self, r: Request) -> Response:
        r.session.setdefault("cart", []).append("throw")
        return Response.redirect("/cart")

    def checkout(self, r: Request) -> Response:
        error = ""
        if r.method == "POST":
            error = (f"<span class='error' id='pc-error'>We could not find the postcode "
                     f"{escape(r.field('postcode'))} in our address database</span>")
        return _page("Checkout", "<h1>Shipping address</h1><form method='post' action='/checkout'>"
                                 "<label for='email'>Email</label><input id='email' name='email' type='email' required>"
                                 "<label for='name'>Full name</label><input id='name' name='name' required>"
                                 "<label for='street'>Street</label><input id='street' name='street' required>"
                                 "<label for='postcode'>Postcode</label><input id='postcode' name='postcode' required "
                                 f"{'aria-invalid=true aria-describedby=pc-error' if error else ''}>{error}"
                                 "<label for='city'>City</label><input id='city' name='city' required>"
                                 "<button type='submit'>Continue to payment</button></form>")

    def place(self, r: Request) -> Response:
        self.orders += 1
        return Response("ordered")
