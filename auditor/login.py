"""The scripted login of `[login]`: sign in once, then every context of the audit starts as that customer.

It runs under the same guards as every journey (no purchase, no leaving the site), fills only the fields
the config names, and judges success by the config's condition, or else by the password field being gone."""

from __future__ import annotations

import contextlib
import re
from typing import Any
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator

from auditor.browser.bot_walls import BotCheckHit
from auditor.browser.guard import (
    GuardedPage,
    GuardLog,
    OutOfScope,
    PurchaseRefused,
    new_page,
    open_guarded_context,
)
from auditor.browser.session import BrowserSession, ContextOptions
from auditor.config import LoginConfig
from auditor.crawl.urls import Scope
from auditor.journey import Attachments, JourneyStep

LOGIN_ERROR = re.compile(r"\b(wrong|invalid|incorrect|not recogni[sz]ed|login failed|try again)\b|falsch|ungültig|"
                         r"onjuist|incorrecte?s?\b|erroné", re.I)
CSS_HINT = re.compile(r"^[#.\[]|^[a-z]+[#.\[:]|^(input|button|form)\b", re.I)


class LoginFailed(Exception):
    pass


async def _locate(gp: GuardedPage, selector: str | None, label: str | None) -> Locator:
    page = gp.page
    if selector:
        return page.locator(selector).first
    assert label is not None
    for candidate in (page.get_by_label(label, exact=False), page.get_by_placeholder(label, exact=False),
                      page.locator(f'input[name="{label}" i]')):
        with contextlib.suppress(PlaywrightError):
            if await candidate.count():
                return candidate.first
    raise LoginFailed(f"no field labelled '{label}' on the login page")


async def _succeeded(gp: GuardedPage, login: LoginConfig, timeout_ms: int) -> bool:
    page = gp.page
    try:
        if login.success_selector:
            await page.locator(login.success_selector).first.wait_for(state="visible", timeout=timeout_ms)
        if login.success_text:
            await page.get_by_text(login.success_text, exact=False).first.wait_for(state="visible", timeout=timeout_ms)
        if login.success_url_contains:
            await page.wait_for_url(re.compile(re.escape(login.success_url_contains)), timeout=timeout_ms)
    except PlaywrightError:
        return False
    if login.success_selector or login.success_text or login.success_url_contains:
        return True
    # no condition given: a password field asking again, or an error message, means the login failed
    with contextlib.suppress(PlaywrightError):
        if await page.locator("input[type=password]:visible").count():
            return False
        return not LOGIN_ERROR.search(await page.inner_text("body", timeout=timeout_ms))
    return False


async def scripted_login(session: BrowserSession, options: ContextOptions, scope: Scope, log: GuardLog,
                         login: LoginConfig, values: tuple[str, ...], start_url: str,
                         attachments: Attachments, timeout_ms: int = 20000) -> tuple[dict[str, Any], list[JourneyStep]]:
    """Signs in and returns the browser storage state to start every later context with, plus the steps taken."""
    url = urljoin(start_url, login.url)
    context = await open_guarded_context(session, options, scope, log)
    try:
        gp = GuardedPage(await new_page(context), scope, attachments, "login", log, timeout_ms=timeout_ms)
        try:
            await gp.goto(url, "Open the login page")
            last: Locator | None = None
            for spec, value in zip(login.fields, values, strict=True):
                last = await _locate(gp, spec.selector, spec.label)
                await gp.fill(last, value)
            if login.submit:
                button = (gp.page.locator(login.submit).first if CSS_HINT.search(login.submit)
                          else gp.page.get_by_role("button", name=login.submit).first)
                await gp.click(button, "Submit the login form", screenshot=False)
            else:
                assert last is not None
                await gp.press_enter(last, "Submit the login form", screenshot=False)
        except OutOfScope as exc:
            raise LoginFailed(f"the login page is outside the audited site: {exc}") from None
        except BotCheckHit as exc:
            raise LoginFailed(f"a bot check stopped it: {exc}") from None
        except PurchaseRefused as exc:
            raise LoginFailed(str(exc)) from None
        except PlaywrightError as exc:
            raise LoginFailed(str(exc).strip().splitlines()[0][:200]) from None
        if not await _succeeded(gp, login, timeout_ms):
            raise LoginFailed(f"the success condition was not met after submitting the form at {url} "
                              "(check the credentials and [login] success_* settings)")
        state = await context.storage_state()
        return dict(state), gp.steps
    finally:
        with contextlib.suppress(PlaywrightError):
            await context.close()
