"""The walk from a product to the payment step, as a careful guest customer goes, never buying.

Observe (read the page: fields, controls, messages, the header's cart count), act (the best-ranked candidate,
then the next when it changes nothing), verify (did the cart count rise, the page move on, new fields open?),
recover (read what the site said, answer it: choose the missing option, correct the named field; bounded).
Every step records the candidates it tried and why each was left, and every message the site showed.
Every action goes through the guarded page, which refuses final purchase controls, card fields and
order-placing requests."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

from auditor.browser.guard import GuardedPage, OutOfScope
from auditor.config import CheckoutConfig
from auditor.journey import JourneyStep
from auditor.journeys import candidates as pick
from auditor.journeys.customer import (
    TestCustomer,
    country_by_name,
    country_from_form,
    country_from_language,
    customer_for,
    known_country,
)
from auditor.journeys.fields import classify, plan_value
from auditor.journeys.locators import wait_for
from auditor.journeys.page import (
    EMAIL_CONFIRM,
    GUEST_WORDS,
    PLACE_KINDS,
    READ_STEP,
    StepRecord,
    StepView,
    field_key,
)
from auditor.journeys.prices import ADDRESS_CHOICE, FREE, PAYMENT_CHOICE, SHIPPING, amounts
from auditor.journeys.state import classify as classify_state
from auditor.journeys.variants import choose_options
from auditor.journeys.verify import NetEvent, added_to_cart, moved_on
from auditor.page_parsing import PRICE_NEAR_SHIPPING
from auditor.page_shape import page_shape

MAX_STEPS = 8
MAX_PRODUCTS = 3
ADD_ATTEMPTS = 3        # per product: a retry after answering "please select ..." and one more candidate
STEP_RETRIES = 2        # per checkout step: corrections after the site rejected what we typed
VARIANT_MESSAGE = re.compile(r"select|choose|pick|option|size|colou?r|variant|wähle|auswahl|choisi|sélection|kies|"
                             r"selecteer|elige|selecciona|scegli|seleziona|größe|taille|maat|talla|taglia", re.I)
COUNT_CLICKABLES = """() => {
  const main = document.querySelector('main,[role=main]') || document.body;
  return Array.from(main.querySelectorAll('*')).filter(el => el.tagName !== 'A' && !el.closest('a, header, footer, nav') &&
    (getComputedStyle(el).cursor === 'pointer' || el.onclick || el.hasAttribute('tabindex')) &&
    el.getBoundingClientRect().width > 0).length;
}"""
QUANTITY = re.compile(r"qty|quantit|menge|anzahl|aantal|cantidad|quantità|ilość|antal|mængde", re.I)
SECURE_WORDS = re.compile(r"secure|encrypted|ssl|sicher|sécurisé|veilig", re.I)
DELIVERY_WAIT_S = 1.0  # after the page went quiet, how much longer the walk waits for delivery methods to show
ADDRESS_KINDS = PLACE_KINDS | {"email", "first_name", "last_name", "full_name", "phone", "state", "country"}


@dataclass
class CheckoutWalk:
    """What the walk observed; the checkout check's evidence."""

    product_url: str | None = None
    add_to_cart_found: bool = False
    options_chosen: list[dict[str, str]] = field(default_factory=list)  # {widget, label, value}
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
    form_fields_total: int | None = None  # None: no checkout step was reached, so nothing was counted
    form_fields_required: int | None = None
    costs_shown_before_checkout: bool | None = None
    payment_step_reached: bool = False
    payment_step_url: str | None = None
    payment_labels: list[str] = field(default_factory=list)
    security_reassurance: bool = False
    visited_urls: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    # controls a tap could not reach (something covered their centre): {action, url, covered_by, screenshot}
    covered_controls: list[dict[str, Any]] = field(default_factory=list)
    stopped_at_url: str | None = None
    stopped_because: str | None = None
    product_verified: bool | None = None  # the page tried was a product detail page (schema.org Product / og:type)
    main_buttons_on_product: int | None = None  # any button or submit in the product's main area, whatever its words
    main_clickables_on_product: int | None = None  # anything in the main area that looks clickable (not a link)
    site_messages: list[str] = field(default_factory=list)  # what the site told the customer along the way
    http_errors: list[str] = field(default_factory=list)  # documents answered with a server error during the journey
    customer: dict[str, Any] = field(default_factory=dict)  # country, postcode, where the country came from
    numbered_sections: list[str] = field(default_factory=list)  # a one-page checkout's own numbered step titles
    # the payment step's page also asks for the delivery address: the walk typed it there (never submitted) to see
    # the delivery methods and their cost, as a customer sees them before paying
    one_page_checkout: bool = False
    delivery_choice: str | None = None  # the delivery method the walk chose on that page, when none was chosen
    orders_placed: int = 0
    clicks: int = 0
    journey_ms: int = 0
    journey_steps: list[JourneyStep] = field(default_factory=list)


