"""A small lamp shop for the pricing-fairness check, with switches for each unfair pattern and a fair default.

Its markup copies the shapes real platforms render, so the price reader is not tuned to one hand-made page:
WooCommerce's product summary (`p.price` with `woocommerce-Price-amount`), its cart (`shop_table cart` with
`cart_item` rows, `cart_totals` with `cart-subtotal`, `shipping`, `fee` and `order-total` rows) and its checkout
`woocommerce-checkout-review-order-table`; the payment step carries Shopware's `checkout-aside-summary` dl.
Home advertises "Free shipping on orders over 50,00 €"; the lamp costs 60,00 €, so one lamp meets the offer.
Every order placed is counted (the audit must leave it at 0)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from auditor.demo.httpkit import App, Request, Response

PRICE = 60.00
INSURANCE = 3.90
PAYMENT_FEE = 2.50
SHIPPING = 4.95
THRESHOLD = 50.00


def eur(amount: float) -> str:
    """60,00 € as a German WooCommerce store prints it."""
    whole, frac = f"{amount:.2f}".split(".")
    return (f'<span class="woocommerce-Price-amount amount"><bdi>{whole},{frac}&nbsp;'
            f'<span class="woocommerce-Price-currencySymbol">€</span></bdi></span>')


def page(title: str, body: str, head: str = "") -> Response:
    return Response(f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
                    f"<body><header><a href='/'>Lumen lamps</a> <a href='/cart' class='cart-contents'>Cart</a></header>"
                    f"<main id='main'>{body}</main><footer><a href='/contact'>Contact</a></footer></body></html>")


@dataclass
class Unfair:
    offer_not_applied: bool = False   # free shipping over 50 € advertised, shipping still charged on a 60 € cart
    fee_at_payment: bool = False      # a payment surcharge first shows in the payment step's summary
    pre_ticked_insurance: bool = False  # "Shipping insurance +3,90 €" ticked on the shipping step
    cart_price: float | None = None   # the cart line charges this instead of the product page's price


class PricingShop:
    def __init__(self, unfair: Unfair | None = None) -> None:
        self.unfair = unfair or Unfair()
        self.orders = 0
        self.app = App()
        a = self.app
        a.add("/", self.home)
        a.add("/product/walnut-desk-lamp", self.product)
        a.add("/cart/add", self.add, methods=("POST",))
        a.add("/cart", self.cart)
        a.add("/checkout", self.address, methods=("GET", "POST"))
        a.add("/checkout/shipping", self.shipping_step, methods=("GET", "POST"))
        a.add("/checkout/payment", self.payment)
        a.add("/order/place", self.place, methods=("GET", "POST"))
        a.add("/contact", lambda r: page("Contact", "<h1>Contact</h1><p>hello@lumen.example</p>"))

    # ---------------------------------------------------------------- money
    def line_price(self) -> float:
        return self.unfair.cart_price if self.unfair.cart_price is not None else PRICE

    def shipping(self) -> float:
        return SHIPPING if self.unfair.offer_not_applied or self.line_price() <= THRESHOLD else 0.0

    def insurance(self, r: Request) -> float:
        return INSURANCE if r.session.get("insurance", self.unfair.pre_ticked_insurance) else 0.0

    def review_table(self, r: Request) -> str:
        """WooCommerce's order review on the checkout steps."""
        fee = self.insurance(r)
        shipping = self.shipping()
        fee_row = f'<tr class="fee"><th>Shipping insurance</th><td>{eur(fee)}</td></tr>' if fee else ""
        label = f"Flat rate: {eur(shipping)}" if shipping else "Free shipping"
        return ('<h3 id="order_review_heading">Your order</h3><table class="shop_table woocommerce-checkout-review-order-table">'
                '<thead><tr><th class="product-name">Product</th><th class="product-total">Subtotal</th></tr></thead><tbody>'
                f'<tr class="cart_item"><td class="product-name">Walnut Desk Lamp&nbsp;<strong class="product-quantity">'
                f'&times;&nbsp;1</strong></td><td class="product-total">{eur(self.line_price())}</td></tr></tbody><tfoot>'
                f'<tr class="cart-subtotal"><th>Subtotal</th><td>{eur(self.line_price())}</td></tr>'
                f'<tr class="woocommerce-shipping-totals shipping"><th>Shipping</th><td data-title="Shipping">{label}</td></tr>'
                f'{fee_row}<tr class="order-total"><th>Total</th><td><strong>{eur(self.line_price() + shipping + fee)}'
                '</strong></td></tr></tfoot></table>')

    # ---------------------------------------------------------------- pages
    def home(self, r: Request) -> Response:
        return page("Lumen lamps", '<div class="promo-banner"><p>Free shipping on orders over 50,00 €</p></div>'
                    '<h1>Lamps for reading</h1><ul class="products"><li class="product"><a href="/product/walnut-desk-lamp">'
                    f'Walnut Desk Lamp</a> <span class="price">{eur(PRICE)}</span></li></ul>')

    def product(self, r: Request) -> Response:
        ld = {"@context": "https://schema.org", "@type": "Product", "name": "Walnut Desk Lamp", "sku": "WDL-1",
              "offers": {"@type": "Offer", "price": f"{PRICE:.2f}", "priceCurrency": "EUR",
                         "availability": "https://schema.org/InStock"}}
        head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        return page("Walnut Desk Lamp", '<div class="product type-product"><div class="summary entry-summary">'
                    '<h1 class="product_title entry-title">Walnut Desk Lamp</h1>'
                    f'<p class="price">{eur(PRICE)}</p><p class="stock in-stock">In stock</p>'
                    '<form class="cart" method="post" action="/cart/add"><div class="quantity"><label for="qty">Quantity'
                    '</label><input type="number" id="qty" class="input-text qty text" name="quantity" value="1" min="1">'
                    '</div><button type="submit" name="add-to-cart" value="7" class="single_add_to_cart_button button alt">'
                    'Add to cart</button></form></div></div>', head)

    def add(self, r: Request) -> Response:
        r.session["cart"] = 1
        return Response.redirect("/cart")

    def cart(self, r: Request) -> Response:
        if not r.session.get("cart"):
            return page("Cart", "<h1>Cart</h1><p class='cart-empty'>Your cart is currently empty.</p>")
        shipping = self.shipping()
        label = (f'<input type="radio" name="shipping_method[0]" id="sm0" value="flat_rate:1" class="shipping_method" checked>'
                 f'<label for="sm0">Flat rate: {eur(shipping)}</label>') if shipping else (
                 '<input type="radio" name="shipping_method[0]" id="sm0" value="free_shipping:2" class="shipping_method" '
                 'checked><label for="sm0">Free shipping</label>')
        price = self.line_price()
        body = ('<h1>Cart</h1><form class="woocommerce-cart-form" action="/cart" method="post">'
                '<table class="shop_table shop_table_responsive cart woocommerce-cart-form__contents"><thead><tr>'
                '<th class="product-remove">&nbsp;</th><th class="product-name">Product</th><th class="product-price">Price</th>'
                '<th class="product-quantity">Quantity</th><th class="product-subtotal">Subtotal</th></tr></thead><tbody>'
                '<tr class="woocommerce-cart-form__cart-item cart_item"><td class="product-remove"><a href="/cart?remove=1" '
                'class="remove" aria-label="Remove Walnut Desk Lamp from cart">&times;</a></td>'
                '<td class="product-name" data-title="Product"><a href="/product/walnut-desk-lamp">Walnut Desk Lamp</a></td>'
                f'<td class="product-price" data-title="Price">{eur(price)}</td>'
                '<td class="product-quantity" data-title="Quantity"><div class="quantity"><input type="number" '
                'class="input-text qty text" name="cart[k][qty]" value="1" aria-label="Product quantity"></div></td>'
                f'<td class="product-subtotal" data-title="Subtotal">{eur(price)}</td></tr></tbody></table></form>'
                '<div class="cart-collaterals"><div class="cart_totals"><h2>Cart totals</h2>'
                '<table class="shop_table shop_table_responsive">'
                f'<tr class="cart-subtotal"><th>Subtotal</th><td data-title="Subtotal">{eur(price)}</td></tr>'
                '<tr class="woocommerce-shipping-totals shipping"><th>Shipping</th><td data-title="Shipping">'
                f'<ul id="shipping_method" class="woocommerce-shipping-methods"><li>{label}</li></ul></td></tr>'
                f'<tr class="order-total"><th>Total</th><td data-title="Total"><strong>{eur(price + shipping)}</strong></td></tr>'
                '</table><div class="wc-proceed-to-checkout"><a href="/checkout" class="checkout-button button alt wc-forward">'
                'Proceed to checkout</a></div></div></div>')
        return page("Cart", body)

    def address(self, r: Request) -> Response:
        if not r.session.get("cart"):
            return Response.redirect("/cart")
        if r.method == "POST":
            r.session["address"] = {k: v[0] for k, v in r.form.items()}
            return Response.redirect("/checkout/shipping")
        fields = "".join(
            f'<p class="form-row"><label for="{n}">{label}{" *" if req else ""}</label>'
            f'<input type="{t}" class="input-text" name="{n}" id="{n}" autocomplete="{ac}"{" required" if req else ""}></p>'
            for n, label, t, ac, req in (("billing_first_name", "First name", "text", "given-name", True),
                                         ("billing_last_name", "Last name", "text", "family-name", True),
                                         ("billing_address_1", "Street address", "text", "address-line1", True),
                                         ("billing_postcode", "Postcode", "text", "postal-code", True),
                                         ("billing_city", "Town / City", "text", "address-level2", True),
                                         ("billing_email", "Email address", "email", "email", True)))
        body = ('<h1>Checkout</h1><div class="woocommerce"><form name="checkout" method="post" class="checkout" '
                'action="/checkout"><div class="col-1"><h2>Billing details</h2>'
                '<p class="form-row"><label for="billing_country">Country / Region *</label><select name="billing_country" '
                'id="billing_country" required><option value="">Select a country…</option><option value="DE" selected>'
                'Germany</option><option value="AT">Austria</option><option value="NL">Netherlands</option></select></p>'
                f'{fields}<button type="submit" class="button alt">Continue to shipping</button></div></form>'
                f'<div class="col-2">{self.review_table(r)}</div></div>')
        return page("Checkout", body)

    def shipping_step(self, r: Request) -> Response:
        if "address" not in r.session:
            return Response.redirect("/checkout")
        if r.method == "POST":
            r.session["insurance"] = bool(r.field("shipping_insurance"))
            return Response.redirect("/checkout/payment")
        shipping = self.shipping()
        method = (f"Standard delivery (2–4 days) {eur(shipping)}" if shipping else "Free shipping (2–4 days)")
        ticked = " checked" if self.unfair.pre_ticked_insurance else ""
        body = ('<h1>Shipping method</h1><div class="woocommerce"><form method="post" action="/checkout/shipping" '
                'class="checkout"><ul id="shipping_method"><li><input type="radio" name="shipping_method" id="ship0" '
                f'value="standard" checked><label for="ship0">{method}</label></li></ul>'
                '<p class="form-row"><label class="checkbox" for="shipping_insurance"><input type="checkbox" '
                f'id="shipping_insurance" name="shipping_insurance" value="1"{ticked}> Shipping insurance '
                f'+{eur(INSURANCE)}</label></p>'
                '<button type="submit" class="button alt">Continue to payment</button></form>'
                f'{self.review_table(r)}</div>')
        return page("Checkout: shipping", body)

    def payment(self, r: Request) -> Response:
        if "address" not in r.session:
            return Response.redirect("/checkout")
        price, shipping, fee = self.line_price(), self.shipping(), self.insurance(r)
        surcharge = PAYMENT_FEE if self.unfair.fee_at_payment else 0.0

        def row(label: str, amount: float, extra: str = "") -> str:
            whole, frac = f"{amount:.2f}".split(".")
            return (f'<dt class="col-7 checkout-aside-summary-label{extra}">{label}</dt>'
                    f'<dd class="col-5 checkout-aside-summary-value{extra}">{whole},{frac}&nbsp;€*</dd>')

        rows = (row("Subtotal", price) + row("Shipping costs", shipping)
                + (row("Shipping insurance", fee) if fee else "")
                + (row("Payment surcharge", surcharge) if surcharge else "")
                + row("Grand total", price + shipping + fee + surcharge, " checkout-aside-summary-total"))
        body = ('<h1>Payment</h1><div class="checkout-main"><form id="confirmOrderForm" method="post" action="/order/place">'
                '<div class="payment-methods"><div class="payment-method"><input type="radio" name="paymentMethodId" '
                'id="pm1" value="invoice" checked><label for="pm1">Invoice</label></div><div class="payment-method">'
                '<input type="radio" name="paymentMethodId" id="pm2" value="paypal"><label for="pm2">PayPal</label></div></div>'
                '<button type="submit" id="confirmFormSubmit" class="btn btn-primary">Place order</button></form></div>'
                '<div class="checkout-aside"><div class="checkout-aside-container"><div class="checkout-aside-summary">'
                '<div class="checkout-aside-summary-header">Summary</div>'
                f'<dl class="row checkout-aside-summary-list">{rows}</dl></div></div></div>')
        return page("Checkout: payment", body)

    def place(self, r: Request) -> Response:
        self.orders += 1
        return page("Thank you", "<h1>Thank you. Your order has been received.</h1>")
