"""Site search: can a customer find a product by typing its name, and recover from a miss?

The journey: find the search box on the home page (opening it from an icon if needed), then type queries
derived from a real product of this site (its exact name, its type word, a one-letter typo, part of the
name, nonsense) and press Enter as a customer would, timing each answer and judging the results."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from dataclasses import dataclass, field
from statistics import median
from urllib.parse import quote, urlsplit

from playwright.async_api import Error as PlaywrightError
from pydantic import BaseModel, ConfigDict

from auditor.browser.guard import GuardedPage
from auditor.checkspec import CheckSpec, NotApplicable, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Measurement,
    Severity,
    Unverified,
    inconclusive,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.journey import JourneyStep
from auditor.journeys.locators import find_search_input, suggestions_visible, wait_for, watch_new_panels
from auditor.journeys.search import open_search, submit_query
from auditor.page_parsing import soup
from auditor.page_shape import page_shape
from auditor.pagejs import visible_js
from auditor.structured import items_of_type
from checks.search_queries import (
    PlannedQuery,
    choose_product,
    count_results,
    is_relevant,
    plan_queries,
    product_name_from_page,
    zero_results_help,
)

log = logging.getLogger(__name__)

CHECK_ID = "site-search"

READ_RESULTS = r"""
([shape, known]) => {
  const re = shape ? new RegExp(shape, 'i') : null;
  const knownSet = new Set(known);
  const chrome = el => el.closest('header,nav,footer,[role=banner],[role=navigation],[role=contentinfo]');
""" + visible_js(0, style=False) + r"""  const byHref = new Map(); const others = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (chrome(a) || !visible(a)) continue;
    let url; try { url = new URL(a.href); } catch (e) { continue; }
    const text = (a.innerText || a.getAttribute('aria-label') || a.title || (a.querySelector('img[alt]') || {}).alt || '').trim();
    if (knownSet.has(url.pathname + url.search) || (re && re.test(url.pathname))) {
      const key = url.origin + url.pathname + url.search;
      if (!byHref.has(key) || byHref.get(key).length < text.length) byHref.set(key, text);
    } else { others.push(text); }
  }
  // the page's own words: its <main>, or (Oscar has none) every shown text outside header, navigation and footer,
  // so a menu's "Browse store" is not read as the results page suggesting where to browse
  const main = document.querySelector('main,[role=main]');
  let text = main ? (main.innerText || '') : '';
  if (!main) {
    const parts = []; let size = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t && size < 8000; t = walker.nextNode()) {
      const holder = t.parentElement;
      if (!holder || chrome(holder) || holder.closest('script,style,noscript,template')) continue;
      if (holder.checkVisibility && !holder.checkVisibility()) continue;
      const words = t.textContent.replace(/\s+/g, ' ').trim();
      if (words) { parts.push(words); size += words.length + 1; }
    }
    text = parts.join(' ');
  }
  return {results: Array.from(byHref, ([href, text]) => ({href, text})), others: others.slice(0, 200),
          text: text.slice(0, 8000)};
}
"""


class SearchThresholds(BaseModel):
    """Width from Nielsen & Loranger (27 characters fit ~90% of queries); speed from Nielsen's 1 s flow limit,
    with room for a server round trip."""

    model_config = ConfigDict(extra="forbid")
    min_width_chars: int = 27
    max_time_ms: int = 2000


@dataclass(frozen=True)
class QueryResult:
    query: str
    kind: str
    intended: str
    results_count: int | None
    relevant_results: int | None
    time_ms: int | None
    zero_results_help: bool | None
    results_url: str | None
    top_results: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class SearchEvidence:
    search_input_found: bool
    search_input_selector: str | None
    visible_without_click: bool
    reveal_control: str | None
    input_width_chars: int | None
    via: str | None  # input | url_template | None
    search_url_template: str | None
    opensearch: bool
    product_used: str | None
    queries: list[QueryResult]
    autocomplete: bool | None
    pages_with_search: int = 0
    pages_checked: int = 0
    product_source_url: str | None = None  # the verified product detail page the queries were taken from
    journey_steps: list[JourneyStep] = field(default_factory=list)


FINDINGS: dict[str, FindingTemplate] = {
    "no-search": FindingTemplate(
        Severity.HIGH, "The site has no search",
        CxImpact("In Baymard's large-scale testing about half of shoppers used search as their preferred way to "
                 "find products; without it they must guess where a product sits in the navigation.",
                 Dimension.USABILITY, ("baymard-search-query-types-2026",)),
        "Add a search box to the header of every page, with a results page that lists matching products."),
    "search-hidden": FindingTemplate(
        Severity.MEDIUM, "Search is hidden behind an icon",
        CxImpact("NN/g recommends a visible open text field: a magnifying-glass icon alone is harder to find, and "
                 "Baymard found the search field's prominence affects whether users choose to search at all.",
                 Dimension.USABILITY, ("nngroup-magnifying-glass-2014", "baymard-search-field-2014")),
        "Show an open search field in the header (at least on desktop) instead of an icon that reveals it."),
    "search-narrow": FindingTemplate(
        Severity.LOW, "The search box is too narrow for typical queries",
        CxImpact("A box of 18 characters cut off 27% of queries in Nielsen and Loranger's study, while 27 characters "
                 "fit about 90%; customers cannot review what they typed.",
                 Dimension.USABILITY, ("nielsen-loranger-search-width-2006",)),
        "Make the search field at least 27 characters wide."),
    "known-product-not-found": FindingTemplate(
        Severity.CRITICAL, "Searching for a product by its exact name does not find it",
        CxImpact("A customer who knows what they want and cannot find it by name will assume the shop does not "
                 "sell it. Baymard found 33% of sites do not fully support exact product-name searches.",
                 Dimension.SALES_PROCESS, ("baymard-search-query-types-2024",)),
        "Index product names (and SKUs) in the search engine and check that an exact name returns the product first."),
    "misspelling-not-tolerated": FindingTemplate(
        Severity.MEDIUM, "A one-letter typo returns nothing useful",
        CxImpact("Baymard's benchmark found 18% of sites return nothing useful after a one-character typo, and "
                 "users who hit that often give up on search or switch strategy.",
                 Dimension.USABILITY, ("baymard-smashing-search-2014", "baymard-autocomplete-misspellings")),
        "Turn on typo tolerance (fuzzy matching) or 'did you mean' spelling suggestions in the search engine."),
    "product-type-fails": FindingTemplate(
        Severity.HIGH, "Searching for a product type does not find the products",
        CxImpact("Customers often search by what a thing is rather than its name; Baymard found 29% of sites fail to "
                 "fully support such product-type searches.",
                 Dimension.SALES_PROCESS, ("baymard-search-query-types-2024",)),
        "Index product types and categories, and add synonyms, so 'kettle' finds every kettle."),
    "partial-name-fails": FindingTemplate(
        Severity.MEDIUM, "Part of a product's name does not find it",
        CxImpact("Customers rarely remember a full product name; Baymard found most sites fail some of the search "
                 "query types customers expect to work.",
                 Dimension.USABILITY, ("baymard-search-query-types-2026",)),
        "Match on every word of the product name (and word prefixes), not only on the full title."),
    "results-not-relevant": FindingTemplate(
        Severity.MEDIUM, "Search returns results, but not the right ones",
        CxImpact("Irrelevant results cost customers time and trust in search; 56% of benchmarked sites fail to "
                 "support users' searches adequately (Baymard, 2026).",
                 Dimension.USABILITY, ("baymard-search-query-types-2026",)),
        "Tune relevance: weight product names and types above descriptions, and test common queries."),
    "zero-results-dead-end": FindingTemplate(
        Severity.HIGH, "A search with no results is a dead end",
        CxImpact("A page that only says 'no results' leaves customers nowhere to go; practitioners report that about "
                 "half of users who hit one leave (ClickZ, practitioner observation).",
                 Dimension.SALES_PROCESS, ("clickz-no-results-2007",)),
        "On the no-results page, offer spelling suggestions, popular products, categories and a contact link."),
    "slow-results": FindingTemplate(
        Severity.MEDIUM, "Search results are slow to appear",
        CxImpact("Nielsen's response-time research puts the limit for keeping a user's flow of thought at about 1 s; "
                 "waits beyond that make searching feel like work.",
                 Dimension.SPEED, ("nielsen-response-times-1993",)),
        "Cache frequent queries, use a search service built for it, and render results without a full reload."),
    "no-autocomplete": FindingTemplate(
        Severity.LOW, "No suggestions while typing",
        CxImpact("Baymard found autocomplete on 80% of sites; suggestions help customers spell product names and "
                 "discover the shop's words for things.",
                 Dimension.USABILITY, ("baymard-autocomplete-2021",)),
        "Offer query and product suggestions after two or three typed letters."),
}

FINDINGS = mark_likely(FINDINGS, "no-search", "results-not-relevant", "no-autocomplete")  # inferred from absence


def search_template(html: str, url: str) -> tuple[str | None, bool]:
    """A schema.org SearchAction URL template, and whether an OpenSearch description is linked."""
    template = None
    for item in items_of_type(html, url, "SearchAction"):
        target = item.get("target")
        if isinstance(target, dict):
            target = target.get("urlTemplate")
        if isinstance(target, list):
            target = next((t for t in target if isinstance(t, str)), None)
        if isinstance(target, str) and "{" in target:
            template = target
            break
    opensearch = bool(re.search(r'<link[^>]+rel=["\']search["\'][^>]+opensearchdescription', html, re.I))
    return template, opensearch


SEARCH_FIELD_HTML = re.compile(
    r"<input[^>]+(type=[\"']?search|name=[\"']?(q|s|query|search|keywords?|term)[\"' >]|placeholder=[\"'][^\"']*"
    r"(search|find|zoek|such|recherch|buscar))|role=[\"']?search", re.I)


def has_search_box(html: str) -> bool:
    """Whether a page carries a search field (or a search landmark), for 'on which pages search appears'."""
    return bool(SEARCH_FIELD_HTML.search(html))


def path_and_query(url: str) -> str:
    """How the browser spells a product's address (`/p/1`, `/?product=12`), to recognise it among results."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def first_h1(html: str) -> str | None:
    h1 = soup(html).find("h1")
    return h1.get_text(" ", strip=True) if h1 else None


