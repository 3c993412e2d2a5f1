"""The guards every page of an audit runs under.

Request level (the hard backstop, for crawl and journeys alike): no navigation out of scope, no request
that looks like placing an order or carries card data, no state-changing request to another host. Page
level: dialogs are dismissed, popups closed. `GuardedPage` adds the click and typing rules for journeys
and records every step for the report's filmstrip."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import re
import time
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from playwright.async_api import BrowserContext, Dialog, Locator, Page, Route
from playwright.async_api import Error as PlaywrightError

from auditor.bot_check import BotCheck, Patience
from auditor.browser.bot_walls import (
    CURRENT_CHECK,
    BotCheckHit,
    BotCheckMet,
    wait_out_challenge,
    wall_in_page,
)
from auditor.browser.consent import ConsentRecord, dismiss_consent
from auditor.browser.popups import close_marketing_popup
from auditor.browser.purchase import CARD_FIELD_HINT, is_purchase_control, is_purchase_request
from auditor.browser.redirects import guard_document_responses
from auditor.browser.session import BrowserSession, ContextOptions
from auditor.crawl.urls import Scope
from auditor.journey import Attachments, JourneyStep
from auditor.slots import JOURNEY, LoadSlots

WATCH_MUTATIONS = """
() => { window.__cxMut = 0; if (window.__cxObs) window.__cxObs.disconnect();
  window.__cxObs = new MutationObserver(m => { window.__cxMut += m.length; });
  window.__cxObs.observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true}); }
"""


NOT_A_STATIC_FILE = re.compile(
    r"^(?!.*\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|css|woff2?|ttf|otf|eot|mp4|webm|mp3|m4a)(?:[?#]|$))", re.I)


class PurchaseRefused(Exception):
    """Raised when a journey asks the guard to do something that could buy."""


class OutOfScope(Exception):
    """Raised when a journey tries to navigate off the audited site."""


@dataclass
class GuardLog:
    refused: list[str] = field(default_factory=list)
    blocked_out_of_scope: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    dialogs_total: int = 0  # an alert() storm is counted, not stored
    popups_closed: int = 0
    consent: list[dict[str, Any]] = field(default_factory=list)  # consent banners seen and how each was closed
    bot_checks: list[BotCheckMet] = field(default_factory=list)  # journeys a bot-management service stopped
    patience: Patience = field(default_factory=Patience)  # the site's, shared by its crawl and journeys
    marketing_popups: list[str] = field(default_factory=list)  # newsletter popups the journeys closed, and how

    def consent_seen(self, record: ConsentRecord) -> None:
        if len(self.consent) < 20:
            self.consent.append(record.to_json())

    def refuse(self, reason: str) -> None:
        if reason not in self.refused and len(self.refused) < 200:
            self.refused.append(reason)


async def open_guarded_context(session: BrowserSession, options: ContextOptions, scope: Scope, log: GuardLog) -> BrowserContext:
    """A new browser context for the audited site, with every guard and the site's scoped headers installed."""
    context = await session.new_context(options)
    await install_guards(context, scope, log, options.scoped_headers, options.max_document_bytes)
    return context


_GUARDED: weakref.WeakKeyDictionary[BrowserContext, tuple[Scope, GuardLog, int | None]] = weakref.WeakKeyDictionary()


def answers_dialogs(context: BrowserContext) -> bool:
    """Whether the guard answers this context's dialogs. Only then may others listen to dialogs too: a page
    with any dialog listener no longer has its dialogs dismissed by Playwright, and one left open freezes it."""
    return context in _GUARDED


# Opening a tab takes well under a second, a few seconds on a loaded machine. A renderer that dies while the tab
# opens (a crashing page in the same process) can leave Playwright's new_page waiting forever: bounded instead.
TAB_OPEN_LIMIT_S = 10.0
T = TypeVar("T")


async def within_tab_limit(setup: Awaitable[T]) -> T:
    """`setup` (opening a tab and preparing it), failing as Playwright does when it does not end in time."""
    try:
        return await asyncio.wait_for(setup, TAB_OPEN_LIMIT_S)
    except TimeoutError:
        raise PlaywrightError(f"the new tab was not ready within {TAB_OPEN_LIMIT_S:g} s") from None


async def new_page(context: BrowserContext) -> Page:
    """Every page the auditor opens: in a guarded context it also refuses redirects out of scope, which
    request routing cannot see (installed before the page navigates)."""
    page = await within_tab_limit(context.new_page())
    guarded = _GUARDED.get(context)
    if guarded is not None:
        scope, log, max_document_bytes = guarded
        await within_tab_limit(guard_document_responses(context, page, scope, log.blocked_out_of_scope,
                                                        max_document_bytes))
    return page


