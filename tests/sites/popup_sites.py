"""A marketing popup as Klaviyo's embed shows it: a script from the vendor's host that opens a full-screen
"10% off" sign-up modal over the shop as soon as a page loads, until it is closed (then not again this visit).

Its structure follows Klaviyo's popup forms: a fixed `role=dialog aria-modal=true` layer with a dimmed backdrop,
`kl-private-reset-css-*` classes, a close button named only by `aria-label="Close dialog"` around an SVG cross,
and an e-mail form whose Subscribe button posts to the vendor (counted here: it must never be pressed)."""

from __future__ import annotations

from auditor.demo.httpkit import App, Request, Response

POPUP_JS = r"""
(function () {
  if (sessionStorage.getItem('kl_closed')) return;
  function open() {
    var layer = document.createElement('div');
    layer.className = 'needsclick kl-private-reset-css-Xuajs1';
    layer.setAttribute('role', 'dialog'); layer.setAttribute('aria-modal', 'true'); layer.setAttribute('aria-label', 'POPUP Form');
    layer.style.cssText = 'position:fixed;inset:0;z-index:90000;display:flex;align-items:center;justify-content:center;background:rgba(20,20,20,.6)';
    layer.innerHTML = '<div class="needsclick kl-private-reset-css-Xuajs1" style="background:#fff;width:420px;max-width:90vw;padding:32px;position:relative;text-align:center">' +
      '<button type="button" class="needsclick klaviyo-close-form kl-private-reset-css-Xuajs1" aria-label="Close dialog" ' +
      'style="position:absolute;top:10px;right:10px;width:28px;height:28px;border:0;background:none;cursor:pointer">' +
      '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path d="M4 4l12 12M16 4L4 16" stroke="#000" stroke-width="2"/></svg></button>' +
      '<h2 style="font:700 28px sans-serif;margin:0 0 8px">Get 10% off your first order</h2>' +
      '<p style="font:16px sans-serif">Join our newsletter for new arrivals and exclusive offers.</p>' +
      '<form class="klaviyo-form" onsubmit="return false"><input type="email" name="email" placeholder="Email" aria-label="Email" style="width:80%;padding:10px">' +
      '<button type="button" class="kl-subscribe" style="display:block;margin:12px auto;padding:10px 30px">Subscribe</button></form></div>';
    document.body.appendChild(layer);
    layer.querySelector('.klaviyo-close-form').addEventListener('click', function () {
      sessionStorage.setItem('kl_closed', '1'); layer.remove(); });
    layer.querySelector('.kl-subscribe').addEventListener('click', function () {
      fetch(SUBSCRIBE, {method: 'POST', mode: 'no-cors', body: 'email'}); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', open); else open();
})();
"""


class PopupVendor:
    """The vendor's host: serves the embed script and counts sign-ups (there must be none)."""

    def __init__(self) -> None:
        self.subscriptions = 0
        self.app = App()
        self.app.add("/widget.js", self._script)
        self.app.add("/pixel.gif", lambda r: Response(b"GIF89a", content_type="image/gif"))
        self.app.route("/subscribe", methods=("POST",))(self._subscribe)
        self.base = ""

    def _script(self, r: Request) -> Response:
        return Response(POPUP_JS.replace("SUBSCRIBE", repr(self.base + "subscribe")), content_type="text/javascript")

    def _subscribe(self, r: Request) -> Response:
        self.subscriptions += 1
        return Response("", status=204)
