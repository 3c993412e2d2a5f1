"""robots.txt, parsed by protego: what the crawl may visit and which sitemaps the site announces."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx
from protego import Protego


@dataclass
class RobotsPolicy:
    status: str  # found | absent | error
    parser: Protego | None = None
    sitemaps: list[str] = field(default_factory=list)
    ignored: bool = False

    def allows(self, url: str, user_agent: str) -> bool:
        if self.ignored or self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, user_agent)) and bool(self.parser.can_fetch(url, "cxaudit"))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay("cxaudit") or self.parser.crawl_delay(user_agent)
        return float(delay) if delay else None


def parse_robots(text: str, base_url: str, ignored: bool = False) -> RobotsPolicy:
    parser = Protego.parse(text)
    sitemaps = [urljoin(base_url, s) for s in parser.sitemaps]
    return RobotsPolicy("found", parser, sitemaps, ignored)


async def fetch_robots(client: httpx.AsyncClient, start_url: str, ignored: bool = False) -> RobotsPolicy:
    url = urljoin(start_url, "/robots.txt")
    try:
        response = await client.get(url)
    except httpx.HTTPError:
        return RobotsPolicy("error", ignored=ignored)
    if response.status_code >= 500:
        return RobotsPolicy("error", ignored=ignored)
    if response.status_code >= 400 or "html" in response.headers.get("content-type", ""):
        return RobotsPolicy("absent", ignored=ignored)
    return parse_robots(response.text[:500_000], str(response.url), ignored)