async def install_guards(context: BrowserContext, scope: Scope, log: GuardLog,
                         scoped_headers: dict[str, str] | None = None, max_document_bytes: int | None = None) -> None:
    _GUARDED[context] = (scope, log, max_document_bytes)
    async def on_route(route: Route) -> None:
        request = route.request
        url = request.url
        if not url.startswith(("http://", "https://")):
            await route.continue_()
            return
        try:
            body = request.post_data
        except (PlaywrightError, UnicodeDecodeError):
            body = None
        acts = request.method != "GET" or request.resource_type in ("document", "xhr", "fetch", "eventsource")
        why = is_purchase_request(request.method, url, body) if acts else None
        if why:
            log.refuse(why)
            if request.is_navigation_request():
                # a 204 answer leaves the current page in place (no error page), so the journey can still read it
                await route.fulfill(status=204, body="")
            else:
                await route.abort("blockedbyclient")
            return
        in_scope = scope.contains(url)
        if not in_scope and request.is_navigation_request() and request.frame.parent_frame is None:
            log.blocked_out_of_scope.append(url)
            await route.abort("blockedbyclient")
            return
        if not in_scope and request.method not in ("GET", "HEAD", "OPTIONS"):
            log.refuse(f"{request.method} to another host ({url[:120]}) was not sent")
            await route.abort("blockedbyclient")
            return
        if scoped_headers and in_scope:
            # the site's own credentials: added here, request by request, so no other host ever sees them
            await route.continue_(headers={**request.headers, **scoped_headers})
            return
        await route.continue_()

    # Static files (images, styles, fonts, media) can neither buy nor leave the site, so unless their requests
    # need the site's headers they are not intercepted: a Python round trip per image is the largest cost a
    # crawl adds to a bare page load.
    await context.route("**/*" if scoped_headers else NOT_A_STATIC_FILE, on_route)

    async def on_dialog(dialog: Dialog) -> None:
        log.dialogs_total += 1
        if len(log.dialogs) < 50:
            log.dialogs.append(f"{dialog.type}: {dialog.message[:200]}")
        try:
            if dialog.type == "beforeunload":
                await dialog.accept()
            else:
                await dialog.dismiss()
        except PlaywrightError:
            pass

    def on_page(page: Page) -> None:
        page.on("dialog", on_dialog)

    async def on_popup(page: Page) -> None:
        opener = await page.opener()
        if opener is not None:  # a window.open popup, not a page we created
            log.popups_closed += 1
            with contextlib.suppress(PlaywrightError):
                await page.close()

    context.on("page", on_page)
    context.on("page", on_popup)


HOLD_SLOT_S = 3.0
SILENT_ACTION_S = 2.0  # an action that neither changed the page nor asked the network for anything in this time did nothing
# the element a tap at the control's centre reaches, once the control is in the middle of the screen: null when
# it is the control (or inside it), else a short description of the cover
HIT_TEST = """el => {
  el.scrollIntoView({block: 'center', inline: 'center'});
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!top || top === el || el.contains(top) || top.contains(el)) return null;
  const label = (top.innerText || top.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const box = top.closest('header, nav, footer, [role=dialog], [class*=banner i], [class*=cookie i], [class*=sticky i]');
  const where = box && box !== top ? ` in the ${box.tagName.toLowerCase()}${box.className ? '.' + String(box.className).split(' ')[0] : ''}` : '';
  return `${top.tagName.toLowerCase()}${label ? ' “' + label + '”' : ''}${where}`;
}"""


