"""Ranked candidates for each thing a customer tries: structure first, words second.

A control is found by what it is (a submit inside a form that posts to a cart endpoint or carries a product
id, the link the header's cart count sits on, a control inside an opened drawer) before what it says; words
only add to the score, so a label in an unknown language still ranks. Each candidate carries why it ranked,
so the report can say how the journey got where it did. Pure functions over a `StepView`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.browser.purchase import is_purchase_control
from auditor.journeys.page import (
    ADD_TO_CART_WORDS,
    CART_WORDS,
    CHECKOUT_WORDS,
    CONTINUE_WORDS,
    StepView,
    named_as_cart,
)
from auditor.page_parsing import is_contact_link_text  # the same words the click map reads links with
from auditor.vocabulary import joined

CART_ENDPOINT = re.compile(r"/(carts?|basket|bag|warenkorb|panier|winkelwagen|carrito|carrello)(/|\.js|$|\?)|"
                           r"add[-_]?to[-_]?(cart|basket)|/cart/add|/basket/add|line-item/add|checkout/cart/add|"
                           r"[?&]add-to-cart=", re.I)
ADD_ENDPOINT = re.compile(r"add[-_]?to[-_]?(cart|basket)|/cart/add|/basket/add|line-item/add|checkout/cart/add|"
                          r"[?&]add-to-cart=", re.I)
ADD_STRUCTURE = re.compile(r"add[-_ ]?to[-_ ]?(cart|basket|bag)|addtocart|add[-_]cart|add_to_basket|product-form__submit|"
                           r"single_add_to_cart_button|btn-cart|btn-buy|product-addtocart|add-to-cart-or-refresh|"
                           r"^add$|product-form|buy-?box|tocart", re.I)
BUY_WORDS = re.compile(r"^\s*(buy|kaufen|acheter|kopen|comprar|acquista|köp|kup|køb)\s*$", re.I)
CHECKOUT_HREF = re.compile(r"/(checkout|checkouts|kasse|commande|afrekenen|onepage|order)(/|$|\?|\.)", re.I)
CART_HREF = re.compile(r"/(cart|basket|bag|warenkorb|panier|winkelwagen|carrito|carrello)(/|$|\?|\.)", re.I)
SOLD_OUT = joined(r"sold out|out of stock|unavailable|ausverkauft|épuisé|uitverkocht|agotado|esaurito|slutsåld",
                  "out_of_stock")


@dataclass(frozen=True)
class Candidate:
    control: dict[str, Any]
    score: int
    why: str

    @property
    def label(self) -> str:
        return str(self.control.get("text") or self.control.get("label") or "")[:80]

    def record(self, result: str, note: str = "") -> dict[str, str]:
        """The journey step's entry for this candidate: what it was, why it ranked, what happened."""
        kind = "field" if "type" in self.control and "tag" in self.control and self.control.get("tag") != "a" \
            and self.control.get("radio") else str(self.control.get("tag") or "control")
        return {"label": self.label, "kind": kind, "why": self.why + (f"; {note}" if note else ""), "result": result}


def _haystack(c: dict[str, Any]) -> str:
    return f"{c.get('text', '')} {c.get('aria', '')}"


def _ranked(scored: list[tuple[int, str, dict[str, Any]]]) -> list[Candidate]:
    scored = [s for s in scored if s[0] > 0]
    scored.sort(key=lambda s: (-s[0], s[2]["i"]))
    return [Candidate(c, score, why) for score, why, c in scored]


def add_to_cart(view: StepView) -> list[Candidate]:
    out = []
    for c in view.controls:
        if c["region"] != "main" or (c["tag"] == "a" and not ADD_ENDPOINT.search(c["href"])):
            continue
        if is_purchase_control(c["text"], c["aria"], c["id"], c["name"]):
            continue  # "Buy now" skips the cart; the guard would refuse it anyway
        reasons, score = [], 0
        structure = f"{c.get('id', '')} {c.get('name', '')} {c.get('cls', '')} {c.get('form_id', '')} {c.get('form_cls', '')}"
        if CART_ENDPOINT.search(c.get("formaction") or "") or (c["tag"] == "a" and ADD_ENDPOINT.search(c["href"])):
            score += 4
            reasons.append("posts to a cart endpoint")
        if ADD_STRUCTURE.search(structure):
            score += 3
            reasons.append("named like an add-to-cart control")
        if c.get("form_product") and c["tag"] != "a":
            score += 2
            reasons.append("submits a form carrying the product id")
        if ADD_TO_CART_WORDS.search(_haystack(c)):
            score += 3
            reasons.append("its words say add to cart")
        elif BUY_WORDS.search(c["text"]) and score:
            score += 1
            reasons.append("its word is 'buy'")
        if score < 3:
            continue  # a button inside the product form (a colour swatch) is not an add-to-cart control by itself
        if c["disabled"]:
            reasons.append("disabled")
            score = 1
        out.append((score, ", ".join(reasons), c))
    return _ranked(out)


