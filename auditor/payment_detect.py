"""Payment-method detection from page markup: logos, text, provider scripts and schema.org, normalised to the
contract's ids. Pure and table-tested; it is careful with words that mean other things ("visa" on a travel
page, "PayPal" in a blog post)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

KIND = {
    "visa": "card", "mastercard": "card", "amex": "card", "discover": "card", "maestro": "card", "diners": "card",
    "jcb": "card", "unionpay": "card", "paypal": "wallet", "apple_pay": "wallet", "google_pay": "wallet",
    "amazon_pay": "wallet", "shop_pay": "wallet", "klarna": "bnpl", "afterpay": "bnpl", "affirm": "bnpl",
    "ideal": "bank", "sofort": "bank", "bancontact": "bank", "sepa_debit": "bank", "bank_transfer": "bank",
    "giropay": "bank", "cash_on_delivery": "cash", "gift_card": "other", "card": "card",
}
# token patterns for logo attributes (alt, title, aria-label, src, class, data-*, svg <title>/<use href>)
LOGO_PATTERNS: dict[str, re.Pattern[str]] = {
    "visa": re.compile(r"(?<![a-z])visa(?![a-z])", re.I),
    # "pi-master" is the Mastercard icon of the payment_icons set used by Shopify themes and their clones
    "mastercard": re.compile(r"master[-_ ]?card|(?<![a-z])mc[-_]logo|(?<![a-z])(pi|icon|payment-icon)[-_]+master(?![a-z])", re.I),
    "amex": re.compile(r"american[-_ ]?express|(?<![a-z])amex(?![a-z])", re.I),
    "discover": re.compile(r"(?<![a-z])discover(?![a-z])", re.I),
    "maestro": re.compile(r"(?<![a-z])maestro(?![a-z])", re.I),
    "paypal": re.compile(r"pay[-_ ]?pal", re.I),
    "apple_pay": re.compile(r"apple[-_ ]?pay", re.I),
    "google_pay": re.compile(r"google[-_ ]?pay|(?<![a-z])g[-_]?pay(?![a-z])", re.I),
    "amazon_pay": re.compile(r"amazon[-_ ]?pay", re.I),
    "shop_pay": re.compile(r"shop(ify)?[-_ ]?pay", re.I),
    "diners": re.compile(r"diners([-_ ]?club)?", re.I),
    "jcb": re.compile(r"(?<![a-z])jcb(?![a-z])", re.I),
    "unionpay": re.compile(r"union[-_ ]?pay", re.I),
    "klarna": re.compile(r"klarna", re.I),
    "afterpay": re.compile(r"afterpay|clearpay", re.I),
    "affirm": re.compile(r"(?<![a-z])affirm(?![a-z])", re.I),
    "ideal": re.compile(r"(?<![a-z])ideal(?![a-z])", re.I),
    "sofort": re.compile(r"sofort", re.I),
    "bancontact": re.compile(r"bancontact", re.I),
    "sepa_debit": re.compile(r"sepa", re.I),
    "giropay": re.compile(r"giropay", re.I),
}
SCRIPT_PROVIDERS: dict[str, tuple[str, ...]] = {
    "paypal": ("paypal.com/sdk/js", "paypalobjects.com"),
    "klarna": ("klarna.com", "klarnaservices.com", "klarnacdn.net"),
    "afterpay": ("afterpay.com", "clearpay.co.uk", "static.afterpay"),
    "affirm": ("cdn1.affirm.com", "affirm.com/js"),
    "apple_pay": ("apple-pay-sdk", "applepay.cdn-apple.com"),
    "google_pay": ("pay.google.com/gp/p/js",),
    "amazon_pay": ("static-na.payments-amazon.com", "payments-amazon.com", "amazonpay"),
    "shop_pay": ("shop.app/pay", "shopify-payment-terms"),
    "card": ("js.stripe.com", "braintreegateway.com", "checkoutshopper-live.adyen.com", "checkoutshopper-test.adyen.com",
             "js.squareup.com", "web.squarecdn.com", "js.mollie.com", "js.braintreegateway.com"),
}
TEXT_PHRASE = re.compile(r"(we accept|pay(ment)? with|payment (methods|options)|ways to pay|accepted payments?|"
                         r"pay securely with|wir akzeptieren|zahlungsarten|moyens de paiement|betaalmethoden|"
                         r"métodos de pago|pay in \d|pay later|buy now,? pay later)", re.I)
TEXT_METHODS: dict[str, re.Pattern[str]] = {
    **LOGO_PATTERNS,
    "bank_transfer": re.compile(r"bank transfer|wire transfer|überweisung|virement|overboeking|bonifico|transferencia "
                                r"bancaria|banköverföring", re.I),
    # Dutch "(onder) rembours" is cash on delivery; French "remboursement" alone is a refund, so the word must end
    "cash_on_delivery": re.compile(r"cash on delivery|pay(ment)? on delivery|(?<![a-z])cod(?![a-z])|nachnahme|"
                                   r"contre[- ]remboursement|\brembours\b|paiement (à|a) la (livraison|réception)|"
                                   r"payer (à|a) la livraison|contra ?reembolso|pago contra entrega|pago (a|en) la entrega|"
                                   r"contrassegno|pagamento alla consegna|betalen bij (af)?levering|postförskott|"
                                   r"zahlung bei (lieferung|abholung)|barzahlung bei lieferung", re.I),
    "gift_card": re.compile(r"gift ?cards?|gutschein|carte cadeau|cadeaukaart", re.I),
}
# aria-labelledby names the icon even when no element carries that id (payment_icons' "pi-visa"); style carries
# CSS background images by file name
LOGO_ATTRS = ("alt", "title", "aria-label", "aria-labelledby", "src", "data-src", "class", "data-payment", "data-method",
              "data-brand", "href", "xlink:href", "id", "srcset", "style", "data-icon", "name")
PAYMENTISH_CONTAINER = re.compile(r"pay|card|accept|method|checkout|footer|trust|badge|logo|icon", re.I)


@dataclass(frozen=True)
class Detection:
    id: str
    how: str  # logo | text | script | form | schema_org


def _container_is_paymentish(el: Tag) -> bool:
    for parent in [el, *list(el.parents)[:4]]:
        if not isinstance(parent, Tag):
            continue
        attrs = " ".join([str(parent.get("id") or ""), " ".join(parent.get("class") or []),
                          str(parent.get("aria-label") or ""), parent.name or ""])
        if PAYMENTISH_CONTAINER.search(attrs):
            return True
        text = parent.get_text(" ", strip=True)[:300] if parent.name not in ("body", "html") else ""
        if text and TEXT_PHRASE.search(text):
            return True
    return False


def detect_in_html(html: str | Tag) -> list[Detection]:
    """Methods shown in markup; takes HTML text or an already parsed tree (or a part of one)."""
    doc = html if isinstance(html, Tag) else BeautifulSoup(html or "", "lxml")
    found: dict[str, Detection] = {}
    # logos: images, svgs, icons whose attributes name a method, inside something payment-ish
    for el in doc.find_all(["img", "svg", "use", "i", "span", "li", "div", "a", "picture", "source", "image"]):
        values = []
        for attr in LOGO_ATTRS:
            v = el.get(attr)
            if v:
                values.append(" ".join(v) if isinstance(v, list) else str(v))
        if el.name == "svg":
            title = el.find("title")
            if title:
                values.append(title.get_text())
        if not values:
            continue
        blob = " ".join(values)[:600]
        icon_like = el.name in ("img", "svg", "use", "i", "picture", "source", "image") or el.get("role") == "img" or (
            el.name in ("span", "li", "div") and not el.get_text(strip=True))
        if not icon_like:
            continue
        for method, pattern in LOGO_PATTERNS.items():
            if method not in found and pattern.search(blob) and _container_is_paymentish(el):
                found[method] = Detection(method, "logo")
    # text: only in a sentence that talks about paying
    for block in doc.find_all(["p", "li", "div", "span", "footer", "section", "dd", "td", "label", "h2", "h3", "h4"]):
        text = block.get_text(" ", strip=True)
        if not text or len(text) > 400 or not TEXT_PHRASE.search(text):
            continue
        for method, pattern in TEXT_METHODS.items():
            if method not in found and pattern.search(text):
                found[method] = Detection(method, "text")
    return list(found.values())


def detect_in_scripts(urls: list[str]) -> list[Detection]:
    out: dict[str, Detection] = {}
    for url in urls:
        low = url.lower()
        for method, hosts in SCRIPT_PROVIDERS.items():
            if any(h in low for h in hosts):
                out.setdefault(method, Detection(method, "script"))
    return list(out.values())


def detect_in_labels(labels: list[str]) -> list[Detection]:
    """Radio or button labels at a payment step ("Credit card", "PayPal", "Klarna – pay later")."""
    out: dict[str, Detection] = {}
    for label in labels:
        for method, pattern in TEXT_METHODS.items():
            if pattern.search(label):
                out.setdefault(method, Detection(method, "form"))
        if re.search(r"credit|debit|card", label, re.I) and not any(k == "card" or KIND.get(k) == "card" for k in out):
            out.setdefault("card", Detection("card", "form"))
    return list(out.values())


def detect_in_schema(items: list[dict]) -> list[Detection]:
    out: dict[str, Detection] = {}
    for item in items:
        for key in ("paymentAccepted", "acceptedPaymentMethod"):
            raw = item.get(key)
            values = raw if isinstance(raw, list) else [raw]
            for value in values:
                text = str(value.get("name") or value.get("@id") or "") if isinstance(value, dict) else str(value or "")
                for method, pattern in TEXT_METHODS.items():
                    if pattern.search(text):
                        out.setdefault(method, Detection(method, "schema_org"))
                if re.search(r"credit ?card|creditcard", text, re.I):
                    out.setdefault("card", Detection("card", "schema_org"))
    return list(out.values())
