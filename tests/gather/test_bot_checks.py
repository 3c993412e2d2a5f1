"""A bot-management service in front of a shop: what it hides is reported as not measured, never as the shop's."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from auditor.demo.shop import DemoShop
from tests.sites.bot_checks import behind_bot_check, behind_passable_challenge

session_loop = pytest.mark.asyncio(loop_scope="session")
ROOT = Path(__file__).resolve().parents[2]


def check(site_doc: dict[str, Any], check_id: str) -> dict[str, Any]:
    return next(c for c in site_doc["checks"] if c["id"] == check_id)


@session_loop
async def test_a_wall_on_product_and_search_pages_leaves_those_journeys_unmeasured_without_findings(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    shop = DemoShop()
    url = serve_app(behind_bot_check(shop.app, "cloudflare-challenge", ("/product/", "/search"))).url
    doc = (await run_audit(url, ["load-time", "site-search", "checkout-journey", "support-contact"],
                           crawl={"max_pages": 8})).to_json()["sites"][0]
    assert doc["error"] is None
    walled = [p for p in doc["pages"] if "/product/" in p["url"]]
    assert walled and all(p["error"]["code"] == "bot_check" and "Cloudflare" in p["error"]["message"] for p in walled)
    for check_id in ("site-search", "checkout-journey"):
        result = check(doc, check_id)
        assert result["status"] == "not_measured" and result["findings"] == [], (check_id, result["findings"])
        assert result["outcome"] == "inconclusive" and "Cloudflare" in (result["reason"] or "")
    search = check(doc, "site-search")
    assert search["unverified"][0]["screenshot"], "the wall's picture goes with the reason"
    assert check(doc, "support-contact")["status"] == "passed"  # the contact page was let through
    assert shop.orders.placed == 0


@session_loop
async def test_an_interstitial_answered_with_200_is_not_taken_for_the_shops_page(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    shop = DemoShop()
    url = serve_app(behind_bot_check(shop.app, "incapsula", ("/contact", "/help"))).url
    doc = (await run_audit(url, ["load-time", "support-contact"], crawl={"max_pages": 10})).to_json()["sites"][0]
    contact_pages = [p for p in doc["pages"] if p["url"].rstrip("/").endswith("/contact")]
    assert contact_pages and contact_pages[0]["error"]["code"] == "bot_check"
    assert "Imperva Incapsula" in contact_pages[0]["error"]["message"]
    contact = check(doc, "support-contact")
    assert contact["findings"] == [] or contact["status"] == "not_measured", contact["findings"]


@session_loop
async def test_a_challenge_that_lets_the_browser_through_is_waited_out_and_the_shop_audited(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    shop = DemoShop()
    url = serve_app(behind_passable_challenge(shop.app)).url
    doc = (await run_audit(url, ["load-time", "site-search", "support-contact"],
                           crawl={"max_pages": 14})).to_json()["sites"][0]  # enough to meet a product
    assert doc["error"] is None
    assert doc["crawl"]["pages_visited"] >= 5 and not [p for p in doc["pages"] if p["error"]]
    search = check(doc, "site-search")
    assert search["status"] != "not_measured" and search["evidence"]["queries"][0]["results_count"], search["reason"]
    # the query's time is the shop's answer, not the seconds the challenge took
    assert all(q["time_ms"] < 3000 for q in search["evidence"]["queries"])
    assert check(doc, "support-contact")["status"] == "passed"


@session_loop
async def test_a_login_page_behind_a_bot_check_is_the_sites_error_naming_it(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    shop = DemoShop()
    url = serve_app(behind_bot_check(shop.app, "perimeterx", ("/account/",))).url
    login = {"url": "/account/login", "fields": [{"label": "Email", "value": "buyer@example.com"},
                                                 {"label": "Password", "value": "not-a-secret"}]}
    doc = (await run_audit(url, ["checkout-journey"], login=login)).to_json()["sites"][0]
    assert doc["error"]["code"] == "login_failed"
    assert "bot check" in doc["error"]["message"] and "PerimeterX" in doc["error"]["message"]


@pytest.mark.parametrize("interstitial", ["cloudflare-challenge", "akamai", "aws-waf"])
def test_a_site_walled_everywhere_ends_with_one_line_naming_the_service_and_exit_3(
        serve_app: Callable[[App], LocalServer], tmp_path: Path, interstitial: str) -> None:
    url = serve_app(behind_bot_check(DemoShop().app, interstitial)).url
    proc = subprocess.run([sys.executable, "-m", "auditor", "audit", url, "--out", str(tmp_path), "--format", "json",
                           "--max-pages", "3", "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    vendor = {"cloudflare-challenge": "Cloudflare", "akamai": "Akamai", "aws-waf": "AWS WAF"}[interstitial]
    assert proc.returncode == 3, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("cxaudit: error:")]
    assert len(errors) == 1 and vendor in errors[0] and "cxaudit/" in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr
    site_doc = json.loads((tmp_path / "report.json").read_text())["sites"][0]
    assert site_doc["error"]["code"] == "bot_check"
