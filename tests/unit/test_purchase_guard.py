import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.browser.purchase import contains_card_number, is_purchase_control, is_purchase_request


@pytest.mark.parametrize("text", [
    "Place order", "Place your order", "Pay now", "Pay €49.00", "Buy now", "Buy it now", "Complete purchase",
    "Confirm order", "Submit order", "Zahlungspflichtig bestellen", "Jetzt kaufen", "Commander", "Payer",
    "Bestelling plaatsen", "Betalen", "Realizar pedido", "Pagar", "Effettua ordine", "Checkout with PayPal",
    "Apple Pay", "Order now",
])
def test_final_purchase_controls_are_refused(text: str) -> None:
    assert is_purchase_control(text)


@pytest.mark.parametrize("text", [
    "Add to cart", "Proceed to checkout", "Continue to payment", "Continue", "Continue as guest", "Search",
    "Continue to delivery", "Next", "View bag", "Payment methods", "Apply coupon", "Sign in",
])
def test_journey_controls_are_allowed(text: str) -> None:
    assert not is_purchase_control(text)


@pytest.mark.parametrize(("method", "url"), [
    ("POST", "https://s.example/order/place"), ("POST", "https://s.example/checkout/complete"),
    ("POST", "https://s.example/api/orders"), ("POST", "https://s.example/?wc-ajax=checkout"),
    ("POST", "https://s.example/place-order"), ("GET", "https://s.example/buy-now?id=3"),
    ("POST", "https://s.example/payment/process"), ("POST", "https://s.example/submitOrder"),
])
def test_order_placing_requests_are_refused(method: str, url: str) -> None:
    assert is_purchase_request(method, url, None)


@pytest.mark.parametrize(("method", "url"), [
    ("POST", "https://s.example/cart/add"), ("POST", "https://s.example/checkout/address"),
    ("GET", "https://s.example/checkout/payment"), ("POST", "https://s.example/search"),
    ("GET", "https://s.example/product/paypal-gift-card"),
])
def test_journey_requests_are_allowed(method: str, url: str) -> None:
    assert is_purchase_request(method, url, None) is None


def test_card_numbers_in_a_body_are_refused() -> None:
    assert contains_card_number("number=4242 4242 4242 4242&cvc=123")
    assert not contains_card_number("postcode=1011AB&phone=0612345678")
    assert is_purchase_request("POST", "https://s.example/checkout/step", "cc=4111111111111111")


@given(st.text(max_size=300))
def test_guard_rules_never_raise(text: str) -> None:
    is_purchase_control(text)
    is_purchase_request("POST", text, text)


def test_opening_shopwares_order_review_page_is_allowed_but_posting_to_it_is_not() -> None:
    from auditor.browser.purchase import is_purchase_request

    assert is_purchase_request("GET", "http://s/checkout/confirm", None) is None
    assert is_purchase_request("POST", "http://s/checkout/confirm", "a=1") is not None
    assert is_purchase_request("GET", "http://s/checkout/confirm?submit=1", None) is not None
    assert is_purchase_request("POST", "http://s/checkout/order", "tos=on") is not None


def test_an_address_that_cannot_be_parsed_is_judged_without_raising() -> None:
    """A form's action comes from the page: `http://[` must not stop the journey with a traceback."""
    assert is_purchase_request("POST", "A://[", "") is None
    assert is_purchase_request("POST", "http://[", "card=4111111111111111") is not None
