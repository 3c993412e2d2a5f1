"""Finding a Chromium the way a user expects: an explicit path first, then Playwright's own build, then a
system Chromium or Chrome. When none exists, the error says exactly how to get one."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import BrowserNotFound, UsageError

SYSTEM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SYSTEM_PATHS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
HOW_TO_GET_ONE = (
    "no Chromium found; install one with `python -m playwright install chromium`, or on Debian/Ubuntu "
    "`sudo apt-get install chromium`, or point --browser-path / CXAUDIT_BROWSER at a Chrome or Chromium binary"
)


@dataclass(frozen=True)
class BrowserLocation:
    """Where the browser came from, recorded in the result so a surprising run can be explained."""

    executable: str | None  # None: Playwright's bundled build, launched without executable_path
    source: str  # explicit | playwright | system


def locate_browser(
    explicit: str | None = None,
    *,
    env: dict[str, str] | None = None,
    playwright_own: str | None = None,
    which: Iterable[str] = SYSTEM_CANDIDATES,
    known_paths: Iterable[str] = SYSTEM_PATHS,
) -> BrowserLocation:
    """Resolves the browser to launch. `playwright_own` is where Playwright expects its own build; it is
    used only when that file exists (`playwright install chromium` was run)."""
    environ = os.environ if env is None else env
    chosen = explicit or environ.get("CXAUDIT_BROWSER")
    if chosen:
        resolved = shutil.which(chosen) or chosen
        if not Path(resolved).is_file() or not os.access(resolved, os.X_OK):
            raise UsageError(f"the browser '{chosen}' does not exist or is not executable; fix --browser-path or CXAUDIT_BROWSER")
        return BrowserLocation(resolved, "explicit")
    if playwright_own and Path(playwright_own).is_file():
        return BrowserLocation(None, "playwright")
    for name in which:
        found = shutil.which(name)
        if found:
            return BrowserLocation(found, "system")
    for path in known_paths:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return BrowserLocation(path, "system")
    raise BrowserNotFound(HOW_TO_GET_ONE)
