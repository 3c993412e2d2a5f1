"""journey-accessibility reads the states the journeys reached, and names the step a problem blocks."""

from collections.abc import Callable

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.a11y_shop import A11yShop

pytestmark = pytest.mark.browser


async def test_unlabelled_checkout_field_and_nameless_cart_button_are_found_on_their_steps(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    shop = A11yShop()
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["checkout-journey", "journey-accessibility"], crawl={"max_pages": 4})
    checks = {c.id: c for c in result.sites[0].checks}
    assert checks["checkout-journey"].evidence["payment_step_reached"] and shop.orders == 0
    ev = checks["journey-accessibility"].evidence
    by_rule = {(s["journey"], v["rule"]): s for s in ev["states"] for v in s["violations"]}
    assert by_rule[("checkout", "label")]["url"].endswith("/checkout")
    assert by_rule[("checkout", "button-name")]["url"].endswith("/cart")
    codes = {f.code: f for f in checks["journey-accessibility"].findings}
    unlabelled = codes["journey-accessibility/unlabelled-fields"]
    assert unlabelled.severity.value == "high" and "postcode" in unlabelled.observed
    assert "journey-accessibility/unnamed-controls" in codes
    assert "journey-accessibility/low-contrast" not in codes  # white on #1a4fd6 passes
