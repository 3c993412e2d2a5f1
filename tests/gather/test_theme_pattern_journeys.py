"""The checkout journey on fixture shops that copy real themes' structures (tests/sites/theme_patterns.py): each
pattern that stopped the journey on real storefronts, with the exact facts a person counts. Orders stay 0."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites import theme_patterns as tp

pytestmark = pytest.mark.browser

SHOPS = [
    pytest.param(tp.SwatchShop, tp.EXPECTED_SWATCH, id="dawn-swatches-please-select"),
    pytest.param(tp.ColourButtonShop, {**tp.EXPECTED_SWATCH, **tp.EXPECTED_COLOUR_BUTTON}, id="dawn-colour-buttons"),
    pytest.param(tp.ViewCartOnlyShop, tp.EXPECTED_VIEW_CART_ONLY, id="woocommerce-view-cart-only-mini-cart"),
    pytest.param(tp.ListingHomeShop, tp.EXPECTED_LISTING_HOME, id="oscar-listing-at-home"),
    pytest.param(tp.PostcodeShop, tp.EXPECTED_POSTCODE, id="oscar-country-validated-postcode"),
    pytest.param(tp.ProgressiveCheckoutShop, tp.EXPECTED_PROGRESSIVE, id="prestashop-progressive-one-page"),
]


async def journey(shop: Any, serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> Any:
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["checkout-journey"], crawl={"max_pages": 10})
    assert shop.orders == 0, "the journey placed an order"
    return next(c for c in result.sites[0].checks if c.id == "checkout-journey")


@pytest.mark.parametrize(("shop_class", "expected"), SHOPS)
async def test_the_journey_reaches_payment_on_real_theme_structures(shop_class: type, expected: dict[str, Any],
                                                                    serve_app: Callable[[App], LocalServer],
                                                                    run_audit: Callable[..., Any]) -> None:
    check = await journey(shop_class(), serve_app, run_audit)
    ev = check.evidence
    path = [(s.action, [c["result"] for c in s.candidates], list(s.messages)) for s in check.journey]
    assert ev["payment_step_reached"], (ev["stopped_because"], path)
    assert ev["steps_to_payment"] == expected["steps_to_payment"], ([s["title"] for s in ev["steps"]], path)
    assert ev["one_page_checkout"] is expected["one_page_checkout"]
    assert ev["guest_checkout"] == expected["guest_checkout"]
    assert sorted(ev["payment_labels"]) == sorted(expected["payment_labels"])
    assert check.outcome is not None and check.outcome.value == "reached"
    assert all(f.severity.value not in ("critical", "high") for f in check.findings), [f.code for f in check.findings]
    assert any(s.candidates for s in check.journey), "each step says which candidates it tried"
