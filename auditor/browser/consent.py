"""Cookie and consent banners: find them, judge whether they hide the page, close them the privacy-friendly way.

A customer's first screen on many shops is a consent banner, and a cookie wall can hide the very control a
journey needs. The auditor closes a banner with its reject or necessary-only button where one exists, with
its close control otherwise, and accepts only when nothing else closes it. It never clicks anything else in
a banner (no "settings", no newsletter sign-up), and every dismissal is recorded."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.browser.purchase import is_purchase_control
from auditor.pagejs import overlay_js

# Known consent platforms first (OneTrust, Cookiebot, Didomi, Quantcast, Usercentrics, TrustArc, CookieYes,
# Complianz, Klaro, Osano, Sourcepoint, Borlabs, Shopify's own banner), then generic names.
FIND_BANNER = r"""
() => {
  const KNOWN = ['#onetrust-banner-sdk', '#CybotCookiebotDialog', '#didomi-notice', '.qc-cmp2-container', '#usercentrics-root',
    '#truste-consent-track', '.cky-consent-container', '#cmplz-cookiebanner-container', '.cmplz-cookiebanner', '.klaro .cookie-notice',
    '.osano-cm-dialog', '#sp_message_container', '#BorlabsCookieBox', '#shopify-pc__banner', '#cookie-law-info-bar', '.cc-window', '#cmpbox'];
  const GENERIC = '[id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i], [id*="gdpr" i], [class*="gdpr" i], ' +
    '[aria-label*="cookie" i], [aria-label*="consent" i], [role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog[open]';
  const WORDS = /cookie|consent|gdpr|datenschutz|tracking technolog/i;
""" + overlay_js() + r"""  let found = null;
  for (const sel of KNOWN) { const el = document.querySelector(sel); if (el && visible(el)) { found = el; break; } }
  if (!found) {
    const cands = Array.from(document.querySelectorAll(GENERIC)).filter(el => visible(el) && layered(el)
      && WORDS.test((el.innerText || '').slice(0, 3000)) && el.querySelector('button, a, [role=button], input[type=button], input[type=submit]'));
    // the outermost candidate: the banner itself, not one of its inner blocks
    found = cands.find(el => !cands.some(o => o !== el && o.contains(el))) || null;
  }
  if (!found) return null;
  const vw = innerWidth, vh = innerHeight;
  const r = found.getBoundingClientRect();
  const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0)), h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
  let coverage = (w * h) / (vw * vh);
  // a backdrop behind a modal banner covers the page as much as the banner does
  const centre = document.elementFromPoint(vw / 2, vh / 2);
  const backdrop = centre && !found.contains(centre) && layered(centre) && (() => { const c = centre.getBoundingClientRect();
    return c.width >= vw * 0.9 && c.height >= vh * 0.9; })();
  if (backdrop) coverage = 1;
  // the page's main actions: the search box, add-to-cart, the primary navigation
  const main = Array.from(document.querySelectorAll('input[type=search], input[name=q], input[name=s], header a, nav a, button, [role=button]'))
    .filter(el => !found.contains(el) && visible(el)).filter(el => { const t = (el.innerText || el.value || el.getAttribute('aria-label') || '').toLowerCase();
      return el.tagName === 'INPUT' || el.closest('header, nav') || /add to (cart|bag|basket)|buy|search|checkout/.test(t); }).slice(0, 40);
  let covered = 0, checked = 0;
  for (const el of main) {
    const b = el.getBoundingClientRect(); const x = b.left + b.width / 2, y = b.top + b.height / 2;
    if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
    checked++;
    const hit = document.elementFromPoint(x, y);
    if (hit && !el.contains(hit) && !hit.contains(el) && (found.contains(hit) || layered(hit))) covered++;
  }
  found.setAttribute('data-cxaudit-consent', '1');
  const buttons = Array.from(found.querySelectorAll('button, a, [role=button], input[type=button], input[type=submit]'))
    .filter(visible).slice(0, 30).map((el, i) => { el.setAttribute('data-cxaudit-consent-button', String(i));
      return {index: i, text: (el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 80),
              aria: el.getAttribute('aria-label') || '', title: el.getAttribute('title') || '', tag: el.tagName.toLowerCase(),
              href: el.tagName === 'A' ? (el.getAttribute('href') || '') : ''}; });
  return {selector: found.id ? '#' + found.id : found.tagName.toLowerCase() + (found.className && typeof found.className === 'string' ? '.' + found.className.trim().split(/\s+/)[0] : ''),
          text: (found.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 300), coverage: Math.round(coverage * 100) / 100,
          main_actions_checked: checked, main_actions_covered: covered, buttons};
}
"""

REJECT = re.compile(
    r"\b(reject|decline|deny|refuse|disagree|opt[- ]?out)\b|\bonly (the )?(strictly )?(necessary|essential|required|functional)\b|"
    r"\b(necessary|essential|required|functional)( cookies)? only\b|\buse (only )?(necessary|essential)\b|continue without|"
    r"ablehnen|nur (notwendige|erforderliche|essenzielle|technisch)|weigeren|alleen (noodzakelijke|functionele)|refuser|"
    r"rechazar|rifiuta|odrzuć|avvisa|afvis",
    re.I,
)
CLOSE = re.compile(r"^\s*(×|✕|✖|x|close|dismiss|schließen|sluiten|fermer|cerrar|chiudi)\s*$", re.I)
ACCEPT = re.compile(
    r"\b(accept|agree|allow|ok|okay|got it|i understand|understood|continue|consent)\b|akzeptieren|zustimmen|einverstanden|"
    r"accepteren|akkoord|accepter|j'accepte|aceptar|accetta|godkänn|acceptér",
    re.I,
)
# Never clicked in a banner, whatever else it says: these open settings, sign people up or navigate away.
NEVER = re.compile(r"settings|preferences|customi[sz]e|manage|options|more info|learn more|details|einstellungen|"
                   r"sign ?up|subscribe|newsletter|register|log ?in|privacy policy|datenschutzerklärung", re.I)

Kind = Literal["reject", "close", "accept"]
# A close control is the whole text ("×", "Close"); reject and accept words may sit in a longer label.
_PREFERENCE: tuple[tuple[Kind, Callable[[str, str], object]], ...] = (
    ("reject", lambda text, label: REJECT.search(label)),
    ("close", lambda text, label: CLOSE.match(text) or CLOSE.match(label)),
    ("accept", lambda text, label: ACCEPT.search(label)),
)


@dataclass(frozen=True)
class ConsentChoice:
    index: int
    text: str
    kind: Kind


def choose_consent_button(buttons: list[dict[str, Any]]) -> ConsentChoice | None:
    """Reject or necessary-only first, then a close control, and accept only when nothing else closes the banner."""
    usable = []
    for b in buttons:
        text = str(b.get("text") or "").strip()
        label = " ".join(x for x in (text, str(b.get("aria") or ""), str(b.get("title") or "")) if x).strip()
        href = str(b.get("href") or "")
        navigates = bool(href) and not href.startswith(("#", "javascript:"))
        if not label or navigates or NEVER.search(label) or is_purchase_control(label, None, None, None, None):
            continue
        usable.append((int(b.get("index", 0)), text or label, label))
    for kind, matches in _PREFERENCE:
        for index, text, label in usable:
            if matches(text, label):
                return ConsentChoice(index, text[:80], kind)
    return None


@dataclass
class ConsentRecord:
    """What the auditor saw and did about a consent banner on one page."""

    url: str
    banner: str
    text: str
    coverage: float
    main_actions_covered: int
    main_actions_checked: int
    action: Kind | None = None
    button: str | None = None
    dismissed: bool = False
    buttons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def hides_main_action(self) -> bool:
        return self.coverage >= 0.5 or (self.main_actions_covered > 0 and self.main_actions_covered >= self.main_actions_checked / 2)

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "banner": self.banner, "text": self.text, "coverage": self.coverage,
                "main_actions_covered": self.main_actions_covered, "main_actions_checked": self.main_actions_checked,
                "hides_main_action": self.hides_main_action, "action": self.action, "button": self.button,
                "dismissed": self.dismissed}


async def find_banner(page: Page) -> ConsentRecord | None:
    try:
        info = await page.evaluate(FIND_BANNER)
    except PlaywrightError:
        return None
    if not info:
        return None
    record = ConsentRecord(page.url, str(info["selector"])[:120], str(info["text"]), float(info["coverage"]),
                           int(info["main_actions_covered"]), int(info["main_actions_checked"]), buttons=list(info["buttons"]))
    return record


async def dismiss_consent(page: Page, timeout_ms: int = 3000) -> ConsentRecord | None:
    """Finds a consent banner and closes it; returns what was seen and done, or None when there is no banner."""
    record = await find_banner(page)
    if record is None:
        return None
    choice = choose_consent_button(record.buttons)
    if choice is None:
        return record
    record.action, record.button = choice.kind, choice.text
    button = page.locator(f'[data-cxaudit-consent-button="{choice.index}"]').first
    with contextlib.suppress(PlaywrightError):
        await button.click(timeout=timeout_ms)
        banner = page.locator('[data-cxaudit-consent="1"]').first
        with contextlib.suppress(PlaywrightError):
            await banner.wait_for(state="hidden", timeout=timeout_ms)
        record.dismissed = not await banner.is_visible() if await banner.count() else True
    return record
