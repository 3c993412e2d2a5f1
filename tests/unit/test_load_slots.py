"""Loading slots: never more loads than slots, and a waiting journey step goes before waiting crawl loads."""

import asyncio

from auditor.slots import CRAWL, JOURNEY, LoadSlots


async def test_no_more_holders_than_slots_at_any_time() -> None:
    slots = LoadSlots(2)
    holding = peak = 0

    async def load() -> None:
        nonlocal holding, peak
        async with slots.slot(CRAWL):
            holding += 1
            peak = max(peak, holding)
            await asyncio.sleep(0.01)
            holding -= 1

    await asyncio.gather(*(load() for _ in range(10)))
    assert peak == 2 and slots.free == 2


async def test_waiting_journey_step_gets_the_next_slot_before_earlier_crawl_loads() -> None:
    slots = LoadSlots(1)
    order: list[str] = []
    await slots.acquire(CRAWL)

    async def take(name: str, priority: int) -> None:
        async with slots.slot(priority):
            order.append(name)

    tasks = [asyncio.ensure_future(take("crawl-1", CRAWL)), asyncio.ensure_future(take("crawl-2", CRAWL))]
    await asyncio.sleep(0)
    tasks.append(asyncio.ensure_future(take("journey", JOURNEY)))
    await asyncio.sleep(0)
    slots.release()
    await asyncio.gather(*tasks)
    assert order == ["journey", "crawl-1", "crawl-2"]


async def test_a_cancelled_waiter_neither_holds_nor_loses_a_slot() -> None:
    slots = LoadSlots(1)
    await slots.acquire()
    waiter = asyncio.ensure_future(slots.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    slots.release()
    assert slots.free == 1
    await asyncio.wait_for(slots.acquire(), timeout=1)
    assert slots.free == 0
