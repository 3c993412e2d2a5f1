"""Journeys at a glance: the questions a client asks first ('can customers search, buy as a guest, find
help, pay the way they want?') answered from the checks' evidence, one row per fact, one column per site.

Pure and format-free, so the HTML, the Markdown and (through the HTML) the PDF show the very same marks.
A fact the auditor could not establish (its check was inconclusive, not run, or the evidence is null) is
marked UNKNOWN, never NO: a client must not read the auditor's blind spot as the site's failure."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

GLANCE_ID = "journeys-at-a-glance"  # in the public contract: the HTML table's id


class Mark(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


MARK_TEXT = {Mark.YES: "✓ yes", Mark.NO: "✗ no", Mark.UNKNOWN: "? could not be verified"}

METHOD_NAMES = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express", "paypal": "PayPal",
                "apple_pay": "Apple Pay", "google_pay": "Google Pay", "amazon_pay": "Amazon Pay",
                "shop_pay": "Shop Pay", "klarna": "Klarna", "afterpay": "Afterpay", "affirm": "Affirm", "ideal": "iDEAL",
                "sepa_debit": "SEPA Direct Debit", "card": "card", "cash_on_delivery": "cash on delivery"}


@dataclass(frozen=True)
class Fact:
    """One cell: the mark, a short detail in the client's words, and the check whose section explains it."""

    mark: Mark
    detail: str
    check_id: str

    @property
    def text(self) -> str:
        return MARK_TEXT[self.mark] + (f" · {self.detail}" if self.detail else "")


@dataclass(frozen=True)
class GlanceRow:
    label: str
    facts: list[Fact]  # one per site, in the order the sites were given


def section_id(site_index: int, check_id: str) -> str:
    """The anchor of a check's section in the HTML report; `site_index` counts from 0."""
    return f"s{site_index + 1}-{check_id}"


def format_ms(value: Any) -> str:
    if not isinstance(value, int | float):
        return "–"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _methods(ids: list[Any], limit: int = 5) -> str:
    names = [METHOD_NAMES.get(str(i), str(i).replace("_", " ")) for i in ids]
    return ", ".join(names[:limit]) + (f" +{len(names) - limit} more" if len(names) > limit else "")


