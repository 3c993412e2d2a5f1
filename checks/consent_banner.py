"""Consent banner: does the cookie banner let a customer reach the shop, and can they say no?

The crawl closes a banner the privacy-friendly way (reject, then close, accept only as a last resort) after
measuring the page as it first appears; this check reads those records. Its only finding that costs score is a
banner that hides the page's main actions, or one that offers no way to close it at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from auditor.checkspec import CheckSpec, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Measurement,
    Rating,
    Severity,
    Status,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.journey import JourneyStep

CHECK_ID = "consent-banner"


class ConsentThresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_coverage: float = 0.5  # share of the first screen a banner may cover


FINDINGS = {
    "hides-main-action": FindingTemplate(
        Severity.MEDIUM, "The cookie banner hides the shop until it is answered",
        CxImpact("Before a customer can search, browse or buy, they must deal with a banner that covers the page. It is "
                 "friction on the very first screen, and shoppers say one bad experience can be enough to walk away "
                 "(PwC, Experience is everything, 2018).", Dimension.USABILITY, ("pwc-experience-2018",)),
        "Show consent as a bar that leaves navigation, search and the product visible, with Reject and Accept "
        "buttons of equal weight on the first layer."),
    "cannot-be-closed": FindingTemplate(
        Severity.HIGH, "The cookie banner offers no button we could use to close it",
        CxImpact("A banner with no clear reject, close or accept button traps customers on the first screen; "
                 "shoppers say one bad experience can be enough to walk away (PwC, Experience is everything, 2018).",
                 Dimension.USABILITY, ("pwc-experience-2018",)),
        "Give the banner a visible Reject button and a visible Accept button (plain <button> elements)."),
    "no-reject-option": FindingTemplate(
        Severity.LOW, "The cookie banner can only be accepted, not rejected, on its first layer",
        CxImpact("Customers who want to decline have to accept or dig into settings; being pushed to agree costs "
                 "trust at the first contact, and shoppers say one bad experience can be enough to walk away "
                 "(PwC, Experience is everything, 2018).", Dimension.TRUST, ("pwc-experience-2018",)),
        "Offer 'Reject all' next to 'Accept all', with the same prominence."),
}

FINDINGS = mark_likely(FINDINGS, "cannot-be-closed", "no-reject-option")  # inferred from absence


@dataclass(frozen=True)
class ConsentEvidence:
    banner_found: bool
    first_seen_on: str | None
    banner: str | None
    coverage: float | None
    hides_main_action: bool
    main_actions_covered: int
    action: str | None  # reject | close | accept | None (nothing to click)
    button: str | None
    dismissed: bool
    pages_with_banner: int
    screenshot: str | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    journey_steps: list[JourneyStep] = field(default_factory=list)


def gather_from(records: list[dict[str, Any]], screenshot: str | None) -> ConsentEvidence:
    """Pure: the first record is the banner as a new visitor meets it; later ones are repeats in other contexts."""
    if not records:
        return ConsentEvidence(False, None, None, None, False, 0, None, None, False, 0, screenshot, [])
    first = records[0]
    steps = []
    if first.get("action"):
        steps.append(JourneyStep(action=f"Closed the cookie banner with '{first.get('button')}' ({first['action']})",
                                 url=str(first.get("url")), ms=0, screenshot=screenshot))
    return ConsentEvidence(
        banner_found=True, first_seen_on=first.get("url"), banner=first.get("banner"), coverage=first.get("coverage"),
        hides_main_action=bool(first.get("hides_main_action")), main_actions_covered=int(first.get("main_actions_covered") or 0),
        action=first.get("action"), button=first.get("button"), dismissed=bool(first.get("dismissed")),
        pages_with_banner=len({r.get("url") for r in records}), screenshot=screenshot, records=records[:10],
        journey_steps=steps,
    )


async def gather(ctx: SiteContext) -> ConsentEvidence:
    records = [s.consent for s in ctx.snapshots if s.consent]
    home = ctx.home
    return gather_from(records, home.screenshot if home else None)


def assess(ev: ConsentEvidence, t: ConsentThresholds) -> CheckOutcome:
    if not ev.banner_found:
        return CheckOutcome(status=Status.NOT_APPLICABLE, score=None,
                            reason="no cookie or consent banner appeared on the pages we visited")
    findings: list[Finding] = []
    strengths: list[str] = []
    coverage = ev.coverage or 0.0
    if ev.action is None:
        findings.append(make_finding(CHECK_ID, "cannot-be-closed", FINDINGS,
                                     f"The banner ({ev.banner}) on {ev.first_seen_on} has no reject, close or accept "
                                     "button we could recognise.", page_url=ev.first_seen_on, screenshot=ev.screenshot))
    if coverage > t.max_coverage or ev.hides_main_action:
        what = f"covers {coverage:.0%} of the first screen" if coverage > t.max_coverage else \
            f"covers {ev.main_actions_covered} of the page's main controls (navigation, search, buy buttons)"
        findings.append(make_finding(
            CHECK_ID, "hides-main-action", FINDINGS, f"Until it is answered, the banner {what}.",
            page_url=ev.first_seen_on, screenshot=ev.screenshot,
            measurement=Measurement("screen covered", round(coverage * 100), "%", round(t.max_coverage * 100),
                                    Rating.POOR if coverage > t.max_coverage else Rating.NEEDS_IMPROVEMENT)))
    else:
        strengths.append(f"The cookie banner leaves the page usable (it covers {coverage:.0%} of the first screen).")
    if ev.action == "accept":
        findings.append(make_finding(CHECK_ID, "no-reject-option", FINDINGS,
                                     f"The only way to close the banner was '{ev.button}'; it has no reject or "
                                     "necessary-only button.", page_url=ev.first_seen_on))
    elif ev.action == "reject":
        strengths.append(f"Optional cookies can be declined on the banner's first layer ('{ev.button}').")
    return outcome_from_findings(findings, strengths)


CHECK = CheckSpec(id=CHECK_ID, title="Cookie and consent banner", kind="page", gather=gather, assess=assess,
                  thresholds=ConsentThresholds, findings=FINDINGS, timeout_s=10, weight=0.5)
