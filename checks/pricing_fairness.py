"""Pricing fairness: does the customer pay what the shop showed them? Read from the checkout journey's own states
(auditor/journeys/prices.py reads each one as the journey goes; nothing is walked twice): the product page's price
equals the line price in the cart and at checkout; an offer the product or home page advertises ('free shipping
over 50 €', '-20%') is applied once the cart meets its condition; the total and every fee are shown before the
payment step; no paid extra (insurance, a donation) is ticked for the customer.

A false finding costs more trust than a missed one: whatever the journey could not verify (a quantity deal the cart
did not reach, an offer with a code, a product price read before a variant was chosen) is evidence, not a finding.

Evidence (report.json `pricing-fairness`): `states` [{`journey`, `step`, `url`, `kind` (product | cart | checkout |
payment | other), `product`, `lines`, `summary` {`subtotal`, `shipping`, `total`, `fees`, `taxes`, `discounts`},
`pre_ticked`, `offers`}], `product_price`, `cart_line_price`, `checkout_line_price`, `fees_before_payment`,
`fees_at_payment`, `totals` [{`step`, `kind`, `amount`, `currency`}], `pre_ticked_extras`, `offers` [{`text`,
`kind`, `where`, `condition`, `applied` (true | false | null), `why`}], `notes`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from auditor.checkspec import CheckSpec, NotApplicable, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Severity,
    inconclusive,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.journeys.prices import Money, PriceRecorder, find_offers

CHECK_ID = "pricing-fairness"
PAYMENT_KINDS = ("payment",)
BEFORE_PAYMENT = ("cart", "checkout")


class PricingThresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # two prices within this many currency units are the same price (rounding)
    rounding: float = 0.011
    # a total that rises by less than this at the payment step is rounding, not a fee
    min_fee: float = 0.05


@dataclass(frozen=True)
class PricingEvidence:
    states: list[dict[str, Any]] = field(default_factory=list)
    cart_reached: bool = False
    payment_step_reached: bool = False
    product_name: str = ""
    product_price: dict[str, Any] | None = None
    product_prices_declared: list[dict[str, Any]] = field(default_factory=list)
    product_old_price: dict[str, Any] | None = None
    product_price_settled: bool = True  # False: a range, or a variant chosen after the price was read
    cart_line_price: dict[str, Any] | None = None
    checkout_line_price: dict[str, Any] | None = None
    cart_subtotal: dict[str, Any] | None = None
    shipping_before_payment: dict[str, Any] | None = None
    fees_before_payment: list[dict[str, Any]] = field(default_factory=list)
    fees_at_payment: list[dict[str, Any]] = field(default_factory=list)  # each with `new`: not shown before
    totals: list[dict[str, Any]] = field(default_factory=list)
    pre_ticked_extras: list[dict[str, Any]] = field(default_factory=list)
    offers: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stopped_because: str | None = None
    failures: list[str] = field(default_factory=list)
    read_ms: int = 0


FINDINGS: dict[str, FindingTemplate] = {
    "price-mismatch": FindingTemplate(
        Severity.HIGH, "The cart charges a different price than the product page",
        CxImpact("A customer who sees one price on the product and another in the cart feels misled at the moment "
                 "they decide to pay; extra costs are the reason most often given for abandoning a checkout (48% of "
                 "US abandoners, Baymard 2024), and shoppers expect prices to be fully revealed up front (NN/g).",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024", "nngroup-ecommerce-trust")),
        "Make the cart and checkout take the price from the same source as the product page (variant, currency, "
        "tax display and sale price included), and test a purchase path after every price change."),
    "offer-not-applied": FindingTemplate(
        Severity.HIGH, "An advertised offer is not applied in the cart",
        CxImpact("The cart met the advertised condition but the customer was still charged: a broken promise costs "
                 "trust at the point of payment, and extra costs are the top reason US shoppers gave for abandoning "
                 "(48%, Baymard 2024); one bad experience is enough for a third of customers to walk away (PwC, 2018).",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024", "pwc-experience-2018")),
        "Apply the offer automatically when its condition is met (or name the code and the exclusions next to the "
        "offer), and show the saving as its own line in the cart."),
    "fee-at-payment": FindingTemplate(
        Severity.HIGH, "A fee first appears at the payment step",
        CxImpact("A cost that appears only when the customer is about to pay is the classic surprise charge: 48% of "
                 "US abandoners left over extra costs and 21% because they could not see the total up front "
                 "(Baymard, 2024); NN/g's trust research asks for fees shown up front, not at the last step.",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024", "nngroup-ecommerce-trust")),
        "Show every fee (payment surcharges, service or handling fees) in the cart and on each checkout step, "
        "or say on the product and cart pages which payment methods cost extra and how much."),
    "total-hidden": FindingTemplate(
        Severity.MEDIUM, "No order total is shown before the payment step",
        CxImpact("21% of US shoppers who abandoned a checkout said they could not see or calculate the total cost up "
                 "front (Baymard, 2024); without a total the customer must add shipping to the subtotal themselves.",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024", "nngroup-trustworthiness-2016")),
        "Show an order total (or an estimated total with shipping) in the cart and keep an order summary with the "
        "total on every checkout step."),
    "pre-ticked-extra": FindingTemplate(
        Severity.HIGH, "A paid extra is ticked for the customer",
        CxImpact("A box ticked in advance adds a cost the customer did not choose; it surfaces as an unexpected extra "
                 "cost, the reason 48% of US abandoners gave (Baymard, 2024), and undermines the 'fair pricing, fully "
                 "revealed' shoppers look for (NN/g).",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024", "nngroup-ecommerce-trust")),
        "Leave paid extras (insurance, donations, gift wrap, protection plans) unticked and let the customer add them."),
}
FINDINGS = mark_likely(FINDINGS, "total-hidden")  # rests on not finding a total on the pages read


# ---------------------------------------------------------------- gather

def _page(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path.rstrip('/')}"


def classify_states(states: list[dict[str, Any]], walk: Any) -> list[dict[str, Any]]:
    """Each state's kind, from the journey's step names and what its evidence says: the product page tried, the cart,
    the checkout steps (the addresses the walk filled), and the payment step (the last state at its address)."""
    payment_at = None
    if getattr(walk, "payment_step_reached", False):
        for i in range(len(states) - 1, -1, -1):
            if _page(states[i]["url"]) == _page(walk.payment_step_url):
                payment_at = i
                break
    visited = {_page(u) for u in getattr(walk, "visited_urls", []) or []}
    product = _page(getattr(walk, "product_url", None))
    # a one-page checkout is its payment step from arrival on: the address typed there changes what it shows, but
    # no state of that page comes before the payment step
    one_page_at = _page(walk.payment_step_url) if payment_at is not None and getattr(walk, "one_page_checkout", False) \
        else None
    out: list[dict[str, Any]] = []
    seen_product = in_checkout = False
    for i, s in enumerate(states):
        step, page = s["step"], _page(s["url"])
        if i == payment_at or (one_page_at is not None and page == one_page_at):
            kind = "payment"
        elif step == "Open a product page":
            kind, seen_product = "product", True
        elif step.startswith("Open the cart"):
            kind = "cart"
        elif in_checkout or page in visited or step.startswith(("Fill", "Choose", "Correct")):
            kind, in_checkout = "checkout", True
        elif seen_product and page == product:
            # added to the cart, still on the product page: a mini-cart drawer with the cart's lines and its subtotal
            # is the cart as the customer sees it (EverShop's sheet leads straight on to a one-page checkout); a
            # message or a badge leaves it the product page
            kind = "cart" if _shows_cart(s) else "product"
        elif seen_product:
            kind = "cart"
        else:
            kind = "other"
        out.append({**s, "kind": kind})
    return out


def _shows_cart(state: dict[str, Any]) -> bool:
    """A drawer over the product page that reads as a cart: product lines, and a subtotal or total beside them."""
    summary = state.get("summary") or {}
    return bool(state.get("lines")) and bool(summary.get("subtotal") or summary.get("total"))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 1 and not w.isdigit()}


def _line_for(lines: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The product's line: the one named like the product, else the only line (a fresh cart holds one product)."""
    wanted = _words(name)
    if wanted:
        for line in lines:
            got = _words(line.get("name") or "")
            if got and (wanted <= got or got <= wanted or len(wanted & got) >= max(1, round(0.6 * len(wanted)))):
                return line
    return lines[0] if len(lines) == 1 else None


