"""The checkout journey: from a product to the payment step, the way a guest customer goes, never buying.

It picks an in-stock product, chooses required options, adds it to the cart, opens the cart (page or drawer),
proceeds to checkout, takes guest checkout where offered, and fills each step with clearly fake data until
the step that asks for payment, where it stops. Every action goes through the guarded page, which refuses
final purchase controls, card fields and order-placing requests (see docs/safety.md)."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from pydantic import BaseModel, ConfigDict

from auditor.browser.guard import GuardedPage, OutOfScope, PurchaseRefused
from auditor.checkspec import CheckSpec, NotApplicable, SiteContext
from auditor.config import CheckoutConfig
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
from auditor.journey import JourneyStep
from auditor.snapshot import PageSnapshot
from auditor.structured import items_of_type
from checks.checkout_fields import classify, plan_value
from checks.checkout_page import (
    ADD_TO_CART_WORDS,
    CART_WORDS,
    CHECKOUT_WORDS,
    EMAIL_CONFIRM,
    READ_STEP,
    StepRecord,
    StepView,
    field_key,
)
from checks.locators import wait_for
from checks.page_parsing import PRICE_NEAR_SHIPPING

CHECK_ID = "checkout-journey"
MAX_STEPS = 8
MAX_PRODUCTS = 3


class CheckoutThresholds(BaseModel):
    """Baymard's 2024 benchmark: 5.1 steps and 11.3 fields on average; 7–8 fields are enough."""

    model_config = ConfigDict(extra="forbid")
    max_steps_to_payment: int = 5
    max_fields: int = 12
    max_required_fields: int = 10


