"""The one result document (report.json). Every report format renders from its JSON form, so a stored
report.json can be re-rendered, diffed or merged without the browser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.findings import Finding, Outcome, Status, Unverified
from auditor.journey import JourneyStep

SCHEMA_VERSION = "2"


@dataclass
class CheckResult:
    id: str
    title: str
    status: Status
    score: int | None
    evidence: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    journey: list[JourneyStep] = field(default_factory=list)
    reason: str | None = None
    strengths: list[str] = field(default_factory=list)
    duration_ms: int = 0
    outcome: Outcome = Outcome.REACHED  # what assess said; a check not measured is inconclusive whatever it says
    unverified: list[Unverified] = field(default_factory=list)

    def resolved_outcome(self) -> Outcome:
        return Outcome.INCONCLUSIVE if self.status is Status.NOT_MEASURED else self.outcome

    def to_json(self) -> dict[str, Any]:
        unverified = self.unverified
        if not unverified and self.status is Status.NOT_MEASURED and self.reason:
            unverified = [Unverified(self.title, self.reason)]
        return {
            "id": self.id, "title": self.title, "status": self.status.value, "reason": self.reason, "score": self.score,
            "outcome": self.resolved_outcome().value, "unverified": [u.to_json() for u in unverified],
            "evidence": self.evidence, "journey": [s.to_json() for s in self.journey],
            "findings": [f.to_json() for f in self.findings], "strengths": self.strengths,
            "duration_ms": self.duration_ms,
        }


@dataclass
class SiteResult:
    start_url: str
    final_url: str | None = None
    error: dict[str, str] | None = None
    crawl: dict[str, Any] = field(default_factory=dict)
    pages: list[dict[str, Any]] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    score: int | None = None
    screenshot: str | None = None
    guard: dict[str, Any] = field(default_factory=dict)
    duration_ms: int = 0
    access: dict[str, Any] = field(default_factory=dict)
    market: dict[str, Any] = field(default_factory=dict)
    consent: dict[str, Any] = field(default_factory=dict)
    login: dict[str, Any] | None = None
    language: str | None = None  # BCP 47, from <html lang> or og:locale
    devices: dict[str, Any] | None = None  # with --device both: {"desktop": {checks, score, ...}, "mobile": {...}}

    def to_json(self) -> dict[str, Any]:
        return {
            "start_url": self.start_url, "final_url": self.final_url, "error": self.error, "crawl": self.crawl,
            "language": self.language,
            "pages": self.pages, "score": self.score, "screenshot": self.screenshot,
            "checks": [c.to_json() for c in self.checks], "guard": self.guard, "duration_ms": self.duration_ms,
            "access": self.access, "market": self.market, "consent": self.consent, "login": self.login,
        } | ({"devices": self.devices} if self.devices is not None else {})


@dataclass
class AuditResult:
    started_at: str
    duration_ms: int
    config: dict[str, Any]
    sites: list[SiteResult]
    browser: dict[str, Any] = field(default_factory=dict)
    gate: dict[str, Any] = field(default_factory=lambda: {"passed": True, "fail_on": "high", "reasons": []})
    baseline: dict[str, Any] | None = None
    incomplete: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "cxaudit", "version": __version__},
            "started_at": self.started_at, "duration_ms": self.duration_ms, "config": self.config,
            "browser": self.browser, "incomplete": self.incomplete, "gate": self.gate,
            "sites": [s.to_json() for s in self.sites], "baseline": self.baseline,
        }


def load_result(path: Path) -> dict[str, Any]:
    from auditor.errors import UsageError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"report file {path} does not exist") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"report file {path} is not a readable report.json ({exc})") from None
    if not isinstance(data, dict) or "sites" not in data or "schema_version" not in data:
        raise UsageError(f"{path} is not a cxaudit report.json")
    return data


def iter_findings(doc: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(site, check, finding) triples of a report document."""
    out = []
    for site in doc.get("sites", []):
        for check in site.get("checks", []):
            for finding in check.get("findings", []):
                out.append((site, check, finding))
    return out
