"""A crawl keeps each worker's tab for its next page (a new tab costs a renderer process); what the previous page
left behind in that tab must never be blamed on the next page."""

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from auditor.browser.guard import GuardLog, open_guarded_context
from auditor.browser.session import BrowserSession, ContextOptions
from auditor.crawl.urls import Scope
from auditor.demo.httpkit import App, LocalServer, Response
from auditor.snapshot import (
    LoadingPage,
    LoadSettings,
    PageSnapshot,
    begin_load,
    finish_load,
    load_page,
    open_tab,
)
from tests.sites.hostile import HostileSite

session_loop = pytest.mark.asyncio(loop_scope="session")


async def load_in(tab_url: str, session: BrowserSession, path: str) -> bool:
    """Loads `path` in a tab the caller means to reuse; says whether the tab is still open for the next page."""
    context = await open_guarded_context(session, ContextOptions(), Scope(tab_url), GuardLog())
    try:
        settings = LoadSettings(timeout_ms=4000)
        tab = await open_tab(context, settings)
        loading = await begin_load(context, tab_url + path, settings, tab, keep_page=True)
        assert isinstance(loading, LoadingPage), loading
        assert isinstance(await finish_load(loading, settings), PageSnapshot)
        return not tab.is_closed()
    finally:
        await context.close()


def nagging_site(serve_app: Callable[[App], LocalServer]) -> str:
    app = App()
    app.add("/quiet", lambda r: Response("<title>Quiet</title><h1>Nothing to say</h1>"))
    app.add("/nagging", lambda r: Response("<title>Nagging</title><h1>Hello</h1><script>"
                                           "setInterval(()=>alert('still here'),200)</script>"))
    return serve_app(app).url


@session_loop
async def test_a_tab_whose_page_opened_dialogs_is_not_kept_for_the_next_page(
        browser_session: BrowserSession, serve_app: Callable[[App], LocalServer]) -> None:
    url = nagging_site(serve_app)
    assert await load_in(url, browser_session, "quiet")
    # its next alert could be open as the tab leaves, and the next page would never show
    assert not await load_in(url, browser_session, "nagging")


@session_loop
async def test_a_page_loaded_without_the_guard_still_has_its_dialogs_dismissed(
        browser_session: BrowserSession, serve_app: Callable[[App], LocalServer]) -> None:
    # counting a page's dialogs must not keep Playwright from dismissing them where no guard answers them
    url = nagging_site(serve_app)
    context = await browser_session.new_context(ContextOptions())
    try:
        snap = await asyncio.wait_for(load_page(context, url + "nagging", settings=LoadSettings(timeout_ms=4000)), 30)
    finally:
        await context.close()
    assert isinstance(snap, PageSnapshot) and snap.title == "Nagging"


@session_loop
async def test_a_page_that_blocks_its_tab_on_leaving_does_not_cost_the_next_page_in_that_tab(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    # 14 pages for 5 workers: the workers that held the busy pages load more pages in the same tabs
    links = ["/busy-on-beforeunload", "/busy-on-pagehide", *(f"/ok/{n}" for n in range(1, 13))]
    url = serve_app(HostileSite(home_links=links).app).url
    doc = (await run_audit(url, ["load-time"], crawl={"max_pages": 15, "concurrency": 1,
                                                       "page_timeout_ms": 4000})).to_json()
    s = doc["sites"][0]
    failed = {p["url"]: p["error"] for p in s["pages"] if p["error"]}
    assert failed == {} and s["crawl"]["pages_visited"] == 15
