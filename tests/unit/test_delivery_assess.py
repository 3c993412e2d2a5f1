from dataclasses import replace

import pytest

from auditor.findings import Status
from checks.delivery_returns import DeliveryEvidence, DeliveryThresholds, assess, classify_estimate

GOOD = DeliveryEvidence(
    shipping_info_url="https://s.example/shipping", returns_policy_url="https://s.example/returns",
    delivery_estimate_on_product_page=True, delivery_estimate_kind="date", delivery_estimate_text="get it by Thursday 14",
    shipping_cost_before_checkout=True, clicks_from_home={"shipping": 1, "returns": 1}, shipping_link_in_footer=True,
    returns_link_in_footer=True, product_pages_checked=3, paths={"shipping": ["Shipping"], "returns": ["Returns"]})


def codes(ev: DeliveryEvidence) -> set[str]:
    return {f.code.split("/")[1] for f in assess(ev, DeliveryThresholds()).findings}


def test_clear_delivery_and_returns_pass() -> None:
    out = assess(GOOD, DeliveryThresholds())
    assert out.status is Status.PASSED and not out.findings and len(out.strengths) == 3


@pytest.mark.parametrize(("change", "expected"), [
    ({"returns_policy_url": None, "clicks_from_home": {"shipping": 1, "returns": None}}, {"no-returns-policy"}),
    ({"shipping_info_url": None, "clicks_from_home": {"shipping": None, "returns": 1}}, {"no-shipping-info"}),
    ({"returns_link_in_footer": False}, {"policy-links-not-in-footer"}),
    ({"clicks_from_home": {"shipping": 1, "returns": 3}}, {"policy-deep"}),
    ({"delivery_estimate_kind": "none", "delivery_estimate_on_product_page": False}, {"no-delivery-estimate"}),
    ({"delivery_estimate_kind": "speed"}, {"delivery-speed-not-date"}),
    ({"shipping_cost_before_checkout": False}, {"shipping-cost-late"}),
    ({"shipping_cost_before_checkout": None}, set()),
    ({"product_pages_checked": 0, "delivery_estimate_kind": "none"}, set()),
])
def test_each_gap_has_its_finding(change: dict, expected: set[str]) -> None:
    assert codes(replace(GOOD, **change)) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("Order today, get it by Thursday 14 March.", "date"),
    ("Arrives Nov 26 if you order within 3 hours", "date"),
    ("Delivered tomorrow", "date"),
    ("Delivery in 2–4 business days.", "speed"),
    ("Ships within 3 working days", "speed"),
    ("Next-day delivery available", "speed"),
    ("Lieferzeit: 2-3 Werktage", "speed"),
    ("Beautiful handmade mug.", "none"),
])
def test_delivery_estimates_are_classified(text: str, kind: str) -> None:
    assert classify_estimate(text)[0] == kind


@pytest.mark.parametrize(("text", "html", "codes"), [
    ("Price €49.00", "", {"EUR"}), ("£12", "", {"GBP"}), ("$5.99 each", "", {"USD"}), ("CHF 40.-", "", {"CHF"}),
    ("A$ 20", "", {"AUD"}), ("49,00 EUR", "", {"EUR"}), ("no prices here", "", set()),
    ("", '<meta itemprop="priceCurrency" content="SEK">', {"SEK"}), ("", '"priceCurrency": "usd"', {"USD"}),
])
def test_currencies_are_read_from_symbols_codes_and_schema_org(text: str, html: str, codes: set[str]) -> None:
    from auditor.page_parsing import currencies_shown

    assert currencies_shown(text, html) == codes


def test_prices_in_another_currency_than_the_markets_are_a_finding() -> None:
    assert codes(replace(GOOD, market_currency="GBP", currencies_on_product_pages=["EUR"])) == {"prices-in-other-currency"}
    assert codes(replace(GOOD, market_currency="EUR", currencies_on_product_pages=["EUR", "USD"])) == set()
    assert codes(replace(GOOD, market_currency="EUR", currencies_on_product_pages=[])) == set()


@pytest.mark.parametrize("text", [
    "Standard shipping for a flat EUR 5.00; orders arrive in 2-4 working days.",  # Shuup's CMS page, as merchants write it
    "Delivery: 4.95 EUR", "Versand ab € 3,90", "Shipping costs £3.50", "Free shipping on every order",
    "Livraison CHF 7.00",
])
def test_a_shipping_price_is_read_whichever_side_of_the_amount_its_currency_stands(text: str) -> None:
    from auditor.page_parsing import PRICE_NEAR_SHIPPING

    assert PRICE_NEAR_SHIPPING.search(text)


@pytest.mark.parametrize("text", ["Shipping to 27 countries", "Delivery in 2-4 days", "EUR 5.00 gift cards"])
def test_shipping_words_without_a_price_are_not_a_price(text: str) -> None:
    from auditor.page_parsing import PRICE_NEAR_SHIPPING

    assert not PRICE_NEAR_SHIPPING.search(text)
