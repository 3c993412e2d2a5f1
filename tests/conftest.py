"""Shared fixtures: one Chromium for the whole session, and real fixture servers on 127.0.0.1."""

from __future__ import annotations

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
