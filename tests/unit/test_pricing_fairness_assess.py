"""pricing-fairness without a browser: amounts in several locales, what summary labels mean, which checkboxes are
paid extras, which texts are offers, and the truth table of assess over evidence built from recorded states."""

from types import SimpleNamespace
from typing import Any

import pytest

from auditor.journeys.prices import (
    Money,
    amounts,
    find_offers,
    paid_extra,
    parse_price,
    reduce_reading,
    row_kind,
)
from checks.pricing_fairness import CHECK, FINDINGS, PricingThresholds, assess, build_evidence

T = PricingThresholds()
BASE = "https://shop.test"


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("1.234,56 €", 1234.56, "EUR"), ("$1,234.56", 1234.56, "USD"), ("12,00 €", 12.0, "EUR"), ("€49.00", 49.0, "EUR"),
    ("CHF 1'234.50", 1234.5, "CHF"), ("1 234,56 zł", 1234.56, "PLN"), ("49,- €", 49.0, "EUR"), ("SEK 99", 99.0, "SEK"),
    ("kr 99,95", 99.95, "kr"), ("-€5.00", -5.0, "EUR"), ("€ -5,00", -5.0, "EUR"), ("Total: 59,90 EUR", 59.9, "EUR"),
    ("£1,000", 1000.0, "GBP"), ("99,95 kr.", 99.95, "kr"),
])
def test_amounts_are_read_in_each_locales_notation(text: str, amount: float, currency: str) -> None:
    assert amounts(text)[0] == Money(amount, currency)


def test_a_bare_schema_org_price_takes_its_declared_currency_and_text_without_a_price_gives_none() -> None:
    assert parse_price("49.00", "EUR") == Money(49.0, "EUR")
    assert parse_price("1234,5") == Money(1234.5, "")
    assert parse_price("Add to cart") is None and parse_price(None) is None


@pytest.mark.parametrize(("label", "cls", "kind"), [
    ("Subtotal", "", "subtotal"), ("Zwischensumme", "", "subtotal"), ("Sous-total", "", "subtotal"),
    ("Basket total", "", "subtotal"), ("Versandkosten", "", "shipping"), ("Frais de port", "", "shipping"),
    ("Verzendkosten", "", "shipping"), ("Zahlungsgebühr", "", "fee"), ("Nachnahmegebühr", "", "fee"),
    ("Payment surcharge", "", "fee"), ("Service fee", "", "fee"), ("Gesamtsumme", "", "total"),
    ("Order total", "", "total"), ("Totaal", "", "total"), ("MwSt. 19%", "", "tax"), ("Rabatt", "", "discount"),
    ("Shipping insurance", "fee", "fee"), ("Flat rate", "woocommerce-shipping-totals shipping", "shipping"),
    ("Total", "order-total", "total"), ("Subtotal", "cart-subtotal", "subtotal"), ("Desk lamp", "", "other"),
])
def test_summary_rows_are_named_by_their_class_first_and_their_words_second(label: str, cls: str, kind: str) -> None:
    assert row_kind(label, cls) == kind


@pytest.mark.parametrize(("label", "extra"), [
    ("Shipping insurance +3,90 €", True), ("Add a €1 donation to our charity", True), ("Geschenkverpackung (+2,50 €)", True),
    ("Versandversicherung", True), ("Remember me", False), ("I accept the terms and conditions", False),
    ("Subscribe to our newsletter", False), ("Billing address same as shipping address", False),
    ("I agree to the data protection policy", False), ("Create an account?", False),
])
def test_only_ticked_boxes_that_cost_or_name_an_extra_count_as_paid_extras(label: str, extra: bool) -> None:
    assert paid_extra(label) is extra


def test_offers_are_found_in_several_languages_with_their_condition() -> None:
    def kinds(text: str) -> list[tuple[str, Any]]:
        return [(o["kind"], o.get("threshold", {}).get("amount") or o.get("percent") or o.get("quantity"))
                for o in find_offers(text, "home")]
    assert kinds("Free shipping on orders over €50") == [("free_shipping_over", 50.0)]
    assert kinds("Versandkostenfrei ab 50 €") == [("free_shipping_over", 50.0)]
    assert kinds("ab 50 € versandkostenfrei") == [("free_shipping_over", 50.0)]
    assert kinds("Livraison gratuite dès 50 €") == [("free_shipping_over", 50.0)]
    assert kinds("-20%") == [("percent_off", 20)]
    assert kinds("3 for 2 on all mugs") == [("quantity", 3)]
    assert kinds("2 für 1") == [("quantity", 2)]
    assert kinds("Buy 2 get 1 free") == [("quantity", 3)]
    assert kinds("Size 1x1 m\nFree returns within 30 days") == []
    assert find_offers("20% off with code SPRING", "home")[0]["conditional"] is True


