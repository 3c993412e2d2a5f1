"""What a checkout form field asks for, from its autocomplete token, name, id, label and placeholder, and the
clearly fake test value a journey types into it. Pure and table-tested; card fields are never given a value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.config import CheckoutConfig
from auditor.journeys.customer import TestCustomer, customer_for

# (kind, pattern over "autocomplete name id label placeholder"); the first match wins, so specific before general
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.I)) for k, p in (
    ("card", r"cc-(number|csc|exp|name)|card[-_ ]?(number|no|num|holder|name|ccv|cvv|expiry)|name on (the )?card|"
             r"cardholder|\bcvc\b|\bcvv\b|\bccv\b|security code|expir|kartennummer|karteninhaber|titulaire"),
    ("password", r"password|passwort|mot de passe|wachtwoord|contraseña"),
    ("coupon", r"coupon|promo|voucher|discount|gift ?card|gutschein|kortingscode"),
    ("newsletter", r"newsletter|subscribe|offers|marketing|nieuwsbrief"),
    ("terms", r"terms|conditions|agb|cgv|voorwaarden|privacy"),
    ("email", r"e-?mail|courriel"),
    ("phone", r"\btel\b|phone|mobile|telefon|téléphone|telefoon|handy"),
    ("first_name", r"given-name|first[-_ ]?name|fname|vorname|prénom|prenom|voornaam|nombre\b"),
    ("last_name", r"family-name|last[-_ ]?name|lname|surname|nachname|\bnom\b|achternaam|apellido"),
    ("company", r"organization|company|firma|société|bedrijf|empresa"),
    ("street2", r"address-line2|address ?2|line ?2|apartment|suite|unit|adresszusatz|toevoeging"),
    ("postcode", r"postal-code|post ?code|postcode|zip|plz|postleitzahl|code postal|cp\b"),
    ("city", r"address-level2|\bcity\b|town|\bort\b|\bstadt\b|ville|plaats|ciudad|città"),
    ("state", r"address-level1|\bstate\b|province|county|region|bundesland"),
    ("country", r"country|land\b|pays|país|paese"),
    ("street", r"street|address-line1|address1|\baddress\b|adresse|straße|strasse|\brue\b|straat|dirección|house"),
    ("full_name", r"\bname\b|full[-_ ]?name|your name|\bnaam\b|^name$"),
))
SKIPPED_KINDS = frozenset({"card", "password", "coupon", "newsletter", "company", "street2"})


@dataclass(frozen=True)
class FieldPlan:
    kind: str
    value: str | None  # None: leave it alone


def classify(field: dict[str, Any]) -> str:
    hint = " ".join(str(field.get(k) or "") for k in ("autocomplete", "name", "id", "label", "placeholder"))
    ftype = str(field.get("type") or "").lower()
    if ftype == "email":
        return "email"
    if ftype == "tel":
        return "phone"
    if ftype == "password":
        return "password"
    for kind, pattern in RULES:
        if pattern.search(hint):
            return kind
    return "other"


def plan_value(field: dict[str, Any], data: CheckoutConfig, customer: TestCustomer | None = None) -> FieldPlan:
    """The value for one field: the configured test data where the user set it, else the coherent test customer
    (postcode, phone and region valid for the customer's country)."""
    kind = classify(field)
    if kind in SKIPPED_KINDS:
        return FieldPlan(kind, None)
    if field.get("tag") == "select" or field.get("type") in ("checkbox", "radio"):
        return FieldPlan(kind, None)  # chosen by the journey from the options on the page
    who = customer or customer_for(data.country, "market" if data.country else "default")
    first, _, last = data.name.partition(" ")
    values = {"email": data.email, "phone": data.phone or who.phone, "first_name": first, "last_name": last or "Customer",
              "full_name": data.name, "street": data.street, "city": data.city or who.city,
              "postcode": data.postcode or who.postcode, "state": who.region_name or who.city,
              "country": who.country_name}
    if kind in values:
        return FieldPlan(kind, values[kind] or None)
    if field.get("required"):
        return FieldPlan(kind, "Test")
    return FieldPlan(kind, None)