def fill_template(template: str, query: str) -> str:
    return re.sub(r"\{[^}]+\}", quote(query), template, count=1)


def product_shape(product_urls: list[str]) -> str:
    """A path regex for product pages learned from the crawl (e.g. ^/product/), so results are recognised."""
    prefixes = set()
    for url in product_urls:
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if len(segments) >= 2:
            prefixes.add(re.escape(segments[0]))
    return f"^/({'|'.join(sorted(prefixes))})/" if prefixes else ""


async def _run_query(gp: GuardedPage, home: str, plan: PlannedQuery, via: str, template: str | None,
                     shape: str, known: list[str], state: dict[str, bool | None]) -> QueryResult:
    action = f"Search for “{plan.query}” ({plan.kind.replace('_', ' ')})"
    if via == "url_template" and template:
        await gp.goto(fill_template(template, plan.query), action)
        ms = gp.steps[-1].ms
    else:
        # search again from the results page when it has a box (or an icon for one), as customers do
        found, _ = await open_search(gp, record=False)
        if not found or not found["visible"]:
            await gp.goto(home, screenshot=False, action="Back to the home page")
            gp.steps.pop()
            found, _ = await open_search(gp, record=False)
        if not found or not found["visible"]:
            return QueryResult(plan.query, plan.kind, plan.intended, None, None, None, None, None,
                               error="the search box could not be opened again")
        box = gp.page.locator("[data-cxaudit=search-input]").first
        await gp.fill(box, plan.query)
        ms, enter_works = await submit_query(gp, box, action, state.get("enter_works"))
        state["enter_works"] = enter_works
    data = await gp.page.evaluate(READ_RESULTS, [shape, known])
    results = data["results"]
    count: int | None = count_results(data["text"], results)
    relevant: int | None = sum(1 for r in results if is_relevant(r["text"], plan.intended, plan.query)) if count else 0
    if not results and plan.kind != "nonsense":
        landed = await landed_on_product(gp, data["text"])
        if landed and is_relevant(landed, plan.intended, plan.query):
            # many platforms send an unambiguous search straight to the product: found, in one step
            gp.annotate([], [f"the search went straight to the product page “{landed[:80]}”"])
            return QueryResult(plan.query, plan.kind, plan.intended, 1, 1, ms, None, gp.page.url, [landed[:80]])
    if count == 0 and plan.kind != "nonsense" and any(plan.intended.lower() in r["text"].lower() for r in results):
        count, relevant = None, None  # "no results" next to a link to the very product: the page was misread
    help_ = zero_results_help(data["text"], len(results), data["others"]) if count == 0 else None
    return QueryResult(plan.query, plan.kind, plan.intended, count, relevant, ms, help_, gp.page.url,
                       [r["text"][:80] for r in results[:5]])


