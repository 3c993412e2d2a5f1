"""--device both: every journey runs on the desktop and on the mobile profile, and the report shows where they
differ (here Dawn's responsive header: the search field is in the header on desktop, behind an icon on mobile)."""

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.demo.httpkit import App, LocalServer
from reports.devices import device_comparison
from tests.sites.search_sites import responsive_search_site
from tests.sites.sticky_banner_shop import StickyBannerShop

pytestmark = pytest.mark.browser


async def test_search_hidden_only_on_mobile_is_a_mobile_only_finding(
        serve_app: Callable[[App], LocalServer], run_audit: Callable, tmp_path: Path) -> None:
    url = serve_app(responsive_search_site()).url
    result = await run_audit(url, checks=["site-search"], device="both", crawl={"max_pages": 5})
    site = result.sites[0]
    assert site.devices is not None and set(site.devices) == {"desktop", "mobile"}
    desktop = next(c for c in site.devices["desktop"]["checks"] if c["id"] == "site-search")
    mobile = next(c for c in site.devices["mobile"]["checks"] if c["id"] == "site-search")
    assert desktop["evidence"]["visible_without_click"] is True
    assert mobile["evidence"]["visible_without_click"] is False and mobile["evidence"]["reveal_control"]
    assert mobile["evidence"]["queries"][0]["results_count"] == 1  # the customer still finds the product on mobile
    codes = {f["code"] for f in mobile["findings"]} - {f["code"] for f in desktop["findings"]}
    assert codes == {"site-search/search-hidden"}
    # the site's own checks are the desktop pass; the mobile pass's screenshots do not overwrite them
    assert [c.to_json()["findings"] for c in site.checks] == [d["findings"] for d in site.devices["desktop"]["checks"]]
    shots = {s["screenshot"] for s in mobile["journey"]} & {s["screenshot"] for s in desktop["journey"]}
    assert shots <= {None}
    view = device_comparison(site.to_json())
    assert view is not None
    assert [(d.only_on, d.code) for d in view.differences] == [("mobile", "site-search/search-hidden")]


async def test_banner_covering_checkout_button_only_on_mobile_is_found_and_the_journey_goes_on(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    shop = StickyBannerShop()
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["checkout-journey"], device="both", crawl={"max_pages": 4})
    devices = result.sites[0].devices
    assert devices is not None
    desktop, mobile = (next(c for c in devices[d]["checks"] if c["id"] == "checkout-journey") for d in ("desktop", "mobile"))
    assert desktop["evidence"]["covered_controls"] == [] and desktop["evidence"]["payment_step_reached"]
    covered = mobile["evidence"]["covered_controls"]
    assert [c["action"] for c in covered] == ["Click “Checkout”"] and "Get 10% off" in covered[0]["covered_by"]
    assert mobile["evidence"]["payment_step_reached"]  # pressed through the cover: the rest is still measured
    assert {f["code"] for f in mobile["findings"]} - {f["code"] for f in desktop["findings"]} == {
        "checkout-journey/control-covered"}
    assert shop.orders == 0
