from dataclasses import replace
from typing import Any

import pytest

from auditor.config import CheckoutConfig
from auditor.findings import Confidence, Outcome, Status
from auditor.journeys.checkout_walk import unchosen_delivery
from auditor.journeys.customer import country_by_name
from auditor.journeys.fields import classify, plan_value
from auditor.journeys.page import StepRecord, StepView
from checks.checkout_journey import CheckoutEvidence, CheckoutThresholds, assess

STEPS = [StepRecord(i + 1, f"https://s.example/checkout/{i}", "page", t, f, r, 0, False, False)
         for i, (t, f, r) in enumerate([("Account", 0, 0), ("Address", 8, 6), ("Delivery", 1, 0), ("Payment", 5, 0)])]
GOOD = CheckoutEvidence(
    product_url="https://s.example/p/1", add_to_cart_found=True, cart_reached=True, cart_kind="page",
    checkout_reached=True, account_gate=["guest", "sign_in"], guest_checkout="offered", guest_first=True,
    steps_to_payment=4, steps=STEPS, form_fields_total=9, form_fields_required=6, costs_shown_before_checkout=True,
    payment_step_reached=True, payment_step_url="https://s.example/checkout/3", stopped_because="payment step reached")


def codes(ev: CheckoutEvidence) -> set[str]:
    return {f.code.removeprefix("checkout-journey/") for f in assess(ev, CheckoutThresholds()).findings}


def test_smooth_checkout_passes() -> None:
    out = assess(GOOD, CheckoutThresholds())
    assert out.status is Status.PASSED and not out.findings and len(out.strengths) == 3


NOT_REACHED = {"payment_step_reached": False, "steps_to_payment": None}


@pytest.mark.parametrize(("change", "expected"), [
    ({**NOT_REACHED, "guest_checkout": "forced_account", "email_confirmation_required": False}, {"forced-account"}),
    ({**NOT_REACHED, "guest_checkout": "forced_account", "email_confirmation_required": True},
     {"forced-account", "email-confirmation-required"}),
    ({"guest_first": False}, {"guest-not-prominent"}),
    ({"steps_to_payment": 6}, {"too-many-steps"}),
    ({"steps_to_payment": 5}, set()),
    ({"form_fields_total": 13}, {"too-many-fields"}),
    ({"form_fields_required": 11}, {"too-many-fields"}),
    ({"costs_shown_before_checkout": False}, {"costs-not-shown-before-checkout"}),
    ({"js_errors": ["TypeError: x is undefined"]}, {"checkout-errors"}),
    # blocked by the site, with what a person would also see
    ({**NOT_REACHED, "cart_reached": False, "http_errors": ["HTTP 500 https://s.example/cart/add"],
      "stopped_because": "adding to the cart did not work"}, {"add-to-cart-broken"}),
    ({**NOT_REACHED, "cart_reached": False, "js_errors": ["TypeError: cart is null"],
      "stopped_because": "adding to the cart did not work"}, {"add-to-cart-broken"}),
    ({**NOT_REACHED, "http_errors": ["HTTP 502 https://s.example/checkout/address"],
      "stopped_because": "could not get past this step"}, {"checkout-stuck"}),
    ({**NOT_REACHED, "add_to_cart_found": False, "cart_reached": False, "product_verified": True,
      "main_buttons_on_product": 0, "main_clickables_on_product": 0}, {"add-to-cart-missing"}),
])
def test_each_checkout_problem_the_site_causes_has_its_finding(change: dict, expected: set[str]) -> None:
    assert codes(replace(GOOD, **change)) == expected


