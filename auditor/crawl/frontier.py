"""The crawl frontier: breadth-first, but pages a customer journey needs (search, cart, checkout, contact,
shipping, returns, products) jump the queue, so a small page budget still covers the journeys.

Trap guards keep infinite sites finite: calendar-like URLs are capped per URL shape, paths that repeat
segments or grow too deep are skipped, session IDs are stripped by normalisation."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from auditor.crawl.robots import RobotsPolicy
from auditor.crawl.urls import Scope, looks_like_page, normalize_url

_JOURNEY_HINTS = re.compile(
    r"search|cart|basket|bag|checkout|contact|help|support|customer[- ]service|service|shipping|delivery|returns?|"
    r"refund|payment|faq|kontakt|versand|livraison|retour|verzending|klantenservice", re.I)
_PRODUCT_HINTS = re.compile(r"/(product|products|p|item|dp|artikel|produit)/|[?&](product|product_id|products_id|pid|sku|item|id_product)=", re.I)
_CATEGORY_HINTS = re.compile(r"/(category|categories|c|collections?|shop|catalog|department)/", re.I)
_DATE_LIKE = re.compile(r"(19|20)\d\d[-/](0?[1-9]|1[0-2])|[?&](month|year|date|day|week|cal|calendar)=", re.I)
_DIGITS = re.compile(r"\d+")
# links that do something rather than show something: a crawler must not add to carts or log out
_ACTION_LINK = re.compile(
    r"[?&](add-to-cart|add_to_cart|add-to-wishlist|add_to_wishlist|remove_item|removed_item|undo_item|empty-cart|"
    r"action|logout|customer-logout)=|/(logout|log-out|signout|sign-out|cart/(add|remove|clear)|wishlist/(add|remove))\b",
    re.I)
MAX_PER_DATE_SHAPE = 5
MAX_PATH_SEGMENTS = 10
MAX_URL_LENGTH = 400


def url_shape(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k)
    return _DIGITS.sub("#", parts.path) + "?" + "&".join(keys)


def priority_of(url: str, link_text: str = "") -> int:
    """Lower first: journey pages 0, products 1, categories 2, the rest 3."""
    hint = f"{urlsplit(url).path} {link_text}"
    if _JOURNEY_HINTS.search(hint):
        return 0
    if _PRODUCT_HINTS.search(url):
        return 1
    if _CATEGORY_HINTS.search(url):
        return 2
    return 3


def trap_reason(url: str) -> str | None:
    parts = urlsplit(url)
    if len(url) > MAX_URL_LENGTH:
        return "url_too_long"
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_PATH_SEGMENTS:
        return "path_too_deep"
    counts = Counter(segments)
    if counts and max(counts.values()) >= 3:
        return "repeating_path"
    return None


@dataclass
class Frontier:
    scope: Scope
    robots: RobotsPolicy
    user_agent: str
    max_pages: int = 30
    max_depth: int = 5
    _heap: list[tuple[int, int, int, str]] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)
    _seq: int = 0
    _date_shapes: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    _handed: set[str] = field(default_factory=set)

    def add(self, raw_url: str, depth: int, link_text: str = "", base: str | None = None) -> bool:
        url = normalize_url(raw_url, base)
        if url is None:
            return False
        if url in self._seen:
            return False
        self._seen.add(url)
        reason = self._refuse(url, depth)
        if reason:
            self.skipped[reason] += 1
            return False
        self._seq += 1
        rank = -1 if depth == 0 else priority_of(url, link_text)
        heapq.heappush(self._heap, (rank, depth, self._seq, url))
        return True

    def _refuse(self, url: str, depth: int) -> str | None:
        if not self.scope.contains(url):
            return "out_of_scope"
        if not looks_like_page(url):
            return "not_a_page"
        if depth > self.max_depth:
            return "too_deep"
        if _ACTION_LINK.search(url):
            return "action_link"
        trap = trap_reason(url)
        if trap:
            return trap
        if _DATE_LIKE.search(url):
            shape = url_shape(url)
            self._date_shapes[shape] += 1
            if self._date_shapes[shape] > MAX_PER_DATE_SHAPE:
                return "calendar_trap"
        if not self.robots.allows(url, self.user_agent):
            return "robots_txt"
        return None

    def pop(self) -> tuple[str, int] | None:
        if self.handed_out >= self.max_pages or not self._heap:
            return None
        _, depth, _, url = heapq.heappop(self._heap)
        self._handed.add(url)
        return url, depth

    def will_load(self, raw_url: str) -> bool:
        """Whether the crawl loads this page: handed out already, or waiting while page budget is left. A journey
        waiting for one of the start page's links passes over one the crawl refused or will never reach, rather
        than waiting for the end of the crawl to learn it. (Only a guess while budget is left: links found later
        may outrank it; the waiter then learns it at the end of the crawl, as before.)"""
        url = normalize_url(raw_url)
        if url is None:
            return False
        if url in self._handed:
            return True
        return self.budget_left() > 0 and any(entry[3] == url for entry in self._heap)

    def mark_seen(self, url: str) -> None:
        """A redirect's final URL counts as visited, so the same page is not loaded twice."""
        normal = normalize_url(url)
        if normal:
            self._seen.add(normal)

    @property
    def handed_out(self) -> int:
        return len(self._handed)

    @property
    def pending(self) -> int:
        return len(self._heap)

    def budget_left(self) -> int:
        return self.max_pages - self.handed_out
