"""A guess at what kind of page a customer is on, from cues that hold across shop platforms.

Order matters: a checkout URL outranks a product schema on the same page; schema.org types outrank URL
words; content cues (an add-to-cart button, a card field) come last."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from auditor.page_shape import page_shape
from auditor.structured import extract_items, type_names

ROLES = ("home", "category", "product", "search", "cart", "checkout", "contact", "policy", "other")

_URL_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("checkout", re.compile(r"/(checkout|checkouts|kasse|commande|afrekenen|onepage|onestepcheckout)(/|$|\?|\.)", re.I)),
    ("cart", re.compile(r"/(cart|basket|bag|warenkorb|panier|winkelwagen|carrito|carrello)(/|$|\?|\.)", re.I)),
    ("search", re.compile(r"/(search|suche|recherche|zoeken|buscar|catalogsearch)(/|$|\?|\.)|[?&](q|s|query|search|keywords?)=", re.I)),
    ("contact", re.compile(r"/(contact|contact-us|contactus|kontakt|customer-service|support|help/contact)(/|$|\?|\.|-)", re.I)),
    ("policy", re.compile(r"/(shipping|delivery|returns?|refund|privacy|terms|versand|retour|livraison|policies|policy|faq|legal|imprint|impressum)(/|$|\?|\.|-)", re.I)),
    ("product", re.compile(r"/(product|products|p|item|dp|artikel|produit)/[^/]+", re.I)),
    ("category", re.compile(r"/(category|categories|c|collections?|shop|catalog|department|kategorie)/[^/]+", re.I)),
)


def guess_role(url: str, title: str, html: str, text: str, forms: list[dict[str, Any]], *, is_start: bool = False) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "other"
    path = parts.path or "/"
    if path in ("/", "") and not parts.query:
        return "home"
    target = f"{path}?{parts.query}" if parts.query else path
    for role, pattern in _URL_RULES[:5]:
        if pattern.search(target):
            return role
    types: set[str] = set()
    for item in extract_items(html, url):
        types |= type_names(item)
    shape = page_shape(html, url, text)
    if shape.kind == "product_listing":
        return "category"  # a listing is never a product page, whatever its URL says
    if shape.kind == "product_detail" and shape.declared_by_markup:
        return "product"
    if types & {"ContactPage"}:
        return "contact"
    if types & {"CollectionPage", "ItemList", "OfferCatalog"}:
        return "category"
    for role, pattern in _URL_RULES[5:]:
        if pattern.search(target):
            return role
    if shape.kind == "product_detail":
        return "product"
    if is_start:
        return "home"
    return "other"
