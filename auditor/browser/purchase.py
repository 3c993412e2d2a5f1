"""The never-buy rules, as pure functions so every rule is table-tested.

The guard is deliberately over-cautious: refusing a harmless "Pay" button costs one unmeasured step;
clicking a real one costs a client an order. Two layers: controls a customer would click (by their
words, in several languages) and requests that would place an order (by URL shape or card data)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.vocabulary import pattern

_CONTROL_WORDS = [
    # English
    r"place (my |your |the )?order", r"\bpay\b", r"pay now", r"buy (it )?now", r"complete (my |your )?(purchase|order|payment)",
    r"confirm (and pay|order|purchase|payment)", r"submit (order|payment)", r"finish (order|purchase)",
    r"order now", r"purchase now", r"\bcomplete checkout\b", r"one[- ]click", r"\bpaypal\b", r"apple pay", r"google pay",
    r"\bg ?pay\b", r"shop pay", r"amazon pay", r"authori[sz]e payment", r"make payment", r"\bcheckout with\b",
    # German
    r"zahlungspflichtig", r"jetzt kaufen", r"kaufen\b", r"bestellung abschicken", r"jetzt bezahlen", r"bezahlen",
    r"bestellen\b",
    # French
    r"\bcommander\b", r"\bpayer\b", r"valider (la|ma) commande", r"confirmer (la|ma) commande", r"acheter maintenant",
    # Dutch
    r"bestelling plaatsen", r"\bbetalen\b", r"nu kopen", r"bestellen en betalen", r"\bafrekenen en betalen\b",
    # Spanish / Portuguese / Italian
    r"realizar pedido", r"\bpagar\b", r"comprar ahora", r"finalizar (compra|pedido)", r"confirmar pedido",
    r"comprar agora", r"effettua (l'?)?ordine", r"\bpaga\b", r"acquista ora", r"conferma ordine",
]
# and every "place order" wording of nine languages' real platform catalogues (auditor/vocabulary)
PURCHASE_CONTROL = re.compile("|".join([*(f"(?:{w})" for w in _CONTROL_WORDS), pattern("place_order").pattern]), re.I)

_REQUEST_PATTERNS = [
    r"place[-_]?order", r"(submit|confirm|complete|create|finali[sz]e|process)[-_]?(order|purchase|payment|checkout)",
    r"orders?/(place|submit|create|confirm|complete|new)\b", r"checkout/(complete|confirm|place|submit|process|finish)\b",
    r"/(purchase|buy|buy-now|buynow|pay|charge|charges)(/|$|\?)", r"payments?/(process|submit|authori[sz]e|capture|confirm)\b",
    r"wc-ajax=checkout", r"/checkout/order/?(\?|$)", r"/api/(orders|payments|charges)\b", r"/onestepcheckout/.*save(order)?\b",
]
PURCHASE_REQUEST = re.compile("|".join(f"(?:{p})" for p in _REQUEST_PATTERNS), re.I)
_DIGIT_RUN = re.compile(r"(?<!\d)(?:\d[ -]?){13,19}(?!\d)")

CARD_FIELD_HINT = re.compile(
    r"cc-(number|csc|exp)|card[-_ ]?(number|no|num)|\bcvc\b|\bcvv\b|security code|kartennummer|numéro de carte|kaartnummer", re.I
)


def is_purchase_control(*texts: str | None) -> bool:
    """True when any of a control's texts (label, value, aria-label, title, id, class) reads as a final
    buy / pay / place-order action."""
    joined = " ".join(t for t in texts if t)
    return bool(PURCHASE_CONTROL.search(re.sub(r"\s+", " ", joined)))


def is_purchase_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(PURCHASE_REQUEST.search(f"{parts.path}?{parts.query}"))


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def contains_card_number(body: str | None) -> bool:
    if not body:
        return False
    for match in _DIGIT_RUN.finditer(body):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            return True
    return False


# pages that only show the order for review before the final button: opening them (GET, no query) buys nothing.
# Shopware 6's /checkout/confirm is its review step; the order is POST /checkout/order.
REVIEW_PAGE = re.compile(r"/checkout/confirm/?$", re.I)


def is_purchase_request(method: str, url: str, body: str | None) -> str | None:
    """Why a request must not be sent, or None when it is safe. An address a page wrote that cannot be parsed
    (`http://[`) reaches no server by its path, but a card number in its body is still refused."""
    try:
        parts = urlsplit(url)
        path, query = parts.path, parts.query
    except ValueError:
        path, query = url[:80], ""
    if method.upper() == "GET" and not query and REVIEW_PAGE.search(path):
        return None
    if is_purchase_url(url):
        return f"{method} {path} looks like placing an order or a payment"
    if method.upper() != "GET" and contains_card_number(body):
        return f"{method} {path} carries what looks like a card number"
    return None
