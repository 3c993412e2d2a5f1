"""crawl -> page snapshots -> journeys -> assess -> AuditResult. The runner knows no particular check: it
only orders them by `needs`, isolates each one, and turns failures into "not measured" with a reason."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Awaitable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from playwright.async_api import Browser, Page
from playwright.async_api import Error as PlaywrightError

from auditor import __version__
from auditor.access import SiteAccess
from auditor.browser.bot_walls import CURRENT_CHECK, BotCheckHit, BotCheckMet
from auditor.browser.guard import GuardLog, open_guarded_context
from auditor.browser.session import BrowserSession, ContextOptions
from auditor.checkspec import CheckSpec, NotApplicable, SiteContext, evidence_to_json, order_by_needs
from auditor.config import AuditConfig, effective_thresholds
from auditor.crawl.frontier import Frontier
from auditor.crawl.preflight import preflight
from auditor.crawl.robots import RobotsPolicy, fetch_robots
from auditor.crawl.sitemaps import collect_sitemap_urls
from auditor.crawl.urls import Scope, normalize_url
from auditor.findings import Status, Unverified
from auditor.journey import Attachments, JourneyStep
from auditor.language import site_language
from auditor.login import LoginFailed, scripted_login
from auditor.progress import Progress, SilentProgress
from auditor.ratelimit import MAX_RETRY_AFTER_S, wait_before_retry
from auditor.results import AuditResult, CheckResult, SiteResult
from auditor.slots import CRAWL, LoadSlots
from auditor.snapshot import (
    THROTTLING,
    LoadSettings,
    PageLoadFailure,
    PageSnapshot,
    begin_load,
    finish_load,
    open_tab,
)

log = logging.getLogger(__name__)
LANGUAGE_PAGES = 6  # pages whose text the site's language is read from

TAB_RETRY_PAUSE_S = 0.5  # before a crawl worker opens its tab again, after the browser failed to open one


def default_user_agent(browser_version: str) -> str:
    major = browser_version.split(".")[0] or "120"
    return (f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 "
            f"Safari/537.36 cxaudit/{__version__}")


def no_page_error(failures: list[PageLoadFailure], user_agent: str) -> dict[str, str]:
    """Why a site gave nothing to audit. A bot check is named as such, with what gets the audit in: the service
    stopped the auditor, not a customer, and "every page failed: HTTP 403" would leave the user guessing."""
    walls = [f for f in failures if f.code == "bot_check"]
    if walls:
        first = walls[0]
        ours = re.search(r"cxaudit/\S+", user_agent)  # what a site's owner allowlists; a custom agent whole
        return {"code": "bot_check", "message": (
            f"{first.url}: {first.detail}, and no page could be audited; ask the site's "
            f"owner to let this machine's IP address or user agents containing “{ours.group(0) if ours else user_agent}” "
            "through, or audit a staging copy")}
    reasons = "; ".join(sorted({f.message for f in failures})) or "no page could be loaded"
    return {"code": "all_pages_failed", "message": f"every page failed: {reasons}"}


def page_json(item: PageSnapshot | PageLoadFailure) -> dict[str, Any]:
    if isinstance(item, PageLoadFailure):
        return {"url": item.url, "status": item.status, "role": None, "timings": None,
                "error": {"code": item.code, "message": item.message}}
    t = item.timings
    return {
        "url": item.final_url, "requested_url": item.url, "status": item.status, "role": item.role, "title": item.title,
        "depth": item.depth,
        "timings": {"ttfb_ms": _r(t.ttfb_ms), "fcp_ms": _r(t.fcp_ms), "lcp_ms": _r(t.lcp_ms), "cls": _r(t.cls, 4),
                    "cls_total": _r(t.cls_total, 4), "tbt_ms": _r(t.tbt_ms), "load_ms": _r(t.load_ms)},
        "lcp_element": t.lcp_element, "transfer_bytes": t.transfer_bytes, "requests": t.requests,
        "js_errors": len(item.console_errors), "failed_requests": len(item.failed_requests),
        "screenshot": item.screenshot, "error": None,
        "notes": ["the load event never fired (a resource kept loading); measured once the page was ready"]
        if item.load_event_missing else [],
    }


def _r(value: float | None, digits: int = 0) -> float | None:
    if value is None:
        return None
    return round(value, digits) if digits else round(value)


class Auditor:
    def __init__(self, config: AuditConfig, checks: list[CheckSpec], progress: Progress | None = None,
                 out_dir: Path | None = None, access: SiteAccess | None = None) -> None:
        self.config = config
        self.checks = order_by_needs([c for c in checks if c.id in config.checks])
        self.progress = progress or SilentProgress()
        self.out_dir = out_dir if out_dir is not None else config.out
        self.partial: list[SiteResult] = []
        self.access = access if access is not None else SiteAccess.from_config(config)

    async def run(self, session: BrowserSession | None = None) -> AuditResult:
        """Audits every configured site; pass a started `session` to share one browser across runs (tests)."""
        if session is None:
            async with BrowserSession(self.config.browser_path, self.config.browser_endpoint) as own:
                return await self.run(own)
        started = time.perf_counter()
        started_at = datetime.now(UTC).isoformat(timespec="seconds")
        semaphore = asyncio.Semaphore(self.config.site_concurrency)

        async def one(index: int, url: str) -> SiteResult:
            async with semaphore:
                return await self.audit_site_bounded(session, index, url)

        sites = await asyncio.gather(*(one(i, u) for i, u in enumerate(self.config.urls)))
        browser = {"version": session.version, "source": session.location.source if session.location else None}
        return AuditResult(started_at=started_at, duration_ms=round((time.perf_counter() - started) * 1000),
                           config=self.config.public_dict(), sites=list(sites), browser=browser)

    async def audit_site_bounded(self, session: BrowserSession, index: int, url: str) -> SiteResult:
        """With `device = both`, the site is audited once per profile, one after the other (so neither bends the
        other's timings); the desktop pass is the site's result, both are in `devices`."""
        if self.config.device != "both":
            return await self.audit_device(session, index, url, self.config.device)
        result = await self.audit_device(session, index, url, "desktop")
        mobile = await self.audit_device(session, index, url, "mobile", label="mobile")
        result.devices = {name: {"checks": [c.to_json() for c in r.checks], "score": r.score, "error": r.error,
                                 "duration_ms": r.duration_ms, "pages_visited": r.crawl.get("pages_visited")}
                          for name, r in (("desktop", result), ("mobile", mobile))}
        return result

    async def audit_device(self, session: BrowserSession, index: int, url: str, device: str,
                           label: str = "") -> SiteResult:
        result = SiteResult(start_url=url)
        if not label:
            self.partial.append(result)
        started = time.perf_counter()
        try:
            await asyncio.wait_for(self.audit_site(session, index, url, result, device, label),
                                   timeout=self.config.site_timeout_s)
        except TimeoutError:
            note = f"the site's time budget of {self.config.site_timeout_s} s ran out; the report has what was measured"
            result.crawl.setdefault("notes", []).append(note)
            for spec in self.checks:
                if not any(c.id == spec.id for c in result.checks):
                    result.checks.append(CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, {},
                                                     reason="the site's time budget ran out before this check"))
            order = {spec.id: i for i, spec in enumerate(self.checks)}
            result.checks.sort(key=lambda c: order.get(c.id, 99))
        result.duration_ms = round((time.perf_counter() - started) * 1000)
        result.score = site_score(result.checks, {c.id: c.weight for c in self.checks})
        self.progress.site_done(url, (f"{label}: " if label else "") + (
            f"score {result.score}" if result.score is not None else (
                result.error["message"] if result.error else "no score")))
        return result

    async def audit_site(self, session: BrowserSession, index: int, url: str, result: SiteResult,
                         device: str = "desktop", label: str = "") -> None:
        cfg = self.config
        user_agent = cfg.crawl.user_agent or default_user_agent(session.version)
        scope = Scope(url, frozenset(cfg.crawl.allow_hosts))
        result.access = self.access.describe()
        result.market = market_json(cfg)
        pre = await preflight(url, user_agent=user_agent, timeout_s=cfg.crawl.page_timeout_ms / 1000, scope=scope,
                              auth=self.access.httpx_auth(scope), has_credentials=self.access.has_credentials)
        if not pre.ok:
            result.error = {"code": pre.error_code or "unreachable", "message": pre.error or "unreachable"}
            return
        result.final_url = pre.final_url
        start = normalize_url(pre.final_url) or pre.final_url
        scope = Scope(start, frozenset(cfg.crawl.allow_hosts))
        async with httpx.AsyncClient(timeout=10.0, headers={"User-Agent": user_agent}, follow_redirects=True,
                                     auth=self.access.httpx_auth(scope)) as client:
            robots = await fetch_robots(client, start, ignored=cfg.crawl.ignore_robots)
            sitemap_urls = (await collect_sitemap_urls(client, start, robots.sitemaps, scope)
                            if cfg.crawl.use_sitemaps else [])
        frontier = Frontier(scope, robots, user_agent, max_pages=cfg.crawl.max_pages, max_depth=cfg.crawl.max_depth)
        frontier.add(start, 0)
        for seed in sitemap_urls:
            frontier.add(seed, 1)
        attachments = Attachments(self.out_dir if cfg.screenshots else None, index, variant=label)
        guard_log = GuardLog()
        context_options = self.context_options(user_agent, scope, start, device=device)
        if cfg.login is not None:
            try:
                state, steps = await scripted_login(session, context_options, scope, guard_log, cfg.login,
                                                    self.access.login_values, start, attachments)
            except LoginFailed as exc:
                result.error = {"code": "login_failed", "message": f"the scripted login failed: {exc}"}
                return
            result.login = {"url": cfg.login.url, "steps": [s.to_json() for s in steps]}
            context_options = self.context_options(user_agent, scope, start, state, device=device)
        self.progress.site_started(start, cfg.crawl.max_pages)
        ctx = SiteContext(start, scope, cfg, [], [], attachments, session, context_options, guard_log,
                          state_readers={s.id: s.reads_states for s in self.checks if s.reads_states is not None},
                          load_slots=LoadSlots(cfg.crawl.concurrency), will_load=frontier.will_load)
        # journeys start beside the crawl as soon as what they need has been crawled (see CheckSpec.starts_on)
        checks = asyncio.ensure_future(self.run_checks(ctx, result, start))
        try:
            await self.crawl_site(ctx, frontier, robots, sitemap_urls, result)
            if not ctx.snapshots:
                result.error = no_page_error(ctx.failures, user_agent)
            await checks
            if result.error:
                result.checks.clear()
        finally:
            if not checks.done():
                checks.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await checks
            await ctx.close()
            result.guard = {"refused": guard_log.refused, "blocked_out_of_scope": guard_log.blocked_out_of_scope[:50],
                            "dialogs_dismissed": guard_log.dialogs_total, "popups_closed": guard_log.popups_closed,
                            "marketing_popups_closed": guard_log.marketing_popups}
            result.consent = consent_json(ctx.snapshots, guard_log)

    async def crawl_site(self, ctx: SiteContext, frontier: Frontier, robots: RobotsPolicy, sitemap_urls: list[str],
                         result: SiteResult) -> None:
        """The crawl, and what the result says of it; the crawl is over (for waiting checks) however it ends."""
        crawl_started = time.perf_counter()
        try:
            rate_limited = await self.crawl(ctx, frontier, robots)
        finally:
            ctx.finish_crawl()
        snapshots, failures = ctx.snapshots, ctx.failures
        if snapshots:
            # the start page declares; its text and the next pages' say what the shop is written in (a start page
            # of product tiles has too few words to tell French from Spanish)
            result.language = site_language(snapshots[0].lang, snapshots[0].html,
                                            " ".join(s.text for s in snapshots[:LANGUAGE_PAGES]))
        result.pages = [page_json(x) for x in snapshots] + [page_json(x) for x in failures]
        result.crawl = {
            "pages_visited": len(snapshots), "pages_failed": len(failures),
            "pages_skipped": sum(frontier.skipped.values()) + frontier.pending,
            "skipped_reasons": dict(frontier.skipped), "robots_txt": robots.status,
            "robots_ignored": robots.ignored, "sitemap_urls": len(sitemap_urls), "user_agent": frontier.user_agent,
            "duration_ms": round((time.perf_counter() - crawl_started) * 1000), "rate_limited_answers": rate_limited,
        }
        if snapshots and snapshots[0].screenshot:
            result.screenshot = snapshots[0].screenshot

    async def run_checks(self, ctx: SiteContext, result: SiteResult, start: str) -> None:
        """Runs every check as soon as the checks it needs or uses are done; journeys run side by side (each in
        its own browser context) up to `journey_concurrency`. Results keep the declared order."""
        done = {spec.id: asyncio.Event() for spec in self.checks}
        journeys = asyncio.Semaphore(self.config.journey_concurrency)
        order = {spec.id: i for i, spec in enumerate(self.checks)}

        async def one(spec: CheckSpec) -> None:
            try:
                for dep in (*spec.needs, *spec.uses):
                    if dep in done:
                        await done[dep].wait()
                if not self.config.journeys_beside_crawl:
                    # a journey that starts from the home page or products takes the slots the crawl's last pages
                    # leave idle; the rest wait for the whole crawl
                    await (ctx.crawl_tail.wait() if spec.starts_on != "crawl" else ctx.crawled())
                await ctx.ready_for(spec.starts_on)
                if not ctx.snapshots:  # the crawl loaded nothing: the site's error says why, no check runs
                    return
                if spec.kind == "journey":
                    async with journeys:
                        check_result = await self.run_check(spec, ctx, result)
                else:
                    check_result = await self.run_check(spec, ctx, result)
                result.checks.append(check_result)
                result.checks.sort(key=lambda c: order.get(c.id, 99))
                self.progress.check_done(start, spec.id, check_result.status.value)
            finally:
                done[spec.id].set()

        await asyncio.gather(*(one(spec) for spec in self.checks))

    def context_options(self, user_agent: str, scope: Scope, start: str,
                        login_state: dict[str, Any] | None = None, device: str = "desktop") -> ContextOptions:
        cfg, market = self.config, self.config.market
        return ContextOptions(
            device=device, user_agent=user_agent, locale=cfg.locale, timezone_id=market.timezone,
            geolocation=market.coordinates,
            extra_headers={"Accept-Language": market.accept_language} if market.accept_language else None,
            scoped_headers=self.access.headers or None, http_credentials=self.access.http_credentials(start),
            max_document_bytes=int(cfg.crawl.max_page_mb * 1_000_000),
            storage_state=self.access.context_state(scope, start, login_state),
        )

    async def crawl(self, ctx: SiteContext, frontier: Frontier, robots: RobotsPolicy) -> int:
        """Fills ctx.snapshots and ctx.failures; returns how many times the site answered 429."""
        cfg = self.config
        session, options, scope, guard_log, attachments = (ctx.session, ctx.context_options, ctx.scope, ctx.guard_log,
                                                           ctx.attachments)
        context = await open_guarded_context(session, options, scope, guard_log)
        settings = LoadSettings(throttle=THROTTLING[cfg.throttle], timeout_ms=cfg.crawl.page_timeout_ms,
                                patience=guard_log.patience)
        delay = max(cfg.crawl.delay_ms / 1000, robots.crawl_delay(frontier.user_agent) or 0.0)
        active = 0
        wake = asyncio.Event()
        links_known = asyncio.Event()  # a page's links are read at `load`, before its quiet window
        suspects: list[tuple[str, int]] = []  # pages open when the whole browser died
        seen_final: set[str] = set()
        # `concurrency` pages load at once (journeys' pages included); the other workers' pages sit in their quiet
        # window meanwhile
        loading_slots = ctx.load_slots or LoadSlots(cfg.crawl.concurrency)
        backoff: dict[str, float] = {"until": 0.0, "rate_limited": 0}
        page_budget_s = 2 * settings.timeout_ms / 1000 + settings.settle_limit_ms / 1000 + 2 * MAX_RETRY_AFTER_S + 15

        async def load_one(url: str, depth: int, tabs: list[Page]) -> PageSnapshot | PageLoadFailure:
            """Loads with the worker's own tab, kept for its next page: opening a tab starts a renderer process,
            which under load costs as much as loading the page. A crashed or closed tab is replaced."""
            nonlocal context
            attempt = 0
            fresh_tab_tried = False
            tab_failures = 0
            while True:
                if not session.browser.is_connected() or context.browser is not session.browser:
                    await session.ensure_alive()
                    if context.browser is not session.browser:  # the first worker to notice opens the new context
                        context = await open_guarded_context(session, options, scope, guard_log)
                    tabs.clear()
                if not tabs or tabs[0].is_closed() or tabs[0].context is not context:
                    try:
                        tabs[:] = [await open_tab(context, settings)]
                    except PlaywrightError as exc:
                        tab_failures += 1
                        if tab_failures < 2:  # a renderer crash elsewhere (another page's) can fail the tab that
                            await asyncio.sleep(TAB_RETRY_PAUSE_S)  # opened in that moment: the page is not to blame
                            continue
                        return PageLoadFailure(url, "crashed", f"no tab could be opened: {str(exc).splitlines()[0][:160]}")
                reused = tabs[0].url != "about:blank"
                async with loading_slots.slot(CRAWL):
                    pause = backoff["until"] - time.perf_counter()
                    if pause > 0:  # the site asked every visitor to slow down
                        await asyncio.sleep(pause)
                    loading = await begin_load(context, url, settings, tabs[0], keep_page=True)
                    if delay:
                        await asyncio.sleep(delay)
                if isinstance(loading, PageLoadFailure) and loading.tab_blocked and reused and not fresh_tab_tried:
                    # the tab never asked for the page or never showed the answer: the page it held before may be
                    # to blame, so this page gets a fresh tab (the timed-out one was closed) before it is reported
                    fresh_tab_tried = True
                    continue
                if not (isinstance(loading, PageLoadFailure) and loading.code == "rate_limited"):
                    break
                backoff["rate_limited"] += 1
                wait = wait_before_retry(loading.retry_after_s, attempt)
                if wait is None:
                    asked = loading.retry_after_s
                    return PageLoadFailure(url, "rate_limited", (
                        f"the site answered 429 Too Many Requests {attempt + 1} time(s)"
                        + (f" and asked to wait {asked:g} s, more than the {MAX_RETRY_AFTER_S:g} s cxaudit waits"
                           if asked is not None and asked > MAX_RETRY_AFTER_S else "")), 429, asked)
                backoff["until"] = max(backoff["until"], time.perf_counter() + wait)
                attempt += 1
            if isinstance(loading, PageLoadFailure):
                return loading
            for href, text in await loading.early_links():
                frontier.add(href, depth + 1, text)
            wake.set()
            links_known.set()
            return await finish_load(loading, settings, attachments=attachments,
                                     screenshot_name="home" if depth == 0 else None, depth=depth)

        async def worker(pages: int | None = None) -> None:
            nonlocal active
            tabs: list[Page] = []
            while pages is None or pages > 0:
                if pages is not None:
                    pages -= 1
                item = frontier.pop()
                if frontier.budget_left() <= 0:
                    ctx.crawl_tail.set()
                if item is None:
                    if active == 0:
                        wake.set()
                        return
                    wake.clear()
                    await wake.wait()
                    continue
                url, depth = item
                active += 1
                try:
                    browser = session.browser
                    snap = await bounded_load(url, depth, tabs)
                    if killed_with_browser(snap, browser):
                        # the whole browser died: any page open at that moment failed, not only the one that
                        # brought it down; each is loaded again alone once the crawl is over
                        suspects.append((url, depth))
                    else:
                        keep(url, depth, snap)
                finally:
                    active -= 1
                    wake.set()

        async def bounded_load(url: str, depth: int, tabs: list[Page]) -> PageSnapshot | PageLoadFailure:
            """A hard bound per page, whatever the browser does; and a load under way when the whole browser dies
            ends then (some of Playwright's calls on a dead browser wait for their own timeout instead)."""
            browser = session.browser
            died = asyncio.Event()
            on_disconnect = lambda *_: died.set()  # noqa: E731
            browser.on("disconnected", on_disconnect)
            load = asyncio.ensure_future(asyncio.wait_for(load_one(url, depth, tabs), timeout=page_budget_s))
            death = asyncio.ensure_future(died.wait())
            try:
                await asyncio.wait([load, death], return_when=asyncio.FIRST_COMPLETED)
            finally:
                browser.remove_listener("disconnected", on_disconnect)
                death.cancel()
            snap: PageSnapshot | PageLoadFailure
            if load.done():
                try:
                    snap = load.result()
                except TimeoutError:
                    snap = PageLoadFailure(url, "timeout", f"the page took longer than {page_budget_s:g} s in all")
                    tabs.clear()
            else:
                load.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await load
                snap = PageLoadFailure(url, "crashed", "the browser stopped while the page loaded")
            if isinstance(snap, PageLoadFailure) and snap.code == "crashed":
                tabs.clear()
            return snap

        def killed_with_browser(snap: PageSnapshot | PageLoadFailure, browser: Browser) -> bool:
            """The page failed because the whole browser it loaded in died (not only its own tab)."""
            return isinstance(snap, PageLoadFailure) and snap.code == "crashed" and (
                not browser.is_connected() or browser is not session.browser)

        def keep(url: str, depth: int, snap: PageSnapshot | PageLoadFailure) -> None:
            if isinstance(snap, PageLoadFailure):
                ctx.add_failure(snap)
                self.progress.page_done(url, False, snap.message)
                return
            final = normalize_url(snap.final_url) or snap.final_url
            frontier.mark_seen(final)
            if final in seen_final or not scope.contains(snap.final_url):
                frontier.skipped["duplicate_after_redirect" if final in seen_final else "redirected_out_of_scope"] += 1
                ctx.add_passed_over(url)
                return
            seen_final.add(final)
            ctx.add_snapshot(snap)
            self.progress.page_done(url, True, snap.role)
            for link in snap.links:
                frontier.add(link.href, depth + 1, link.text)

        async def retry_suspects_alone() -> None:
            """A page that crashes the browser again when nothing else is open is the one that did it."""
            tabs: list[Page] = []
            for url, depth in suspects:
                browser = session.browser
                snap = await bounded_load(url, depth, tabs)
                if killed_with_browser(snap, browser):
                    snap = PageLoadFailure(url, "crashed", "the page crashed the browser, again when loaded on its own")
                keep(url, depth, snap)

        try:
            # a load takes a fraction of the 1 s quiet window, so 3 workers per slot (+2) keep every slot busy.
            # The start page loads alone, since its links rank the rest of the frontier; the others start on
            # those links while it sits in its quiet window (or once it failed)
            first, known = asyncio.ensure_future(worker(pages=1)), asyncio.ensure_future(links_known.wait())
            await asyncio.wait([first, known], return_when=asyncio.FIRST_COMPLETED)
            known.cancel()
            await asyncio.gather(first, *(worker() for _ in range(cfg.crawl.concurrency * 3 + 2)))
            await retry_suspects_alone()
        finally:
            with contextlib.suppress(Exception):
                await context.close()
        return int(backoff["rate_limited"])

    async def run_check(self, spec: CheckSpec, ctx: SiteContext, site: SiteResult) -> CheckResult:
        started = time.perf_counter()
        missing = [n for n in spec.needs if n not in ctx.needed]
        if missing:
            return CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, {},
                               reason=f"needs the {', '.join(missing)} check, which was not measured")
        try:
            site_thresholds = effective_thresholds(self.config.thresholds, self.config.overrides, site.start_url)
            thresholds = spec.thresholds.model_validate(site_thresholds.get(spec.id, {}))
        except Exception as exc:
            return CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, {},
                               reason=f"invalid thresholds: {str(exc).splitlines()[0]}")
        journey = []
        budget = spec.timeout_s
        if spec.kind == "journey" and self.config.journey_timeout_s:
            budget = min(budget, float(self.config.journey_timeout_s))
        CURRENT_CHECK.set(spec.id)  # this task's context only: guarded pages the gather opens know whose they are
        try:
            evidence = await gather_within(spec.gather(ctx), budget, ctx)
        except BotCheckHit as exc:
            return bot_checked(spec, exc.met, started, [])
        except NotApplicable as exc:
            return CheckResult(spec.id, spec.title, Status.NOT_APPLICABLE, None, {}, reason=str(exc))
        except TimeoutError:
            return CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, {},
                               reason=f"gathering took longer than its budget of {budget:g} s")
        except Exception as exc:
            log.debug("gather %s failed", spec.id, exc_info=True)
            return CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, {},
                               reason=f"gathering failed: {type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")
        journey = list(getattr(evidence, "journey_steps", []) or [])
        met = next((m for m in ctx.guard_log.bot_checks if m.check == spec.id), None)
        if met is not None:  # met, caught inside the gather, and gone on: what it gathered after is not the shop's
            return bot_checked(spec, met, started, journey)
        ctx.needed[spec.id] = evidence
        evidence_json = evidence_to_json(evidence)
        evidence_json.pop("journey_steps", None)
        try:
            outcome = spec.assess(evidence, thresholds)
        except Exception as exc:
            log.debug("assess %s failed", spec.id, exc_info=True)
            return CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, evidence_json, journey=journey,
                               reason=f"assessment failed: {type(exc).__name__}: {exc}")
        return CheckResult(
            spec.id, spec.title, outcome.status, outcome.score, evidence_json, findings=outcome.findings,
            journey=journey, reason=outcome.reason, strengths=outcome.strengths,
            outcome=outcome.outcome,
            unverified=outcome.unverified,
            duration_ms=round((time.perf_counter() - started) * 1000),
        )


