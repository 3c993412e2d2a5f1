"""Bot checks met in the browser: reading one in a live page, waiting out a challenge that lets the browser through,
and stopping a journey at one that does not (the pure recognition is `auditor.bot_check`)."""

from __future__ import annotations

import asyncio
import contextvars
import time
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.bot_check import BotCheck, Patience, recognise
from auditor.journey import JourneyStep

# the check whose gather is running: a guarded page it opens reports a bot check under that check's id
CURRENT_CHECK: contextvars.ContextVar[str | None] = contextvars.ContextVar("cxaudit_current_check", default=None)


@dataclass(frozen=True)
class BotCheckMet:
    """A journey step that landed on a bot-management interstitial: the journey cannot go on as a customer would."""

    check: str | None
    url: str
    what: str
    screenshot: str | None
    journey: tuple[JourneyStep, ...]  # the page's steps up to and including the one that met it


class BotCheckHit(Exception):
    """Raised by every action of a guarded page once it met a bot check; the runner reports the check as not
    measured, even where a gather caught the exception and went on."""

    def __init__(self, met: BotCheckMet) -> None:
        super().__init__(f"{met.what} at {met.url}")
        self.met = met


# what tells an interstitial from the shop, read in the page: its links and text, and its markup when it is thin
READ_WALL = """() => { const links = document.querySelectorAll('a[href]').length;
  const text = document.body ? (document.body.innerText || '').trim().length : 0;
  return {links, text, title: document.title || '',
          html: links < 15 && text < 1500 ? document.documentElement.outerHTML.slice(0, 300000) : ''}; }"""


async def wall_in_page(page: Page) -> BotCheck | None:
    """The bot check the page shows now, read in the page (no headers at hand after a click)."""
    seen = await page.evaluate(READ_WALL)
    return recognise(None, {}, str(seen["html"]), title=str(seen["title"]), text_chars=int(seen["text"]),
                     links=int(seen["links"]))


async def wait_out_challenge(page: Page, wall: BotCheck, patience: Patience) -> BotCheck | None:
    """None once a challenge let the browser through (its script passed and the page became the shop's), else the
    wall still up when the site's patience ran out. A block ("Access Denied") is not waited for."""
    if wall.kind != "challenge" or patience.seconds <= 0:
        return wall
    deadline = time.perf_counter() + patience.seconds
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.5)
        try:
            current = await wall_in_page(page)
        except PlaywrightError:  # the challenge is navigating to the page it guarded
            continue
        if current is None:
            return None
    patience.gave_up()
    return wall
