"""The vocabulary every check speaks: severities, CX impact with citations, findings and check results.

Checks declare their user-facing text once in a `FINDINGS` table of `FindingTemplate`s, so the wording,
severity and sources of a finding can be reviewed in one place and stay stable across runs."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any

from auditor.citations import Citation, cite


class Severity(enum.StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used to compare against `--fail-on`."""
        return {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}[self.value]


class Dimension(enum.StrEnum):
    """The CX dimension a finding touches, as the report groups them."""

    SPEED = "speed"
    USABILITY = "usability"
    SALES_PROCESS = "sales process"
    CUSTOMER_SERVICE = "customer service"
    DELIVERY = "delivery"
    PRICING_FAIRNESS = "pricing fairness"
    TRUST = "trust"


class Status(enum.StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"
    NOT_MEASURED = "not_measured"


class Outcome(enum.StrEnum):
    """How a check ended. Only `blocked` and `reached` may carry findings: an auditor that could not tell
    must say so (inconclusive) instead of blaming the site."""

    REACHED = "reached"            # the goal was reached or the question answered
    BLOCKED = "blocked"            # the site stopped the customer, with what a person would also see
    INCONCLUSIVE = "inconclusive"  # the auditor could not tell


class Confidence(enum.StrEnum):
    CONFIRMED = "confirmed"  # observed directly: a message shown, a 404, a measured time
    LIKELY = "likely"        # inferred from absence: nothing found where it usually is


class Rating(enum.StrEnum):
    GOOD = "good"
    NEEDS_IMPROVEMENT = "needs-improvement"
    POOR = "poor"


@dataclass(frozen=True)
class CxImpact:
    """Our own sentence about what the problem does to customers, and the sources behind it."""

    statement: str
    dimension: Dimension
    cites: tuple[str, ...]

    def citations(self) -> list[Citation]:
        return [cite(c) for c in self.cites]


@dataclass(frozen=True)
class FindingTemplate:
    severity: Severity
    title: str
    impact: CxImpact
    fix: str
    confidence: Confidence = Confidence.CONFIRMED  # `likely` for findings that rest on not finding something


@dataclass(frozen=True)
class Measurement:
    name: str
    value: float
    unit: str
    threshold: float | None = None
    rating: Rating | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "threshold": self.threshold,
            "rating": self.rating.value if self.rating else None,
        }


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    title: str
    observed: str
    impact: CxImpact
    fix: str
    page_url: str | None = None
    measurement: Measurement | None = None
    screenshot: str | None = None
    confidence: Confidence = Confidence.CONFIRMED
    premise: str | None = None  # the earlier guess this finding rests on (verified before it was raised)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "confidence": self.confidence.value,
            "premise": self.premise,
            "title": self.title,
            "observed": self.observed,
            "impact": {
                "statement": self.impact.statement,
                "dimension": self.impact.dimension.value,
                "citations": [c.to_json() for c in self.impact.citations()],
            },
            "fix": self.fix,
            "page_url": self.page_url,
            "measurement": self.measurement.to_json() if self.measurement else None,
            "screenshot": self.screenshot,
        }


def make_finding(
    check_id: str,
    key: str,
    templates: dict[str, FindingTemplate],
    observed: str,
    *,
    page_url: str | None = None,
    measurement: Measurement | None = None,
    severity: Severity | None = None,
    screenshot: str | None = None,
    confidence: Confidence | None = None,
    premise: str | None = None,
) -> Finding:
    """Builds a finding from a check's template table; the code is `<check>/<key>`, stable for baselines."""
    t = templates[key]
    return Finding(
        code=f"{check_id}/{key}",
        severity=severity or t.severity,
        title=t.title,
        observed=observed,
        impact=t.impact,
        fix=t.fix,
        page_url=page_url,
        measurement=measurement,
        screenshot=screenshot,
        confidence=confidence or t.confidence,
        premise=premise,
    )


@dataclass(frozen=True)
class Unverified:
    """Something the auditor could not verify, handed to a person with what they need to check it by hand."""

    what: str
    reason: str
    screenshot: str | None = None
    steps: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "reason": self.reason, "screenshot": self.screenshot, "steps": list(self.steps)}


@dataclass(frozen=True)
class CheckOutcome:
    """What `assess` returns: a pure verdict over evidence."""

    status: Status
    score: int | None
    findings: list[Finding] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    reason: str | None = None
    outcome: Outcome = Outcome.REACHED
    unverified: list[Unverified] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.outcome is Outcome.INCONCLUSIVE and any(f.severity is not Severity.INFO for f in self.findings):
            raise ValueError("an inconclusive check cannot carry a finding with a severity")


def inconclusive(what: str, reason: str, *, screenshot: str | None = None, steps: tuple[str, ...] = (),
                 strengths: list[str] | None = None, more: list[Unverified] | None = None) -> CheckOutcome:
    """The auditor could not tell: no finding, no score, and a note for a person to check by hand."""
    return CheckOutcome(Status.NOT_MEASURED, None, [], strengths or [], reason=reason, outcome=Outcome.INCONCLUSIVE,
                        unverified=[Unverified(what, reason, screenshot, steps), *(more or [])])


def score_from_findings(findings: list[Finding]) -> int:
    """A check's 0–100 score when it has no measured curve: each problem costs by severity."""
    cost = {Severity.CRITICAL: 45, Severity.HIGH: 25, Severity.MEDIUM: 12, Severity.LOW: 5, Severity.INFO: 0}
    return max(0, 100 - sum(cost[f.severity] for f in findings))


def outcome_from_findings(findings: list[Finding], strengths: list[str] | None = None, *,
                          outcome: Outcome = Outcome.REACHED, unverified: list[Unverified] | None = None) -> CheckOutcome:
    """Passed when nothing at medium or above was found; the score follows the findings' severities."""
    worst = max((f.severity.rank for f in findings), default=-1)
    status = Status.FAILED if worst >= Severity.MEDIUM.rank else Status.PASSED
    return CheckOutcome(status=status, score=score_from_findings(findings), findings=findings,
                        strengths=strengths or [], outcome=outcome, unverified=unverified or [])


def mark_likely(templates: dict[str, FindingTemplate], *keys: str) -> dict[str, FindingTemplate]:
    """Marks the findings a check can only infer from absence (nothing found where it usually is), so the gate
    and the report can tell them from what was observed directly."""
    unknown = set(keys) - set(templates)
    if unknown:
        raise KeyError(f"no such findings: {sorted(unknown)}")
    return {k: dataclasses.replace(t, confidence=Confidence.LIKELY) if k in keys else t for k, t in templates.items()}