async def landed_on_product(gp: GuardedPage, text: str) -> str | None:
    """The product's name when the search answered with a product detail page rather than a results list."""
    html = await gp.page.content()
    if page_shape(html, gp.page.url, text).kind != "product_detail":
        return None
    return product_name_from_page(html, gp.page.url, await gp.page.title(), first_h1(html))


async def _autocomplete_beside(ctx: SiteContext, gp: GuardedPage, home: str, product: str) -> tuple[bool | None, list[JourneyStep]]:
    """Whether suggestions appear, typed in a second tab of the search journey's customer; a failure there is the
    auditor's uncertainty (None), never a finding."""
    tab = await ctx.new_guarded_page(f"{gp.prefix}-suggest", beside=gp)
    try:
        return await _autocomplete(tab, home, product), list(tab.steps)
    except Exception:  # the queries' evidence must survive a tab that failed
        log.debug("autocomplete tab failed", exc_info=True)
        return None, list(tab.steps)
    finally:
        with contextlib.suppress(PlaywrightError):
            await tab.page.close()


async def _autocomplete(gp: GuardedPage, home: str, product: str) -> bool | None:
    """Types the first letters of the product's first word, as customers start; when nothing is suggested, the rest
    of the word, because some platforms suggest whole words only (EverShop shows nothing for "Canv" and the
    product for "Canvas"). No suggestions after the whole word is the finding."""
    await gp.goto(home, screenshot=False, action="Open the home page")
    gp.steps.pop()
    found, _ = await open_search(gp, record=False)
    if not found or not found["visible"]:
        return None
    box = gp.page.locator("[data-cxaudit=search-input]").first
    try:  # a box another element covers (an overlapping menu on a phone) still takes the keys once focused
        await box.click(timeout=3000)
    except PlaywrightError:
        await box.focus()
    await watch_new_panels(gp.page)
    word = product.split()[0] if product.split() else product
    typed = ""
    # the prefix, then the whole word when it is longer: 1.2 s for the prefix's suggestions (a debounce and a fetch),
    # 1.5 s more for the word's, so a shop without suggestions costs the journey barely more than one wait
    steps = [(word[:4], 12), (word, 15)] if len(word) > 4 else [(word, 20)]  # (what is typed by then, 100 ms polls)
    for part, polls in steps:
        await box.press_sequentially(part[len(typed):], delay=120)
        typed = part
        for _ in range(polls):
            if await suggestions_visible(gp.page, typed):
                await gp.snap(f"Type “{typed}”: suggestions appear")
                return True
            await gp.page.wait_for_timeout(100)
    await gp.snap(f"Type “{typed}”: no suggestions")
    return False


