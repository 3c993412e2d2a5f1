"""The shape every check has, and the context its gather receives.

Like Lighthouse's audits, a check declares what it needs and splits into `gather` (the only code that
drives the browser; returns JSON-serialisable evidence) and `assess` (a pure function of evidence and
thresholds). The runner owns isolation: a gather that raises or times out makes the check not measured,
never a lost audit."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import operator
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from playwright.async_api import BrowserContext, Page
from pydantic import BaseModel

from auditor.browser.guard import GuardedPage, GuardLog, new_page, open_guarded_context
from auditor.browser.session import BrowserSession, ContextOptions
from auditor.config import AuditConfig
from auditor.crawl.urls import Scope, normalize_url
from auditor.findings import CheckOutcome, FindingTemplate
from auditor.journey import Attachments, JourneyStep
from auditor.slots import LoadSlots
from auditor.snapshot import PageLoadFailure, PageSnapshot


class StateReader(Protocol):
    """Reads each state a journey reaches (a page worth a screenshot), for a check that needs no walk of its
    own: accessibility of every step, the prices shown at each step. One instance per site."""

    async def __call__(self, page: Page, step: JourneyStep, journey: str) -> None: ...


class NotApplicable(Exception):
    """Raised by a gather when the check does not apply to this site (e.g. no shop at all)."""


StartsOn = Literal["crawl", "home", "products"]
HOME_LINKS_TO_WAIT_FOR = 40


@dataclass
class SiteContext:
    """What a check's gather sees of one site. The crawl fills `snapshots` while journeys already run: a check
    declares when it may start (`CheckSpec.starts_on`), and one that reads the whole crawl awaits `crawled()`."""

    start_url: str
    scope: Scope
    config: AuditConfig
    snapshots: list[PageSnapshot]
    failures: list[PageLoadFailure]
    attachments: Attachments
    session: BrowserSession
    context_options: ContextOptions
    guard_log: GuardLog
    # check id -> the reader class it declares (`CheckSpec.reads_states`); attached to every journey's page
    state_readers: dict[str, Callable[[], StateReader]] = field(default_factory=dict)
    needed: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # shared work between checks of one site (e.g. click maps)
    # the crawl's loading slots: a journey's navigation takes one too, so pages never load more at once than
    # the configured concurrency and the crawl's timings stay honest while journeys run beside it
    load_slots: LoadSlots | None = None
    crawl_done: asyncio.Event = field(default_factory=asyncio.Event)
    # the crawl has handed out its last page: only pages already loading remain, and loading slots fall idle
    crawl_tail: asyncio.Event = field(default_factory=asyncio.Event)
    crawl_ended_at: float | None = None
    # whether the crawl loads a page (Frontier.will_load): no waiting for one it never will
    will_load: Callable[[str], bool] | None = None
    _contexts: list[BrowserContext] = field(default_factory=list)
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _resolved: set[str] = field(default_factory=set)  # normalised URLs the crawl loaded or failed on

    @property
    def home(self) -> PageSnapshot | None:
        """The start page; once the crawl is over and the start page failed, the shallowest page instead."""
        start = self._start_page()
        if start is not None:
            return start
        return self.snapshots[0] if self.snapshots and self.crawl_done.is_set() else None

    def _start_page(self) -> PageSnapshot | None:
        return next((s for s in self.snapshots if s.depth == 0), None)

    def add_snapshot(self, snapshot: PageSnapshot) -> None:
        self.snapshots.append(snapshot)
        self._resolve(snapshot.url, snapshot.final_url)

    def add_failure(self, failure: PageLoadFailure) -> None:
        self.failures.append(failure)
        self._resolve(failure.url)

    def add_passed_over(self, url: str) -> None:
        """The crawl loaded `url` but keeps no page for it (it redirected to a page already in, or off the site):
        whoever waits for it stops waiting."""
        self._resolve(url)

    def _resolve(self, *urls: str) -> None:
        self._resolved.update(normalize_url(u) or u for u in urls)
        self._arrived.set()

    def snapshot_of(self, url: str) -> PageSnapshot | None:
        key = normalize_url(url) or url
        return next((s for s in self.snapshots if key in (normalize_url(s.url) or s.url, normalize_url(s.final_url)
                                                          or s.final_url)), None)

    def finish_crawl(self) -> None:
        """The crawl's order is the report's: shallowest first, then by URL, whatever order pages arrived in."""
        if not self.crawl_done.is_set():
            self.snapshots.sort(key=lambda s: (s.depth, s.final_url))
            self.crawl_ended_at = time.perf_counter()
            self.crawl_done.set()
            self.crawl_tail.set()
            self._arrived.set()

    async def crawled(self) -> None:
        await self.crawl_done.wait()

    async def wait_until(self, enough: Callable[[], bool]) -> None:
        """Returns once `enough()` holds for the pages crawled so far, or the crawl is over."""
        while not enough() and not self.crawl_done.is_set():
            self._arrived.clear()
            await self._arrived.wait()

    def product_pages(self) -> list[PageSnapshot]:
        return [p for p in self.snapshots if _is_product_page(p)]

    def home_links(self) -> list[str]:
        """The start page's own links in its main area (product cards, categories), in scope, normalised."""
        home = self._start_page()
        if home is None:
            return []
        links = [normalize_url(lk.href) for lk in home.links if lk.region == "main" and lk.visible]
        return list(dict.fromkeys(u for u in links if u and self.scope.contains(u)))[:HOME_LINKS_TO_WAIT_FOR]

    async def products_for_journey(self, wanted: int = 3) -> list[PageSnapshot]:
        """The product pages a journey starts from, the same on every run whatever order the crawl met pages in:
        the first `wanted` product pages among the start page's own links, in the page's order, each taken as soon
        as it and the links before it are crawled; when the start page links to none, every product page crawled.
        A link the crawl will never load (refused, or beyond its page budget) is passed over at once, not at the
        end of the crawl: the same products, sooner."""
        await self.ready_for("home")
        found: list[PageSnapshot] = []
        for url in self.home_links():
            if self.will_load is not None and not self.will_load(url):
                continue
            await self.wait_until(functools.partial(operator.contains, self._resolved, url))
            snap = self.snapshot_of(url)
            if snap is not None and _is_product_page(snap) and snap not in found:
                found.append(snap)
                if len(found) >= wanted:
                    break
        if found:
            return found
        await self.crawled()
        return sorted(self.product_pages(), key=lambda s: (s.depth, s.final_url))

    async def ready_for(self, starts_on: StartsOn) -> None:
        if starts_on in ("home", "products"):  # a journey from products takes ctx.products_for_journey() itself
            await self.wait_until(lambda: self._start_page() is not None)
        else:
            await self.crawled()

    def pages_with_role(self, *roles: str) -> list[PageSnapshot]:
        return [s for s in self.snapshots if s.role in roles]

    async def new_guarded_page(self, prefix: str, beside: GuardedPage | None = None) -> GuardedPage:
        """A page in a fresh context (its own cookies and cart), under every guard; or, `beside` a journey's page,
        a second tab of the same customer (same cookies, warm cache) for work that can run alongside."""
        if beside is not None:
            context = beside.page.context
        else:
            context = await open_guarded_context(self.session, self.context_options, self.scope, self.guard_log)
            self._contexts.append(context)
        page = await new_page(context)
        gp = GuardedPage(page, self.scope, self.attachments, prefix, self.guard_log,
                         timeout_ms=min(self.config.crawl.page_timeout_ms, 20000), load_slots=self.load_slots)
        for check_id in self.state_readers:
            reader = self.state_reader(check_id)
            if reader is not None:
                gp.on_state.append(reader)
        return gp

    def state_reader(self, check_id: str) -> StateReader | None:
        """The one reader per site of a check: every journey's states end up in the same place. None when the
        check declares no reader or was not selected."""
        key = f"state_reader:{check_id}"
        reader = self.cache.get(key)
        if reader is None and check_id in self.state_readers:
            reader = self.cache[key] = self.state_readers[check_id]()
        return reader

    async def close(self) -> None:
        for value in self.cache.values():
            if isinstance(value, asyncio.Task) and not value.done():
                value.cancel()
        for context in self._contexts:
            with contextlib.suppress(Exception):
                await context.close()
        self._contexts.clear()


