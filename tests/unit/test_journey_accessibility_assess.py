"""journey-accessibility's assessment: which axe violations on which journey step become which finding."""

from typing import Any

from auditor.findings import Outcome, Severity
from auditor.journeys.accessibility import compact
from checks.journey_accessibility import AccessibilityEvidence, AccessibilityThresholds, assess


def state(journey: str, step: str, *violations: tuple[str, int]) -> dict[str, Any]:
    return {"journey": journey, "step": step, "url": f"http://s/{journey}", "screenshot": None,
            "violations": [{"rule": r, "impact": "serious", "help": r, "count": n,
                            "nodes": [{"target": "#x", "html": f"<input name='{r}'>"}]} for r, n in violations]}


def codes(*states: dict[str, Any], t: AccessibilityThresholds | None = None) -> dict[str, Severity]:
    out = assess(AccessibilityEvidence(states_checked=len(states), states=list(states)), t or AccessibilityThresholds())
    return {f.code.removeprefix("journey-accessibility/"): f.severity for f in out.findings}


def test_unlabelled_field_on_a_checkout_step_is_high() -> None:
    assert codes(state("checkout", "Fill step 2", ("label", 1))) == {"unlabelled-fields": Severity.HIGH}


def test_unlabelled_field_outside_checkout_is_medium() -> None:
    assert codes(state("contact", "Click “Contact”", ("label", 2))) == {"unlabelled-fields": Severity.MEDIUM}


def test_unlabelled_field_on_the_checkout_journeys_product_or_cart_page_is_medium() -> None:
    # a facet checkbox or a quantity box slows a customer; only the checkout's own steps block the purchase
    cart = state("checkout", "Open the cart", ("label", 3)) | {"url": "http://s/basket/"}
    assert codes(cart) == {"unlabelled-fields": Severity.MEDIUM}
    address = state("checkout", "Click “Weiter zur Kasse”", ("label", 1)) | {"url": "http://s/checkout/shipping-address/"}
    assert codes(address) == {"unlabelled-fields": Severity.HIGH}


def test_nameless_buttons_and_links_are_one_medium_finding() -> None:
    assert codes(state("search", "Open", ("button-name", 1)), state("checkout", "Cart", ("link-name", 3))) == {
        "unnamed-controls": Severity.MEDIUM}


def test_contrast_below_the_node_threshold_is_not_raised() -> None:
    assert codes(state("checkout", "Cart", ("color-contrast", 2))) == {}
    assert codes(state("checkout", "Cart", ("color-contrast", 3))) == {"low-contrast": Severity.LOW}


def test_clean_states_pass_with_a_strength() -> None:
    out = assess(AccessibilityEvidence(states_checked=2, states=[state("search", "a"), state("checkout", "b")]),
                 AccessibilityThresholds())
    assert out.findings == [] and out.strengths and out.outcome == Outcome.REACHED


def test_no_state_read_is_inconclusive_without_findings() -> None:
    out = assess(AccessibilityEvidence(states_checked=0, failures=["http://s/: Execution context was destroyed"]),
                 AccessibilityThresholds())
    assert out.outcome == Outcome.INCONCLUSIVE and out.findings == [] and "Execution context" in out.reason


def test_observed_names_the_steps_and_an_example_element() -> None:
    out = assess(AccessibilityEvidence(states_checked=1, states=[state("checkout", "Fill step 2", ("label", 1))]),
                 AccessibilityThresholds())
    assert "checkout: Fill step 2" in out.findings[0].observed and "<input name='label'>" in out.findings[0].observed


def test_only_journey_rules_are_kept_from_axe_results() -> None:
    response = {"violations": [{"id": "label", "impact": "critical", "help": "h", "nodes": [{"target": ["#a"], "html": "<i>"}]},
                               {"id": "region", "impact": "moderate", "help": "h", "nodes": []}]}
    assert [v["rule"] for v in compact(response)] == ["label"]


def test_unlabelled_header_widget_on_a_checkout_step_is_medium() -> None:
    # Oscar's header login box and language select sit on every page, the checkout's too: not the step's own form
    header = state("checkout", "Fill step 1", ("label", 2))
    header["violations"][0]["in_content"] = 0
    assert codes(header) == {"unlabelled-fields": Severity.MEDIUM}
