"""The crawl against real local sites: scope, robots.txt, sitemap indexes, dupes, traps, downloads."""

import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.crawl_sites import crawl_site, third_party
from tests.timed_findings import timed

pytestmark = pytest.mark.browser


async def test_crawl_respects_scope_robots_sitemaps_and_traps(serve_app: Callable[[App], LocalServer],
                                                              run_audit: Callable) -> None:
    other = serve_app(third_party())
    site_app = crawl_site(other.url)
    site = serve_app(site_app)
    started = time.perf_counter()
    result = await run_audit(site.url, checks=["load-time"], crawl={"max_pages": 40, "max_depth": 50, "concurrency": 2})
    elapsed = time.perf_counter() - started
    [s] = result.sites
    paths = sorted(urlsplit(p["url"]).path for p in s.pages)
    assert other.app.requests == []  # nothing ever left the start host
    assert "/secret/plans" not in paths and not any(p == "/secret/plans" for _m, p in site_app.requests)
    assert "/orphan" in paths  # found only through the sitemap index
    assert paths.count("/a") == 1  # /a, /a?utm_source=x#top and the sitemap's /a fold into one
    assert not any(p in ("/brochure.pdf", "/logo.png") for _m, p in site_app.requests)
    calendar_pages = [p for p in paths if p.startswith("/calendar/")]
    assert len(calendar_pages) <= 5
    assert s.crawl["robots_txt"] == "found" and s.crawl["sitemap_urls"] == 2
    assert s.crawl["skipped_reasons"].get("calendar_trap", 0) >= 1
    assert elapsed < 60
    for page in s.pages:
        assert page["error"] is None
        assert page["timings"]["ttfb_ms"] is not None and page["timings"]["fcp_ms"] is not None


async def test_demo_shop_audit_measures_catalogue_pages_and_places_no_order(demo_shop: Callable, run_audit: Callable) -> None:
    shop, url = demo_shop()
    result = await run_audit(url, crawl={"max_pages": 12})
    [s] = result.sites
    assert s.error is None
    assert s.crawl["pages_visited"] == 12
    roles = {p["role"] for p in s.pages}
    assert {"home", "product"} <= roles
    assert all(p["timings"]["lcp_ms"] is not None for p in s.pages)
    assert shop.orders.placed == 0
    load = next(c for c in s.checks if c.id == "load-time")
    assert load.evidence["pages_measured"] == 12 and load.evidence["p75"]["lcp_ms"] is not None
    assert all(0 <= p["score"] <= 100 for p in load.evidence["pages"])


async def test_the_same_site_audited_twice_gives_the_same_finding_codes(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(search="overlay", checkout_gate="forced")

    async def codes() -> set[tuple[str, str]]:
        result = await run_audit(url, checks=["site-search", "checkout-journey", "support-contact", "payment-options"],
                                 crawl={"max_pages": 10})
        return {(f.code, urlsplit(f.page_url or "").path) for c in result.sites[0].checks for f in c.findings
                if not timed(f.code, f.measurement.unit if f.measurement else None)}

    first, second = await codes(), await codes()
    assert first == second and len(first) >= 4
