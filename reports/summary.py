"""The plain-language paragraph on the report's first screen, written for a client executive."""

from __future__ import annotations

from typing import Any

from reports.cards import site_cards

JOURNEY_WORDS = {"load-time": "page speed", "site-search": "finding products with search",
                 "checkout-journey": "getting from a product to payment", "support-contact": "reaching customer service",
                 "delivery-returns": "delivery and returns information", "payment-options": "ways to pay",
                 "consent-banner": "the cookie banner", "reviews-feedback": "reviews and feedback",
                 "pricing-fairness": "fair and clear prices", "journey-accessibility": "accessible journeys"}


def _band(score: int) -> str:
    if score >= 90:
        return "a strong customer experience"
    if score >= 70:
        return "a good customer experience with clear room for improvement"
    if score >= 50:
        return "a customer experience with problems that likely cost sales"
    return "a customer experience with serious problems that likely cost many sales"


def executive_summary(site: dict[str, Any]) -> str:
    if site.get("error"):
        return f"We could not audit this site: {site['error']['message']}."
    checks = site.get("checks", [])
    score = site.get("score")
    findings = site_cards(site, include_ignored=False)  # a problem on five pages is named once
    serious = [f for f in findings if f.severity in ("critical", "high")]
    good = [JOURNEY_WORDS.get(c["id"], c["id"]) for c in checks if c["status"] == "passed"]
    unmeasured = [JOURNEY_WORDS.get(c["id"], c["id"]) for c in checks if c["status"] == "not_measured"]
    parts = []
    if score is not None:
        parts.append(f"Walking through the site as a customer, we found {_band(score)} (score {score} of 100).")
    if serious:
        titles = "; ".join(f.title.rstrip(".").lower() for f in serious[:3])
        parts.append(f"The most urgent {'problem is' if len(serious) == 1 else 'problems are'}: {titles}.")
    elif findings:
        parts.append(f"Nothing blocks customers outright; the first thing to fix: {findings[0].title.rstrip('.').lower()}.")
    if good:
        parts.append(f"Working well: {', '.join(good)}.")
    if unmeasured:
        parts.append(f"Not measured this time: {', '.join(unmeasured)} (see the reasons below).")
    return " ".join(parts)
