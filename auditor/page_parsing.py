"""Pure helpers over snapshot HTML and text, shared by the checks and the journey engine. They see untrusted input
and never raise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from bs4 import BeautifulSoup

from auditor.vocabulary import joined, pattern

PHONE_TEXT = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w/-])")
PHONE_CONTEXT = re.compile(r"call|phone|tel|telefon|téléphone|telefoon|hotline|helpline|ring us|customer service|"
                           r"appelez|bel ons|anrufen|llámanos", re.I)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}")
OBFUSCATED_EMAIL = re.compile(
    r"([A-Za-z0-9._%+-]+)[ \t]*(?:\[at\]|\(at\)|\{at\}|[ \t]at[ \t])[ \t]*"
    r"([A-Za-z0-9-]+(?:(?:[ \t]*\[dot\][ \t]*|[ \t]*\(dot\)[ \t]*|[ \t]dot[ \t]|\.)[A-Za-z0-9-]+)+)",
    re.I)
MESSAGE_FIELD = re.compile(r"\b(message|comment|enquiry|inquiry|question|nachricht|bericht|mensaje|messaggio|wiadomość|"
                           r"meddelande|besked|your request|how can we help)", re.I)
CONTACT_LINK = re.compile(
    r"^\s*(?:(contact( us)?|get in touch|customer (service|care|support)|help( ?(centre|center))?|support|kontakt|"
    r"contacto|contactez-nous|klantenservice|service client|hilfe|ayuda|aide)|" + pattern("contact").pattern + r")\s*$", re.I)
# forms that take an e-mail address for something else than a message to a person
NOT_A_CONTACT_FORM = joined(r"notify|stock[-_ ]?alert|back[-_ ]?in[-_ ]?stock|newsletter|subscribe|search|suche|login|"
                            r"password", "notify_me", "newsletter", "search", "sign_in")
ADDRESS_HINT = re.compile(r"\b\d{4,5}\s?[A-Z]{0,2}\s+[A-Z][a-z]+|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|street|straße|strasse|"
                          r"gracht|avenue|road|\bplein\b|\bweg\b", re.I)
OPENING_HOURS = re.compile(r"(mon(day)?|tue|wed|thu|fri|sat|sun|weekdays|24/7)[^.\n]{0,40}\d{1,2}[:.]?\d{0,2}\s*(am|pm|h)?\s*"
                           r"[-–to]+\s*\d{1,2}[:.]?\d{0,2}", re.I)

PRICE_NEAR_SHIPPING = re.compile(
    r"(shipping|delivery|versand|livraison|verzending)[^.\n]{0,60}([€$£]\s?\d|\d+[.,]\d\d\s?(€|eur|usd|gbp|chf)|"
    r"\b(eur|usd|gbp|chf)\s?\d|\bfree\b|gratis|kostenlos)|"
    r"(free|gratis|kostenlos(er)?)\s+(shipping|delivery|versand|livraison|verzending)", re.I)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html or "", "lxml")


DATE_SHAPED = re.compile(r"(19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](19|20)\d\d")


def phones_in_text(text: str) -> list[str]:
    """Numbers written as text, kept when they look like a phone (7–15 digits, not a date) on a line that
    talks about calling."""
    found = []
    for line in re.split(r"[\n\r]+", text or ""):
        if not PHONE_CONTEXT.search(line):
            continue
        for match in PHONE_TEXT.finditer(line):
            candidate = match.group().strip()
            digits = re.sub(r"\D", "", candidate)
            if 7 <= len(digits) <= 15 and not DATE_SHAPED.fullmatch(candidate):
                found.append(candidate)
    return list(dict.fromkeys(found))


def emails_in_text(text: str) -> list[str]:
    out = [m.group() for m in EMAIL.finditer(text or "") if not m.group().lower().endswith((".png", ".jpg", ".gif", ".svg"))]
    for m in OBFUSCATED_EMAIL.finditer(text or ""):
        domain = re.sub(r"\s*(\[dot\]|\(dot\)|\s+dot\s+)\s*", ".", m.group(2), flags=re.I).replace(" ", "")
        if "." in domain:
            out.append(f"{m.group(1)}@{domain}")
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class HrefChannel:
    type: str
    value: str


def channels_from_hrefs(hrefs: list[str]) -> list[HrefChannel]:
    out: list[HrefChannel] = []
    for href in hrefs:
        h = href.strip()
        low = h.lower()
        if low.startswith("tel:"):
            out.append(HrefChannel("phone", unquote(h[4:]).strip()))
        elif low.startswith("mailto:"):
            address = unquote(h[7:].split("?")[0]).strip()
            if address:
                out.append(HrefChannel("email", address))
        elif any(d in low for d in ("wa.me/", "api.whatsapp.com", "whatsapp://")):
            out.append(HrefChannel("whatsapp", h[:200]))
        elif "m.me/" in low or "messenger.com" in low:
            out.append(HrefChannel("messenger", h[:200]))
    return out


def has_contact_form(forms: list[dict]) -> bool:
    """A form a customer can write a message in: a textarea, or a field labelled as a message."""
    for form in forms:
        purpose = " ".join([str(form.get("action") or ""), str(form.get("id") or ""), str(form.get("cls") or ""),
                            str(form.get("text") or "")])
        if NOT_A_CONTACT_FORM.search(purpose) and not any(f.get("tag") == "textarea" for f in form.get("fields", [])):
            continue  # "notify me when available", a newsletter or a search: an e-mail field, no message to a person
        for f in form.get("fields", []):
            hint = f"{f.get('name', '')} {f.get('id', '')} {f.get('label', '')}"
            if f.get("tag") == "textarea" or (f.get("type") in ("text", "") and MESSAGE_FIELD.search(hint)):
                return True
    return False


def is_contact_link_text(text: str) -> bool:
    return bool(CONTACT_LINK.match(text or ""))



CURRENCY_SYMBOLS = (("€", "EUR"), ("£", "GBP"), ("CHF", "CHF"), ("A$", "AUD"), ("AU$", "AUD"), ("C$", "CAD"), ("CA$", "CAD"),
                    ("zł", "PLN"), ("Kč", "CZK"), ("¥", "JPY"), ("₹", "INR"), ("R$", "BRL"))
ISO_NEAR_AMOUNT = re.compile(r"\b(EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|AUD|CAD|JPY|INR|BRL|NZD|HUF|RON)\s?\d|\d\s?(EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|AUD|CAD|JPY|INR|BRL|NZD|HUF|RON)\b")
SCHEMA_CURRENCY = re.compile(r"""priceCurrency["']?\s*(?::|content=)\s*["']([A-Za-z]{3})["']""")
DOLLAR_AMOUNT = re.compile(r"(?<![A-Za-z])\$\s?\d")


def currencies_shown(text: str, html: str = "") -> set[str]:
    """ISO codes of the currencies a page shows prices in (symbols next to amounts, ISO codes, schema.org)."""
    found = {m.upper() for m in SCHEMA_CURRENCY.findall(html)}
    for match in ISO_NEAR_AMOUNT.finditer(text):
        found.add((match.group(1) or match.group(2)).upper())
    for symbol, code in CURRENCY_SYMBOLS:
        if re.search(re.escape(symbol) + r"\s?\d|\d\s?" + re.escape(symbol), text):
            found.add(code)
    if DOLLAR_AMOUNT.search(text) and not found & {"AUD", "CAD", "BRL"}:
        found.add("USD")
    return found
