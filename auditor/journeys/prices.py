"""The prices a customer is shown at each state of the checkout journey: the product's price, the cart's and the
checkout summary's lines, subtotal, shipping, every other fee, the total, boxes ticked in advance that add a paid
extra, and the offers the page advertises. Read as the journey goes (one `page.evaluate` per state, no walk of its
own) for the pricing-fairness check.

Structure first: schema.org Offer and `itemprop=price` on the product page; cart lines and summary rows by the
markup the common platforms use (WooCommerce's `shop_table` rows `cart_item`, `cart-subtotal`, `shipping`, `fee`,
`order-total`; Shopware's `line-item` and `checkout-aside-summary` dl; Magento's `totals` rows; Dawn's
`cart-item` and `totals`); then any table row or dt/dd pair whose label says subtotal, shipping, a fee or the total
in one of the vocabulary's languages; then, where no platform's names are found, by structure inside a cart box (a
dialog, a drawer, an element whose class says cart, basket, summary or order): list items with a picture and an
amount are lines, a label beside an amount is a summary row (EverShop's mini-cart sheet and one-page checkout). Amounts are parsed with their currency ("1.234,56 €", "$1,234.56")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from playwright.async_api import Page

from auditor.journey import JourneyStep
from auditor.journeys.readings import StateRecorder
from auditor.vocabulary import pattern

# ---------------------------------------------------------------- amounts

CURRENCY = r"(?:€|\$|£|¥|EUR|USD|GBP|CHF|SEK|DKK|NOK|PLN|CZK|zł|kr\.?|Kč|Ft)"
NUMBER = r"\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
AMOUNT = re.compile(
    rf"(?P<neg>[-−–]\s?)?(?:(?P<c1>{CURRENCY})\s?(?P<neg2>[-−–]\s?)?(?P<n1>{NUMBER})(?:,-)?"
    rf"|(?P<n2>{NUMBER})(?:,-)?\s?(?P<c2>{CURRENCY}))(?![\w\d])", re.I)
BARE = re.compile(rf"^\s*(?P<neg>[-−–]\s?)?(?P<n>{NUMBER})\s*\*?\s*$")
SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "zł": "PLN", "kč": "CZK", "ft": "HUF", "kr": "kr", "kr.": "kr"}
FREE = re.compile(r"\b(free|gratis|kostenlos|gratuit[e]?|gratuito|gratuita|darmow[aey]|fri|bezpłatn[aey]|"
                  r"versandkostenfrei|umsonst|offert)\b", re.I)


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str  # ISO code where the symbol says it ("€" -> EUR), else as written ("kr")

    def to_json(self) -> dict[str, Any]:
        return {"amount": self.amount, "currency": self.currency}


def to_number(text: str) -> float | None:
    """'1.234,56' -> 1234.56, '1,234.56' -> 1234.56, '12,5' -> 12.5, '1 234' -> 1234.0, '1,234' -> 1234.0."""
    s = re.sub(r"[\s\u00a0\u202f']", "", text)
    if not s or not re.fullmatch(r"[\d.,]+", s):
        return None
    last = max(s.rfind("."), s.rfind(","))
    if last >= 0 and len(s) - last - 1 in (1, 2):  # the last separator is the decimal one
        whole, frac = s[:last], s[last + 1:]
        whole = whole.replace(".", "").replace(",", "")
        s = f"{whole}.{frac}"
    else:  # only thousands separators
        s = s.replace(".", "").replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def currency_code(symbol: str | None) -> str:
    if not symbol:
        return ""
    return SYMBOLS.get(symbol.strip().lower(), symbol.strip().upper())


def amounts(text: str) -> list[Money]:
    """Every amount with a currency in the text, in order."""
    out = []
    for m in AMOUNT.finditer(text or ""):
        value = to_number(m.group("n1") or m.group("n2") or "")
        if value is None:
            continue
        if m.group("neg") or m.group("neg2"):
            value = -value
        out.append(Money(round(value, 2), currency_code(m.group("c1") or m.group("c2"))))
    return out


def parse_price(text: str | None, currency: str = "") -> Money | None:
    """The first amount in the text; a bare number ('49.00', as schema.org writes it) takes `currency`."""
    if not text:
        return None
    found = amounts(text)
    if found:
        return found[0]
    m = BARE.match(text)
    if m:
        value = to_number(m.group("n"))
        if value is not None:
            return Money(round(-value if m.group("neg") else value, 2), currency_code(currency) if currency else "")
    return None


def same_amount(a: Money | None, b: Money | None, tolerance: float = 0.011) -> bool:
    """Equal within rounding, when both are known and their currencies do not disagree."""
    if a is None or b is None:
        return False
    if a.currency and b.currency and a.currency != b.currency:
        return False
    return abs(a.amount - b.amount) <= tolerance


# ---------------------------------------------------------------- what a label says

def _words(*phrases: str) -> str:
    return "|".join(phrases)


SUBTOTAL = re.compile(rf"{pattern('subtotal').pattern}|\bsub[- ]?total|zwischensumme|warenwert|artikelsumme|"
                      r"items? total|merchandise|sous-total|subtotaal|delsumma|subtotale", re.I)
TOTAL = re.compile(rf"{pattern('total').pattern}|\btotal\b|gesamt|summe|totaal|totale|totalt|i alt|razem|"
                   r"to pay|zu zahlen|à payer|te betalen", re.I)
SHIPPING = re.compile(rf"{pattern('shipping').pattern}|shipping|delivery|postage|p&p|versand|lieferung|liefer|porto|"
                      r"livraison|envío|envio|spedizione|verzend|bezorg|wysyłk|dostaw|frakt|fragt|forsendelse|levering",
                      re.I)
FEE = re.compile(r"\bfees?\b|surcharge|service charge|handling|processing|geb(ü|ue)hr|zuschlag|aufpreis|aufschlag|"
                 r"\bfrais\b|supplément|toeslag|transactiekosten|servicekosten|recargo|comisi[oó]n|supplemento|"
                 r"commissione|opłat|avgift|gebyr|nachnahme|cash on delivery|contrassegno|contre-remboursement|"
                 r"small order|mindermengen", re.I)
TAX = re.compile(r"\b(tax(es)?|vat|gst|mwst|ust|mehrwertsteuer|umsatzsteuer|tva|btw|iva|moms|podatek|vat)\b", re.I)
DISCOUNT = re.compile(r"discount|rabatt|remise|réduction|korting|descuento|sconto|rabat|coupon|gutschein|voucher|"
                      r"promo|savings|you save|sie sparen|ersparnis|bon de réduction|kortingscode|nachlass|"
                      r"offer applied|angebot", re.I)
CLASS_KIND = [
    ("subtotal", re.compile(r"sub-?_?total|cart-subtotal|totals?[-_ ]sub|\bsub\b", re.I)),
    ("discount", re.compile(r"discount|coupon|promotion|voucher|savings|cart-discount|rabatt", re.I)),
    ("tax", re.compile(r"\btax|tax-rate|\bvat\b|mwst", re.I)),
    ("fee", re.compile(r"\bfee\b|fee[-_ ]|surcharge|handling", re.I)),
    ("shipping", re.compile(r"shipping|delivery|versand", re.I)),
    ("total", re.compile(r"order-total|grand[-_]?total|total", re.I)),
]
PAYMENT_CHOICE = re.compile(rf"{pattern('payment').pattern}|payment|zahlung|paiement|betaal|pago|pagamento|płatnoś|"
                            r"betaln|betaling|paypal|klarna|invoice|rechnung|nachnahme|vorkasse|card|karte|"
                            r"cash on delivery|rembours|contrassegno|reembolso|pobrani|efterkrav", re.I)
# a radio about which address to use ("Same as shipping address") is not a delivery method
ADDRESS_CHOICE = re.compile(r"address|adresse|adres\b|dirección|indirizzo|billing|rechnung|factura|same as|identi", re.I)
# "(Inclusive of tax $0.00)" beside a total: an aside, not the amount of the row
ASIDE = re.compile(r"\([^()]*\)")
SHIPPING_CHOICE = re.compile(r"ship|deliver|versand|liefer|livraison|envío|spedizione|verzend|bezorg|frakt|"
                             r"carrier|method|porto", re.I)


def row_kind(label: str, cls: str = "") -> str:
    """subtotal | shipping | fee | tax | discount | total | other: the class names first, the label's words second."""
    for kind, rx in CLASS_KIND:
        if rx.search(cls or ""):
            return kind
    text = label.strip()
    if not text:
        return "other"
    if SUBTOTAL.search(text):
        return "subtotal"
    if DISCOUNT.search(text):
        return "discount"
    if TAX.search(text) and not SHIPPING.search(text):
        return "tax"
    if SHIPPING.search(text) and not re.search(r"(zahl|pay|paiement|betaal)\w*\s*geb(ü|ue)hr|nachnahme|fee", text, re.I):
        return "shipping"
    total = TOTAL.search(text)
    if total and total.start() == 0:
        return "total"
    if FEE.search(text):
        return "fee"
    return "total" if total else "other"


