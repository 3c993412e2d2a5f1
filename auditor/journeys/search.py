"""The search journey's moves, on the engine's terms: act, verify that the page moved, try the next candidate.

Opening the box: every control that could reveal a hidden search field is a candidate (a labelled button, a
magnifier icon, a link to a search page), tried in rank order until a usable field shows. Submitting: Enter
first, as customers do; when Enter changed nothing, the search form's own button. Each step records the
candidates tried and what came of them, so the report shows how the journey got to the results."""

from __future__ import annotations

import contextlib
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator

from auditor.browser.guard import GuardedPage, PurchaseRefused
from auditor.journeys.locators import SEARCH_WORDS, find_search_input, wait_for
from auditor.pagejs import visible_js

REVEAL_CANDIDATES = """
(words) => {
  const re = new RegExp(words, 'i');
""" + visible_js(2) + """  document.querySelectorAll('[data-cxaudit-reveal]').forEach(e => e.removeAttribute('data-cxaudit-reveal'));
  const out = [];
  for (const el of document.querySelectorAll('button, a, [role=button], summary, label, details > summary')) {
    if (!visible(el) || out.length >= 8) continue;
    const svg = el.querySelector('svg');
    const named = [el.getAttribute('aria-label'), el.getAttribute('title'), el.innerText].join(' ');
    const structure = [el.id, String(el.className || ''), el.getAttribute('data-action') || '',
                       el.getAttribute('aria-controls') || '', el.getAttribute('href') || ''].join(' ');
    const icon = svg ? [svg.getAttribute('class') || '', svg.getAttribute('aria-label') || '',
                        (svg.querySelector('title') || {}).textContent || '',
                        (svg.querySelector('use') || {getAttribute: () => ''}).getAttribute('href') || ''].join(' ') : '';
    let score = 0; const why = [];
    if (re.test(named)) { score += 4; why.push('named as search'); }
    if (re.test(structure)) { score += 3; why.push('built as a search toggle'); }
    if (/magnif|loupe|lupe|search/i.test(icon)) { score += 2; why.push('a magnifier icon'); }
    if (el.closest('header, [role=banner], nav')) { score += 1; why.push('in the header'); }
    const href = el.getAttribute('href') || '';
    if (el.tagName === 'A' && href && !href.startsWith('#') && !/search|suche|zoek|recherche|busca|cerca|szukaj|sok/i.test(href)) continue;
    // a link to results already asked for (a results page's facets and sort links) runs a search, it opens no field
    if (el.tagName === 'A' && /[?&](q|s|query|search|keywords?|term|text|searchterm|search_query)=[^&]/i.test(href)) continue;
    if (score < 2) continue;
    el.setAttribute('data-cxaudit-reveal', String(out.length));
    out.push({i: out.length, score, why: why.join(', '),
              label: (el.getAttribute('aria-label') || el.innerText || el.getAttribute('title') || 'search icon').trim().slice(0, 60)});
  }
  return out.sort((a, b) => b.score - a.score || a.i - b.i);
}
"""

SUBMIT_BUTTON = """
([el, words]) => {
  const re = new RegExp(words, 'i');
  document.querySelectorAll('[data-cxaudit=search-submit]').forEach(e => e.removeAttribute('data-cxaudit'));
  const name = b => [b.getAttribute('aria-label'), b.getAttribute('title'), b.innerText, b.value, b.id,
                     String(b.className || '')].join(' ');
  // the field's own form first, then the nearest container that holds a button named or built for search
  let button = el.form ? el.form.querySelector('button[type=submit], input[type=submit], button:not([type])') : null;
  for (let box = el.parentElement; !button && box && box !== document.body; box = box.parentElement) {
    button = [...box.querySelectorAll('button, input[type=submit], [role=button]')].find(b => re.test(name(b))) || null;
  }
  if (!button) return null;
  button.setAttribute('data-cxaudit', 'search-submit');
  return (button.getAttribute('aria-label') || button.innerText || button.value || 'search button').trim().slice(0, 60);
}
"""

# The control that shows the collapsed menu holding a hidden search field, found by structure: for each hidden
# ancestor of the field, a shown control that names it (aria-controls, Bootstrap's data-target / data-bs-target,
# which may be a class selector as in Bootstrap 3's ".navbar-collapse", an href="#id"), or the <summary> of a
# closed <details>. On phones Oscar, Mezzanine and most Bootstrap themes fold the header (search included) into
# such a menu; a customer taps the menu button, then searches.
MENU_HOLDING_FIELD = r"""
() => {
  const field = document.querySelector('[data-cxaudit=search-input]');
  document.querySelectorAll('[data-cxaudit-menu]').forEach(e => e.removeAttribute('data-cxaudit-menu'));
  if (!field) return [];
""" + visible_js(2, style=False) + r"""  const toggles = [...document.querySelectorAll('[aria-controls], [data-target], [data-bs-target], [data-toggle-target], a[href^="#"], summary')]
    .filter(visible);
  // what a toggle opens: its data-target when it has one (that is what the script acts on; Oscar's account menu button
  // carries a copied aria-controls naming the main menu), else aria-controls or its href
  const names = (t, box) => {
    if (t.tagName === 'SUMMARY') return t.parentElement === box;
    const targets = [t.getAttribute('data-target'), t.getAttribute('data-bs-target'), t.getAttribute('data-toggle-target')].filter(Boolean);
    if (!targets.length && box.id && (t.getAttribute('aria-controls') || '').split(/\s+/).includes(box.id)) return true;
    if (!targets.length && t.tagName === 'A') targets.push(t.getAttribute('href'));
    for (const sel of targets) {
      if (!sel || sel === '#') continue;
      try { if (box.matches(sel)) return true; } catch (e) {}
    }
    return false;
  };
  const out = [];
  for (let box = field.parentElement; box && box !== document.body && !visible(box); box = box.parentElement) {
    for (const t of toggles) {
      if (out.length >= 3 || box.contains(t) || t.hasAttribute('data-cxaudit-menu') || !names(t, box)) continue;
      t.setAttribute('data-cxaudit-menu', String(out.length));
      out.push((t.getAttribute('aria-label') || t.innerText || t.getAttribute('title') || 'menu').trim()
        .replace(/\s+/g, ' ').slice(0, 60));
    }
  }
  return out;
}
"""