def _line_price(line: dict[str, Any] | None) -> dict[str, Any] | None:
    if line is None:
        return None
    if line.get("unit"):
        return dict(line["unit"])
    if line.get("total") and line.get("qty") in (None, 1):
        return dict(line["total"])
    return None


def _state_lines(state: dict[str, Any]) -> list[dict[str, Any]]:
    """A state's product lines; a theme's plain table rows (a name and a price) when no line markup was found."""
    if state["lines"]:
        return list(state["lines"])
    return [{"name": o["label"], "qty": None, "unit": {"amount": o["amount"], "currency": o["currency"]}, "total": None}
            for o in state["summary"].get("other", []) if o["amount"] > 0]


def _shipping(state: dict[str, Any]) -> dict[str, Any] | None:
    """The shipping cost a state shows: its summary's shipping row, else the delivery method ticked."""
    if state["summary"]["shipping"]:
        return dict(state["summary"]["shipping"])
    choice = state["summary"].get("shipping_choice") or {}
    if choice.get("amount") is None:
        return None
    return {"amount": choice["amount"], "currency": choice.get("currency", "")}


def _shipping_in(states: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The shipping cost the latest of these states shows."""
    return next((x for s in reversed(states) if (x := _shipping(s)) is not None), None)


def _payment_state(states: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The payment step as the walk left it: its last state (on a one-page checkout, after the address was typed)."""
    return next((s for s in reversed(states) if s["kind"] == "payment"), None)


def _fee_key(label: str) -> str:
    return re.sub(r"[^a-zäöüßéèàç]+", "", label.casefold())[:24]


def build_evidence(states: list[dict[str, Any]], walk: Any, home_text: str = "",
                   failures: list[str] | None = None, read_ms: int = 0) -> PricingEvidence:
    """Everything assess needs, from the recorded states and the checkout journey's evidence (pure: no browser)."""
    states = classify_states(states, walk)
    notes: list[str] = []
    product_url = _page(getattr(walk, "product_url", None))
    product_states = [s for s in states if s["kind"] == "product" and _page(s["url"]) == product_url] or \
        [s for s in states if s["kind"] == "product"]
    before = [s for s in states if s["kind"] in BEFORE_PAYMENT]
    carts = [s for s in states if s["kind"] == "cart"]
    checkouts = [s for s in states if s["kind"] in ("checkout", "payment")]
    payment = _payment_state(states)

    name, price, old, declared, settled = "", None, None, [], True
    if product_states:
        opened = [s for s in product_states if s["step"] == "Open a product page"]
        last = product_states[-1]
        reading = last["product"]
        name = next((s["product"]["name"] for s in reversed(product_states) if s["product"]["name"]), "")
        price = reading["visible"] or next((s["product"]["visible"] for s in reversed(product_states)
                                            if s["product"]["visible"]), None)
        price = price or next(iter(reading["structured"]), None)
        declared = [p for s in product_states for p in s["product"]["structured"]]
        old = next((s["product"]["old_price"] for s in reversed(product_states) if s["product"]["old_price"]), None)
        if any(s["product"]["ranged"] for s in product_states):
            settled = False
            notes.append("The product page shows a price range or a 'from' price; the line price is not compared.")
        if getattr(walk, "options_chosen", None) and last in opened:
            settled = False
            notes.append("Options were chosen after the product's price was read; the chosen variant's price may differ.")

    cart_line = next((lp for s in reversed(carts) if (lp := _line_price(_line_for(_state_lines(s), name)))), None)
    checkout_line = next((lp for s in reversed(checkouts) if (lp := _line_price(_line_for(_state_lines(s), name)))),
                         None)

    totals = [{"step": s["step"], "kind": s["kind"], **s["summary"]["total"]} for s in states
              if s["kind"] in (*BEFORE_PAYMENT, *PAYMENT_KINDS) and s["summary"]["total"]]
    fees_before: list[dict[str, Any]] = []
    for s in before:
        for f in s["summary"]["fees"]:
            if not any(_fee_key(f["label"]) == _fee_key(g["label"]) for g in fees_before):
                fees_before.append({**f, "step": s["step"]})
        choice = s["summary"].get("payment_choice") or {}
        if choice.get("amount"):
            notes.append(f"The payment method chosen on “{s['step']}” carries a price in its label: {choice['label']}.")
    fees_at: list[dict[str, Any]] = []
    if payment is not None:
        for f in payment["summary"]["fees"]:
            new = not any(_fee_key(f["label"]) == _fee_key(g["label"]) or abs(f["amount"] - g["amount"]) < 0.005
                          for g in fees_before)
            fees_at.append({**f, "step": payment["step"], "new": new})
    shipping_before = _shipping_in(before)
    if shipping_before is None and getattr(walk, "one_page_checkout", False):
        # the one-page checkout shows it once the address is typed, above the payment choice: before paying
        shipping_before = _shipping_in([s for s in states if s["kind"] == "payment"])
        if shipping_before is not None:
            notes.append("A one-page checkout: the shipping cost it shows once the address is typed, before the "
                         "customer pays, counts as shown before payment.")
    if not getattr(walk, "payment_step_reached", False):
        notes.append("The payment step was not reached: fees and the total there were not compared.")
    cart_subtotal = next((s["summary"]["subtotal"] for s in reversed(before) if s["summary"]["subtotal"]), None)

    extras: list[dict[str, Any]] = []
    for s in states:
        if s["kind"] == "other":
            continue
        for box in s["pre_ticked"]:
            if not any(box["label"] == e["label"] for e in extras):
                extras.append({**box, "step": s["step"], "url": s["url"], "screenshot": s.get("screenshot")})

    offers: list[dict[str, Any]] = []
    for s in product_states[:1]:
        offers += [{**o, "where": "product"} for o in s["offers"]]
    offers += find_offers(home_text, "home")
    unique: list[dict[str, Any]] = []
    for o in offers:
        if not any(o["kind"] == u["kind"] and o["text"] == u["text"] for u in unique):
            unique.append(o)
    ev = PricingEvidence(
        states=states, cart_reached=bool(getattr(walk, "cart_reached", False)),
        payment_step_reached=bool(getattr(walk, "payment_step_reached", False)), product_name=name,
        product_price=price, product_prices_declared=declared[:4], product_old_price=old, product_price_settled=settled,
        cart_line_price=cart_line, checkout_line_price=checkout_line, cart_subtotal=cart_subtotal,
        shipping_before_payment=shipping_before, fees_before_payment=fees_before, fees_at_payment=fees_at,
        totals=totals, pre_ticked_extras=extras, offers=[], notes=notes,
        stopped_because=getattr(walk, "stopped_because", None), failures=list(failures or []), read_ms=read_ms)
    return _with_offers(ev, unique)


def _with_offers(ev: PricingEvidence, offers: list[dict[str, Any]]) -> PricingEvidence:
    judged = [{**o, **judge_offer(o, ev)} for o in offers]
    return PricingEvidence(**{**ev.__dict__, "offers": judged})


def _money(d: dict[str, Any] | None) -> Money | None:
    return Money(float(d["amount"]), str(d.get("currency") or "")) if d and d.get("amount") is not None else None


def _same(a: Money | None, b: Money | None, tolerance: float = 0.011) -> bool:
    if a is None or b is None or (a.currency and b.currency and a.currency != b.currency):
        return False
    return abs(a.amount - b.amount) <= tolerance


def _fmt(d: dict[str, Any] | Money | None) -> str:
    if d is None:
        return "?"
    m = d if isinstance(d, Money) else _money(d)
    if m is None:
        return "?"
    return f"{m.amount:.2f} {m.currency}".strip()


def judge_offer(offer: dict[str, Any], ev: PricingEvidence) -> dict[str, Any]:
    """{condition, applied (True | False | None), why}: False only when the cart verifiably met the condition."""
    kind = offer["kind"]
    has_discount_line = any(s["summary"]["discounts"] for s in ev.states if s["kind"] in (*BEFORE_PAYMENT, *PAYMENT_KINDS))
    if kind == "quantity":
        qty = offer.get("quantity", 2)
        return {"condition": f"{qty} items", "applied": True if has_discount_line else None,
                "why": f"the offer needs {qty} items and the journey put one in the cart: not verified"}
    if kind == "free_shipping_over":
        threshold = _money(offer.get("threshold"))
        condition = f"a subtotal over {_fmt(threshold)}"
        subtotal, shipping = _money(ev.cart_subtotal), _money(ev.shipping_before_payment)
        if subtotal is None:
            return {"condition": condition, "applied": None, "why": "no subtotal was read in the cart or checkout"}
        if threshold is None or (threshold.currency and subtotal.currency and threshold.currency != subtotal.currency):
            return {"condition": condition, "applied": None, "why": "the offer and the cart are in different currencies"}
        if subtotal.amount <= threshold.amount:
            return {"condition": condition, "applied": None,
                    "why": f"the cart's subtotal ({_fmt(subtotal)}) did not reach {_fmt(threshold)}"}
        if shipping is None:
            return {"condition": condition, "applied": None, "why": "no shipping cost was shown before payment"}
        if shipping.amount <= 0:
            return {"condition": condition, "applied": True, "why": f"subtotal {_fmt(subtotal)}, shipping free"}
        if offer.get("conditional"):
            return {"condition": condition, "applied": None,
                    "why": "the offer names a further condition (a code, a region, members) the journey cannot verify"}
        chosen = next((s["summary"].get("shipping_choice") for s in reversed(ev.states)  # a one-page checkout's too
                       if s["kind"] in (*BEFORE_PAYMENT, *PAYMENT_KINDS) and s["summary"].get("shipping_choice")), None)
        if chosen and re.search(r"express|next.day|same.day|overnight|priority|eil|premium", chosen.get("label", ""), re.I):
            return {"condition": condition, "applied": None,
                    "why": f"a faster delivery method was chosen ({chosen['label'][:60]}); the offer may cover standard only"}
        return {"condition": condition, "applied": False,
                "why": f"subtotal {_fmt(subtotal)} is over {_fmt(threshold)} but shipping {_fmt(shipping)} was charged"}
    # percent off
    pct = float(offer.get("percent", 0))
    condition = f"{pct:g}% off" + (" this product" if offer.get("where") == "product" else "")
    if offer.get("where") != "product":
        return {"condition": condition, "applied": True if has_discount_line else None,
                "why": "a site-wide or category offer; which products it covers is not stated: not verified"}
    if offer.get("conditional"):
        return {"condition": condition, "applied": None, "why": "the offer needs a code or another condition"}
    line = _money(ev.cart_line_price or ev.checkout_line_price)
    price, old = _money(ev.product_price), _money(ev.product_old_price)
    if line is None or price is None:
        return {"condition": condition, "applied": None, "why": "no cart line price to compare"}
    if old is not None and old.amount > price.amount:
        if _same(line, price):
            return {"condition": condition, "applied": True, "why": f"the cart charges the sale price {_fmt(price)}"}
        if _same(line, old):
            return {"condition": condition, "applied": False,
                    "why": f"the product page shows {_fmt(price)} (was {_fmt(old)}) but the cart charges the "
                           f"undiscounted {_fmt(line)}"}
        return {"condition": condition, "applied": None, "why": "the cart's line price matches neither price shown"}
    if _same(line, Money(round(price.amount * (1 - pct / 100), 2), price.currency), 0.02) or has_discount_line:
        return {"condition": condition, "applied": True, "why": "the cart takes the percentage off"}
    return {"condition": condition, "applied": None,
            "why": "the product page shows one price, so whether it already includes the discount cannot be told"}


async def gather(ctx: SiteContext) -> PricingEvidence:
    recorder = ctx.state_reader(CHECK_ID)
    walk = ctx.needed.get("checkout-journey")
    if not isinstance(recorder, PriceRecorder) or walk is None:
        raise NotApplicable("the checkout journey did not run on this site, so there are no prices to compare")
    home = ctx.home.text if ctx.home is not None else ""
    return build_evidence(list(recorder.states), walk, home, list(recorder.failures), recorder.ms)


# ---------------------------------------------------------------- assess

def assess(ev: PricingEvidence, t: PricingThresholds) -> CheckOutcome:
    if not ev.cart_reached or not any(s["kind"] in BEFORE_PAYMENT for s in ev.states):
        reason = ev.stopped_because or "the checkout journey did not reach the cart"
        if ev.cart_reached:
            reason = ev.failures[0] if ev.failures else "the cart was reached but its prices could not be read"
        return inconclusive("Prices from product page to payment", f"the cart's prices could not be compared: {reason}")
    findings: list[Finding] = []
    strengths: list[str] = []
    product = _money(ev.product_price)
    credible = [m for m in [product, *(_money(p) for p in ev.product_prices_declared)] if m is not None]

    # an advertised offer the cart met but did not apply
    not_applied = [o for o in ev.offers if o.get("applied") is False]
    for o in not_applied:
        where = "home page" if o["where"] == "home" else "product page"
        cart = next((s for s in reversed(ev.states) if s["kind"] in BEFORE_PAYMENT), None)
        findings.append(make_finding(CHECK_ID, "offer-not-applied", FINDINGS,
                                     f"The {where} advertises “{o['text']}”; {o['why']}.",
                                     page_url=cart["url"] if cart else None,
                                     screenshot=cart.get("screenshot") if cart else None))
    undiscounted = any(o["kind"] == "percent_off" and o.get("applied") is False for o in ev.offers)

    # the line price against the product page's
    if product is not None and ev.product_price_settled and not undiscounted:
        mismatches = []
        for where, line in (("cart", _money(ev.cart_line_price)), ("checkout", _money(ev.checkout_line_price))):
            if line is None:
                continue
            if line.currency and product.currency and line.currency != product.currency:
                continue  # a currency switch is not a price change we can judge
            if not any(_same(line, c, t.rounding) for c in credible):
                mismatches.append((where, line))
        if mismatches:
            higher = any(m.amount > product.amount for _w, m in mismatches)
            seen = "; ".join(f"the {w} line {_fmt(m)}" for w, m in mismatches)
            state = next((s for s in reversed(ev.states) if s["kind"] == mismatches[0][0]
                          or (mismatches[0][0] == "checkout" and s["kind"] == "payment")), None)
            findings.append(make_finding(CHECK_ID, "price-mismatch", FINDINGS,
                                         f"“{ev.product_name or 'The product'}” costs {_fmt(product)} on the product page "
                                         f"but {seen}.", page_url=state["url"] if state else None,
                                         screenshot=state.get("screenshot") if state else None,
                                         severity=None if higher else Severity.LOW))
        elif ev.cart_line_price or ev.checkout_line_price:
            strengths.append(f"The cart charges the product page's price ({_fmt(product)}).")

    # fees and the total at the payment step
    payment = _payment_state(ev.states)
    if payment is not None:
        checkout_before = any(s["kind"] == "checkout" for s in ev.states)
        # a one-page checkout is its own payment step: a fee shown there is seen before paying, so it stays evidence
        new_fees = [f for f in ev.fees_at_payment if f["new"] and f["amount"] >= t.min_fee] if checkout_before else []
        if new_fees:
            findings.append(make_finding(
                CHECK_ID, "fee-at-payment", FINDINGS,
                "At the payment step the summary adds " + ", ".join(f"“{f['label']}” {_fmt(f)}" for f in new_fees)
                + ", which no earlier page showed.", page_url=payment["url"], screenshot=payment.get("screenshot")))
        elif checkout_before:
            jump = _total_jump(ev, payment, t)
            if jump is not None:
                findings.append(make_finding(CHECK_ID, "fee-at-payment", FINDINGS, jump, page_url=payment["url"],
                                             screenshot=payment.get("screenshot")))
        totals_before = [x for x in ev.totals if x["kind"] in BEFORE_PAYMENT]
        if not totals_before:
            shown_at_payment = bool(payment["summary"]["total"])
            if not shown_at_payment:
                findings.append(make_finding(CHECK_ID, "total-hidden", FINDINGS,
                                             "Neither the cart, the checkout steps nor the payment step show an order "
                                             "total; the customer sees only "
                                             + (f"a subtotal of {_fmt(ev.cart_subtotal)}" if ev.cart_subtotal
                                                else "the item prices") + ".",
                                             page_url=payment["url"], screenshot=payment.get("screenshot")))
            elif checkout_before:
                findings.append(make_finding(CHECK_ID, "total-hidden", FINDINGS,
                                             f"The order total ({_fmt(payment['summary']['total'])}) first appears at "
                                             "the payment step; the cart and the earlier checkout steps show none.",
                                             page_url=payment["url"], screenshot=payment.get("screenshot"),
                                             severity=Severity.LOW))
        else:
            strengths.append("The order total is shown before the payment step.")
        if checkout_before and not any(f.code.endswith("fee-at-payment") for f in findings):
            strengths.append("No fee appears for the first time at the payment step.")

    # paid extras ticked for the customer
    if ev.pre_ticked_extras:
        first = ev.pre_ticked_extras[0]
        priced = any(e.get("price") for e in ev.pre_ticked_extras)
        findings.append(make_finding(
            CHECK_ID, "pre-ticked-extra", FINDINGS,
            "Ticked before the customer chose: " + "; ".join(f"“{e['label'][:80]}” ({e['step']})"
                                                             for e in ev.pre_ticked_extras[:3]) + ".",
            page_url=first["url"], screenshot=first.get("screenshot"),
            severity=None if priced else Severity.MEDIUM))
    for o in ev.offers:
        if o.get("applied") is True:
            strengths.append(f"The advertised offer “{o['text'][:60]}” is applied in the cart.")
    return outcome_from_findings(findings, strengths)


def _total_jump(ev: PricingEvidence, payment: dict[str, Any], t: PricingThresholds) -> str | None:
    """A total that rises at the payment step with no line to explain it (no new fee, no shipping or tax change)."""
    at_pay = _money(payment["summary"]["total"])
    before = next((_money(x) for x in reversed(ev.totals) if x["kind"] in BEFORE_PAYMENT), None)
    if at_pay is None or before is None or (at_pay.currency and before.currency and at_pay.currency != before.currency):
        return None
    jump = at_pay.amount - before.amount
    if jump < t.min_fee:
        return None
    pay_shipping = _money(payment["summary"]["shipping"])
    if pay_shipping is None:
        return None  # the shipping may be what changed: not a verified fee
    shipped_before = _money(_shipping_in([s for s in ev.states if s["kind"] in BEFORE_PAYMENT]))
    explained = pay_shipping.amount - (shipped_before.amount if shipped_before is not None else 0.0)
    earlier_taxes = {_fee_key(x["label"]) for s in ev.states if s["kind"] in BEFORE_PAYMENT for x in s["summary"]["taxes"]}
    explained += sum(x["amount"] for x in payment["summary"]["taxes"] if _fee_key(x["label"]) not in earlier_taxes)
    explained += sum(f["amount"] for f in ev.fees_at_payment if f["new"])
    if abs(jump - explained) < t.min_fee:
        return None
    return (f"The total rises from {_fmt(before)} to {_fmt(at_pay)} at the payment step; no new fee, shipping or tax "
            f"line explains {jump - explained:.2f}.")


CHECK = CheckSpec(id=CHECK_ID, title="Pricing fairness", kind="journey", gather=gather, assess=assess,
                  thresholds=PricingThresholds, findings=FINDINGS, needs=("checkout-journey",), timeout_s=30,
                  reads_states=PriceRecorder)
