"""A report a client reads in five minutes, checked on a stored result (tests/data/sample-report/problems.json,
built from the real assess functions): one site where one problem (main-thread blocking) is on five page
types with mixed severities, a check whose findings were stored with a medium before the critical, and a
checkout journey that could not be verified. The same story must come out of the HTML, the Markdown and the
PDF's text."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from reports import write_reports
from reports.pdf_report import render_pdf
from tests.reports.pdf_text import page_texts, squeeze

PROBLEMS = Path(__file__).resolve().parent.parent / "data" / "sample-report" / "problems.json"
TBT = "load-time/main-thread-blocking"
TBT_TITLE = "The page is busy and slow to respond to taps"
CODES = {"load-time/slow-lcp", TBT, "site-search/known-product-not-found", "site-search/zero-results-dead-end",
         "site-search/slow-results", "delivery-returns/no-returns-policy"}
GLANCE = [
    ("Search box found", "✓ yes · visible on the home page"),
    ("Known product found by its exact name", "✗ no · “Ceramic Teapot”: not among 12 results in 2.40 s"),
    ("Checkout reached", "? could not be verified · the shop refused every test postcode at the address step"),
    ("Payment step reached (steps to it)", "? could not be verified · the shop refused every test postcode at the address step"),
    ("Guest checkout", "? could not be verified · the shop refused every test postcode at the address step"),
    ("Contact channels (clicks from home)", "✓ yes · email, form · 2 clicks from home"),
    ("Delivery information found", "✓ yes · 1 click from home"),
    ("Returns information found", "✗ no · no page found"),
    ("Payment methods shown before checkout", "✓ yes · Visa, PayPal"),
    ("Payment methods at checkout", "? could not be verified · the payment step was not reached"),
]
TBT_ROWS = [("https://shop.example/", "home", "TBT 900 ms (poor)", "medium"),
            ("https://shop.example/product/teapot", "product", "TBT 700 ms (poor)", "medium"),
            ("https://shop.example/contact", "contact", "TBT 1.20 s (poor)", "low"),
            ("https://shop.example/kitchen", "category", "TBT 400 ms (needs improvement)", "low"),
            ("https://shop.example/returns", "policy", "TBT 350 ms (needs improvement)", "info")]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rendered once for the module: the PDF costs a browser launch."""
    directory = tmp_path_factory.mktemp("problems")
    doc = json.loads(PROBLEMS.read_text(encoding="utf-8"))
    write_reports(doc, directory, ["html", "json", "markdown"])
    render_pdf(directory / "report.html", directory / "report.pdf")
    return directory


@pytest.fixture(scope="module")
def html(out: Path) -> BeautifulSoup:
    return BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "lxml")


def text(node: Tag) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True))


def cards(soup: BeautifulSoup | Tag) -> list[Tag]:
    return [d for d in soup.select("div.finding") if "unverified" not in (d.get("class") or [])]


def card_code(card: Tag) -> str:
    code = card.find("code")
    assert code is not None
    return code.get_text(strip=True)


def test_five_pages_with_one_code_render_as_one_card_with_five_rows_in_html(html: BeautifulSoup, out: Path) -> None:
    assert Counter(card_code(c) for c in cards(html)) == dict.fromkeys(CODES, 1)
    [tbt] = [c for c in cards(html) if card_code(c) == TBT]
    assert text(tbt).startswith(f"medium {TBT_TITLE} · 5 page types")
    rows = [[text(td) for td in tr.find_all("td")] for tr in tbt.select("table.affected tr")[1:]]
    assert rows == [list(r) for r in TBT_ROWS]
    assert text(tbt).count("Why it matters") == 1 and text(tbt).count("Fix:") == 1
    stored = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sum(f["code"] == TBT for c in stored["sites"][0]["checks"] for f in c["findings"]) == 5, \
        "report.json keeps one finding per page: baselines key on them"


def test_cards_run_worst_first_in_the_top_list_and_in_each_check(html: BeautifulSoup) -> None:
    top = [text(li) for li in html.select("ol.top > li")]
    assert [t.split(" ")[0] for t in top] == ["critical", "high", "high", "high", "medium"]
    assert top[-1].startswith(f"medium {TBT_TITLE} · 5 page types")
    search = html.find(id="s1-site-search")
    assert search is not None
    assert [card_code(c) for c in cards(search)] == ["site-search/known-product-not-found",
                                                     "site-search/zero-results-dead-end", "site-search/slow-results"]
    load = html.find(id="s1-load-time")
    assert load is not None
    assert [card_code(c) for c in cards(load)] == ["load-time/slow-lcp", TBT]


