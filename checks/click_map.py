"""How many clicks from the home page a customer needs to reach each page.

Breadth-first over visible links, header, nav and footer first, as a customer scans. Pages the crawl already
loaded are reused; service-looking links the crawl did not reach (contact, help, shipping, returns) are
loaded on demand, up to a small budget, so a buried contact page is still found and counted."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

from auditor.browser.guard import open_guarded_context
from auditor.checkspec import SiteContext
from auditor.crawl.urls import looks_like_page, normalize_url
from auditor.snapshot import LoadSettings, PageSnapshot, load_page

SERVICE_HINT = re.compile(
    r"contact|help|support|service|faq|shipping|delivery|returns?|refund|kontakt|hilfe|versand|livraison|retour|"
    r"klantenservice|verzending|get in touch|still need|customer|policy|policies", re.I)
REGION_ORDER = {"header": 0, "nav": 1, "footer": 2, "main": 3}
MAX_DEPTH = 4
EXTRA_LOADS = 15
# pages loaded only to follow and read their links: no load-time metrics, so a short quiet window will do
NAVIGATION_ONLY = LoadSettings(quiet_ms=250, settle_limit_ms=2000)


@dataclass
class ClickMap:
    distance: dict[str, int] = field(default_factory=dict)  # normalised URL -> clicks from home
    pages: dict[str, PageSnapshot] = field(default_factory=dict)  # normalised URL -> snapshot
    parent: dict[str, str] = field(default_factory=dict)
    link_text: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    def path_to(self, url: str) -> list[str]:
        """The click path from home, as link texts, for the report."""
        key = normalize_url(url) or url
        out = []
        while key in self.parent:
            out.append(self.link_text.get(key, key))
            key = self.parent[key]
        return list(reversed(out))


async def build_click_map(ctx: SiteContext) -> ClickMap:
    """Built once per site and shared: checks running side by side await the same build."""
    task = ctx.cache.get("click_map")
    if task is None:
        task = asyncio.ensure_future(_build_click_map(ctx))
        ctx.cache["click_map"] = task
    return await asyncio.shield(task)  # one waiter timing out must not cancel the build for the others


async def _build_click_map(ctx: SiteContext) -> ClickMap:
    await ctx.crawled()  # the crawl's pages are the map's free knowledge: each one known is a load saved
    cmap = ClickMap()
    known = {normalize_url(s.final_url) or s.final_url: s for s in ctx.snapshots}
    for s in ctx.snapshots:
        known.setdefault(normalize_url(s.url) or s.url, s)
    home = ctx.home
    if home is None:
        return cmap
    home_key = normalize_url(home.final_url) or home.final_url
    cmap.distance[home_key] = 0
    cmap.pages[home_key] = home
    frontier = [home_key]
    loads_left = EXTRA_LOADS
    context = None
    try:
        for depth in range(1, MAX_DEPTH + 1):
            nxt: list[str] = []
            for key in frontier:
                page = cmap.pages.get(key)
                if page is None:
                    continue
                links = sorted((lk for lk in page.links if lk.visible), key=lambda lk: REGION_ORDER.get(lk.region, 9))
                for link in links:
                    target = normalize_url(link.href)
                    if not target or target in cmap.distance or not ctx.scope.contains(target) or not looks_like_page(target):
                        continue
                    cmap.distance[target] = depth
                    cmap.parent[target] = key
                    cmap.link_text[target] = link.text or target
                    snap = known.get(target)
                    if snap is None and loads_left > 0 and SERVICE_HINT.search(f"{link.text} {target}"):
                        if context is None:
                            context = await open_guarded_context(ctx.session, ctx.context_options, ctx.scope, ctx.guard_log)
                        loads_left -= 1
                        loaded = await load_page(context, target, settings=NAVIGATION_ONLY, depth=depth)
                        if isinstance(loaded, PageSnapshot):
                            snap = loaded
                            known[target] = loaded
                        else:
                            cmap.failed[target] = loaded.message
                    if snap is not None:
                        cmap.pages[target] = snap
                        nxt.append(target)
            frontier = nxt
    finally:
        if context is not None:
            await context.close()
    return cmap
