"""Issue 24: one Shopware 6 storefront served in German, French, Dutch and Spanish (tests/sites/multilingual_shop.py),
every label from Shopware's own catalogues, audited end to end: search, the journey to the payment step (never
paying), the test customer of the shop's country, support channels (a stock alert and a newsletter form are not
contact forms), with the exact facts in EXPECTED next to the shop."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import phonenumbers
import pytest

from auditor.demo.httpkit import App, LocalServer
from auditor.vocabulary import provenance
from tests.sites.multilingual_shop import ENGLISH_COUNTRY_NAMES, EXPECTED, LABEL_SOURCES, ShopwareShop

LANGS = ["de", "fr", "nl", "es"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_label_is_the_vocabulary_wording_of_its_catalogue_entry(lang: str) -> None:
    """Each label the shop shows for a vocabulary key is a phrase vocabulary.json has for that key in that language,
    with the very catalogue entry the shop took it from among its sources."""
    wrong = []
    for key, (text, entry) in LABEL_SOURCES[lang].items():
        phrases = {p.casefold(): refs for p, refs in provenance(key, lang).items()}
        refs = phrases.get(re.sub(r"[.!…\s]+$", "", text).casefold())
        if refs is None or entry not in refs:
            wrong.append((key, text, entry, refs))
    assert not wrong, wrong


def _journey_path(check: Any) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    return [(s.action, [(str(c.get("label", ""))[:60], str(c.get("result", ""))) for c in s.candidates], list(s.messages))
            for s in check.journey]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
async def test_the_shop_is_searched_walked_to_payment_and_its_contact_channels_found(
        lang: str, serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    shop = ShopwareShop(lang)
    exp = EXPECTED[lang]
    url = serve_app(shop.app).url
    result = await run_audit(url, checks=["site-search", "checkout-journey", "support-contact", "payment-options"],
                             crawl={"max_pages": 8})
    [site] = result.sites
    checks = {c.id: c for c in site.checks}
    problems: list[str] = []

    def expect(ok: bool, what: str) -> None:
        if not ok:
            problems.append(what)

    expect(site.language == exp["language"], f"sites[].language {site.language!r} != {exp['language']!r}")

    # --- search
    search = checks["site-search"].evidence
    expect(bool(search.get("search_input_found")), f"search box not found: {search.get('search_input_found')!r}")
    known = next((q for q in search.get("queries", []) if q["kind"] == "known_product"), None)
    expect(known is not None and known["query"] in exp["products"].values(),
           f"known-product query {known and known['query']!r} is none of {list(exp['products'].values())}")
    expect(known is not None and known.get("relevant_results") == 1,
           f"known product not found once: {known and {k: known.get(k) for k in ('query', 'results_count', 'relevant_results', 'results_url')}}")

    # --- the journey
    journey = checks["checkout-journey"]
    ev = journey.evidence
    path = _journey_path(journey)
    for flag in ("add_to_cart_found", "cart_reached", "checkout_reached", "payment_step_reached"):
        expect(ev.get(flag) is True, f"{flag} is {ev.get(flag)!r}")
    expect(ev.get("steps_to_payment") == exp["steps_to_payment"],
           f"steps_to_payment {ev.get('steps_to_payment')!r} != {exp['steps_to_payment']} (steps {[s['title'] for s in ev.get('steps', [])]})")
    expect([s["title"] for s in ev.get("steps", [])] == exp["step_titles"],
           f"step titles {[s['title'] for s in ev.get('steps', [])]} != {exp['step_titles']}")
    expect(ev.get("guest_checkout") == exp["guest_checkout"], f"guest_checkout {ev.get('guest_checkout')!r}")
    expect(sorted(ev.get("payment_labels", [])) == sorted(exp["payment_labels"]),
           f"payment_labels {ev.get('payment_labels')!r} != {exp['payment_labels']}")
    customer = ev.get("customer") or {}
    expect(customer.get("country") == exp["country"], f"customer {customer!r}: country is not {exp['country']}")
    expect(bool(re.match(exp["postcode_pattern"], str(customer.get("postcode", "")))),
           f"customer postcode {customer.get('postcode')!r} is not a {exp['country']} postcode")

    # --- what the engine typed into the shop's checkout form (the shop keeps every submission)
    expect(bool(shop.registrations), "no checkout address was ever submitted")
    expect(bool(shop.registrations) and shop.registrations[-1].get("guest") == "true",
           f"the journey did not check out as a guest (tick '{exp['guest_label']}'): last submission "
           f"{ {k: v for k, v in (shop.registrations or [{}])[-1].items() if k in ('guest', 'password')} }")
    for sent in shop.registrations:
        expect(sent.get("billingAddress[countryId]") == exp["country"], f"address sent with country {sent.get('billingAddress[countryId]')!r}")
        expect(bool(re.match(exp["postcode_pattern"], sent.get("billingAddress[zipcode]", "").upper())),
               f"postcode sent {sent.get('billingAddress[zipcode]')!r}")
        phone = sent.get("billingAddress[phoneNumber]", "")
        try:
            valid_phone = phonenumbers.is_valid_number(phonenumbers.parse(phone, exp["country"]))
        except phonenumbers.NumberParseException:
            valid_phone = False
        expect(valid_phone, f"phone sent {phone!r} is not a valid {exp['country']} number")
        english = [f"{k}={v!r}" for k, v in sent.items() if k not in ("password",)
                   and any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", v, re.I) for n in ENGLISH_COUNTRY_NAMES)]
        expect(not english, f"English country/county name typed into the {lang} form: {english}")

    # --- support channels: the contact page's form and e-mail; not the stock alert, not the newsletter
    contact = checks["support-contact"].evidence
    channels = contact.get("channels", [])
    types = {c["type"] for c in channels}
    expect({"email", "form"} <= types, f"channel types {sorted(types)}")
    expect(any(c["type"] == "email" and c["value"] == exp["contact_email"] for c in channels),
           f"e-mail channel {[c['value'] for c in channels if c['type'] == 'email']}")
    forms = [c["value"] for c in channels if c["type"] == "form"]
    expect(bool(forms) and all(f.endswith(exp["contact_path"]) for f in forms),
           f"form channels {forms} are not only the contact page {exp['contact_path']}")

    # --- payment-options ran on a shop in this language
    expect(checks["payment-options"].evidence is not None, "payment-options gave no evidence")

    expect(shop.orders == 0, f"the audit placed {shop.orders} order(s)")
    expect(not shop.messages and not shop.alerts and not shop.newsletter,
           f"the audit submitted a customer form: messages={shop.messages} alerts={shop.alerts} newsletter={shop.newsletter}")

    details = {"lang": lang, "problems": problems, "stopped_because": ev.get("stopped_because"),
               "stopped_at_url": ev.get("stopped_at_url"), "refused": ev.get("refused"), "cart_kind": ev.get("cart_kind"), "account_gate": ev.get("account_gate"),
               "steps": ev.get("steps"), "site_messages": ev.get("site_messages"), "customer": customer,
               "registrations": shop.registrations, "known_query": known, "journey": path}
    if problems:  # the whole story, for whoever reads the failure (pytest shows captured output of a failed test)
        print(json.dumps(details, ensure_ascii=False, indent=1, default=str))
    assert not problems, details
