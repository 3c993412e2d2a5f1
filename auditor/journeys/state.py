"""What the page in front of the customer is, read from the page itself rather than only its URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.journeys.candidates import CART_HREF, go_to_checkout
from auditor.journeys.page import CART_WORDS, StepView

ERROR_PAGE = re.compile(r"\b(404|500|502|503)\b|page not found|server error|something went wrong|seite nicht gefunden|"
                        r"page introuvable|pagina niet gevonden", re.I)

STATES = ("product_detail", "product_listing", "cart_page", "mini_cart", "account_gate", "checkout_step", "payment_step",
          "error_page", "other")


def classify(view: StepView, shape_kind: str | None = None) -> str:
    """One of STATES. `shape_kind` is auditor.page_shape's reading of the same page, when known."""
    if view.payment_reason():
        return "payment_step"
    path = urlsplit(view.url).path
    if CART_HREF.search(path):
        return "cart_page"  # a cart page may also carry the header's mini-cart and a sign-in link
    if view.account_gate() is not None:
        return "account_gate"
    if any(c.get("overlay") for c in view.controls) and go_to_checkout(view) and any(
            CART_WORDS.search(f"{c['text']} {c.get('cls', '')}") for c in view.controls if c.get("overlay")):
        return "mini_cart"
    if re.search(r"checkout|kasse|commande|afrekenen", path, re.I) and view.fields:
        return "checkout_step"
    if shape_kind in ("product_detail", "product_listing"):
        return shape_kind
    if ERROR_PAGE.search(" ".join([view.title, *view.headings[:2]])):
        return "error_page"
    return "other"
