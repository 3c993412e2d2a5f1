"""Shared Playwright heuristics: find what a customer would look for (the search box, the control that reveals
it, suggestion panels) across platforms, by role, type, names and labels in several languages rather than by
any one shop's markup. The chosen element is tagged with a data attribute so later steps address exactly it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from playwright.async_api import Page

from auditor.pagejs import visible_js
from auditor.vocabulary import js_alternation

T = TypeVar("T")

SEARCH_WORDS = (r"search|find|query|look ?up|zoek|such|recherch|buscar|busca|cerca|pesquis|sök|haku|szukaj|hledat|"
                r"keyword|what are you looking for|" + js_alternation("search"))
TAG = "data-cxaudit"

# checkVisibility(): a field inside a closed <details> (Dawn's search modal) keeps a layout box in Chromium but
# cannot be typed into; only checkVisibility() says so
FIND_SEARCH_INPUT = """
(words) => {
  const re = new RegExp(words, 'i');
""" + visible_js(2, opacity=True) + """  const nameHint = /^(q|s|query|search|keywords?|k|term|searchterm|search_query|text|w|qs|st)$/i;
  let best = null, bestScore = 0;
  for (const el of document.querySelectorAll('input, [role=searchbox], [role=combobox], textarea')) {
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (!['text', 'search', ''].includes(type) && el.tagName === 'INPUT') continue;
    if (el.tagName === 'TEXTAREA' && !re.test(el.getAttribute('aria-label') || '')) continue;
    let score = 0;
    if (type === 'search') score += 5;
    if (el.getAttribute('role') === 'searchbox') score += 5;
    if (el.closest('[role=search], form[role=search], search')) score += 4;
    const form = el.form;
    if (form && re.test((form.getAttribute('action') || '') + ' ' + (form.id || '') + ' ' + (form.className || ''))) score += 3;
    if (nameHint.test(el.name || '')) score += 2;
    const labels = [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('title'), el.id,
                    String(el.className || ''), el.name, el.labels && el.labels[0] ? el.labels[0].innerText : ''].join(' ');
    if (re.test(labels)) score += 4;
    if (/email|newsletter|subscribe|coupon|promo|voucher|password|postcode|zip/i.test(labels)) score -= 10;
    if (score <= 0) continue;
    if (visible(el)) score += 1;
    if (score > bestScore) { best = el; bestScore = score; }
  }
  document.querySelectorAll('[data-cxaudit=search-input]').forEach(e => e.removeAttribute('data-cxaudit'));
  if (!best) return null;
  best.setAttribute('data-cxaudit', 'search-input');
  const cs = getComputedStyle(best);
  const fontPx = parseFloat(cs.fontSize) || 16;
  const r = best.getBoundingClientRect();
  const form = best.form;
  return {visible: visible(best), width_chars: Math.round(r.width / (fontPx * 0.5)), score: bestScore,
          describe: best.tagName.toLowerCase() + (best.id ? '#' + best.id : '') + (best.name ? '[name=' + best.name + ']' : ''),
          form_action: form ? (form.getAttribute('action') || '') : null, form_method: form ? (form.getAttribute('method') || 'get').toLowerCase() : null};
}
"""

# Panels that appear or change from here on: the suggestions a search field opens are among them. Installed once the
# field is open and before typing, so what the page showed already (a menu, the opened search overlay) is left out.
WATCH_NEW_PANELS = """
() => {
  window.__cxNewPanels = new Set();
  if (window.__cxPanelWatch) window.__cxPanelWatch.disconnect();
  window.__cxPanelWatch = new MutationObserver(records => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target.nodeType === 1) window.__cxNewPanels.add(r.target);
      for (const n of r.addedNodes) if (n.nodeType === 1) window.__cxNewPanels.add(n);
    }
  });
  window.__cxPanelWatch.observe(document.body, {childList: true, subtree: true, attributes: true,
                                                attributeFilter: ['class', 'style', 'hidden', 'aria-expanded', 'open']});
}
"""

# Suggestions show: a panel named for it (role=listbox, autocomplete, suggest, typeahead, predictive: Dawn, Magento,
# Shopware, PrestaShop's jQuery UI), or, by structure, a panel that appeared next to the search field since typing
# began and offers an item (a link, a button, an option) holding what was typed: EverShop's `search__results` has
# no telling name. A "No results for ..." line is no item, so it is no suggestion.
SUGGESTIONS_VISIBLE = """
(typed) => {
""" + visible_js(2) + """  const panels = document.querySelectorAll('[role=listbox], [class*=autocomplete i], [class*=suggest i], [id*=suggest i], ' +
                                           '[class*=typeahead i], [class*=predictive i], [id*=autocomplete i], datalist');
  for (const p of panels) {
    if (p.tagName === 'DATALIST' ? p.options.length > 0 : (visible(p) && (p.innerText || '').trim().length > 1)) return true;
  }
  const box = document.querySelector('[data-cxaudit=search-input]');
  const fresh = window.__cxNewPanels;
  const want = (typed || '').trim().toLocaleLowerCase();
  if (!box || !fresh || !want) return false;
  const b = box.getBoundingClientRect();
  const ITEM = 'a[href], button, [role=option], [role=button], li, [tabindex]';
  for (const el of fresh) {
    if (!el.isConnected || el === box || el.contains(box) || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.bottom < b.top || r.top > b.bottom + 400 || r.right < b.left - 200 || r.left > b.right + 200) continue;
    const items = el.matches(ITEM) ? [el] : el.querySelectorAll(ITEM);
    for (const it of items) {
      if (visible(it) && (it.innerText || '').toLocaleLowerCase().includes(want)) return true;
    }
  }
  return false;
}
"""


async def find_search_input(page: Page) -> dict[str, Any] | None:
    result = await page.evaluate(FIND_SEARCH_INPUT, SEARCH_WORDS)
    return result if isinstance(result, dict) else None


async def suggestions_visible(page: Page, typed: str = "") -> bool:
    return bool(await page.evaluate(SUGGESTIONS_VISIBLE, typed))


async def watch_new_panels(page: Page) -> None:
    await page.evaluate(WATCH_NEW_PANELS)


async def wait_for(probe: Callable[[], Awaitable[T]], ok: Callable[[T], bool], limit_s: float = 3.0) -> T:
    """Re-reads the page until `ok` holds or time runs out, for storefronts that render or enable their
    controls only after hydration. Returns the last reading either way."""
    deadline = time.perf_counter() + limit_s
    value = await probe()
    while not ok(value) and time.perf_counter() < deadline:
        await asyncio.sleep(0.15)
        value = await probe()
    return value
