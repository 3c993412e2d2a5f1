"""Bot-check interstitials as the services serve them (status, the headers that matter, the page's structure),
rebuilt by hand from what Cloudflare, Akamai, DataDome, PerimeterX, Imperva, Sucuri and AWS WAF show a browser
they do not trust; and a way to put any fixture shop behind one, on some of its paths or all.

Each page is (status, headers, html), served as a real service would: the same answer whatever the browser
does, so a test can prove the auditor reports the page as not measured, never as the shop's fault."""

from __future__ import annotations

from html import escape

from auditor.demo.httpkit import App, Request, Response

Interstitial = tuple[int, dict[str, str], str]

CLOUDFLARE_CHALLENGE_HTML = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1"><style>*{box-sizing:border-box}</style></head>
<body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">shop.example</h1><h2 id="challenge-running" class="h2">Checking if the site connection is secure</h2>
<noscript><div id="challenge-error-title"><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>
<div id="challenge-body-text" class="core-msg spacer">shop.example needs to review the security of your connection before proceeding.</div>
</div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: 'shop.example',cType: 'managed',cRay: '8a1b2c3d4e5f6a7b'};
var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1b2c3d4e5f6a7b';
window._cf_chl_opt.cOgUHash = location.hash;}());</script>
<div class="footer" role="contentinfo"><div class="footer-inner"><div class="text-center">Performance &amp; security by
<a rel="noopener noreferrer" href="https://www.cloudflare.com" target="_blank">Cloudflare</a></div></div></div></body></html>"""

CLOUDFLARE_BLOCK_HTML = """<!DOCTYPE html><html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head>
<body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper"><div class="cf-wrapper cf-header cf-error-overview">
<h1 data-translate="block_headline">Sorry, you have been blocked</h1><h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> shop.example</h2>
</div><div class="cf-section cf-wrapper"><h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>
<p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks.</p></div>
<div class="cf-error-footer cf-wrapper"><p>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></p></div></div></div></body></html>"""

AKAMAI_HTML = """<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>

You don't have permission to access "http&#58;&#47;&#47;shop&#46;example&#47;product&#47;lamp" on this server.<P>
Reference&#32;&#35;18&#46;5c2d3b17&#46;1733360000&#46;1a2b3c4d
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5c2d3b17&#46;1733360000&#46;1a2b3c4d</P>
</BODY>
</HTML>"""
# Akamai's page as the browser parses it: the entities are text, the marker is the error host's name
AKAMAI_RENDERED = AKAMAI_HTML.replace("&#46;", ".").replace("&#58;", ":").replace("&#47;", "/")

DATADOME_HTML = """<html lang="en"><head><title>shop.example</title><style>#cmsg{animation: A 1.5s;}</style></head>
<body style="margin:0"><p id="cmsg">Please enable JS and disable any ad blocker</p>
<script data-cfasync="false">var dd={'rt':'c','cid':'AHrlqAAAAAMA1b2c3d4e5f6','hsh':'0C1D2E3F','t':'fe','s':45123,'e':'abc','host':'geo.captcha-delivery.com'}</script>
<script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script></body></html>"""

PERIMETERX_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Access to this page has been denied</title>
</head><body><section class="container"><div class="page-title-wrapper"><h1 class="page-title">Before we continue...</h1></div>
<p class="page-title">Press &amp; Hold to confirm you are a human (and not a bot).</p><div id="px-captcha"></div>
<p>Reference ID a1b2c3d4-e5f6-11ef-9a1b-2c3d4e5f6a7b</p></section>
<script>window._pxAppId = 'PXa1b2c3d4';window._pxJsClientSrc = '/a1b2c3d4/init.js';window._pxHostUrl = '/a1b2c3d4/xhr';</script>
<script src="/a1b2c3d4/captcha/captcha.js?a=c&m=0"></script></body></html>"""

INCAPSULA_HTML = """<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW">
<meta name="format-detection" content="telephone=no"><meta name="viewport" content="initial-scale=1.0"></head>
<body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=23&xinfo=8-12345678-0%200NNN%20RT&incident_id=1234000560012345678-123456789012345678&edet=15&cinfo=04000000&rpinfo=0&mth=GET"
frameborder=0 width="100%" height="100%" marginheight="0px" marginwidth="0px">Request unsuccessful. Incapsula incident ID: 1234000560012345678-123456789012345678</iframe></body></html>"""

SUCURI_HTML = """<!DOCTYPE html><html lang="en"><head><title>Sucuri WebSite Firewall - Access Denied</title></head>
<body><div id="main-container"><h1>Access Denied - Sucuri Website Firewall</h1>
<p>If you are the site owner (or you manage this site), please whitelist your IP or if you think this block is an error please open a support ticket.</p>
<table><tr><td>Block ID:</td><td>BNP005</td></tr><tr><td>Block reason:</td><td>Bad bot access attempt.</td></tr></table></div></body></html>"""

