"""Journeys at a glance from hand-written results: the marks a client reads first, and never a 'no' for what
the auditor could not establish."""

from __future__ import annotations

from typing import Any

from reports.glance import Fact, Mark, glance_rows, section_id, site_facts


def check(check_id: str, evidence: dict[str, Any], *, status: str = "passed", outcome: str | None = "reached",
          reason: str | None = None) -> dict[str, Any]:
    return {"id": check_id, "status": status, "outcome": outcome, "reason": reason, "evidence": evidence,
            "findings": [], "unverified": []}


def shop(*checks: dict[str, Any]) -> dict[str, Any]:
    return {"start_url": "https://s.example/", "error": None, "checks": list(checks)}


SEARCH = {"search_input_found": True, "visible_without_click": True, "via": "input",
          "product_source_url": "https://s.example/p/kettle",
          "queries": [{"query": "Copper Kettle", "kind": "known_product", "results_count": 3, "relevant_results": 1,
                       "time_ms": 1250, "error": None}]}
CHECKOUT = {"checkout_reached": True, "steps_to_payment": 4, "payment_step_reached": True, "guest_checkout": "offered",
            "guest_first": True}
CONTACT = {"channels": [{"type": "phone"}, {"type": "email"}, {"type": "email"}], "min_clicks_to_contact": 0}
DELIVERY = {"shipping_info_url": "https://s.example/shipping", "returns_policy_url": "https://s.example/returns",
            "clicks_from_home": {"shipping": 1, "returns": 2}}
PAYMENT = {"advertised_before_checkout": ["visa", "paypal"], "offered_at_payment_step": ["card", "paypal", "apple_pay"]}


def labelled(site: dict[str, Any]) -> dict[str, Fact]:
    return {row.label: row.facts[0] for row in glance_rows([site])}


def test_a_site_that_answers_every_journey_shows_yes_with_the_measured_values() -> None:
    facts = labelled(shop(check("site-search", SEARCH), check("checkout-journey", CHECKOUT),
                          check("support-contact", CONTACT), check("delivery-returns", DELIVERY),
                          check("payment-options", PAYMENT)))
    assert {label: f.text for label, f in facts.items()} == {
        "Search box found": "✓ yes · visible on the home page",
        "Known product found by its exact name": "✓ yes · “Copper Kettle” · results in 1.25 s",
        "Checkout reached": "✓ yes · from a product page",
        "Payment step reached (steps to it)": "✓ yes · 4 steps",
        "Guest checkout": "✓ yes · offered first",
        "Contact channels (clicks from home)": "✓ yes · phone, email · on the home page",
        "Delivery information found": "✓ yes · 1 click from home",
        "Returns information found": "✓ yes · 2 clicks from home",
        "Payment methods shown before checkout": "✓ yes · Visa, PayPal",
        "Payment methods at checkout": "✓ yes · card, PayPal, Apple Pay",
    }
    assert facts["Guest checkout"].check_id == "checkout-journey"


def test_an_inconclusive_check_marks_every_fact_of_it_could_not_be_verified_even_with_evidence() -> None:
    reason = "the shop refused every test postcode, so the payment step was not reached"
    facts = labelled(shop(check("checkout-journey", {**CHECKOUT, "guest_checkout": "forced_account"},
                                status="not_measured", outcome="inconclusive", reason=reason)))
    for label in ("Checkout reached", "Payment step reached (steps to it)", "Guest checkout"):
        assert facts[label].mark is Mark.UNKNOWN, label
        assert facts[label].text == "? could not be verified · the shop refused every test postcode"