async def read_step(gp: GuardedPage) -> StepView:
    return StepView.from_js(await gp.page.evaluate(READ_STEP))


def in_stock_text(text: str) -> bool:
    return not pick.is_sold_out(text[:4000])


def enabled_add_to_cart(view: StepView) -> list[pick.Candidate]:
    return [c for c in pick.add_to_cart(view) if not c.control["disabled"]]


class CheckoutWalker:
    def __init__(self, gp: GuardedPage, data: CheckoutConfig, walk: CheckoutWalk) -> None:
        self.gp = gp
        self.data = data
        self.ev = walk
        self.net: list[NetEvent] = []
        self.dialogs: list[str] = []
        self.gates_passed: set[str] = set()
        self.lang = ""  # the shop's <html lang>, read on the first product page
        self.address_given = False  # a step before the payment step asked for the address (and was left)
        self.customer: TestCustomer | None = (customer_for(data.country, "market") if known_country(data.country) else None)
        gp.page.on("response", self._on_response)
        gp.page.on("dialog", lambda d: self.dialogs.append(d.message[:200]))

    # ---------------------------------------------------------------- observing
    def _on_response(self, response: Any) -> None:
        request = response.request
        if request.resource_type in ("document", "fetch", "xhr"):
            self.net.append(NetEvent(request.method, response.url, response.status, time.perf_counter()))
            ajax_write = request.resource_type in ("fetch", "xhr") and request.method != "GET"
            if response.status >= 500 and (request.resource_type == "document" or ajax_write):
                self.ev.http_errors.append(f"HTTP {response.status} {response.url[:160]}")

    def _heard(self, view: StepView) -> list[str]:
        """What the site told the customer on this page (alerts, error texts, validity messages, dialogs)."""
        said = [*view.alerts, *self.dialogs]
        self.dialogs.clear()
        self.ev.site_messages = list(dict.fromkeys([*self.ev.site_messages, *said]))[:12]
        return said

    def _control(self, c: dict[str, Any]) -> Any:
        return self.gp.page.locator(f'[data-cxaudit-control="{c["i"]}"]')

    def _field(self, f: dict[str, Any]) -> Any:
        return self.gp.page.locator(f'[data-cxaudit-field="{f["i"]}"]')

    def _stop(self, why: str) -> None:
        self.ev.stopped_because, self.ev.stopped_at_url = why, self.gp.url

    # ---------------------------------------------------------------- 1. a product into the cart
    async def add_a_product(self, urls: list[str]) -> bool:
        for url in urls:
            await self.gp.goto(url, "Open a product page")
            self.ev.product_url = url
            with contextlib.suppress(PlaywrightError):
                self.lang = self.lang or str(await self.gp.page.evaluate("document.documentElement.lang || ''"))
            view = await wait_for(lambda: read_step(self.gp), lambda v: bool(enabled_add_to_cart(v)),
                                  limit_s=self._page_patience())
            html = await self.gp.page.content()
            shape = page_shape(html, self.gp.url, view.text)
            self.ev.product_verified = shape.kind == "product_detail"
            self.ev.main_buttons_on_product = sum(1 for c in view.controls if c["region"] == "main" and c["tag"] != "a")
            with contextlib.suppress(PlaywrightError):  # icons wired up by script are controls to a person too
                self.ev.main_clickables_on_product = int(await self.gp.page.evaluate(COUNT_CLICKABLES))
            self.ev.buy_now_present = self.ev.buy_now_present or bool(view.purchase_controls())
            if shape.kind == "product_listing":
                self.gp.annotate([{"label": url, "kind": "page", "why": shape.why, "result": "skipped"}], [])
                continue
            if not pick.add_to_cart(view):
                self.gp.annotate([{"label": url, "kind": "page", "why": "no add-to-cart control on this page",
                                 "result": "skipped"}], [])
                continue
            self.ev.add_to_cart_found = True
            if await self._add_with_recovery():
                return True
        if not self.ev.add_to_cart_found:
            self._stop("no add-to-cart control on the product pages tried")
        else:
            self._stop("adding to the cart did not work")
        return False

    async def _add_with_recovery(self) -> bool:
        """Clicks the best add-to-cart candidate until the cart shows the product: after "please select ..." it
        chooses the missing options and tries again; after a click that changed nothing, the next candidate."""
        view = await read_step(self.gp)
        options = await self._choose(view)
        index = 0
        for _ in range(ADD_ATTEMPTS):
            # choosing options can re-render the buy box; a hydrating shop enables its button late, and a customer
            # waits for it as long as the page itself took to arrive
            view = await wait_for(lambda: read_step(self.gp), lambda v: bool(enabled_add_to_cart(v)),
                                  limit_s=self._page_patience())
            ranked = enabled_add_to_cart(view)
            if index >= len(ranked):
                reason = "every add-to-cart control is disabled" if not ranked else "no other candidate"
                self.gp.annotate([{"label": "add to cart", "kind": "button", "why": reason, "result": "skipped"}], [])
                return False
            chosen = ranked[index]
            anchor = f'[data-cxaudit-control="{chosen.control["i"]}"]'
            since = time.perf_counter()
            step = await self.gp.click(self._control(chosen.control), f"Click “{chosen.label}”")
            # how long to watch for the cart to answer follows how fast this site answered the click (a busy machine
            # or a slow shop gets longer), within bounds
            patience = min(10.0, max(3.0, 3 * step.ms / 1000))
            after = await wait_for(lambda: read_step(self.gp), self._added_since(view, since), limit_s=patience)
            progress = added_to_cart(view, after, self.net, since)
            said = self._heard(after)
            if progress.moved:
                self.gp.annotate([chosen.record("chosen", progress.why)], said)
                return True
            self.gp.annotate([chosen.record("no_change", progress.why)], said)
            if any(VARIANT_MESSAGE.search(m) for m in said) or not options:
                # answer "please select a size"; when the site said nothing, also click the options it only shows
                options = await self._choose(after, anchor, reaffirm=not said)
                if options:
                    continue
            index += 1
        return False

    def _page_patience(self) -> float:
        """How long a customer would wait for the page just opened to become usable: three times what its load
        took (a busy machine or a slow shop gets longer), between 3 and 10 seconds."""
        last_ms = self.gp.steps[-1].ms if self.gp.steps else 0
        return min(10.0, max(3.0, 3 * last_ms / 1000))

    def _added_since(self, before: StepView, since: float) -> Callable[[StepView], bool]:
        return lambda after: added_to_cart(before, after, self.net, since).moved

    async def _choose(self, view: StepView, anchor: str | None = None,
                      reaffirm: bool = False) -> list[dict[str, str]]:
        if anchor is None:
            ranked = pick.add_to_cart(view)
            anchor = f'[data-cxaudit-control="{ranked[0].control["i"]}"]' if ranked else None
        chosen = [{"widget": c.widget, "label": c.label, "value": c.value}
                  for c in await choose_options(self.gp.page, anchor, reaffirm=reaffirm)]
        for f in (await read_step(self.gp)).fields:  # an empty quantity field stops some themes' add-to-cart silently
            if f["tag"] == "input" and not f["value"] and QUANTITY.search(f"{f['name']} {f['id']} {f['label']}"):
                with contextlib.suppress(PlaywrightError):
                    await self._field(f).fill("1", timeout=5000)
                    chosen.append({"widget": "quantity", "label": f["label"] or f["name"], "value": "1"})
        for choice in chosen:
            if choice not in self.ev.options_chosen:
                self.ev.options_chosen.append(choice)
        return chosen

    # ---------------------------------------------------------------- 2. the cart, 3. checkout
    async def open_cart_and_checkout(self) -> bool:
        view = await wait_for(lambda: read_step(self.gp), lambda v: bool(pick.go_to_checkout(v)), limit_s=2.0)
        for _ in range(3):
            state = classify_state(view)
            if state == "cart_page":
                self.ev.cart_kind = self.ev.cart_kind or "page"
                self.ev.cart_reached = True
                break
            ranked = pick.go_to_cart(view)
            if not ranked:
                break
            top = ranked[0]
            if "drawer" in top.why or state == "mini_cart":
                self.ev.cart_kind, self.ev.cart_reached = "drawer", True
                self.ev.costs_shown_before_checkout = bool(PRICE_NEAR_SHIPPING.search(view.text))
            before = view
            await self.gp.click(self._control(top.control), f"Open the cart (“{top.label}”)")
            view = await wait_for(lambda: read_step(self.gp), lambda v: bool(pick.go_to_checkout(v)))
            progress = moved_on(before, view)
            self.gp.annotate([top.record("chosen" if progress.moved else "no_change", progress.why),
                            *[c.record("skipped", "ranked lower") for c in ranked[1:3]]], self._heard(view))
            if "checkout button" in top.why and progress.moved and classify_state(view) != "cart_page":
                self.ev.checkout_reached = True  # the drawer's checkout button went straight on
                return True
            if classify_state(view) == "cart_page":
                self.ev.cart_kind = "page"
                self.ev.cart_reached = True
                break
        if not self.ev.cart_reached:
            self._stop("no cart page or drawer could be found")
            return False
        self.ev.costs_shown_before_checkout = bool(PRICE_NEAR_SHIPPING.search(view.text))
        self.ev.security_reassurance = bool(SECURE_WORDS.search(view.text))
        tried: list[dict[str, str]] = []
        for candidate in pick.go_to_checkout(view)[:3]:
            before = view
            try:
                await self.gp.click(self._control(candidate.control), f"Click “{candidate.label}”")
            except PlaywrightError as exc:
                tried.append(candidate.record("failed", str(exc).splitlines()[0][:100]))
                continue
            view = await read_step(self.gp)
            progress = moved_on(before, view)
            if progress.moved:
                self.gp.annotate([*tried, candidate.record("chosen", progress.why)], self._heard(view))
                self.ev.checkout_reached = True
                return True
            tried.append(candidate.record("no_change", progress.why))
        self.gp.annotate(tried, [])
        self._stop("the cart has no control that leads to checkout" if not tried else
                   "no control in the cart moved on to checkout")
        return False

    # ---------------------------------------------------------------- 4. checkout steps up to payment
    async def walk_steps(self) -> None:
        previous: StepView | None = None
        retries = 0
        after_gate = False
        for _ in range(MAX_STEPS * 3):
            view = await wait_for(lambda: read_step(self.gp), lambda v: bool(v.fields) or v.payment_reason() is not None
                                  or v.account_gate() is not None, limit_s=2.0)
            self.ev.visited_urls = list(dict.fromkeys([*self.ev.visited_urls, view.url]))
            new_page = previous is None or urlsplit(view.url)[:4] != urlsplit(previous.url)[:4]
            new_section = not new_page and previous is not None and bool(view.field_signature() - previous.field_signature())
            if new_page or new_section:
                retries = 0
                seen = previous.field_signature() if new_section and previous is not None else frozenset()
                self.ev.steps.append(step_record(len(self.ev.steps) + 1, view, "page" if new_page else "section", seen))
            elif previous is not None and after_gate:
                pass  # the guest choice opened its form in place (a tab): this page is the step to fill now
            elif previous is not None:
                said = self._heard(view)
                if self.ev.steps:
                    self.ev.steps[-1].errors = list(dict.fromkeys([*self.ev.steps[-1].errors, *said]))[:5]
                retries += 1
                if retries > STEP_RETRIES:
                    self._stop("could not get past this step" + (f": {said[0]}" if said else ""))
                    return
                if await self._correct(view, said):
                    previous = view
                    nxt = pick.continue_on(await read_step(self.gp))  # a fresh read: its tags address the page as it is
                    if nxt:
                        await self.gp.click(self._control(nxt[0].control), f"Correct step {len(self.ev.steps)} and click "
                                                                              f"“{nxt[0].label}”")
                        self.gp.annotate([nxt[0].record("chosen", "after correcting what the site rejected")], said)
                    continue
            if len(self.ev.steps) > MAX_STEPS:
                self._stop(f"more than {MAX_STEPS} steps without a payment step")
                return
            reason = view.payment_reason()
            if reason:
                self._reached_payment(view, reason)
                await self.show_delivery_costs(view, filled_here=False)
                return
            gate = view.account_gate()
            guest_choice = (gate or {}).get("guest") or {}
            gate_key = f"{urlsplit(view.url).path}|{guest_choice.get('text') or guest_choice.get('label') or ''}"
            if gate is not None and gate_key not in self.gates_passed:
                # once the guest choice is taken, the same page is a step to fill (a guest tab with an optional
                # password field is not a second gate)
                self.gates_passed.add(gate_key)
                if not await self._pass_gate(view, gate):
                    return
                previous, after_gate = view, True
                continue
            after_gate = False
            if self.ev.guest_checkout == "not_reached":
                self.ev.guest_checkout = "offered"  # checkout opened without asking for an account
            await self.fill(view)
            filled = await read_step(self.gp)
            reason = filled.payment_reason()
            if reason:  # choosing on the page revealed it as the payment step (a method picked, "Place order" shown)
                self._reached_payment(filled, reason)
                await self.show_delivery_costs(view, filled_here=True)
                return
            ranked = pick.continue_on(filled)  # the latest read: only its tags address the page
            if not ranked:
                self._stop("no button to continue from this step")
                return
            previous = view
            self.address_given = self.address_given or filled.asks_address()
            await self.gp.click(self._control(ranked[0].control), f"Fill step {len(self.ev.steps)} and click “{ranked[0].label}”")
            self.gp.annotate([ranked[0].record("chosen"),
                            *[c.record("skipped", "ranked lower") for c in ranked[1:3]]], [])
        self._stop("the checkout did not reach a payment step")

    def _reached_payment(self, view: StepView, reason: str) -> None:
        if self.ev.guest_checkout == "not_reached":
            self.ev.guest_checkout = "offered"  # payment reached without an account step
        if not self.ev.steps:
            self.ev.steps.append(step_record(1, view, "page"))
        self.ev.payment_step_reached = True
        self.ev.payment_step_url = view.url
        self.ev.payment_labels = view.payment_labels()
        self.ev.steps_to_payment = len(self.ev.steps)
        numbered = view.numbered_payment_section()
        if numbered is not None:  # a checkout that numbers its own steps ("3 Payment") counts them as its customers do
            self.ev.steps_to_payment = max(len(self.ev.steps), numbered)
            self.ev.numbered_sections = list(view.sections)
        self._stop(f"payment step reached: the page {reason}; cxaudit stops here and never pays")
        self.ev.security_reassurance = self.ev.security_reassurance or bool(SECURE_WORDS.search(view.text))

    async def show_delivery_costs(self, view: StepView, filled_here: bool) -> None:
        """A one-page checkout asks for the delivery address on the payment page and lists its delivery methods, with
        their cost, only once the address is typed (EverShop, WooCommerce's order review). A customer sees that cost
        before paying, so the walk types the address there, takes the first delivery method when none is chosen, and
        records what the page then shows. Nothing is submitted; a failure here leaves the payment step reached."""
        if self.address_given or not view.asks_address():
            return  # address fields after an address step are the billing address: not a one-page checkout
        self.ev.one_page_checkout = True
        typed = chose = False
        try:
            for _ in range(2):  # a region field may appear only once the country is chosen
                current = await read_step(self.gp)
                empty = [f for f in current.fields if f["type"] not in ("radio", "checkbox") and not f["value"]
                         and classify(f) in ADDRESS_KINDS]
                if not empty:
                    break
                await self.fill(current, only_kinds=set(ADDRESS_KINDS))
                typed = True
            if typed or filled_here:  # the last field's change event: shops fetch their delivery rates on it
                await self.gp.page.evaluate("() => document.activeElement && document.activeElement.blur()")
                # EverShop saves the address, then fetches the rates, then renders them: a second of quiet ends it
                await self.gp.settle(quiet_ms=1000, limit_ms=6000)
            shown = await wait_for(lambda: read_step(self.gp), lambda v: bool(delivery_methods(v)), limit_s=DELIVERY_WAIT_S)
            method = unchosen_delivery(shown)
            if method is not None:
                if method["tag"] == "aria":
                    await self.gp.choose(self._field(method))
                else:
                    await self._field(method).check(force=True)
                self.ev.delivery_choice, chose = method["label"][:80], True
                await self.gp.settle(quiet_ms=400, limit_ms=4000)
        except PlaywrightError as exc:
            self.gp.annotate([], [f"typing the address to see delivery costs failed: {str(exc).splitlines()[0][:100]}"])
        if typed or chose or filled_here:
            await self.gp.snap("Type the delivery address on the payment page to see delivery costs (nothing is submitted)")
            if chose:
                self.gp.annotate([{"label": self.ev.delivery_choice or "", "kind": "radio",
                                   "why": "no delivery method was chosen", "result": "chosen"}])

    async def _pass_gate(self, view: StepView, gate: dict[str, Any]) -> bool:
        self.ev.account_gate = [k for k in ("guest", "sign_in", "register") if gate[k]]
        guest = gate["guest"]
        if guest is None:
            self.ev.guest_checkout = "forced_account"
            self._stop("an account is required to check out")
            await self._check_email_confirmation(view, gate)
            return False
        self.ev.guest_checkout = "offered"
        options = [g for g in (gate["guest"], gate["sign_in"], gate["register"]) if g]
        if guest.get("radio"):
            self.ev.guest_first = True if len(options) == 1 else None
            if guest.get("tag") == "aria":
                await self.gp.choose(self._field(guest))
            else:
                await self._field(guest).check(force=True)
            await self.fill(await read_step(self.gp), only_kinds={"email"})
            ranked = pick.continue_on(await read_step(self.gp))
            if not ranked:
                self._stop("no button to continue as a guest")
                return False
            await self.gp.click(self._control(ranked[0].control), f"Choose “{guest['label'][:60]}” and click “{ranked[0].label}”")
            return True
        ordered = [c for c in view.controls if c["i"] in {g["i"] for g in options if not g.get("radio")}]
        self.ev.guest_first = bool(ordered) and ordered[0]["i"] == guest["i"]
        await self.gp.click(self._control(guest), f"Choose “{guest['text']}”")
        return True

    async def _check_email_confirmation(self, view: StepView, gate: dict[str, Any]) -> None:
        text = view.text
        register = gate.get("register")
        if register is not None and register["href"] and not EMAIL_CONFIRM.search(text):
            with contextlib.suppress(PlaywrightError, OutOfScope):
                await self.gp.click(self._control(register), f"Look at “{register['text']}”")
                text = (await read_step(self.gp)).text
        self.ev.email_confirmation_required = bool(EMAIL_CONFIRM.search(text))

    # ---------------------------------------------------------------- filling, and answering the site
    def _decide_customer(self, view: StepView) -> TestCustomer:
        """The market's country when the form offers it; else the country the form preselects or only offers."""
        if self.customer is not None and self.customer.source == "market":
            return self.customer
        for f in view.fields:
            if f["tag"] == "select" and classify(f) == "country":
                code, source = country_from_form(f["options"], f["value"])
                if code:
                    self.customer = customer_for(code, source)
                    break
        if self.customer is None:
            # no country field (a shop selling to one country often hides it): the country its language implies
            by_language = country_from_language(self.lang)
            self.customer = customer_for(by_language, "language") if by_language else customer_for(None, "default")
        self.ev.customer = self.customer.summary()
        return self.customer

    async def fill(self, view: StepView, only_kinds: set[str] | None = None) -> None:
        """Fills what a customer must fill on this step with the test customer; optional extras stay empty."""
        who = self._decide_customer(view)
        guest = [f for f in view.fields if f["type"] == "checkbox" and not f["checked"] and GUEST_WORDS.search(f["label"])]
        for f in guest[:1]:  # "Kein Kundenkonto anlegen" (Shopware): the guest's way, which hides the password
            with contextlib.suppress(PlaywrightError):
                await self._field(f).check(force=True)
                self.gp.annotate([{"label": f["label"][:80], "kind": "checkbox", "why": "the guest option, as a box",
                                   "result": "chosen"}])
                if self.ev.guest_checkout == "not_reached":
                    self.ev.guest_checkout = "offered"
                view = await read_step(self.gp)
        countries = [f for f in view.fields if classify(f) == "country" and f["type"] not in ("radio", "checkbox")]
        if countries and (only_kinds is None or "country" in only_kinds):
            # the country first: it decides the region, postcode and phone the form accepts, and choosing it
            # re-renders many address forms (EverShop, WooCommerce's region field), so the rest is read afresh
            chose = False
            for f in countries:
                with contextlib.suppress(PlaywrightError):
                    chosen = await self._choose_country(f, who)
                    if chosen:
                        who, chose = self._follow_country(chosen), True
            if chose:
                view = await read_step(self.gp)
        groups_done: set[str] = set()
        for f in sorted(view.fields, key=lambda f: classify(f) != "state"):
            locator = self._field(f)
            kind = classify(f)
            if kind == "country" or (only_kinds is not None and (kind not in only_kinds or f["type"] in ("radio", "checkbox"))):
                continue
            with contextlib.suppress(PlaywrightError):
                if f["tag"] == "select":
                    await self._select(locator, f, kind, who)
                elif f["tag"] == "combobox":
                    if not f["value"] and (f["required"] or kind == "state"):
                        await self._combobox(locator, kind, who)
                elif f["type"] == "radio":
                    group = [g for g in view.fields if g["type"] == "radio" and g["name"] == f["name"]]
                    if f["name"] not in groups_done and not any(g["checked"] for g in group):
                        if f["tag"] == "aria":
                            await self.gp.choose(locator)  # an ARIA radio is a span: a customer clicks it
                        else:
                            await locator.check(force=True)
                    groups_done.add(f["name"])
                elif f["type"] == "checkbox":
                    if f["required"] and kind == "terms" and not f["checked"]:
                        await locator.check(force=True)
                elif not f["value"]:
                    plan = plan_value(f, self.data, who)
                    if plan.value is not None:
                        await self.gp.fill(locator, plan.value)

    async def _choose_country(self, f: dict[str, Any], who: TestCustomer) -> str | None:
        """Sets a country select or combobox as a customer would; returns the country chosen, None when left as it was."""
        if f["tag"] == "select":
            return await self._select(self._field(f), f, "country", who)
        if f["tag"] == "combobox" and not f["value"]:
            return await self._combobox(self._field(f), "country", who)
        return None

    def _follow_country(self, chosen: str) -> TestCustomer:
        """The customer of the country the form ended up with (its only option, or its first when the customer's own
        is not offered), so the postcode and phone typed next are valid there; a market the user set stays."""
        who = self.customer or customer_for(None, "default")
        code = country_by_name(chosen)
        if who.source != "market" and code and code != who.country:
            self.customer = who = customer_for(code, "chosen")
            self.ev.customer = who.summary()
        return who

    async def _select(self, locator: Any, f: dict[str, Any], kind: str, who: TestCustomer) -> str | None:
        """Chooses the option a customer would; returns the country chosen (its code or name) for a country select."""
        options = [o for o in f["options"] if o["value"] and not o["disabled"]]
        if kind == "country":
            wanted = next((o for o in options if o["value"].upper() == who.country
                           or o["text"].strip().lower() == who.country_name.lower()), None)
            if not wanted and not f["value"] and options:
                wanted = options[0]
            if not wanted or wanted["value"] == f["value"]:
                return None
            await locator.select_option(wanted["value"])
            return str(wanted["value"]) if known_country(str(wanted["value"])) else str(wanted["text"])
        if f["value"]:
            return None
        if kind == "state":
            wanted = next((o for o in options if who.region and (o["value"].upper() == who.region
                           or o["text"].strip().lower() == (who.region_name or "").lower())), None)
            pick_one = wanted or (options[0] if options else None)
            if pick_one:
                await locator.select_option(pick_one["value"])
            return None
        if f["required"] and options:
            await locator.select_option(options[0]["value"])
        return None

    async def _combobox(self, locator: Any, kind: str, who: TestCustomer) -> str | None:
        """Opens an ARIA combobox and takes the customer's country (or region), else its first option; returns the
        text of the option taken."""
        await self.gp.choose(locator)
        # only the open list: a closed select (Base UI) keeps its hidden options in the page
        options = self.gp.page.locator("[role=option]:not([aria-disabled=true]):visible")
        await options.first.wait_for(timeout=3000)
        wanted = {"country": [who.country_name, who.country], "state": [who.region_name or "", who.region or ""]}.get(kind, [])
        for name in [w for w in wanted if w]:
            match = options.filter(has_text=re.compile(rf"^\s*{re.escape(name)}\s*$", re.I))
            if await match.count():
                await self.gp.choose(match.first)
                return name
        text = str(await options.first.inner_text()).strip()
        await self.gp.choose(options.first)
        return text

    async def _correct(self, view: StepView, said: list[str]) -> bool:
        """Answers what the site rejected: a postcode or phone not valid for the country gets the country's own
        example; a field left empty that the site now asks for gets a value. False when there is nothing to change."""
        changed = False
        country = next((f for f in view.fields if f["tag"] == "select" and classify(f) == "country"), None)
        if country is not None and country["value"] and known_country(country["value"]) and (
                self.customer is None or self.customer.country != country["value"].upper()):
            self.customer = customer_for(country["value"], "preselected")
            self.ev.customer = self.customer.summary()
        who = self.customer or customer_for(None, "default")
        before = [(f["value"], f["checked"]) for f in view.fields]
        await self.fill(view)  # what was left empty or unticked
        view = await read_step(self.gp)  # re-read: the tags below must address the page as it is now
        changed = before != [(f["value"], f["checked"]) for f in view.fields]
        for f in view.fields:
            kind = classify(f)
            if f["tag"] in ("select", "combobox") or f["type"] in ("radio", "checkbox"):
                continue
            plan = plan_value(f, self.data, who)
            wanted = plan.value
            if wanted is None and f["required"] and not f["value"]:
                wanted = "Test"
            if wanted is not None and (f["value"] or "") != wanted and (kind in ("postcode", "phone") or not f["value"]):
                with contextlib.suppress(PlaywrightError):
                    await self.gp.fill(self._field(f), wanted)
                    changed = True
        return changed


