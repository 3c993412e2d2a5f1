"""A small shop whose checkout a sighted mouse user gets through and a screen-reader user does not: the delivery
step's postcode field has a caption beside it that is no label, and the cart's remove control is an icon button without a name."""

from __future__ import annotations

from auditor.demo.httpkit import App, Request, Response

STYLE = "<style>button{background:#1a4fd6;color:#fff;padding:8px 14px;border:0}</style>"


def page(title: str, body: str) -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>{title}</title>{STYLE}</head><body><header>"
                    f"<a href='/'>Lamp shop</a> <a href='/cart'>Cart</a></header><main>{body}</main>"
                    f"<footer><a href='/contact'>Contact us</a></footer></body></html>")


class A11yShop:
    def __init__(self) -> None:
        self.orders = 0
        self.app = App()
        self.app.add("/", lambda r: page("Lamp shop", "<h1>Lamps</h1><a href='/p/desk-lamp'>Desk Lamp</a>"))
        self.app.add("/p/desk-lamp", lambda r: page(
            "Desk Lamp", "<h1>Desk Lamp</h1><p class='price'>€49.00</p><form method='post' action='/cart/add'>"
                         "<input type='hidden' name='product_id' value='1'><button type='submit'>Add to cart</button></form>"))
        self.app.add("/cart/add", lambda r: Response.redirect("/cart"), methods=("POST",))
        self.app.add("/cart", lambda r: page(
            "Cart", "<h1>Your cart</h1><p>Desk Lamp €49.00 <button type='button' class='remove'><svg width='12' "
                    "height='12'><path d='M0 0L12 12'/></svg></button></p><p>Shipping €4.95</p>"
                    "<a href='/checkout'>Checkout</a>"))
        self.app.add("/checkout", self.checkout, methods=("GET", "POST"))
        self.app.add("/contact", lambda r: page("Contact", "<h1>Contact</h1><p>Email help@lamps.example</p>"))

    def checkout(self, r: Request) -> Response:
        if r.method == "POST":
            return page("Payment", "<h1>Payment</h1><label><input type='radio' name='pm' checked> Card</label>"
                                   "<label>Card number <input autocomplete='cc-number'></label><button>Pay now</button>")
        return page("Checkout", "<h1>Delivery</h1><form method='post' action='/checkout'>"
                                "<label>Email <input type='email' name='email' required></label>"
                                "<label>Full name <input name='name' required></label>"
                                "<label>Address <input name='address1' required></label>"
                                "<label>City <input name='city' required></label>"
                                "<div class='row'><span>Postcode</span><input name='postcode' required></div>"
                                "<button type='submit'>Continue to payment</button></form>")
