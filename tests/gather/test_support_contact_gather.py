"""support-contact against real fixture sites, evidence asserted field by field."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.contact_sites import contact_site

pytestmark = pytest.mark.browser


def evidence_of(result: Any, check: str) -> dict:
    return next(c for c in result.sites[0].checks if c.id == check).evidence


def channel_types(ev: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for ch in ev["channels"]:
        out[ch["type"]] = min(out.get(ch["type"], 99), ch["clicks_from_home"])
    return out


async def test_contact_in_footer_only(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop()
    ev = evidence_of(await run_audit(url, checks=["support-contact"], crawl={"max_pages": 8}), "support-contact")
    assert ev["contact_link_in_footer"] is True and ev["contact_link_in_header"] is False
    assert ev["min_clicks_to_contact"] == 1
    assert channel_types(ev)["phone"] == 1 and channel_types(ev)["email"] == 1 and channel_types(ev)["form"] == 1
    assert ev["contact_page_url"].endswith("/contact") and ev["contact_page_status"] == 200
    assert ev["opening_hours"] and "9:00" in ev["opening_hours"]


async def test_contact_four_clicks_deep(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(contact_buried=True)
    result = await run_audit(url, checks=["support-contact"], crawl={"max_pages": 5})
    ev = evidence_of(result, "support-contact")
    assert ev["min_clicks_to_contact"] == 4
    phone = next(c for c in ev["channels"] if c["type"] == "phone")
    assert phone["path"] == ["Help centre", "Orders and delivery", "Still need help?", "Get in touch"]
    codes = {f.code for c in result.sites[0].checks for f in c.findings}
    assert "support-contact/contact-deep" in codes
    assert ev["contact_link_in_footer"] is True  # "Help centre" counts as a help link, as WCAG's Consistent Help does


@pytest.mark.parametrize(("kind", "expected_type", "expected_value", "clicks"), [
    ("chat_only", "chat", "tawk.to", 0),
    ("obfuscated_email", "email", "help@shop.example", 1),
    ("phone_text", "phone", "020 123 4567", 1),
    ("schema_only", "phone", "+1-800-555-0100", 0),
])
async def test_hidden_channel_is_found(serve_app: Callable[[App], LocalServer], run_audit: Callable, kind: str,
                                       expected_type: str, expected_value: str, clicks: int) -> None:
    url = serve_app(contact_site(kind)).url
    result = await run_audit(url, checks=["support-contact"], crawl={"max_pages": 5})
    ev = evidence_of(result, "support-contact")
    matches = [c for c in ev["channels"] if c["type"] == expected_type]
    assert matches and matches[0]["value"] == expected_value and matches[0]["clicks_from_home"] == clicks
    assert ev["min_clicks_to_contact"] == clicks
    assert not any(c["type"] == "phone" and "2019" in c["value"] for c in ev["channels"])
    codes = {f.code for c in result.sites[0].checks for f in c.findings}
    assert "support-contact/no-contact-link-header" in codes
    if kind == "chat_only":
        assert "support-contact/form-only" in codes


async def test_contact_panel_opened_by_a_button_is_walked_to_and_other_email_forms_are_not_contact_forms(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    url = serve_app(contact_site("dialog_only")).url
    result = await run_audit(url, checks=["support-contact"], crawl={"max_pages": 5})
    check = next(c for c in result.sites[0].checks if c.id == "support-contact")
    ev = check.evidence
    assert {(c["type"], c["value"], c["clicks_from_home"]) for c in ev["channels"]} == {
        ("phone", "030 1234 5678", 1), ("email", "hilfe@laden.example", 1)}
    assert ev["min_clicks_to_contact"] == 1
    click = next(s.to_json() for s in check.journey if s.action == "Click “Kontaktieren Sie uns”")
    assert click["candidates"][0]["result"] == "chosen" and "phone" in click["candidates"][0]["why"]
    assert "support-contact/no-contact-channel" not in {f.code for f in check.findings}


async def test_pages_of_other_applications_on_the_host_are_not_held_against_the_shop(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    """Cartridge's demo, as `make accuracy` met it: the admin login, a password reset in the admin's layout and the
    blog's RSS feed lack the shop's contact link because they are not shop pages; a shop page that lost it is still
    reported."""
    url = serve_app(contact_site("other_applications")).url
    result = await run_audit(url, checks=["support-contact"], crawl={"max_pages": 12})
    check = next(c for c in result.sites[0].checks if c.id == "support-contact")
    ev = check.evidence
    assert [u.removeprefix(url.rstrip("/")) for u in ev["pages_without_contact_link"]] == ["/legals/"]
    assert sorted(u.removeprefix(url.rstrip("/")) for u in ev["pages_outside_storefront"]) == [
        "/admin/login/?next=/admin/", "/blog/feeds/rss/", "/password_reset/"]
    inconsistent = next(f for f in check.findings if f.code == "support-contact/contact-inconsistent")
    assert inconsistent.page_url.endswith("/legals/") and inconsistent.observed.startswith("1 page(s)")