AWS_WAF_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title></title>
<script type="text/javascript">window.awsWafCookieDomainList = [];window.gokuProps = {"key":"AQIDAHjcYu/GjX+QlghicBg","iv":"D549xgAAAAA","context":"yV6D0mCE"};</script>
<script src="https://a1b2c3d4e5f6.edge.sdk.awswaf.com/a1b2c3d4e5f6/challenge.js"></script></head>
<body><div id="challenge-container"></div><noscript><h1>JavaScript is disabled</h1></noscript>
<script>AwsWafIntegration.saveReferrer();AwsWafIntegration.checkForceRefresh().then((forceRefresh) => {
if (forceRefresh) { AwsWafIntegration.forceRefreshToken().then(() => { window.location.reload(true); }); } });</script></body></html>"""

INTERSTITIALS: dict[str, Interstitial] = {
    "cloudflare-challenge": (403, {"cf-mitigated": "challenge", "server": "cloudflare", "cf-ray": "8a1b2c3d4e5f6a7b-FRA"},
                             CLOUDFLARE_CHALLENGE_HTML),
    "cloudflare-block": (403, {"server": "cloudflare", "cf-ray": "8a1b2c3d4e5f6a7b-FRA"}, CLOUDFLARE_BLOCK_HTML),
    "akamai": (403, {"server": "AkamaiGHost", "mime-version": "1.0"}, AKAMAI_HTML),
    "datadome": (403, {"x-datadome": "protected", "x-dd-b": "1"}, DATADOME_HTML),
    "perimeterx": (403, {}, PERIMETERX_HTML),
    "incapsula": (200, {"x-cdn": "Imperva", "x-iinfo": "8-12345678-0 0NNN RT(1733360000000 0)"}, INCAPSULA_HTML),
    "sucuri": (403, {"server": "Sucuri/Cloudproxy", "x-sucuri-id": "11005", "x-sucuri-block": "BNP005"}, SUCURI_HTML),
    "aws-waf": (202, {"x-amzn-waf-action": "challenge"}, AWS_WAF_HTML),
}


def shop_page(title: str, body: str, extra_head: str = "") -> str:
    """An ordinary shop page with the scripts bot-management services put on every page they let through."""
    nav = "".join(f'<li><a href="/category/{c}">{c.title()}</a></li>' for c in ("lamps", "chairs", "tables", "rugs", "mirrors"))
    products = "".join(f'<li><a href="/product/{p}">{p.replace("-", " ").title()}</a> £{20 + i * 7}.00</li>'
                       for i, p in enumerate(("desk-lamp", "floor-lamp", "oak-chair", "side-table", "wool-rug", "round-mirror")))
    footer = "".join(f'<a href="/pages/{p}">{p.title()}</a> ' for p in ("contact", "shipping", "returns", "faq", "about"))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>{extra_head}
<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js" defer></script>
<script src="https://js.datadome.co/tags.js" async></script>
<script src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script></head>
<body><header><a href="/">Home Living</a><nav><ul>{nav}</ul></nav>
<form action="/search" role="search"><input type="search" name="q" aria-label="Search"><button>Search</button></form>
<a href="/cart">Cart</a></header><main>{body}<ul class="products">{products}</ul>
<form action="/newsletter" method="post"><input type="email" name="email" aria-label="Email">
<div class="cf-turnstile" data-sitekey="0x4AAAAAAAA"></div><button>Subscribe</button></form></main>
<footer>{footer}<p>Call us on 020 7946 0000</p></footer></body></html>"""


def behind_bot_check(app: App, interstitial: str, paths: tuple[str, ...] | None = None) -> App:
    """Puts a service in front of `app` that answers `paths` (every path when None) with the interstitial, whoever
    asks and however often: as a service does for a browser it has decided is a robot."""
    status, headers, html = INTERSTITIALS[interstitial]

    def gate(r: Request) -> Response | None:
        if paths is None or any(r.path.startswith(p) for p in paths):
            return Response(html, status=status, headers=list(headers.items()))
        return None

    app.gatekeeper = gate
    return app


def behind_passable_challenge(app: App, pass_after_ms: int = 800) -> App:
    """Cloudflare's managed challenge as a browser it trusts meets it: "Just a moment...", then its script sets the
    clearance cookie and reloads, and the shop is served to that browser from then on."""
    status, headers, html = INTERSTITIALS["cloudflare-challenge"]
    passing = html.replace("</body>", f"""<script>setTimeout(() => {{ document.cookie = 'cf_clearance=passed; path=/';
location.reload(); }}, {pass_after_ms});</script></body>""")

    def gate(r: Request) -> Response | None:
        if r.cookies.get("cf_clearance") == "passed":
            return None
        return Response(passing, status=status, headers=list(headers.items()))

    app.gatekeeper = gate
    return app
