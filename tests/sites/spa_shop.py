"""A storefront built like a React SPA: the server sends one empty shell for every route; the client fetches
data, renders after a delay, and only enables its buttons once "hydrated". Cart in localStorage, search
rendered in place, a one-page checkout whose numbered sections open one after another, and a "Pay now"
that posts to /api/orders (which counts orders, so tests can prove none is placed)."""

from __future__ import annotations

import json
import threading

from auditor.demo.httpkit import App, Request, Response

PRODUCTS = {"aurora-lamp": ("Aurora Table Lamp", 79), "nimbus-throw": ("Nimbus Wool Throw", 59),
            "terra-vase": ("Terra Clay Vase", 35)}

SHELL = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hearth</title>
<style>body{font-family:sans-serif;margin:0}header,footer{padding:12px;background:#eee}main{padding:16px;min-height:50vh}
section[hidden]{display:none}</style></head><body><div id="root"></div><script src="/app.js"></script></body></html>"""

APP_JS = r"""
const root = document.getElementById('root');
const cart = () => JSON.parse(localStorage.getItem('cart') || '[]');
const esc = s => String(s).replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
function layout(inner) {
  return `<header><a href="/">Hearth</a> <input type="search" id="q" placeholder="Search Hearth" aria-label="Search">
    <a href="/cart" aria-label="Cart">Bag (${cart().length})</a></header><main>${inner}</main>
    <footer><a href="/help">Help</a> <span>We accept Visa, Mastercard and PayPal.</span></footer>`;
}
async function render() {
  const products = await (await fetch('/api/products')).json();
  await new Promise(r => setTimeout(r, 400));          // slow hydration
  const path = location.pathname;
  let inner = '';
  if (path === '/') {
    inner = '<h1>Hearth home goods</h1>' + products.map(p => `<div class="card"><a href="/p/${p.slug}">${esc(p.name)}</a></div>`).join('');
  } else if (path.startsWith('/p/')) {
    const p = products.find(x => x.slug === path.slice(3));
    inner = p ? `<h1>${esc(p.name)}</h1><p>€${p.price}</p><button id="add" disabled>Add to bag</button>` : '<h1>Not found</h1>';
  } else if (path === '/cart') {
    inner = '<h1>Your bag</h1>' + cart().map(s => `<p>${esc(s)}</p>`).join('') + '<p>Shipping: €4.95</p><button id="go">Checkout</button>';
  } else if (path === '/checkout') {
    inner = `<h1>Checkout</h1>
      <section id="s1"><h2>1. Contact</h2><label>Email <input id="email" type="email" required></label>
        <button class="next" data-next="s2">Continue</button></section>
      <section id="s2" hidden><h2>2. Shipping</h2><label>Full name <input id="name" required></label>
        <label>Address <input id="addr" required></label><label>City <input id="city" required></label>
        <label>Postcode <input id="zip" required></label><button class="next" data-next="s3">Continue</button></section>
      <section id="s3" hidden><h2>3. Payment</h2><label><input type="radio" name="pm" value="card" checked> Card</label>
        <label><input type="radio" name="pm" value="paypal"> PayPal</label><label>Card number <input autocomplete="cc-number"></label>
        <button id="pay">Pay now</button></section>`;
  } else if (path === '/search') {
    const q = new URLSearchParams(location.search).get('q') || '';
    const hits = products.filter(p => q && p.name.toLowerCase().includes(q.toLowerCase()));
    inner = `<h1>Results for ${esc(q)}</h1>` + (hits.length ? hits.map(p => `<a href="/p/${p.slug}">${esc(p.name)}</a>`).join(' ')
      : '<p>No results. <a href="/">Browse all products</a></p>');
  } else {
    inner = '<h1>Help</h1><p>Email help@hearth.example</p>';
  }
  root.innerHTML = layout(inner);
  const add = document.getElementById('add');
  if (add) setTimeout(() => { add.disabled = false; add.onclick = () => {
      localStorage.setItem('cart', JSON.stringify([...cart(), path.slice(3)])); history.pushState({}, '', '/cart'); render(); }; }, 300);
  const go = document.getElementById('go');
  if (go) go.onclick = () => { history.pushState({}, '', '/checkout'); render(); };
  document.querySelectorAll('.next').forEach(b => b.onclick = () => {
    const sec = b.closest('section'); if ([...sec.querySelectorAll('[required]')].some(i => !i.value)) return;
    document.getElementById(b.dataset.next).hidden = false; b.disabled = true; });
  const pay = document.getElementById('pay');
  if (pay) pay.onclick = () => fetch('/api/orders', {method: 'POST', body: JSON.stringify(cart())});
  document.getElementById('q').onkeydown = e => { if (e.key === 'Enter') { history.pushState({}, '', '/search?q=' + encodeURIComponent(e.target.value)); render(); } };
  document.querySelectorAll('a[href^="/"]').forEach(a => a.onclick = ev => { ev.preventDefault(); history.pushState({}, '', a.getAttribute('href')); render(); });
}
render();
"""


class SpaShop:
    def __init__(self) -> None:
        self.orders = 0
        self._lock = threading.Lock()
        self.app = App()
        self.app.add("/app.js", lambda r: Response(APP_JS, content_type="text/javascript"))
        self.app.add("/api/products", lambda r: Response.json(json.dumps(
            [{"slug": s, "name": n, "price": p} for s, (n, p) in PRODUCTS.items()])))
        self.app.add("/api/orders", self._order, methods=("POST",))
        self.app.add("/sitemap.xml", self._sitemap)
        self.app.add("/(|p/[a-z-]+|cart|checkout|search|help)", lambda r: Response(SHELL))

    def _order(self, r: Request) -> Response:
        with self._lock:
            self.orders += 1
        return Response.json('{"ok": true}')

    def _sitemap(self, r: Request) -> Response:
        host = r.headers["host"]
        urls = "".join(f"<url><loc>http://{host}/p/{s}</loc></url>" for s in PRODUCTS)
        return Response(f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>",
                        content_type="application/xml")
