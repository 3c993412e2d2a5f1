"""A small shop whose checkout a sighted mouse user gets through and a screen-reader user does not: the delivery
step's postcode field has a caption beside it that is no label, and the cart's remove control is an icon button without a name."""

from __future__ import annotations

from auditor.demo.httpkit import Response
from tests.sites.lamp_shop import LampShop

STYLE = "<style>button{background:#1a4fd6;color:#fff;padding:8px 14px;border:0}</style>"


def page(title: str, body: str) -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>{title}</title>{STYLE}</head><body><header>"
                    f"<a href='/'>Lamp shop</a> <a href='/cart'>Cart</a></header><main>{body}</main>"
                    f"<footer><a href='/contact'>Contact us</a></footer></body></html>")


class A11yShop(LampShop):
    def __init__(self) -> None:
        super().__init__(page, cart_body=(
            "<h1>Your cart</h1><p>Desk Lamp €49.00 <button type='button' class='remove'><svg width='12' height='12'>"
            "<path d='M0 0L12 12'/></svg></button></p><p>Shipping €4.95</p><a href='/checkout'>Checkout</a>"),
            delivery_fields=("<label>Email <input type='email' name='email' required></label>"
                             "<label>Full name <input name='name' required></label>"
                             "<label>Address <input name='address1' required></label>"
                             "<label>City <input name='city' required></label>"
                             "<div class='row'><span>Postcode</span><input name='postcode' required></div>"))
        self.app.add("/contact", lambda r: page("Contact", "<h1>Contact</h1><p>Email help@lamps.example</p>"))