# paid extras a shop may tick for the customer; never the boxes a customer expects ticked or that cost nothing
EXTRA_WORDS = re.compile(
    r"insurance|insured|protection|protect|warranty|guarantee|donat|charity|gift ?wrap|carbon|climate|"
    r"offset|versicherung|versichert|schutz|garantie|spende|geschenkverpackung|klimaneutral|"
    r"assurance|garantie|\bdon\b|emballage cadeau|verzekering|donatie|cadeauverpakking|seguro|donaci|"
    r"envoltorio|assicurazione|donazion|confezione regalo|ubezpieczeni|darowizn|ochron|pakowanie|"
    r"försäkring|gåvoinslagning|presentinslagning|forsikring|gaveindpakning|co2", re.I)
NOT_EXTRA = re.compile(
    r"remember|stay (signed|logged)|keep me|newsletter|subscribe|terms|conditions|agb|cgv|privacy|datenschutz|"
    r"data protection|protection des données|gegevensbescherming|protección de datos|protezione dei dati|agree|"
    r"einverstanden|consent|same as|identical|billing|rechnungsadresse|create (an )?account|guest|gast|save (my|this)|"
    rf"speichern|{pattern('newsletter').pattern}|accept|akzept|widerruf|informed|marketing", re.I)


def paid_extra(label: str) -> bool:
    """A ticked box that adds a paid extra: its label carries a price or names insurance, a donation, protection or
    gift wrap; not 'remember me', the terms, the newsletter or 'billing address as shipping address'."""
    if not label or NOT_EXTRA.search(label):
        return False
    priced = any(m.amount > 0 for m in amounts(label))
    return priced or bool(EXTRA_WORDS.search(label))


