"""HTML for the demo shop: one layout and small partials. Every dynamic value is escaped with `e`."""

from __future__ import annotations

from html import escape

STYLE = """
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;background:#fafaf7}
a{color:#1c5d99}header.site{display:flex;align-items:center;gap:24px;padding:14px 32px;background:#fff;border-bottom:1px solid #e6e3da}
.logo{font-weight:800;font-size:22px;color:#1d2330;text-decoration:none;letter-spacing:-.5px}.logo span{color:#d35400}
nav.main a{margin-right:16px;text-decoration:none;color:#1d2330}.grow{flex:1}
form.search input{width:260px;padding:8px 10px;border:1px solid #bbb;border-radius:6px}form.search button,.btn{padding:8px 14px;border:0;border-radius:6px;background:#1c5d99;color:#fff;cursor:pointer;font-size:15px;text-decoration:none;display:inline-block}
.btn.secondary{background:#e9eef3;color:#1d2330}main{max-width:1100px;margin:0 auto;padding:24px 32px;min-height:60vh}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:20px}.card{background:#fff;border:1px solid #e6e3da;border-radius:10px;padding:12px}
.card img{width:100%;height:auto;border-radius:6px;aspect-ratio:4/3}.price{font-weight:700}.hero{background:#1d2330;color:#fff;border-radius:12px;padding:40px;margin-bottom:28px}
.hero h1{margin:0 0 8px;font-size:34px}footer.site{background:#1d2330;color:#d9dde4;padding:28px 32px;display:flex;gap:48px;flex-wrap:wrap}
footer.site a{color:#d9dde4;display:block;margin:4px 0}.pay img,.pay svg{height:26px;width:auto;margin-right:8px;vertical-align:middle;background:#fff;border-radius:4px;padding:2px}
label{display:block;margin:10px 0 4px;font-weight:600}input,select,textarea{padding:8px;border:1px solid #bbb;border-radius:6px;width:100%;max-width:420px;font:inherit}
input[type=radio],input[type=checkbox]{width:auto}.steps{display:flex;gap:12px;margin-bottom:16px;color:#777}.steps .on{color:#1d2330;font-weight:700}
.error{color:#b00020}.drawer{position:fixed;right:0;top:0;bottom:0;width:340px;background:#fff;box-shadow:-4px 0 20px #0003;padding:20px;display:none}
.drawer.open{display:block}.overlay{position:fixed;inset:0;background:#000a;display:none;align-items:flex-start;justify-content:center;padding-top:80px}.overlay.open{display:flex}
.overlay form{background:#fff;padding:20px;border-radius:10px}table{border-collapse:collapse}td,th{padding:6px 12px;border-bottom:1px solid #ddd;text-align:left}
.suggest{position:absolute;background:#fff;border:1px solid #ccc;list-style:none;margin:0;padding:0;width:260px}.suggest li{padding:6px 10px}
"""


def e(value: object) -> str:
    return escape(str(value), quote=True)


def money(amount: float, currency: str = "€") -> str:
    return f"{currency}{amount:,.2f}"


def page(title: str, body: str, *, header: str, footer: str, head_extra: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{e(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{STYLE}</style>{head_extra}</head>"
        f"<body>{header}<main>{body}</main>{footer}</body></html>"
    )


def product_svg(name: str, colour: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">'
        f'<rect width="400" height="300" fill="{e(colour)}"/><circle cx="200" cy="130" r="70" fill="#ffffff55"/>'
        f'<text x="200" y="260" font-family="sans-serif" font-size="24" text-anchor="middle" fill="#fff">{e(name)}</text></svg>'
    )


PAYMENT_LOGOS: dict[str, tuple[str, str]] = {
    # id -> (label, brand colour); rendered as small SVG badges like the sprite logos real shops use
    "visa": ("Visa", "#1a1f71"),
    "mastercard": ("Mastercard", "#eb001b"),
    "amex": ("American Express", "#2e77bc"),
    "paypal": ("PayPal", "#003087"),
    "apple_pay": ("Apple Pay", "#000000"),
    "google_pay": ("Google Pay", "#4285f4"),
    "klarna": ("Klarna", "#ffb3c7"),
    "ideal": ("iDEAL", "#cc0066"),
}


def payment_badge_svg(method: str) -> str:
    label, colour = PAYMENT_LOGOS[method]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="80" height="30" viewBox="0 0 80 30">'
        f'<rect width="80" height="30" rx="4" fill="{colour}"/>'
        f'<text x="40" y="20" font-family="sans-serif" font-size="11" font-weight="700" text-anchor="middle" '
        f'fill="#fff">{e(label)}</text></svg>'
    )
