"""Sites side by side: the comparison table of a run over several sites marks, per journey fact, where a site is
best and where it is worst, and never ranks what the auditor could not establish."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from reports import write_reports
from reports.comparison import LCP_LABEL, SCORE_LABEL, Rank, comparison_rows, is_comparison, rank, standings
from reports.glance import glance_rows
from reports.pdf_report import render_pdf
from tests.reports.builders import EVIL, check, sample, site
from tests.reports.pdf_text import page_texts, squeeze

B, W = Rank.BEST, Rank.WORST
YES, NO = (1.0, None), (0.0, None)


@pytest.mark.parametrize(("keys", "expected"), [
    ([YES, NO], [B, W]),                                        # yes beats no
    ([NO, YES, YES], [W, B, B]),                                # ties share best
    ([YES, NO, NO], [B, W, W]),                                 # ... and worst
    ([YES, YES], [None, None]),                                 # all equal: nothing
    ([YES, None], [None, None]),                                # fewer than two known values: nothing
    ([None, None, None], [None, None, None]),
    ([YES, NO, None], [B, W, None]),                            # unknown is never best nor worst
    ([(-300.0, None), (-2000.0, None), (-900.0, None)], [B, W, None]),  # the middle one is neither
    ([(1.0, -4.0), (1.0, -3.0), (0.0, None)], [None, B, W]),    # yes with fewer steps beats yes with more
    ([(1.0, -4.0), (1.0, None), (0.0, None)], [B, B, W]),       # a yes without its number ties with the others
    ([(1.0, -2.0), (1.0, -2.0), (1.0, -5.0)], [B, B, W]),
])
def test_rank_truth_table(keys: list[Any], expected: list[Rank | None]) -> None:
    assert rank(keys) == expected


def load(lcp: float | None, *, status: str = "passed", outcome: str | None = "reached") -> dict[str, Any]:
    return check("load-time", status=status, outcome=outcome,
                 evidence={"pages_measured": 5, "p75": {"lcp_ms": lcp, "ttfb_ms": 100}})


def checkout(steps: int | None, guest: str = "offered", **kw: Any) -> dict[str, Any]:
    ev = {"checkout_reached": steps is not None, "steps_to_payment": steps, "payment_step_reached": steps is not None,
          "guest_checkout": guest, "stopped_because": None if steps is not None else "the cart page answered HTTP 500"}
    return check("checkout-journey", evidence=ev, **kw)


def contact(clicks: int | None, channels: list[str] | None = None) -> dict[str, Any]:
    return check("support-contact", evidence={"channels": [{"type": t} for t in (channels or ["email"])],
                                               "min_clicks_to_contact": clicks})


def payment(before: list[str] | None, at_checkout: list[str] | None) -> dict[str, Any]:
    return check("payment-options", evidence={"advertised_before_checkout": before, "offered_at_payment_step": at_checkout})


def search(found: bool) -> dict[str, Any]:
    return check("site-search", evidence={"search_input_found": found, "visible_without_click": found, "via": "input" if found else None,
                                          "queries": []})


def row(sites: list[dict[str, Any]], label: str) -> list[Rank | None]:
    return [c.rank for c in next(r for r in comparison_rows(sites) if r.label == label).cells]


def test_lowest_lcp_is_marked_best_and_highest_worst() -> None:
    sites = [site("https://a.example/", load(2100)), site("https://b.example/", load(900)),
             site("https://c.example/", load(4300)), site("https://d.example/", load(1500))]
    assert row(sites, LCP_LABEL) == [None, B, W, None]
    cells = next(r for r in comparison_rows(sites) if r.label == LCP_LABEL).cells
    assert [c.text for c in cells] == ["2.10 s · over 5 pages", "900 ms · over 5 pages", "4.30 s · over 5 pages",
                                       "1.50 s · over 5 pages"]
    assert cells[0].anchor(0) == "s1-load-time"


def test_an_lcp_that_could_not_be_measured_is_never_ranked() -> None:
    sites = [site("https://a.example/", load(900)), site("https://b.example/", load(None)),
             site("https://c.example/", load(5000, status="not_measured", outcome="inconclusive")),
             site("https://d.example/")]
    assert row(sites, LCP_LABEL) == [None, None, None, None]  # one known value only
    cells = next(r for r in comparison_rows(sites) if r.label == LCP_LABEL).cells
    assert [c.mark for c in cells] == ["value", "unknown", "unknown", "unknown"]
    assert cells[3].text == "? could not be verified · not checked in this run"


def test_highest_score_is_best_lowest_worst_and_an_unreachable_site_is_neither() -> None:
    down = site("https://down.example/", error={"code": "unreachable", "message": "refused"})
    sites = [site("https://a.example/", score=71), site("https://b.example/", score=93), down,
             site("https://c.example/", score=55)]
    assert row(sites, SCORE_LABEL) == [None, B, None, W]
    cells = next(r for r in comparison_rows(sites) if r.label == SCORE_LABEL).cells
    assert [c.text for c in cells] == ["71 / 100", "93 / 100", "? could not be verified · site not audited", "55 / 100"]
    assert cells[1].anchor(1) == "s2"


def test_fewest_steps_to_payment_is_best_and_not_reaching_payment_is_worst() -> None:
    sites = [site("https://a.example/", checkout(4)), site("https://b.example/", checkout(2)),
             site("https://c.example/", checkout(None, "not_reached", status="failed", outcome="blocked")),
             site("https://d.example/", checkout(3, status="not_measured", outcome="inconclusive"))]
    assert row(sites, "Payment step reached (steps to it)") == [None, B, W, None]


def test_guest_checkout_offered_beats_a_forced_account() -> None:
    sites = [site("https://a.example/", checkout(3, "forced_account")), site("https://b.example/", checkout(3, "offered")),
             site("https://c.example/", checkout(3, "not_reached"))]
    assert row(sites, "Guest checkout") == [W, B, None]


def test_fewest_contact_clicks_are_best_and_no_channel_at_all_is_worst() -> None:
    sites = [site("https://a.example/", contact(2)), site("https://b.example/", contact(0)),
             site("https://c.example/", check("support-contact", evidence={"channels": [], "min_clicks_to_contact": None},
                                              status="failed"))]
    assert row(sites, "Contact channels (clicks from home)") == [None, B, W]
    two = [site("https://a.example/", contact(2)), site("https://b.example/", contact(1))]
    assert row(two, "Contact channels (clicks from home)") == [W, B]


def test_most_payment_methods_are_best_and_fewest_worst() -> None:
    sites = [site("https://a.example/", payment(["visa", "paypal"], ["card", "paypal", "klarna"])),
             site("https://b.example/", payment([], ["card"])),
             site("https://c.example/", payment(["visa", "paypal", "apple_pay"], None))]
    assert row(sites, "Payment methods shown before checkout") == [None, W, B]
    assert row(sites, "Payment methods at checkout") == [B, W, None]


def test_search_found_beats_none_and_ties_share_best() -> None:
    sites = [site("https://a.example/", search(True)), site("https://b.example/", search(False)),
             site("https://c.example/", search(True))]
    assert row(sites, "Search box found") == [B, W, B]


def test_a_row_where_all_sites_are_equal_marks_nothing() -> None:
    sites = [site("https://a.example/", search(True), checkout(3), score=80),
             site("https://b.example/", search(True), checkout(3), score=80)]
    rows = comparison_rows(sites)
    assert not any(r.ranked for r in rows)


def test_the_comparison_keeps_the_glance_rows_and_adds_lcp_and_score() -> None:
    sites = [site("https://a.example/", search(True), checkout(4), contact(1), load(1000)),
             site("https://b.example/", search(False), checkout(None, "forced_account", status="failed", outcome="blocked"))]
    rows = comparison_rows(sites)
    glance = glance_rows(sites)
    assert [r.label for r in rows] == [g.label for g in glance] + [LCP_LABEL, SCORE_LABEL]
    for r, g in zip(rows, glance, strict=False):
        assert [c.text for c in r.cells] == [f.text for f in g.facts]
        assert [c.anchor(i) for i, c in enumerate(r.cells)] == [f"s{i + 1}-{f.check_id}" for i, f in enumerate(g.facts)]


def test_standings_say_where_each_site_is_best_and_worst() -> None:
    sites = [site("https://a.example/", search(True), load(900), score=90),
             site("https://b.example/", search(False), load(3000), score=60),
             site("https://c.example/", search(True), load(1200), score=75)]
    [a, b, c] = standings(sites, comparison_rows(sites))
    assert a.best == ["Search box found", LCP_LABEL, SCORE_LABEL] and a.worst == []
    assert b.best == [] and b.worst == ["Search box found", LCP_LABEL, SCORE_LABEL]
    assert c.best == ["Search box found"] and c.worst == []


def test_only_two_audited_sites_make_a_comparison() -> None:
    down = site("https://down.example/", error={"code": "unreachable", "message": "refused"})
    assert not is_comparison([site("https://a.example/")])
    assert not is_comparison([site("https://a.example/"), down])  # the stored sample: one audited site
    assert is_comparison([site("https://a.example/"), down, site("https://b.example/")])


# --- rendering -----------------------------------------------------------------------------------------------

def three_shops() -> dict[str, Any]:
    """The stored demo-shop result and two competitors derived from it: one slower with a forced account, one
    faster with no search; the unreachable site stays as a fourth column."""
    doc = sample()
    demo, down = doc["sites"]
    slow, fast = copy.deepcopy(demo), copy.deepcopy(demo)
    slow["start_url"], fast["start_url"] = "https://slow.example/", "https://fast.example/"
    for shop, lcp, score in ((slow, 3900.0, 61), (fast, 150.0, 97)):
        shop["score"] = score
        next(c for c in shop["checks"] if c["id"] == "load-time")["evidence"]["p75"]["lcp_ms"] = lcp
    ev = next(c for c in slow["checks"] if c["id"] == "checkout-journey")["evidence"]
    ev.update(guest_checkout="forced_account", steps_to_payment=6)
    search_ev = next(c for c in fast["checks"] if c["id"] == "site-search")["evidence"]
    search_ev.update(search_input_found=False, via=None, queries=[])
    doc["sites"] = [demo, slow, fast, down]
    return doc


def cell_texts(table: Any, label: str) -> list[str]:
    tr = next(tr for tr in table.select("tbody tr") if tr.find("th").get_text() == label)
    return [" ".join(td.get_text(" ").split()) for td in tr.find_all("td")]


def test_html_comparison_table_shows_best_and_worst_as_text_badges(tmp_path: Path) -> None:
    write_reports(three_shops(), tmp_path, ["html"])
    soup = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "lxml")
    [table] = soup.select("#journeys-at-a-glance")
    assert len(table.select("tbody tr")) == 12
    assert table.find("caption").get_text() == "Journeys at a glance: sites side by side"
    lcp = cell_texts(table, LCP_LABEL)
    assert lcp[0].startswith("217 ms") and not lcp[0].endswith(("best", "worst"))
    assert lcp[1].endswith("▼ worst") and lcp[2].endswith("▲ best") and lcp[3].startswith("? could not be verified")
    assert [c.rsplit(" ", 1)[-1] for c in cell_texts(table, SCORE_LABEL)][:3] == ["100", "worst", "best"]
    assert cell_texts(table, "Guest checkout")[1].endswith("▼ worst")
    assert [c.endswith("▲ best") for c in cell_texts(table, "Search box found")] == [True, True, False, False]
    assert table.select_one("td.worst .rank.worst").get_text() == "▼ worst"
    stands = [" ".join(li.get_text(" ").split()) for li in soup.select("ul.standings li")]
    assert stands[2].startswith("https://fast.example/ : best in ") and "worst in Search box found" in stands[2]
    assert stands[3].endswith("neither best nor worst in any row")


def test_markdown_comparison_table_shows_best_and_worst_in_words(tmp_path: Path) -> None:
    write_reports(three_shops(), tmp_path, ["markdown"])
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "## Journeys at a glance: sites side by side" in md
    lcp = next(line for line in md.splitlines() if line.startswith(f"| {LCP_LABEL} |"))
    assert "[3.90 s · over 12 pages](#s2-load-time) **▼ worst**" in lcp and "(#s3-load-time) **▲ best**" in lcp
    assert "- **https://fast.example/**: best in " in md
    html = MarkdownIt("commonmark").enable("table").render(md)
    table = BeautifulSoup(html, "lxml").find("table")
    assert len(table.select("tbody tr")) == 12 and "<strong>▲ best</strong>" in str(table)


def test_a_hostile_site_address_and_text_stay_escaped_in_the_comparison(tmp_path: Path) -> None:
    doc = three_shops()
    doc["sites"][1]["start_url"] = EVIL
    next(c for c in doc["sites"][2]["checks"] if c["id"] == "checkout-journey")["evidence"]["stopped_because"] = EVIL
    next(c for c in doc["sites"][0]["checks"] if c["id"] == "load-time").update(
        status="not_measured", outcome="inconclusive", reason=EVIL)
    write_reports(doc, tmp_path, ["html", "markdown"])
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and 'onerror="' not in html and "&lt;script&gt;" in html
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered


def test_pdf_carries_the_best_and_worst_badges_on_its_first_page(tmp_path: Path) -> None:
    write_reports(three_shops(), tmp_path, ["html"])
    first = squeeze(page_texts(render_pdf(tmp_path / "report.html", tmp_path / "report.pdf"))[0])
    assert squeeze("sites side by side") in first
    assert squeeze("best") in first and squeeze("worst") in first
    assert squeeze("CX score (0–100)") in first