MAIN_TEXT = "() => ((document.querySelector('main,[role=main]') || document.body).innerText || '').slice(0, 4000)"


def reveal_record(c: dict[str, Any], result: str, note: str) -> dict[str, str]:
    return {"label": str(c["label"]), "kind": "button", "why": f"{c['why']}; {note}" if note else str(c["why"]),
            "result": result}


async def _press(gp: GuardedPage, locator: Locator, action: str, record: bool) -> tuple[bool, str | None]:
    """Clicks a control that may show the field: a recorded step, or silently when a later query reopens search.
    Whether it was clicked, and why not when it failed (a control that reads as buying is skipped silently)."""
    try:
        if record:
            await gp.click(locator, action)
        else:
            await gp.assert_not_purchase(locator)
            await locator.click(timeout=gp.timeout_ms)
    except PurchaseRefused:
        return False, None
    except PlaywrightError as exc:
        return False, str(exc).splitlines()[0][:120]
    return True, None


async def _field_shown(gp: GuardedPage, limit_s: float) -> dict[str, Any] | None:
    return await wait_for(lambda: find_search_input(gp.page), lambda f: bool(f and f["visible"]), limit_s=limit_s)


async def open_search(gp: GuardedPage, record: bool) -> tuple[dict[str, Any] | None, str | None]:
    """The visible search field, revealing it when needed; returns it and the label of the control that opened it."""
    found = await find_search_input(gp.page)
    if found and found["visible"]:
        return found, None
    candidates: list[dict[str, Any]] = await gp.page.evaluate(REVEAL_CANDIDATES, SEARCH_WORDS)
    for c in candidates[:4]:
        locator = gp.page.locator(f'[data-cxaudit-reveal="{c["i"]}"]').first
        clicked, error = await _press(gp, locator, f"Click “{c['label']}” to open search", record)
        if not clicked:
            if record and error:
                gp.annotate([reveal_record(c, "failed", error)])
            continue
        found = await _field_shown(gp, 1.5)
        if found and found["visible"]:
            if record:
                gp.annotate([reveal_record(c, "chosen", "a search field appeared")])
            return found, c["label"]
        if record:
            gp.annotate([reveal_record(c, "no_change", "no search field appeared")])
        with contextlib.suppress(PlaywrightError):
            await gp.page.keyboard.press("Escape")  # close whatever the wrong control opened
    return await _open_menu_holding_field(gp, record, found)


async def _open_menu_holding_field(gp: GuardedPage, record: bool,
                                   found: dict[str, Any] | None) -> tuple[dict[str, Any] | None, str | None]:
    """The last way in: the field is there, folded into a collapsed menu (a phone's header); its menu button opens it."""
    if found is None:
        found = await find_search_input(gp.page)
    if found is None or found["visible"]:
        return found, None
    labels: list[str] = await gp.page.evaluate(MENU_HOLDING_FIELD)
    why = "the menu that holds the hidden search field"
    for i, label in enumerate(labels):
        menu = {"label": label, "why": why}
        clicked, error = await _press(gp, gp.page.locator(f'[data-cxaudit-menu="{i}"]').first,
                                      f"Open the menu (“{label}”) to reach search", record)
        if not clicked:
            if record and error:
                gp.annotate([reveal_record(menu, "failed", error)])
            continue
        shown = await _field_shown(gp, 2.0)
        if shown and shown["visible"]:
            if record:
                gp.annotate([reveal_record(menu, "chosen", "")])
            return shown, label
        if record:
            gp.annotate([reveal_record(menu, "no_change", "")])
        found = shown or found
    return found, None


async def submit_query(gp: GuardedPage, box: Locator, action: str, enter_works: bool | None = None) -> tuple[int, bool]:
    """Enter, then (when the page did not move) the search form's own button, as a customer would. Returns the
    answer's time in ms and whether Enter worked, so later queries go straight to what worked."""
    url_before, text_before = gp.url, await gp.page.evaluate(MAIN_TEXT)
    enter = {"label": "Enter", "kind": "key", "why": "how customers submit a search"}
    if enter_works is not False:
        step = await gp.press_enter(box, action)
        if gp.url != url_before or await gp.page.evaluate(MAIN_TEXT) != text_before:
            gp.annotate([{**enter, "result": "chosen"}])
            return step.ms, True
        gp.annotate([{**enter, "result": "no_change"}])
    label = None
    with contextlib.suppress(PlaywrightError):
        label = await box.evaluate("(el, words) => (" + SUBMIT_BUTTON + ")([el, words])", SEARCH_WORDS)
    if not label:
        if enter_works is False:  # no button after all: Enter once more, so the query is at least recorded
            step = await gp.press_enter(box, action)
        return step.ms, False
    step = await gp.click(gp.page.locator("[data-cxaudit=search-submit]").first,
                          action if enter_works is False else f"{action}: click “{label}”")
    moved = gp.url != url_before or await gp.page.evaluate(MAIN_TEXT) != text_before
    gp.annotate([{"label": label, "kind": "button", "why": "the search form's own button" + (
        "; Enter had changed nothing" if enter_works is False else ""), "result": "chosen" if moved else "no_change"}])
    return step.ms, False
