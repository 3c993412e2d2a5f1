"""The checkout journey on fixture shops: exact step counts, the account gate, options, drawers, and the
purchase traps. Every test proves the shop's order counter stays at 0."""

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.browser


async def walk(demo_shop: Callable, run_audit: Callable, **options: Any) -> tuple[dict, set[str], Any]:
    shop, url = demo_shop(**options)
    result = await run_audit(url, checks=["checkout-journey"], crawl={"max_pages": 6})
    check = next(c for c in result.sites[0].checks if c.id == "checkout-journey")
    assert shop.orders.placed == 0, shop.orders.attempts
    assert check.evidence.get("orders_placed", 0) == 0
    return check.evidence, {f.code.removeprefix("checkout-journey/") for f in check.findings}, check


async def test_guest_checkout_multi_step(demo_shop: Callable, run_audit: Callable) -> None:
    ev, codes, check = await walk(demo_shop, run_audit)
    assert ev["add_to_cart_found"] and ev["cart_reached"] and ev["checkout_reached"]
    assert ev["cart_kind"] == "page" and ev["guest_checkout"] == "offered" and ev["guest_first"] is True
    assert ev["account_gate"] == ["guest", "sign_in"]
    assert ev["steps_to_payment"] == 4
    assert [s["title"] for s in ev["steps"]] == ["Checkout", "Shipping address", "Delivery", "Payment"]
    assert (ev["form_fields_total"], ev["form_fields_required"]) == (10, 6)
    assert ev["payment_step_reached"] and ev["payment_labels"] == ["Credit or debit card", "PayPal", "Apple Pay"]
    assert ev["stopped_because"].startswith("payment step reached")
    assert ev["costs_shown_before_checkout"] is False
    assert codes == {"costs-not-shown-before-checkout"}
    assert all(step.screenshot for step in check.journey)
    assert ev["clicks"] == 5 and ev["journey_ms"] > 0


async def test_forced_account_stops_at_the_gate(demo_shop: Callable, run_audit: Callable) -> None:
    ev, codes, _ = await walk(demo_shop, run_audit, checkout_gate="forced", shipping_in_cart=True)
    assert ev["guest_checkout"] == "forced_account" and ev["account_gate"] == ["sign_in", "register"]
    assert ev["steps_to_payment"] is None and not ev["payment_step_reached"]
    assert ev["email_confirmation_required"] is True
    assert codes == {"forced-account", "email-confirmation-required"}


async def test_one_page_checkout_counts_its_numbered_sections(demo_shop: Callable, run_audit: Callable) -> None:
    ev, _codes, _ = await walk(demo_shop, run_audit, checkout_style="one_page")
    assert ev["steps_to_payment"] == 3
    assert [s["kind"] for s in ev["steps"]] == ["page", "section", "section"]
    assert [s["fields"] for s in ev["steps"]][:2] == [5, 1]
    assert ev["payment_step_reached"]


async def test_options_in_a_custom_dropdown_are_chosen_before_add_to_cart(demo_shop: Callable, run_audit: Callable) -> None:
    ev, _codes, _ = await walk(demo_shop, run_audit, sizes_on_every_product=True, size_picker="custom")
    assert ev["options_chosen"] and ev["options_chosen"][0]["value"] == "S"
    assert ev["cart_reached"] and ev["steps_to_payment"] == 4


async def test_select_options_and_a_cart_drawer(demo_shop: Callable, run_audit: Callable) -> None:
    ev, _codes, _ = await walk(demo_shop, run_audit, sizes_on_every_product=True, cart_style="drawer")
    assert ev["options_chosen"] == [{"widget": "select", "label": "Size", "value": "S"}]
    assert ev["cart_kind"] == "drawer" and ev["checkout_reached"] and ev["steps_to_payment"] == 4


async def test_disguised_continue_that_places_an_order_is_refused(demo_shop: Callable, run_audit: Callable) -> None:
    ev, _codes, _ = await walk(demo_shop, run_audit, trap_continue_places_order=True)
    assert ev["stopped_because"].startswith("stopped by the purchase guard")
    assert any("/order/place" in r for r in ev["refused"])
    assert not ev["payment_step_reached"]


async def test_auto_submitting_payment_form_is_blocked(demo_shop: Callable, run_audit: Callable) -> None:
    ev, _codes, _ = await walk(demo_shop, run_audit, trap_auto_submit_payment=True)
    assert any("/order/place" in r for r in ev["refused"])
    assert ev["payment_step_reached"] and ev["steps_to_payment"] == 4


async def test_buy_now_is_recorded_never_clicked_and_cart_costs_are_seen(demo_shop: Callable, run_audit: Callable) -> None:
    ev, codes, _ = await walk(demo_shop, run_audit, buy_now_button=True, shipping_in_cart=True)
    assert ev["buy_now_present"] is True
    assert ev["costs_shown_before_checkout"] is True
    assert codes == set()


async def test_no_checkout_flag_skips_the_journey(demo_shop: Callable, run_audit: Callable) -> None:
    shop, url = demo_shop()
    result = await run_audit(url, checks=["checkout-journey"], crawl={"max_pages": 3}, checkout={"enabled": False})
    check = result.sites[0].checks[0]
    assert check.status.value == "not_applicable" and "--no-checkout" in check.reason
    assert not [p for m, p in shop.app.requests if m == "POST" or p.startswith("/checkout")]
