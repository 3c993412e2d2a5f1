"""One load per page: everything the page-level checks need, read from the browser's own Performance APIs.

The CLS window rule: after the `load` event the page is watched until it is quiet (no layout shift, no
request in flight and no new request for `quiet_ms`, 1 s), for at most `settle_limit_ms` (6 s), so late shifts from lazy images,
banners and web fonts are counted. CLS is reported the way Lighthouse and Chrome do (the largest session
window: shifts less than 1 s apart, windows capped at 5 s) and also as the strict sum of every shift."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from playwright.async_api import BrowserContext, Page, Request, Response
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from auditor.bot_check import BotCheck, Patience, recognise
from auditor.browser.bot_walls import wait_out_challenge
from auditor.browser.consent import dismiss_consent
from auditor.browser.guard import answers_dialogs, new_page, within_tab_limit
from auditor.browser.purchase import is_purchase_url
from auditor.journey import Attachments
from auditor.page_roles import guess_role
from auditor.ratelimit import retry_after

METRICS_INIT_SCRIPT = """
(() => {
  if (window.__cxaudit) return;
  const s = window.__cxaudit = {lcp: null, lcpEl: null, shifts: [], longTasks: [], lastShift: 0};
  const describe = (el) => {
    if (!el || !el.tagName) return null;
    let d = el.tagName.toLowerCase();
    if (el.id) return d + '#' + el.id;
    if (el.classList && el.classList.length) d += '.' + Array.from(el.classList).slice(0, 2).join('.');
    return d;
  };
  const observe = (type, cb) => { try { new PerformanceObserver(l => l.getEntries().forEach(cb)).observe({type, buffered: true}); } catch (e) {} };
  observe('largest-contentful-paint', e => { s.lcp = e.renderTime || e.loadTime || e.startTime; s.lcpEl = describe(e.element); });
  observe('layout-shift', e => { if (!e.hadRecentInput) { s.shifts.push([e.startTime, e.value]); s.lastShift = performance.now(); } });
  observe('longtask', e => { s.longTasks.push([e.startTime, e.duration]); });
})();
"""

READ_METRICS = """
() => {
  const s = window.__cxaudit || {lcp: null, lcpEl: null, shifts: [], longTasks: []};
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const res = performance.getEntriesByType('resource');
  let bytes = nav ? (nav.transferSize || nav.encodedBodySize || 0) : 0;
  for (const r of res) bytes += (r.transferSize || r.encodedBodySize || 0);
  return {
    ttfb: nav ? nav.responseStart : null, load: nav && nav.loadEventEnd ? nav.loadEventEnd : null,
    dcl: nav ? nav.domContentLoadedEventEnd : null, fcp: fcp ? fcp.startTime : null, lcp: s.lcp, lcpEl: s.lcpEl,
    shifts: s.shifts, longTasks: s.longTasks, bytes, requests: res.length + 1, sinceLastShift: performance.now() - (s.lastShift || 0),
  };
}
"""

PAGE_HELPERS = """
  const region = (el) => {
    if (el.closest('footer,[role=contentinfo]')) return 'footer';
    if (el.closest('header,[role=banner]')) return 'header';
    if (el.closest('nav,[role=navigation]')) return 'nav';
    return 'main';
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; };
  const labelFor = (el) => {
    if (el.labels && el.labels.length) return el.labels[0].innerText.trim();
    return el.getAttribute('aria-label') || el.getAttribute('placeholder') || '';
  };
