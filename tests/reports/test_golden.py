"""Golden tests: a stored sample result (the demo shop and an unreachable site) renders to every format, and each
format holds up where it is used: the HTML in a real Chromium, the JUnit against the schema, the Markdown
through a CommonMark renderer, the PDF as a multi-page document whose first page carries the journeys at a
glance."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from markdown_it import MarkdownIt

from auditor.browser.session import BrowserSession, ContextOptions
from reports import write_reports
from reports.pdf_report import render_pdf
from tests.reports.pdf_text import page_texts, squeeze

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample-report"
SCHEMA = Path(__file__).resolve().parent.parent / "data" / "junit.xsd"


@pytest.fixture
def rendered(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    doc = json.loads((SAMPLE / "report.json").read_text(encoding="utf-8"))
    shutil.copytree(SAMPLE / "screenshots", tmp_path / "screenshots")
    write_reports(doc, tmp_path, ["html", "json", "junit", "markdown"], {"name": "Example Agency", "color": "#0a7cff"})
    return tmp_path, doc


def test_json_renders_back_to_the_same_document(rendered: tuple[Path, dict[str, Any]]) -> None:
    out, doc = rendered
    assert json.loads((out / "report.json").read_text(encoding="utf-8")) == doc


def test_junit_validates_against_the_junit_schema(rendered: tuple[Path, dict[str, Any]]) -> None:
    out, doc = rendered
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    tree = etree.parse(str(out / "junit.xml"))
    assert schema.validate(tree), schema.error_log
    suites = tree.getroot().findall("testsuite")
    assert [s.get("name") for s in suites][:2] == [site["start_url"] for site in doc["sites"]]
    demo = suites[0]
    assert len(demo.findall("testcase")) == len(doc["sites"][0]["checks"])
    assert suites[1].find("testcase/error") is not None, "the unreachable site is an error"
    skipped = [c for c in doc["sites"][0]["checks"] if c["status"] in ("not_measured", "not_applicable")]
    assert int(demo.get("skipped")) == len(skipped)
    assert suites[-1].get("name") == "cxaudit gate" and len(suites[-1].findall("testcase")) == len(doc["gate"]["rules"])


def test_markdown_renders_headings_and_tables(rendered: tuple[Path, dict[str, Any]]) -> None:
    out, doc = rendered
    html = MarkdownIt("commonmark").enable("table").render((out / "summary.md").read_text(encoding="utf-8"))
    assert "<table>" in html and re.search(r"<h[12]>", html)
    assert doc["sites"][0]["start_url"] in html


@pytest.mark.asyncio(loop_scope="session")
async def test_html_opens_offline_without_errors_requests_or_broken_images(
        rendered: tuple[Path, dict[str, Any]], browser_session: BrowserSession) -> None:
    out, _doc = rendered
    context = await browser_session.new_context(ContextOptions())
    try:
        page = await context.new_page()
        problems: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        await page.goto((out / "report.html").as_uri(), wait_until="load")
        images = await page.evaluate("""() => Array.from(document.images).map(i => ({ok: i.complete && i.naturalWidth > 0,
                                                                                   src: i.src.slice(0, 30)}))""")
        svgs = await page.locator("svg").count()
    finally:
        await context.close()
    assert problems == []
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == [], "the report fetches nothing"
    assert images and all(i["ok"] for i in images), images
    assert all(i["src"].startswith("data:image/") for i in images)
    assert svgs >= 2, "the page-timings chart and at least one journey chart"


def test_pdf_is_a_valid_multi_page_document(rendered: tuple[Path, dict[str, Any]]) -> None:
    out, _doc = rendered
    pdf = render_pdf(out / "report.html", out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= 3, pages
    first = squeeze(page_texts(out / "report.pdf")[0])
    assert squeeze("Journeys at a glance") in first and squeeze("Guest checkout✓ yes · offered first") in first


@pytest.mark.asyncio(loop_scope="session")
async def test_glance_table_is_on_the_first_screen_and_folds_open_in_print_without_javascript(
        rendered: tuple[Path, dict[str, Any]], browser_session: BrowserSession) -> None:
    """A client's first screen (1280x900) answers the journey questions; folded sections open on paper by CSS
    alone, since the reader's browser runs no script of ours (and report.html contains none)."""
    out, _doc = rendered
    assert "<script" not in (out / "report.html").read_text(encoding="utf-8")
    context = await browser_session.browser.new_context(viewport={"width": 1280, "height": 900},
                                                        java_script_enabled=False)
    folded_content = "() => [...document.querySelectorAll('details:not([open]) > :not(summary)')].map(e => e.checkVisibility())"
    try:
        page = await context.new_page()
        await page.goto((out / "report.html").as_uri(), wait_until="load")
        box = await page.locator("#journeys-at-a-glance").bounding_box()
        rows = await page.locator("#journeys-at-a-glance tbody tr").count()
        on_screen = await page.evaluate(folded_content)
        await page.emulate_media(media="print")
        on_paper = await page.evaluate(folded_content)
    finally:
        await context.close()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900, box
    assert rows == 10
    assert len(on_screen) >= 5 and not any(on_screen), "passed checks and long tables are folded on screen"
    assert all(on_paper), "and shown when printed"
