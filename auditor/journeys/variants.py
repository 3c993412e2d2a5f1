"""Choosing a product's options in whatever widget the theme draws: a select, radios (often visually hidden
behind swatch labels), an ARIA radio group, a listbox dropdown, or a row of plain buttons marked with
aria-pressed or data-option attributes. Nothing preselected is left unset, disabled and sold-out values are
skipped, and each choice is re-planned after the last (a colour can reveal its sizes)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.browser.purchase import is_purchase_control
from auditor.pagejs import visible_js

PLAN_OPTIONS = r"""
([anchorSel, reaffirm]) => {
""" + visible_js(0) + r"""  const soldOut = t => /sold ?out|out of stock|unavailable|ausverkauft|épuisé|uitverkocht|agotado|esaurito|niet beschikbaar/i.test(t || '');
  const placeholder = /^\s*$|choose|select|pick|wähle|auswählen|choisir|sélectionner|kies|selecteer|elige|selecciona|scegli|seleziona|^-+|^\.\.\./i;
  document.querySelectorAll('[data-cxaudit-opt]').forEach(e => e.removeAttribute('data-cxaudit-opt'));
  const anchor = anchorSel ? document.querySelector(anchorSel) : null;
  let scope = anchor ? (anchor.closest('form') || anchor.parentElement) : (document.querySelector('main,[role=main]') || document.body);
  const count = s => s.querySelectorAll('select, input[type=radio], [role=radio], [aria-pressed], [data-option-value], [data-value]').length;
  for (let k = 0; k < 4 && anchor && scope && scope.parentElement && count(scope) === 0; k++) scope = scope.parentElement;
  if (!scope) return [];
  const outside = el => !!el.closest('header, footer, nav, [role=dialog], [aria-modal=true], .drawer, [class*=minicart], [class*=mini-cart]');
  const groupLabel = el => {
    const fs = el.closest('fieldset'); const legend = fs && fs.querySelector('legend');
    if (legend) return legend.innerText.trim();
    if (el.labels && el.labels.length && el.tagName === 'SELECT') return el.labels[0].innerText.trim();
    const aria = el.getAttribute('aria-label') || (el.closest('[aria-label]') && el.closest('[aria-label]').getAttribute('aria-label'));
    if (aria) return aria;
    let prev = el.parentElement && el.parentElement.previousElementSibling;
    return prev ? (prev.innerText || '').trim().slice(0, 40) : '';
  };
  const plans = []; let n = 0;
  const tag = el => { el.setAttribute('data-cxaudit-opt', String(n)); return n++; };
  // selects
  for (const sel of scope.querySelectorAll('select')) {
    if (outside(sel) || sel.disabled || /qty|quantity|menge|quantit/i.test(sel.name + ' ' + sel.id)) continue;
    const current = sel.options[sel.selectedIndex];
    if (current && current.value && !placeholder.test(current.text)) continue;
    const pick = Array.from(sel.options).find(o => o.value && !o.disabled && !placeholder.test(o.text) && !soldOut(o.text));
    if (!pick) continue;
    const usable = visible(sel) || !!sel.closest('form');
    if (!usable) continue;
    plans.push({widget: 'select', label: groupLabel(sel), value: pick.text.trim(), option: pick.value, i: tag(sel), hidden: !visible(sel)});
  }
  // radio groups (the input may be 1x1 px behind a swatch label)
  const groups = new Map();
  for (const r of scope.querySelectorAll('input[type=radio]')) {
    if (outside(r) || !r.name) continue;
    if (!groups.has(r.name)) groups.set(r.name, []);
    groups.get(r.name).push(r);
  }
  for (const [name, radios] of groups) {
    if (radios.some(r => r.checked)) continue;
    if (/payment|shipping|delivery/i.test(name)) continue;
    const label = r => (r.labels && r.labels[0]) || r.closest('label');
    const pick = radios.find(r => !r.disabled && !soldOut((label(r) || {}).innerText || r.value) && !/disabled|sold|unavailable/i.test(String((label(r) || r).className)));
    if (!pick) continue;
    const lab = label(pick);
    const target = visible(pick) ? pick : (lab && visible(lab) ? lab : pick);
    plans.push({widget: 'radio', label: groupLabel(pick), value: ((lab && lab.innerText) || pick.value || '').trim().slice(0, 40), i: tag(target)});
  }
  // ARIA radio groups
  for (const g of scope.querySelectorAll('[role=radiogroup]')) {
    if (outside(g)) continue;
    const items = Array.from(g.querySelectorAll('[role=radio]'));
    if (!items.length || items.some(x => x.getAttribute('aria-checked') === 'true')) continue;
    const pick = items.find(x => x.getAttribute('aria-disabled') !== 'true' && visible(x) && !soldOut(x.innerText + ' ' + (x.getAttribute('aria-label') || '')));
    if (pick) plans.push({widget: 'aria-radiogroup', label: g.getAttribute('aria-label') || groupLabel(g), value: (pick.innerText || pick.getAttribute('aria-label') || '').trim().slice(0, 40), i: tag(pick)});
  }
  // rows of plain buttons: siblings carrying aria-pressed or data-option attributes, or a list of short type=button
  // buttons inside the product form (EverShop, many React themes) under a label such as "Color"
  const seen = new Set();
  const isSelected = x => x.getAttribute('aria-pressed') === 'true' || x.getAttribute('aria-checked') === 'true' ||
    x.getAttribute('aria-current') === 'true' || /\b(selected|active|is-selected|is-active|current|checked)\b/.test(String(x.className)) ||
    (x.parentElement && x.parentElement.tagName === 'LI' && /\b(selected|active|is-selected|current)\b/.test(String(x.parentElement.className)));
  const rowSeeds = Array.from(scope.querySelectorAll('button[aria-pressed], [role=button][aria-pressed], button[data-option-value], button[data-value], [data-option-value], li[data-value], a[data-value]'));
  for (const list of scope.querySelectorAll('ul, ol, [role=group]')) {
    const buttons = Array.from(list.querySelectorAll(':scope > li > button[type=button], :scope > button[type=button]')).filter(visible);
    if (buttons.length >= 2 && buttons.every(x => (x.innerText || '').trim().length <= 24)) rowSeeds.push(buttons[0]);
  }
  for (const b of rowSeeds) {
    const row = b.parentElement && b.parentElement.closest('ul, ol, div, fieldset');
    if (!row || seen.has(row) || outside(b)) continue;
    seen.add(row);
    const items = Array.from(row.querySelectorAll('button, [role=button], [data-option-value], li[data-value], a[data-value]')).filter(visible);
    if (items.length < 2) continue;
    const current = items.find(isSelected);
    if (current && reaffirm) {  // the shown variant is not always the chosen one: a customer clicks it to be sure
      plans.push({widget: 'buttons', label: groupLabel(row.firstElementChild || current), value: (current.innerText || '').trim().slice(0, 40), i: tag(current)});
      continue;
    }
    if (current) continue;
    const pick = items.find(x => !x.disabled && x.getAttribute('aria-disabled') !== 'true' && !/disabled|sold|unavailable|out-of-stock/i.test(String(x.className)) && !soldOut(x.innerText + ' ' + (x.getAttribute('aria-label') || '') + ' ' + (x.getAttribute('title') || '')));
    if (pick) plans.push({widget: 'buttons', label: groupLabel(row.firstElementChild || pick), value: (pick.innerText || pick.getAttribute('aria-label') || pick.getAttribute('data-option-value') || pick.getAttribute('data-value') || '').trim().slice(0, 40), i: tag(pick)});
  }
  return plans;
}
"""


@dataclass(frozen=True)
class OptionChoice:
    widget: str
    label: str
    value: str


async def choose_options(page: Page, anchor_selector: str | None, rounds: int = 4,
                         reaffirm: bool = False) -> list[OptionChoice]:
    """Chooses every unset option near the buy control, re-planning after each choice; returns what it chose.
    With `reaffirm`, options that only look chosen (the variant a page shows) are clicked too."""
    chosen: list[OptionChoice] = []
    tried: set[tuple[str, str]] = set()
    for _ in range(rounds):
        try:
            plans: list[dict[str, Any]] = await page.evaluate(PLAN_OPTIONS, [anchor_selector, reaffirm])
        except PlaywrightError:
            return chosen
        fresh = [p for p in plans if (p["label"], p["value"]) not in tried]
        if not fresh:
            break
        for plan in fresh[:1]:  # one at a time: a choice can change the others
            tried.add((plan["label"], plan["value"]))
            if is_purchase_control(plan["value"], plan["label"]):
                continue  # never an option that reads as "buy now" / "pay"
            target = page.locator(f'[data-cxaudit-opt="{plan["i"]}"]')
            with contextlib.suppress(PlaywrightError):
                if plan["widget"] == "select":
                    await target.select_option(plan["option"], timeout=5000, force=bool(plan.get("hidden")))
                else:
                    await target.click(timeout=5000, force=True)
                chosen.append(OptionChoice(plan["widget"], plan["label"], plan["value"]))
                await page.wait_for_timeout(150)
                with contextlib.suppress(PlaywrightError):  # a choice may load the variant's own page
                    await page.wait_for_load_state("load", timeout=5000)
    return chosen + await _choose_listboxes(page)


async def _choose_listboxes(page: Page) -> list[OptionChoice]:
    """Custom dropdowns (role=combobox / aria-haspopup=listbox) that still ask to choose: open, take the first option."""
    chosen = []
    combos = page.locator("main [role=combobox][aria-expanded=false], main [aria-haspopup=listbox]")
    with contextlib.suppress(PlaywrightError):
        for k in range(min(await combos.count(), 3)):
            combo = combos.nth(k)
            text = (await combo.inner_text()).strip()
            if not text or not _asks_to_choose(text):
                continue
            await combo.click(timeout=5000)
            option = page.locator("[role=option]:not([aria-disabled=true]):visible").first  # the open list only
            if await option.count():
                label = (await option.inner_text()).strip()
                await option.click(timeout=5000)
                chosen.append(OptionChoice("listbox", text, label))
    return chosen


def _asks_to_choose(text: str) -> bool:
    import re

    return bool(re.search(r"select|choose|wähle|choisir|kies|elige|scegli|size|colou?r|größe|taille|maat|farbe|couleur|kleur",
                          text, re.I))