"""
FORMS = """Array.from(document.forms).slice(0, 50).map(f => ({
    action: f.action, method: (f.getAttribute('method') || 'get').toLowerCase(), region: region(f), visible: visible(f),
    role: f.getAttribute('role'), id: f.id || '', cls: String(f.className || '').slice(0, 120),
    text: (f.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 300),
    fields: Array.from(f.elements).filter(el => ['INPUT','SELECT','TEXTAREA'].includes(el.tagName)).slice(0, 80).map(el => ({
      tag: el.tagName.toLowerCase(), type: (el.getAttribute('type') || '').toLowerCase(), name: el.name || '', id: el.id || '',
      required: !!el.required || el.getAttribute('aria-required') === 'true', label: labelFor(el).slice(0, 120),
      visible: visible(el), autocomplete: el.getAttribute('autocomplete') || ''}))}))"""
# the page's forms and their fields, as the page-level checks (from the crawl) and the contact walk (live) read them
READ_FORMS = "() => {" + PAGE_HELPERS + "  return " + FORMS + ";\n}"
READ_PAGE = "() => {" + PAGE_HELPERS + """
  const links = Array.from(document.querySelectorAll('a[href]')).slice(0, 3000).map(a => ({
    href: a.href, text: (a.innerText || a.getAttribute('aria-label') || a.title || (a.querySelector('img[alt]') || {}).alt || '').trim().replace(/\\s+/g, ' ').slice(0, 200),
    region: region(a), visible: visible(a)}));
  const forms = """ + FORMS + """;
  return {title: document.title, lang: document.documentElement.lang || '', links, forms,
          text: (document.body ? document.body.innerText : '').slice(0, 20000)};
}"""


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    region: str  # header | nav | main | footer
    visible: bool


@dataclass(frozen=True)
class Timings:
    ttfb_ms: float | None = None
    fcp_ms: float | None = None
    lcp_ms: float | None = None
    cls: float | None = None
    cls_total: float | None = None
    tbt_ms: float | None = None
    load_ms: float | None = None
    lcp_element: str | None = None
    transfer_bytes: int = 0
    requests: int = 0

    def to_json(self) -> dict[str, Any]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


@dataclass
class PageSnapshot:
    url: str
    final_url: str
    status: int | None
    content_type: str
    title: str
    html: str
    text: str
    lang: str
    links: list[Link]
    forms: list[dict[str, Any]]
    timings: Timings
    redirects: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)  # thrown by the page's own code (not network failures)
    screenshot: str | None = None
    role: str = "other"
    depth: int = 0
    script_srcs: list[str] = field(default_factory=list)
    consent: dict[str, Any] | None = None  # the consent banner seen on this page and how it was closed
    load_event_missing: bool = False


@dataclass(frozen=True)
class PageLoadFailure:
    url: str
    # timeout | http_error | rate_limited | crashed | non_html | out_of_scope | refused | too_large | network | bot_check
    code: str
    message: str
    status: int | None = None
    retry_after_s: float | None = None  # with rate_limited: what the site asked for
    # with timeout: the tab never asked for the page, or the server answered and the tab never showed it. In a
    # reused tab that is the page it held before to blame (a dialog or a script busy as the tab leaves it), not
    # this page: worth a fresh tab before the page is reported
    tab_blocked: bool = False
    detail: str | None = None  # with bot_check: which service and what gave it away (BotCheck.describe)


def session_window_cls(shifts: list[tuple[float, float]]) -> float:
    """The largest burst of shifts: a window closes after a 1 s gap or once it spans 5 s (Chrome's CLS)."""
    best = current = 0.0
    window_start = prev = None
    for start, value in sorted(shifts):
        if window_start is None or prev is None or start - prev > 1000 or start - window_start > 5000:
            window_start, current = start, 0.0
        current += value
        prev = start
        best = max(best, current)
    return best


def total_blocking_time(long_tasks: list[tuple[float, float]], fcp_ms: float | None) -> float:
    """Lighthouse's TBT: the part of every long task after FCP that exceeds 50 ms."""
    start = fcp_ms or 0.0
    total = 0.0
    for task_start, duration in long_tasks:
        end = task_start + duration
        if end <= start:
            continue
        effective = end - max(task_start, start)
        total += max(0.0, effective - 50.0)
    return total


def timings_from_metrics(m: dict[str, Any]) -> Timings:
    shifts = [(float(a), float(b)) for a, b in m.get("shifts") or []]
    tasks = [(float(a), float(b)) for a, b in m.get("longTasks") or []]
    fcp = m.get("fcp")
    return Timings(
        ttfb_ms=m.get("ttfb"), fcp_ms=fcp, lcp_ms=m.get("lcp"), cls=session_window_cls(shifts),
        cls_total=sum(v for _, v in shifts), tbt_ms=total_blocking_time(tasks, fcp), load_ms=m.get("load"),
        lcp_element=m.get("lcpEl"), transfer_bytes=int(m.get("bytes") or 0), requests=int(m.get("requests") or 0),
    )


@dataclass(frozen=True)
class Throttle:
    latency_ms: float
    down_kbps: float
    up_kbps: float
    cpu_slowdown: float


# slow-4g is Lighthouse's default mobile throttling as DevTools applies it (RTT 150 ms x 3.75 request latency,
# 1.6 Mbps x 0.9 down, 750 kbps x 0.9 up, 4x CPU). fast-4g is our lighter profile for desktop-class networks.
THROTTLING: dict[str, Throttle | None] = {
    "none": None,
    "fast-4g": Throttle(latency_ms=150, down_kbps=9000, up_kbps=1500, cpu_slowdown=2),
    "slow-4g": Throttle(latency_ms=562.5, down_kbps=1474.56, up_kbps=675, cpu_slowdown=4),
}


async def apply_throttling(context: BrowserContext, page: Page, throttle: Throttle | None) -> None:
    """Network and CPU throttling through the Chrome DevTools Protocol, per page, before it loads."""
    if throttle is None:
        return
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": throttle.latency_ms,
        "downloadThroughput": throttle.down_kbps * 1024 / 8, "uploadThroughput": throttle.up_kbps * 1024 / 8})
    await cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle.cpu_slowdown})