async def gather(ctx: SiteContext) -> SearchEvidence:
    home = ctx.home
    if home is None:
        raise NotApplicable("the home page could not be loaded")
    template, opensearch = search_template(home.html, home.final_url)
    gp = await ctx.new_guarded_page("search")
    await gp.goto(home.final_url, "Open the home page")
    # a header rendered late (hydration) gets 2 s to show its field; a field already there but hidden sits behind a
    # control (an icon, a menu), and only a moment more is given for it to show by itself
    first = await wait_for(lambda: find_search_input(gp.page), lambda f: bool(f), limit_s=2.0)
    if first and not first["visible"]:
        first = await wait_for(lambda: find_search_input(gp.page), lambda f: bool(f and f["visible"]), limit_s=0.5)
    visible_now = bool(first and first["visible"])
    found, reveal = (first, None) if visible_now else await open_search(gp, record=True)
    usable = bool(found and found["visible"])
    # the product searched for is chosen from the whole crawl, so a site gives the same queries on every run
    await ctx.crawled()
    products = ctx.pages_with_role("product")
    # queries come only from verified product detail pages: a listing's title ("All products") is no product
    verified = [p for p in products if page_shape(p.html, p.final_url, p.text).kind == "product_detail"]
    named = {(product_name_from_page(p.html, p.final_url, p.title, first_h1(p.html)) or ""): p.final_url for p in verified}
    product = choose_product([n for n in named if n])
    product_source = named.get(product) if product else None
    shape = product_shape([p.final_url for p in products])
    known = [path_and_query(p.final_url) for p in products]
    via = "input" if usable else ("url_template" if template else None)
    queries: list[QueryResult] = []
    autocomplete = None
    if via:
        submit_state: dict[str, bool | None] = {}  # what submitted the first query submits the others
        plans = plan_queries(product) if product else [p for p in plan_queries("x") if p.kind == "nonsense"]
        # typing for suggestions needs only the home page: a second tab does it while the queries run
        suggest = (asyncio.ensure_future(_autocomplete_beside(ctx, gp, home.final_url, product))
                   if via == "input" and product else None)
        try:
            for plan in plans:
                try:
                    queries.append(await _run_query(gp, home.final_url, plan, via, template, shape, known, submit_state))
                except Exception as exc:  # one failing query must not lose the others
                    queries.append(QueryResult(plan.query, plan.kind, plan.intended, None, None, None, None, None,
                                               error=f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"))
        except BaseException:  # out of time: the tab goes too
            if suggest is not None:
                suggest.cancel()
            raise
        if suggest is not None:
            autocomplete, steps = await suggest
            gp.steps.extend(steps)  # reported after the queries, as a customer reads the story
    return SearchEvidence(
        search_input_found=bool(found), search_input_selector=found["describe"] if found else None,
        visible_without_click=visible_now, reveal_control=reveal,
        input_width_chars=found["width_chars"] if found and usable else None, via=via,
        search_url_template=template, opensearch=opensearch, product_used=product, product_source_url=product_source,
        queries=queries,
        autocomplete=autocomplete, pages_with_search=sum(has_search_box(p.html) for p in ctx.snapshots),
        pages_checked=len(ctx.snapshots), journey_steps=list(gp.steps),
    )


def assess(ev: SearchEvidence, t: SearchThresholds) -> CheckOutcome:
    findings: list[Finding] = []
    strengths: list[str] = []
    if ev.via is None and ev.search_input_found:
        # the field is in the page but stayed hidden whatever we tried: our failure to open it, not the shop's lack
        shot = next((s.screenshot for s in reversed(ev.journey_steps) if s.screenshot), None)
        return inconclusive("Site search", f"a search field ({ev.search_input_selector}) is in the home page but "
                            "stayed hidden: no control we tried (a search button or icon, the menu holding the field) "
                            "showed it", screenshot=shot)
    if ev.via is None:
        findings.append(make_finding(CHECK_ID, "no-search", FINDINGS,
                                     "We found no search box on the home page, no icon that opens one, and no "
                                     "search URL advertised in the page's structured data."))
        return outcome_from_findings(findings)
    if ev.via == "url_template":
        findings.append(make_finding(CHECK_ID, "search-hidden", FINDINGS,
                                     f"No search box is visible; search only works through the URL "
                                     f"{ev.search_url_template} advertised in structured data."))
    elif not ev.visible_without_click:
        findings.append(make_finding(CHECK_ID, "search-hidden", FINDINGS,
                                     f"The search field only appears after clicking “{ev.reveal_control}”."))
    else:
        strengths.append("A search field is visible on the home page.")
    if ev.input_width_chars is not None and ev.input_width_chars < t.min_width_chars:
        findings.append(make_finding(CHECK_ID, "search-narrow", FINDINGS,
                                     f"The search field fits about {ev.input_width_chars} characters.",
                                     measurement=Measurement("field width", ev.input_width_chars, "characters",
                                                             t.min_width_chars)))
    # a query's verdict needs its premise: a product name from a verified product page, and a results page
    # whose results could be counted; anything else is the auditor's uncertainty, not the site's fault
    premise = (f"“{ev.product_used}” is the name of the product on {ev.product_source_url} (a verified product page)"
               if ev.product_used and ev.product_source_url else None)
    by_kind = {q.kind: q for q in ev.queries if q.error is None and q.results_count is not None
               and (premise is not None or q.kind == "nonsense")}
    unverified = [Unverified(f"Search for “{q.query}” ({q.kind.replace('_', ' ')})",
                             q.error or "the results page could not be read as a list of results", q.results_url)
                  for q in ev.queries if q.error is not None or q.results_count is None]
    if not premise:
        unverified.append(Unverified("Searching for a known product by its name",
                                     "no verified product detail page (schema.org Product, og:type product, or one buy "
                                     "box next to a price) was found to take a product name from"))
    exact = by_kind.get("known_product")
    if exact and not exact.relevant_results:
        findings.append(make_finding(CHECK_ID, "known-product-not-found", FINDINGS,
                                     f"Searching “{exact.query}”, a product on this site, gave {exact.results_count} "
                                     "results and none of them was that product.", page_url=exact.results_url,
                                     premise=premise))
    elif exact:
        strengths.append(f"The exact name “{exact.query}” finds the product.")
    typo = by_kind.get("misspelled")
    if typo and not typo.relevant_results:
        findings.append(make_finding(CHECK_ID, "misspelling-not-tolerated", FINDINGS,
                                     f"“{typo.query}” (a typo of “{typo.intended}”) found {typo.results_count} results, "
                                     "none relevant.", page_url=typo.results_url, premise=premise))
    kind = by_kind.get("product_type")
    if kind and not kind.relevant_results:
        findings.append(make_finding(CHECK_ID, "product-type-fails", FINDINGS,
                                     f"Searching the product type “{kind.query}” found {kind.results_count} results, "
                                     f"none matching.", page_url=kind.results_url, premise=premise))
    partial = by_kind.get("partial")
    if partial and not partial.relevant_results:
        key = "results-not-relevant" if partial.results_count else "partial-name-fails"
        findings.append(make_finding(CHECK_ID, key, FINDINGS,
                                     f"Searching “{partial.query}” (part of “{partial.intended}”) found "
                                     f"{partial.results_count} results, none relevant.", page_url=partial.results_url,
                                     premise=premise))
    nonsense = by_kind.get("nonsense")
    if nonsense and nonsense.results_count == 0:
        if nonsense.zero_results_help is False:
            findings.append(make_finding(CHECK_ID, "zero-results-dead-end", FINDINGS,
                                         f"The no-results page for “{nonsense.query}” offers no suggestions, products, "
                                         "categories or contact link.", page_url=nonsense.results_url))
        elif nonsense.zero_results_help:
            strengths.append("The no-results page helps customers on with suggestions or links.")
    timed = [q for q in ev.queries if q.time_ms is not None and q.error is None]
    typical = median([q.time_ms or 0 for q in timed]) if timed else None
    # the typical search, not the slowest one: one search that met a busy moment (the audit machine's own load, a
    # cold cache) says little, a shop whose searches are slow is slow on most of them
    if typical is not None and typical > t.max_time_ms:
        worst = max(timed, key=lambda q: q.time_ms or 0)
        many = f"the middle of {len(timed)} searches took {typical / 1000:.1f} s; " if len(timed) > 1 else ""
        findings.append(make_finding(CHECK_ID, "slow-results", FINDINGS,
                                     f"Results are slow to appear: {many}“{worst.query}” took "
                                     f"{(worst.time_ms or 0) / 1000:.1f} s.", page_url=worst.results_url,
                                     measurement=Measurement("time to results (median)", round(typical), "ms",
                                                             t.max_time_ms)))
    if ev.autocomplete is False:
        findings.append(make_finding(CHECK_ID, "no-autocomplete", FINDINGS,
                                     "Typing a product name's first letters, then its whole first word, showed no suggestions."))
    elif ev.autocomplete:
        strengths.append("Suggestions appear while typing.")
    return outcome_from_findings(findings, strengths, unverified=unverified)


CHECK = CheckSpec(id=CHECK_ID, title="Site search", kind="journey", gather=gather, assess=assess,
                  thresholds=SearchThresholds, findings=FINDINGS, timeout_s=150, starts_on="home")
