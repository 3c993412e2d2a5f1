"""The real CLI in a subprocess: exit codes, one-line errors, no tracebacks, the reports it writes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.demo.httpkit import App, LocalServer, Response


def cxaudit(*args: str, cwd: Path | None = None, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=cwd, stdin=subprocess.DEVNULL, env={**__import__("os").environ, "CI": "1"})


def assert_one_line_error(proc: subprocess.CompletedProcess[str], code: int, needle: str) -> None:
    assert proc.returncode == code, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("cxaudit: error:")]
    assert errors and needle in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_not_a_url_is_a_usage_error() -> None:
    assert_one_line_error(cxaudit("audit", "not a url"), 2, "not a valid URL")


def test_unsupported_scheme_is_a_usage_error() -> None:
    assert_one_line_error(cxaudit("audit", "ftp://files.example/"), 2, "unsupported scheme")


def test_no_url_is_a_usage_error(tmp_path: Path) -> None:
    assert_one_line_error(cxaudit("audit", cwd=tmp_path), 2, "no URL given")


def test_unreachable_host_exits_3_with_a_reason(tmp_path: Path) -> None:
    proc = cxaudit("audit", "http://127.0.0.1:9/", "--out", str(tmp_path / "r"))
    assert_one_line_error(proc, 3, "refused")
    doc = json.loads((tmp_path / "r" / "report.json").read_text())
    assert doc["sites"][0]["error"]["code"] == "unreachable"


@pytest.mark.parametrize(("route", "code", "needle"), [
    ("/data.json", "non_html", "serves application/json, not a web page"),
    ("/missing", "http_error", "answered HTTP 404"),
    ("/loop", "redirect_loop", "redirect loop"),
])
def test_preflight_classes(serve_app: Callable[[App], LocalServer], tmp_path: Path, route: str, code: str, needle: str) -> None:
    app = App()
    app.add("/data.json", lambda r: Response.json("{}"))
    app.add("/loop", lambda r: Response.redirect("/loop", 302))
    server = serve_app(app)
    proc = cxaudit("audit", server.url.rstrip("/") + route, "--out", str(tmp_path / "r"))
    assert_one_line_error(proc, 3, needle)
    assert json.loads((tmp_path / "r" / "report.json").read_text())["sites"][0]["error"]["code"] == code


def test_invalid_config_file_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "cxaudit.toml").write_text("[crawl]\nmax_pagez = 3\n")
    assert_one_line_error(cxaudit("audit", "https://shop.example/", cwd=tmp_path), 2, "crawl.max_pagez: unknown key")
    (tmp_path / "cxaudit.toml").write_text("[crawl\n")
    assert_one_line_error(cxaudit("audit", "https://shop.example/", cwd=tmp_path), 2, "not valid TOML")
    assert_one_line_error(cxaudit("audit", "https://shop.example/", "--config", str(tmp_path / "nope.toml")), 2, "does not exist")


def test_missing_browser_is_exit_3_with_how_to_get_one(tmp_path: Path) -> None:
    proc = cxaudit("audit", "https://shop.example/", "--browser-path", str(tmp_path / "no-chrome"))
    assert_one_line_error(proc, 2, "does not exist")


def test_help_and_version() -> None:
    assert "Exit codes" in cxaudit("--help").stdout
    assert "audit" in cxaudit("audit", "--help").stdout
    assert cxaudit("--version").stdout.startswith("cxaudit, version")


@pytest.mark.browser
def test_demo_compare_on_both_devices_shows_two_sites_side_by_side_with_mobile_next_to_desktop(tmp_path: Path) -> None:
    out = tmp_path / "report"
    proc = cxaudit("demo", "--compare", "--device", "both", "--checks", "support-contact,payment-options", "--max-pages",
                   "6", "--out", str(out), "--format", "html,json", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert "orders placed on the demo shops during the audit: 0" in proc.stderr
    doc = json.loads((out / "report.json").read_text())
    assert len(doc["sites"]) == 2
    assert all(set(site["devices"]) == {"desktop", "mobile"} for site in doc["sites"])
    html = (out / "report.html").read_text()
    assert "▲ best" in html and "Desktop and mobile" in html


def test_demo_writes_every_report_and_places_no_order(tmp_path: Path) -> None:
    out = tmp_path / "report"
    proc = cxaudit("demo", "--out", str(out), "--max-pages", "8", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert "orders placed on the demo shop during the audit: 0" in proc.stderr
    for name in ("report.html", "report.json", "junit.xml", "summary.md"):
        assert (out / name).is_file(), name
    doc = json.loads((out / "report.json").read_text())
    assert doc["schema_version"] == "2" and doc["gate"]["passed"] is True
    assert doc["sites"][0]["crawl"]["pages_visited"] == 8
    assert "report written to" in proc.stderr
    html = (out / "report.html").read_text()
    # the report lists the contact channels with the customer's click path, and the payment methods with where
    assert "Path a customer clicks" in html and "Home → Contact us" in html
    assert "How we saw it" in html and "footer" in html
    assert {c["id"] for c in doc["sites"][0]["checks"]} == {"load-time", "site-search", "checkout-journey",
                                                           "support-contact", "delivery-returns", "payment-options",
                                                               "consent-banner", "reviews-feedback",
                                                               "journey-accessibility", "pricing-fairness"}