@dataclass(frozen=True)
class LoadSettings:
    throttle: Throttle | None = None
    timeout_ms: int = 30000
    quiet_ms: int = 1000  # Lighthouse's network and CPU quiet thresholds are 1 s as well
    settle_limit_ms: int = 6000
    max_html_bytes: int = 3_000_000
    close_consent: bool = True  # after measuring, as a customer would, so the rest of the crawl sees the site
    load_event_wait_ms: int = 15000  # after DOM ready, how long to wait for `load` before measuring without it
    patience: Patience = field(default_factory=Patience)  # for bot checks; one per site, shared with its journeys


async def _wait_until_quiet(page: Page, network: dict[str, float], settings: LoadSettings) -> None:
    """Returns once no request is in flight and neither the network nor the layout changed for
    `quiet_ms`; gives up after `settle_limit_ms`. The network is watched from Python for free; the page is
    asked about layout shifts only once the network is quiet, then sleeps until quiet could next be reached,
    so a settling page costs the browser one or two evaluations rather than one every 100 ms."""
    deadline = time.perf_counter() + settings.settle_limit_ms / 1000
    quiet_s = settings.quiet_ms / 1000
    while (now := time.perf_counter()) < deadline:
        since_network = now - network["last"]
        if network["inflight"] > 0 or since_network < quiet_s:
            wait = 0.1 if network["inflight"] > 0 else quiet_s - since_network
            await asyncio.sleep(max(0.02, min(wait, deadline - now)))
            continue
        try:
            since_shift = await page.evaluate("() => performance.now() - ((window.__cxaudit || {}).lastShift || 0)") / 1000
        except PlaywrightError:
            return
        if since_shift >= quiet_s:
            return
        await asyncio.sleep(max(0.02, min(quiet_s - since_shift, deadline - time.perf_counter())))


READ_LINKS = """() => Array.from(document.querySelectorAll('a[href]')).slice(0, 3000).map(a =>
  [a.href, (a.innerText || a.getAttribute('aria-label') || a.title || '').trim().replace(/\\s+/g, ' ').slice(0, 200)])"""


@dataclass
class LoadingPage:
    """A page past its `load` event, still being watched until it is quiet (phase two of a load)."""

    page: Page
    url: str
    status: int
    content_type: str
    redirects: list[str]
    network: dict[str, float]
    console_errors: list[str]
    failed: list[str]
    scripts: list[str]
    crashed: asyncio.Event
    load_event_missing: bool = False  # a resource kept the `load` event from firing; measured at DOM ready
    handlers: list[tuple[str, Callable[..., Any]]] = field(default_factory=list)
    keep_page: bool = False
    exceptions: list[str] = field(default_factory=list)
    seen: dict[str, Any] = field(default_factory=dict)  # "dialogs": how many the page opened so far

    async def early_links(self) -> list[tuple[str, str]]:
        """The links (href, text) present at `load`, so a crawl can start on them while this page settles."""
        try:
            return [(str(h), str(t)) for h, t in await self.page.evaluate(READ_LINKS)]
        except PlaywrightError:
            return []

    async def close(self) -> None:
        """Closes the tab, or, for a crawl that reuses its tabs, only stops watching it. A page that opened
        dialogs may go on opening them, and a dialog that is open as the tab leaves keeps the next page from
        ever showing, so its tab is not reused."""
        reusable = not self.crashed.is_set() and not self.seen.get("dialogs")
        await release_tab(self.page, self.handlers, self.keep_page and reusable)


