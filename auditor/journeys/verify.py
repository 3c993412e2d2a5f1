"""Did the action move the journey? A click that changed nothing is not progress, whatever it was called.

Signals a customer would notice: the cart count went up, a mini-cart or success message appeared, the page
moved on, new fields opened; plus the one a customer cannot see but the shop's own code relies on, a cart
request answered 2xx. Pure functions over two reads of the page and the network events in between."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from auditor.journeys.candidates import CART_ENDPOINT, CART_HREF
from auditor.journeys.page import CART_WORDS, CHECKOUT_WORDS, StepView
from auditor.vocabulary import joined

ADDED_WORDS = joined(
    r"added to (your |the )?(cart|basket|bag|trolley)|has been added|was added|in den warenkorb gelegt|"
    r"zum warenkorb hinzugefügt|ajouté au panier|aan (je |uw )?winkelwagen toegevoegd|toegevoegd aan|"
    r"añadido al carrito|aggiunto al carrello|lagd i varukorgen|dodano do koszyka|lagt i kurven", "added_to_cart")


@dataclass(frozen=True)
class NetEvent:
    method: str
    url: str
    status: int
    at: float


@dataclass(frozen=True)
class Progress:
    moved: bool
    why: str


def cart_requests(events: list[NetEvent], since: float) -> list[NetEvent]:
    return [e for e in events if e.at >= since and e.method != "GET" and CART_ENDPOINT.search(urlsplit(e.url).path + "?" +
                                                                                             urlsplit(e.url).query)]


def added_to_cart(before: StepView, after: StepView, events: list[NetEvent], since: float) -> Progress:
    """The product is in the cart when the page says so in any of the ways shops do."""
    b, a = before.cart_count(), after.cart_count()
    if a is not None and ((b is None and a > 0) or (b is not None and a > b)):
        return Progress(True, f"the header's cart count went from {b if b is not None else 'none'} to {a}")
    if CART_HREF.search(urlsplit(after.url).path) and not CART_HREF.search(urlsplit(before.url).path):
        return Progress(True, "the shop moved to its cart page")
    new_alerts = [m for m in after.alerts if m not in before.alerts]
    if ADDED_WORDS.search(after.text) and not ADDED_WORDS.search(before.text):
        return Progress(True, "the shop said the product was added")
    if any(ADDED_WORDS.search(m) for m in new_alerts):
        return Progress(True, "the shop said the product was added")
    ok = [e for e in cart_requests(events, since) if 200 <= e.status < 400]
    opened = [c for c in after.controls if c.get("overlay") and not any(
        b.get("overlay") and b["text"] == c["text"] for b in before.controls)]
    if any(CHECKOUT_WORDS.search(c["text"]) or CART_WORDS.search(c["text"]) for c in opened):
        return Progress(True, "a mini-cart opened with a way to the cart or checkout")
    if ok and not new_alerts:
        return Progress(True, f"the cart request {urlsplit(ok[-1].url).path} answered {ok[-1].status}")
    if new_alerts:
        return Progress(False, f"the shop answered: “{new_alerts[0][:120]}”")
    failed = [e for e in cart_requests(events, since) if e.status >= 400]
    if failed:
        return Progress(False, f"the cart request {urlsplit(failed[-1].url).path} answered {failed[-1].status}")
    return Progress(False, "nothing changed: no cart count, message, cart page or cart request")


def moved_on(before: StepView, after: StepView) -> Progress:
    """A checkout step moved on: a new address, new fields, or the payment step."""
    if urlsplit(after.url)[:4] != urlsplit(before.url)[:4]:
        return Progress(True, "a new page")
    if after.field_signature() - before.field_signature():
        return Progress(True, "new fields opened")
    if after.payment_reason() and not before.payment_reason():
        return Progress(True, "the payment step opened")
    new_alerts = [m for m in after.alerts if m not in before.alerts] or after.alerts
    if new_alerts:
        return Progress(False, f"the shop answered: “{new_alerts[0][:160]}”")
    return Progress(False, "nothing changed")
