"""A shop that shows its payment options only through provider scripts (no logos, no text)."""

from __future__ import annotations

from auditor.demo.httpkit import App, Response

FAKE_SDK = "window.paypal = {Buttons: function () { return {render: function () {}}; }};"


def provider_scripts_site() -> App:
    app = App()
    scripts = ("<script src='/vendor/www.paypal.com/sdk/js?client-id=test'></script>"
               "<script src='/vendor/js.klarna.com/web-sdk/v1/klarna.js'></script>")
    app.add("/", lambda r: Response(f"<!doctype html><html lang='en'><head><title>Shop</title>{scripts}</head><body>"
                                    "<main><h1>Shop</h1><a href='/product/lamp'>Lamp</a></main><footer><div class='trustpilot-widget'>Trustpilot</div></footer></body></html>"))
    app.add("/product/lamp", lambda r: Response("<!doctype html><html><head><title>Lamp</title></head><body><main>"
                                                "<h1>Lamp</h1><p>A lamp.</p></main></body></html>"))
    app.add("/vendor/.*", lambda r: Response(FAKE_SDK, content_type="text/javascript"))
    return app
