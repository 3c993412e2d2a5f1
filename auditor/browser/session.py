"""One Chromium per run, a fresh context per site, with the flags headless needs on locked-down machines."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from playwright.async_api import Browser, BrowserContext, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError

from auditor.browser.locate import BrowserLocation, locate_browser
from auditor.errors import BrowserNotFound

log = logging.getLogger(__name__)

# Without the background-networking flags Chromium stalls on connections a closed network refuses.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
)

DEVICE_PROFILES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1350, "height": 940}, "device_scale_factor": 1, "is_mobile": False,
                "has_touch": False},
    # Moto G Power, Lighthouse's mobile reference device
    "mobile": {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
               "has_touch": True},
}
MOBILE_UA_SUFFIX = " (Linux; Android 11; moto g power) Mobile"


@dataclass(frozen=True)
class ContextOptions:
    device: str = "desktop"
    user_agent: str | None = None
    locale: str = "en-US"
    extra_headers: dict[str, str] | None = None  # sent to every host: only for values that are not secret
    scoped_headers: dict[str, str] | None = None  # sent only inside the audit's scope, by the request guard
    http_credentials: dict[str, Any] | None = None  # origin-bound basic auth
    storage_state: dict[str, Any] | None = None
    timezone_id: str | None = None
    geolocation: dict[str, float] | None = None
    max_document_bytes: int | None = None  # larger pages are refused (their Content-Length), to bound memory


class BrowserSession:
    """Owns Playwright and the browser for one run; relaunches the browser if it dies mid-audit."""

    def __init__(self, browser_path: str | None = None, endpoint: str | None = None) -> None:
        self._browser_path = browser_path
        self._endpoint = endpoint
        self._pw: Playwright | None = None
        self._browser: Browser | None = None
        self.location: BrowserLocation | None = None
        self.version = ""
        self._relaunch = asyncio.Lock()

    async def __aenter__(self) -> BrowserSession:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def start(self) -> None:
        self._pw = await async_playwright().start()
        try:
            await self._launch()
        except BaseException:
            await self._pw.stop()
            self._pw = None
            raise

    async def _launch(self) -> None:
        assert self._pw is not None
        if self._endpoint:
            try:
                if self._endpoint.startswith(("http://", "https://")):
                    self._browser = await self._pw.chromium.connect_over_cdp(self._endpoint)
                else:
                    self._browser = await self._pw.chromium.connect(self._endpoint, headers=self._launch_header())
            except PlaywrightError as exc:
                raise BrowserNotFound(f"could not connect to the browser at {self._endpoint}: {_first_line(exc)}") from None
            self.location = BrowserLocation(self._endpoint, "remote")
        else:
            self.location = locate_browser(self._browser_path, playwright_own=self._pw.chromium.executable_path)
            try:
                self._browser = await self._pw.chromium.launch(
                    executable_path=self.location.executable, args=list(CHROMIUM_ARGS), headless=True,
                )
            except PlaywrightError as exc:
                where = self.location.executable or "Playwright's Chromium"
                raise BrowserNotFound(f"could not start the browser {where}: {_first_line(exc)}") from None
        self.version = self._browser.version

    def _launch_header(self) -> dict[str, str]:
        """How a `playwright run-server` should launch its browser: our flags, and `--browser-path` as the path on
        the server. Servers started without `--unsafe` ignore both and use their own defaults."""
        options: dict[str, Any] = {"headless": True, "args": list(CHROMIUM_ARGS)}
        if self._browser_path:
            options["executablePath"] = self._browser_path
        return {"x-playwright-launch-options": json.dumps(options)}

    @property
    def browser(self) -> Browser:
        assert self._browser is not None, "BrowserSession not started"
        return self._browser

    async def ensure_alive(self) -> None:
        """After a browser crash, start a new one so the rest of the audit can go on (once, however many
        workers notice the crash at the same time)."""
        async with self._relaunch:
            if self._browser is None or not self._browser.is_connected():
                log.warning("browser disconnected; relaunching")
                await self._launch()

    async def new_context(self, options: ContextOptions) -> BrowserContext:
        await self.ensure_alive()
        profile = dict(DEVICE_PROFILES[options.device])
        ua = options.user_agent
        if ua and options.device == "mobile" and "Mobile" not in ua:
            ua += MOBILE_UA_SUFFIX
        return await self.browser.new_context(
            **profile, user_agent=ua, locale=options.locale, extra_http_headers=options.extra_headers or None,
            ignore_https_errors=False, java_script_enabled=True, service_workers="block",
            http_credentials=options.http_credentials,  # type: ignore[arg-type]
            storage_state=options.storage_state,  # type: ignore[arg-type]
            timezone_id=options.timezone_id, geolocation=options.geolocation,  # type: ignore[arg-type]
            permissions=["geolocation"] if options.geolocation else None,
        )

    async def close(self) -> None:
        if self._browser is not None:
            with contextlib.suppress(PlaywrightError):
                await self._browser.close()
            self._browser = None
        if self._pw is not None:
            await self._pw.stop()
            self._pw = None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
