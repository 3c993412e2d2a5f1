"""Accessible journeys: can a customer who uses a screen reader, a keyboard or a dim screen get through the pages
the journeys had to get through? axe-core runs on every state the search, checkout and contact journeys reached
(auditor/journeys/accessibility.py reads them as the journeys go, so nothing is walked twice); this check keeps
the violations that block a journey (a field without a label, a button without a name, unreadable text) and says
on which step they are.

Evidence (report.json `journey-accessibility`): `states_checked`, `states` [{`journey`, `step`, `url`,
`screenshot`, `violations` [{`rule`, `impact`, `help`, `count`, `in_content` (outside header, nav and footer), `nodes`
[{`target`, `html`, `chrome`}]}]}],
`rules` (the axe rules run), `axe_ms`, `failures`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from auditor.checkspec import CheckSpec, NotApplicable, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Severity,
    inconclusive,
    make_finding,
    outcome_from_findings,
)
from auditor.journeys.accessibility import RULES, StateAuditor
from auditor.journeys.candidates import CHECKOUT_HREF

CHECK_ID = "journey-accessibility"
UNLABELLED = ("label", "select-name", "aria-input-field-name", "aria-toggle-field-name")
UNNAMED = ("button-name", "input-button-name", "link-name", "nested-interactive", "frame-title")
CONTRAST = ("color-contrast",)
JOURNEY_NAMES = {"checkout": "checkout", "search": "search", "contact": "contact"}


class AccessibilityThresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # contrast failures below this many elements on a state are noted, not raised (axe counts every low-contrast
    # text node; one grey footnote does not block a journey)
    min_contrast_nodes: int = 3


@dataclass(frozen=True)
class AccessibilityEvidence:
    states_checked: int
    states: list[dict[str, Any]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    axe_ms: int = 0
    failures: list[str] = field(default_factory=list)


FINDINGS: dict[str, FindingTemplate] = {
    "unlabelled-fields": FindingTemplate(
        Severity.HIGH, "Form fields on the journey have no label",
        CxImpact("A screen-reader user hears only 'edit text' and cannot tell which field wants the postcode and which "
                 "the phone number; WCAG 2.2 requires labels or instructions for every input (SC 3.3.2) and a name "
                 "for every control (SC 4.1.2).",
                 Dimension.USABILITY, ("w3c-wcag22-labels-or-instructions", "w3c-wcag22-name-role-value")),
        "Give every field a visible <label for=…> (or aria-label when no visible label fits), in the page's language."),
    "unnamed-controls": FindingTemplate(
        Severity.MEDIUM, "Buttons or links on the journey have no name",
        CxImpact("An icon button without a name is announced as 'button': a customer who cannot see it cannot know "
                 "it opens the cart or the search; WCAG 2.2 SC 4.1.2 requires a name for every control.",
                 Dimension.USABILITY, ("w3c-wcag22-name-role-value",)),
        "Add an accessible name (visible text, aria-label, or alt text on the icon image) to every button and link."),
    "low-contrast": FindingTemplate(
        Severity.LOW, "Text on the journey is hard to read",
        CxImpact("Text below a 4.5:1 contrast ratio is hard to read for customers with low vision and for everyone on "
                 "a phone in daylight; WCAG 2.2 SC 1.4.3 sets that minimum.",
                 Dimension.USABILITY, ("w3c-wcag22-contrast-minimum",)),
        "Darken the text or lighten its background until every text reaches 4.5:1 (3:1 for large text)."),
}


async def gather(ctx: SiteContext) -> AccessibilityEvidence:
    collector = ctx.state_reader(CHECK_ID)
    if not isinstance(collector, StateAuditor):
        raise NotApplicable("no journey ran on this site (search, checkout and contact were all skipped)")
    return AccessibilityEvidence(states_checked=len(collector.states), states=list(collector.states), rules=list(RULES),
                                 axe_ms=collector.ms, failures=list(collector.failures))


def checkout_step(state: dict[str, Any]) -> bool:
    """A state of the checkout proper (an address form, a shipping or payment choice), not the product or cart."""
    return state["journey"] == "checkout" and (bool(CHECKOUT_HREF.search(urlsplit(state["url"]).path))
                                               or state["step"].startswith(("Fill", "Choose", "Correct")))


def _where(hits: list[tuple[dict[str, Any], dict[str, Any]]]) -> str:
    steps = list(dict.fromkeys(f"{JOURNEY_NAMES.get(s['journey'], s['journey'])}: {s['step']}" for s, _v in hits))
    return "; ".join(steps[:4]) + (f" and {len(steps) - 4} more" if len(steps) > 4 else "")


def _example(hits: list[tuple[dict[str, Any], dict[str, Any]]]) -> str:
    node = next((n for _s, v in hits for n in v["nodes"]), None)
    return f" e.g. {node['html'][:120]}" if node else ""


def assess(ev: AccessibilityEvidence, t: AccessibilityThresholds) -> CheckOutcome:
    if ev.states_checked == 0:
        reason = ev.failures[0] if ev.failures else "the journeys reached no page that could be read"
        return inconclusive("Accessibility of the journeys' pages", f"axe-core could not run: {reason}")
    findings: list[Finding] = []

    def hits(rules: tuple[str, ...], min_nodes: int = 1) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        return [(s, v) for s in ev.states for v in s["violations"] if v["rule"] in rules and v["count"] >= min_nodes]

    for key, rules, min_nodes, what in (("unlabelled-fields", UNLABELLED, 1, "field(s) without a label"),
                                        ("unnamed-controls", UNNAMED, 1, "button(s) or link(s) without a name"),
                                        ("low-contrast", CONTRAST, t.min_contrast_nodes,
                                         "text element(s) below the contrast minimum")):
        found = hits(rules, min_nodes)
        if not found:
            continue
        # a field without a label blocks the purchase in a checkout step's own form (the address, the payment
        # choice); on a product, cart or results page (a facet, a quantity) or in the header's widgets (a language
        # select, a login box) it slows the customer down
        off_checkout = key == "unlabelled-fields" and not any(checkout_step(s) and v.get("in_content", v["count"])
                                                              for s, v in found)
        findings.append(make_finding(
            CHECK_ID, key, FINDINGS,
            f"{sum(v['count'] for _s, v in found)} {what} on {_where(found)}.{_example(found)}",
            page_url=found[0][0]["url"], screenshot=found[0][0].get("screenshot"),
            severity=Severity.MEDIUM if off_checkout else None))
    strengths = [] if findings else [f"No blocking accessibility problem on the {ev.states_checked} journey states read."]
    return outcome_from_findings(findings, strengths)


CHECK = CheckSpec(id=CHECK_ID, title="Accessible journeys", kind="journey", gather=gather, assess=assess,
                  thresholds=AccessibilityThresholds, findings=FINDINGS,
                  uses=("site-search", "checkout-journey", "support-contact"), timeout_s=30,
                  reads_states=StateAuditor)
