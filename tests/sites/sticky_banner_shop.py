"""A shop whose phone layout pins a promotion bar over the lower half of the screen (an app-install or newsletter
bar, as many themes show only below 750 px): on a short cart page the checkout button sits under it, so a tap lands
on the bar. On a wide screen the bar is a plain strip at the top and nothing is covered."""

from __future__ import annotations

from auditor.demo.httpkit import Response
from tests.sites.lamp_shop import LampShop

STYLE = ("<style>body{margin:0;font:16px sans-serif} .promo{background:#222;color:#fff;padding:8px}"
         "main{padding:8px} .spacer{height:55vh}"
         "@media (max-width: 749px){.promo{position:fixed;left:0;right:0;bottom:0;height:45vh}}</style>")


def page(title: str, body: str) -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>{title}</title><meta name='viewport' "
                    f"content='width=device-width, initial-scale=1'>{STYLE}</head><body><header><a href='/'>Lamp shop</a> "
                    f"<a href='/cart'>Cart</a></header><div class='promo'>Get 10% off in our app</div>"
                    f"<main>{body}</main></body></html>")


class StickyBannerShop(LampShop):
    def __init__(self) -> None:
        super().__init__(page, cart_body=("<h1>Your cart</h1><p>Desk Lamp €49.00</p><p>Shipping €4.95</p>"
                                          "<div class='spacer'></div><a href='/checkout' class='button'>Checkout</a>"))
