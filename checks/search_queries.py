"""Choosing search queries from the site itself and judging the answers. Pure functions, table-tested.

Queries come from real product names the crawl saw (schema.org Product, og:title, h1), never from a fixed
list, so the check works on any catalogue and language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.structured import items_of_type
from auditor.vocabulary import joined

STOPWORDS = frozenset(
    ["a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "by", "from", "set", "pack", "new", "sale", "x", "de", "la", "le", "les", "el", "los", "das", "der", "die", "und", "et", "mit", "pour", "voor", "met", "en", "het", "een"])
NONSENSE_QUERY = "qzxvbnwplk"
NO_RESULTS = joined(
    r"no (results|products|matches|items)(?! in (your |the )?(cart|basket|bag|wish ?list))|nothing (was )?found|"
    r"0 (results|products|items|matches)(?! in (your |the )?(cart|basket|bag|wish ?list))|did not match|"
    r"didn'?t match|couldn'?t find|could not find|keine (ergebnisse|treffer|produkte)|aucun résultat|geen resultaten|"
    r"sin resultados|nessun risultato|not find any", "no_results")
RESULT_COUNT = re.compile(
    r"(\d[\d,.]*)\s+(results?|products?|items?|matches|treffer|ergebnisse|résultats|resultaten|resultados|articles?)\b"
    r"(?! in (your |the )?(cart|basket|bag|wish ?list))(?!:? \$)", re.I)
CART_COUNTS = re.compile(r"(cart|basket|bag|wish ?list|warenkorb|panier|winkelwagen)[^.\n]{0,30}?\d+\s+(items?|products?|artikel)|"
                         r"\d+\s+(items?|products?|artikel)\s+in\s+(your |the )?(cart|basket|bag|wish ?list)", re.I)
SUGGESTION_HINT = re.compile(r"did you mean|try (checking|another|a different|searching)|suggest|popular|"
                             r"bestsellers?|you (may|might) (also )?like|meinten sie|vouliez-vous dire|bedoelde u|"
                             r"check the spelling|browse", re.I)


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.lower()) if w and not w.isdigit()]


def significant(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def stem(word: str) -> str:
    """A light English plural fold (kettles, boxes, batteries), enough to match result titles."""
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def head_noun(name: str) -> str | None:
    """The product type a customer would type: in English and most shop titles, the last significant word."""
    sig = [w for w in significant(name) if w.isalpha() and len(w) > 2]
    return sig[-1] if sig else None


def misspell(word: str) -> str:
    """One-letter typo: swap two adjacent letters in the middle of the longest word (a transposition)."""
    if len(word) < 4:
        return word + word[-1]
    i = len(word) // 2
    if word[i] == word[i - 1]:
        return word[:i] + word[i + 1 :]  # a doubled letter typed once, the commonest typo of such words
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def misspelled_query(name: str) -> str:
    sig = significant(name)
    if not sig:
        return misspell(name.lower())
    longest = max(sig, key=len)
    return " ".join(misspell(w) if w == longest else w for w in sig)


def partial_query(name: str) -> str:
    """A customer who remembers part of the name: the name without its last word, or the first letters."""
    sig = significant(name)
    if len(sig) >= 2:
        return " ".join(sig[:-1])
    word = sig[0] if sig else name.lower()
    return word[: max(4, len(word) * 2 // 3)]


@dataclass(frozen=True)
class PlannedQuery:
    query: str
    kind: str  # known_product | product_type | misspelled | partial | nonsense
    intended: str  # the product name the customer has in mind ("" for nonsense)


def plan_queries(product_name: str) -> list[PlannedQuery]:
    plans = [PlannedQuery(product_name, "known_product", product_name)]
    noun = head_noun(product_name)
    if noun and len(significant(product_name)) > 1:
        plans.append(PlannedQuery(noun, "product_type", product_name))
    plans.append(PlannedQuery(misspelled_query(product_name), "misspelled", product_name))
    partial = partial_query(product_name)
    if partial.lower() != product_name.lower() and partial != noun:
        plans.append(PlannedQuery(partial, "partial", product_name))
    plans.append(PlannedQuery(NONSENSE_QUERY, "nonsense", ""))
    return plans


def product_name_from_page(html: str, url: str, title: str, h1: str | None) -> str | None:
    for item in items_of_type(html, url, "Product", "ProductGroup"):
        name = item.get("name")
        if isinstance(name, str) and name.strip():
            return name.strip()[:120]
    match = re.search(r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']+)', html, re.I)
    if match:
        return match.group(1).strip()[:120]
    if h1 and h1.strip():
        return h1.strip()[:120]
    return re.split(r"\s[|–—-]\s", title)[0].strip()[:120] or None


def choose_product(candidates: list[str]) -> str | None:
    """Prefer a name of two to five words: it gives a type word and a partial name, like most real products."""
    usable = [c for c in candidates if c and 1 <= len(significant(c)) <= 8]
    if not usable:
        return None
    return sorted(usable, key=lambda c: (not 2 <= len(significant(c)) <= 5, len(c), c))[0]


def is_relevant(result_text: str, intended: str, query: str) -> bool:
    """A result is relevant when its title shares the intended product's or the query's significant words."""
    target = {stem(w) for w in significant(intended or query)}
    got = {stem(w) for w in significant(result_text)}
    if not target or not got:
        return False
    if intended and intended.lower() in result_text.lower():
        return True
    return bool(target & got)


def count_results(text: str, result_links: list[dict[str, Any]]) -> int:
    """A stated count ("12 results") wins; a no-results message means 0 even if suggestions are shown."""
    head = CART_COUNTS.sub(" ", text[:3000])  # "0 items in cart", "Wishlist contains 0 items": not results
    if NO_RESULTS.search(head):
        return 0
    stated = RESULT_COUNT.search(head)
    if stated:
        try:
            return int(re.sub(r"[,.]", "", stated.group(1)))
        except ValueError:
            pass
    return len(result_links)


def zero_results_help(text: str, product_links: int, other_links: list[str]) -> bool:
    """Help on a zero-results page: suggestions or spelling help, products, categories or a contact link."""
    if SUGGESTION_HINT.search(text[:5000]):
        return True
    if product_links > 0:
        return True
    return any(re.search(r"contact|help|categor|shop all|browse", t, re.I) for t in other_links)
