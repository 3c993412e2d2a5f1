"""One card per problem, worst first, from hand-written findings."""

from __future__ import annotations

from typing import Any

from reports.cards import check_cards, site_cards
from reports.summary import executive_summary


def finding(code: str, severity: str, page: str | None = None, value: float | None = None, rating: str | None = None,
            **extra: Any) -> dict[str, Any]:
    measurement = {"name": "TBT", "value": value, "unit": "ms", "threshold": 200, "rating": rating} if value else None
    return {"code": code, "severity": severity, "title": f"title of {code}", "observed": f"seen on {page}",
            "impact": {"statement": "s", "dimension": "speed", "citations": []}, "fix": "f", "page_url": page,
            "measurement": measurement, "confidence": "confirmed", **extra}


def test_five_pages_with_one_code_become_one_card_with_five_rows_worst_first() -> None:
    tbt = "load-time/main-thread-blocking"
    check = {"id": "load-time", "findings": [
        finding(tbt, "low", "https://s.example/c", 400, "needs-improvement"),
        finding(tbt, "medium", "https://s.example/", 700, "poor"),
        finding(tbt, "info", "https://s.example/r", 350, "needs-improvement"),
        finding(tbt, "medium", "https://s.example/p", 900, "poor"),
        finding(tbt, "low", "https://s.example/k", 1200, "poor")]}
    roles = {"https://s.example/": "home", "https://s.example/p": "product"}
    [card] = check_cards(check, roles)
    assert card.count == 5 and card.scope == "5 page types" and card.severity == "medium"
    assert [r.url for r in card.rows] == ["https://s.example/p", "https://s.example/", "https://s.example/k",
                                          "https://s.example/c", "https://s.example/r"]
    assert card.rows[0].measured == "TBT 900 ms (poor)" and card.rows[0].page_type == "product"
    assert card.lead["observed"] == "seen on https://s.example/p"


def test_cards_run_from_critical_to_info_then_by_pages_touched() -> None:
    check = {"id": "site-search", "findings": [
        finding("x/info", "info"), finding("x/high", "high", "a"), finding("x/medium-one", "medium", "a"),
        finding("x/critical", "critical"), finding("x/medium-two", "medium", "a"), finding("x/medium-two", "medium", "b")]}
    cards = check_cards(check)
    assert [c.code for c in cards] == ["x/critical", "x/high", "x/medium-two", "x/medium-one", "x/info"]
    assert cards[2].scope == "2 pages" and cards[0].scope == ""


def test_top_list_spans_checks_and_leaves_out_cards_ignored_on_every_page() -> None:
    site = {"checks": [
        {"id": "load-time", "findings": [finding("load-time/slow-lcp", "high", "a")]},
        {"id": "site-search", "findings": [finding("site-search/known-product-not-found", "critical", "q")]},
        {"id": "support-contact", "findings": [finding("support-contact/form-only", "critical", "c", ignored=True)]},
        {"id": "payment-options", "findings": [finding("payment-options/few-methods", "critical", "x", ignored=True),
                                               finding("payment-options/few-methods", "medium", "y")]}]}
    top = site_cards(site, include_ignored=False)
    assert [(c.code, c.severity) for c in top] == [("site-search/known-product-not-found", "critical"),
                                                   ("load-time/slow-lcp", "high"), ("payment-options/few-methods", "medium")]
    assert len(site_cards(site)) == 4


def test_the_executive_summary_names_a_problem_on_many_pages_once() -> None:
    site = {"score": 40, "error": None, "checks": [{"id": "load-time", "status": "failed", "findings": [
        finding("load-time/slow-lcp", "high", page) for page in ("a", "b", "c")]}]}
    text = executive_summary(site)
    assert text.count("title of load-time/slow-lcp") == 1
    assert "The most urgent problem is: title of load-time/slow-lcp." in text
