"""delivery-returns against the demo shop and its variants, evidence asserted field by field."""

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.browser


async def gather_evidence(run_audit: Callable, url: str) -> tuple[dict, set[str]]:
    result = await run_audit(url, checks=["delivery-returns"], crawl={"max_pages": 10})
    check = next(c for c in result.sites[0].checks if c.id == "delivery-returns")
    return check.evidence, {f.code for f in check.findings}


async def test_footer_links_and_speed_estimate(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop()
    ev, codes = await gather_evidence(run_audit, url)
    assert ev["shipping_info_url"].endswith("/shipping") and ev["returns_policy_url"].endswith("/returns")
    assert ev["clicks_from_home"] == {"shipping": 1, "returns": 1}
    assert ev["shipping_link_in_footer"] and ev["returns_link_in_footer"]
    assert ev["delivery_estimate_kind"] == "speed" and ev["delivery_estimate_on_product_page"] is True
    assert ev["shipping_cost_before_checkout"] is True
    assert codes == {"delivery-returns/delivery-speed-not-date"}


async def test_returns_linked_only_from_the_help_centre(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(returns_link="help_only", delivery_estimate="date")
    ev, codes = await gather_evidence(run_audit, url)
    assert ev["clicks_from_home"]["returns"] == 2
    assert ev["paths"]["returns"] == ["Help centre", "Returns and refunds"]
    assert ev["returns_link_in_footer"] is False
    assert ev["delivery_estimate_kind"] == "date"
    assert codes == {"delivery-returns/policy-links-not-in-footer"}


async def test_no_returns_and_no_estimate(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(returns_link="none", delivery_estimate="none")
    ev, codes = await gather_evidence(run_audit, url)
    assert ev["returns_policy_url"] is None and ev["clicks_from_home"]["returns"] is None
    assert ev["delivery_estimate_on_product_page"] is False
    assert {"delivery-returns/no-returns-policy", "delivery-returns/no-delivery-estimate"} <= codes
