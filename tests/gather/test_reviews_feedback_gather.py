"""reviews-feedback against real fixture shops in a real Chromium, evidence asserted field by field."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.reviews_shop import review_dates, reviews_shop

pytestmark = pytest.mark.browser


def check_of(result: Any) -> Any:
    return next(c for c in result.sites[0].checks if c.id == "reviews-feedback")


async def test_reviews_in_json_ld_and_in_a_widget_give_the_exact_evidence(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    base = serve_app(reviews_shop()).url.rstrip("/")
    check = check_of(await run_audit(base + "/", checks=["reviews-feedback"], crawl={"max_pages": 6}))
    ev = check.evidence
    newest, _older = review_dates()
    assert ev["product_pages_checked"] == 3 and ev["pages_with_ratings"] == 2
    assert sorted(ev["ratings"], key=lambda r: r["url"]) == [
        {"url": f"{base}/product/copper-kettle", "rating_value": 4.6, "best_rating": 5.0, "review_count": 23,
         "newest_review_date": newest, "source": "schema_org"},
        {"url": f"{base}/product/desk-lamp", "rating_value": None, "best_rating": None, "review_count": None,
         "newest_review_date": None, "source": "widget:trustpilot"},
    ]  # the tea mug shows none
    assert ev["widget_vendors"] == ["trustpilot"]
    assert ev["newest_review_date"] == newest and ev["suspicious"] == []
    assert ev["feedback_channels"] == [
        {"kind": "form", "url": f"{base}/feedback/send", "text": "feedback form"},
        {"kind": "review_invitation", "url": f"{base}/product/copper-kettle", "text": "Write a review"},
        {"kind": "link", "url": f"{base}/feedback", "text": "Feedback"},
    ]
    assert check.findings == [] and check.status.value == "passed" and check.outcome.value == "reached"


async def test_demo_shop_shows_reviews_and_its_real_findings(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop()
    check = check_of(await run_audit(url, checks=["reviews-feedback"], crawl={"max_pages": 12}))
    ev = check.evidence
    by_path = {r["url"].rsplit("/", 1)[-1]: r for r in ev["ratings"]}
    assert by_path["copper-kettle"]["rating_value"] == 4.6 and by_path["copper-kettle"]["review_count"] == 23
    assert by_path["ceramic-teapot"]["rating_value"] == 5.0 and by_path["ceramic-teapot"]["review_count"] == 0
    assert ev["feedback_channels"] == []
    assert {f.code: f.severity.value for f in check.findings} == {
        "reviews-feedback/suspicious-ratings": "low", "reviews-feedback/no-feedback-channel": "low"}
