"""What every reader of journey states shares (axe-core for accessibility, the prices for pricing fairness): one
record per state with its step, address and screenshot, the time spent reading, and each failed read by address.
A read that fails loses that state only, never the journey."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable
from typing import Any, TypeVar

from playwright.async_api import Error as PlaywrightError

from auditor.journey import JourneyStep

T = TypeVar("T")


class StateRecorder:
    def __init__(self) -> None:
        self.states: list[dict[str, Any]] = []
        self.failures: list[str] = []
        self.ms = 0

    async def read(self, step: JourneyStep, reading: Awaitable[T]) -> T | None:
        started = time.perf_counter()
        try:
            return await reading
        except PlaywrightError as exc:
            with contextlib.suppress(Exception):
                self.failures.append(f"{step.url}: {str(exc).splitlines()[0][:160]}")
            return None
        finally:
            self.ms += round((time.perf_counter() - started) * 1000)

    def record(self, journey: str, step: JourneyStep, **reading: Any) -> None:
        self.states.append({"journey": journey, "step": step.action, "url": step.url, "screenshot": step.screenshot,
                            **reading})