# ---------------------------------------------------------------- offers

_PRICE_ANY = rf"(?:{CURRENCY}\s?\d[\d.,]*|\d[\d.,]*\s?{CURRENCY})"
FREE_SHIPPING_WORDS = (r"free (?:standard )?(?:shipping|delivery|postage)|versandkostenfrei|kostenlose[rn]? (?:versand|lieferung)|"
                       r"gratis(?:versand| versand| verzending| levering| fragt)|livraison (?:offerte|gratuite)|"
                       r"envío gratis|envío gratuito|spedizione gratuita|darmowa (?:wysyłka|dostawa)|fri frakt|"
                       r"gratis verzending|gratis levering|portofrei|frais de port offerts")
FREE_SHIPPING_OVER = re.compile(
    rf"(?P<w>{FREE_SHIPPING_WORDS})[^\n]{{0,40}}?(?:over|above|from|on orders (?:over|above|from)|ab|über|dès|à partir de|"
    rf"vanaf|boven|desde|a partir de|sopra|oltre|da|od|över|från|fra|over)\s*(?P<p>{_PRICE_ANY})"
    rf"|(?:ab|from|over|dès|vanaf|desde|da|od|från|fra)\s*(?P<p2>{_PRICE_ANY})[^\n]{{0,40}}?(?P<w2>{FREE_SHIPPING_WORDS})",
    re.I)
PERCENT_OFF = re.compile(
    r"(?:^|[\s(])[-−–]\s?(?P<a>\d{1,2})\s?%(?!\w)|(?P<b>\d{1,2})\s?%\s?(?:off|rabatt|korting|de (?:réduction|remise)|"
    r"de descuento|descuento|di sconto|sconto|zniżki|taniej|reduziert|günstiger|rabat)|(?:save|spare|spar|économisez|bespaar|"
    r"ahorra|risparmia)\s(?P<c>\d{1,2})\s?%", re.I)
QUANTITY_OFFER = re.compile(
    r"(?P<a>\d)\s?(?:for|für|pour|voor|por|per|za|för|for the price of|zum preis von)\s?(?P<b>\d)\b|"
    r"\b(?P<c>\d)\s?x\s?(?P<d>\d)\b|buy (?P<e>\d)[^\n]{0,12}get (?P<f>\d)|kaufe? (?P<g>\d)[^\n]{0,20}(?:zahle|bezahle) (?P<h>\d)|"
    r"prendi (?P<i>\d)[^\n]{0,6}paghi (?P<j>\d)|köp (?P<k>\d)[^\n]{0,12}betala (?:för )?(?P<l>\d)|"
    r"(?:second|2nd|zweite[sn]?) (?:item|artikel)?[^\n]{0,10}(?:half price|free|gratis|-50 ?%|halber preis)", re.I)
CONDITIONAL = re.compile(r"\bcode\b|gutschein|coupon|voucher|promo|member|mitglied|newsletter|first order|erste bestellung|"
                         r"app\b|students?|only in|nur für|select(ed)? items|ausgewählte|sur une sélection|"
                         r"to (germany|the uk|uk|france|the netherlands)|within|innerhalb|nach deutschland|"
                         r"\bin (de|nl|uk|at|ch|fr)\b", re.I)


