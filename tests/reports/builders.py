"""Hand-built result documents for the report tests: sites side by side, and a site audited on both device
profiles (`devices`, report.json schema_version 2), built without running the engine."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample-report"
EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def finding(code: str, observed: str, *, severity: str = "medium", title: str | None = None,
            page_url: str | None = "https://shop.example/") -> dict[str, Any]:
    return {"code": code, "severity": severity, "title": title or code, "observed": observed, "confidence": "confirmed",
            "impact": {"statement": "Customers notice.", "dimension": "usability",
                       "citations": [{"id": "x", "source": "Baymard Institute", "title": "A study", "year": 2024,
                                      "url": "https://baymard.com/"}]},
            "fix": "Fix it.", "page_url": page_url, "measurement": None}


def check(check_id: str, *, evidence: dict[str, Any] | None = None, status: str = "passed", outcome: str | None = "reached",
          score: int | None = 100, steps_ms: list[int] | None = None, findings: list[dict[str, Any]] | None = None,
          reason: str | None = None, duration_ms: int | None = 1000, title: str | None = None) -> dict[str, Any]:
    return {"id": check_id, "title": title or check_id.replace("-", " ").capitalize(), "status": status,
            "outcome": outcome, "reason": reason, "score": score, "evidence": evidence or {},
            "journey": [{"action": f"Step {i + 1}", "url": f"https://shop.example/{i}", "ms": ms, "screenshot": None}
                        for i, ms in enumerate(steps_ms or [])],
            "findings": findings or [], "unverified": [], "strengths": [], "duration_ms": duration_ms}


def site(start_url: str, *checks: dict[str, Any], score: int | None = 80, error: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"start_url": start_url, "final_url": start_url, "error": error, "score": None if error else score,
            "screenshot": None, "pages": [],
            "crawl": {"pages_visited": 3, "pages_failed": 0, "pages_skipped": 0, "robots_txt": "found", "sitemap_urls": 0},
            "checks": list(checks)}


def sample() -> dict[str, Any]:
    """The stored sample result (the demo shop and an unreachable site)."""
    return json.loads((SAMPLE / "report.json").read_text(encoding="utf-8"))


SEARCH_HIDDEN = "site-search/search-hidden"
SEARCH_HIDDEN_TITLE = "Search is hidden behind an icon"
SEARCH_HIDDEN_OBSERVED = "The search field only appears after clicking “Open search”."
BANNER = "consent-banner/hides-main-action"
BANNER_TITLE = "The cookie banner hides the shop until it is answered"
BANNER_OBSERVED = "On the cart page the cookie banner covers the “Checkout” button."


def with_mobile(site_doc: dict[str, Any], *, mobile_score: int = 71, hostile: bool = False) -> dict[str, Any]:
    """The sample's demo-shop site audited on both profiles: on mobile the search box hides behind an icon
    (site-search/search-hidden), the cookie banner covers the checkout button (consent-banner/hides-main-action),
    the checkout takes one more step and is slower, and the misspelling finding is seen on desktop only."""
    out = copy.deepcopy(site_doc)
    desktop = copy.deepcopy(out["checks"])
    mobile = copy.deepcopy(out["checks"])
    by_id = {c["id"]: c for c in mobile}
    search = by_id["site-search"]
    search["evidence"]["visible_without_click"] = False
    search["findings"] = [f for f in search["findings"] if f["code"] != "site-search/misspelling-not-tolerated"]
    search["findings"].append(finding(SEARCH_HIDDEN, EVIL if hostile else SEARCH_HIDDEN_OBSERVED,
                                      title=EVIL if hostile else SEARCH_HIDDEN_TITLE, page_url=out["start_url"]))
    search["score"] = 70
    checkout = by_id["checkout-journey"]
    checkout["journey"].append({"action": "Close the cookie banner", "url": out["start_url"] + "cart", "ms": 2400,
                                "screenshot": None})
    checkout["score"] = 60
    banner = by_id["consent-banner"]
    banner["status"], banner["score"] = "failed", 75
    banner["findings"] = [finding(BANNER, BANNER_OBSERVED, title=BANNER_TITLE, page_url=out["start_url"] + "cart")]
    out["devices"] = {"desktop": {"checks": desktop, "score": out["score"]}, "mobile": {"checks": mobile, "score": mobile_score}}
    return out


def both_devices_document(*, hostile: bool = False) -> dict[str, Any]:
    doc = sample()
    doc["config"]["device"] = "both"
    doc["schema_version"] = "2"
    doc["sites"] = [with_mobile(doc["sites"][0], hostile=hostile)]
    return doc
