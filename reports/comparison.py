"""Sites side by side: when one run audits several sites (an agency comparing a client with its competitors),
the journeys-at-a-glance table becomes a comparison table. It gains the LCP p75 and the CX score, and each
comparable row says where a site is best and where it is worst.

Pure and format-free like reports/glance.py, so the HTML, the Markdown and (through the HTML) the PDF show the
same badges. The rules, in the order they apply to one row:
- a value the auditor could not establish (UNKNOWN) is never best nor worst, and is left out of the comparison;
- fewer than two known values, or all known values equal: nothing is marked;
- otherwise every site with the best value is marked best (ties share it), every site with the worst value worst.
What "better" means per row: yes beats no; then fewer steps to payment, fewer clicks to contact, delivery or
returns information, more payment methods, a lower LCP p75, a higher score."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reports.glance import (
    MARK_TEXT,
    ROWS,
    Fact,
    Mark,
    _check,
    _why_unknown,
    format_ms,
    section_id,
    site_facts,
)

LCP_LABEL = "Largest contentful paint (LCP p75)"
SCORE_LABEL = "CX score (0–100)"


class Rank(enum.StrEnum):
    BEST = "best"
    WORST = "worst"


RANK_TEXT = {Rank.BEST: "▲ best", Rank.WORST: "▼ worst"}

# A key orders one site's value in a row: (primary, secondary); higher is better. The secondary refines a tie
# on the primary (yes with 2 clicks beats yes with 3) and is None when not measured.
Key = tuple[float, float | None]


@dataclass(frozen=True)
class Cell:
    """One site's value in one row: the bold part (`head`), a short detail, the mark class (yes, no, unknown,
    or value for a plain measurement), the check whose section explains it (None: the site's own section),
    and the site's rank in the row."""

    head: str
    detail: str
    mark: str
    check_id: str | None
    rank: Rank | None = None

    @property
    def text(self) -> str:
        return self.head + (f" · {self.detail}" if self.detail else "")

    def anchor(self, site_index: int) -> str:
        return section_id(site_index, self.check_id) if self.check_id else f"s{site_index + 1}"


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    cells: list[Cell]  # one per site, in the order the sites were given

    @property
    def ranked(self) -> bool:
        return any(c.rank is not None for c in self.cells)


@dataclass(frozen=True)
class Standing:
    """Where one site stands across the table: the rows it is best in and the rows it is worst in."""

    start_url: str
    best: list[str]
    worst: list[str]


def is_comparison(sites: list[dict[str, Any]]) -> bool:
    """A comparison needs two sites that were audited: next to an unreachable site there is nothing to weigh,
    and such a report keeps the plain journeys-at-a-glance table."""
    return sum(1 for s in sites if not s.get("error")) >= 2


# --- what each glance row's value is worth -------------------------------------------------------------------

def _yes_no(fact: Fact, ev: dict[str, Any]) -> Key | None:
    return (1.0 if fact.mark is Mark.YES else 0.0, None)


def _fewer(value: Any) -> float | None:
    return -float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _steps(fact: Fact, ev: dict[str, Any]) -> Key | None:
    """Reaching payment beats not reaching it; then fewer steps win."""
    return (1.0, _fewer(ev.get("steps_to_payment"))) if fact.mark is Mark.YES else (0.0, None)


def _contact(fact: Fact, ev: dict[str, Any]) -> Key | None:
    return (1.0, _fewer(ev.get("min_clicks_to_contact"))) if fact.mark is Mark.YES else (0.0, None)


def _policy(kind: str) -> Callable[[Fact, dict[str, Any]], Key | None]:
    def key(fact: Fact, ev: dict[str, Any]) -> Key | None:
        return (1.0, _fewer((ev.get("clicks_from_home") or {}).get(kind))) if fact.mark is Mark.YES else (0.0, None)
    return key


def _count(*names: str) -> Callable[[Fact, dict[str, Any]], Key | None]:
    """More payment methods win; 'none shown' counts as zero."""
    def key(fact: Fact, ev: dict[str, Any]) -> Key | None:
        if fact.mark is Mark.NO:
            return (0.0, None)
        methods = next((ev[n] for n in names if isinstance(ev.get(n), list)), None)
        if fact.mark is Mark.YES and methods is not None:
            return (float(len(methods)), None)
        return None
    return key


KEYS: dict[str, Callable[[Fact, dict[str, Any]], Key | None]] = {
    "Search box found": _yes_no,
    "Known product found by its exact name": _yes_no,
    "Checkout reached": _yes_no,
    "Payment step reached (steps to it)": _steps,
    "Guest checkout": _yes_no,
    "Contact channels (clicks from home)": _contact,
    "Delivery information found": _policy("shipping"),
    "Returns information found": _policy("returns"),
    "Payment methods shown before checkout": _count("advertised_before_checkout", "shown_before_checkout"),
    "Payment methods at checkout": _count("offered_at_payment_step", "payment_step_methods"),
}


def rank(keys: list[Key | None]) -> list[Rank | None]:
    """Best and worst among the known keys (None: unknown, never ranked). Within one primary value, a secondary
    that was not measured for one site is ignored for all of them: the others' numbers cannot beat it."""
    unmeasured = {k[0] for k in keys if k is not None and k[1] is None}
    flat: list[tuple[float, float] | None] = [
        None if k is None else (k[0], 0.0 if k[0] in unmeasured or k[1] is None else k[1]) for k in keys]
    values = {k for k in flat if k is not None}
    if sum(1 for k in flat if k is not None) < 2 or len(values) < 2:
        return [None] * len(keys)
    best, worst = max(values), min(values)
    return [None if k is None else Rank.BEST if k == best else Rank.WORST if k == worst else None for k in flat]


# --- the two measured rows ----------------------------------------------------------------------------------

def _lcp(site: dict[str, Any]) -> tuple[Cell, Key | None]:
    check = _check(site, "load-time")
    why = _why_unknown(site, check)
    if why is not None or check is None:
        return Cell(MARK_TEXT[Mark.UNKNOWN], why or "", Mark.UNKNOWN.value, "load-time"), None
    ev = check.get("evidence") or {}
    value = (ev.get("p75") or {}).get("lcp_ms")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return Cell(MARK_TEXT[Mark.UNKNOWN], "not measured", Mark.UNKNOWN.value, "load-time"), None
    pages = ev.get("pages_measured")
    detail = f"over {pages} page{'' if pages == 1 else 's'}" if isinstance(pages, int) else ""
    return Cell(format_ms(value), detail, "value", "load-time"), (-float(value), None)


def _score(site: dict[str, Any]) -> tuple[Cell, Key | None]:
    score = site.get("score")
    if site.get("error") or not isinstance(score, int | float) or isinstance(score, bool):
        return Cell(MARK_TEXT[Mark.UNKNOWN], "site not audited" if site.get("error") else "not scored",
                    Mark.UNKNOWN.value, None), None
    return Cell(f"{score:g} / 100", "", "value", None), (float(score), None)


def _ranked(label: str, pairs: list[tuple[Cell, Key | None]]) -> ComparisonRow:
    ranks = rank([key for _cell, key in pairs])
    return ComparisonRow(label, [Cell(c.head, c.detail, c.mark, c.check_id, r) for (c, _k), r in zip(pairs, ranks, strict=True)])


def comparison_rows(sites: list[dict[str, Any]]) -> list[ComparisonRow]:
    """The comparison table: the glance rows (same labels, same texts) then LCP p75 and score, each ranked."""
    columns = [site_facts(site) for site in sites]
    rows = []
    for i, (label, check_id, _rule) in enumerate(ROWS):
        keyer = KEYS.get(label)
        pairs: list[tuple[Cell, Key | None]] = []
        for site, facts in zip(sites, columns, strict=True):
            fact = facts[i]
            cell = Cell(MARK_TEXT[fact.mark], fact.detail, fact.mark.value, fact.check_id)
            check = _check(site, check_id)
            key = None if fact.mark is Mark.UNKNOWN or keyer is None else keyer(fact, (check or {}).get("evidence") or {})
            pairs.append((cell, key))
        rows.append(_ranked(label, pairs))
    rows.append(_ranked(LCP_LABEL, [_lcp(site) for site in sites]))
    rows.append(_ranked(SCORE_LABEL, [_score(site) for site in sites]))
    return rows


def standings(sites: list[dict[str, Any]], rows: list[ComparisonRow]) -> list[Standing]:
    """Per site, in the order given: the rows where it is best and where it is worst."""
    return [Standing(str(site.get("start_url") or ""),
                     [r.label for r in rows if r.cells[i].rank is Rank.BEST],
                     [r.label for r in rows if r.cells[i].rank is Rank.WORST]) for i, site in enumerate(sites)]