def test_null_evidence_is_could_not_be_verified_never_no() -> None:
    facts = labelled(shop(
        check("checkout-journey", {"checkout_reached": True, "steps_to_payment": None, "guest_checkout": "not_reached"}),
        check("payment-options", {"advertised_before_checkout": [], "offered_at_payment_step": None}),
        check("support-contact", {"channels": [{"type": "form"}], "min_clicks_to_contact": None})))
    assert facts["Payment step reached (steps to it)"].mark is Mark.UNKNOWN
    assert facts["Guest checkout"].mark is Mark.UNKNOWN
    assert facts["Payment methods at checkout"].text == "? could not be verified · the payment step was not reached"
    assert facts["Payment methods shown before checkout"].text == "✗ no · none shown on pages before checkout"
    assert facts["Contact channels (clicks from home)"].text == "✓ yes · form · clicks from home not measured"


def test_what_the_site_stopped_or_lacks_is_a_no_with_its_reason() -> None:
    blocked = {"checkout_reached": False, "steps_to_payment": None, "payment_step_reached": False,
               "guest_checkout": "forced_account", "stopped_because": "the cart page answered HTTP 500: server error"}
    facts = labelled(shop(
        check("site-search", {"search_input_found": False, "via": None, "queries": []}, status="failed"),
        check("checkout-journey", blocked, status="failed", outcome="blocked"),
        check("support-contact", {"channels": [], "min_clicks_to_contact": None}, status="failed"),
        check("delivery-returns", {**DELIVERY, "returns_policy_url": None}, status="failed")))
    assert facts["Search box found"].text == "✗ no · none found"
    assert facts["Known product found by its exact name"].text == "✗ no · no search box to type it in"
    assert facts["Checkout reached"].text == "✗ no · the cart page answered HTTP 500"
    assert facts["Payment step reached (steps to it)"].text == "✗ no · not reached: the cart page answered HTTP 500"
    assert facts["Guest checkout"].text == "✗ no · an account is required"
    assert facts["Contact channels (clicks from home)"].mark is Mark.NO
    assert facts["Returns information found"].text == "✗ no · no page found"
    assert facts["Delivery information found"].mark is Mark.YES


def test_a_known_product_search_without_a_verified_product_page_is_not_held_against_the_site() -> None:
    facts = labelled(shop(check("site-search", {**SEARCH, "product_source_url": None,
                                                "queries": [{**SEARCH["queries"][0], "relevant_results": 0}]})))
    assert facts["Known product found by its exact name"].mark is Mark.UNKNOWN
    missed = labelled(shop(check("site-search", {**SEARCH, "queries": [{**SEARCH["queries"][0], "relevant_results": 0,
                                                                         "results_count": 7, "time_ms": 300}]})))
    assert missed["Known product found by its exact name"].text == "✗ no · “Copper Kettle”: not among 7 results in 300 ms"


def test_one_column_per_site_in_the_order_given_and_an_unreachable_site_is_unknown_throughout() -> None:
    down = {"start_url": "https://down.example/", "error": {"code": "unreachable", "message": "refused"}, "checks": []}
    partial = shop(check("site-search", SEARCH))  # the other checks were not selected for this run
    rows = glance_rows([partial, down])
    assert all(len(row.facts) == 2 for row in rows) and len(rows) == len(site_facts(partial))
    assert rows[0].facts[0].mark is Mark.YES
    assert {f.text for row in rows for f in [row.facts[1]]} == {"? could not be verified · site not audited"}
    assert rows[2].facts[0].text == "? could not be verified · not checked in this run"
    assert section_id(1, rows[0].facts[1].check_id) == "s2-site-search"


def test_version_1_documents_without_outcome_or_payment_promise_still_read() -> None:
    facts = labelled(shop(check("payment-options", {"shown_before_checkout": ["amex"], "payment_step_reached": True,
                                                    "payment_step_methods": ["card"]}, outcome=None),
                          check("checkout-journey", {"checkout_reached": False, "steps_to_payment": None,
                                                     "stopped_because": "no add-to-cart control"},
                                status="failed", outcome=None)))
    assert facts["Payment methods shown before checkout"].text == "✓ yes · American Express"
    assert facts["Payment methods at checkout"].text == "✓ yes · card"
    assert facts["Checkout reached"].text == "✗ no · no add-to-cart control"