async def release_tab(page: Page, handlers: list[tuple[str, Callable[..., Any]]], keep: bool) -> None:
    if keep:
        for event, handler in handlers:
            with contextlib.suppress(Exception):
                page.remove_listener(event, handler)
        return
    with contextlib.suppress(PlaywrightError):
        await page.close()


async def load_page(
    context: BrowserContext, url: str, *, settings: LoadSettings | None = None,
    attachments: Attachments | None = None, screenshot_name: str | None = None, depth: int = 0,
) -> PageSnapshot | PageLoadFailure:
    """Loads one page in a fresh tab and reads everything from it; failures are values, not exceptions."""
    settings = settings or LoadSettings()
    loading = await begin_load(context, url, settings)
    if isinstance(loading, PageLoadFailure):
        return loading
    return await finish_load(loading, settings, attachments=attachments, screenshot_name=screenshot_name, depth=depth)


async def open_tab(context: BrowserContext, settings: LoadSettings) -> Page:
    """A fresh tab with the metrics script and throttling in place: set-up round trips that a crawl does
    before it takes a loading slot, so the slot is spent on loading only."""
    page = await new_page(context)
    await within_tab_limit(page.add_init_script(METRICS_INIT_SCRIPT))
    await within_tab_limit(apply_throttling(context, page, settings.throttle))
    return page