def _is_product_page(snapshot: PageSnapshot) -> bool:
    return snapshot.role == "product" and snapshot.status is not None and 0 < snapshot.status < 400


Gather = Callable[[SiteContext], Awaitable[Any]]
Assess = Callable[[Any, Any], CheckOutcome]


@dataclass(frozen=True)
class CheckSpec:
    id: str
    title: str
    kind: Literal["page", "journey"]
    gather: Gather
    assess: Assess
    thresholds: type[BaseModel]
    findings: dict[str, FindingTemplate]
    needs: tuple[str, ...] = ()  # must have been measured, else this check is not measured
    uses: tuple[str, ...] = ()   # read when selected: this check waits for them but runs without them
    timeout_s: float = 120.0
    weight: float = 1.0
    reads_states: Callable[[], StateReader] | None = None  # reads every journey state; gather reads it back
    # when the gather may start: after the crawl (the default), once the start page is in, or once a few product
    # pages are (a journey starts beside the crawl); a gather that also reads the whole crawl awaits ctx.crawled()
    starts_on: StartsOn = "crawl"


def evidence_to_json(evidence: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(evidence) and not isinstance(evidence, type):
        return dataclasses.asdict(evidence)
    if isinstance(evidence, dict):
        return evidence
    return {"value": evidence}


def order_by_needs(specs: list[CheckSpec]) -> list[CheckSpec]:
    """Topological order; a check whose need is not selected still runs and reports it as not measured."""
    by_id = {s.id: s for s in specs}
    done: list[CheckSpec] = []
    seen: set[str] = set()

    def visit(spec: CheckSpec, stack: tuple[str, ...] = ()) -> None:
        if spec.id in seen:
            return
        if spec.id in stack:
            raise ValueError(f"check dependency cycle: {' -> '.join((*stack, spec.id))}")
        for need in (*spec.needs, *spec.uses):
            if need in by_id:
                visit(by_id[need], (*stack, spec.id))
        seen.add(spec.id)
        done.append(spec)

    for spec in specs:
        visit(spec)
    return done
