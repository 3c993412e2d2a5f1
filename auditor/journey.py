"""Journey steps and the screenshots behind them: what a customer did, where, how long it took."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.async_api import Page

from auditor.browser.capture import capture_viewport


@dataclass(frozen=True)
class JourneyStep:
    action: str
    url: str
    ms: int
    screenshot: str | None = None
    # how the journey chose this action: each candidate with why it ranked and what came of it
    # (result: chosen | no_change | refused | failed | skipped), and what the site said after it
    candidates: tuple[dict[str, str], ...] = ()
    messages: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "url": self.url, "ms": self.ms, "screenshot": self.screenshot,
                "candidates": list(self.candidates), "messages": list(self.messages)}


class Attachments:
    """Writes screenshots under `<out>/screenshots/` and returns paths relative to the report."""

    def __init__(self, out_dir: Path | None, site_index: int = 0, enabled: bool = True, variant: str = "") -> None:
        self.dir = out_dir / "screenshots" if out_dir else None
        self.site_index = site_index
        self.variant = variant  # e.g. "mobile" when a site is audited once per device
        self.enabled = enabled and out_dir is not None

    async def screenshot(self, page: Page, name: str) -> str | None:
        if not self.enabled or self.dir is None:
            return None
        self.dir.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower())[:80]
        filename = f"site{self.site_index + 1}{'-' + self.variant if self.variant else ''}-{safe}.png"
        if not await capture_viewport(page, self.dir / filename):
            return None
        return f"screenshots/{filename}"