# ---------------------------------------------------------------- evidence from recorded states

def summary(**kw: Any) -> dict[str, Any]:
    return {"subtotal": None, "shipping": None, "shipping_label": None, "total": None, "fees": [], "taxes": [],
            "discounts": [], "other": [], **kw}


def eur(amount: float) -> dict[str, Any]:
    return {"amount": amount, "currency": "EUR"}


def state(step: str, path: str, *, product: dict[str, Any] | None = None, lines: list[dict[str, Any]] | None = None,
          boxes: list[dict[str, Any]] | None = None, offers: list[dict[str, Any]] | None = None, **summ: Any) -> dict[str, Any]:
    return {"journey": "checkout", "step": step, "url": BASE + path, "screenshot": None,
            "product": product or {"name": "", "visible": None, "structured": [], "old_price": None, "ranged": False,
                                   "products_declared": 0},
            "lines": lines or [], "summary": summary(**summ), "pre_ticked": boxes or [], "offers": offers or []}


def product_state(price: float = 60.0, old: float | None = None, offers: list[dict[str, Any]] | None = None,
                  ranged: bool = False) -> dict[str, Any]:
    return state("Open a product page", "/p/lamp", offers=offers,
                 product={"name": "Walnut Desk Lamp", "visible": eur(price), "structured": [eur(price)],
                          "old_price": eur(old) if old else None, "ranged": ranged, "products_declared": 1})


def line(price: float) -> dict[str, Any]:
    return {"name": "Walnut Desk Lamp", "qty": 1, "unit": eur(price), "total": eur(price)}


def walk(payment: bool = True, cart: bool = True, options: bool = False) -> SimpleNamespace:
    return SimpleNamespace(product_url=BASE + "/p/lamp", cart_reached=cart, payment_step_reached=payment,
                           payment_step_url=BASE + "/checkout/payment" if payment else None,
                           visited_urls=[BASE + "/checkout", BASE + "/checkout/payment"],
                           options_chosen=[{"widget": "select", "label": "Colour", "value": "Oak"}] if options else [],
                           stopped_because=None if cart else "adding to the cart did not work")


