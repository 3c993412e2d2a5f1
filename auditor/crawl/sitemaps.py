"""Sitemaps and sitemap indexes seed the frontier. We fetch (so scope and budgets are ours) and
ultimate-sitemap-parser parses (XML, text, RSS and Atom sitemaps, gzip included)."""

from __future__ import annotations

import gzip
import logging
from urllib.parse import urljoin

import httpx

from auditor.crawl.urls import Scope

log = logging.getLogger(__name__)
logging.getLogger("usp").setLevel(logging.ERROR)


def parse_sitemap(content: str) -> tuple[list[str], list[str]]:
    """Returns (page URLs, sub-sitemap URLs) of one sitemap document."""
    from usp.objects.sitemap import InvalidSitemap
    from usp.tree import sitemap_from_str

    try:
        tree = sitemap_from_str(content)
        pages = [p.url for p in tree.all_pages()]
        subs = [s.url for s in getattr(tree, "sub_sitemaps", []) if isinstance(s, InvalidSitemap) or hasattr(s, "url")]
    except Exception as exc:  # the parser raises on some broken documents
        log.debug("sitemap parse failed: %s", exc)
        return [], []
    return pages, subs


async def collect_sitemap_urls(client: httpx.AsyncClient, start_url: str, announced: list[str], scope: Scope,
                               *, max_files: int = 20, max_urls: int = 5000) -> list[str]:
    queue = list(dict.fromkeys([*announced, urljoin(start_url, "/sitemap.xml")]))
    seen: set[str] = set()
    urls: list[str] = []
    while queue and len(seen) < max_files and len(urls) < max_urls:
        sitemap_url = queue.pop(0)
        if sitemap_url in seen or not scope.contains(sitemap_url):
            continue
        seen.add(sitemap_url)
        try:
            response = await client.get(sitemap_url)
        except httpx.HTTPError:
            continue
        if response.status_code != 200:
            continue
        body = response.content[:20_000_000]
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.decompress(body)[:50_000_000]
            except OSError:
                continue
        pages, subs = parse_sitemap(body.decode("utf-8", "replace"))
        urls.extend(u for u in pages if scope.contains(u))
        queue.extend(s for s in subs if s not in seen)
    return urls[:max_urls]
