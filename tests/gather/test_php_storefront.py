"""A WooCommerce-style PHP shop: query-string product URLs, `?s=` search, add-to-cart as a link, and a
one-page checkout whose billing form sits on the payment step next to "Place order"."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.php_shop import PhpShop

pytestmark = pytest.mark.browser


async def test_php_shop_end_to_end_without_placing_the_order(serve_app: Callable[[App], LocalServer],
                                                             run_audit: Callable) -> None:
    shop = PhpShop()
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["site-search", "checkout-journey", "payment-options"], crawl={"max_pages": 6})
    checks: dict[str, Any] = {c.id: c for c in result.sites[0].checks}
    roles = [(p["url"], p["role"]) for p in result.sites[0].pages]
    assert sum(r == "product" for _u, r in roles) >= 2, roles  # query-string product URLs
    search = checks["site-search"].evidence
    assert search["search_input_selector"] == "input#wc-search[name=s]"
    queries = {q["kind"]: q for q in search["queries"]}
    assert queries["known_product"]["relevant_results"] == 1
    assert queries["nonsense"]["results_count"] == 0 and queries["nonsense"]["zero_results_help"] is False
    checkout = checks["checkout-journey"].evidence
    assert checkout["cart_reached"] and checkout["costs_shown_before_checkout"] is False
    assert checkout["steps_to_payment"] == 1 and checkout["guest_checkout"] == "offered"
    assert checkout["stopped_because"].startswith("payment step reached: the page shows a final purchase control")
    assert checkout["form_fields_total"] == 11 and checkout["form_fields_required"] == 9
    assert checkout["steps"][0]["coupon_field"] is False
    assert checkout["payment_labels"] == ["Direct bank transfer", "Cash on delivery", "PayPal"]
    assert {"bank_transfer", "cash_on_delivery", "paypal"} <= {m["id"] for m in checks["payment-options"].evidence["methods"]}
    assert shop.orders == 0