def bot_checked(spec: CheckSpec, met: BotCheckMet, started: float, journey: list[JourneyStep]) -> CheckResult:
    """A check a bot-management service stopped: not measured, with the journey up to the wall and its picture."""
    reason = (f"a bot check stopped the journey at {met.url}: {met.what}; a customer's browser would have gone on, "
              "so nothing was measured")
    return CheckResult(spec.id, spec.title, Status.NOT_MEASURED, None, {}, journey=journey or list(met.journey),
                       reason=reason, unverified=[Unverified(spec.title, reason, met.screenshot,
                                                             tuple(s.action for s in met.journey))],
                       duration_ms=round((time.perf_counter() - started) * 1000))


async def gather_within(gather: Awaitable[Any], budget_s: float, ctx: SiteContext) -> Any:
    """A gather's budget counts from when it started or from the end of the crawl, whichever is later: a journey
    that started beside the crawl may wait for the whole crawl (e.g. to count pages) without losing its time."""
    started = time.perf_counter()
    task = asyncio.ensure_future(gather)
    try:
        if not ctx.crawl_done.is_set():
            crawl_over = asyncio.ensure_future(ctx.crawl_done.wait())
            try:
                await asyncio.wait({task, crawl_over}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                crawl_over.cancel()
        deadline = max(started, ctx.crawl_ended_at or started) + budget_s
        return await asyncio.wait_for(task, timeout=max(0.0, deadline - time.perf_counter()))
    finally:
        if not task.done():
            task.cancel()


def market_json(cfg: AuditConfig) -> dict[str, Any]:
    m = cfg.market
    return {"locale": cfg.locale, "timezone": m.timezone, "geolocation": m.geolocation,
            "accept_language": m.accept_language, "country": m.country, "currency": m.currency}


def consent_json(snapshots: list[PageSnapshot], guard_log: GuardLog) -> dict[str, Any]:
    """Every consent banner the crawl and the journeys met, and how each was closed."""
    seen = [s.consent for s in snapshots if s.consent] + guard_log.consent
    return {"banner_found": bool(seen), "records": seen[:20],
            "dismissed": any(r.get("dismissed") for r in seen),
            "actions": sorted({str(r["action"]) for r in seen if r.get("action")})}


def site_score(checks: list[CheckResult], weights: dict[str, float]) -> int | None:
    scored = [(c.score, weights.get(c.id, 1.0)) for c in checks if c.score is not None]
    if not scored:
        return None
    total = sum(w for _, w in scored)
    return round(sum(s * w for s, w in scored) / total)
