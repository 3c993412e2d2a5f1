from dataclasses import replace

import pytest

from auditor.findings import Status
from checks.payment_options import Method, PaymentEvidence, PaymentThresholds
from checks.payment_options import assess as assess_payment
from checks.support_contact import Channel, ContactEvidence, ContactThresholds
from checks.support_contact import assess as assess_contact

BASE = ContactEvidence(
    channels=[Channel("phone", "+31 20", "https://s.example/contact", 1, "link"),
              Channel("email", "a@s.example", "https://s.example/contact", 1, "link")],
    min_clicks_to_contact=1, contact_link_in_header=True, contact_link_in_footer=True,
    contact_page_url="https://s.example/contact", contact_page_status=200, pages_checked=5,
    pages_with_header_or_footer_link=5, pages_without_contact_link=[], opening_hours=None, chat_vendor=None)


def codes(outcome) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.code.split("/")[1] for f in outcome.findings}


def test_findable_phone_and_email_pass() -> None:
    out = assess_contact(BASE, ContactThresholds())
    assert out.status is Status.PASSED and not out.findings and out.strengths


def test_no_channel_is_critical() -> None:
    out = assess_contact(replace(BASE, channels=[], min_clicks_to_contact=None), ContactThresholds())
    assert "no-contact-channel" in codes(out) and out.findings[0].severity.value == "critical"


def test_contact_deeper_than_threshold() -> None:
    assert "contact-deep" in codes(assess_contact(replace(BASE, min_clicks_to_contact=3), ContactThresholds()))
    assert "contact-deep" not in codes(assess_contact(replace(BASE, min_clicks_to_contact=2), ContactThresholds()))


def test_form_only_and_missing_links_and_inconsistency_and_broken_page() -> None:
    ev = replace(BASE, channels=[Channel("form", "x", "u", 1, "form")], contact_link_in_header=False,
                 contact_link_in_footer=True, pages_without_contact_link=["https://s.example/p"], contact_page_status=404)
    assert codes(assess_contact(ev, ContactThresholds())) == {"form-only", "no-contact-link-header", "contact-inconsistent",
                                                              "contact-page-error"}


PAY = PaymentEvidence(methods=[Method("visa", "card", ["u"], ["logo"]), Method("paypal", "wallet", ["u"], ["logo"])],
                      checked_pages=3, shown_before_checkout=["visa", "paypal"], payment_step_reached=True,
                      payment_step_methods=[], checkout_urls=[], checkout_https=True, security_reassurance=True,
                      market_hint="en")


def test_payment_truth_table() -> None:
    assert assess_payment(PAY, PaymentThresholds()).status is Status.PASSED
    cards = replace(PAY, methods=[Method("visa", "card", ["u"], ["logo"]), Method("mastercard", "card", ["u"], ["logo"])])
    assert "only-cards" in codes(assess_payment(cards, PaymentThresholds()))
    assert "none-before-checkout" in codes(assess_payment(replace(PAY, shown_before_checkout=[]), PaymentThresholds()))
    assert "local-methods-missing" in codes(assess_payment(replace(PAY, market_hint="nl"), PaymentThresholds()))
    assert "checkout-not-https" in codes(assess_payment(replace(PAY, checkout_https=False, checkout_urls=["http://s.example/checkout"]),
                                                        PaymentThresholds()))
    one = replace(PAY, methods=[Method("paypal", "wallet", ["u"], ["logo"])])
    assert "few-methods" in codes(assess_payment(one, PaymentThresholds()))


def test_nothing_shown_before_checkout_is_a_finding_of_its_own_when_the_payment_step_was_not_reached() -> None:
    out = assess_payment(replace(PAY, methods=[], shown_before_checkout=[], payment_step_reached=None), PaymentThresholds())
    assert codes(out) == {"none-shown-before-checkout"}
    assert out.findings[0].confidence.value == "likely" and out.findings[0].premise
    assert any("payment step" in u.what for u in out.unverified), "what the payment step offers is left to a person"


def test_no_page_loaded_means_nothing_can_be_said() -> None:
    out = assess_payment(replace(PAY, methods=[], shown_before_checkout=[], payment_step_reached=None, checked_pages=0),
                         PaymentThresholds())
    assert out.status is Status.NOT_MEASURED and not out.findings


@pytest.mark.parametrize(("advertised", "offered", "expected"), [
    (["mastercard", "paypal", "visa"], ["cash_on_delivery"], {"advertised-not-accepted", "accepted-not-advertised"}),
    (["mastercard", "visa"], ["card"], set()),                      # a card form honours the card logos
    (["visa", "paypal"], ["card", "paypal"], set()),
    (["paypal"], ["paypal", "klarna"], {"accepted-not-advertised"}),
    (["visa", "mastercard", "amex"], ["visa", "mastercard"], {"advertised-not-accepted"}),
    ([], ["paypal"], set()),                                         # nothing advertised: none-before-checkout says it
])
def test_the_payment_step_keeps_the_promise_of_the_logos(advertised: list[str], offered: list[str], expected: set[str]) -> None:
    methods = [Method(m, "card", ["u"], ["logo"]) for m in sorted(set(advertised) | set(offered))]
    ev = replace(PAY, methods=methods, shown_before_checkout=advertised, advertised_before_checkout=advertised,
                 offered_at_payment_step=offered, payment_step_methods=offered)
    got = codes(assess_payment(ev, PaymentThresholds())) & {"advertised-not-accepted", "accepted-not-advertised"}
    assert got == expected


def test_the_promise_is_only_judged_when_the_payment_step_was_reached() -> None:
    ev = replace(PAY, payment_step_reached=False, advertised_before_checkout=["visa"], offered_at_payment_step=None)
    assert not codes(assess_payment(ev, PaymentThresholds())) & {"advertised-not-accepted", "accepted-not-advertised"}




def test_a_contact_page_that_did_not_answer_is_unverified_not_broken() -> None:
    out = assess_contact(replace(BASE, contact_page_status=None), ContactThresholds())
    assert "contact-page-error" not in codes(out)
    assert any("did not load" in u.reason for u in out.unverified)
    assert "contact-page-error" in codes(assess_contact(replace(BASE, contact_page_status=404), ContactThresholds()))


def test_no_channel_found_when_only_the_home_page_could_be_read_is_inconclusive() -> None:
    out = assess_contact(replace(BASE, channels=[], min_clicks_to_contact=None, pages_checked=1), ContactThresholds())
    assert out.outcome.value == "inconclusive" and not out.findings
    found_nothing = assess_contact(replace(BASE, channels=[], min_clicks_to_contact=None, pages_checked=12), ContactThresholds())
    assert "no-contact-channel" in codes(found_nothing)
