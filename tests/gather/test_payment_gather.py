"""payment-options against fixture shops, evidence asserted field by field."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.payment_sites import provider_scripts_site

pytestmark = pytest.mark.browser


def payment(result: Any) -> tuple[dict, set[str], Any]:
    check = next(c for c in result.sites[0].checks if c.id == "payment-options")
    return check.evidence, {f.code.removeprefix("payment-options/") for f in check.findings}, check


def methods(ev: dict) -> dict[str, dict]:
    return {m["id"]: m for m in ev["methods"]}


async def test_footer_logos_only(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(footer_payments=("visa", "mastercard", "paypal"))
    ev, codes, _ = payment(await run_audit(url, checks=["payment-options"], crawl={"max_pages": 5}))
    assert set(methods(ev)) == {"visa", "mastercard", "paypal"}
    assert methods(ev)["visa"]["how"] == ["logo"] and methods(ev)["visa"]["kind"] == "card"
    assert ev["where"]["footer"] == ["visa", "mastercard", "paypal"] and ev["where"]["product"] == []
    assert ev["shown_before_checkout"] == ["mastercard", "paypal", "visa"]
    assert ev["payment_step_reached"] is None
    assert codes == set()


async def test_payment_step_radios_only(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(footer_payments=(), checkout_payments=("card", "klarna", "ideal"))
    ev, codes, _ = payment(await run_audit(url, checks=["checkout-journey", "payment-options"], crawl={"max_pages": 6}))
    assert ev["payment_step_reached"] is True
    assert ev["payment_step_methods"] == ["card", "ideal", "klarna"]
    assert set(methods(ev)) == {"card", "ideal", "klarna"}
    assert methods(ev)["klarna"]["how"] == ["form"] and methods(ev)["klarna"]["seen_on"][0].endswith("/checkout/payment")
    assert ev["shown_before_checkout"] == []
    assert "none-before-checkout" in codes and "only-cards" not in codes


async def test_only_cards_at_the_payment_step(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(footer_payments=("visa", "mastercard"), checkout_payments=("card",))
    ev, codes, _ = payment(await run_audit(url, checks=["checkout-journey", "payment-options"], crawl={"max_pages": 6}))
    assert {m["kind"] for m in ev["methods"]} == {"card"}
    assert "only-cards" in codes


async def test_provider_scripts_only(serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    url = serve_app(provider_scripts_site()).url
    ev, _codes, _ = payment(await run_audit(url, checks=["payment-options"], crawl={"max_pages": 3}))
    assert set(methods(ev)) == {"paypal", "klarna"}
    assert all(m["how"] == ["script"] for m in ev["methods"])
    assert ev["trust_seals"] == ["trustpilot"]


async def test_nothing_visible_before_checkout_is_a_finding_even_without_the_payment_step(demo_shop: Callable,
                                                                                           run_audit: Callable) -> None:
    _shop, url = demo_shop(footer_payments=())
    _ev, codes, check = payment(await run_audit(url, checks=["payment-options"], crawl={"max_pages": 4}))
    assert codes == {"none-shown-before-checkout"}
    assert [u.what for u in check.unverified] == ["The payment methods offered at the payment step"]


async def test_the_footer_promises_a_method_the_payment_step_does_not_offer(demo_shop: Callable, run_audit: Callable) -> None:
    # the footer shows Visa, Mastercard and Klarna; the payment step offers a card form, PayPal and Apple Pay
    shop, url = demo_shop(footer_payments=("visa", "mastercard", "klarna"))
    ev, codes, check = payment(await run_audit(url, checks=["checkout-journey", "payment-options"], crawl={"max_pages": 6}))
    assert ev["advertised_before_checkout"] == ["klarna", "mastercard", "visa"]
    assert ev["offered_at_payment_step"] == ["apple_pay", "card", "paypal"]
    promise = {f.code.removeprefix("payment-options/"): f for f in check.findings}
    assert {"advertised-not-accepted", "accepted-not-advertised"} <= set(codes)
    assert "klarna" in promise["advertised-not-accepted"].observed and "visa" not in promise["advertised-not-accepted"].observed
    assert promise["advertised-not-accepted"].confidence.value == "confirmed"
    assert "apple_pay" in promise["accepted-not-advertised"].observed
    assert shop.orders.placed == 0


async def test_logos_that_the_payment_step_honours_raise_no_promise_finding(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(footer_payments=("visa", "mastercard", "amex", "paypal", "apple_pay"))
    _ev, codes, _check = payment(await run_audit(url, checks=["checkout-journey", "payment-options"], crawl={"max_pages": 6}))
    assert not codes & {"advertised-not-accepted", "accepted-not-advertised"}
