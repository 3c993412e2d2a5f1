"""Marketing popups: the newsletter or discount modal (Klaviyo, Privy, Omnisend, OptinMonster, a theme's own) that
opens over the shop a few seconds in, and the country selector an international shop opens on a first visit.

A customer closes it with its "×" or "No thanks" and goes on; so does a journey, recorded as a step. Left open, it
sits over the control the journey needs, and the journey would report that control as covered by the page's own
layout, with a fix (keep sticky headers clear) that does not apply. The popup is closed only by its close
control (or Escape), never by its sign-up button: no address is ever typed into it."""

from __future__ import annotations

import contextlib

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from auditor.pagejs import overlay_js

# Known vendors' containers first, then any modal-looking layer that asks for an e-mail address or offers a discount.
# The close control is tagged so Python clicks exactly it.
FIND_POPUP = r"""
() => {
  const KNOWN = '[class*="kl-private-reset-css"][role=dialog], .klaviyo-form-modal, #privy-container .privy-popup-container, ' +
    '.omnisend-form, [id^="om-"][class*="om-holder"], .om-popup, #justuno_form, .wisepops-popup, [class*="newsletter-popup" i], ' +
    '[class*="popup-newsletter" i], [id*="newsletter-popup" i], [class*="newsletter-modal" i], [class*="email-popup" i]';
  const MODAL = '[role=dialog], [aria-modal=true], dialog[open], [class*="popup" i], [class*="modal" i], [id*="popup" i]';
  const MARKETING = /newsletter|subscribe|sign[ -]?up|% ?off|discount|coupon|exclusive|join (us|our)|first order|abonn|inscri|anmelden|rabatt|gutschein|descuento|suscr|iscriviti|sconto|nieuwsbrief|korting|aanmelden|nyhetsbrev|rabat/i;
  const LOCATION = /(choose|select|pick) your (country|region|location|store|shipping destination)|you('re| are) (visiting|shopping|browsing) (from|in|our)|are you (in|shopping from)|looks like you('re| are) in|land (wählen|auswählen)|wähle dein land|choisissez votre pays|sélectionnez votre pays|elige tu país|selecciona tu país|scegli il tuo paese|kies je land|välj land/i;
  const NOT_MARKETING = /cookie|consent|gdpr|datenschutz|cart|basket|warenkorb|panier|winkelwagen|carrito|carrello|password|passwort|mot de passe|wachtwoord|contraseña/i;
  const CLOSE = /^(close|close dialog|close form|close popup|dismiss|×|✕|x|no,? thanks|no thank you|not now|maybe later|skip|stay( here| on this (site|store))?|hier bleiben|rester ici|quedarme aquí|resta qui|schließen|nein,? danke|fermer|non merci|cerrar|no,? gracias|chiudi|no,? grazie|sluiten|nee,? bedankt|stäng|luk|zamknij)$/i;
""" + overlay_js() + r"""  const vw = innerWidth, vh = innerHeight;
  const big = el => { const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0)), h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    return w * h >= 0.08 * vw * vh; };
  const known = Array.from(document.querySelectorAll(KNOWN)).filter(visible);
  const generic = Array.from(document.querySelectorAll(MODAL)).filter(el => visible(el) && layered(el) && big(el));
  const cands = [...known, ...generic].filter(el => {
    const text = (el.innerText || '').slice(0, 2000);
    return (MARKETING.test(text) || LOCATION.test(text) || el.querySelector('input[type=email]')) && !NOT_MARKETING.test(text) &&
      !el.querySelector('input[type=password]') && !el.closest('header, nav, footer');
  });
  const popup = cands.find(el => !cands.some(o => o !== el && o.contains(el))) || null;
  if (!popup) return null;
  let close = null;
  for (const el of popup.querySelectorAll('button, a, [role=button], [aria-label], [class*="close" i]')) {
    if (!visible(el) || el.closest('form') && (el.type === 'submit' || el.tagName === 'INPUT')) continue;
    const name = (el.getAttribute('aria-label') || el.getAttribute('title') || el.innerText || el.value || '').trim().replace(/\s+/g, ' ');
    if (CLOSE.test(name) || (!name && /close|dismiss/i.test(String(el.getAttribute('class') || '')))) { close = {el, name: name || 'the close button'}; break; }
  }
  document.querySelectorAll('[data-cxaudit-close]').forEach(e => e.removeAttribute('data-cxaudit-close'));
  if (close) close.el.setAttribute('data-cxaudit-close', '1');
  const vendor = /kl-private|klaviyo/.test(popup.className + ' ' + popup.innerHTML.slice(0, 3000)) ? 'Klaviyo'
    : /privy/i.test(popup.id + popup.className) ? 'Privy' : /omnisend/i.test(popup.className) ? 'Omnisend'
    : /om-holder|om-popup/.test(popup.className) ? 'OptinMonster' : null;
  const kind = LOCATION.test((popup.innerText || '').slice(0, 2000)) && !MARKETING.test((popup.innerText || '').slice(0, 2000))
    ? 'country selector' : 'newsletter popup';
  return {close: close ? close.name.slice(0, 40) : null, vendor, kind,
          text: (popup.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 80)};
}
"""


async def close_marketing_popup(page: Page) -> str | None:
    """Closes a newsletter or discount popup open over the page, as a customer does; returns what was done (for the
    journey's step), or None when no such popup is open or it would not close."""
    try:
        found = await page.evaluate(FIND_POPUP)
    except PlaywrightError:
        return None
    if not found:
        return None
    what = f"a {found['vendor'] + ' ' if found['vendor'] else ''}{found['kind']} (“{found['text'][:50]}”)"
    if found["close"]:
        try:
            await page.locator("[data-cxaudit-close]").first.click(timeout=2000)
            return f"Closed {what}: clicked “{found['close']}”"
        except PlaywrightError:
            pass
    with contextlib.suppress(PlaywrightError):
        await page.keyboard.press("Escape")
        await page.wait_for_timeout(300)
        if not await page.evaluate(FIND_POPUP):
            return f"Closed {what}: pressed Escape"
    return None
