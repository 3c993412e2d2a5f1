"""Mobile next to desktop (`--device both`): each journey's result, steps, time and score on both profiles, and
the findings seen on one profile only, from hand-built results (no engine involved)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from reports import write_reports
from reports.devices import device_comparison, journey_time_ms
from tests.reports.builders import (
    BANNER,
    BANNER_OBSERVED,
    BANNER_TITLE,
    SEARCH_HIDDEN,
    SEARCH_HIDDEN_OBSERVED,
    SEARCH_HIDDEN_TITLE,
    both_devices_document,
    check,
    finding,
    sample,
    site,
)

HIDDEN = finding(SEARCH_HIDDEN, SEARCH_HIDDEN_OBSERVED, title=SEARCH_HIDDEN_TITLE)
NARROW = finding("site-search/search-narrow", "The box fits 14 characters.", severity="low")


def on_both(desktop: list[dict], mobile: list[dict], *, desktop_score: int | None = 90,
            mobile_score: int | None = 70) -> dict:
    shop = site("https://shop.example/", *desktop, score=desktop_score)
    shop["devices"] = {"desktop": {"checks": desktop, "score": desktop_score}, "mobile": {"checks": mobile, "score": mobile_score}}
    return shop


def test_finding_only_on_mobile_is_listed_as_a_difference() -> None:
    dc = device_comparison(on_both([check("site-search", findings=[NARROW])],
                                   [check("site-search", findings=[NARROW, HIDDEN])]))
    assert dc is not None
    [diff] = dc.differences
    assert (diff.only_on, diff.code, diff.title, diff.observed) == ("mobile", SEARCH_HIDDEN, SEARCH_HIDDEN_TITLE,
                                                                     SEARCH_HIDDEN_OBSERVED)
    assert diff.check_id == "site-search" and diff.severity == "medium" and diff.count == 1
    assert dc.only_on("desktop") == []


def test_finding_only_on_desktop_is_listed_and_one_on_both_is_not() -> None:
    dc = device_comparison(on_both([check("site-search", findings=[NARROW, HIDDEN])], [check("site-search", findings=[HIDDEN])]))
    assert dc is not None
    assert [(d.only_on, d.code) for d in dc.differences] == [("desktop", "site-search/search-narrow")]


def test_the_same_code_on_several_pages_is_one_difference_told_by_its_worst_finding() -> None:
    slow = [finding("load-time/slow-lcp", f"LCP on page {i}", severity=sev, page_url=f"https://shop.example/{i}")
            for i, sev in enumerate(["low", "high", "medium"])]
    dc = device_comparison(on_both([check("load-time")], [check("load-time", findings=slow)]))
    assert dc is not None
    [diff] = dc.differences
    assert (diff.count, diff.severity, diff.observed, diff.page_url) == (3, "high", "LCP on page 1", "https://shop.example/1")


def test_mobile_only_differences_come_first_then_worst_first() -> None:
    dc = device_comparison(on_both(
        [check("site-search", findings=[NARROW]), check("checkout-journey", findings=[finding("checkout-journey/too-many-steps", "9", severity="high")])],
        [check("site-search", findings=[HIDDEN]), check("checkout-journey", findings=[finding("checkout-journey/checkout-stuck", "x", severity="critical")])]))
    assert dc is not None
    assert [(d.only_on, d.severity) for d in dc.differences] == [("mobile", "critical"), ("mobile", "medium"),
                                                                  ("desktop", "high"), ("desktop", "low")]


def test_each_journey_shows_result_steps_time_and_score_on_both_profiles() -> None:
    dc = device_comparison(on_both(
        [check("checkout-journey", steps_ms=[500, 700, 300], score=90), check("load-time")],
        [check("checkout-journey", status="failed", outcome="blocked", steps_ms=[900, 800, 1200, 2000], score=40)]))
    assert dc is not None and (dc.desktop_score, dc.mobile_score) == (90, 70)
    [row] = dc.rows  # load-time is no journey (no steps, not a journey check)
    assert (row.check_id, row.desktop.result, row.mobile.result) == ("checkout-journey", "passed · reached", "failed · blocked")
    assert (row.desktop.steps, row.mobile.steps, row.desktop.time_ms, row.mobile.time_ms) == (3, 4, 1500, 4900)
    assert (row.desktop.time_text, row.mobile.time_text) == ("1.50 s", "4.90 s")
    assert row.differences == ["mobile failed · blocked, desktop passed · reached", "mobile takes 1 step more",
                               "mobile 3.40 s slower", "mobile scores 50 lower"]


def test_a_journey_that_agrees_on_both_profiles_says_so_and_small_time_gaps_are_not_differences() -> None:
    dc = device_comparison(on_both([check("support-contact", steps_ms=[1000, 1000])],
                                   [check("support-contact", steps_ms=[1100, 1200])]))
    assert dc is not None
    assert dc.rows[0].differences == [] and dc.rows[0].summary == "same on both"


def test_journey_time_is_the_sum_of_step_times_else_the_check_duration() -> None:
    assert journey_time_ms(check("site-search", steps_ms=[100, 250], duration_ms=9000)) == 350
    assert journey_time_ms(check("support-contact", duration_ms=135)) == 135
    assert journey_time_ms(check("support-contact", duration_ms=None)) is None


def test_findings_of_a_profile_that_could_not_be_verified_are_not_read_as_differences() -> None:
    stuck = finding("checkout-journey/too-many-fields", "22 fields")
    dc = device_comparison(on_both(
        [check("checkout-journey", findings=[stuck], steps_ms=[100])],
        [check("checkout-journey", status="not_measured", outcome="inconclusive", reason="the postcode was refused",
               steps_ms=[100, 200])]))
    assert dc is not None
    assert dc.differences == []
    assert dc.rows[0].mobile.result == "could not be verified"
    assert dc.rows[0].summary == "not compared: mobile could not be verified"


def test_a_journey_run_on_one_profile_only_is_shown_but_not_compared() -> None:
    dc = device_comparison(on_both([check("site-search", findings=[NARROW], steps_ms=[10])], []))
    assert dc is not None
    assert dc.rows[0].mobile.result == "not run" and dc.rows[0].summary == "not run on mobile"
    assert dc.differences == []


def test_any_check_with_journey_steps_is_a_journey_and_order_follows_desktop() -> None:
    dc = device_comparison(on_both(
        [check("load-time"), check("consent-banner", steps_ms=[0]), check("site-search")],
        [check("site-search"), check("reviews-feedback", steps_ms=[50]), check("consent-banner", steps_ms=[0]), check("load-time")]))
    assert dc is not None
    assert [r.check_id for r in dc.rows] == ["consent-banner", "site-search", "reviews-feedback"]


def test_a_site_without_devices_or_not_audited_has_no_comparison() -> None:
    assert device_comparison(site("https://shop.example/", check("site-search"))) is None
    down = on_both([], [])
    down["error"] = {"code": "unreachable", "message": "refused"}
    assert device_comparison(down) is None


def test_desktop_falls_back_on_the_sites_own_checks_and_score() -> None:
    shop = site("https://shop.example/", check("site-search", findings=[NARROW]), score=88)
    shop["devices"] = {"mobile": {"checks": [check("site-search", findings=[NARROW, HIDDEN])], "score": 60}}
    dc = device_comparison(shop)
    assert dc is not None and (dc.desktop_score, dc.mobile_score) == (88, 60)
    assert [d.code for d in dc.only_on("mobile")] == [SEARCH_HIDDEN]


# --- rendering -----------------------------------------------------------------------------------------------

def test_html_shows_desktop_and_mobile_with_the_mobile_only_findings(tmp_path: Path) -> None:
    write_reports(both_devices_document(), tmp_path, ["html"])
    soup = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "lxml")
    section = soup.find(id="s1-devices")
    assert section is not None and section.find("h2").get_text() == "Desktop and mobile"
    text = " ".join(section.get_text(" ").split())
    assert "desktop 93 · mobile 71" in text
    rows = section.select("table.devices tbody th[scope=row]")
    assert [r.get_text() for r in rows] == ["Site search", "Checkout journey", "Support contact", "Delivery and returns",
                                         "Cookie and consent banner"]
    assert rows[1].find("a")["href"] == "#s1-checkout-journey"
    checkout = [tr.get_text(" ", strip=True) for tr in section.select("table.devices tbody tr")][2:4]
    assert checkout[0].startswith("Checkout journey desktop failed 7 ") and "mobile takes 1 step more" in checkout[0]
    assert checkout[1].startswith("mobile failed 8 ")
    assert "Found only on mobile (2)" in text and "Found only on desktop (1)" in text
    for title, observed in ((SEARCH_HIDDEN_TITLE, SEARCH_HIDDEN_OBSERVED), (BANNER_TITLE, BANNER_OBSERVED)):
        assert title in text and observed in text
    assert SEARCH_HIDDEN in text and BANNER in text and "site-search/misspelling-not-tolerated" in text


def test_a_report_without_devices_has_no_desktop_and_mobile_section(tmp_path: Path) -> None:
    write_reports(sample(), tmp_path, ["html", "markdown"])
    assert "Desktop and mobile" not in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Desktop and mobile" not in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_markdown_shows_desktop_and_mobile_as_a_table_and_lists(tmp_path: Path) -> None:
    write_reports(both_devices_document(), tmp_path, ["markdown"])
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert '### <a id="s1-devices"></a>Desktop and mobile' in md
    assert "CX score (desktop / mobile): 93 / 71" in md
    assert "| [Checkout journey](#s1-checkout-journey) | failed / failed | 7 / 8 |" in md
    assert (f"- **MEDIUM** · {SEARCH_HIDDEN_TITLE} (`{SEARCH_HIDDEN}`, Site search): {SEARCH_HIDDEN_OBSERVED}") in md
    html = MarkdownIt("commonmark").enable("table").render(md)
    soup = BeautifulSoup(html, "lxml")
    headers = [[th.get_text() for th in t.find_all("th")] for t in soup.find_all("table")]
    assert ["Journey", "Result (desktop / mobile)", "Steps", "Journey time", "Score", "What differs"] in headers


def test_hostile_finding_text_in_the_mobile_profile_stays_escaped(tmp_path: Path) -> None:
    write_reports(both_devices_document(hostile=True), tmp_path, ["html", "markdown"])
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and 'onerror="' not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered


def test_in_a_run_over_several_sites_each_site_gets_its_own_desktop_and_mobile_section(tmp_path: Path) -> None:
    doc = both_devices_document()
    plain = site("https://other.example/", check("site-search"), score=50)
    doc["sites"] = [plain, doc["sites"][0]]
    write_reports(doc, tmp_path, ["html", "markdown"])
    soup = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find(id="s1-devices") is None
    section = soup.find(id="s2-devices")
    assert section is not None and section.find_parent("section", id="s2") is not None
    assert section.select_one("table.devices tbody th[scope=row] a")["href"] == "#s2-site-search"
    assert "Figures from the desktop profile" in soup.find(id="journeys-at-a-glance").find_next("p").get_text()
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert '### <a id="s2-devices"></a>Desktop and mobile' in md and "(#s2-site-search)" in md
