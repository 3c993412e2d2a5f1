"""The checks cxaudit runs, listed explicitly (no import side effects, no plugin magic). Order matters only
where a check reads another's evidence; `needs` makes that explicit."""

from __future__ import annotations

from auditor.checkspec import CheckSpec


def all_checks() -> list[CheckSpec]:
    # imported here, not with the package: the journey engine reads the checks' page helpers (auditor.journeys.locators,
    # auditor.page_parsing), so importing one of those must not import every check, and the engine, back
    from checks import (
        checkout_journey,
        consent_banner,
        delivery_returns,
        journey_accessibility,
        load_time,
        payment_options,
        pricing_fairness,
        reviews_feedback,
        site_search,
        support_contact,
    )

    return [load_time.CHECK, site_search.CHECK, checkout_journey.CHECK, support_contact.CHECK, delivery_returns.CHECK,
            payment_options.CHECK, consent_banner.CHECK, reviews_feedback.CHECK, journey_accessibility.CHECK,
            pricing_fairness.CHECK]
