"""The checkout journey: can a guest customer get from a product to the payment step, and how hard is it?

The goal, the evidence and the assessment live here; the walk itself is the shared journey engine
(auditor/journeys/checkout_walk.py): observe, act on ranked candidates, verify progress, recover from what the
site says, with one coherent test customer. It stops at the step that asks for payment and never buys: every
action goes through the guarded page (see docs/safety.md)."""

from __future__ import annotations

import re

from playwright.async_api import Error as PlaywrightError
from pydantic import BaseModel, ConfigDict

from auditor.browser.guard import OutOfScope, PurchaseRefused
from auditor.checkspec import CheckSpec, NotApplicable, SiteContext
from auditor.crawl.frontier import priority_of
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Measurement,
    Outcome,
    Severity,
    Unverified,
    inconclusive,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.journeys.checkout_walk import CheckoutWalk, in_stock_text, walk_to_payment
from auditor.snapshot import PageSnapshot
from auditor.structured import items_of_type

CHECK_ID = "checkout-journey"
MAX_PRODUCTS = 3


class CheckoutThresholds(BaseModel):
    """Baymard's 2024 benchmark: 5.1 steps and 11.3 fields on average; 7–8 fields are enough."""

    model_config = ConfigDict(extra="forbid")
    max_steps_to_payment: int = 5
    max_fields: int = 12
    max_required_fields: int = 10


class CheckoutEvidence(CheckoutWalk):
    """What the walk saw: the product, the cart, each step with its fields and the site's messages, the test
    customer, and where and why it stopped. report.json's `checkout-journey` evidence."""


