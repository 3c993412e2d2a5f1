"""Opening a tab is bounded: Playwright's new_page can wait forever for a renderer killed while the tab opened."""

from __future__ import annotations

import asyncio
import time

import pytest
from playwright.async_api import Error as PlaywrightError

from auditor.browser import guard


class NeverOpeningContext:
    """A browser context whose new tab never becomes ready, as after a renderer died during its creation."""

    async def new_page(self) -> None:
        await asyncio.Event().wait()


async def test_a_tab_that_never_opens_fails_as_a_playwright_error_within_the_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "TAB_OPEN_LIMIT_S", 0.2)
    started = time.perf_counter()
    with pytest.raises(PlaywrightError, match=r"not ready within 0\.2 s"):
        await guard.new_page(NeverOpeningContext())  # type: ignore[arg-type]
    assert time.perf_counter() - started < 2


async def test_a_tab_set_up_in_time_is_returned() -> None:
    async def quick() -> str:
        return "tab"

    assert await guard.within_tab_limit(quick()) == "tab"
