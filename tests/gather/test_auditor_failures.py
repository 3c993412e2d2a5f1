"""When the auditor cannot finish a journey on a site that works, the report says "could not be verified" with
the reason and the site's own words; it never writes the auditor's failure up as the site's fault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.auditor_failures import RejectingCheckoutShop, UnknownWidgetShop

pytestmark = pytest.mark.browser


async def checkout_of(shop: Any, serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> Any:
    result = await run_audit(serve_app(shop.app).url, checks=["checkout-journey"], crawl={"max_pages": 5})
    assert shop.orders == 0
    return result, next(c for c in result.sites[0].checks if c.id == "checkout-journey")


async def test_an_add_to_cart_the_auditor_cannot_recognise_is_unverified_not_missing(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    _result, check = await checkout_of(UnknownWidgetShop(), serve_app, run_audit)
    assert check.outcome.value == "inconclusive"
    assert check.findings == [], "no 'add-to-cart-missing' for a control a person can see and use"
    assert check.unverified and "add-to-cart" in check.unverified[0].reason
    assert check.unverified[0].steps, "the path to reproduce it by hand"


async def test_data_the_site_rejects_is_unverified_with_the_sites_own_words(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any], tmp_path: Path) -> None:
    result, check = await checkout_of(RejectingCheckoutShop(), serve_app, run_audit)
    assert check.outcome.value == "inconclusive" and check.findings == []
    reason = check.unverified[0].reason
    assert "could not find the postcode" in reason, reason
    assert any("could not find the postcode" in m for s in check.journey for m in s.messages), "recorded on the step"
    from reports import write_reports

    doc = result.to_json()
    from auditor.config import GateConfig
    from auditor.gate import evaluate_gate

    doc["gate"] = evaluate_gate(doc, GateConfig(fail_on="low"))
    assert doc["gate"]["passed"], "an inconclusive journey never fails the gate"
    write_reports(doc, tmp_path, ["html", "json"], {})
    html = (tmp_path / "report.html").read_text()
    assert "Could not be verified: check by hand" in html and "could not find the postcode" in html
