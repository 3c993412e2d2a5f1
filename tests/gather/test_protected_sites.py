"""Staging, previews, logins and markets: protected fixture sites on 127.0.0.1, audited end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from auditor.access import SiteAccess
from auditor.browser.session import BrowserSession
from auditor.config import AuditConfig
from auditor.crawl.urls import Scope
from auditor.demo.httpkit import App, LocalServer, Response
from auditor.demo.shop import DemoShop, ShopOptions
from auditor.runner import Auditor

session_loop = pytest.mark.asyncio(loop_scope="session")

SECRET = "planted-Secr3t-7f3a9c"


def third_party_host(serve_app: Callable[[App], LocalServer]) -> tuple[App, str]:
    """Another host (localhost, not 127.0.0.1: a different site for cookies and for the audit's scope)."""
    app = App()
    app.add("/pixel.gif", lambda r: Response(b"GIF89a", content_type="image/gif"))
    app.add("/widget.js", lambda r: Response("window.widget = 1;", content_type="text/javascript"))
    server = serve_app(app)
    return app, server.url.replace("127.0.0.1", "localhost")


def site(result: Any) -> dict[str, Any]:
    return result.to_json()["sites"][0]


def check(site_doc: dict[str, Any], check_id: str) -> dict[str, Any]:
    return next(c for c in site_doc["checks"] if c["id"] == check_id)


@session_loop
async def test_basic_auth_protected_shop_is_audited_end_to_end(serve_app: Callable[[App], LocalServer],
                                                               run_audit: Callable[..., Any]) -> None:
    shop = DemoShop()
    shop.app.protect_with_basic_auth("staging", "pw-" + SECRET)
    url = serve_app(shop.app).url
    doc = site(await run_audit(url, ["load-time", "checkout-journey"], auth=f"staging:pw-{SECRET}",
                               crawl={"max_pages": 6}))
    assert doc["error"] is None
    assert doc["crawl"]["pages_visited"] >= 4 and doc["crawl"]["pages_failed"] == 0
    assert check(doc, "checkout-journey")["evidence"]["checkout_reached"] is True
    assert doc["access"]["auth"] == "basic (redacted)"
    assert shop.orders.placed == 0


@session_loop
async def test_preview_header_and_cookie_reach_the_site_but_never_a_third_party_host(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    tp_app, tp_url = third_party_host(serve_app)
    shop = DemoShop(ShopOptions(third_party=tp_url))
    shop.app.protect_with_header("X-Preview-Token", SECRET)
    url = serve_app(shop.app).url
    doc = site(await run_audit(url, ["load-time", "site-search", "checkout-journey"],
                               headers={"X-Preview-Token": SECRET}, cookies={"preview_session": "c-" + SECRET},
                               crawl={"max_pages": 5}))
    assert doc["error"] is None and doc["crawl"]["pages_failed"] == 0
    assert check(doc, "checkout-journey")["evidence"]["checkout_reached"] is True
    page_requests = [h for h in shop.app.request_headers if not h["path"].startswith(("/img/", "/robots", "/sitemap"))]
    assert page_requests and all(h.get("x-preview-token") == SECRET for h in page_requests)
    assert any(f"preview_session=c-{SECRET}" in h.get("cookie", "") for h in page_requests)
    assert len(tp_app.request_headers) >= 2, "the pages did load the third party's pixel and script"
    for headers in tp_app.request_headers:
        assert SECRET not in json.dumps(headers), headers
        assert "authorization" not in headers


@session_loop
async def test_checkout_for_members_only_works_after_the_scripted_login(
        demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    shop, url = demo_shop(checkout_gate="forced", account=("buyer@example.com", "pw-" + SECRET))
    monkeypatch.setenv("CX_TEST_USER", "buyer@example.com")
    monkeypatch.setenv("CX_TEST_PASS", "pw-" + SECRET)
    login = {"url": "/account/login", "fields": [{"label": "Email", "value_env": "CX_TEST_USER"},
                                                 {"label": "Password", "value_env": "CX_TEST_PASS"}],
             "success_text": "Signed in as"}
    doc = site(await run_audit(url, ["checkout-journey"], login=login, crawl={"max_pages": 5}))
    assert doc["error"] is None and shop.logins == ["buyer@example.com"]
    ev = check(doc, "checkout-journey")["evidence"]
    assert ev["checkout_reached"] is True and ev["guest_checkout"] != "forced_account"
    assert ev["steps_to_payment"] is not None and ev["orders_placed"] == 0
    assert [s["action"] for s in doc["login"]["steps"]][:1] == ["Open the login page"]


@session_loop
async def test_a_failed_scripted_login_is_the_sites_error_with_the_reason(
        demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    shop, url = demo_shop(checkout_gate="forced", account=("buyer@example.com", "right-password"))
    monkeypatch.setenv("CX_TEST_PASS", "wrong-password")
    login = {"url": "/account/login", "fields": [{"label": "Email", "value": "buyer@example.com"},
                                                 {"label": "Password", "value_env": "CX_TEST_PASS"}]}
    doc = site(await run_audit(url, ["checkout-journey"], login=login))
    assert doc["error"]["code"] == "login_failed" and "success condition" in doc["error"]["message"]
    assert shop.logins == []


@session_loop
async def test_cookie_wall_is_closed_by_rejecting_and_reported_as_hiding_the_page(
        demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any]) -> None:
    shop, url = demo_shop(consent_banner="wall")
    doc = site(await run_audit(url, ["site-search", "consent-banner"], crawl={"max_pages": 4}))
    consent = check(doc, "consent-banner")
    assert [f["code"] for f in consent["findings"]] == ["consent-banner/hides-main-action"]
    assert consent["evidence"]["action"] == "reject" and consent["evidence"]["dismissed"] is True
    assert set(shop.consent_choices) == {"necessary"}, "the auditor never accepted"
    search = check(doc, "site-search")
    assert search["evidence"]["search_input_found"] is True and search["status"] != "not_measured"
    assert any("Rejected optional cookies" in s["action"] for s in search["journey"])
    assert doc["consent"]["actions"] == ["reject"]


@session_loop
async def test_a_banner_without_reject_is_accepted_only_as_a_last_resort(
        demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any]) -> None:
    shop, url = demo_shop(consent_banner="bar", consent_reject_button=False)
    doc = site(await run_audit(url, ["consent-banner"], crawl={"max_pages": 2}))
    consent = check(doc, "consent-banner")
    assert consent["evidence"]["action"] == "accept"
    assert [f["code"] for f in consent["findings"]] == ["consent-banner/no-reject-option"]
    assert set(shop.consent_choices) == {"all"}


@session_loop
async def test_market_settings_reach_the_browser(browser_session: BrowserSession,
                                                 serve_app: Callable[[App], LocalServer]) -> None:
    app = App()
    app.add("/", lambda r: Response("<!doctype html><title>m</title><p>market</p>"))
    url = serve_app(app).url
    cfg = AuditConfig(urls=[url], locale="de-DE", market={"timezone": "Europe/Berlin", "geolocation": "52.52,13.4",
                                                          "accept_language": "de-DE,de;q=0.9", "country": "DE",
                                                          "currency": "EUR"})
    auditor = Auditor(cfg, [], access=SiteAccess.from_config(cfg, environ={}))
    context = await browser_session.new_context(auditor.context_options("cxaudit-test", Scope(url), url))
    try:
        page = await context.new_page()
        await page.goto(url)
        seen = await page.evaluate("""() => new Promise(ok => navigator.geolocation.getCurrentPosition(
            p => ok({lang: navigator.language, tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
                     lat: p.coords.latitude}), e => ok({error: e.message})))""")
    finally:
        await context.close()
    assert seen == {"lang": "de-DE", "tz": "Europe/Berlin", "lat": 52.52}
    assert app.request_headers[-1]["accept-language"] == "de-DE,de;q=0.9"


def _cli(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, timeout=240,
                          env={**os.environ, "CI": "true", **(env or {})}, cwd=cwd, stdin=subprocess.DEVNULL)


def test_wrong_basic_auth_credentials_exit_3_with_a_clear_message(tmp_path: Path) -> None:
    shop = DemoShop()
    shop.app.protect_with_basic_auth("staging", "right")
    with LocalServer(shop.app) as server:
        run = _cli(["audit", server.url, "--out", str(tmp_path), "--quiet"], env={"CXAUDIT_AUTH": "staging:wrong-pass"})
    assert run.returncode == 3
    errors = [line for line in run.stderr.splitlines() if line.startswith("cxaudit: error:")]
    assert errors and "401" in errors[0] and "refused" in errors[0]
    assert "wrong-pass" not in run.stderr + run.stdout


def test_every_output_redacts_every_secret(tmp_path: Path) -> None:
    """A planted secret (in the credentials, the header, a cookie, a login value, and echoed by the site into
    its own page titles) appears in no output file, no progress line and no error."""
    shop = DemoShop(ShopOptions(name=f"Shop {SECRET}", checkout_gate="forced", account=("buyer@example.com", SECRET)))
    shop.app.protect_with_header("X-Preview-Token", SECRET)
    summary = tmp_path / "step-summary.md"
    out = tmp_path / "out"
    config = tmp_path / "cxaudit.toml"
    config.write_text('[login]\nurl = "/account/login"\nsuccess_text = "Signed in"\n'
                      '[[login.fields]]\nlabel = "Email"\nvalue = "buyer@example.com"\n'
                      '[[login.fields]]\nlabel = "Password"\nvalue_env = "CX_SHOP_PASSWORD"\n')
    with LocalServer(shop.app) as server:
        run = _cli(["audit", server.url, "--out", str(out), "--max-pages", "5", "--header", f"X-Preview-Token: {SECRET}",
                    "--cookie", f"token={SECRET}", "--checks", "load-time,checkout-journey,support-contact",
                    "--format", "html,json,junit,markdown", "--fail-on", "never", "--config", str(config)],
                   env={"CXAUDIT_AUTH": f"user:{SECRET}", "CX_SHOP_PASSWORD": SECRET, "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.returncode == 0, run.stderr[-2000:]
    assert shop.logins == ["buyer@example.com"]
    files = [p for p in out.rglob("*") if p.is_file() and p.suffix != ".png"] + [summary]
    assert {p.name for p in files} >= {"report.html", "report.json", "junit.xml", "summary.md", "step-summary.md"}
    doc = json.loads((out / "report.json").read_text())
    assert "[redacted]" in doc["sites"][0]["pages"][0]["title"], "the site echoed the secret; the report hides it"
    for path in files:
        assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    assert SECRET not in run.stdout + run.stderr


@session_loop
async def test_the_market_drives_the_currency_and_local_payment_findings(
        demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any]) -> None:
    _shop, url = demo_shop()  # prices in €, no iDEAL
    uk = site(await run_audit(url, ["delivery-returns", "payment-options"], crawl={"max_pages": 10},
                              market={"country": "NL", "currency": "GBP"}))
    delivery = check(uk, "delivery-returns")
    assert delivery["evidence"]["currencies_on_product_pages"] == ["EUR"]
    assert "delivery-returns/prices-in-other-currency" in [f["code"] for f in delivery["findings"]]
    assert "payment-options/local-methods-missing" in [f["code"] for f in check(uk, "payment-options")["findings"]]
    assert uk["market"]["country"] == "NL" and uk["market"]["currency"] == "GBP"
    home = site(await run_audit(url, ["delivery-returns"], crawl={"max_pages": 10}, market={"currency": "EUR"}))
    assert "delivery-returns/prices-in-other-currency" not in [f["code"] for f in check(home, "delivery-returns")["findings"]]