# What the auditor could not do is never written up as the site's fault (issue: findings a client can trust).
@pytest.mark.parametrize("change", [
    pytest.param({"add_to_cart_found": False, "cart_reached": False, "checkout_reached": False},
                 id="add-to-cart-not-recognised"),
    pytest.param({"add_to_cart_found": False, "cart_reached": False, "product_verified": False, "main_buttons_on_product": 0},
                 id="a-listing-taken-for-a-product"),
    pytest.param({"add_to_cart_found": False, "cart_reached": False, "product_verified": True, "main_buttons_on_product": 3},
                 id="buttons-in-an-unknown-language"),
    pytest.param({"add_to_cart_found": False, "cart_reached": False, "product_verified": True, "main_buttons_on_product": 0,
                  "main_clickables_on_product": 2}, id="an-icon-wired-up-by-script"),
    pytest.param({"cart_reached": False, "checkout_reached": False, "site_messages": ["Please select a size"],
                  "stopped_because": "adding to the cart did not work"}, id="site-asked-for-a-variant"),
    pytest.param({"cart_reached": False, "checkout_reached": False, "js_errors": ["TypeError"],
                  "site_messages": ["Please select a size"], "stopped_because": "adding to the cart did not work"},
                 id="variant-message-with-an-error"),
    pytest.param({"cart_reached": False, "checkout_reached": False, "stopped_because": "no cart page or drawer could be found"},
                 id="cart-not-found"),
    pytest.param({"checkout_reached": False, "stopped_because": "the cart has no checkout button"},
                 id="view-cart-only-mini-cart"),
    pytest.param({"stopped_because": "could not get past this step: The postcode 1011 AB is not valid for United Kingdom",
                  "site_messages": ["The postcode 1011 AB is not valid for United Kingdom"]}, id="site-rejected-our-data"),
    pytest.param({"stopped_because": "no button to continue from this step"}, id="no-continue-recognised"),
    pytest.param({"stopped_because": "stopped by the purchase guard: refused"}, id="purchase-guard"),
    pytest.param({"stopped_because": "the browser failed: Target closed"}, id="browser-failed"),
    pytest.param({"costs_shown_before_checkout": False, "form_fields_total": 30, "stopped_because": "more than 8 steps"},
                 id="partial-walk-with-findings-that-would-rest-on-it"),
])
def test_a_journey_the_auditor_could_not_finish_is_inconclusive_not_a_finding(change: dict) -> None:
    out = assess(replace(GOOD, **{**NOT_REACHED, **change}), CheckoutThresholds())
    assert out.outcome is Outcome.INCONCLUSIVE
    assert out.findings == [] and out.status is Status.NOT_MEASURED
    assert out.unverified and out.unverified[0].reason
    if change.get("site_messages"):
        assert change["site_messages"][0] in out.unverified[0].reason, "what the site said is passed on"


def test_reaching_payment_is_reached_and_a_forced_account_is_blocked() -> None:
    assert assess(GOOD, CheckoutThresholds()).outcome is Outcome.REACHED
    forced = replace(GOOD, **NOT_REACHED, guest_checkout="forced_account")
    out = assess(forced, CheckoutThresholds())
    assert out.outcome is Outcome.BLOCKED and out.findings[0].confidence is Confidence.CONFIRMED


def test_absence_findings_are_likely_and_name_their_premise() -> None:
    finding = assess(replace(GOOD, costs_shown_before_checkout=False), CheckoutThresholds()).findings[0]
    assert finding.confidence is Confidence.LIKELY and finding.premise


@pytest.mark.parametrize(("field", "kind"), [
    ({"type": "email", "name": "x"}, "email"), ({"autocomplete": "given-name"}, "first_name"),
    ({"name": "billing_last_name"}, "last_name"), ({"label": "Full name"}, "full_name"),
    ({"autocomplete": "postal-code"}, "postcode"), ({"name": "zip"}, "postcode"), ({"label": "PLZ"}, "postcode"),
    ({"label": "Street and number"}, "street"), ({"name": "address2"}, "street2"), ({"label": "City"}, "city"),
    ({"type": "tel", "name": "x"}, "phone"), ({"autocomplete": "cc-number"}, "card"), ({"label": "Card number"}, "card"),
    ({"name": "cvc"}, "card"), ({"label": "Promo code"}, "coupon"), ({"label": "Send me offers by email"}, "newsletter"),
    ({"label": "I accept the terms and conditions"}, "terms"), ({"name": "country"}, "country"),
    ({"label": "Company (optional)"}, "company"), ({"label": "Vorname"}, "first_name"),
    ({"label": "Address 2", "name": "shippingAddress.address_2"}, "street2"),
])
def test_fields_are_classified_across_platforms(field: dict, kind: str) -> None:
    assert classify(field) == kind


def test_card_and_optional_fields_get_no_value() -> None:
    data = CheckoutConfig()
    assert plan_value({"autocomplete": "cc-number", "required": True}, data).value is None
    assert plan_value({"label": "Company", "required": False}, data).value is None
    assert plan_value({"type": "email"}, data).value == "cxaudit-test@example.invalid"
    assert plan_value({"autocomplete": "family-name"}, data).value == "Customer"


