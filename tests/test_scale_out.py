"""Beyond one process: shards merged back equal one run; a remote Playwright browser server audits the same."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from auditor.browser.locate import locate_browser
from auditor.browser.session import BrowserSession
from auditor.demo.httpkit import App, LocalServer
from auditor.demo.shop import DemoShop, ShopOptions
from auditor.results import iter_findings
from tests.browser_server import playwright_run_server
from tests.test_cli import cxaudit
from tests.timed_findings import timed as is_timed

# the shops differ in what these checks see (contact in the header, the footer's payment marks); journeys that
# take longer (search, checkout) are exercised on their own elsewhere
CHECKS = "load-time,support-contact,payment-options"


def timed(finding: dict[str, Any]) -> bool:
    return is_timed(finding["code"], (finding.get("measurement") or {}).get("unit"))


def finding_keys(doc: dict[str, Any]) -> set[tuple[str, str, str]]:
    from auditor.baseline import finding_key

    return {(s["start_url"], *finding_key(s, f)[1:]) for s, _c, f in iter_findings(doc) if not timed(f)}


def test_shards_merged_give_the_same_findings_as_one_run(serve_app: Callable[[App], LocalServer], tmp_path: Path) -> None:
    shops = [DemoShop(ShopOptions(name="Alpha")), DemoShop(ShopOptions(name="Beta", contact_in_header=True)),
             DemoShop(ShopOptions(name="Gamma", footer_payments=("visa",)))]
    urls = [serve_app(s.app).url for s in shops]
    common = ["--checks", CHECKS, "--max-pages", "6", "--fail-on", "never", "--quiet"]
    single = cxaudit("audit", *urls, "--out", str(tmp_path / "single"), *common)
    assert single.returncode == 0, single.stderr
    for i in (1, 2):
        run = cxaudit("audit", *urls, "--shard", f"{i}/2", "--out", str(tmp_path / f"shard{i}"), *common)
        assert run.returncode == 0, run.stderr
    merged = cxaudit("merge-reports", str(tmp_path / "shard1"), str(tmp_path / "shard2"), "--out", str(tmp_path / "merged"))
    assert merged.returncode == 0, merged.stderr
    one = json.loads((tmp_path / "single" / "report.json").read_text())
    parts = [json.loads((tmp_path / f"shard{i}" / "report.json").read_text()) for i in (1, 2)]
    both = json.loads((tmp_path / "merged" / "report.json").read_text())
    assert sorted(len(p["sites"]) for p in parts) == [1, 2]
    assert sorted(s["start_url"] for s in both["sites"]) == sorted(urls)
    assert finding_keys(both) == finding_keys(one) and finding_keys(one)
    merged_dir = tmp_path / "merged"
    assert {"report.html", "junit.xml", "summary.md"} <= {p.name for p in merged_dir.iterdir()}
    per_site = sorted(p.name for p in (merged_dir / "sites").iterdir())
    assert len(per_site) == 3 and all((merged_dir / "sites" / n / "report.html").is_file() for n in per_site)
    for site in both["sites"]:
        assert site["screenshot"] is None or (merged_dir / site["screenshot"]).is_file()


@pytest.fixture
def playwright_server() -> Iterator[str]:
    """A real `playwright run-server`, as a browser grid would run it, on a free 127.0.0.1 port."""
    with playwright_run_server() as (endpoint, _proc):
        yield endpoint


@pytest.mark.asyncio(loop_scope="session")
async def test_a_remote_browser_server_gives_the_same_findings_as_the_local_browser(
        playwright_server: str, demo_shop: Callable[..., tuple[DemoShop, str]], run_audit: Callable[..., Any],
        tmp_path: Path) -> None:
    from auditor.config import AuditConfig
    from auditor.runner import Auditor
    from checks import all_checks

    shop, url = demo_shop()
    checks = ["load-time", "checkout-journey", "support-contact", "payment-options"]  # journeys, screenshots, guards
    local = (await run_audit(url, checks=checks, crawl={"max_pages": 10})).to_json()
    executable = locate_browser(None).executable
    cfg = AuditConfig.model_validate({"urls": [url], "out": str(tmp_path / "remote"), "crawl": {"max_pages": 10}, "checks": checks,
                                      "browser_endpoint": playwright_server, "browser_path": executable})
    async with BrowserSession(executable, playwright_server) as remote_session:
        assert remote_session.location is not None and remote_session.location.source == "remote"
        remote = (await Auditor(cfg, all_checks()).run(remote_session)).to_json()
    assert remote["sites"][0]["error"] is None
    codes = {f["code"] for _s, _c, f in iter_findings(remote) if not timed(f)}
    assert codes == {f["code"] for _s, _c, f in iter_findings(local) if not timed(f)}
    assert codes and shop.orders.placed == 0


def test_one_failing_site_never_stops_the_others(serve_app: Callable[[App], LocalServer], tmp_path: Path) -> None:
    good = serve_app(DemoShop().app).url
    run = cxaudit("audit", good, "http://127.0.0.1:9/", "--checks", "load-time", "--max-pages", "3",
                  "--site-concurrency", "2", "--out", str(tmp_path), "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    doc = json.loads((tmp_path / "report.json").read_text())
    by_url = {s["start_url"]: s for s in doc["sites"]}
    assert by_url["http://127.0.0.1:9/"]["error"]["code"] == "unreachable"
    assert by_url[good]["error"] is None and by_url[good]["crawl"]["pages_visited"] == 3
    assert len(list((tmp_path / "sites").iterdir())) == 2, "one report per site next to the combined one"
