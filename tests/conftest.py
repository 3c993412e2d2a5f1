"""Shared fixtures: one Chromium for the whole session, and real fixture servers on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from auditor.browser.session import BrowserSession
from auditor.config import AuditConfig
from auditor.demo.httpkit import App, LocalServer
from auditor.demo.shop import DemoShop, ShopOptions
from auditor.results import AuditResult
from auditor.runner import Auditor
from tests.process_marks import SESSION_MARK, describe, survivors

# Every process the suite starts inherits this mark, so one left behind is found even once orphaned.
os.environ.setdefault(SESSION_MARK, uuid.uuid4().hex)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fails the run when a process the suite started outlives it (a leaked browser server holds its port
    and memory on every CI machine that runs the suite), naming it, and ends it."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # a worker shares the mark with its siblings and the controller, which checks once they are gone
    left = survivors(SESSION_MARK, os.environ[SESSION_MARK])
    if not left:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    message = f"processes started by the test suite are still running after it: {describe(left)}"
    if reporter is not None:
        reporter.write_line(f"ERROR: {message}", red=True)
    for proc in left:
        with contextlib.suppress(Exception):
            proc.kill()
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the cores, at most four. A browser test spends much of its time waiting on
    pages (quiet windows, server delays), so two workers left a 2-core machine a third idle; three keep it busy
    (clean clone, 2 cores: 9m42 with two workers, 7m50 with three)."""
    return min(4, (os.cpu_count() or 1) + 1)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def browser_session() -> AsyncIterator[BrowserSession]:
    async with BrowserSession() as session:
        yield session


@pytest.fixture
def serve_app() -> Iterator[Callable[[App], LocalServer]]:
    servers: list[LocalServer] = []

    def start(app: App) -> LocalServer:
        server = LocalServer(app).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def demo_shop(serve_app: Callable[[App], LocalServer]) -> Callable[..., tuple[DemoShop, str]]:
    def make(**options: Any) -> tuple[DemoShop, str]:
        shop = DemoShop(ShopOptions(**options))
        return shop, serve_app(shop.app).url

    return make


@pytest.fixture
def run_audit(browser_session: BrowserSession, tmp_path: Path) -> Callable[..., Any]:
    async def run(url: str, checks: list[str] | None = None, **config: Any) -> AuditResult:
        from checks import all_checks

        cfg = AuditConfig.model_validate({"urls": [url], "out": str(tmp_path / "out"),
                                          "checks": checks or [c.id for c in all_checks()], **config})
        return await Auditor(cfg, all_checks()).run(browser_session)

    return run
