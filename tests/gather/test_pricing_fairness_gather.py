"""pricing-fairness reads the checkout journey's states: each unfair pattern of the pricing shop gives exactly its
finding with the evidence behind it, the fair shop gives none, and nothing is ever bought."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.pricing_shop import PricingShop, Unfair

pytestmark = pytest.mark.browser


async def audit(shop: PricingShop, serve_app: Callable[[App], LocalServer], run_audit: Callable) -> Any:
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["checkout-journey", "pricing-fairness"], crawl={"max_pages": 4})
    checks = {c.id: c for c in result.sites[0].checks}
    assert checks["checkout-journey"].evidence["payment_step_reached"], checks["checkout-journey"].evidence["stopped_because"]
    assert shop.orders == 0
    return checks["pricing-fairness"]


def codes(check: Any) -> set[str]:
    return {f.code.split("/")[1] for f in check.findings}


async def test_fair_shop_has_no_pricing_finding_and_its_offer_is_seen_applied(serve_app, run_audit) -> None:
    check = await audit(PricingShop(), serve_app, run_audit)
    ev = check.evidence
    assert codes(check) == set(), [f.observed for f in check.findings]
    assert ev["product_price"] == {"amount": 60.0, "currency": "EUR"}
    assert ev["cart_line_price"]["amount"] == 60.0 and ev["checkout_line_price"]["amount"] == 60.0
    kinds = [s["kind"] for s in ev["states"]]
    assert kinds[0] == "product" and "cart" in kinds and "checkout" in kinds and kinds[-1] == "payment"
    offer = next(o for o in ev["offers"] if o["kind"] == "free_shipping_over")
    assert offer["applied"] is True and offer["threshold"]["amount"] == 50.0
    assert ev["pre_ticked_extras"] == [] and all(not f["new"] for f in ev["fees_at_payment"])


async def test_free_shipping_offer_not_applied_on_a_cart_over_the_threshold_is_a_finding(serve_app, run_audit) -> None:
    check = await audit(PricingShop(Unfair(offer_not_applied=True)), serve_app, run_audit)
    assert codes(check) == {"offer-not-applied"}, [f.observed for f in check.findings]
    offer = next(o for o in check.evidence["offers"] if o["kind"] == "free_shipping_over")
    assert offer["applied"] is False and offer["where"] == "home"
    assert "60.00 EUR" in offer["why"] and "4.95" in offer["why"]
    assert check.evidence["shipping_before_payment"]["amount"] == 4.95
    finding = check.findings[0]
    assert "Free shipping on orders over 50,00 €" in finding.observed and finding.severity.value == "high"


async def test_payment_surcharge_first_shown_at_the_payment_step_is_a_finding(serve_app, run_audit) -> None:
    check = await audit(PricingShop(Unfair(fee_at_payment=True)), serve_app, run_audit)
    assert codes(check) == {"fee-at-payment"}, [f.observed for f in check.findings]
    new = [f for f in check.evidence["fees_at_payment"] if f["new"]]
    assert [(f["label"], f["amount"]) for f in new] == [("Payment surcharge", 2.5)]
    assert check.evidence["fees_before_payment"] == []
    assert check.findings[0].page_url.endswith("/checkout/payment")


async def test_pre_ticked_shipping_insurance_is_a_finding_but_not_a_late_fee(serve_app, run_audit) -> None:
    check = await audit(PricingShop(Unfair(pre_ticked_insurance=True)), serve_app, run_audit)
    assert codes(check) == {"pre-ticked-extra"}, [f.observed for f in check.findings]
    extra = check.evidence["pre_ticked_extras"][0]
    assert "Shipping insurance" in extra["label"] and extra["price"] == {"amount": 3.9, "currency": "EUR"}
    assert extra["url"].endswith("/checkout/shipping")
    assert [f["label"] for f in check.evidence["fees_before_payment"]] == ["Shipping insurance"]


async def test_cart_line_dearer_than_the_product_page_is_a_price_mismatch(serve_app, run_audit) -> None:
    check = await audit(PricingShop(Unfair(cart_price=64.0)), serve_app, run_audit)
    assert codes(check) == {"price-mismatch"}, [f.observed for f in check.findings]
    ev = check.evidence
    assert ev["product_price"]["amount"] == 60.0 and ev["cart_line_price"]["amount"] == 64.0
    finding = check.findings[0]
    assert "60.00 EUR" in finding.observed and "64.00 EUR" in finding.observed and finding.severity.value == "high"


async def test_demo_shop_shows_no_total_before_payment_and_keeps_its_prices(demo_shop, run_audit) -> None:
    shop, url = demo_shop()
    result = await run_audit(url, checks=["checkout-journey", "pricing-fairness"], crawl={"max_pages": 6})
    check = {c.id: c for c in result.sites[0].checks}["pricing-fairness"]
    ev = check.evidence
    assert ev["product_price"]["amount"] == ev["cart_line_price"]["amount"]  # the demo charges what it shows
    assert ev["shipping_before_payment"]["amount"] == 4.95 and ev["totals"] == []
    assert [f.code for f in check.findings] == ["pricing-fairness/total-hidden"]
    assert check.findings[0].confidence.value == "likely" and "subtotal" in check.findings[0].observed
    assert shop.orders.placed == 0


async def test_a_mini_cart_sheet_and_a_one_page_checkout_are_read_by_structure(serve_app, run_audit) -> None:
    """EverShop's shape: the cart is a sheet over the product page, then straight to a one-page checkout; its lines
    and subtotal carry no class a platform names. Before, the journey reached payment but no cart was read, so the
    check was inconclusive."""
    from tests.sites.sheet_cart_shop import SheetCartShop
    shop = SheetCartShop()
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["checkout-journey", "pricing-fairness"], crawl={"max_pages": 4})
    checks = {c.id: c for c in result.sites[0].checks}
    assert checks["checkout-journey"].evidence["payment_step_reached"], checks["checkout-journey"].evidence["stopped_because"]
    assert shop.orders == 0
    check = checks["pricing-fairness"]
    ev = check.evidence
    assert check.status.value == "passed", check.reason
    kinds = [s["kind"] for s in ev["states"]]
    assert kinds[0] == "product" and "cart" in kinds and kinds[-1] == "payment"
    sheet = next(s for s in ev["states"] if s["kind"] == "cart")
    assert [line["name"] for line in sheet["lines"]] == ["Stainless Steel Thermos"]
    usd = {"amount": 35.0, "currency": "USD"}
    assert ev["product_price"] == usd and ev["cart_line_price"] == usd and ev["checkout_line_price"] == usd
    assert ev["cart_subtotal"] == usd
    assert ev["states"][-1]["summary"]["subtotal"] == usd
    assert codes(check) == set(), [f.observed for f in check.findings]


async def one_page_walk(shop: Any, serve_app: Callable[[App], LocalServer], run_audit: Callable,
                        max_pages: int = 10) -> tuple[dict[str, Any], Any]:
    """The checkout walk's evidence and the pricing check on a shop whose payment page asks for the address: the
    walk reached payment there, typed the address and placed no order."""
    result = await run_audit(serve_app(shop.app).url, checks=["checkout-journey", "pricing-fairness"],
                             crawl={"max_pages": max_pages})
    checks = {c.id: c for c in result.sites[0].checks}
    walk = checks["checkout-journey"].evidence
    assert walk["payment_step_reached"] and walk["one_page_checkout"], walk["stopped_because"]
    assert shop.orders == 0
    return walk, checks["pricing-fairness"]


async def test_a_one_page_checkout_shows_its_shipping_cost_once_the_address_is_typed(serve_app, run_audit) -> None:
    """EverShop lists its delivery methods only once an address is typed on the page that also asks how to pay;
    make accuracy missed its $5.00 shipping because the walk stopped on arrival. The walk now types the address
    (never submitting), takes the one method offered, and the shipping counts as shown before payment."""
    from tests.sites.sheet_cart_shop import SheetCartShop
    walk, check = await one_page_walk(SheetCartShop(), serve_app, run_audit, max_pages=4)
    assert walk["delivery_choice"] == "Standard Shipping $5.00"
    assert walk["steps_to_payment"] == 1 and walk["form_fields_required"] == 6
    assert walk["customer"]["country"] == "US", "the country the form offered, so the postcode fits it"
    ev = check.evidence
    assert [s["kind"] for s in ev["states"] if s["url"].endswith("/checkout")] == ["payment", "payment"]
    assert ev["shipping_before_payment"] == {"amount": 5.0, "currency": "USD"}
    assert ev["states"][-1]["summary"]["total"] == {"amount": 40.0, "currency": "USD"}
    assert codes(check) == set(), [f.observed for f in check.findings]


async def test_oscar_basket_rows_of_bootstrap_columns_are_read_as_lines(serve_app, run_audit) -> None:
    """django-oscar's basket: each line is a `div.row` of columns (a product link, a quantity field, a price) inside
    `basket-items`, with no class that names a line; its quantity field finds the row."""
    from tests.sites.theme_patterns import PostcodeShop
    shop = PostcodeShop()
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["checkout-journey", "pricing-fairness"], crawl={"max_pages": 10})
    assert shop.orders == 0
    ev = next(c for c in result.sites[0].checks if c.id == "pricing-fairness").evidence
    basket = next(s for s in ev["states"] if s["kind"] == "cart")
    assert len(basket["lines"]) == 1 and basket["lines"][0]["qty"] == 1
    assert ev["cart_line_price"] == ev["product_price"] and ev["cart_line_price"]["currency"] == "GBP"


async def test_on_a_phone_the_total_on_a_collapsed_order_summary_bar_is_read(serve_app, run_audit) -> None:
    """EverShop on a phone: the summary rail is hidden and a closed "Order summary $35.00" disclosure shows the total;
    make accuracy-mobile had a false total-hidden (medium) there."""
    from tests.sites.sheet_cart_shop import SheetCartShop
    shop = SheetCartShop()
    result = await run_audit(serve_app(shop.app).url, checks=["checkout-journey", "pricing-fairness"], device="mobile",
                             crawl={"max_pages": 4})
    assert shop.orders == 0
    check = next(c for c in result.sites[0].checks if c.id == "pricing-fairness")
    at_payment = [s for s in check.evidence["states"] if s["kind"] == "payment"]
    assert [s["summary"]["total"]["amount"] for s in at_payment] == [35.0, 40.0]  # on arrival, then with shipping
    assert "total-hidden" not in codes(check), [f.observed for f in check.findings]


async def test_woocommerce_shows_its_rates_once_the_address_is_typed_and_they_count_before_payment(
        serve_app, run_audit) -> None:
    """WooCommerce with no default customer location: "Enter your address to view shipping options." until the
    address is complete, then update_order_review returns the rates; nothing is submitted."""
    from tests.sites.theme_patterns import AddressFirstShippingShop
    shop = AddressFirstShippingShop()
    walk, check = await one_page_walk(shop, serve_app, run_audit)
    assert shop.reviews_with_rates >= 1, "the typed address reached update_order_review"
    assert check.evidence["shipping_before_payment"] == {"amount": 4.95, "currency": "GBP"}
    assert walk["delivery_choice"] is None, "WooCommerce checks its first rate itself"
    assert codes(check) == set(), [f.observed for f in check.findings]


async def test_shopify_lists_its_rates_once_the_address_is_typed_and_they_count_before_payment(
        serve_app, run_audit) -> None:
    """Shopify's one-page checkout: "Enter your shipping address to view available shipping methods." until the
    address is complete, then the rates, the first selected, and the summary's shipping; "Pay now" is never pressed."""
    from tests.sites.theme_patterns import RatesAfterAddressShop
    shop = RatesAfterAddressShop()
    _walk, check = await one_page_walk(shop, serve_app, run_audit)
    assert shop.rate_requests >= 1, "the typed address asked for the rates"
    assert check.evidence["shipping_before_payment"] == {"amount": 3.99, "currency": "GBP"}
    assert codes(check) == set(), [f.observed for f in check.findings]
