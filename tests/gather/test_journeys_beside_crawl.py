"""--journeys-beside-crawl: the journeys start while the crawl still runs, and the audit concludes what it
concludes when they start after it (the same products, the same queries, the same findings)."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.results import AuditResult
from tests.timed_findings import timed

pytestmark = pytest.mark.browser

CHECKS = ["site-search", "checkout-journey"]  # the two whose start depends on what the crawl has found


def untimed_findings(result: AuditResult) -> set[tuple[str, str]]:
    return {(f.code, f.observed) for c in result.sites[0].checks for f in c.findings
            if not timed(f.code, f.measurement.unit if f.measurement else None)}


def evidence(result: AuditResult, check_id: str) -> dict[str, Any]:
    return next(c.evidence for c in result.sites[0].checks if c.id == check_id)


async def test_journeys_started_beside_the_crawl_conclude_the_same_as_after_it(
        demo_shop: Callable, run_audit: Callable) -> None:
    shop, url = demo_shop()
    after = await run_audit(url, checks=CHECKS, crawl={"max_pages": 12})
    beside = await run_audit(url, checks=CHECKS, crawl={"max_pages": 12}, journeys_beside_crawl=True)
    assert evidence(beside, "checkout-journey")["payment_step_reached"]
    assert evidence(beside, "checkout-journey")["product_url"] == evidence(after, "checkout-journey")["product_url"]
    assert evidence(beside, "site-search")["product_used"] == evidence(after, "site-search")["product_used"]
    assert evidence(beside, "site-search")["pages_checked"] == beside.sites[0].crawl["pages_visited"]
    assert untimed_findings(beside) == untimed_findings(after)
    assert shop.orders.placed == 0
