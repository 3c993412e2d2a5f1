"""Reading the facts of accuracy/TRUTH.md out of a report.json, and scoring them against the hand-recorded truth.

Pure functions over plain data, so the scoring is unit-tested without installing any platform."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Doc = dict[str, Any]


def _check(site: Doc, check_id: str) -> Doc | None:
    return next((c for c in site.get("checks", []) if c.get("id") == check_id), None)


def _evidence(site: Doc, check_id: str) -> Doc:
    check = _check(site, check_id)
    return (check or {}).get("evidence") or {}


def _known_product_found(site: Doc) -> bool | None:
    queries = [q for q in _evidence(site, "site-search").get("queries", []) if q.get("kind") == "known_product"]
    if not queries or queries[0].get("results_count") is None or queries[0].get("error"):
        return None
    return bool(queries[0].get("relevant_results"))


def _present(site: Doc, check_id: str, key: str) -> Any:
    evidence = _evidence(site, check_id)
    return evidence.get(key)


def _url_found(check_id: str, key: str) -> Callable[[Doc], bool | None]:
    def read(site: Doc) -> bool | None:
        evidence = _evidence(site, check_id)
        return None if not evidence else evidence.get(key) is not None
    return read


def _channels(site: Doc) -> list[str] | None:
    evidence = _evidence(site, "support-contact")
    if not evidence:
        return None
    return sorted({c["type"] for c in evidence.get("channels", [])})


def _methods_at_checkout(site: Doc) -> list[str] | None:
    evidence = _evidence(site, "payment-options")
    if not evidence or not evidence.get("payment_step_reached"):
        return None
    return sorted(set(evidence.get("payment_step_methods") or []))


def _methods_before_checkout(site: Doc) -> list[str] | None:
    evidence = _evidence(site, "payment-options")
    return sorted(set(evidence.get("shown_before_checkout") or [])) if evidence else None


def _cart_price_matches_product(site: Doc) -> bool | None:
    evidence = _evidence(site, "pricing-fairness")
    product, line = evidence.get("product_price"), evidence.get("cart_line_price")
    if not product or not line:
        return None
    return abs(float(product["amount"]) - float(line["amount"])) < 0.011


def _shipping_cost_before_payment(site: Doc) -> bool | None:
    evidence = _evidence(site, "pricing-fairness")
    return None if not evidence or not evidence.get("cart_reached") else evidence.get("shipping_before_payment") is not None


def _new_fees_at_payment(site: Doc) -> int | None:
    evidence = _evidence(site, "pricing-fairness")
    if not evidence or not evidence.get("payment_step_reached"):
        return None
    return sum(1 for f in evidence.get("fees_at_payment") or [] if f.get("new"))


READERS: dict[str, Callable[[Doc], Any]] = {
    "search.box_found": lambda s: _present(s, "site-search", "search_input_found"),
    "search.visible_without_click": lambda s: _present(s, "site-search", "visible_without_click"),
    "search.known_product_found": _known_product_found,
    "checkout.add_to_cart_found": lambda s: _present(s, "checkout-journey", "add_to_cart_found"),
    "checkout.cart_reached": lambda s: _present(s, "checkout-journey", "cart_reached"),
    "checkout.checkout_reached": lambda s: _present(s, "checkout-journey", "checkout_reached"),
    "checkout.payment_step_reached": lambda s: _present(s, "checkout-journey", "payment_step_reached"),
    "checkout.guest_checkout": lambda s: _present(s, "checkout-journey", "guest_checkout"),
    "checkout.steps_to_payment": lambda s: _present(s, "checkout-journey", "steps_to_payment"),
    "checkout.form_fields_required": lambda s: _present(s, "checkout-journey", "form_fields_required"),
    "checkout.one_page_checkout": lambda s: _present(s, "checkout-journey", "one_page_checkout"),
    "contact.channels": _channels,
    "contact.min_clicks_to_contact": lambda s: _present(s, "support-contact", "min_clicks_to_contact"),
    "contact.link_in_header": lambda s: _present(s, "support-contact", "contact_link_in_header"),
    "contact.link_in_footer": lambda s: _present(s, "support-contact", "contact_link_in_footer"),
    "delivery.shipping_info_found": _url_found("delivery-returns", "shipping_info_url"),
    "delivery.returns_policy_found": _url_found("delivery-returns", "returns_policy_url"),
    "payment.methods_at_checkout": _methods_at_checkout,
    "payment.methods_before_checkout": _methods_before_checkout,
    "pricing.cart_price_matches_product": _cart_price_matches_product,
    "pricing.shipping_cost_before_payment": _shipping_cost_before_payment,
    "pricing.new_fees_at_payment": _new_fees_at_payment,
}


@dataclass(frozen=True)
class FactResult:
    key: str
    expected: Any
    reported: Any
    right: bool
    note: str


@dataclass(frozen=True)
class FindingResult:
    code: str
    severity: str
    confidence: str
    verdict: str  # right | wrong | unjudged
    note: str


@dataclass(frozen=True)
class Score:
    facts: list[FactResult]
    findings: list[FindingResult]
    unverified: int

    @property
    def right(self) -> int:
        return sum(f.right for f in self.facts)

    @property
    def false_severe(self) -> list[FindingResult]:
        """Critical or high findings a person judged wrong, or never judged (an unjudged one is not trusted)."""
        return [f for f in self.findings if f.severity in ("critical", "high") and f.verdict != "right"]

    @property
    def wrong(self) -> list[FindingResult]:
        """Findings of any severity a person judged wrong: a false low finding costs trust too, only less."""
        return [f for f in self.findings if f.verdict == "wrong"]


def _normalise(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


def _for_device(entry: Doc, field: str, device: str) -> Any:
    """A truth entry's value on the audited device: `mobile_value` / `mobile_verdict` where a person recorded that a
    phone shows something else (a header folded into a menu), else the one value for every device."""
    return entry.get(f"{device}_{field}", entry[field])


def score(doc: Doc, truth: Doc) -> Score:
    site = (doc.get("sites") or [{}])[0]
    device = str((doc.get("config") or {}).get("device") or "desktop")
    facts = []
    for fact in truth.get("fact", []):
        key = fact["key"]
        if key not in READERS:
            raise ValueError(f"truth.toml names an unknown fact key: {key}")
        reported = READERS[key](site)
        expected = _for_device(fact, "value", device)
        note = fact.get(f"{device}_note") or fact.get("note", "")
        facts.append(FactResult(key, expected, reported, _normalise(reported) == _normalise(expected), note))
    verdicts = {f["code"]: f for f in truth.get("finding", [])}
    findings = []
    for check in site.get("checks", []):
        for f in check.get("findings", []):
            judged = verdicts.get(f["code"])
            findings.append(FindingResult(f["code"], f["severity"], f.get("confidence") or "confirmed",
                                          _for_device(judged, "verdict", device) if judged else "unjudged",
                                          (judged.get(f"{device}_note") or judged.get("note", "")) if judged else ""))
    unverified = sum(len(c.get("unverified") or []) for c in site.get("checks", []))
    return Score(facts, findings, unverified)
