"""The shape every check has, and the context its gather receives.

Like Lighthouse's audits, a check declares what it needs and splits into `gather` (the only code that
drives the browser; returns JSON-serialisable evidence) and `assess` (a pure function of evidence and
thresholds). The runner owns isolation: a gather that raises or times out makes the check not measured,
never a lost audit."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from playwright.async_api import BrowserContext, Page
from pydantic import BaseModel

from auditor.browser.guard import GuardedPage, GuardLog, new_page, open_guarded_context
from auditor.browser.session import BrowserSession, ContextOptions
from auditor.config import AuditConfig
from auditor.crawl.urls import Scope
from auditor.findings import CheckOutcome, FindingTemplate
from auditor.journey import Attachments, JourneyStep
from auditor.snapshot import PageLoadFailure, PageSnapshot


class StateReader(Protocol):
    """Reads each state a journey reaches (a page worth a screenshot), for a check that needs no walk of its
    own: accessibility of every step, the prices shown at each step. One instance per site."""

    async def __call__(self, page: Page, step: JourneyStep, journey: str) -> None: ...


class NotApplicable(Exception):
    """Raised by a gather when the check does not apply to this site (e.g. no shop at all)."""


@dataclass
class SiteContext:
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
    _contexts: list[BrowserContext] = field(default_factory=list)

    @property
    def home(self) -> PageSnapshot | None:
        return self.snapshots[0] if self.snapshots else None

    def pages_with_role(self, *roles: str) -> list[PageSnapshot]:
        return [s for s in self.snapshots if s.role in roles]

    async def new_guarded_page(self, prefix: str) -> GuardedPage:
        """A page in a fresh context (its own cookies and cart), under every guard."""
        context = await open_guarded_context(self.session, self.context_options, self.scope, self.guard_log)
        self._contexts.append(context)
        page = await new_page(context)
        gp = GuardedPage(page, self.scope, self.attachments, prefix, self.guard_log,
                         timeout_ms=min(self.config.crawl.page_timeout_ms, 20000))
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