async def begin_load(context: BrowserContext, url: str, settings: LoadSettings,
                     page: Page | None = None, keep_page: bool = False) -> LoadingPage | PageLoadFailure:
    """Phase one, the part that competes for CPU and network: navigate and wait for the `load` event.

    A crawl bounds how many pages are in this phase at once (its concurrency); the quiet window of phase two
    is idle waiting, so it may overlap the next page's load without loading two pages at once."""
    if page is None:
        page = await open_tab(context, settings)
    network = {"inflight": 0.0, "last": time.perf_counter()}
    console_errors: list[str] = []
    exceptions: list[str] = []
    failed: list[str] = []
    scripts: list[str] = []
    crashed = asyncio.Event()
    seen = {"requested": False, "answered": False, "dialogs": 0}

    def on_request(req: Request) -> None:
        if req.is_navigation_request() and req.frame.parent_frame is None:
            seen["requested"] = True
        network["inflight"] += 1
        network["last"] = time.perf_counter()
        if req.resource_type == "script":
            scripts.append(req.url[:300])

    def on_done(req: Request) -> None:
        network["inflight"] -= 1
        network["last"] = time.perf_counter()

    def on_failed(req: Request) -> None:
        network["inflight"] -= 1
        network["last"] = time.perf_counter()
        failed.append(f"{req.url[:200]} ({req.failure or 'failed'})")

    def on_response(resp: Response) -> None:
        if resp.request.is_navigation_request() and resp.frame.parent_frame is None:
            seen["answered"] = True
        if resp.status >= 400:
            failed.append(f"{resp.url[:200]} (HTTP {resp.status})")

    def on_exception(err: Any) -> None:
        console_errors.append(str(err)[:300])
        exceptions.append(str(err)[:300])

    def on_dialog(_dialog: Any) -> None:  # counted for tab reuse (LoadingPage.close); the guard answers it
        seen["dialogs"] += 1

    handlers: list[tuple[str, Callable[..., Any]]] = [
        ("request", on_request), ("requestfinished", on_done), ("requestfailed", on_failed), ("response", on_response),
        ("pageerror", on_exception),
        ("console", lambda msg: console_errors.append(msg.text[:300]) if msg.type == "error" else None),
        ("crash", lambda _p: crashed.set())]
    if answers_dialogs(page.context):
        handlers.append(("dialog", on_dialog))
    for event, handler in handlers:
        page.on(event, handler)  # type: ignore[call-overload]
    failure = None
    load_event_missing = False
    started = time.perf_counter()
    try:
        try:
            response = await page.goto(url, wait_until="domcontentloaded", timeout=settings.timeout_ms)
        except PlaywrightTimeout:
            within = f"within {settings.timeout_ms / 1000:g} s"
            if seen["answered"]:
                failure = PageLoadFailure(url, "timeout", f"the page answered but did not show {within}", tab_blocked=True)
            elif not seen["requested"]:
                failure = PageLoadFailure(url, "timeout", f"the browser tab did not start loading the page {within}",
                                          tab_blocked=True)
            else:
                failure = PageLoadFailure(url, "timeout", f"the page did not answer {within}")
            return failure
        except PlaywrightError as exc:
            failure = _navigation_failure(url, str(exc), crashed.is_set())
            return failure
        if response is None or response.status == 204:
            if is_purchase_url(url):
                failure = PageLoadFailure(url, "refused", "not loaded: the URL looks like placing an order or a payment")
            else:
                failure = PageLoadFailure(url, "network", "no content")
            return failure
        headers = await response.all_headers()
        ctype = headers.get("content-type", "")
        status = response.status
        if status == 429:
            failure = PageLoadFailure(url, "rate_limited", "the site answered 429 Too Many Requests", status,
                                      retry_after(headers.get("retry-after")))
            return failure
        wall = await _bot_check_answer(page, status, headers)
        if wall is not None and await wait_out_challenge(page, wall, settings.patience) is None:
            # the service let the browser through, as it lets a customer who waits out "Just a moment...": the page
            # is loaded once more, now with the service's pass, and measured as the customer's next visit
            for reading in (console_errors, exceptions, failed, scripts):
                reading.clear()
            again = await page.goto(url, wait_until="domcontentloaded", timeout=settings.timeout_ms)
            if again is None:
                failure = PageLoadFailure(url, "network", "no content")
                return failure
            response, headers, status = again, await again.all_headers(), again.status
            ctype = headers.get("content-type", "")
            wall = await _bot_check_answer(page, status, headers)
        if wall is not None:
            failure = bot_check_failure(url, wall, status)
            return failure
        if status >= 400:
            failure = PageLoadFailure(url, "http_error", f"the page answered HTTP {status}", status)
            return failure
        redirects = []
        req = response.request.redirected_from
        while req is not None:
            redirects.append(req.url)
            req = req.redirected_from
        if ctype and not any(t in ctype for t in ("html", "xml")):
            failure = PageLoadFailure(url, "non_html", f"the URL serves {ctype.split(';')[0]}, not a web page", status)
            return failure
        remaining_ms = max(1000.0, settings.timeout_ms - (time.perf_counter() - started) * 1000)
        try:  # a hanging image or script keeps `load` from firing; the customer still sees the page
            await page.wait_for_load_state("load", timeout=min(remaining_ms, settings.load_event_wait_ms))
        except PlaywrightTimeout:
            load_event_missing = True
        return LoadingPage(page, url, status, ctype, list(reversed(redirects)), network, console_errors, failed,
                           scripts, crashed, load_event_missing, handlers, keep_page, exceptions, seen)
    except PlaywrightError as exc:
        failure = _navigation_failure(url, str(exc), crashed.is_set())
        return failure
    finally:
        if failure is not None:  # a navigation that timed out may still be under way in its tab
            await release_tab(page, handlers, keep_page and failure.code not in ("crashed", "timeout")
                              and not failure.tab_blocked)


async def _bot_check_answer(page: Page, status: int, headers: dict[str, str]) -> BotCheck | None:
    """The bot check the answer is, from its headers, and for an error or "accepted" status from its page too (a
    service's interstitial comes as 403, 503 or 202); an ordinary 200 page is read for one in `finish_load`."""
    html = ""
    if status >= 400 or status == 202:
        with contextlib.suppress(PlaywrightError):
            html = await page.content()
    return recognise(status, headers, html)


def bot_check_failure(url: str, wall: BotCheck, status: int | None) -> PageLoadFailure:
    return PageLoadFailure(url, "bot_check", f"{wall.describe()} instead of showing the page; a customer's browser "
                           "would have been let through, so nothing on it is held against the shop", status,
                           detail=wall.describe())