def find_offers(text: str, where: str) -> list[dict[str, Any]]:
    """Offers the text advertises: free shipping over an amount, a percentage off, a quantity deal. `where` is
    'product' or 'home' (an offer on a product page is about that product)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for line in (text or "").splitlines():
        line = line.strip()
        if not line or len(line) > 240:
            continue
        for m in FREE_SHIPPING_OVER.finditer(line):
            threshold = parse_price(m.group("p") or m.group("p2"))
            if threshold is None:
                continue
            out.append({"text": line[:160], "kind": "free_shipping_over", "where": where,
                        "threshold": threshold.to_json(), "conditional": bool(CONDITIONAL.search(line))})
        for m in PERCENT_OFF.finditer(line):
            pct = int(m.group("a") or m.group("b") or m.group("c"))
            if 1 <= pct <= 90:
                out.append({"text": line[:160], "kind": "percent_off", "where": where, "percent": pct,
                            "conditional": bool(CONDITIONAL.search(line))})
                break
        for m in QUANTITY_OFFER.finditer(line):
            numbers = [int(g) for g in m.groups() if g is not None]
            if len(numbers) >= 2 and numbers[0] == numbers[1]:
                continue  # "1x1", "2 for 2": a dimension, not a deal
            take = max(numbers) if numbers else 2
            if m.group("e") and m.group("f"):  # "buy 2 get 1 free": three in the cart
                take = int(m.group("e")) + int(m.group("f"))
            if numbers and (take > 10 or min(numbers) == 0):
                continue
            out.append({"text": line[:160], "kind": "quantity", "where": where, "quantity": take,
                        "conditional": bool(CONDITIONAL.search(line))})
            break
    unique = []
    for o in out:
        key = f"{o['kind']}|{o['text']}"
        if key not in seen:
            seen.add(key)
            unique.append(o)
    return unique[:8]


# ---------------------------------------------------------------- reading the page

READ_PRICES = r"""
() => {
  const CHROME = 'header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]';
  const OLD = 'del, s, strike, [class*=old-price i], [class*=was-price i], [class*=regular-price i], [class*=compare i], ' +
              '[class*=price--regular i], [class*=list-price i], [class*=strike i], [class*=crossed i], [class*=uvp i]';
  const txt = el => (el ? (el.innerText || el.textContent || '') : '').replace(/\s+/g, ' ').trim();
  const clsOf = el => (((el.getAttribute && el.getAttribute('class')) || '') + ' ' + (el.id || '')).toLowerCase();
  const shown = el => { const r = el.getBoundingClientRect(); if (r.width > 0 && r.height > 0) return true;
                        const s = getComputedStyle(el); return s.display !== 'none' && el.getClientRects().length > 0; };
  const main = document.querySelector('main, [role=main], #main, #content') || document.body;
  const out = {h1: txt(document.querySelector('h1')).slice(0, 160), lang: document.documentElement.lang || '',
               structured: [], microdata: [], visible: [], old: [], lines: [], rows: [], radios: [], boxes: [], products: 0,
               text: ''};
  // schema.org: JSON-LD offers of the page's product
  const walk = (node, depth) => {
    if (!node || depth > 6) return;
    if (Array.isArray(node)) { node.forEach(n => walk(n, depth + 1)); return; }
    if (typeof node !== 'object') return;
    const type = [].concat(node['@type'] || []).join(' ');
    if (/\bProduct\b/.test(type)) out.products += 1;
    if (/Offer/.test(type)) {
      const spec = [].concat(node.priceSpecification || [])[0] || {};
      out.structured.push({type, price: String(node.price ?? spec.price ?? ''), low: String(node.lowPrice ?? ''),
                           high: String(node.highPrice ?? ''), currency: String(node.priceCurrency || spec.priceCurrency || '')});
    }
    for (const k of ['@graph', 'offers', 'mainEntity']) if (node[k]) walk(node[k], depth + 1);
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try { walk(JSON.parse(s.textContent), 0); } catch (e) {}
  }
  for (const el of document.querySelectorAll('[itemprop=price], meta[property="product:price:amount"], meta[property="og:price:amount"]')) {
    if (el.closest('[itemtype*=ItemList], li.product, .product-box, .card, .related, .upsells, .cross-sells')) continue;
    const cur = document.querySelector('[itemprop=priceCurrency], meta[property="product:price:currency"], meta[property="og:price:currency"]');
    out.microdata.push({price: el.getAttribute('content') || txt(el), currency: cur ? (cur.getAttribute('content') || txt(cur)) : ''});
    if (out.microdata.length >= 4) break;
  }
  // the product's visible price: the first price element of the main area, not a struck-through old price, not a card
  const OTHERS = '.related, .upsells, .cross-sells, [class*=recommend i], [class*=similar i], li.product, .product-card, ' +
                 '.card, .product-box, .product-item, [class*=carousel i], [class*=slider i], table, dl, [class*=cart-item i], ' +
                 '[class*=basket i], [class*=order-summary i], [class*=cart-summary i], [class*=checkout-aside i], [class*=totals i], ' +
                 '[class*=minicart i], [class*=mini-cart i], [class*=drawer i]';
  const priceEls = main.querySelectorAll('[itemprop=price], [class*=price i], [id*=price i], [data-price]');
  let n = 0;
  for (const el of priceEls) {
    if (n >= 40) break; n += 1;
    if (el.closest(CHROME) || el.closest(OTHERS) || el.matches(OLD) || el.closest(OLD) || !shown(el)) continue;
    const text = txt(el);
    if (!text || text.length > 120 || !/\d/.test(text)) continue;
    let own = '';
    const tw = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = tw.nextNode(); t; t = tw.nextNode()) {
      const holder = t.parentElement;
      const old = holder && holder.closest(OLD);
      if (old && el.contains(old)) { const v = (t.textContent || '').trim(); if (/\d/.test(v)) out.old.push(v.slice(0, 60)); continue; }
      own += ' ' + (t.textContent || '');
    }
    own = own.replace(/\s+/g, ' ').trim();
    if (!/\d/.test(own)) continue;
    out.visible.push({text: own.slice(0, 80), cls: clsOf(el).slice(0, 80)});
    if (out.visible.length >= 3) break;
  }
  for (const o of main.querySelectorAll(OLD)) {
    if (out.old.length >= 3) break;
    if (!o.closest(CHROME) && !o.closest(OTHERS) && /\d/.test(txt(o))) out.old.push(txt(o).slice(0, 60));
  }
  // cart and summary lines
  const LINE_TOKEN = /^(cart[-_]?item|cart_item|line[-_]?item|line[-_]?item[-_]product|basket[-_]?item|order[-_]?item|product[-_]?line|woocommerce-cart-form__cart-item|cart-drawer-item|mini-cart-item|mini_cart_item)$/i;
  const scope = document.body;
  const isLine = el => el.getAttribute && ((el.getAttribute('class') || '').split(/\s+/).some(t => LINE_TOKEN.test(t))
                                       || el.hasAttribute('data-line-item') || el.hasAttribute('data-cart-item')
                                       || (el.tagName === 'TBODY' && /\bcart\b/.test(clsOf(el)) && /\bitem\b/.test(clsOf(el))));
  const lineEls = [];
  for (const el of scope.querySelectorAll('[class], [data-line-item], [data-cart-item]')) {
    if (lineEls.length >= 30) break;
    if (!isLine(el) || el.closest(CHROME + ', [hidden]')) continue;
    if (lineEls.some(l => l.contains(el))) continue;
    if (!shown(el)) continue;
    lineEls.push(el);
  }
  // a table row with a quantity field or a product link and a price is a line too (a theme's own classes)
  for (const tr of main.querySelectorAll('tr')) {
    if (lineEls.length >= 30) break;
    if (lineEls.some(l => l.contains(tr) || tr.contains(l)) || tr.closest('thead, tfoot')) continue;
    if (tr.querySelector('input[type=number], input[name*=qty i], input[name*=quantity i], select[name*=qty i], select[name*=quantity i], a[href*=product], img')) lineEls.push(tr);
  }
  // no line markup a platform names: by structure, the list items of a cart container (a drawer, a dialog, an element
  // whose class says cart, basket, bag, summary or order, e.g. EverShop's `item__summary__list` in its mini-cart
  // sheet and its checkout summary) that show a picture or a link and an amount
  const MONEY = /(?:€|\$|£|¥|\b(?:EUR|USD|GBP|CHF|SEK|DKK|NOK|PLN|CZK|kr|Kč|Ft)\b|zł)\s?-?\d|\d(?:[\d.,\u00a0\u202f' ]*\d)?(?:,-)?\s?(?:€|£|¥|zł|\b(?:EUR|USD|GBP|CHF|SEK|DKK|NOK|PLN|CZK|kr|Kč|Ft)\b)/i;
  const CART_TOKENS = /^(cart|carts|basket|bag|minicart|summary|order|checkout|drawer|warenkorb|panier|winkelwagen|carrito|carrello|koszyk|varukorg|kurv)$/;
  const boxes = [];
  let looked = 0;
  for (const el of scope.querySelectorAll('[class], [id], [role=dialog], [aria-modal=true]')) {
    if (looked++ > 6000 || boxes.length >= 12) break;
    const tokens = ((el.getAttribute('class') || '') + ' ' + (el.id || '')).toLowerCase().split(/[\s_-]+/);
    const named = el.getAttribute('role') === 'dialog' || el.getAttribute('aria-modal') === 'true' || tokens.some(t => CART_TOKENS.test(t));
    if (!named || el.closest(CHROME) || boxes.some(b => b.contains(el)) || !shown(el)) continue;
    boxes.push(el);
  }
  const inBoxes = (sel, limit) => boxes.flatMap(b => [...(b.matches(sel) ? [b] : []), ...b.querySelectorAll(sel)].slice(0, limit));
  const QTY = 'input[type=number], input[name*=qty i], input[name*=quantity i], select[name*=qty i], select[name*=quantity i]';
  if (!lineEls.length) {
    // a quantity field's nearest box that also shows an amount and a picture or link, and no other quantity field:
    // Oscar's basket rows (`basket-items` > `div.row` of Bootstrap columns)
    for (const q of inBoxes(QTY, 60)) {
      if (lineEls.length >= 30) break;
      for (let a = q.parentElement, depth = 0; a && a !== document.body && depth < 8; a = a.parentElement, depth += 1) {
        if (a.querySelectorAll(QTY).length > 1) break;
        if (!MONEY.test(txt(a)) || !a.querySelector('img, picture, a[href]')) continue;
        if (!lineEls.some(l => l.contains(a) || a.contains(l)) && shown(a)) lineEls.push(a);
        break;
      }
    }
  }
  if (!lineEls.length) {
    for (const li of inBoxes('li', 200)) {
      if (lineEls.length >= 30) break;
      const t = txt(li);
      if (!t || t.length > 400 || !MONEY.test(t) || !li.querySelector('img, svg, picture, a[href]')) continue;
      if (lineEls.some(l => l.contains(li) || li.contains(l)) || !shown(li)) continue;
      lineEls.push(li);
    }
  }
  const first = (el, sel) => { for (const c of el.querySelectorAll(sel)) { const t = txt(c); if (t) return t; } return ''; };
  // a line's name where no class names it: its first text of a few words that is no amount and no bare number
  const plainName = el => { for (const c of el.querySelectorAll('div, span, p, h2, h3, h4, strong, a')) {
                              if (c.children.length) continue; const t = txt(c);
                              if (/\p{L}{3}/u.test(t) && !MONEY.test(t) && t.length <= 120) return t; } return ''; };
  for (const el of lineEls) {
    const q = el.querySelector('input[type=number], input[name*=qty i], input[name*=quantity i], select[name*=qty i], select[name*=quantity i], select[class*=quantity i]');
    out.lines.push({
      name: (first(el, '.product-name a, .product-name, [class*=item-name i], [class*=line-item-label i], [class*=product-title i], [class*=item-title i], [class*=name i], a[href]') || plainName(el)).slice(0, 120),
      qty: q ? String(q.value || '') : '',
      unit: first(el, '.product-price, [class*=unit-price i], [class*=unit_price i], [class*=price-per i], td.price, .col.price, [class*=item-price i], [data-title=Price i], [data-title=Preis i]').slice(0, 80),
      total: first(el, '.product-subtotal, .product-total, [class*=total-price i], [class*=line-total i], [class*=line-price i], .col.subtotal, [class*=item-total i], [class*=subtotal i]').slice(0, 80),
      text: txt(el).slice(0, 300),
    });
  }
  // summary rows: table rows, dt/dd pairs, and small elements whose class names a total, the shipping or a fee
  const taken = [];
  const valueOf = cell => { const r = cell.querySelector('input[type=radio]:checked');
                            if (r) { const l = (r.labels && r.labels[0]) || r.closest('label') || r.parentElement; return txt(l); }
                            const radios = cell.querySelectorAll('input[type=radio]');
                            if (radios.length === 1) { const l = (radios[0].labels && radios[0].labels[0]) || radios[0].parentElement; return txt(l); }
                            return txt(cell); };
  for (const tr of scope.querySelectorAll('tr')) {
    if (out.rows.length >= 40) break;
    if (tr.closest(CHROME) || lineEls.some(l => l.contains(tr) || tr.contains(l)) || !shown(tr)) continue;
    const cells = Array.from(tr.children).filter(c => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length < 2) continue;
    const value = cells.slice(1).map(valueOf).filter(Boolean).join(' ');
    if (!/\d/.test(value) && !/free|gratis|kostenlos|gratuit|offert/i.test(value)) continue;
    out.rows.push({label: txt(cells[0]).slice(0, 100), value: value.slice(0, 160), cls: clsOf(tr).slice(0, 120), src: 'tr'});
    taken.push(tr);
  }
  for (const dt of scope.querySelectorAll('dt')) {
    if (out.rows.length >= 60) break;
    let dd = dt.nextElementSibling; while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD' || dt.closest(CHROME) || !shown(dt)) continue;
    out.rows.push({label: txt(dt).slice(0, 100), value: valueOf(dd).slice(0, 160), cls: (clsOf(dt) + ' ' + clsOf(dd)).slice(0, 160), src: 'dl'});
    taken.push(dt, dd);
  }
  const KIND = /sub-?total|total|shipping|delivery|\bfee\b|fee[-_]|surcharge|discount|\btax\b|summary-(row|item)/i;
  let scanned = 0;
  const NAMED_ROW = '[class*=total i], [class*=shipping i], [class*=delivery i], [class*=fee i], [class*=surcharge i], [class*=discount i], [class*=tax i]';
  for (const el of scope.querySelectorAll(NAMED_ROW)) {
    if (out.rows.length >= 70 || scanned++ > 200) break;
    if (!KIND.test(clsOf(el)) || el.closest(CHROME) || taken.some(t => t.contains(el) || el.contains(t))) continue;
    // a box of rows (EverShop's `cart__total__summary` around its "summary-row"s), not a row: its rows are read
    if (Array.from(el.querySelectorAll(NAMED_ROW)).some(c => KIND.test(clsOf(c)) && MONEY.test(txt(c)))) continue;
    if (lineEls.some(l => l.contains(el))) continue;
    const text = txt(el);
    if (!text || text.length > 120 || !/\d|free|gratis|kostenlos/i.test(text) || !shown(el)) continue;
    let label = text;
    const prev = el.previousElementSibling;
    if (/^[^A-Za-zÀ-ÿ]*$/.test(text.replace(/EUR|USD|GBP|CHF|SEK|DKK|NOK|PLN|kr|zł/g, '')) && prev) label = txt(prev) + ' ' + text;
    out.rows.push({label: label.slice(0, 140), value: text.slice(0, 140), cls: clsOf(el).slice(0, 120), src: 'class'});
    taken.push(el);
  }
  // a label beside an amount, in a cart container, where no class or table says it is a summary row: EverShop's
  // "Subtotal:" in its mini-cart and "Sub total" on its checkout (the words then tell the row's kind)
  for (const box of inBoxes('div, section, aside, ul, dl, li, p', 400)) {
    if (out.rows.length >= 70) break;
    const kids = Array.from(box.children).filter(c => txt(c));
    if (kids.length !== 2 || lineEls.some(l => l.contains(box) || box.contains(l))) continue;
    if (taken.some(t => t.contains(box) || box.contains(t))) continue;
    const label = txt(kids[0]), value = txt(kids[1]);
    if (!/\p{L}/u.test(label) || label.length > 60 || MONEY.test(label) || !MONEY.test(value) || value.length > 80) continue;
    if (!shown(box)) continue;
    out.rows.push({label: label.slice(0, 100), value: value.slice(0, 160), cls: clsOf(box).slice(0, 120), src: 'pair'});
    taken.push(box);
  }
  // a phone's collapsed order summary: a closed disclosure in a cart box showing one amount, the grand total
  // (EverShop's "Order summary ⌄ $35.00" bar, Shopify's "Show order summary"); its rows are hidden until it opens
  if (!out.rows.some(r => /total/i.test(r.label))) {
    for (const t of inBoxes('[aria-expanded=false], details:not([open]) > summary', 20)) {
      const value = txt(t);
      if (value.length > 80 || (value.match(new RegExp(MONEY.source, 'gi')) || []).length !== 1 || !shown(t)) continue;
      out.rows.push({label: 'Total (on the collapsed order summary)', value: value.slice(0, 160), cls: '', src: 'disclosure'});
      break;
    }
  }
  // chosen options: the delivery method and the payment method ticked, with their labels (a price in them is a cost)
  for (const r of document.querySelectorAll('input[type=radio]:checked, [role=radio][aria-checked=true]')) {
    if (out.radios.length >= 8) break;
    const l = (r.labels && r.labels[0]) || r.closest('label') || r.parentElement;
    out.radios.push({name: (r.getAttribute('name') || r.id || '').slice(0, 60), label: txt(l).slice(0, 160)});
  }
  // boxes ticked before the customer touched them
  for (const b of document.querySelectorAll('input[type=checkbox], [role=checkbox]')) {
    if (out.boxes.length >= 20) break;
    const checked = b.tagName === 'INPUT' ? b.checked : b.getAttribute('aria-checked') === 'true';
    if (!checked || b.disabled || b.closest(CHROME)) continue;
    const l = (b.labels && b.labels[0]) || b.closest('label');
    let label = l ? txt(l) : (b.getAttribute('aria-label') || '');
    if (!label && b.parentElement) label = txt(b.parentElement);
    const target = l || b;
    if (!shown(target) && !(b.parentElement && shown(b.parentElement))) continue;
    out.boxes.push({name: (b.getAttribute('name') || b.id || '').slice(0, 60), label: label.slice(0, 200)});
  }
  out.text = (main.innerText || '').slice(0, 8000);
  return out;
}
"""
MAX_STATES = 16


def product_reading(raw: dict[str, Any]) -> dict[str, Any]:
    """The product page's price as the customer sees it, and as schema.org declares it."""
    structured: list[dict[str, Any]] = []
    ranged = False
    for o in raw.get("structured", []):
        price = parse_price(o.get("price"), o.get("currency", ""))
        if o.get("low") and o.get("high") and o.get("low") != o.get("high"):
            ranged = True
        if "Aggregate" in str(o.get("type", "")):
            ranged = ranged or bool(o.get("high") and o.get("high") != o.get("low"))
        if price is not None:
            structured.append(price.to_json())
    for o in raw.get("microdata", []):
        price = parse_price(o.get("price"), o.get("currency", ""))
        if price is not None:
            structured.append(price.to_json())
    visible = None
    visible_text = ""
    for v in raw.get("visible", []):
        price = parse_price(v.get("text"))
        if price is not None and price.amount > 0:
            visible, visible_text = price, v.get("text", "")
            break
    if visible is not None and not visible.currency and structured:
        visible = Money(visible.amount, structured[0]["currency"])
    old = next((p for t in raw.get("old", []) if (p := parse_price(t)) is not None), None)
    from_price = bool(re.search(r"\b(from|ab|dès|à partir de|vanaf|desde|da|od|från|fra)\b", visible_text, re.I))
    distinct = {round(p["amount"], 2) for p in structured}
    return {"name": raw.get("h1", ""), "visible": visible.to_json() if visible else None,
            "structured": structured[:4], "old_price": old.to_json() if old else None,
            "ranged": ranged or from_price or len(distinct) > 1, "products_declared": int(raw.get("products", 0))}


def line_reading(line: dict[str, Any]) -> dict[str, Any] | None:
    """A cart or summary line: its unit price (the line total divided by its quantity when no unit price is shown)."""
    qty_text = line.get("qty") or ""
    qty_match = re.search(r"(?:[×x]\s?|qty:?\s?|menge:?\s?|anzahl:?\s?)(\d{1,3})\b", line.get("text", ""), re.I)
    qty = int(qty_text) if qty_text.isdigit() else (int(qty_match.group(1)) if qty_match else None)
    unit = parse_price(line.get("unit"))
    total = parse_price(line.get("total"))
    found = [m for m in amounts(line.get("text", "")) if m.amount >= 0]
    if unit is None and total is None and not found:
        return None
    if unit is None and total is None:
        # a row with prices and no class to say which: one price is the line's; two are unit then total
        unit = found[0] if len(found) == 2 or (qty in (None, 1)) else None
        total = found[-1] if len(found) >= 2 else found[0]
    if total is not None and unit is None and qty:
        unit = Money(round(total.amount / qty, 2), total.currency)
    if unit is not None and total is None and qty:
        total = Money(round(unit.amount * qty, 2), unit.currency)
    name = line.get("name") or re.split(r"\s[€$£]|\s\d", line.get("text", ""), maxsplit=1)[0]
    return {"name": name[:120], "qty": qty, "unit": unit.to_json() if unit else None,
            "total": total.to_json() if total else None}


def summary_reading(raw: dict[str, Any]) -> dict[str, Any]:
    """The order summary: subtotal, shipping, fees, taxes, discounts and the total, each with its label."""
    out: dict[str, Any] = {"subtotal": None, "shipping": None, "shipping_label": None, "total": None,
                           "fees": [], "taxes": [], "discounts": [], "other": []}
    seen: set[tuple[str, str]] = set()
    for row in raw.get("rows", []):
        label, value, cls = row.get("label", ""), row.get("value", ""), row.get("cls", "")
        key = (label.lower()[:60], value.lower()[:60])
        if key in seen or FREE_SHIPPING_OVER.search(f"{label} {value}"):  # an offer banner, not a cost
            continue
        seen.add(key)
        kind = row_kind(label, cls)
        money = next(iter(amounts(ASIDE.sub(" ", value))), None) or next(iter(amounts(value)), None)
        if money is None and kind == "shipping" and FREE.search(value):
            money = Money(0.0, "")
        if money is None:
            continue
        entry = {"label": label[:80], **money.to_json()}
        if kind in ("subtotal", "total", "shipping"):
            if out[kind] is None:
                out[kind] = money.to_json()
                if kind == "shipping":
                    out["shipping_label"] = label[:80]
        elif kind == "fee":
            if money.amount != 0:
                out["fees"].append(entry)
        elif kind in ("tax", "discount"):
            out[kind + "es" if kind == "tax" else kind + "s"].append(entry)
        else:
            out["other"].append(entry)
    for r in raw.get("radios", []):
        label, name = r.get("label", ""), r.get("name", "")
        money = next(iter(amounts(label)), None)
        core = re.sub(r"method|_?id\b", "", name, flags=re.I)  # "paymentMethodId" -> "payment", "method" -> ""
        if PAYMENT_CHOICE.search(core) or (not core and PAYMENT_CHOICE.search(label) and not SHIPPING.search(label)):
            out.setdefault("payment_choice", {"label": label[:80], **(money.to_json() if money else {})})
        elif not PAYMENT_CHOICE.search(label) and not ADDRESS_CHOICE.search(label) and (
                SHIPPING_CHOICE.search(name) or SHIPPING.search(label)):
            choice = {"label": label[:80], **(money.to_json() if money else {})}
            if money is None and FREE.search(label):
                choice.update({"amount": 0.0, "currency": ""})
            out.setdefault("shipping_choice", choice)
    out["other"] = out["other"][:6]
    return out


def reduce_reading(raw: dict[str, Any]) -> dict[str, Any]:
    """The plain data kept for one state (what the check assesses), from the page's raw reading."""
    lines = [r for line in raw.get("lines", []) if (r := line_reading(line)) is not None]
    extras = []
    for box in raw.get("boxes", []):
        if paid_extra(box.get("label", "")):
            price = next((m for m in amounts(box.get("label", "")) if m.amount > 0), None)
            extras.append({"label": box.get("label", "")[:160], "name": box.get("name", ""),
                           "price": price.to_json() if price else None})
    return {"product": product_reading(raw), "lines": lines[:10], "summary": summary_reading(raw),
            "pre_ticked": extras, "offers": find_offers(raw.get("text", ""), "page"), "lang": raw.get("lang", "")}


class PriceRecorder(StateRecorder):
    """One price reading per checkout-journey state, for the pricing-fairness check."""

    async def __call__(self, page: Page, step: JourneyStep, journey: str) -> None:
        if journey != "checkout" or len(self.states) >= MAX_STATES:
            return  # the prices a customer pays are the checkout's; search and contact pages show none of them
        raw = await self.read(step, page.evaluate(READ_PRICES))
        if raw is not None:
            self.record(journey, step, **reduce_reading(raw if isinstance(raw, dict) else {}))