def fair_states(*, cart_price: float = 60.0, shipping: float = 0.0, pay_fees: list[dict[str, Any]] | None = None,
                pay_total: float | None = 60.0, cart_total: float | None = 60.0, boxes: list[dict[str, Any]] | None = None,
                product: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [
        product or product_state(),
        state("Click “Add to cart”", "/cart", lines=[line(cart_price)], subtotal=eur(cart_price), shipping=eur(shipping),
              total=eur(cart_total) if cart_total else None),
        state("Click “Proceed to checkout”", "/checkout", lines=[line(cart_price)], boxes=boxes,
              subtotal=eur(cart_price), shipping=eur(shipping), total=eur(cart_total) if cart_total else None),
        state("Fill step 1 and click “Continue”", "/checkout/payment", lines=[line(cart_price)], fees=pay_fees or [],
              subtotal=eur(cart_price), shipping=eur(shipping), total=eur(pay_total) if pay_total else None),
    ]


def outcome_codes(states: list[dict[str, Any]], home: str = "", **w: Any) -> list[str]:
    out = assess(build_evidence(states, walk(**w), home), T)
    return [f.code.split("/")[1] for f in out.findings]


def test_states_take_their_kind_from_the_step_names_and_the_journeys_addresses() -> None:
    ev = build_evidence(fair_states(), walk())
    assert [s["kind"] for s in ev.states] == ["product", "cart", "checkout", "payment"]


def test_a_fair_journey_has_no_finding_and_says_what_it_verified() -> None:
    out = assess(build_evidence(fair_states(), walk(), "Free shipping on orders over 50,00 €"), T)
    assert out.findings == [] and out.status.value == "passed"
    assert any("product page's price" in s for s in out.strengths)
    assert any("offer" in s for s in out.strengths)


def test_a_cart_that_was_never_reached_is_inconclusive_with_the_journeys_reason() -> None:
    out = assess(build_evidence([product_state()], walk(payment=False, cart=False)), T)
    assert out.outcome.value == "inconclusive" and "adding to the cart did not work" in (out.reason or "")


@pytest.mark.parametrize(("cart_price", "expected", "severity"), [
    (60.0, [], None), (60.005, [], None), (64.0, ["price-mismatch"], "high"), (55.0, ["price-mismatch"], "low"),
])
def test_the_line_price_must_equal_the_product_price_beyond_rounding(cart_price: float, expected: list[str],
                                                                     severity: str | None) -> None:
    out = assess(build_evidence(fair_states(cart_price=cart_price, cart_total=cart_price, pay_total=cart_price), walk()), T)
    assert [f.code.split("/")[1] for f in out.findings] == expected
    if severity:
        assert out.findings[0].severity.value == severity


def test_a_price_read_before_a_variant_was_chosen_or_a_from_price_is_not_compared() -> None:
    assert outcome_codes(fair_states(cart_price=64.0, cart_total=64.0, pay_total=64.0), options=True) == []
    ranged = product_state(ranged=True)
    assert outcome_codes(fair_states(cart_price=64.0, cart_total=64.0, pay_total=64.0, product=ranged)) == []


@pytest.mark.parametrize(("subtotal", "shipping", "offer", "applied", "codes"), [
    (60.0, 0.0, "Free shipping on orders over €50", True, []),
    (60.0, 4.95, "Free shipping on orders over €50", False, ["offer-not-applied"]),
    (45.0, 4.95, "Free shipping on orders over €50", None, []),          # the cart did not reach the threshold
    (50.0, 4.95, "Free shipping on orders over €50", None, []),          # at the threshold: "over" is not met
    (60.0, 4.95, "Free shipping over €50 with code SHIP", None, []),    # a code the journey cannot know
    (60.0, 4.95, "Free shipping on orders over $50", None, []),          # another currency
])
def test_free_shipping_offers_are_judged_only_when_the_cart_met_their_condition(
        subtotal: float, shipping: float, offer: str, applied: bool | None, codes: list[str]) -> None:
    states = fair_states(cart_price=subtotal, shipping=shipping, cart_total=subtotal + shipping,
                         pay_total=subtotal + shipping, product=product_state(subtotal))
    ev = build_evidence(states, walk(), offer)
    assert ev.offers[0]["applied"] is applied, ev.offers[0]["why"]
    assert [f.code.split("/")[1] for f in assess(ev, T).findings] == codes


def test_a_quantity_deal_the_cart_does_not_reach_is_evidence_never_a_finding() -> None:
    offers = find_offers("3 for 2 on all lamps", "product")
    ev = build_evidence(fair_states(product=product_state(offers=offers)), walk())
    offer = ev.offers[0]
    assert offer["kind"] == "quantity" and offer["applied"] is None and "not verified" in offer["why"]
    assert assess(ev, T).findings == []


def test_a_percentage_on_the_product_is_not_applied_when_the_cart_charges_the_struck_through_price() -> None:
    offers = find_offers("-20%", "product")
    sale = product_state(price=48.0, old=60.0, offers=offers)
    ev = build_evidence(fair_states(cart_price=60.0, product=sale), walk())
    assert ev.offers[0]["applied"] is False and "undiscounted" in ev.offers[0]["why"]
    assert [f.code.split("/")[1] for f in assess(ev, T).findings] == ["offer-not-applied"]  # not also a mismatch
    applied = build_evidence(fair_states(cart_price=48.0, cart_total=48.0, pay_total=48.0, product=sale), walk())
    assert applied.offers[0]["applied"] is True and assess(applied, T).findings == []


def test_a_percentage_next_to_a_single_price_cannot_be_judged() -> None:
    ev = build_evidence(fair_states(product=product_state(offers=find_offers("-20%", "product"))), walk())
    assert ev.offers[0]["applied"] is None and assess(ev, T).findings == []


def test_a_fee_first_shown_at_payment_is_a_finding_and_one_shown_before_is_not() -> None:
    fee = {"label": "Zahlungsgebühr", **eur(2.5)}
    assert outcome_codes(fair_states(pay_fees=[fee], pay_total=62.5)) == ["fee-at-payment"]
    states = fair_states(pay_fees=[fee], pay_total=62.5, cart_total=62.5)
    states[2]["summary"]["fees"] = [fee]
    assert outcome_codes(states) == []


def test_a_total_that_jumps_at_payment_without_a_line_is_a_late_fee_but_a_shipping_change_is_not() -> None:
    assert outcome_codes(fair_states(pay_total=63.0)) == ["fee-at-payment"]
    states = fair_states(pay_total=64.95)
    states[3]["summary"]["shipping"] = eur(4.95)
    assert outcome_codes(states) == []


def test_a_fee_on_a_one_page_checkout_is_evidence_only() -> None:
    states = fair_states(pay_fees=[{"label": "Payment fee", **eur(2.5)}], pay_total=62.5)
    del states[2]  # the cart went straight to the page that asks for payment
    ev = build_evidence(states, walk())
    assert ev.fees_at_payment[0]["new"] is True and assess(ev, T).findings == []


def one_page(shipping_after_address: float | None = 4.95) -> tuple[list[dict[str, Any]], SimpleNamespace]:
    """A cart, then the one page that asks for the address and the payment: on arrival, then once the walk typed the
    address (the delivery method it then lists raises the total)."""
    states = fair_states()[:2]
    states[1]["summary"]["shipping"] = None  # the cart shows no shipping cost
    states += [state("Click “Proceed to checkout”", "/checkout", lines=[line(60.0)], subtotal=eur(60.0), total=eur(60.0)),
               state("Type the delivery address on the payment page to see delivery costs (nothing is submitted)",
                     "/checkout", lines=[line(60.0)], subtotal=eur(60.0),
                     shipping=eur(shipping_after_address) if shipping_after_address is not None else None,
                     total=eur(60.0 + (shipping_after_address or 0.0)))]
    w = walk()
    w.payment_step_url, w.visited_urls, w.one_page_checkout = BASE + "/checkout", [BASE + "/checkout"], True
    return states, w


def test_a_one_page_checkout_is_the_payment_step_from_arrival_and_its_shipping_shows_before_paying() -> None:
    states, w = one_page()
    ev = build_evidence(states, w)
    assert [s["kind"] for s in ev.states] == ["product", "cart", "payment", "payment"]
    assert ev.shipping_before_payment == eur(4.95) and any("one-page checkout" in n for n in ev.notes)
    assert assess(ev, T).findings == [], "the total rising by the shipping the address revealed is no late fee"
    states, w = one_page(shipping_after_address=None)
    assert build_evidence(states, w).shipping_before_payment is None


def test_a_free_shipping_offer_on_a_one_page_checkout_is_judged_on_the_delivery_method_chosen_there() -> None:
    states, w = one_page()
    ev = build_evidence(states, w, "Free shipping over 50 €")
    assert ev.offers[0]["applied"] is False, "subtotal 60 € over 50 € and 4.95 € shipping charged"
    states[-1]["summary"]["shipping_choice"] = {"label": "Express next day 4,95 €", **eur(4.95)}
    ev = build_evidence(states, w, "Free shipping over 50 €")
    assert ev.offers[0]["applied"] is None and "faster delivery" in ev.offers[0]["why"]


def test_shipping_first_shown_on_a_multi_step_payment_page_is_not_shown_before_payment() -> None:
    states = fair_states(pay_total=64.95)
    for s in states[1:3]:
        s["summary"]["shipping"] = None
    states[3]["summary"]["shipping"] = eur(4.95)
    ev = build_evidence(states, walk())
    assert ev.shipping_before_payment is None and outcome_codes(states) == []


def test_a_total_beside_an_inclusive_tax_aside_is_the_amount_outside_the_brackets() -> None:
    raw = {"rows": [{"label": "Total", "value": "(Inclusive of tax $0.00) $40.00", "cls": ""}],
           "radios": [{"name": "", "label": "Same as shipping address"}, {"name": "", "label": "Standard Shipping $5.00"}]}
    s = reduce_reading(raw)["summary"]
    assert s["total"] == {"amount": 40.0, "currency": "USD"}
    assert s["shipping_choice"]["label"] == "Standard Shipping $5.00", "an address choice is no delivery method"


def test_a_total_missing_before_payment_is_a_likely_finding_and_its_severity_says_whether_payment_shows_one() -> None:
    never = assess(build_evidence(fair_states(cart_total=None, pay_total=None), walk()), T)
    assert [(f.code, f.severity.value, f.confidence.value) for f in never.findings] == [
        ("pricing-fairness/total-hidden", "medium", "likely")]
    late = assess(build_evidence(fair_states(cart_total=None, pay_total=60.0), walk()), T)
    assert [(f.code, f.severity.value) for f in late.findings] == [("pricing-fairness/total-hidden", "low")]


def test_payment_not_reached_leaves_late_fees_and_totals_unjudged() -> None:
    states = fair_states(cart_total=None)[:3]
    ev = build_evidence(states, walk(payment=False))
    assert assess(ev, T).findings == [] and any("payment step was not reached" in n for n in ev.notes)


def test_a_pre_ticked_priced_extra_is_high_and_an_unpriced_one_medium() -> None:
    priced = [{"label": "Shipping insurance +3,90 €", "name": "ins", "price": eur(3.9)}]
    out = assess(build_evidence(fair_states(boxes=priced), walk()), T)
    assert [(f.code.split("/")[1], f.severity.value) for f in out.findings] == [("pre-ticked-extra", "high")]
    unpriced = [{"label": "Add a donation to plant a tree", "name": "don", "price": None}]
    out = assess(build_evidence(fair_states(boxes=unpriced), walk()), T)
    assert [(f.code.split("/")[1], f.severity.value) for f in out.findings] == [("pre-ticked-extra", "medium")]


def test_reduce_reading_turns_a_raw_page_reading_into_prices_lines_and_extras() -> None:
    raw = {"h1": "Walnut Desk Lamp", "structured": [{"type": "Offer", "price": "60.00", "currency": "EUR"}],
           "visible": [{"text": "60,00 €", "cls": "price"}], "old": [],
           "lines": [{"name": "Walnut Desk Lamp", "qty": "1", "unit": "60,00 €", "total": "60,00 €", "text": ""}],
           "rows": [{"label": "Subtotal", "value": "60,00 €", "cls": "cart-subtotal"},
                    {"label": "Shipping", "value": "Free shipping", "cls": "woocommerce-shipping-totals shipping"},
                    {"label": "Zahlungsgebühr", "value": "2,50 €*", "cls": "checkout-aside-summary-label"},
                    {"label": "Gesamtsumme", "value": "62,50 €*", "cls": "checkout-aside-summary-total"},
                    {"label": "Free shipping on orders over 50 €", "value": "50 €", "cls": "shipping-banner"}],
           "radios": [{"name": "paymentMethodId", "label": "Cash on delivery (+2,50 €)"}],
           "boxes": [{"name": "remember", "label": "Remember me"}, {"name": "ins", "label": "Shipping insurance +3,90 €"}],
           "text": "Walnut Desk Lamp\n-20%\n60,00 €"}
    r = reduce_reading(raw)
    assert r["product"]["visible"] == eur(60.0) and r["product"]["structured"] == [eur(60.0)]
    assert r["lines"] == [{"name": "Walnut Desk Lamp", "qty": 1, "unit": eur(60.0), "total": eur(60.0)}]
    s = r["summary"]
    assert s["subtotal"] == eur(60.0) and s["shipping"] == {"amount": 0.0, "currency": ""} and s["total"] == eur(62.5)
    assert s["fees"] == [{"label": "Zahlungsgebühr", **eur(2.5)}]
    assert s["payment_choice"]["amount"] == 2.5
    assert [b["label"] for b in r["pre_ticked"]] == ["Shipping insurance +3,90 €"]
    assert r["offers"][0]["kind"] == "percent_off"


def test_every_finding_cites_known_sources_and_the_check_reads_journey_states() -> None:
    from auditor.citations import CATALOGUE

    assert all(c in CATALOGUE for t in FINDINGS.values() for c in t.impact.cites)
    assert CHECK.reads_states is not None and CHECK.needs == ("checkout-journey",)
