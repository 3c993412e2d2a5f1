"""The reliability suite: whatever a site does, the audit finishes in bounded time, says what it could not
measure and why, keeps what it did measure, leaves the site's scope never and places no order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psutil
import pytest

from auditor.demo.httpkit import App, LocalServer, Response
from auditor.demo.shop import DemoShop, ShopOptions
from tests.sites.hostile import HostileSite
from tests.test_cli import assert_one_line_error, cxaudit

session_loop = pytest.mark.asyncio(loop_scope="session")


def watched_other_host(serve_app: Callable[[App], LocalServer]) -> tuple[App, str]:
    app = App()
    app.add("/landing", lambda r: Response("<title>elsewhere</title>"))
    return app, serve_app(app).url.replace("127.0.0.1", "localhost")


def by_path(pages: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    from urllib.parse import urlsplit

    return {urlsplit(p.get("requested_url") or p["url"]).path: p for p in pages}


@session_loop
async def test_hostile_site_audit_finishes_and_explains_every_page_it_could_not_measure(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    other_app, other_url = watched_other_host(serve_app)
    site = HostileSite(other_host=other_url)
    url = serve_app(site.app).url
    started = time.perf_counter()
    doc = (await run_audit(url, ["load-time", "support-contact", "consent-banner"],
                           crawl={"max_pages": 40, "max_depth": 30, "page_timeout_ms": 4000})).to_json()
    elapsed = time.perf_counter() - started
    s = doc["sites"][0]
    assert s["error"] is None and elapsed < 150
    pages = by_path(s["pages"])
    failed = {path: p["error"] for path, p in pages.items() if p["error"]}
    ok = {path for path, p in pages.items() if not p["error"]}
    # 2. server errors and rate limits
    assert failed["/error500"]["code"] == "http_error" and "500" in failed["/error500"]["message"]
    assert failed["/missing"]["code"] == "http_error" and "404" in failed["/missing"]["message"]
    assert "/limited" in ok and site.limited_hits == 2, "429 with Retry-After: 1 was waited out and retried once"
    assert failed["/limited-forever"]["code"] == "rate_limited" and "3600" in failed["/limited-forever"]["message"]
    assert s["crawl"]["rate_limited_answers"] >= 2
    # 1. redirects: a loop fails with its reason; the other host is never contacted
    assert "loop" in failed["/redirect-loop"]["message"]
    assert "/redirect-out" in failed or s["crawl"]["skipped_reasons"].get("redirected_out_of_scope")
    assert other_app.requests == []
    # 3. a hanging image does not lose the page; a server that never answers times out alone
    assert "/hang-image" in ok and pages["/hang-image"]["notes"], pages.get("/hang-image")
    assert failed["/no-answer"]["code"] == "timeout"
    # 4. traps are cut short and counted
    assert not any(p.startswith("/deep/a/a/a/a/a/") for p in pages)
    assert sum(1 for p in pages if p.startswith("/calendar/")) <= 6
    assert sum(1 for p in pages if p.startswith("/sessions")) <= 2
    # 5. dialog storms and popups are dismissed; 6. huge pages, endless feeds and 7. broken encodings are measured
    assert s["guard"]["dialogs_dismissed"] >= 10 and s["guard"]["popups_closed"] >= 1
    measured = {"/dialogs", "/huge-dom", "/infinite", "/bad-encoding", "/latin1"}
    assert measured <= ok, {path: failed.get(path, "not visited") for path in measured - ok}
    for path in ("/big", "/big-text"):  # 20 MB of HTML: reported, not loaded, so memory stays bounded
        assert failed[path]["code"] == "too_large" and "max_page_mb" in failed[path]["message"]
    assert json.loads(json.dumps(doc, ensure_ascii=False).encode("utf-8")) == doc
    load_time = next(c for c in s["checks"] if c["id"] == "load-time")
    assert load_time["status"] in ("passed", "failed") and load_time["evidence"]["pages_measured"] >= 8


def _kill_renderers() -> None:
    """What a renderer crash looks like from outside: every tab's process of this test's browsers dies."""
    for proc in psutil.Process().children(recursive=True):
        try:
            if "--type=renderer" in " ".join(proc.cmdline()):
                proc.kill()
        except psutil.Error:
            continue


@session_loop
async def test_a_crashing_renderer_loses_only_the_pages_it_took_down(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    site = HostileSite(on_crash=_kill_renderers, home_links=["/crash", *(f"/ok/{n}" for n in range(1, 10))])
    url = serve_app(site.app).url
    doc = (await run_audit(url, ["load-time"], crawl={"max_pages": 11, "concurrency": 1, "page_timeout_ms": 4000})).to_json()
    s = doc["sites"][0]
    codes = {p["error"]["code"] for p in s["pages"] if p["error"]}
    assert "crashed" in codes
    # the home page plus pages loaded after the crash: how many fit in the budget depends on how busy the machine is
    # (a clean-clone run on 2 busy cores loaded 2 after the crash, a quiet one 3 or more); that the crawl goes on is the point
    loaded_after = [p for p in s["pages"] if "/ok/" in p["url"] and not p["error"]]
    assert s["crawl"]["pages_visited"] >= 3 and loaded_after, "pages after the crash were still loaded"
    # a tab that failed to open in the moment the renderers died is opened again: those pages are not the crash's
    assert not [p for p in s["pages"] if p["error"] and "no tab could be opened" in p["error"]["message"]]
    assert s["error"] is None


def test_a_browser_killed_mid_audit_is_restarted_and_only_the_page_that_killed_it_is_reported(tmp_path: Path) -> None:
    holder: dict[str, int] = {}

    def kill_browser() -> None:
        root = psutil.Process(holder["pid"])
        for proc in root.children(recursive=True):
            try:
                cmd = " ".join(proc.cmdline())
            except psutil.Error:
                continue
            if "chrom" in proc.name().lower() and "--type=" not in cmd:
                proc.kill()

    site = HostileSite(on_crash=kill_browser, home_links=["/crash", "/ok/1", "/ok/2", "/ok/3", "/ok/4", "/ok/5"])
    with LocalServer(site.app) as server:
        config = tmp_path / "cxaudit.toml"
        config.write_text("[crawl]\npage_timeout_ms = 4000\n")
        proc = subprocess.Popen([sys.executable, "-m", "auditor", "audit", server.url, "--out", str(tmp_path / "out"),
                                 "--max-pages", "8", "--concurrency", "1", "--checks", "load-time", "--fail-on", "never",
                                 "--config", str(config)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "CI": "true"})
        holder["pid"] = proc.pid
        _out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err[-2000:]
    doc = json.loads((tmp_path / "out" / "report.json").read_text())
    crawl = doc["sites"][0]["crawl"]
    # tabs open when the browser died are reported (crashed, or timed out within the per-page bound);
    # pages after the restart are measured
    # every page open when the browser died is loaded again alone once the crawl is over: only the page that
    # brings the browser down is reported, the pages that were merely open beside it are measured
    assert crawl["pages_visited"] == 6 and crawl["pages_failed"] == 1
    failed = [p for p in doc["sites"][0]["pages"] if p["error"]]
    assert [urlsplit(p["url"]).path for p in failed] == ["/crash"] and failed[0]["error"]["code"] == "crashed"
    assert "on its own" in failed[0]["error"]["message"]
    assert "relaunching" in err, "the browser really was killed and started again"
    assert "Traceback" not in err


def test_sigterm_mid_audit_writes_the_partial_report_marked_incomplete(tmp_path: Path) -> None:
    shop = DemoShop(ShopOptions(page_delay_s=0.4))
    with LocalServer(shop.app) as server:
        proc = subprocess.Popen([sys.executable, "-m", "auditor", "audit", server.url, "--out", str(tmp_path),
                                 "--max-pages", "30"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env={**os.environ, "CI": "true"})
        assert proc.stderr is not None
        seen = 0
        for line in proc.stderr:
            if line.startswith("cxaudit:   page "):
                seen += 1
                if seen == 3:
                    proc.send_signal(signal.SIGTERM)
                    break
        rest = proc.stderr.read()
        proc.wait(timeout=60)
    assert proc.returncode == 130, rest
    doc = json.loads((tmp_path / "report.json").read_text())
    assert doc["incomplete"] is True and doc["gate"]["passed"] is False
    assert any("interrupted" in r for r in doc["gate"]["reasons"])
    assert doc["sites"] and doc["sites"][0]["start_url"].startswith(server.url.rstrip("/"))
    assert (tmp_path / "report.html").is_file() and "Traceback" not in rest
    assert shop.orders.placed == 0


@pytest.mark.parametrize(("path", "needle"), [
    ("/doc.pdf", "serves application/pdf, not a web page"),
    ("/logo.png", "serves image/png, not a web page"),
    ("/plain", "serves text/plain, not a web page"),
    ("/no-answer", "no answer within"),
    ("/missing", "answered HTTP 404"),
    ("/redirect-loop", "redirect"),
    ("/limited-forever", "429"),
])
def test_a_start_url_that_is_not_an_auditable_page_exits_3_with_the_reason(tmp_path: Path, path: str, needle: str) -> None:
    site = HostileSite()
    with LocalServer(site.app) as server:
        args = ["audit", server.url.rstrip("/") + path, "--out", str(tmp_path)]
        if path == "/no-answer":
            config = tmp_path / "cxaudit.toml"
            config.write_text("[crawl]\npage_timeout_ms = 2000\n")
            args += ["--config", str(config)]
        proc = cxaudit(*args)
    assert_one_line_error(proc, 3, needle)
    assert json.loads((tmp_path / "report.json").read_text())["sites"][0]["error"]["message"]


@pytest.mark.parametrize(("args", "needle"), [
    (["file:///etc/passwd"], "unsupported scheme 'file:'"),
    (["ftp://files.example/"], "unsupported scheme 'ftp:'"),
    (["javascript:alert(1)"], "unsupported scheme 'javascript:'"),
    (["http://intranet/"], "not a full host name"),
    (["https://xn--/"], "not a valid URL"),
    (["http://exa mple.com/"], "not a valid URL"),
    (["http://[::1/"], "not a valid URL"),
    (["https://shop.example", "--max-pages", "lots"], "Invalid value for '--max-pages'"),
    (["https://shop.example", "--shard", "3/2"], "--shard 3/2"),
    (["https://shop.example", "--header", "no colon"], "must look like 'Name: value'"),
])
def test_bad_command_line_input_exits_2_naming_the_problem(args: list[str], needle: str, tmp_path: Path) -> None:
    proc = cxaudit("audit", *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert needle in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(("toml", "needle"), [
    ("[crawl]\nmax_pages = 'many'\n", "crawl.max_pages"),
    ("[crawl]\nmax_pagez = 3\n", "crawl.max_pagez: unknown key"),
    ("colour = 'blue'\n", "colour: unknown key"),
    ("[market]\ncurrency = 'euro'\n", "market.currency"),
    ("this is not toml", "not valid TOML"),
])
def test_a_bad_config_file_exits_2_naming_the_key(toml: str, needle: str, tmp_path: Path) -> None:
    (tmp_path / "cxaudit.toml").write_text(toml)
    assert_one_line_error(cxaudit("audit", "https://shop.example", cwd=tmp_path), 2, needle)


def test_a_missing_config_file_exits_2(tmp_path: Path) -> None:
    assert_one_line_error(cxaudit("audit", "https://shop.example", "--config", str(tmp_path / "nope.toml")), 2,
                          "does not exist")


def test_idn_hosts_are_accepted_in_their_ascii_form() -> None:
    from auditor.crawl.urls import validate_start_url

    assert validate_start_url("https://bücher.example/") == "https://xn--bcher-kva.example/"


@session_loop
async def test_a_journey_over_its_time_budget_is_not_measured_with_the_reason(
        demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any]) -> None:
    shop, url = demo_shop()
    shop.app.delay_for = lambda path: 10.0 if path.startswith(("/search", "/api/search")) else 0.0
    # the budget counts from the end of the crawl (a journey may start beside it): a search answered in 10 s
    # cannot fit in 5 s after it (the crawl's pages answer at once, so the test costs the budget, not the crawl)
    doc = (await run_audit(url, ["site-search"], crawl={"max_pages": 2}, journey_timeout_s=5)).to_json()
    search = doc["sites"][0]["checks"][0]
    assert search["status"] == "not_measured" and "budget of 5 s" in search["reason"]
