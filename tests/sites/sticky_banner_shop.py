"""A shop whose phone layout pins a promotion bar over the lower half of the screen (an app-install or newsletter
bar, as many themes show only below 750 px): on a short cart page the checkout button sits under it, so a tap lands
on the bar. On a wide screen the bar is a plain strip at the top and nothing is covered."""

from __future__ import annotations

from auditor.demo.httpkit import App, Request, Response

STYLE = ("<style>body{margin:0;font:16px sans-serif} .promo{background:#222;color:#fff;padding:8px}"
         "main{padding:8px} .spacer{height:55vh}"
         "@media (max-width: 749px){.promo{position:fixed;left:0;right:0;bottom:0;height:45vh}}</style>")


def page(title: str, body: str) -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>{title}</title><meta name='viewport' "
                    f"content='width=device-width, initial-scale=1'>{STYLE}</head><body><header><a href='/'>Lamp shop</a> "
                    f"<a href='/cart'>Cart</a></header><div class='promo'>Get 10% off in our app</div>"
                    f"<main>{body}</main></body></html>")


class StickyBannerShop:
    def __init__(self) -> None:
        self.orders = 0
        self.app = App()
        self.app.add("/", lambda r: page("Lamp shop", "<h1>Lamps</h1><a href='/p/desk-lamp'>Desk Lamp</a>"))
        self.app.add("/p/desk-lamp", lambda r: page(
            "Desk Lamp", "<h1>Desk Lamp</h1><p class='price'>€49.00</p><form method='post' action='/cart/add'>"
                         "<input type='hidden' name='product_id' value='1'><button type='submit'>Add to cart</button></form>"))
        self.app.add("/cart/add", lambda r: Response.redirect("/cart"), methods=("POST",))
        self.app.add("/cart", lambda r: page(
            "Cart", "<h1>Your cart</h1><p>Desk Lamp €49.00</p><p>Shipping €4.95</p><div class='spacer'></div>"
                    "<a href='/checkout' class='button'>Checkout</a>"))
        self.app.add("/checkout", self.checkout, methods=("GET", "POST"))

    def checkout(self, r: Request) -> Response:
        if r.method == "POST":
            return page("Payment", "<h1>Payment</h1><label><input type='radio' name='pm' checked> Card</label>"
                                   "<label>Card number <input autocomplete='cc-number'></label><button>Pay now</button>")
        return page("Checkout", "<h1>Delivery</h1><form method='post' action='/checkout'>"
                                "<label>Email <input type='email' name='email' required></label>"
                                "<label>Full name <input name='name' required></label>"
                                "<label>Address <input name='address1' required></label>"
                                "<label>Postcode <input name='postcode' required></label>"
                                "<label>City <input name='city' required></label>"
                                "<button type='submit'>Continue to payment</button></form>")
