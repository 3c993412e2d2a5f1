"""Document responses are checked before the browser acts on them: redirects out of the site, oversized pages.

Playwright's request routing sees only the first URL of a redirect chain; the hops after it go out unseen.
So every page also gets a DevTools `Fetch` interceptor at the response stage for documents: a 3xx answer
whose Location leaves the scope fails there (`net::ERR_BLOCKED_BY_CLIENT`) and is logged, and the other host
never receives a request. A document whose Content-Length is above the limit fails too
(`net::ERR_BLOCKED_BY_RESPONSE`): one pathological 20 MB page can take Chromium several GB to lay out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any
from urllib.parse import urljoin

from playwright.async_api import BrowserContext, CDPSession, Page
from playwright.async_api import Error as PlaywrightError

from auditor.crawl.urls import Scope

log = logging.getLogger(__name__)


def _header(event: dict[str, Any], name: str) -> str | None:
    for header in event.get("responseHeaders") or []:
        if str(header.get("name", "")).lower() == name:
            return str(header.get("value", ""))
    return None


def redirect_target(event: dict[str, Any]) -> str | None:
    """The absolute Location of a paused 3xx response, or None for anything else."""
    status = event.get("responseStatusCode")
    if not isinstance(status, int) or not 300 <= status < 400:
        return None
    location = _header(event, "location")
    return None if location is None else urljoin(str(event.get("request", {}).get("url", "")), location)


def content_length(event: dict[str, Any]) -> int | None:
    value = (_header(event, "content-length") or "").strip()
    return int(value) if value.isdigit() else None


async def guard_document_responses(context: BrowserContext, page: Page, scope: Scope, blocked: list[str],
                                   max_document_bytes: int | None = None) -> CDPSession | None:
    """Installs the interceptor on `page` (before it navigates); `blocked` collects the refused targets."""
    try:
        cdp = await context.new_cdp_session(page)
    except PlaywrightError:  # not Chromium, or a browser server that forbids DevTools sessions
        return None
    pending: set[asyncio.Task[None]] = set()

    async def decide(event: dict[str, Any]) -> None:
        target = redirect_target(event)
        with contextlib.suppress(PlaywrightError):
            size = content_length(event)
            if target is not None and not scope.contains(target) and target.startswith(("http://", "https://")):
                if len(blocked) < 50:
                    blocked.append(target)
                await cdp.send("Fetch.failRequest", {"requestId": event["requestId"], "errorReason": "BlockedByClient"})
            elif max_document_bytes is not None and size is not None and size > max_document_bytes:
                await cdp.send("Fetch.failRequest", {"requestId": event["requestId"], "errorReason": "BlockedByResponse"})
            else:
                await cdp.send("Fetch.continueResponse", {"requestId": event["requestId"]})

    def on_paused(event: dict[str, Any]) -> None:
        task = asyncio.ensure_future(decide(event))
        pending.add(task)
        task.add_done_callback(pending.discard)

    cdp.on("Fetch.requestPaused", on_paused)
    try:
        await cdp.send("Fetch.enable", {"patterns": [{"resourceType": "Document", "requestStage": "Response"}]})
    except PlaywrightError as exc:
        log.debug("redirect guard unavailable: %s", exc)
        return None
    return cdp