class GuardedPage:
    """The only page a journey check gets. Reading (locators, evaluate) goes through `.page`; every action
    that changes state goes through a method here, which refuses anything that could buy."""

    def __init__(self, page: Page, scope: Scope, attachments: Attachments, prefix: str, log: GuardLog,
                 timeout_ms: int = 15000, load_slots: LoadSlots | None = None) -> None:
        self.page = page
        self.load_slots = load_slots  # shared with the crawl: a journey's page load takes a loading slot too
        self.scope = scope
        self.attachments = attachments
        self.prefix = prefix
        self.log = log
        self.steps: list[JourneyStep] = []
        self.covered: list[dict[str, Any]] = []  # controls a tap could not reach: {action, url, covered_by, screenshot}
        self.timeout_ms = timeout_ms
        # readers of each state a journey reaches (e.g. axe-core for journey-accessibility): page, step, journey
        self.on_state: list[Callable[[Page, JourneyStep, str], Awaitable[None]]] = []
        self._inflight = 0
        self._last_network = time.perf_counter()
        self.check_id = CURRENT_CHECK.get()
        self.wall: BotCheckMet | None = None
        page.set_default_timeout(timeout_ms)
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_request_done)
        page.on("requestfailed", self._on_request_done)

    def _on_request(self, _request: Any) -> None:
        self._inflight += 1
        self._last_network = time.perf_counter()

    def _on_request_done(self, _request: Any) -> None:
        self._inflight = max(0, self._inflight - 1)
        self._last_network = time.perf_counter()

    @property
    def url(self) -> str:
        return self.page.url

    def _loading(self) -> contextlib.AbstractAsyncContextManager[Any]:
        """Held from an action until the page answered it (not while it settles), like the crawl's loads."""
        return self.load_slots.slot(JOURNEY) if self.load_slots is not None else contextlib.nullcontext()

    async def _record(self, action: str, started: float, screenshot: bool = True, ms: int | None = None) -> JourneyStep:
        # the time to the page's answer; a challenge waited out after it is the service's, not the shop's
        elapsed = ms if ms is not None else round((time.perf_counter() - started) * 1000)
        wall = await self._bot_check_now()
        shot = None
        if screenshot or wall is not None:  # the wall is the evidence a reader needs
            shot = await self.attachments.screenshot(self.page, f"{self.prefix}-{len(self.steps) + 1:02d}")
        step = JourneyStep(action=action, url=self.page.url, ms=elapsed, screenshot=shot)
        self.steps.append(step)
        if wall is not None:
            # the journey ends where the service took over the page: what the customer was to find there is the
            # service's to hide, and nothing read past it could be held against the shop
            self.wall = BotCheckMet(self.check_id, step.url, wall.describe(), shot, tuple(self.steps))
            self.log.bot_checks.append(self.wall)
            raise BotCheckHit(self.wall)
        if screenshot:  # a state worth showing is a state worth reading
            for reader in self.on_state:
                await reader(self.page, step, self.prefix)
        return step

    async def close_popup(self) -> bool:
        """Closes a marketing popup that covers the control about to be pressed, as a customer does, recorded as a
        step of its own before the click's (so the click's step stays the last, for its candidates and timing)."""
        started = time.perf_counter()
        done = await close_marketing_popup(self.page)
        if done is None:
            return False
        if len(self.log.marketing_popups) < 20:
            self.log.marketing_popups.append(done[:160])
        await self.settle()
        await self._record(done, started, screenshot=False)
        return True

    async def _bot_check_now(self) -> BotCheck | None:
        """The bot check in front of the page once its challenge had the site's patience to let the browser
        through (then the page it guarded is waited for), or None for the shop's own page."""
        try:
            wall = await wall_in_page(self.page)
            if wall is not None:
                wall = await wait_out_challenge(self.page, wall, self.log.patience)
                if wall is None:
                    await self.settle()
        except PlaywrightError:
            return None
        return wall

    def _stopped(self) -> None:
        if self.wall is not None:
            raise BotCheckHit(self.wall)

    async def goto(self, url: str, action: str | None = None, screenshot: bool = True) -> int | None:
        self._stopped()
        if not self.scope.contains(url):
            raise OutOfScope(f"{url} is outside the audited site")
        started = time.perf_counter()
        async with self._loading():
            response = await self.page.goto(url, wait_until="load", timeout=self.timeout_ms)
        await self._watch_for_change()  # so settle also waits for client-side rendering to stop
        await self.settle()
        await self._record(action or f"Open {url}", started, screenshot)
        await self.close_consent_banner()
        return response.status if response else None

    async def close_consent_banner(self) -> ConsentRecord | None:
        """A customer closes the cookie banner before doing anything else; so does the journey, recorded as a step."""
        started = time.perf_counter()
        record = await dismiss_consent(self.page)
        if record is None:
            return None
        self.log.consent_seen(record)
        if record.action:
            verb = {"reject": "Rejected optional cookies", "close": "Closed the cookie banner",
                    "accept": "Accepted cookies (the banner offered no other way to close it)"}[record.action]
            await self.settle()
            await self._record(f"{verb}: clicked '{record.button}'", started, screenshot=False)
        return record

    async def settle(self, quiet_ms: int = 250, limit_ms: int = 4000) -> None:
        """Waits until the page has loaded, no request was in flight and the DOM did not change for
        `quiet_ms` (SPA fetches and renders included); bounded by `limit_ms`, never an error. Cheaper than
        Playwright's 500 ms networkidle, and it sees client-side rendering, which networkidle does not."""
        deadline = time.perf_counter() + limit_ms / 1000
        with contextlib.suppress(PlaywrightError):
            await self.page.wait_for_load_state("load", timeout=limit_ms)
        mutations, dom_changed_at = -1, time.perf_counter()
        while time.perf_counter() < deadline:
            try:  # DOM quiet too: a client-rendered page keeps changing after its last request
                now_mutations = int(await self.page.evaluate("() => window.__cxMut || 0"))
            except PlaywrightError:
                now_mutations = mutations
            if now_mutations != mutations:
                mutations, dom_changed_at = now_mutations, time.perf_counter()
            idle_ms = (time.perf_counter() - self._last_network) * 1000
            dom_idle_ms = (time.perf_counter() - dom_changed_at) * 1000
            if self._inflight == 0 and idle_ms >= quiet_ms and dom_idle_ms >= quiet_ms:
                return
            await asyncio.sleep(0.05)

    async def describe(self, locator: Locator) -> dict[str, Any]:
        return await locator.evaluate(
            """el => ({text: (el.innerText || el.value || '').trim().slice(0, 200), aria: el.getAttribute('aria-label'),
                 title: el.getAttribute('title'), id: el.id, cls: String(el.className || ''), name: el.getAttribute('name'),
                 formaction: el.getAttribute('formaction') || (el.form && el.form.getAttribute('action')) || '',
                 autocomplete: el.getAttribute('autocomplete'), tag: el.tagName.toLowerCase(), type: el.getAttribute('type'),
                 submits: (el.tagName === 'BUTTON' && el.type === 'submit' && !!el.form) ||
                          (el.tagName === 'INPUT' && ['submit', 'image'].includes(el.type) && !!el.form)})"""
        )

    async def assert_not_purchase(self, locator: Locator) -> dict[str, Any]:
        info = await self.describe(locator)
        if is_purchase_control(info["text"], info["aria"], info["title"], info["id"], info["name"]):
            reason = f"refused to click '{info['text'][:60]}': it reads as a final purchase control"
            self.log.refuse(reason)
            raise PurchaseRefused(reason)
        target = (info["formaction"] or "") if info["submits"] else ""  # a type=button control submits nothing
        if target and is_purchase_request("POST", _absolute(self.page.url, target), None):
            reason = f"refused to submit a form to {target[:80]}: it looks like placing an order"
            self.log.refuse(reason)
            raise PurchaseRefused(reason)
        return info

    async def _watch_for_change(self) -> None:
        """Starts counting DOM mutations, so the next action's answer (and the end of rendering) can be seen."""
        with contextlib.suppress(PlaywrightError):
            await self.page.evaluate(WATCH_MUTATIONS)

    async def _time_to_change(self, started: float, limit_s: float = 10.0) -> int:
        """Milliseconds until the page visibly answered the action: a new document whose DOM has loaded, or a
        change inside the same document (an SPA rendering in place; a pushState URL change alone does not
        count, the content must change). The limit is returned if nothing changed."""
        deadline = started + limit_s
        while time.perf_counter() < deadline:
            try:
                # a fresh document has no counter at all; the old one counts its mutations
                changed = await self.page.evaluate("() => window.__cxMut === undefined || window.__cxMut > 0")
            except PlaywrightError:  # the old document is going away: a navigation is under way
                changed = True
            if changed:
                with contextlib.suppress(PlaywrightError):
                    await self.page.wait_for_load_state("domcontentloaded", timeout=self.timeout_ms)
                return round((time.perf_counter() - started) * 1000)
            await asyncio.sleep(0.05)
        return round(limit_s * 1000)

    async def _act(self, act: Callable[[], Awaitable[None]], started: float) -> int:
        """Performs the action and returns the time to the page's answer; the loading slot is held while the page
        answers, but not longer than HOLD_SLOT_S: an action that changed nothing must not stall the crawl.

        Past SILENT_ACTION_S the page is waited for only while it asked the network for something since the
        action: a slow server has the navigation or fetch in flight from the first milliseconds, while an action
        with no request and no change in that time (Enter in a field whose form does nothing) will not answer."""
        async with self._loading():
            await act()
            ms = await self._time_to_change(started, limit_s=SILENT_ACTION_S)
            if ms < SILENT_ACTION_S * 1000 or self._silent_since(started):
                return ms
            ms = await self._time_to_change(started, limit_s=HOLD_SLOT_S)
        if ms < HOLD_SLOT_S * 1000:
            return ms
        return await self._time_to_change(started)

    def _silent_since(self, started: float) -> bool:
        """No request in flight and none made since `started`."""
        return self._inflight == 0 and self._last_network < started

    async def cover_of(self, locator: Locator) -> tuple[bool, str | None]:
        """(whether Playwright's own tap would reach the control, what covers its centre). Playwright sees a cover
        only where it scrolled to, and on a phone-emulated page without a viewport tag its hit test is off (it
        reports the menu next to the search box as "intercepting"); so its verdict is checked with the page's own
        elementFromPoint once the control is in the middle of the screen. A cover is what a customer would hit."""
        try:
            await locator.click(trial=True, timeout=2000)
            return True, None
        except PlaywrightError as exc:
            if "intercepts pointer events" not in str(exc):
                return True, None  # hidden, detached or slow: the real click reports it
        with contextlib.suppress(PlaywrightError):
            cover: str | None = await locator.evaluate(HIT_TEST)
            return False, cover
        return True, None

    async def click(self, locator: Locator, action: str, screenshot: bool = True) -> JourneyStep:
        self._stopped()
        await self.assert_not_purchase(locator)
        reachable, cover = await self.cover_of(locator)
        if not reachable and await self.close_popup():  # the cover was a newsletter popup: closed, then looked again
            reachable, cover = await self.cover_of(locator)
        await self._watch_for_change()
        started = time.perf_counter()
        if reachable:
            ms = await self._act(lambda: locator.click(timeout=self.timeout_ms), started)
        else:  # the element's own click (what a tap on it fires), so the rest of the journey is still measured
            ms = await self._act(lambda: locator.evaluate("el => el.click()"), started)
        await self.settle()
        step = await self._record(action, started, screenshot, ms)
        if cover is not None:
            self.covered.append({"action": action, "url": step.url, "covered_by": cover, "screenshot": step.screenshot})
            self.annotate([], [f"the control was covered by {cover}; a tap would land there"])
        return step

    async def choose(self, locator: Locator, timeout_ms: int = 5000) -> None:
        """Clicks a control that answers a form's question (an ARIA radio, a dropdown's option) and moves no page:
        the same hit test as `click`, no step of its own. No purchase check: a payment method's radio ("PayPal",
        "Pay later") reads like a pay button but only selects, and it is what a one-page checkout asks to choose."""
        self._stopped()
        reachable, _cover = await self.cover_of(locator)
        if not reachable and await self.close_popup():
            reachable, _cover = await self.cover_of(locator)
        if reachable:
            await locator.click(timeout=timeout_ms)
        else:
            await locator.evaluate("el => el.click()")

    async def fill(self, locator: Locator, value: str) -> None:
        self._stopped()
        info = await self.describe(locator)
        hint = " ".join(str(info.get(k) or "") for k in ("name", "id", "autocomplete", "aria"))
        if CARD_FIELD_HINT.search(hint):
            reason = "refused to type into a payment card field"
            self.log.refuse(reason)
            raise PurchaseRefused(reason)
        # the field was read a moment ago: one that takes no typing within 5 s was re-rendered away, not slow
        await locator.fill(value, timeout=min(self.timeout_ms, 5000))

    async def press_enter(self, locator: Locator, action: str, screenshot: bool = True) -> JourneyStep:
        """Submits the field's own form as a customer would by pressing Enter, after checking where it goes."""
        self._stopped()
        formaction = await locator.evaluate("el => el.form ? (el.form.getAttribute('action') || '') : ''")
        if formaction and is_purchase_request("POST", _absolute(self.page.url, formaction), None):
            reason = f"refused to submit a form to {formaction[:80]}"
            self.log.refuse(reason)
            raise PurchaseRefused(reason)
        await self._watch_for_change()
        started = time.perf_counter()
        ms = await self._act(lambda: locator.press("Enter", timeout=self.timeout_ms), started)
        await self.settle()
        return await self._record(action, started, screenshot, ms)

    async def snap(self, action: str) -> JourneyStep:
        return await self._record(action, time.perf_counter())

    def annotate(self, candidates: Sequence[dict[str, str]], messages: Sequence[str] = ()) -> None:
        """Adds the candidates tried and what the site said to the step just recorded, so a reader of the
        report sees how the journey chose its way."""
        if self.steps:
            last = self.steps[-1]
            self.steps[-1] = dataclasses.replace(
                last, candidates=(*last.candidates, *candidates), messages=tuple(dict.fromkeys([*last.messages, *messages])))


def _absolute(base: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, href)