def go_to_cart(view: StepView) -> list[Candidate]:
    """After adding: a drawer's checkout button (straight on), its view-cart link, the header's cart link (with its
    count), any cart-looking link."""
    out = []
    for c in view.controls:
        if c["disabled"] or c["region"] == "footer":
            continue
        words = _haystack(c)
        cart_like = named_as_cart(c) or bool(CART_HREF.search(c["href"]))
        if c.get("overlay") and CHECKOUT_WORDS.search(words) and not is_purchase_control(words):
            out.append((9, "the opened cart drawer's checkout button", c))
        elif c.get("overlay") and cart_like:
            out.append((8, "the opened cart drawer's link to the cart", c))
        elif c["region"] in ("header", "nav") and cart_like:  # a navbar is the header of many themes (Bootstrap's)
            count = " with its item count" if c.get("badge") is not None else ""
            out.append((6 if count else 5, f"the header's cart link{count}", c))
        elif cart_like and (c["tag"] == "a" or c["href"]):
            out.append((4, "a link to the cart", c))
    return _ranked(out)


def go_to_checkout(view: StepView) -> list[Candidate]:
    out = []
    for c in view.controls:
        if c["disabled"] or c["region"] == "footer":
            continue
        words = _haystack(c)
        if is_purchase_control(words, c["id"], c["name"]):
            continue
        score, reasons = 0, []
        if (CHECKOUT_WORDS.search(words) and not CART_WORDS.search(c["text"])) or re.search(r"checkout", words, re.I):
            score += 4
            reasons.append("its words say checkout")
        if CHECKOUT_HREF.search(c["href"] or c.get("formaction") or ""):
            score += 3
            reasons.append("it leads to a checkout address")
        if score and c["region"] == "main":
            score += 1
        if score:
            out.append((score, ", ".join(reasons), c))
    return _ranked(out)


def continue_on(view: StepView) -> list[Candidate]:
    """The control that moves a checkout step on: 'Continue'-like words, else the step form's submit; the last
    one on the page first (steps put it at the bottom)."""
    out = []
    main = [c for c in view.controls if c["region"] == "main" and not c["disabled"]]
    for pos, c in enumerate(main):
        words = _haystack(c)
        if is_purchase_control(words, c["id"], c["name"]) or CART_WORDS.search(c["text"]):
            continue
        if CONTINUE_WORDS.search(words):
            out.append((6 + pos, "its words say continue", c))
        elif c["type"] == "submit" or (c["tag"] == "button" and c["type"] in ("", "submit")):
            out.append((3 + pos, "the step form's submit button", c))
        elif c["tag"] == "a" and CHECKOUT_HREF.search(c["href"]) and not CART_HREF.search(c["href"]):
            out.append((2 + pos, "a link further into the checkout", c))
    ranked = _ranked(out)
    return ranked[:4]


def describe_rejected(control: dict[str, Any], reason: str) -> dict[str, str]:
    return {"label": str(control.get("text") or control.get("label") or "")[:80], "kind": str(control.get("tag") or ""),
            "why": reason, "result": "skipped"}


def is_sold_out(text: str) -> bool:
    return bool(SOLD_OUT.search(text or ""))


CONTACT_HREF = re.compile(r"contact|kontakt|contatt|contacto|kundenservice|klantenservice|customer-?service|"
                          r"service-?client|support|help|hilfe|aide|ayuda|aiuto", re.I)
CONTACT_REGION = {"header": 3, "nav": 3, "footer": 2, "main": 1}


def contact_links(view: StepView) -> list[Candidate]:
    """Where a customer with a problem clicks first: a control named like contact or customer service (in the
    catalogues' nine languages), better in the header than the footer; a link whose address is a contact or
    help page ranks even when its words are unknown."""
    out = []
    for c in view.controls:
        if c["href"].startswith(("mailto:", "tel:")):
            continue  # a channel in itself, read from the page, not a way to one
        reasons, score = [], 0
        if is_contact_link_text(c["text"]) or is_contact_link_text(c.get("aria", "")):
            score += 4
            reasons.append("named as contact or customer service")
        if CONTACT_HREF.search(c["href"]) and c["tag"] == "a":
            score += 2
            reasons.append("leads to a contact or help page")
        if not score:
            continue
        score += CONTACT_REGION.get(c["region"], 0)
        reasons.append(f"in the {c['region']}")
        out.append((score, ", ".join(reasons), c))
    return _ranked(out)