def _navigation_failure(url: str, text: str, crashed: bool) -> PageLoadFailure:
    if crashed or "crash" in text.lower() or "Target closed" in text or "has been closed" in text:
        return PageLoadFailure(url, "crashed", "the page crashed the browser tab")
    if is_purchase_url(url):
        return PageLoadFailure(url, "refused", "not loaded: the URL looks like placing an order or a payment")
    if "ERR_BLOCKED_BY_RESPONSE" in text:
        return PageLoadFailure(url, "too_large", "not loaded: the page is larger than cxaudit loads (crawl.max_page_mb)")
    if "ERR_BLOCKED_BY_CLIENT" in text:
        return PageLoadFailure(url, "out_of_scope", "the page redirected outside the audited site or into a purchase")
    if "Download is starting" in text:
        return PageLoadFailure(url, "non_html", "the URL is a download, not a page")
    if "interrupted by another navigation" in text:
        # the page the tab held before navigated late (an endless stream ending in an error page) and cut this load
        # short: the tab is to blame, not this page, so a reused tab is replaced before the page is reported
        return PageLoadFailure(url, "network", _net_reason(text), tab_blocked=True)
    return PageLoadFailure(url, "network", _net_reason(text))


async def finish_load(loading: LoadingPage, settings: LoadSettings, *, attachments: Attachments | None = None,
                      screenshot_name: str | None = None, depth: int = 0) -> PageSnapshot | PageLoadFailure:
    """Phase two: wait for quiet (late shifts, lazy loads), read metrics and content, close the page."""
    page, url = loading.page, loading.url
    try:
        await _wait_until_quiet(page, loading.network, settings)
        if loading.crashed.is_set():
            return PageLoadFailure(url, "crashed", "the page crashed the browser tab")
        metrics = await page.evaluate(READ_METRICS)
        info = await page.evaluate(READ_PAGE)
        html = await page.content()
        if len(html) > settings.max_html_bytes:
            html = html[: settings.max_html_bytes]
        wall = recognise(loading.status, {}, html, title=str(info["title"]), text_chars=len(str(info["text"]).strip()),
                         links=len(info["links"]))
        if wall is not None:  # an interstitial answered 200 (Incapsula, Sucuri's script check): not the shop's page
            return bot_check_failure(url, wall, loading.status)
        shot = None
        if attachments is not None and screenshot_name:
            shot = await attachments.screenshot(page, screenshot_name)
        consent = await dismiss_consent(page) if settings.close_consent else None
        links = [Link(str(x["href"]), str(x["text"]), str(x["region"]), bool(x["visible"])) for x in info["links"]]
        snap = PageSnapshot(
            url=url, final_url=page.url, status=loading.status, content_type=loading.content_type,
            title=str(info["title"])[:300], html=html, text=str(info["text"]), lang=str(info["lang"]), links=links,
            forms=list(info["forms"]), timings=timings_from_metrics(metrics), redirects=loading.redirects,
            console_errors=loading.console_errors[:50], failed_requests=loading.failed[:50], screenshot=shot, depth=depth,
            exceptions=loading.exceptions[:50],
            script_srcs=loading.scripts[:200], consent=consent.to_json() if consent else None,
            load_event_missing=loading.load_event_missing,
        )
        snap.role = guess_role(snap.final_url, snap.title, snap.html, snap.text, snap.forms, is_start=depth == 0)
        return snap
    except PlaywrightError as exc:
        if loading.crashed.is_set() or "crash" in str(exc).lower() or "closed" in str(exc).lower():
            return PageLoadFailure(url, "crashed", "the page crashed the browser tab")
        return PageLoadFailure(url, "network", _net_reason(str(exc)))
    finally:
        await loading.close()


def _net_reason(text: str) -> str:
    for code, reason in (("ERR_NAME_NOT_RESOLVED", "the host name could not be resolved"),
                         ("ERR_CONNECTION_REFUSED", "the connection was refused"),
                         ("ERR_CONNECTION_RESET", "the connection was reset"),
                         ("ERR_TOO_MANY_REDIRECTS", "the page redirects in a loop"),
                         ("ERR_CERT", "the TLS certificate is not valid"),
                         ("ERR_SSL", "the TLS handshake failed"),
                         ("ERR_EMPTY_RESPONSE", "the server closed the connection without answering"),
                         ("ERR_INVALID_RESPONSE", "the server sent an invalid response"),
                         ("ERR_ABORTED", "the navigation was aborted")):
        if code in text:
            return reason
    return text.strip().splitlines()[0][:200] if text.strip() else "the page could not be loaded"
