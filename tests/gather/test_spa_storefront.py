"""A client-rendered storefront (React-like: empty shell, late hydration, disabled buttons until hydrated,
client-side routing) audited end to end: crawl, search, checkout to the payment step, never paying."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.spa_shop import SpaShop

pytestmark = pytest.mark.browser


async def test_spa_storefront_is_crawled_searched_and_walked_to_payment(serve_app: Callable[[App], LocalServer],
                                                                         run_audit: Callable) -> None:
    shop = SpaShop()
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["site-search", "checkout-journey", "payment-options"], crawl={"max_pages": 6})
    [site] = result.sites
    checks: dict[str, Any] = {c.id: c for c in site.checks}
    assert {p["role"] for p in site.pages} >= {"home", "product"}
    search = checks["site-search"].evidence
    assert search["search_input_found"] and search["via"] == "input"
    known = next(q for q in search["queries"] if q["kind"] == "known_product")
    assert known["relevant_results"] == 1 and known["results_url"].endswith("/search?q=" + known["query"].replace(" ", "%20"))
    nonsense = next(q for q in search["queries"] if q["kind"] == "nonsense")
    assert nonsense["results_count"] == 0 and nonsense["zero_results_help"] is True
    checkout = checks["checkout-journey"].evidence
    journey = [(s.action, s.candidates, s.messages) for s in checks["checkout-journey"].journey]
    assert checkout["add_to_cart_found"] and checkout["cart_reached"] and checkout["checkout_reached"], (
        checkout["stopped_because"], journey)
    assert checkout["costs_shown_before_checkout"] is True
    assert checkout["steps_to_payment"] == 3 and [s["kind"] for s in checkout["steps"]] == ["page", "section", "section"]
    assert checkout["payment_step_reached"] and checkout["payment_labels"] == ["Card", "PayPal"]
    assert shop.orders == 0
    payment = checks["payment-options"].evidence
    assert {"visa", "mastercard", "paypal"} <= {m["id"] for m in payment["methods"]}
