"""A shop shaped like a PHP (WooCommerce-style) store: products under query-string URLs, search on `?s=`,
add-to-cart as a plain link, a one-page checkout with billing fields, a coupon toggle, bank transfer /
cash on delivery / PayPal radios and a "Place order" button that posts to `?wc-ajax=checkout`."""

from __future__ import annotations

from html import escape

from auditor.demo.httpkit import App, Request, Response

PRODUCTS = {"12": ("Walnut Cutting Board", "32.00"), "14": ("Enamel Mug", "12.50"), "15": ("Linen Apron", "28.00")}


class PhpShop:
    def __init__(self) -> None:
        self.orders = 0
        self.app = App()
        self.app.add("/", self.root, methods=("GET", "POST"))
        self.app.add("/cart/", self.cart)
        self.app.add("/checkout/", self.checkout)
        self.app.add("/shipping/", lambda r: self.page("Shipping", "<p>Flat rate shipping €5.00, free over €50.</p>"))

    def page(self, title: str, body: str) -> Response:
        return Response(
            f"<!DOCTYPE html><html lang='en-US'><head><title>{escape(title)} – Kitchenware</title></head>"
            "<body class='woocommerce'><div id='masthead' class='site-header' role='banner'><a href='/'>Kitchenware</a>"
            "<form role='search' method='get' class='woocommerce-product-search' action='/'>"
            "<label class='screen-reader-text' for='wc-search'>Search for:</label>"
            "<input type='search' id='wc-search' class='search-field' placeholder='Search products…' name='s'>"
            "<input type='hidden' name='post_type' value='product'><button type='submit'>Search</button></form>"
            "<a class='cart-contents' href='/cart/' title='View your shopping cart'>Cart</a></div>"
            f"<div id='content' class='site-content'><main id='main'>{body}</main></div>"
            "<footer id='colophon' role='contentinfo'><a href='/shipping/'>Shipping</a></footer></body></html>")

    def root(self, r: Request) -> Response:
        if r.method == "POST" or r.arg("wc-ajax") == "checkout":
            self.orders += 1
            return Response.json('{"result":"success"}')
        if r.arg("add-to-cart") in PRODUCTS:
            r.session.setdefault("cart", []).append(r.arg("add-to-cart"))
            return Response.redirect("/cart/", 302)
        if r.arg("product") in PRODUCTS:
            pid = r.arg("product")
            name, price = PRODUCTS[pid]
            return self.page(name, f"<div class='product type-product'><h1 class='product_title entry-title'>{name}</h1>"
                                   f"<p class='price'>€{price}</p><a href='/?add-to-cart={pid}' class='button add_to_cart_button'"
                                   f" rel='nofollow'>Add to cart</a></div>")
        if "s" in r.query:
            term = r.arg("s").lower()
            hits = [(p, n) for p, (n, _) in PRODUCTS.items() if term and term in n.lower()]
            items = "".join(f"<li class='product'><a href='/?product={p}'><h2>{n}</h2></a></li>" for p, n in hits)
            body = (f"<h1>Search results: “{escape(r.arg('s'))}”</h1><ul class='products'>{items}</ul>" if hits else
                    "<p class='woocommerce-info'>No products were found matching your selection.</p>")
            return self.page("Search", body)
        items = "".join(f"<li class='product'><a href='/?product={p}'><h2>{n}</h2></a></li>" for p, (n, _) in PRODUCTS.items())
        return self.page("Shop", f"<h1>Shop</h1><ul class='products'>{items}</ul>")

    def cart(self, r: Request) -> Response:
        rows = "".join(f"<tr><td>{PRODUCTS[p][0]}</td><td>€{PRODUCTS[p][1]}</td></tr>" for p in r.session.get("cart", []))
        return self.page("Cart", f"<h1>Cart</h1><table class='shop_table cart'>{rows}</table>"
                                 "<div class='cart_totals'><h2>Cart totals</h2><p>Shipping options will be updated during checkout.</p></div>"
                                 "<a href='/checkout/' class='checkout-button button alt wc-forward'>Proceed to checkout</a>")

    def checkout(self, r: Request) -> Response:
        def field(name: str, label: str, required: bool = True, kind: str = "text") -> str:
            req = " <abbr class='required' title='required'>*</abbr>" if required else " <span class='optional'>(optional)</span>"
            return (f"<p class='form-row' id='{name}_field'><label for='{name}'>{label}{req}</label>"
                    f"<input type='{kind}' class='input-text' name='{name}' id='{name}'></p>")

        billing = "".join([
            field("billing_first_name", "First name"), field("billing_last_name", "Last name"),
            field("billing_company", "Company name", False),
            "<p class='form-row'><label for='billing_country'>Country / Region *</label><select name='billing_country' "
            "id='billing_country'><option value=''>Select a country / region…</option><option value='NL'>Netherlands</option>"
            "<option value='BE'>Belgium</option></select></p>",
            field("billing_address_1", "Street address"), field("billing_address_2", "Apartment, suite, unit, etc.", False),
            field("billing_postcode", "Postcode / ZIP"), field("billing_city", "Town / City"),
            field("billing_phone", "Phone", True, "tel"), field("billing_email", "Email address", True, "email")])
        methods = "".join(
            f"<li><input id='payment_method_{v}' type='radio' name='payment_method' value='{v}'{' checked' if i == 0 else ''}>"
            f"<label for='payment_method_{v}'>{label}</label></li>"
            for i, (v, label) in enumerate((("bacs", "Direct bank transfer"), ("cod", "Cash on delivery"), ("ppcp", "PayPal"))))
        body = ("<div class='woocommerce-form-coupon-toggle'>Have a coupon? <a href='#' class='showcoupon'>Click here to enter "
                "your code</a></div><form name='checkout' method='post' class='checkout woocommerce-checkout' "
                f"action='/?wc-ajax=checkout'><h3>Billing details</h3>{billing}<h3 id='order_review_heading'>Your order</h3>"
                f"<div id='payment' class='woocommerce-checkout-payment'><ul class='wc_payment_methods payment_methods methods'>"
                f"{methods}</ul><p><input type='checkbox' name='terms' id='terms' required> <label for='terms'>I have read and "
                "agree to the website terms and conditions</label></p><button type='submit' class='button alt' "
                "name='woocommerce_checkout_place_order' id='place_order' value='Place order'>Place order</button></div></form>")
        return self.page("Checkout", body)
