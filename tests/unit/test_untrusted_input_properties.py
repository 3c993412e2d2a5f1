"""Everything a site sends is untrusted. The pure code that reads it never raises, whatever it is given."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.browser.consent import choose_consent_button
from auditor.browser.purchase import is_purchase_control, is_purchase_request
from auditor.config import build_config
from auditor.crawl.urls import Scope, normalize_url, origin_key
from auditor.errors import ConfigError
from auditor.page_parsing import channels_from_hrefs, currencies_shown, emails_in_text, phones_in_text
from auditor.page_roles import guess_role
from auditor.payment_detect import detect_in_html, detect_in_labels, detect_in_schema, detect_in_scripts
from auditor.snapshot import retry_after
from auditor.structured import extract_items
from checks.delivery_returns import classify_estimate

HOSTILE_BITS = ["<script>alert(1)</script>", "javascript:alert(1)", "\x00", "\ud7ff", "😀", "%00", "%%", "../",
                "http://", "mailto:", "tel:+", "@", "€", "<a href=", "\"'", "\u202e", "&#x0;", "]]>", " " * 3]
text = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(HOSTILE_BITS), max_size=20).map("".join))
html_like = st.lists(st.one_of(text, st.sampled_from(
    ["<div class='payment'>", "</div>", "<img alt='Visa' src='visa.svg'>", "<a href='tel:'>", "<footer>", "<svg>",
     "<title>", "<form action='/order/place' method=post>", "<input name=cardnumber>", "<!--", "<![CDATA["])), max_size=40).map("".join)
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(text, st.one_of(st.none(), text))
def test_url_normalisation_and_scope_never_raise(url: str, base: str | None) -> None:
    out = normalize_url(url, base)
    assert out is None or out.startswith(("http://", "https://"))
    origin_key(url)
    Scope("https://shop.example/").contains(url)


@fast
@given(text)
def test_contact_extraction_never_raises(value: str) -> None:
    assert isinstance(phones_in_text(value), list)
    assert isinstance(emails_in_text(value), list)
    channels_from_hrefs([value, f"tel:{value}", f"mailto:{value}"])
    currencies_shown(value, value)
    classify_estimate(value)
    retry_after(value)


@fast
@given(html_like)
def test_payment_detection_never_raises(html: str) -> None:
    for detection in detect_in_html(html):
        assert detection.id
    detect_in_labels([html])
    detect_in_scripts([html])
    detect_in_schema([{"@type": html, "paymentAccepted": html}, {"acceptedPaymentMethod": [html, {"@id": html}]}])
    assert isinstance(extract_items(html + '<script type="application/ld+json">' + html + "</script>", "https://s.example/"), tuple)


@fast
@given(text, text, html_like)
def test_purchase_checks_and_page_roles_never_raise(url: str, label: str, html: str) -> None:
    is_purchase_request("POST", url, label)
    is_purchase_control(label, label, None, label, None)
    guess_role(url, label, html, label, [{"action": url, "fields": [{"name": label, "type": label}]}])


@fast
@given(st.lists(st.fixed_dictionaries({"index": st.integers(-5, 50), "text": text, "aria": text, "title": text,
                                       "href": text}), max_size=8))
def test_consent_choice_never_raises(buttons: list[dict[str, Any]]) -> None:
    choice = choose_consent_button(buttons)
    assert choice is None or choice.kind in ("reject", "close", "accept")


config_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), text),
                             lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(text, inner, max_size=4)), max_leaves=12)
config_keys = st.sampled_from(["urls", "crawl", "gate", "thresholds", "brand", "ignore", "overrides", "login", "market",
                               "headers", "cookies", "auth", "formats", "checks", "device", "max_pages", "x"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(config_keys, config_values, max_size=6))
def test_config_loading_gives_a_config_or_a_one_line_config_error(data: dict[str, Any]) -> None:
    try:
        build_config(data, "cxaudit.toml", {})
    except ConfigError as exc:
        assert exc.message.startswith("invalid configuration in cxaudit.toml") and "\n" not in exc.message
