"""Which consent-banner button the auditor presses: reject first, close next, accept only as the last resort."""

from __future__ import annotations

from typing import Any

import pytest

from auditor.browser.consent import ConsentRecord, choose_consent_button
from checks.consent_banner import ConsentThresholds, assess, gather_from


def buttons(*texts: str, **extra: Any) -> list[dict[str, Any]]:
    return [{"index": i, "text": t, "aria": "", "title": "", "href": "", **extra} for i, t in enumerate(texts)]


@pytest.mark.parametrize(("texts", "index", "kind"), [
    (("Accept all", "Reject all", "Settings"), 1, "reject"),
    (("Alle akzeptieren", "Nur notwendige Cookies"), 1, "reject"),
    (("Accept", "Use necessary cookies only"), 1, "reject"),
    (("Cookie settings", "Accept all cookies"), 1, "accept"),
    (("Accept", "×"), 1, "close"),
    (("Manage preferences", "Learn more"), None, None),
    (("Subscribe to our newsletter", "OK"), 1, "accept"),
])
def test_consent_button_choice_prefers_privacy(texts: tuple[str, ...], index: int | None, kind: str | None) -> None:
    choice = choose_consent_button(buttons(*texts))
    assert (choice.index if choice else None) == index
    assert (choice.kind if choice else None) == kind


def test_links_that_navigate_are_never_pressed() -> None:
    assert choose_consent_button(buttons("Reject all", href="/privacy")) is None


def test_purchase_controls_inside_a_banner_are_never_pressed() -> None:
    assert choose_consent_button(buttons("Place order")) is None


def record(**kw: Any) -> dict[str, Any]:
    base = ConsentRecord("http://s/", "#cookie", "We use cookies", 0.1, 0, 6, "reject", "Reject all", True)
    for k, v in kw.items():
        setattr(base, k, v)
    return base.to_json()


def test_a_small_banner_with_reject_is_a_strength() -> None:
    out = assess(gather_from([record()], None), ConsentThresholds())
    assert out.status == "passed" and not out.findings and any("declined" in s for s in out.strengths)


def test_a_cookie_wall_hides_the_main_action() -> None:
    out = assess(gather_from([record(coverage=1.0)], "shot.png"), ConsentThresholds())
    assert [f.code for f in out.findings] == ["consent-banner/hides-main-action"]
    assert out.findings[0].measurement is not None and out.findings[0].measurement.value == 100


def test_a_banner_that_only_accepts_and_one_that_cannot_be_closed() -> None:
    accept_only = assess(gather_from([record(action="accept", button="OK")], None), ConsentThresholds())
    assert [f.code for f in accept_only.findings] == ["consent-banner/no-reject-option"]
    stuck = assess(gather_from([record(action=None, button=None, dismissed=False)], None), ConsentThresholds())
    assert "consent-banner/cannot-be-closed" in [f.code for f in stuck.findings] and stuck.status == "failed"


def test_no_banner_is_not_applicable() -> None:
    out = assess(gather_from([], None), ConsentThresholds())
    assert out.status == "not_applicable" and out.reason
