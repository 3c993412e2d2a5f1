"""The theme-pattern fixture shops serve their pages, and their order endpoints count (no browser needed)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from html import unescape
from http.cookiejar import CookieJar
from urllib.parse import urlencode

from auditor.demo.httpkit import App, LocalServer
from tests.sites.theme_patterns import (
    EXPECTED_COLOUR_BUTTON,
    EXPECTED_LISTING_HOME,
    EXPECTED_POSTCODE,
    EXPECTED_PROGRESSIVE,
    EXPECTED_SWATCH,
    EXPECTED_VIEW_CART_ONLY,
    ColourButtonShop,
    ListingHomeShop,
    PostcodeShop,
    ProgressiveCheckoutShop,
    SwatchShop,
    ViewCartOnlyShop,
)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Client:
    """A cookie-keeping urllib client that can be told not to follow redirects."""

    def __init__(self, base: str, follow: bool = True) -> None:
        self.base = base.rstrip("/")
        handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPCookieProcessor(CookieJar())]
        if not follow:
            handlers.append(_NoRedirect())
        self.opener = urllib.request.build_opener(*handlers)

    def get(self, path: str) -> tuple[int, str, dict[str, str]]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict[str, str] | None = None, json_body: dict[str, object] | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
        if json_body is not None:
            body, ctype = json.dumps(json_body).encode(), "application/json"
        else:
            body, ctype = urlencode(data or {}).encode(), "application/x-www-form-urlencoded"
        req = urllib.request.Request(self.base + path, data=body, method="POST",
                                     headers={"Content-Type": ctype, **(headers or {})})
        return self._open(req)

    def _open(self, req: urllib.request.Request) -> tuple[int, str, dict[str, str]]:
        try:
            with self.opener.open(req, timeout=10) as resp:
                return resp.status, resp.read().decode(), dict(resp.headers)
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode(), dict(err.headers)


def test_swatch_shops_refuse_an_unchosen_variant_then_count_one_order(serve_app: Callable[[App], LocalServer]) -> None:
    for shop, expected in ((SwatchShop(), EXPECTED_SWATCH), (ColourButtonShop(), EXPECTED_COLOUR_BUTTON)):
        c = Client(serve_app(shop.app).url)
        handle = next(iter(shop.products))
        status, html, _ = c.get(f"/products/{handle}")
        assert status == 200 and "product-form__error-message" in html and "<select" not in html
        assert ("<legend class='form__label'>Size" in html) == (shop.picker == "radio")
        assert ("aria-pressed='false'" in html) == (shop.picker == "buttons")
        status, body, _ = c.post("/cart/add.js", json_body={"id": "", "quantity": 1}, headers={"Accept": "application/javascript"})
        assert status == 422 and json.loads(body)["description"] == expected["error_messages"][0]
        assert json.loads(c.get("/cart.js")[1])["item_count"] == 0
        vid = next(v["id"] for v in shop.variants(handle) if v["available"])
        assert c.post("/cart/add.js", json_body={"id": vid, "quantity": 1})[0] == 200
        assert "CartDrawer-Checkout" in c.get("/cart?section_id=cart-drawer")[1]
        status, html, _ = c.get("/checkout")
        assert status == 200 and "Pay now" in html and "<option value='GB' selected>" in html
        assert shop.orders == 0
        action = html.split("action='")[1].split("'")[0]
        assert c.post(action, {"email": "x@example.com"})[0] == 200 and shop.orders == 1


def test_view_cart_only_shop(serve_app: Callable[[App], LocalServer]) -> None:
    shop = ViewCartOnlyShop()
    c = Client(serve_app(shop.app).url)
    assert "ajax_add_to_cart" in c.get("/")[1]
    status, body, _ = c.post("/?wc-ajax=add_to_cart", {"product_id": "22", "quantity": "1"})
    mini = json.loads(body)["fragments"]["div.widget_shopping_cart_content"]
    assert status == 200 and "View cart" in mini and "heckout" not in mini
    assert "Proceed to checkout" in c.get("/cart/")[1]
    html = c.get("/checkout/")[1]
    assert all(label in html for label in EXPECTED_VIEW_CART_ONLY["payment_labels"]) and shop.orders == 0
    assert json.loads(c.post("/?wc-ajax=checkout", {"billing_first_name": ""})[1])["result"] == "failure"
    assert shop.orders == 1


def test_listing_home_shop(serve_app: Callable[[App], LocalServer]) -> None:
    shop = ListingHomeShop()
    url = serve_app(shop.app).url
    status, _, headers = Client(url, follow=False).get("/")
    assert status == 302 and headers["Location"] == "/catalogue/"
    c = Client(url)
    listing = c.get("/catalogue/")[1]
    assert "<h1>All products</h1>" in listing and listing.count("Add to basket") == len(shop.products)
    assert "application/ld+json" not in listing
    for path in EXPECTED_LISTING_HOME["product_urls"]:
        html = c.get(path)[1]
        assert html.count("application/ld+json") == 1 and html.count("Add to basket</button>") == 1
    assert c.post("/basket/add/3/", {"quantity": "1"})[0] == 200
    assert "Proceed to checkout" in c.get("/basket/")[1] and "Who are you?" in c.get("/checkout/")[1]
    assert shop.orders == 0
    c.post("/checkout/place-order/", {"payment_method": "bank-transfer"})
    assert shop.orders == 1


def test_postcode_shop_checks_the_postcode_per_country(serve_app: Callable[[App], LocalServer]) -> None:
    shop = PostcodeShop()
    c = Client(serve_app(shop.app).url)
    assert c.get("/")[0] == 200
    c.post("/basket/add/1/", {"quantity": "1"})
    c.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    address = {"first_name": "Test", "last_name": "Person", "line1": "1 Test Street", "line4": "London", "country": "GB",
               "postcode": "1012 AB"}
    status, html, _ = c.post("/checkout/shipping-address/", address)
    assert status == 200 and "The postcode '1012 AB' is not valid for United Kingdom" in unescape(html)
    assert "aria-invalid='true'" in html and "class='error-block error'" in html
    status, html, _ = c.post("/checkout/shipping-address/", {**address, "postcode": "SW1A 1AA"})
    assert "Select option" in html
    html = c.post("/checkout/shipping-method/", {"method_code": "standard"})[1]
    assert all(label in html for label in EXPECTED_POSTCODE["payment_labels"]) and "/checkout/place-order/" in html
    assert shop.orders == 0
    c.post("/checkout/place-order/", {"payment_method": "cash-on-delivery"})
    assert shop.orders == 1


def test_progressive_checkout_shop_opens_sections_in_order(serve_app: Callable[[App], LocalServer]) -> None:
    shop = ProgressiveCheckoutShop()
    c = Client(serve_app(shop.app).url)
    assert "Popular Products" in c.get("/")[1]
    _status, body, _ = c.post("/cart?add=1&action=update", {"id_product": "1", "group[1]": "1", "qty": "1"},
                             headers={"Accept": "application/json"})
    assert json.loads(body)["cart"]["products_count"] == 1
    html = c.get("/order")[1]
    assert "checkout-personal-information-step' class='checkout-step -current" in html
    early = json.loads(c.post("/order", {"confirmDeliveryOption": "1", "ajax": "1"})[1])
    assert early["errors"] and not early["next"]  # the server refuses to skip ahead
    bad = json.loads(c.post("/order", {"submitCustomer": "1", "ajax": "1", "email": "nope"})[1])
    assert bad["errors"]["firstname"] == "Required field" and bad["errors"]["email"] == "Invalid email address format."
    steps = [{"submitCustomer": "1", "firstname": "Test", "lastname": "Person", "email": "t@example.com", "customer_privacy": "1"},
             {"confirm-addresses": "1", "firstname": "Test", "lastname": "Person", "address1": "1 Rue Test", "postcode": "75001",
              "city": "Paris", "id_country": "8"},
             {"confirmDeliveryOption": "1", "delivery_option[5]": "2"}]
    for i, form in enumerate(steps, start=1):
        assert json.loads(c.post("/order", {**form, "ajax": "1"})[1])["next"] == shop.STEPS[i]
    html = c.get("/order")[1]
    assert "checkout-payment-step' class='checkout-step -current" in html
    assert all(label in html for label in EXPECTED_PROGRESSIVE["payment_labels"]) and "Order with an obligation to pay" in html
    assert shop.orders == 0
    c.post("/module/ps_wirepayment/validation", {})
    assert shop.orders == 1