FINDINGS: dict[str, FindingTemplate] = {
    "forced-account": FindingTemplate(
        Severity.HIGH, "Customers must create an account to buy",
        CxImpact("Being made to register is one of the top reasons to abandon: 26% of US shoppers who left a "
                 "checkout in Baymard's 2024 survey gave it as a reason.",
                 Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Offer guest checkout, and invite customers to save their details as an account after the order."),
    "email-confirmation-required": FindingTemplate(
        Severity.HIGH, "The account must be confirmed by email before ordering",
        CxImpact("Leaving the shop to find a confirmation email adds effort at the worst moment; forced accounts "
                 "already cost a quarter of abandoners (Baymard, 2024).",
                 Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024", "ceb-effortless-experience-2013")),
        "Let customers order first; confirm the email address afterwards, if at all."),
    "guest-not-prominent": FindingTemplate(
        Severity.LOW, "Guest checkout is offered but not the first option",
        CxImpact("Baymard found 47% of sites with guest checkout don't make it the most prominent option, and test "
                 "users stalled looking for it.", Dimension.USABILITY, ("baymard-guest-checkout",)),
        "Put 'Continue as guest' first and make it the primary button on the account step."),
    "too-many-steps": FindingTemplate(
        Severity.MEDIUM, "Checkout takes many steps before payment",
        CxImpact("22% of US abandoners said checkout was too long or complicated (Baymard, 2024); the average "
                 "benchmarked checkout has 5.1 steps.",
                 Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024", "baymard-checkout-fields-2024")),
        "Merge steps (address and delivery on one page), skip steps with a single choice, and drop the account step."),
    "too-many-fields": FindingTemplate(
        Severity.MEDIUM, "Checkout asks for many form fields",
        CxImpact("Baymard's research finds the number of fields matters more than the number of steps: the average "
                 "checkout has 11.3 fields while 7–8 are enough for most sites.",
                 Dimension.USABILITY, ("baymard-checkout-fields-2024",)),
        "Remove optional fields (company, second address line, phone unless needed), use one full-name field "
        "and autofill city from the postcode."),
    "costs-not-shown-before-checkout": FindingTemplate(
        Severity.MEDIUM, "The cart does not show delivery costs",
        CxImpact("Extra costs appearing late are the most common reason to abandon (48%), and 21% of abandoners could "
                 "not see or calculate the total up front (Baymard, 2024).",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024",)),
        "Show the shipping cost (or an estimate, or 'free shipping') and the order total in the cart."),
    "add-to-cart-missing": FindingTemplate(
        Severity.CRITICAL, "No add-to-cart control was found on product pages",
        CxImpact("If customers cannot put a product in the cart, nothing can be bought; every visit to that page "
                 "is a lost sale.", Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Give product pages a clearly labelled 'Add to cart' button that works without extra steps."),
    "add-to-cart-broken": FindingTemplate(
        Severity.CRITICAL, "Adding to cart does not work",
        CxImpact("A broken add-to-cart stops every purchase; 17% of abandoners in Baymard's survey left because of "
                 "site errors or crashes.", Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Fix the add-to-cart action for the product in the evidence and monitor it."),
    "cart-unreachable": FindingTemplate(
        Severity.HIGH, "The cart or checkout could not be reached",
        CxImpact("Customers who cannot find the way from cart to checkout cannot pay; 17% of abandoners cite site "
                 "errors (Baymard, 2024).", Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Add a visible cart link in the header and a clear 'Checkout' button in the cart."),
    "checkout-stuck": FindingTemplate(
        Severity.MEDIUM, "We could not get past a checkout step with valid test data",
        CxImpact("If an automated customer with complete, valid details cannot continue, real customers may hit the "
                 "same wall; 22% of abandoners found checkout too complicated (Baymard, 2024).",
                 Dimension.USABILITY, ("baymard-cart-abandonment-2024",)),
        "Check the step named in the evidence by hand: validation messages, required fields and the continue button."),
    "control-covered": FindingTemplate(
        Severity.MEDIUM, "Something covers a button the customer must press",
        CxImpact("A sticky header, a banner or an overlapping menu sits on top of a control of the purchase path, so a "
                 "tap lands on the cover instead; WCAG 2.2 SC 2.4.11 asks that author content never hide the control "
                 "in use, and 17% of US abandoners left over site errors (Baymard, 2024).",
                 Dimension.USABILITY, ("w3c-wcag22-focus-not-obscured", "baymard-cart-abandonment-2024")),
        "Keep sticky headers and banners clear of the page's controls on every screen size (scroll padding, a "
        "smaller sticky area on phones, banners that do not overlap the main action)."),
    "checkout-errors": FindingTemplate(
        Severity.MEDIUM, "JavaScript errors during checkout",
        CxImpact("Errors in checkout can silently break buttons and payment forms; 17% of US abandoners left because "
                 "of site errors or crashes (Baymard, 2024).", Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Fix the errors listed in the evidence and monitor front-end errors on checkout pages."),
}

FINDINGS = mark_likely(FINDINGS, "costs-not-shown-before-checkout", "add-to-cart-missing", "cart-unreachable")  # inferred from absence


# ---------------------------------------------------------------- gather

def in_stock(snapshot: PageSnapshot) -> bool:
    for item in items_of_type(snapshot.html, snapshot.final_url, "Offer", "AggregateOffer"):
        availability = str(item.get("availability") or "")
        if re.search(r"OutOfStock|SoldOut|Discontinued", availability, re.I):
            return False
    return in_stock_text(snapshot.text)


async def gather(ctx: SiteContext) -> CheckoutEvidence:
    if not ctx.config.checkout.enabled:
        raise NotApplicable("the checkout journey was switched off (--no-checkout)")
    products = await ctx.products_for_journey()
    products.sort(key=lambda p: not in_stock(p))
    candidates = [p.final_url for p in products[:MAX_PRODUCTS]] or product_link_candidates(ctx)
    if not candidates:
        raise NotApplicable("no product page or product link was found, so there is nothing to put in a cart")
    ev = CheckoutEvidence()
    gp = await ctx.new_guarded_page("checkout")
    errors: list[str] = []
    gp.page.on("pageerror", lambda err: errors.append(str(err)[:200]))
    try:
        data = ctx.config.checkout
        if not data.country and ctx.config.market.country:  # --country: the market's customer fills the forms
            data = data.model_copy(update={"country": ctx.config.market.country})
        await walk_to_payment(gp, candidates, data, ev)
    except PurchaseRefused as exc:
        ev.stopped_because = f"stopped by the purchase guard: {exc}"
        ev.stopped_at_url = gp.url
    except OutOfScope as exc:
        ev.stopped_because = f"the journey would leave the site: {exc}"
        ev.stopped_at_url = gp.url
    except PlaywrightError as exc:
        ev.stopped_because = f"the browser failed: {str(exc).splitlines()[0][:160]}"
        ev.stopped_at_url = gp.url
    ev.js_errors = list(dict.fromkeys(errors))[:10]
    ev.refused = list(ctx.guard_log.refused)[:20]
    ev.covered_controls = list(gp.covered)[:10]
    ev.journey_steps = list(gp.steps)
    ev.clicks = sum(1 for s in gp.steps if s.action.startswith(("Click", "Choose", "Fill", "Open the cart", "Look at",
                                                                "Correct")))
    ev.journey_ms = sum(s.ms for s in gp.steps)
    return ev


def product_link_candidates(ctx: SiteContext) -> list[str]:
    """When the crawl saw no product page: the links a customer would click in the main area of the home and
    category pages (product cards), the product-looking ones first."""
    links: list[str] = []
    for page in [*ctx.pages_with_role("home", "category", "search")]:
        for link in page.links:
            if link.region == "main" and link.visible and ctx.scope.contains(link.href) and link.href not in links:
                links.append(link.href)
    links.sort(key=lambda u: priority_of(u) != 1)
    return links[:MAX_PRODUCTS + 2]


# ---------------------------------------------------------------- assess

def journey_outcome(ev: CheckoutEvidence) -> tuple[Outcome, str | None]:
    """Reached, blocked by the site (with what a person would also see), or inconclusive (the auditor could
    not tell). Only a verified obstacle blames the site."""
    if ev.payment_step_reached:
        return Outcome.REACHED, None
    if ev.guest_checkout == "forced_account":
        return Outcome.BLOCKED, "forced-account"
    if ev.http_errors:
        return Outcome.BLOCKED, "add-to-cart-broken" if not ev.cart_reached else "checkout-stuck"
    if ev.add_to_cart_found and not ev.cart_reached and ev.js_errors and not ev.site_messages:
        return Outcome.BLOCKED, "add-to-cart-broken"  # the click threw and the site said nothing
    if not ev.add_to_cart_found and ev.product_verified and ev.main_buttons_on_product == 0 \
            and ev.main_clickables_on_product == 0:
        return Outcome.BLOCKED, "add-to-cart-missing"  # a real product page with nothing a customer could click
    return Outcome.INCONCLUSIVE, None


def _unverified(ev: CheckoutEvidence) -> Unverified:
    said = f" The site said: “{'”, “'.join(ev.site_messages[:3])}”." if ev.site_messages else ""
    screenshot = next((s.screenshot for s in reversed(ev.journey_steps) if s.screenshot), None)
    steps = tuple(f"{s.action} ({s.url})" for s in ev.journey_steps)
    return Unverified("Reaching the payment step from a product, as a guest",
                      f"{ev.stopped_because or 'the payment step was not reached'}.{said}", screenshot, steps)


def assess(ev: CheckoutEvidence, t: CheckoutThresholds) -> CheckOutcome:
    findings: list[Finding] = []
    strengths: list[str] = []
    outcome, obstacle = journey_outcome(ev)
    if outcome is Outcome.INCONCLUSIVE:
        if ev.cart_reached and ev.costs_shown_before_checkout:
            strengths.append("The cart shows delivery costs before checkout.")
        note = _unverified(ev)
        return inconclusive(note.what, note.reason, screenshot=note.screenshot, steps=note.steps, strengths=strengths)
    if obstacle == "add-to-cart-missing":
        findings.append(make_finding(CHECK_ID, "add-to-cart-missing", FINDINGS,
                                     f"The product page {ev.product_url} has no button of any kind in its main area.",
                                     page_url=ev.product_url, premise="the page is a product detail page (schema.org Product)"))
        return outcome_from_findings(findings, outcome=outcome)
    if obstacle in ("add-to-cart-broken", "checkout-stuck"):
        seen = "; ".join([*ev.http_errors[:2], *ev.js_errors[:2]])
        findings.append(make_finding(CHECK_ID, obstacle, FINDINGS, f"{ev.stopped_because or 'The journey stopped'}: {seen}.",
                                     page_url=ev.stopped_at_url))
        return outcome_from_findings(findings, outcome=outcome)
    if ev.cart_reached and ev.costs_shown_before_checkout is False:
        findings.append(make_finding(CHECK_ID, "costs-not-shown-before-checkout", FINDINGS,
                                     "The cart shows no shipping cost or estimate before checkout.",
                                     premise="the cart was open with the product in it"))
    elif ev.costs_shown_before_checkout:
        strengths.append("The cart shows delivery costs before checkout.")
    if ev.guest_checkout == "forced_account":
        findings.append(make_finding(CHECK_ID, "forced-account", FINDINGS,
                                     "Checkout offers only " + " or ".join(o.replace("_", " ") for o in ev.account_gate)
                                     + "; there is no guest option.", page_url=ev.stopped_at_url))
        if ev.email_confirmation_required:
            findings.append(make_finding(CHECK_ID, "email-confirmation-required", FINDINGS,
                                         "Registering requires confirming the email address before ordering.",
                                         page_url=ev.stopped_at_url))
    elif ev.guest_first is False:
        findings.append(make_finding(CHECK_ID, "guest-not-prominent", FINDINGS,
                                     "The account step lists signing in before the guest option."))
    elif ev.guest_checkout == "offered":
        strengths.append("Guest checkout is offered.")
    if ev.payment_step_reached and ev.steps_to_payment is not None:
        if ev.steps_to_payment > t.max_steps_to_payment:
            findings.append(make_finding(
                CHECK_ID, "too-many-steps", FINDINGS,
                f"{ev.steps_to_payment} steps from the first checkout page to payment: "
                + " → ".join(s.title for s in ev.steps) + ".",
                measurement=Measurement("steps to payment", ev.steps_to_payment, "steps", t.max_steps_to_payment)))
        else:
            strengths.append(f"Payment is reached in {ev.steps_to_payment} steps.")
    total, required = ev.form_fields_total or 0, ev.form_fields_required or 0
    if ev.payment_step_reached and (total > t.max_fields or required > t.max_required_fields):
        findings.append(make_finding(
            CHECK_ID, "too-many-fields", FINDINGS,
            f"Customers face {total} form fields ({required} required) before payment.",
            measurement=Measurement("form fields", total, "fields", t.max_fields)))
    if ev.covered_controls:
        first = ev.covered_controls[0]
        findings.append(make_finding(
            CHECK_ID, "control-covered", FINDINGS,
            "; ".join(f"“{c['action'][:60]}”: covered by {c['covered_by']}" for c in ev.covered_controls[:3])
            + ". The journey pressed through the cover to measure the rest.",
            page_url=first["url"], screenshot=first.get("screenshot")))
    if ev.js_errors:
        findings.append(make_finding(CHECK_ID, "checkout-errors", FINDINGS,
                                     f"{len(ev.js_errors)} JavaScript exception(s) thrown by the site's code during the "
                                     f"journey, e.g. “{ev.js_errors[0]}”."))
    return outcome_from_findings(findings, strengths, outcome=outcome)


CHECK = CheckSpec(id=CHECK_ID, title="Checkout journey", kind="journey", gather=gather, assess=assess,
                  thresholds=CheckoutThresholds, findings=FINDINGS, timeout_s=180, weight=1.5, starts_on="products")
