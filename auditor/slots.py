"""Loading slots shared by the crawl and the journeys of one site.

At most `n` pages load at once, whoever loads them, so a page's timings are not bent by loads the auditor
itself started. Journeys are the audit's critical path (a chain of steps, each waiting for the last), while
the crawl's loads are many and independent: a waiting journey step gets the next free slot first."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import AsyncIterator

JOURNEY = 0
CRAWL = 1


class LoadSlots:
    def __init__(self, n: int) -> None:
        self.n = n
        self._free = n
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    @property
    def free(self) -> int:
        return self._free

    async def acquire(self, priority: int = CRAWL) -> None:
        if self._free > 0 and not any(not f.done() for _p, _s, f in self._waiters):
            self._free -= 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (priority, next(self._order), waiter))
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # the slot was handed over just before the cancel
                self.release()
            raise

    def release(self) -> None:
        while self._waiters:
            _p, _s, waiter = heapq.heappop(self._waiters)
            if not waiter.done():  # a cancelled waiter is skipped
                waiter.set_result(None)
                return
        self._free += 1

    @contextlib.asynccontextmanager
    async def slot(self, priority: int = CRAWL) -> AsyncIterator[None]:
        await self.acquire(priority)
        try:
            yield
        finally:
            self.release()
