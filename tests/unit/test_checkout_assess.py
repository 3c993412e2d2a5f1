from dataclasses import replace

import pytest

from auditor.config import CheckoutConfig
from auditor.findings import Status
from checks.checkout_fields import classify, plan_value
from checks.checkout_journey import CheckoutEvidence, CheckoutThresholds, assess
from checks.checkout_page import StepRecord, StepView

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


@pytest.mark.parametrize(("change", "expected"), [
    ({"add_to_cart_found": False, "cart_reached": False}, {"add-to-cart-missing"}),
    ({"cart_reached": False, "stopped_because": "adding to the cart did not work"}, {"add-to-cart-broken"}),
    ({"cart_reached": False, "stopped_because": "no cart page or drawer could be found"}, {"cart-unreachable"}),
    ({"checkout_reached": False, "stopped_because": "the cart has no checkout button"}, {"cart-unreachable"}),
    ({"guest_checkout": "forced_account", "payment_step_reached": False, "steps_to_payment": None,
      "email_confirmation_required": False}, {"forced-account"}),
    ({"guest_checkout": "forced_account", "payment_step_reached": False, "steps_to_payment": None,
      "email_confirmation_required": True}, {"forced-account", "email-confirmation-required"}),
    ({"guest_first": False}, {"guest-not-prominent"}),
    ({"steps_to_payment": 6}, {"too-many-steps"}),
    ({"steps_to_payment": 5}, set()),
    ({"form_fields_total": 13}, {"too-many-fields"}),
    ({"form_fields_required": 11}, {"too-many-fields"}),
    ({"costs_shown_before_checkout": False}, {"costs-not-shown-before-checkout"}),
    ({"payment_step_reached": False, "steps_to_payment": None, "stopped_because": "could not get past this step"},
     {"checkout-stuck"}),
    ({"payment_step_reached": False, "steps_to_payment": None,
      "stopped_because": "stopped by the purchase guard: refused"}, set()),
    ({"js_errors": ["TypeError: x is undefined"]}, {"checkout-errors"}),
])
def test_each_checkout_problem_has_its_finding(change: dict, expected: set[str]) -> None:
    assert codes(replace(GOOD, **change)) == expected


def test_unfinished_journey_without_findings_is_not_measured() -> None:
    ev = replace(GOOD, payment_step_reached=False, steps_to_payment=None, costs_shown_before_checkout=None,
                 stopped_because="stopped by the purchase guard: refused", guest_first=None, guest_checkout="offered")
    out = assess(ev, CheckoutThresholds())
    assert out.status is Status.NOT_MEASURED and "purchase guard" in (out.reason or "")


@pytest.mark.parametrize(("field", "kind"), [
    ({"type": "email", "name": "x"}, "email"), ({"autocomplete": "given-name"}, "first_name"),
    ({"name": "billing_last_name"}, "last_name"), ({"label": "Full name"}, "full_name"),
    ({"autocomplete": "postal-code"}, "postcode"), ({"name": "zip"}, "postcode"), ({"label": "PLZ"}, "postcode"),
    ({"label": "Street and number"}, "street"), ({"name": "address2"}, "street2"), ({"label": "City"}, "city"),
    ({"type": "tel", "name": "x"}, "phone"), ({"autocomplete": "cc-number"}, "card"), ({"label": "Card number"}, "card"),
    ({"name": "cvc"}, "card"), ({"label": "Promo code"}, "coupon"), ({"label": "Send me offers by email"}, "newsletter"),
    ({"label": "I accept the terms and conditions"}, "terms"), ({"name": "country"}, "country"),
    ({"label": "Company (optional)"}, "company"), ({"label": "Vorname"}, "first_name"),
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