def delivery_methods(view: StepView) -> list[dict[str, Any]]:
    """The delivery methods offered: radios whose label or name says shipping or delivery, not a payment method and
    not a choice of address. A radio that only carries a price may be a paid extra: not one of them."""
    paying = set(view.payment_labels())
    return [f for f in view.fields if f["type"] == "radio" and (f["label"] or f["name"]) not in paying
            and not ADDRESS_CHOICE.search(f["label"]) and not PAYMENT_CHOICE.search(f"{f['label']} {f['name']}")
            and SHIPPING.search(f"{f['label']} {f['name']}")]


def unchosen_delivery(view: StepView) -> dict[str, Any] | None:
    """The delivery method to take when none is chosen: the cheapest when every method shows its price, as most
    customers choose (so a free-shipping offer is judged on the method it covers), else the first offered; a drawn
    ARIA radio rather than its hidden input."""
    methods = delivery_methods(view)
    if not methods or any(f["checked"] for f in methods):
        return None

    def cost(f: dict[str, Any]) -> float | None:
        money = amounts(f["label"])
        return min(m.amount for m in money) if money else (0.0 if FREE.search(f["label"]) else None)

    costs = [cost(f) for f in methods]
    if all(c is not None for c in costs):
        return min(zip(methods, costs, strict=True), key=lambda mc: (mc[1] or 0.0, mc[0]["tag"] != "aria"))[0]
    return min(methods, key=lambda f: f["tag"] != "aria")


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


def count_fields(walk: CheckoutWalk) -> None:
    """Fields a customer fills up to payment, the payment step's address fields included (one-page
    checkouts put them there); card fields and the payment-method choice are not counted."""
    if not walk.steps:  # no checkout step reached: the count is unknown, not zero
        return
    walk.form_fields_total = sum(s.fields for s in walk.steps)
    walk.form_fields_required = sum(s.required for s in walk.steps)


async def walk_to_payment(gp: GuardedPage, product_urls: list[str], data: CheckoutConfig, walk: CheckoutWalk) -> None:
    """The whole walk; raises the guard's refusals and browser errors to the caller, which records them."""
    walker = CheckoutWalker(gp, data, walk)
    try:
        if not await walker.add_a_product(product_urls):
            return
        if not await walker.open_cart_and_checkout():
            return
        await walker.walk_steps()
    finally:
        count_fields(walk)
        if walker.customer is not None and not walk.customer:
            walk.customer = walker.customer.summary()
