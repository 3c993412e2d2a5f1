"""One card per problem, worst first.

report.json keeps one finding per page, because baselines key on (site, code, page). A reader wants the
opposite: one problem told once, with every page it touches listed under it. So grouping happens here, in
the renderers' shared layer, never in the result document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reports.glance import format_ms

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
RATING_ORDER = {"poor": 0, "needs-improvement": 1, "good": 2}
# checks whose findings stand for a page type (load-time rates the 75th percentile per type and names the
# slowest page); a card of theirs counts page types, not pages
PER_PAGE_TYPE_CHECKS = frozenset({"load-time"})


@dataclass(frozen=True)
class AffectedPage:
    """One finding of a card: where it was seen and what was measured there."""

    url: str | None
    page_type: str | None
    measured: str | None
    severity: str
    observed: str
    confidence: str
    ignored: bool
    finding: dict[str, Any]


@dataclass(frozen=True)
class Card:
    """Every finding with one code on one site. Impact, sources and fix are the same for each (they come from
    the check's one template), so the card tells them once."""

    code: str
    check: dict[str, Any]
    severity: str
    title: str
    rows: list[AffectedPage]  # worst first
    per_page_type: bool

    @property
    def lead(self) -> dict[str, Any]:
        """The worst finding: its wording, impact, fix and screenshot speak for the card."""
        return self.rows[0].finding

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def scope(self) -> str:
        """'5 page types', '3 pages', or '' for a problem seen once."""
        if self.count < 2:
            return ""
        return f"{self.count} {'page types' if self.per_page_type else 'pages'}"

    @property
    def ignored(self) -> bool:
        return all(r.ignored for r in self.rows)

    @property
    def confidence(self) -> str:
        """confirmed, likely, or mixed (then each row says which)."""
        kinds = {r.confidence for r in self.rows}
        return kinds.pop() if len(kinds) == 1 else "mixed"


def measured_text(measurement: dict[str, Any] | None) -> str | None:
    if not measurement or measurement.get("value") is None:
        return None
    value, unit = measurement["value"], measurement.get("unit") or ""
    shown = format_ms(value) if unit == "ms" else (f"{value:g} {unit}".strip() if isinstance(value, int | float)
                                                   else f"{value} {unit}".strip())
    rating = measurement.get("rating")
    return f"{measurement.get('name') or ''} {shown}".strip() + (f" ({rating.replace('-', ' ')})" if rating else "")


def _row_badness(row: AffectedPage) -> tuple[int, int, float]:
    """Worst first within a card: severity, then rating, then distance from the threshold (in either
    direction, so a too-narrow field sorts like a too-slow page)."""
    m = row.finding.get("measurement") or {}
    value, threshold = m.get("value"), m.get("threshold")
    distance = 0.0
    if isinstance(value, int | float):
        distance = abs(value - threshold) if isinstance(threshold, int | float) else float(value)
    return (SEVERITY_ORDER.get(row.severity, 9), RATING_ORDER.get(m.get("rating") or "", 3), -distance)


def check_cards(check: dict[str, Any], roles: dict[str, str] | None = None) -> list[Card]:
    """The cards of one check, worst first; `roles` maps page URL to page type (from the site's pages)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in check.get("findings") or []:
        groups.setdefault(str(finding.get("code")), []).append(finding)
    cards = []
    for code, findings in groups.items():
        rows = sorted((AffectedPage(url=f.get("page_url"), page_type=(roles or {}).get(f.get("page_url") or ""),
                                    measured=measured_text(f.get("measurement")), severity=str(f.get("severity")),
                                    observed=str(f.get("observed") or ""), confidence=f.get("confidence") or "confirmed",
                                    ignored=bool(f.get("ignored")), finding=f) for f in findings), key=_row_badness)
        counted = [r for r in rows if not r.ignored] or rows
        severity = min((r.severity for r in counted), key=lambda s: SEVERITY_ORDER.get(s, 9))
        cards.append(Card(code=code, check=check, severity=severity, title=str(rows[0].finding.get("title") or code),
                          rows=rows, per_page_type=check.get("id") in PER_PAGE_TYPE_CHECKS))
    return worst_first(cards)


def worst_first(cards: list[Card]) -> list[Card]:
    """Severity (critical to info), then how many pages a problem touches; otherwise the check's own order."""
    return sorted(cards, key=lambda c: (SEVERITY_ORDER.get(c.severity, 9), -c.count))


def site_roles(site: dict[str, Any]) -> dict[str, str]:
    return {str(p.get("url")): str(p.get("role")) for p in site.get("pages") or [] if p.get("role")}


def site_cards(site: dict[str, Any], *, include_ignored: bool = True) -> list[Card]:
    """Every card of a site across its checks, worst first (the top-findings list)."""
    roles = site_roles(site)
    cards = [card for check in site.get("checks") or [] for card in check_cards(check, roles)]
    return worst_first([c for c in cards if include_ignored or not c.ignored])