def _short(reason: str, limit: int = 70) -> str:
    """The first clause of a reason: the table is read at a glance, the check's section tells the rest."""
    first = re.split(r"[,;:(]\s", reason, maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[:limit - 1].rstrip() + "…"


def _check(site: dict[str, Any], check_id: str) -> dict[str, Any] | None:
    return next((c for c in site.get("checks") or [] if c.get("id") == check_id), None)


def _why_unknown(site: dict[str, Any], check: dict[str, Any] | None) -> str | None:
    """Why nothing about this check can be stated, or None when its evidence can be read."""
    if site.get("error"):
        return "site not audited"
    if check is None:
        return "not checked in this run"
    if check.get("status") == "not_measured" or check.get("outcome") == "inconclusive":
        notes = check.get("unverified") or []
        return _short(str(check.get("reason") or (notes[0].get("reason") if notes else None) or "the auditor could not tell"))
    if check.get("status") == "not_applicable":
        return str(check.get("reason") or "not applicable")
    return None


def _blocked(check: dict[str, Any]) -> bool:
    """The site stopped the customer (so what lies beyond is a no). Version-1 documents have no outcome: a
    failed check stands for it there."""
    return check.get("outcome") == "blocked" or (check.get("outcome") is None and check.get("status") == "failed")


Rule = Callable[[dict[str, Any], dict[str, Any]], tuple[Mark, str]]


def _search_box(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    found = ev.get("search_input_found")
    if found is True:
        return Mark.YES, "visible on the home page" if ev.get("visible_without_click") else "behind a click"
    if found is False:
        return Mark.NO, "search only through a URL" if ev.get("via") == "url_template" else "none found"
    return Mark.UNKNOWN, "not measured"


def _known_product(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    query = next((q for q in ev.get("queries") or [] if q.get("kind") == "known_product"), None)
    if query is None:
        if ev.get("search_input_found") is False and ev.get("via") is None:
            return Mark.NO, "no search box to type it in"
        return Mark.UNKNOWN, "not tried"
    if "product_source_url" in ev and not ev.get("product_source_url"):
        return Mark.UNKNOWN, "no verified product page to take a name from"
    if query.get("error") or query.get("results_count") is None or query.get("relevant_results") is None:
        return Mark.UNKNOWN, _short(str(query.get("error") or "the results could not be read"))
    took = f" in {format_ms(query['time_ms'])}" if isinstance(query.get("time_ms"), int | float) else ""
    if query["relevant_results"] > 0:
        return Mark.YES, f"“{query.get('query')}” · results{took}"
    return Mark.NO, f"“{query.get('query')}”: not among {_plural(query['results_count'], 'result')}{took}"


def _checkout_reached(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    if ev.get("checkout_reached") is True:
        return Mark.YES, "from a product page"
    if ev.get("checkout_reached") is False and _blocked(check):
        return Mark.NO, _short(str(ev.get("stopped_because") or "the site stopped the customer"))
    return Mark.UNKNOWN, "not measured"


def _steps_to_payment(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    steps = ev.get("steps_to_payment")
    if isinstance(steps, int):
        return Mark.YES, _plural(steps, "step")
    if _blocked(check) and ev.get("payment_step_reached") is not True:
        return Mark.NO, "not reached: " + _short(str(ev.get("stopped_because") or "the site stopped the customer"))
    return Mark.UNKNOWN, "not measured"


def _guest_checkout(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    guest = ev.get("guest_checkout")
    if guest == "offered":
        return Mark.YES, "offered first" if ev.get("guest_first") else "offered"
    if guest == "forced_account":
        return Mark.NO, "an account is required"
    return Mark.UNKNOWN, "the account step was not reached"


def _contact(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    channels = ev.get("channels")
    if channels is None:
        return Mark.UNKNOWN, "not measured"
    if not channels:
        return Mark.NO, "no phone, email, form or chat found"
    kinds = ", ".join(dict.fromkeys(str(c.get("type", "")).replace("_", " ") for c in channels))
    clicks = ev.get("min_clicks_to_contact")
    where = ("on the home page" if clicks == 0 else f"{_plural(clicks, 'click')} from home") if isinstance(clicks, int) \
        else "clicks from home not measured"
    return Mark.YES, f"{kinds} · {where}"


def _policy(kind: str, url_key: str) -> Rule:
    def rule(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
        if url_key not in ev:
            return Mark.UNKNOWN, "not measured"
        if not ev[url_key]:
            return Mark.NO, "no page found"
        clicks = (ev.get("clicks_from_home") or {}).get(kind)
        return Mark.YES, _plural(clicks, "click") + " from home" if isinstance(clicks, int) else "page found"
    return rule


def _paid_before(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    methods = ev.get("advertised_before_checkout", ev.get("shown_before_checkout"))
    if methods is None:
        return Mark.UNKNOWN, "not measured"
    return (Mark.YES, _methods(methods)) if methods else (Mark.NO, "none shown on pages before checkout")


def _paid_at_checkout(check: dict[str, Any], ev: dict[str, Any]) -> tuple[Mark, str]:
    if "offered_at_payment_step" in ev:
        methods = ev["offered_at_payment_step"]
    else:  # version 1 documents
        methods = ev.get("payment_step_methods") if ev.get("payment_step_reached") else None
    if methods is None:
        return Mark.UNKNOWN, "the payment step was not reached"
    return (Mark.YES, _methods(methods)) if methods else (Mark.UNKNOWN, "none recognised at the payment step")


ROWS: tuple[tuple[str, str, Rule], ...] = (
    ("Search box found", "site-search", _search_box),
    ("Known product found by its exact name", "site-search", _known_product),
    ("Checkout reached", "checkout-journey", _checkout_reached),
    ("Payment step reached (steps to it)", "checkout-journey", _steps_to_payment),
    ("Guest checkout", "checkout-journey", _guest_checkout),
    ("Contact channels (clicks from home)", "support-contact", _contact),
    ("Delivery information found", "delivery-returns", _policy("shipping", "shipping_info_url")),
    ("Returns information found", "delivery-returns", _policy("returns", "returns_policy_url")),
    ("Payment methods shown before checkout", "payment-options", _paid_before),
    ("Payment methods at checkout", "payment-options", _paid_at_checkout),
)


def site_facts(site: dict[str, Any]) -> list[Fact]:
    """The facts of one site, in ROWS order."""
    facts = []
    for _label, check_id, rule in ROWS:
        check = _check(site, check_id)
        why = _why_unknown(site, check)
        if why is not None or check is None:
            facts.append(Fact(Mark.UNKNOWN, why or "", check_id))
            continue
        mark, detail = rule(check, check.get("evidence") or {})
        facts.append(Fact(mark, detail, check_id))
    return facts


def glance_rows(sites: list[dict[str, Any]]) -> list[GlanceRow]:
    """The at-a-glance table, one column per site: for one site it is the journey summary under the score; for
    several it is the comparison table of the combined report. One function, so the two never differ."""
    columns = [site_facts(site) for site in sites]
    return [GlanceRow(label, [column[i] for column in columns]) for i, (label, _c, _r) in enumerate(ROWS)]
