"""Everything in a report comes from audited sites: the HTML must escape it and run nothing of theirs."""

from pathlib import Path
from typing import Any

import pytest

from auditor.browser.session import BrowserSession, ContextOptions
from reports import write_reports
from reports.junit_report import render_junit

EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def hostile_doc() -> dict:
    finding = {"code": "support-contact/form-only", "severity": "high", "title": EVIL, "observed": EVIL,
               "impact": {"statement": "s", "dimension": "trust", "citations": [
                   {"id": "x", "source": EVIL, "title": EVIL, "year": 2020, "url": "javascript:alert(1)"}]},
               "fix": EVIL, "page_url": "javascript:alert(1)", "measurement": None, "screenshot": "../../etc/passwd"}
    return {"schema_version": "1", "tool": {"name": "cxaudit", "version": "0"}, "started_at": EVIL, "duration_ms": 1,
            "config": {"device": EVIL}, "gate": {"passed": False, "fail_on": "high", "reasons": [EVIL]}, "baseline": None,
            "sites": [{"start_url": EVIL, "final_url": EVIL, "error": None, "score": 50, "screenshot": None,
                       "crawl": {"pages_visited": 1, "pages_failed": 0, "pages_skipped": 0, "robots_txt": "found", "sitemap_urls": 0},
                       "pages": [{"url": EVIL, "role": "home", "status": 200, "error": None, "timings": {"ttfb_ms": 1, "fcp_ms": 1, "lcp_ms": 1, "cls": 0, "tbt_ms": 0}}],
                       "checks": [{"id": "support-contact", "title": EVIL, "status": "failed", "reason": EVIL, "score": 1,
                                   "evidence": {}, "journey": [{"action": EVIL, "url": EVIL, "ms": 1, "screenshot": None}],
                                   "findings": [finding], "strengths": [EVIL]}]}]}


@pytest.mark.browser
async def test_opening_a_hostile_report_runs_nothing(browser_session: BrowserSession, tmp_path: Path) -> None:
    write_reports(hostile_doc(), tmp_path, ["html", "json", "junit", "markdown"])
    html = (tmp_path / "report.html").read_text()
    assert "<script>" not in html and 'onerror="' not in html and 'href="javascript' not in html
    context = await browser_session.new_context(ContextOptions())
    page = await context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    await page.goto((tmp_path / "report.html").as_uri())
    assert await page.evaluate("() => window.__pwned === undefined")
    assert [u for u in requests if not u.startswith("file:")] == []
    assert await page.locator("a[href^='javascript']").count() == 0
    await context.close()


def test_junit_is_well_formed_with_hostile_text() -> None:
    from xml.etree import ElementTree as ET

    root = ET.fromstring(render_junit(hostile_doc()))
    assert root.tag == "testsuites" and root.find(".//failure") is not None


@pytest.mark.asyncio(loop_scope="session")
async def test_a_hostile_site_audited_end_to_end_cannot_run_anything_in_its_report(
        browser_session: BrowserSession, serve_app: Any, run_audit: Any, tmp_path: Path) -> None:
    from tests.sites.hostile import HostileSite

    site = HostileSite(home_links=["/inject"])
    url = serve_app(site.app).url.rstrip("/") + "/inject"
    doc = (await run_audit(url, ["load-time", "support-contact", "payment-options"], crawl={"max_pages": 6})).to_json()
    titles = [p.get("title") or "" for p in doc["sites"][0]["pages"]]
    assert any("<script>" in t for t in titles), "the site's hostile text did reach the result"
    out = tmp_path / "report"
    write_reports(doc, out, ["html", "json", "junit", "markdown"])
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and 'onerror="window' not in html
    context = await browser_session.new_context(ContextOptions())
    try:
        page = await context.new_page()
        requests: list[str] = []
        dialogs: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: dialogs.append(d.message))
        await page.goto((out / "report.html").as_uri())
        assert await page.evaluate("() => window.__pwned === undefined")
        assert await page.locator("a[href^='javascript']").count() == 0
    finally:
        await context.close()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == [] and dialogs == []
