"""Reading a checkout page as a customer sees it: visible fields, visible controls, payment signals and errors.

One browser-side read tags every visible field and control with a data attribute, so the journey can act on
exactly what it read; the Python side (`StepView`) holds only plain data and its judgements are pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from auditor.browser.purchase import is_purchase_control
from auditor.journeys.fields import classify
from auditor.pagejs import visible_js
from auditor.payment_detect import TEXT_METHODS
from auditor.vocabulary import joined

READ_STEP = """
() => {
""" + visible_js(0) + """  document.querySelectorAll('[data-cxaudit-field],[data-cxaudit-control]').forEach(e => {
    e.removeAttribute('data-cxaudit-field'); e.removeAttribute('data-cxaudit-control'); });
  const labelOf = el => {
    if (el.labels && el.labels.length) return el.labels[0].innerText.trim();
    const wrap = el.closest('label'); if (wrap) return wrap.innerText.trim();
    return el.getAttribute('aria-label') || '';
  };
  // a "required" note next to the field (Mezzanine/Cartridge's help-block, Bootstrap forms) marks it too
  const requiredNote = el => { const box = el.closest('.form-group, .control-group, .form-row, p, li') || el.parentElement;
    return !!box && Array.from(box.querySelectorAll('.help-block, .helptext, .help-text, small'))
      .some(n => /^\\s*(required|pflichtfeld|obligatoire|verplicht|obligatorio|obbligatorio)\\b/i.test(n.innerText || '')); };
  const overlaySel = '[role=dialog], [aria-modal=true], dialog, .drawer, .cart-drawer, .mini-cart, .minicart, ' +
    '.widget_shopping_cart, .offcanvas, .off-canvas, .dropdown-menu, [class*=drawer], [class*=minicart], [class*=mini-cart], ' +
    '[class*=cart-popup], [class*=cart-flyout]';
  const productInput = /^(id|product|product_id|productid|variant|variant_id|add-to-cart|add_cart|sku|item|item_id|child_id|quantity|qty)$/i;
  // the page's own header and footer: a <footer> closing a form or an article (PrestaShop's step forms) is not one
  const sectioning = 'article, section, form, aside, [role=dialog], dialog';
  const pageRegion = el => {
    const h = el.closest('header, [role=banner]');
    if (h && (h.getAttribute('role') === 'banner' || !h.parentElement || !h.parentElement.closest(sectioning))) return 'header';
    const f = el.closest('footer, [role=contentinfo]');
    if (f && (f.getAttribute('role') === 'contentinfo' || !f.parentElement || !f.parentElement.closest(sectioning))) return 'footer';
    if (el.closest('nav, [role=navigation]') && !el.closest('main form, [role=main] form')) return 'nav';  // site menus, top bars
    return 'main';
  };
  const fields = []; let i = 0;
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || (el.tagName === 'INPUT' ? 'text' : '')).toLowerCase();
    if (['hidden', 'submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
    const shown = (type === 'radio' || type === 'checkbox') ? (visible(el) || (el.labels && el.labels[0] && visible(el.labels[0]))) : visible(el);
    if (!shown || el.disabled) continue;
    if (el.closest('header,nav,footer,[role=banner],[role=navigation],[role=contentinfo],[role=search]')) continue;
    el.setAttribute('data-cxaudit-field', String(i));
    fields.push({i: i++, tag: el.tagName.toLowerCase(), type, name: el.name || '', id: el.id || '',
      autocomplete: el.getAttribute('autocomplete') || '', placeholder: el.getAttribute('placeholder') || '',
      label: labelOf(el).slice(0, 120),
      required: el.required || el.getAttribute('aria-required') === 'true' || /\\*\\s*$/.test(labelOf(el)) ||
                requiredNote(el) ||
                !!el.closest('.validate-required, .is-required, .required-field') ||
                !!(el.labels && el.labels[0] && el.labels[0].querySelector('abbr.required, .required')),
      value: el.value || '', checked: !!el.checked,
      options: el.tagName === 'SELECT' ? Array.from(el.options).map(o => ({value: o.value, text: o.text.trim(), disabled: o.disabled})) : []});
  }
  // dropdowns drawn as ARIA comboboxes (Radix / Base UI selects): a field whose value is the text it shows
  for (const el of document.querySelectorAll('button[role=combobox], div[role=combobox], span[role=combobox]')) {
    if (!visible(el) || el.getAttribute('aria-disabled') === 'true') continue;
    if (el.closest('header,nav,footer,[role=banner],[role=navigation],[role=contentinfo],[role=search]')) continue;
    const lab = document.querySelector('label[for="' + CSS.escape(el.id || '-') + '"]') ||
      (el.getAttribute('aria-labelledby') ? document.getElementById(el.getAttribute('aria-labelledby').split(' ')[0]) : null);
    const label = ((lab && lab.innerText) || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
    const shown = (el.innerText || '').trim();
    const empty = el.hasAttribute('data-placeholder') || !shown || shown === label.replace(/\\s*\\*$/, '') ||
      /^(select|choose|please|--)/i.test(shown);
    el.setAttribute('data-cxaudit-field', String(i));
    fields.push({i: i++, tag: 'combobox', type: 'combobox', name: el.getAttribute('name') || el.id || '', id: el.id || '',
      autocomplete: '', placeholder: '', label: label.slice(0, 120),
      required: el.getAttribute('aria-required') === 'true' || /\\*\\s*$/.test(label), value: empty ? '' : shown.slice(0, 80),
      checked: false, options: []});
  }
  // ARIA radios drawn without an <input> (React/Radix themes: <span role=radio aria-checked>) are fields too
  for (const el of document.querySelectorAll('[role=radio]')) {
    if (el.tagName === 'INPUT' || !visible(el) || el.getAttribute('aria-disabled') === 'true') continue;
    if (el.closest('header,nav,footer,[role=banner],[role=navigation],[role=contentinfo]')) continue;
    const group = el.closest('[role=radiogroup]') || el.parentElement;
    const named = ((group && (group.id + ' ' + (group.getAttribute('aria-label') || '') + ' ' + String(group.className || ''))) || '') +
      ' ' + (el.id || '') + ' ' + String(el.className || '');
    const labelled = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).map(id => document.getElementById(id))
      .filter(Boolean).map(n => n.innerText.trim()).join(' ');
    const host = el.closest('label');
    const text = (el.getAttribute('aria-label') || labelled || (host && host.innerText) || el.innerText ||
                  (el.parentElement && el.parentElement.innerText) || '').trim();
    el.setAttribute('data-cxaudit-field', String(i));
    fields.push({i: i++, tag: 'aria', type: 'radio', name: /pay/i.test(named + ' ' + (host ? host.id : '')) ? 'payment' : (group && group.id) || 'aria-radio',
      id: el.id || '', autocomplete: '', placeholder: '', label: text.replace(/\\s+/g, ' ').slice(0, 120), required: false,
      value: el.getAttribute('value') || el.getAttribute('data-value') || '', checked: el.getAttribute('aria-checked') === 'true', options: []});
  }
  const controls = []; let j = 0;
  for (const el of document.querySelectorAll('button, input[type=submit], input[type=button], a[href], [role=button]')) {
    if (!visible(el)) continue;
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.title || '').trim().replace(/\\s+/g, ' ');
    if (!text) continue;
    el.setAttribute('data-cxaudit-control', String(j));
    const form = el.form || el.closest('form');
    controls.push({i: j++, tag: el.tagName.toLowerCase(), text: text.slice(0, 100), href: el.getAttribute('href') || '',
      aria: el.getAttribute('aria-label') || '', id: el.id || '', name: el.getAttribute('name') || '',
      disabled: !!el.disabled || el.getAttribute('aria-disabled') === 'true', type: (el.getAttribute('type') || '').toLowerCase(),
      formaction: el.getAttribute('formaction') || (form ? (form.getAttribute('action') || '') : ''),
      cls: String(el.className || '').slice(0, 160), form_id: form ? (form.id || form.getAttribute('name') || '') : '',
      form_cls: form ? String(form.className || '').slice(0, 160) : '',
      form_product: !!form && Array.from(form.elements || []).some(x => productInput.test(x.name || '')),
      overlay: !!el.closest(overlaySel) && !el.closest('nav ul.menu, .mega-menu'),
      pressed: el.getAttribute('aria-pressed') || el.getAttribute('aria-checked') || '',
      badge: (() => { const m = ((el.innerText || '') + ' ' + (el.getAttribute('aria-label') || '')).match(/\\b(\\d{1,3})\\b/);
        return m ? Number(m[1]) : null; })(),
      // what names an icon-only control when its words are hidden (a phone's "(1)" beside a cart icon): its
      // icons' classes and symbols, and its parent's class (Bootstrap's <li class="dropdown cart">)
      marks: [String((el.parentElement && el.parentElement.getAttribute('class')) || ''),
              ...Array.from(el.querySelectorAll('i, svg, img, [class*=icon]')).slice(0, 3).map(x => [x.getAttribute('class'),
                x.getAttribute('alt'), (x.querySelector('use') || {getAttribute: () => ''}).getAttribute('href')].filter(Boolean).join(' '))]
             .join(' ').slice(0, 240),
      region: pageRegion(el)});
  }
  const providers = /js\\.stripe\\.com|adyen|braintree|paypal|klarna|checkout\\.com|mollie|squareup|worldpay|payments-amazon/i;
  const frames = Array.from(document.querySelectorAll('iframe')).filter(f => visible(f) && providers.test(f.src || '')).map(f => f.src.slice(0, 200));
  // what the site tells the customer: alerts and error blocks of the common platforms (Bootstrap/Django, Magento,
  // WooCommerce, Shopify, Shopware, PrestaShop), the texts invalid fields point to, and HTML5 validity messages
  const alertSel = '[role=alert], [aria-live=assertive], .error, .errors, .errorlist, .error-block, .field-error, ' +
    '.invalid-feedback, .alert-danger, .alert-error, .woocommerce-error, .message-error, .mage-error, ' +
    '.form-error, .form__message, .product-form__error-message, .help-block.error, .notification.is-danger';
  const alertTexts = Array.from(document.querySelectorAll(alertSel)).filter(visible).map(e => (e.innerText || '').trim());
  for (const el of document.querySelectorAll('[aria-invalid=true]')) {
    for (const id of ((el.getAttribute('aria-describedby') || '') + ' ' + (el.getAttribute('aria-errormessage') || '')).split(/\\s+/)) {
      const target = id && document.getElementById(id); if (target && visible(target)) alertTexts.push((target.innerText || '').trim());
    }
  }
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (['radio', 'checkbox'].includes((el.type || '').toLowerCase())) continue;  // their value is not what was typed
    if (el.value && el.willValidate && !el.checkValidity() && visible(el)) alertTexts.push(el.validationMessage);
  }
  const alerts = Array.from(new Set(alertTexts.filter(Boolean).map(t => t.replace(/\\s+/g, ' ').slice(0, 300)))).slice(0, 10);
  const headings = Array.from(document.querySelectorAll('h1, h2, legend')).filter(visible).map(h => h.innerText.trim()).slice(0, 12);
  // a one-page checkout's own numbered steps ("1 Contact information" … "3 Payment"), open or not yet
  // (headings, or the short title blocks of card-style checkouts: "1" and "Contact Information" side by side)
  const numbered = /^\\d{1,2}\\s*[.):]?\\s+[^\\d\\s]/;
  const sections = Array.from(new Set(Array.from(document.querySelectorAll('h1, h2, h3, h4, legend, div, span, li, p'))
    .filter(h => { const t = (h.innerText || '').trim(); return t.length > 2 && t.length < 50 && !h.closest('header, footer, nav'); })
    .map(h => (h.innerText || '').trim().replace(/\\s+/g, ' ')).filter(t => numbered.test(t) && !/[$€£]/.test(t)))).slice(0, 12);
  const main = document.querySelector('main,[role=main]') || document.body;
  return {url: location.href, title: document.title, fields, controls, frames, alerts, headings, sections,
          text: (main.innerText || '').slice(0, 6000), https: location.protocol === 'https:'};
}
"""

# Hand-written fragments keep the short forms and structure words real themes use ("Add", "proceed to");
# `joined` adds every wording of the same thing from nine languages' real platform catalogues
# (auditor/vocabulary/SOURCES.md). Words only rank candidates; structure decides first.
ADD_TO_CART_WORDS = joined(
    r"add (it )?to (cart|bag|basket|trolley)|^\s*add\s*$|in den warenkorb|ajouter au panier|in (de )?winkelwagen|"
    r"añadir al carrito|aggiungi al carrello|adicionar ao carrinho|lägg i varukorgen", "add_to_cart")
CHECKOUT_WORDS = joined(r"check ?out|proceed to|go to checkout|zur kasse|kasse|commander|passer la commande|"
                        r"afrekenen|tramitar|finalizar compra|continue to checkout|secure checkout", "checkout")
CART_WORDS = joined(r"\b(cart|basket|bag|trolley|warenkorb|panier|winkelwagen|carrito|carrello)\b", "cart", "view_cart")
CONTINUE_WORDS = joined(r"continue|next|proceed|save and continue|weiter|suivant|continuer|volgende|doorgaan|"
                        r"siguiente|continuar|avanti|review order|to (delivery|shipping|payment)", "continue")
GUEST_WORDS = joined(r"guest|without (an )?account|no account|als gast|invité|sin cuenta|ohne (kunden)?konto|"
                     r"come ospite|zonder account", "guest")
SIGN_IN_WORDS = joined(r"sign ?in|log ?in|anmelden|einloggen|connexion|se connecter|inloggen|iniciar sesión|accedi",
                       "sign_in")
REGISTER_WORDS = joined(r"create (an )?account|register|registrieren|konto erstellen|créer un compte|"
                        r"account aanmaken|crear cuenta|registrati", "create_account")
EMAIL_CONFIRM = re.compile(r"(confirm|verify|activate)[^.]{0,60}(e-?mail|address)|e-?mail[^.]{0,60}(link|confirm|verif)", re.I)
PAYMENT_STEP_WORDS = joined(r"payment|zahlung|paiement|betaling|betaalmethode|pago|pagamento", "payment")
PLACE_KINDS = frozenset({"street", "city", "postcode"})  # a form that asks for these asks for the address


def named_as_cart(c: dict[str, Any]) -> bool:
    """A control whose words or class say cart, or, in the header, whose icon or parent does: a phone hides the
    word and leaves "(1)" beside a cart icon (Shuup's <li class="dropdown cart"> in a Bootstrap navbar)."""
    return bool(CART_WORDS.search(f"{c.get('text', '')} {c.get('aria', '')} {c.get('cls', '')}")
                or (c["region"] in ("header", "nav") and CART_WORDS.search(c.get("marks", ""))))


@dataclass
class StepView:
    url: str
    title: str
    fields: list[dict[str, Any]]
    controls: list[dict[str, Any]]
    frames: list[str]
    alerts: list[str]
    headings: list[str]
    text: str
    https: bool
    sections: list[str] = field(default_factory=list)  # numbered step titles of a one-page checkout

    @classmethod
    def from_js(cls, data: dict[str, Any]) -> StepView:
        return cls(**{k: data[k] for k in ("url", "title", "fields", "controls", "frames", "alerts", "headings", "text", "https",
                                           "sections")})

    def numbered_payment_section(self) -> int | None:
        """The number of the one-page checkout's own payment step ("3 Payment information"), when it numbers them."""
        for title in self.sections:
            match = re.match(r"\s*(\d{1,2})", title)
            if match and PAYMENT_STEP_WORDS.search(title):
                return int(match.group(1))
        return None

    # ---- what this step is ----
    def card_fields(self) -> list[dict[str, Any]]:
        return [f for f in self.fields if classify(f) == "card"]

    def payment_labels(self) -> list[str]:
        """Labels of payment-method choices: radios whose labels name a method, and wallet buttons."""
        labels = []
        for f in self.fields:
            if f["type"] == "radio" and (_names_method(f["label"]) or re.search(r"payment|pay", f["name"], re.I)):
                labels.append(f["label"] or f["name"])
        host = urlsplit(self.url).hostname
        for c in self.controls:
            elsewhere = c["tag"] == "a" and urlsplit(c["href"]).hostname not in (None, host)  # docs, not a way to pay
            if c["region"] == "main" and not elsewhere and _names_method(c["text"]) and re.search(r"pay|paypal|klarna",
                                                                                                   c["text"], re.I):
                labels.append(c["text"])
        return list(dict.fromkeys(labels))

    def purchase_controls(self) -> list[dict[str, Any]]:
        return [c for c in self.controls if c["region"] == "main" and not c["disabled"]
                and is_purchase_control(c["text"], c["aria"], c["id"], c["name"])]

    def payment_reason(self) -> str | None:
        """Why this is the payment step (the journey stops here), or None."""
        if self.card_fields():
            return "asks for card details"
        if self.frames:
            return "shows a payment provider's form"
        if len(self.payment_labels()) >= 1 and any(PAYMENT_STEP_WORDS.search(h) for h in [*self.headings, self.title]):
            return "offers a choice of payment methods"
        if self.purchase_controls():
            return f"shows a final purchase control (“{self.purchase_controls()[0]['text'][:40]}”)"
        path = urlsplit(self.url).path
        if PAYMENT_STEP_WORDS.search(path) and any(PAYMENT_STEP_WORDS.search(h) for h in [*self.headings[:3], self.title]):
            return "is the checkout's payment step by its address and heading"
        return None

    def asks_address(self) -> bool:
        """The step has address fields to type (a radio about which address to use is not one)."""
        return any(classify(f) in PLACE_KINDS for f in self.fields if f["type"] not in ("radio", "checkbox"))

    def account_gate(self) -> dict[str, Any] | None:
        """Sign in / register / guest choices on a page that asks for no address yet."""
        if any(classify(f) in PLACE_KINDS for f in self.fields):
            return None
        main = [c for c in self.controls if c["region"] == "main" and not c["disabled"]]
        guest = next((c for c in main if GUEST_WORDS.search(c["text"])), None)
        if guest is None:  # Oscar's gateway: "I am a new customer and want to checkout as a guest" is a radio
            guest = next(({**f, "radio": True} for f in self.fields if f["type"] == "radio" and GUEST_WORDS.search(f["label"])),
                         None)
        sign_in = next((c for c in main if SIGN_IN_WORDS.search(c["text"])), None)
        register = next((c for c in main if REGISTER_WORDS.search(c["text"])), None)
        has_password = any(f["type"] == "password" for f in self.fields)
        if not (sign_in or register or has_password):
            return None
        return {"guest": guest, "sign_in": sign_in, "register": register, "password_field": has_password}

    def field_signature(self) -> frozenset[str]:
        return frozenset(field_key(f) for f in self.fields)

    def count_fields(self) -> tuple[int, int]:
        """(fields, required) as a customer counts them: a radio group is one field, buttons are none; a required
        field counts as one the customer must fill when it arrives empty (a preselected country or a radio group
        with a default asks nothing of them)."""
        seen_groups: set[str] = set()
        total = required = 0
        for f in self.fields:
            if f["type"] == "radio":
                if f["name"] in seen_groups:
                    continue
                seen_groups.add(f["name"])
                answered = any(g["checked"] for g in self.fields if g["type"] == "radio" and g["name"] == f["name"])
            elif f["type"] == "checkbox":
                answered = bool(f["checked"])
            elif f["tag"] == "select":
                chosen = next((o for o in f["options"] if o["value"] == f["value"]), None)
                answered = bool(f["value"]) and not (chosen and re.search(r"choose|select|please|bitte|choisi|kies|--",
                                                                           chosen["text"], re.I))
            else:
                answered = bool(f["value"])
            total += 1
            required += 1 if f["required"] and not answered else 0
        return total, required

    def continue_control(self) -> dict[str, Any] | None:
        """The control that moves the checkout on: the last enabled 'Continue'-like one, else the form's submit."""
        main = [c for c in self.controls if c["region"] == "main" and not c["disabled"]]
        words = [c for c in main if CONTINUE_WORDS.search(c["text"]) and not CART_WORDS.search(c["text"])]
        if words:
            return words[-1]
        submits = [c for c in main if c["type"] == "submit" or (c["tag"] == "button" and c["type"] in ("", "submit"))]
        return submits[-1] if submits else None


    def cart_count(self) -> int | None:
        """The item count the header's cart link shows, when it shows one."""
        for c in self.controls:
            if c["region"] in ("header", "nav") and c.get("badge") is not None and (
                    named_as_cart(c) or re.search(r"/(cart|basket|bag)\b", c["href"])):
                return int(c["badge"])
        return None


def field_key(f: dict[str, Any]) -> str:
    return f"{f['tag']}:{f['name'] or f['id']}"


def _names_method(text: str) -> bool:
    if re.search(r"credit|debit|card|kaart|karte|carte|tarjeta", text or "", re.I):
        return True
    return any(p.search(text or "") for p in TEXT_METHODS.values())


@dataclass
class StepRecord:
    n: int
    url: str
    kind: str  # page | section
    title: str
    fields: int
    required: int
    labels_missing: int
    coupon_field: bool
    newsletter_preticked: bool
    errors: list[str] = field(default_factory=list)
