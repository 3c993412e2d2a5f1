"""Before the browser: one plain HTTP request tells apart the failures a user can act on (no such host,
refused, TLS, timeout, HTTP error, not a web page), each as a one-line reason with a stable code."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from dataclasses import dataclass, replace
from typing import Any

import httpx

from auditor.bot_check import BotCheck, recognise
from auditor.crawl.urls import Scope
from auditor.ratelimit import MAX_RETRY_AFTER_S, retry_after, wait_before_retry

MAX_REDIRECTS = 10


@dataclass(frozen=True)
class PreflightResult:
    url: str
    final_url: str
    status: int | None
    content_type: str
    redirects: list[str]
    error_code: str | None = None
    error: str | None = None
    retry_after_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.error_code is None


def _fail(url: str, code: str, message: str, status: int | None = None, redirects: list[str] | None = None) -> PreflightResult:
    return PreflightResult(url, url, status, "", redirects or [], code, message)


async def preflight(url: str, **kwargs: Any) -> PreflightResult:
    """One request, or a few more when the site answers 429 with a Retry-After we can honour."""
    attempt = 0
    while True:
        result = await _preflight_once(url, **kwargs)
        if result.status != 429:
            return result
        wait = wait_before_retry(result.retry_after_s, attempt)
        if wait is None:
            asked = result.retry_after_s
            return replace(result, error_code="rate_limited", error=(
                f"{result.final_url} answered 429 Too Many Requests"
                + (f" and asked to wait {asked:g} s (cxaudit waits at most {MAX_RETRY_AFTER_S:g} s); try again later"
                   if asked is not None and asked > MAX_RETRY_AFTER_S
                   else f" {attempt + 1} times; try again later or lower --concurrency")))
        await asyncio.sleep(wait)
        attempt += 1


async def _bot_check(response: httpx.Response, limit: int = 128_000) -> BotCheck | None:
    """The bot check an error answer is, read from its headers and the start of its page."""
    body = b""
    with contextlib.suppress(httpx.HTTPError):
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) >= limit:
                break
    return recognise(response.status_code, dict(response.headers), body[:limit].decode("utf-8", "replace"))


async def _preflight_once(url: str, *, user_agent: str, timeout_s: float = 20.0, scope: Scope | None = None,
                    headers: dict[str, str] | None = None, auth: httpx.Auth | None = None,
                    has_credentials: bool = False) -> PreflightResult:
    redirects: list[str] = []
    current = url
    timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0))
    async with httpx.AsyncClient(follow_redirects=False, timeout=timeout, headers={"User-Agent": user_agent, **(headers or {})},
                                 auth=auth) as client:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                async with client.stream("GET", current) as response:
                    status = response.status_code
                    ctype = response.headers.get("content-type", "")
                    location = response.headers.get("location")
                    retry = retry_after(response.headers.get("retry-after"))
                    wall = await _bot_check(response) if status >= 400 and status != 429 else None
            except httpx.ConnectError as exc:
                text = str(exc)
                if isinstance(exc.__cause__, ssl.SSLError) or "SSL" in text or "certificate" in text.lower():
                    return _fail(url, "tls", f"{current}: the TLS certificate or handshake failed ({text[:120]})", redirects=redirects)
                if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text or "No address" in text:
                    return _fail(url, "dns", f"{current}: the host name could not be resolved; check the spelling", redirects=redirects)
                return _fail(url, "unreachable", f"{current}: the connection was refused or failed; is the site running?",
                             redirects=redirects)
            except httpx.TimeoutException:
                return _fail(url, "timeout", f"{current}: no answer within {timeout_s:g} s", redirects=redirects)
            except httpx.HTTPError as exc:
                return _fail(url, "unreachable", f"{current}: {type(exc).__name__}: {str(exc)[:160]}", redirects=redirects)
            if status in (301, 302, 303, 307, 308) and location:
                redirects.append(current)
                nxt = str(httpx.URL(current).join(location))
                if scope is not None and not scope.contains(nxt):
                    return _fail(url, "redirect_out_of_scope",
                                 f"{current} redirects to {nxt}, outside the audited site; audit that address or use --allow-host",
                                 status, redirects)
                current = nxt
                continue
            break
        else:
            return _fail(url, "redirect_loop", f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)", redirects=redirects)
    if wall is not None:
        # a bot-management service stopped a client without JavaScript: the browser may pass its check, and the
        # crawl reports it if not
        return PreflightResult(url, current, status, ctype, redirects)
    if status == 429:
        return PreflightResult(url, current, status, ctype, redirects, "http_error", f"{current} answered HTTP 429",
                               retry_after_s=retry)
    if status == 401:
        hint = ("the credentials given (--auth / CXAUDIT_AUTH, --header, --cookie) were refused; check them" if has_credentials
                else "the site needs credentials; pass --auth user:password (or set CXAUDIT_AUTH)")
        return PreflightResult(url, current, status, ctype, redirects, "auth_failed", f"{current} answered HTTP 401: {hint}")
    if status == 403 and has_credentials:
        return PreflightResult(url, current, status, ctype, redirects, "auth_failed",
                               f"{current} answered HTTP 403 Forbidden with the given --header/--cookie values; check them")
    if status >= 400:
        return PreflightResult(url, current, status, ctype, redirects, "http_error", f"{current} answered HTTP {status}")
    if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
        kind = ctype.split(";")[0].strip()
        return PreflightResult(url, current, status, ctype, redirects, "non_html",
                               f"{current} serves {kind}, not a web page; give the address of the site's home page")
    return PreflightResult(url, current, status, ctype, redirects)
