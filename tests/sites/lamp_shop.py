"""The smallest shop a checkout journey can walk: one lamp, a cart page, a one-form delivery step and a payment
step. Fixtures that show one obstacle on that walk (an unlabelled field, a bar over the checkout button) pass the
page frame and the cart and delivery markup that carry it; everything else stays the same walk."""

from __future__ import annotations

from collections.abc import Callable

from auditor.demo.httpkit import App, Request, Response

Page = Callable[[str, str], Response]
DELIVERY_FIELDS = ("<label>Email <input type='email' name='email' required></label>"
                   "<label>Full name <input name='name' required></label>"
                   "<label>Address <input name='address1' required></label>"
                   "<label>Postcode <input name='postcode' required></label>"
                   "<label>City <input name='city' required></label>")


class LampShop:
    def __init__(self, page: Page, cart_body: str, delivery_fields: str = DELIVERY_FIELDS) -> None:
        self.orders = 0
        self.page = page
        self.delivery_fields = delivery_fields
        self.app = App()
        self.app.add("/", lambda r: page("Lamp shop", "<h1>Lamps</h1><a href='/p/desk-lamp'>Desk Lamp</a>"))
        self.app.add("/p/desk-lamp", lambda r: page(
            "Desk Lamp", "<h1>Desk Lamp</h1><p class='price'>€49.00</p><form method='post' action='/cart/add'>"
                         "<input type='hidden' name='product_id' value='1'><button type='submit'>Add to cart</button></form>"))
        self.app.add("/cart/add", lambda r: Response.redirect("/cart"), methods=("POST",))
        self.app.add("/cart", lambda r: page("Cart", cart_body))
        self.app.add("/checkout", self.checkout, methods=("GET", "POST"))

    def checkout(self, r: Request) -> Response:
        if r.method == "POST":
            return self.page("Payment", "<h1>Payment</h1><label><input type='radio' name='pm' checked> Card</label>"
                                        "<label>Card number <input autocomplete='cc-number'></label><button>Pay now</button>")
        return self.page("Checkout", "<h1>Delivery</h1><form method='post' action='/checkout'>" + self.delivery_fields
                         + "<button type='submit'>Continue to payment</button></form>")
