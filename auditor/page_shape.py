"""Product detail or product listing, read from the page's content rather than its URL.

Real platforms put listings at "/" or under `/catalogue/`, and their product cards each carry an
"Add to basket" button; a URL or one button word cannot tell such a listing from a product. A product
detail page declares one product (one schema.org Product, `og:type` product) or shows one buy box next to
an h1 and a price; a listing repeats cards, each with a link, a price and often its own button."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.structured import extract_items, type_names
from auditor.vocabulary import joined

ADD_TO_CART = joined(
    r"add (it )?to (cart|bag|basket|trolley)|\badd\b.{0,20}\b(cart|bag|basket)\b|in den warenkorb|ajouter au panier|"
    r"in (de )?winkelwagen|añadir al carrito|aggiungi al carrello|adicionar ao carrinho|lägg i varukorgen|"
    r"do koszyka|lägg i kundvagn|læg i kurv|legg i handlekurv", "add_to_cart")
# "12,00 €": after the amount, as most of Europe writes it
PRICE = re.compile(r"(?:[$€£¥]|\b(?:EUR|USD|GBP|CHF|SEK|DKK|NOK|PLN|zł|kr)\b)\s?\d[\d.,\s]*\d|"
                   r"\d[\d.,]*\s?(?:€|EUR|CHF|SEK|DKK|NOK|PLN|zł|kr|Kč|Ft)(?!\w)")
# buy boxes by structure, whatever their label says ("Buy", an <input> value, a word in another language): forms
# and links that add to a cart, named the way the common platforms name them
BUY_FORM = re.compile(r"<form\b[^>]*(?:action|id|name|class)=[\"'][^\"']*(?:add[-_]?to[-_]?(?:cart|basket|bag)|add[-_]cart|"
                      r"addtocart|product_addtocart_form|add-to-cart-or-refresh|/cart/add|/basket/add|line-item/add|"
                      r"checkout/cart/add)[^\"']*[\"']", re.I)
BUY_LINK = re.compile(r"<a\b[^>]*href=[\"'][^\"']*(?:[?&]add-to-cart=|/cart/add\?|add_to_cart=)[^\"']*[\"']", re.I)
OG_PRODUCT = re.compile(r"<meta[^>]+property=[\"']og:type[\"'][^>]+content=[\"'](?:og:)?product\b", re.I)


@dataclass(frozen=True)
class PageShape:
    kind: str  # product_detail | product_listing | unknown
    products_declared: int
    buy_buttons: int
    prices: int
    why: str
    declared_by_markup: bool = False  # schema.org or og:type says so, not only a buy box next to a price


def page_shape(html: str, url: str, text: str) -> PageShape:
    """Counts what a customer would see: declared products, buy buttons, prices."""
    declared = 0
    listing_types = False
    for item in extract_items(html, url):  # cached per page: page_roles reads the same items
        names = type_names(item)
        declared += 1 if names & {"Product", "ProductGroup"} else 0
        listing_types = listing_types or bool(names & {"ItemList", "CollectionPage", "OfferCatalog", "SearchResultsPage"})
    buttons = max(len(ADD_TO_CART.findall(text[:20000])),
                  len(BUY_FORM.findall(html[:400_000])) + len(BUY_LINK.findall(html[:400_000])))
    prices = len(PRICE.findall(text[:20000]))
    if declared >= 2 or (declared == 0 and buttons >= 2) or (listing_types and declared != 1):
        return PageShape("product_listing", declared, buttons, prices,
                         f"{declared} products declared, {buttons} buy buttons: repeated product cards")
    if declared == 1 and not listing_types:
        return PageShape("product_detail", declared, buttons, prices, "one schema.org Product on the page", True)
    if OG_PRODUCT.search(html[:200_000]):
        return PageShape("product_detail", declared, buttons, prices, "og:type product", True)
    if buttons == 1 and prices >= 1:
        return PageShape("product_detail", declared, buttons, prices, "one buy button next to a price")
    return PageShape("unknown", declared, buttons, prices, "no product declared and no single buy box")
