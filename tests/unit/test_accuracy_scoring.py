"""The accuracy harness's scoring: facts read from report.json against hand-recorded truth."""

import pytest

from accuracy.facts import READERS, score


def doc(**evidence: dict) -> dict:
    return {"sites": [{"checks": [{"id": cid, "evidence": ev, "findings": [], "unverified": []}
                                  for cid, ev in evidence.items()]}]}


SEARCH = {"search_input_found": True, "visible_without_click": True,
          "queries": [{"kind": "known_product", "results_count": 1, "relevant_results": 1}]}
CHECKOUT = {"add_to_cart_found": True, "cart_reached": True, "checkout_reached": True, "payment_step_reached": True,
            "guest_checkout": "offered", "steps_to_payment": 3, "form_fields_required": 6}
CONTACT = {"channels": [{"type": "phone"}, {"type": "email"}, {"type": "email"}], "min_clicks_to_contact": 1,
           "contact_link_in_header": False, "contact_link_in_footer": True}
DELIVERY = {"shipping_info_url": "http://s/delivery/", "returns_policy_url": None}
PAYMENT = {"payment_step_reached": True, "payment_step_methods": ["cash_on_delivery"], "shown_before_checkout": []}
PRICING = {"cart_reached": True, "payment_step_reached": True, "product_price": {"amount": 29.99, "currency": "GBP"},
           "cart_line_price": {"amount": 29.99, "currency": "GBP"}, "shipping_before_payment": None,
           "fees_at_payment": [{"label": "Payment fee", "amount": 2.5, "new": True}, {"label": "Handling", "amount": 1.0, "new": False}]}
FULL = doc(**{"site-search": SEARCH, "checkout-journey": CHECKOUT, "support-contact": CONTACT,
              "delivery-returns": DELIVERY, "payment-options": PAYMENT, "pricing-fairness": PRICING})


@pytest.mark.parametrize(("key", "value"), [
    ("search.box_found", True), ("search.known_product_found", True), ("checkout.steps_to_payment", 3),
    ("checkout.guest_checkout", "offered"), ("contact.channels", ["email", "phone"]), ("contact.link_in_header", False),
    ("delivery.shipping_info_found", True), ("delivery.returns_policy_found", False),
    ("payment.methods_at_checkout", ["cash_on_delivery"]), ("payment.methods_before_checkout", []),
    ("pricing.cart_price_matches_product", True), ("pricing.shipping_cost_before_payment", False),
    ("pricing.new_fees_at_payment", 1),
])
def test_each_fact_is_read_from_its_evidence(key: str, value: object) -> None:
    assert READERS[key](FULL["sites"][0]) == value


def test_a_fact_from_a_check_that_was_not_measured_is_unknown_and_counts_as_not_right() -> None:
    result = score(doc(), {"fact": [{"key": "checkout.steps_to_payment", "value": 3}]})
    assert result.facts[0].reported is None and result.right == 0


def test_pricing_facts_are_unknown_where_the_prices_were_not_read() -> None:
    unread = doc(**{"pricing-fairness": {**PRICING, "cart_line_price": None, "cart_reached": False,
                                         "payment_step_reached": False}})["sites"][0]
    assert [READERS[k](unread) for k in ("pricing.cart_price_matches_product", "pricing.shipping_cost_before_payment",
                                         "pricing.new_fees_at_payment")] == [None, None, None]
    dearer = doc(**{"pricing-fairness": {**PRICING, "cart_line_price": {"amount": 31.99, "currency": "GBP"}}})["sites"][0]
    assert READERS["pricing.cart_price_matches_product"](dearer) is False


def test_an_unread_results_page_is_not_a_known_product_miss() -> None:
    unread = doc(**{"site-search": {**SEARCH, "queries": [{"kind": "known_product", "results_count": None}]}})
    assert READERS["search.known_product_found"](unread["sites"][0]) is None


def test_severe_findings_judged_wrong_or_never_judged_are_counted_as_false() -> None:
    report = doc(**{"checkout-journey": CHECKOUT})
    report["sites"][0]["checks"][0]["findings"] = [
        {"code": "a/judged-right", "severity": "high"}, {"code": "a/judged-wrong", "severity": "critical"},
        {"code": "a/unjudged", "severity": "high"}, {"code": "a/low-wrong", "severity": "low"}]
    truth = {"fact": [{"key": "checkout.steps_to_payment", "value": 3}],
             "finding": [{"code": "a/judged-right", "verdict": "right"}, {"code": "a/judged-wrong", "verdict": "wrong"},
                         {"code": "a/low-wrong", "verdict": "wrong"}]}
    result = score(report, truth)
    assert result.right == 1
    assert sorted(f.code for f in result.false_severe) == ["a/judged-wrong", "a/unjudged"]
    assert sorted(f.code for f in result.wrong) == ["a/judged-wrong", "a/low-wrong"]  # every severity, judged only


def test_an_unknown_fact_key_in_a_truth_file_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown fact key"):
        score(FULL, {"fact": [{"key": "checkout.stepz", "value": 1}]})


def test_a_phone_audit_is_scored_against_what_a_person_saw_on_a_phone() -> None:
    report = doc(**{"site-search": {**SEARCH, "visible_without_click": False}})
    report["sites"][0]["checks"][0]["findings"] = [{"code": "site-search/search-hidden", "severity": "medium"}]
    truth = {"fact": [{"key": "search.visible_without_click", "value": True, "mobile_value": False}],
             "finding": [{"code": "site-search/search-hidden", "verdict": "wrong", "mobile_verdict": "right"}]}
    on_desktop = score(report, truth)
    assert on_desktop.right == 0 and [f.verdict for f in on_desktop.findings] == ["wrong"]
    on_phone = score({**report, "config": {"device": "mobile"}}, truth)
    assert on_phone.right == 1 and [f.verdict for f in on_phone.findings] == ["right"]