def test_glance_table_sits_under_the_score_with_exact_marks_and_links(html: BeautifulSoup) -> None:
    table = html.find("table", id="journeys-at-a-glance")
    assert table is not None and table.find_parent("div", class_="head") is not None
    rows = [(text(tr.th), text(tr.td)) for tr in table.select("tbody tr")]
    assert rows == GLANCE
    for link in table.select("td a"):
        target = html.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.get("class") == ["check"], link["href"]


def test_passed_checks_and_the_page_table_are_folded_and_problems_are_not(html: BeautifulSoup) -> None:
    sections = {s["id"]: s.name for s in html.select(".check")}
    assert sections == {"s1-load-time": "section", "s1-site-search": "section", "s1-checkout-journey": "section",
                        "s1-support-contact": "details", "s1-delivery-returns": "section", "s1-payment-options": "details"}
    assert not html.select("details[open]"), "folds start closed on screen"
    assert html.find("summary", string=re.compile(r"Every page measured \(5\)")) is not None


def test_markdown_tells_the_same_glance_and_one_card_per_problem(out: Path) -> None:
    md = (out / "summary.md").read_text(encoding="utf-8")
    glance = re.findall(r"^\| ([^|]+) \| \[(.+)\]\(#(s1-[a-z-]+)\) \|$", md, re.M)
    assert [(label, mark) for label, mark, _ in glance] == GLANCE
    assert {anchor for *_, anchor in glance} <= set(re.findall(r'<a id="([^"]+)"></a>', md))
    headings = re.findall(r"^\*\*([A-Z]+)\*\* · (.+) \(`([^`]+)`", md, re.M)
    assert Counter(code for *_, code in headings) == dict.fromkeys(CODES, 1)
    assert ("MEDIUM", f"{TBT_TITLE} · 5 page types", TBT) in headings
    table = md.split(f"{TBT_TITLE} · 5 page types")[1].split("Why it matters")[0]
    assert re.findall(r"^\| (https://\S+) \| (\w+) \| (.+?) \| (\w+) \|$", table, re.M) == TBT_ROWS
    search = [code for _, _, code in headings if code.startswith("site-search/")]
    assert search == ["site-search/known-product-not-found", "site-search/zero-results-dead-end", "site-search/slow-results"]


def test_pdf_first_page_has_the_glance_table_and_the_folds_are_printed_open(out: Path) -> None:
    pages = page_texts(out / "report.pdf")
    first = squeeze(pages[0])
    assert squeeze("Journeys at a glance") in first
    for label, mark in GLANCE:
        assert squeeze(label + mark) in first, (label, mark)
    everything = squeeze("".join(pages))
    assert everything.count(squeeze(TBT_TITLE)) == 2, "once in the top list, once as its card"
    assert squeeze(f"{TBT_TITLE} · 5 page types") in everything
    assert squeeze("Email and a contact form are two clicks from home.") in everything, "a folded passed check"
    after = everything[everything.index(squeeze("Site search failed")):]
    positions = [after.index(squeeze(t)) for t in ("Searching for a product by its exact name does not find it",
                                                  "A search with no results is a dead end",
                                                  "Search results are slow to appear")]
    assert positions == sorted(positions)


def test_hostile_text_in_journey_facts_is_escaped(tmp_path: Path) -> None:
    doc: dict[str, Any] = json.loads(PROBLEMS.read_text(encoding="utf-8"))
    evil = '<img src=x onerror="window.__pwned=1">'
    checks = {c["id"]: c for c in doc["sites"][0]["checks"]}
    checks["site-search"]["evidence"]["queries"][0]["query"] = evil
    checks["support-contact"]["evidence"]["channels"][0]["type"] = evil
    write_reports(doc, tmp_path, ["html", "markdown"])
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "<img src=x" not in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_pdf_renderer_opens_folds_itself_for_a_chromium_without_details_content(tmp_path: Path) -> None:
    """The print stylesheet needs ::details-content (Chromium 131+); the PDF must not depend on it."""
    page = tmp_path / "fold.html"
    page.write_text("<!doctype html><meta charset=utf-8><details><summary>Load time</summary><p>Folded evidence</p>"
                    "</details>", encoding="utf-8")
    assert squeeze("Folded evidence") in squeeze("".join(page_texts(render_pdf(page, tmp_path / "fold.pdf"))))