@dataclass
class CheckoutEvidence:
    product_url: str | None = None
    add_to_cart_found: bool = False
    options_chosen: list[str] = field(default_factory=list)
    buy_now_present: bool = False
    cart_reached: bool = False
    cart_kind: str | None = None  # page | drawer
    checkout_reached: bool = False
    account_gate: list[str] = field(default_factory=list)  # guest | sign_in | register
    guest_checkout: str = "not_reached"  # offered | forced_account | not_reached
    guest_first: bool | None = None
    email_confirmation_required: bool | None = None
    steps_to_payment: int | None = None
    steps: list[StepRecord] = field(default_factory=list)
    form_fields_total: int = 0
    form_fields_required: int = 0
    costs_shown_before_checkout: bool | None = None
    payment_step_reached: bool = False
    payment_step_url: str | None = None
    payment_labels: list[str] = field(default_factory=list)
    security_reassurance: bool = False
    visited_urls: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    stopped_at_url: str | None = None
    stopped_because: str | None = None
    product_verified: bool | None = None  # the page tried was a product detail page (schema.org Product / og:type)
    main_buttons_on_product: int | None = None  # any button or submit in the product's main area, whatever its words
    site_messages: list[str] = field(default_factory=list)  # what the site told the customer along the way
    http_errors: list[str] = field(default_factory=list)  # documents answered with a server error during the journey
    orders_placed: int = 0
    clicks: int = 0
    journey_ms: int = 0
    journey_steps: list[JourneyStep] = field(default_factory=list)


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
    "checkout-errors": FindingTemplate(
        Severity.MEDIUM, "JavaScript errors during checkout",
        CxImpact("Errors in checkout can silently break buttons and payment forms; 17% of US abandoners left because "
                 "of site errors or crashes (Baymard, 2024).", Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Fix the errors listed in the evidence and monitor front-end errors on checkout pages."),
}

FINDINGS = mark_likely(FINDINGS, "costs-not-shown-before-checkout", "add-to-cart-missing", "cart-unreachable")  # inferred from absence


# ---------------------------------------------------------------- gather helpers

async def read_step(gp: GuardedPage) -> StepView:
    return StepView.from_js(await gp.page.evaluate(READ_STEP))


def in_stock(snapshot: PageSnapshot) -> bool:
    for item in items_of_type(snapshot.html, snapshot.final_url, "Offer", "AggregateOffer"):
        availability = str(item.get("availability") or "")
        if re.search(r"OutOfStock|SoldOut|Discontinued", availability, re.I):
            return False
    return not re.search(r"out of stock|sold out|ausverkauft|épuisé|uitverkocht|agotado", snapshot.text[:4000], re.I)


async def choose_options(gp: GuardedPage) -> list[str]:
    """Selects the first available value of every unset select and radio group near the buy button, and
    opens custom dropdowns (role=combobox / aria-haspopup=listbox) to pick their first option."""
    view = await read_step(gp)
    chosen: list[str] = []
    radio_groups: set[str] = set()
    for f in view.fields:
        locator = gp.page.locator(f'[data-cxaudit-field="{f["i"]}"]')
        if f["tag"] == "select" and not f["value"]:
            option = next((o for o in f["options"] if o["value"] and not o["disabled"]), None)
            if option:
                await locator.select_option(option["value"])
                chosen.append(f"{f['label'] or f['name']}: {option['text']}")
        elif f["type"] == "radio" and f["name"] not in radio_groups:
            radio_groups.add(f["name"])
            group = [g for g in view.fields if g["type"] == "radio" and g["name"] == f["name"]]
            if not any(g["checked"] for g in group):
                await locator.check(force=True)
                chosen.append(f"{f['name']}: {f['label']}")
    combos = gp.page.locator("main [role=combobox][aria-expanded=false], main [aria-haspopup=listbox]")
    for k in range(min(await combos.count(), 3)):
        combo = combos.nth(k)
        text = (await combo.inner_text()).strip()
        if not re.search(r"select|choose|wähle|choisir|kies|elige|size|colou?r|größe|taille|maat", text, re.I):
            continue
        await combo.click()
        option = gp.page.locator("[role=option]:not([aria-disabled=true])").first
        if await option.count():
            label = (await option.inner_text()).strip()
            await option.click()
            chosen.append(f"{text}: {label}")
    return chosen


def find_add_to_cart(view: StepView) -> dict[str, Any] | None:
    for c in view.controls:
        if c["region"] == "main" and not c["disabled"] and ADD_TO_CART_WORDS.search(f"{c['text']} {c['aria']}"):
            return c
    return None


def cart_link(view: StepView) -> dict[str, Any] | None:
    candidates = [c for c in view.controls if not c["disabled"] and (CART_WORDS.search(f"{c['text']} {c['aria']}")
                                                                     or re.search(r"/(cart|basket|bag)\b", c["href"]))]
    # a drawer's own "View cart" first, then the header's cart icon
    candidates.sort(key=lambda c: (c["region"] != "main", c["region"] != "header"))
    return candidates[0] if candidates else None


def checkout_control(view: StepView) -> dict[str, Any] | None:
    for c in view.controls:
        if not c["disabled"] and CHECKOUT_WORDS.search(f"{c['text']} {c['aria']}") and c["region"] != "footer":
            return c
    return None


def control(gp: GuardedPage, c: dict[str, Any]) -> Any:
    return gp.page.locator(f'[data-cxaudit-control="{c["i"]}"]')


async def fill_step(gp: GuardedPage, view: StepView, data: CheckoutConfig) -> None:
    """Fills what a customer must fill on this step with fake data; optional extras stay empty."""
    groups_done: set[str] = set()
    for f in view.fields:
        locator = gp.page.locator(f'[data-cxaudit-field="{f["i"]}"]')
        kind = classify(f)
        if f["tag"] == "select":
            if f["value"] and not (kind == "country" and data.country):
                continue
            wanted = data.country if kind == "country" else None
            options = [o for o in f["options"] if o["value"] and not o["disabled"]]
            pick = next((o for o in options if wanted and wanted.lower() in (o["value"].lower(), o["text"].lower())), None)
            pick = pick or (options[0] if options else None)
            if pick and (f["required"] or kind in ("country", "state")):
                await locator.select_option(pick["value"])
            continue
        if f["type"] == "radio":
            group = [g for g in view.fields if g["type"] == "radio" and g["name"] == f["name"]]
            if f["name"] not in groups_done and not any(g["checked"] for g in group):
                await locator.check(force=True)
            groups_done.add(f["name"])
            continue
        if f["type"] == "checkbox":
            if f["required"] and kind == "terms" and not f["checked"]:
                await locator.check(force=True)
            continue
        if f["value"]:
            continue
        plan = plan_value(f, data)
        if plan.value is not None:
            await gp.fill(locator, plan.value)


def step_record(n: int, view: StepView, kind: str, seen_before: frozenset[str] = frozenset()) -> StepRecord:
    """A step's own customer-data fields: for a section of a one-page checkout only those the section added;
    card fields and the payment-method choice are not form filling and are left out."""
    payment_choice = set(view.payment_labels())
    own = [f for f in view.fields if field_key(f) not in seen_before  # a section's own fields only
           and classify(f) != "card" and not (f["type"] == "radio" and (f["label"] or f["name"]) in payment_choice)]
    view = StepView(**{**view.__dict__, "fields": own})
    total, required = view.count_fields()
    missing_labels = sum(1 for f in view.fields if not (f["label"] or f["placeholder"]) and f["type"] not in ("radio",))
    headings = [h for h in view.headings if h]
    heading = (headings[-1] if kind == "section" and headings else next(iter(headings), view.title))
    return StepRecord(
        n=n, url=view.url, kind=kind, title=heading[:100], fields=total, required=required, labels_missing=missing_labels,
        coupon_field=any(classify(f) == "coupon" for f in view.fields),
        newsletter_preticked=any(classify(f) == "newsletter" and f["checked"] for f in view.fields),
        errors=view.alerts[:5],
    )


# ---------------------------------------------------------------- gather

async def gather(ctx: SiteContext) -> CheckoutEvidence:
    if not ctx.config.checkout.enabled:
        raise NotApplicable("the checkout journey was switched off (--no-checkout)")
    products = [p for p in ctx.pages_with_role("product") if p.status and p.status < 400]
    products.sort(key=lambda p: not in_stock(p))
    candidates = [p.final_url for p in products[:MAX_PRODUCTS]] or product_link_candidates(ctx)
    if not candidates:
        raise NotApplicable("no product page or product link was found, so there is nothing to put in a cart")
    ev = CheckoutEvidence()
    gp = await ctx.new_guarded_page("checkout")
    errors: list[str] = []
    gp.page.on("pageerror", lambda err: errors.append(str(err)[:200]))

    def on_response(response: Any) -> None:
        with contextlib.suppress(Exception):
            if (response.status >= 500 and response.request.resource_type in ("document", "fetch", "xhr") \
                    and response.request.method != "GET") or (response.status >= 500 and response.request.resource_type == "document"):
                ev.http_errors.append(f"HTTP {response.status} {response.url[:160]}")

    gp.page.on("response", on_response)
    try:
        await _walk(ctx, gp, candidates, ev)
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
    ev.journey_steps = list(gp.steps)
    ev.clicks = sum(1 for s in gp.steps if s.action.startswith(("Click", "Choose", "Fill", "Open the cart", "Look at")))
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


async def _walk(ctx: SiteContext, gp: GuardedPage, candidates: list[str], ev: CheckoutEvidence) -> None:
    # 1-2. a product, its options, add to cart
    added = False
    for url in candidates:
        await gp.goto(url, "Open a product page")
        ev.product_url = url
        view = await wait_for(lambda: read_step(gp), lambda v: find_add_to_cart(v) is not None)
        ev.product_verified = await _is_product_detail(gp)
        ev.main_buttons_on_product = sum(1 for c in view.controls if c["region"] == "main" and c["tag"] != "a")
        ev.buy_now_present = ev.buy_now_present or bool(view.purchase_controls())
        button = find_add_to_cart(view)
        if button is None:
            continue
        ev.add_to_cart_found = True
        ev.options_chosen = await choose_options(gp)
        view = await read_step(gp)  # choosing options can re-render the buy box
        button = find_add_to_cart(view)
        if button is None:
            continue
        await gp.click(control(gp, button), f"Click “{button['text']}”")
        after = await read_step(gp)
        ev.site_messages = list(dict.fromkeys([*ev.site_messages, *after.alerts]))[:10]
        if after.alerts and urlsplit(after.url).path == urlsplit(view.url).path and not _cart_visible(after):
            continue  # still on the product, with an error: try the next product
        added = True
        break
    if not ev.add_to_cart_found:
        ev.stopped_because, ev.stopped_at_url = "no add-to-cart control on the product pages tried", gp.url
        return
    if not added:
        ev.stopped_because, ev.stopped_at_url = "adding to the cart did not work", gp.url
        return
    # 3. the cart: a page or a drawer
    view = await wait_for(lambda: read_step(gp), lambda v: checkout_control(v) is not None, limit_s=2.0)
    if re.search(r"/(cart|basket|bag|warenkorb|panier|winkelwagen)", urlsplit(view.url).path, re.I):
        ev.cart_kind = "page"
    elif _cart_visible(view):
        ev.cart_kind = "drawer"
    else:
        link = cart_link(view)
        if link is not None:
            await gp.click(control(gp, link), f"Open the cart (“{link['text']}”)")
            view = await wait_for(lambda: read_step(gp), lambda v: checkout_control(v) is not None)
            ev.cart_kind = "page"
    ev.cart_reached = ev.cart_kind is not None
    if not ev.cart_reached:
        ev.stopped_because, ev.stopped_at_url = "no cart page or drawer could be found", gp.url
        return
    ev.costs_shown_before_checkout = bool(PRICE_NEAR_SHIPPING.search(view.text))
    ev.security_reassurance = bool(re.search(r"secure|encrypted|ssl|sicher|sécurisé|veilig", view.text, re.I))
    # 4. proceed to checkout
    go = checkout_control(view)
    if go is None:
        ev.stopped_because, ev.stopped_at_url = "the cart has no checkout button", gp.url
        return
    await gp.click(control(gp, go), f"Click “{go['text']}”")
    ev.checkout_reached = True
    await _walk_steps(ctx, gp, ev)


async def _is_product_detail(gp: GuardedPage) -> bool:
    """A product detail page declares itself: one schema.org Product, or og:type product. A listing
    ("All products") carries many cards and no such single declaration."""
    html = await gp.page.content()
    products = items_of_type(html, gp.url, "Product")
    if len(products) == 1:
        return True
    return bool(re.search(r"<meta[^>]+property=[\"']og:type[\"'][^>]+content=[\"'](og:)?product", html, re.I))


def _cart_visible(view: StepView) -> bool:
    """A mini-cart drawer or dialog is open: it offers a checkout control (outside the header's own links)
    next to a cart heading."""
    go = checkout_control(view)
    return go is not None and go["region"] == "main" and any(CART_WORDS.search(h) for h in [*view.headings, view.text[:300]])


async def _walk_steps(ctx: SiteContext, gp: GuardedPage, ev: CheckoutEvidence) -> None:
    data = ctx.config.checkout
    previous: StepView | None = None
    attempts_on_step = 0
    for _ in range(MAX_STEPS * 2):
        view = await wait_for(lambda: read_step(gp), lambda v: bool(v.fields) or v.payment_reason() is not None
                              or v.account_gate() is not None,
                              limit_s=2.0)
        ev.visited_urls = list(dict.fromkeys([*ev.visited_urls, view.url]))
        new_page = previous is None or urlsplit(view.url)[:4] != urlsplit(previous.url)[:4]
        new_section = (not new_page and previous is not None
                       and bool(view.field_signature() - previous.field_signature()))
        if new_page or new_section:
            attempts_on_step = 0
            seen = previous.field_signature() if new_section and previous is not None else frozenset()
            ev.steps.append(step_record(len(ev.steps) + 1, view, "page" if new_page else "section", seen))
        elif previous is not None:
            attempts_on_step += 1
            if attempts_on_step >= 2:
                ev.stopped_because = f"could not get past this step{': ' + view.alerts[0] if view.alerts else ''}"
                ev.stopped_at_url = view.url
                ev.site_messages = list(dict.fromkeys([*ev.site_messages, *view.alerts]))[:10]
                if ev.steps:
                    ev.steps[-1].errors = view.alerts[:5]
                return
        if len(ev.steps) > MAX_STEPS:
            ev.stopped_because, ev.stopped_at_url = f"more than {MAX_STEPS} steps without a payment step", view.url
            return
        reason = view.payment_reason()
        if reason:
            if ev.guest_checkout == "not_reached":
                ev.guest_checkout = "offered"  # payment reached without an account step
            ev.payment_step_reached = True
            ev.payment_step_url = view.url
            ev.payment_labels = view.payment_labels()
            ev.steps_to_payment = len(ev.steps)
            ev.stopped_at_url = view.url
            ev.stopped_because = f"payment step reached: the page {reason}; cxaudit stops here and never pays"
            ev.security_reassurance = ev.security_reassurance or bool(
                re.search(r"secure|encrypted|ssl|sicher|sécurisé|veilig", view.text, re.I))
            _count_fields(ev)
            return
        gate = view.account_gate()
        if gate is not None:
            ev.account_gate = [k for k in ("guest", "sign_in", "register") if gate[k]]
            if gate["guest"] is None:
                ev.guest_checkout = "forced_account"
                ev.stopped_at_url, ev.stopped_because = view.url, "an account is required to check out"
                await _check_email_confirmation(gp, view, gate, ev)
                _count_fields(ev)
                return
            ev.guest_checkout = "offered"
            first = next(c for c in view.controls if c["i"] in {g["i"] for g in (gate["guest"], gate["sign_in"], gate["register"]) if g})
            ev.guest_first = first["i"] == gate["guest"]["i"]
            previous = view
            await gp.click(control(gp, gate["guest"]), f"Choose “{gate['guest']['text']}”")
            continue
        if ev.guest_checkout == "not_reached":
            ev.guest_checkout = "offered"  # checkout opened without asking for an account
        await fill_step(gp, view, data)
        nxt = view.continue_control()
        if nxt is None:
            ev.stopped_because, ev.stopped_at_url = "no button to continue from this step", view.url
            _count_fields(ev)
            return
        previous = view
        await gp.click(control(gp, nxt), f"Fill step {len(ev.steps)} and click “{nxt['text']}”")
    ev.stopped_because, ev.stopped_at_url = "the checkout did not reach a payment step", gp.url
    _count_fields(ev)


def _count_fields(ev: CheckoutEvidence) -> None:
    """Fields a customer fills up to payment, the payment step's address fields included (one-page
    checkouts put them there); card fields and the payment-method choice are not counted."""
    ev.form_fields_total = sum(s.fields for s in ev.steps)
    ev.form_fields_required = sum(s.required for s in ev.steps)


async def _check_email_confirmation(gp: GuardedPage, view: StepView, gate: dict[str, Any], ev: CheckoutEvidence) -> None:
    text = view.text
    register = gate.get("register")
    if register is not None and register["href"] and not EMAIL_CONFIRM.search(text):
        with contextlib.suppress(PlaywrightError, OutOfScope):
            await gp.click(control(gp, register), f"Look at “{register['text']}”")
            text = (await read_step(gp)).text
    ev.email_confirmation_required = bool(EMAIL_CONFIRM.search(text))


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
    if not ev.add_to_cart_found and ev.product_verified and ev.main_buttons_on_product == 0:
        return Outcome.BLOCKED, "add-to-cart-missing"  # a real product page with no button of any kind
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
    if ev.payment_step_reached and (ev.form_fields_total > t.max_fields or ev.form_fields_required > t.max_required_fields):
        findings.append(make_finding(
            CHECK_ID, "too-many-fields", FINDINGS,
            f"Customers face {ev.form_fields_total} form fields ({ev.form_fields_required} required) before payment.",
            measurement=Measurement("form fields", ev.form_fields_total, "fields", t.max_fields)))
    if ev.js_errors:
        findings.append(make_finding(CHECK_ID, "checkout-errors", FINDINGS,
                                     f"{len(ev.js_errors)} JavaScript exception(s) thrown by the site's code during the "
                                     f"journey, e.g. “{ev.js_errors[0]}”."))
    return outcome_from_findings(findings, strengths, outcome=outcome)


CHECK = CheckSpec(id=CHECK_ID, title="Checkout journey", kind="journey", gather=gather, assess=assess,
                  thresholds=CheckoutThresholds, findings=FINDINGS, timeout_s=180, weight=1.5)