def test_step_view_judgements() -> None:
    base = {"url": "u", "title": "t", "frames": [], "alerts": [], "text": "", "https": True}
    payment = StepView(**base, headings=["Payment"], controls=[], fields=[
        {"i": 0, "tag": "input", "type": "radio", "name": "method", "label": "PayPal", "required": False, "checked": False,
         "id": "", "autocomplete": "", "placeholder": ""}])
    assert payment.payment_reason() == "offers a choice of payment methods"
    final = StepView(**base, headings=["Review"], fields=[], controls=[
        {"i": 0, "tag": "button", "text": "Place order", "aria": "", "id": "", "name": "", "disabled": False,
         "region": "main", "type": "submit", "href": "", "formaction": ""}])
    assert final.payment_reason() is not None and final.payment_reason().startswith("shows a final purchase control")


def test_a_shop_without_a_country_field_gets_the_customer_its_language_implies() -> None:
    from auditor.journeys.customer import country_from_language

    # django-oscar hides the country when it ships to one country: a German shop gets a German customer
    assert [country_from_language(t) for t in ("de", "de-AT", "fr_BE", "nl", "en-US", "", "xx")] == \
        ["DE", "AT", "BE", "NL", "US", None, None]


def _radio(label: str, checked: bool = False, name: str = "aria-radio", tag: str = "aria") -> dict[str, Any]:
    return {"i": 0, "tag": tag, "type": "radio", "name": name, "id": "", "label": label, "checked": checked,
            "value": "", "required": False, "placeholder": "", "autocomplete": "", "options": []}


def _view(*fields: dict[str, Any]) -> StepView:
    return StepView(url="https://shop.example/checkout", title="Checkout", fields=list(fields), controls=[], frames=[],
                    alerts=[], headings=["Payment Information"], text="", https=True)


def test_the_delivery_method_to_choose_is_an_unchosen_shipping_radio_never_an_address_or_payment_choice() -> None:
    """EverShop's one-page checkout: 'Standard Shipping $5.00' beside 'Same as shipping address' (billing) and
    'Cash On Delivery' (a payment method whose words say delivery); the drawn ARIA radio is the one to click."""
    evershop = _view(_radio("Standard Shipping\n$5.00", name="", tag="input"), _radio("Same as shipping address", True),
                     _radio("Use a different billing address"), _radio("Cash On Delivery", name="payment"),
                     _radio("Standard Shipping $5.00"))
    chosen = unchosen_delivery(evershop)
    assert chosen is not None and chosen["tag"] == "aria" and chosen["label"] == "Standard Shipping $5.00"
    assert unchosen_delivery(_view(_radio("Standard Shipping $5.00", True), _radio("Express delivery $9.00"))) is None
    assert unchosen_delivery(_view(_radio("Same as shipping address"), _radio("Cash On Delivery", name="payment"))) is None
    assert unchosen_delivery(_view(_radio("Gift wrap +$3.00"), _radio("Insurance $2.00"))) is None, "a price alone is no delivery"
    woo = unchosen_delivery(_view(_radio("Flat rate: $5.00", name="shipping_method[0]", tag="input")))
    assert woo is not None and woo["name"] == "shipping_method[0]"
    assert unchosen_delivery(_view(_radio("Standardversand 4,95 €", tag="input", name="versand"))) is not None
    cheapest = unchosen_delivery(_view(_radio("Express delivery $9.95"), _radio("Free shipping"), _radio("Standard $4.95")))
    assert cheapest is not None and cheapest["label"] == "Free shipping", "the method a free-shipping offer covers"
    unpriced = unchosen_delivery(_view(_radio("Standard shipping"), _radio("Express delivery $9.95")))
    assert unpriced is not None and unpriced["label"] == "Standard shipping", "prices unknown: the first offered"


def test_a_country_shown_by_name_in_a_combobox_is_known_by_its_code() -> None:
    assert country_by_name("United States") == "US" and country_by_name(" germany ") == "DE"
    assert country_by_name("de") == "DE" and country_by_name("Atlantis") is None and country_by_name("") is None


def test_fields_are_not_counted_as_zero_when_no_checkout_step_was_reached() -> None:
    from auditor.journeys.checkout_walk import CheckoutWalk, count_fields

    walk = CheckoutWalk()
    count_fields(walk)
    assert (walk.form_fields_total, walk.form_fields_required) == (None, None)
