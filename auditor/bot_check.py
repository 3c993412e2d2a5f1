"""Bot checks: a page a bot-management service shows instead of the shop (Cloudflare's "Just a moment...",
Akamai's "Access Denied", a DataDome or PerimeterX CAPTCHA, ...).

The service decided that the audit's browser is a robot; a customer's browser would have seen the shop. What such
a page lacks (a search box, products, a contact link) is the auditor's failure to get in, never the shop's fault,
so a page recognised here is reported as not measured, with the service's name and what to do about it.

Each service is recognised by what only its interstitial carries: a response header it sets on a challenge, or
markup of the challenge page itself. Scripts the same services put on every ordinary page (Cloudflare's
`challenge-platform/scripts/jsd`, DataDome's `tags.js`, Incapsula's `SWJIYLWA` resource, PerimeterX's sensor) are
not enough: a page with a shop's worth of links and text is the shop, whatever scripts it loads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape

# a customer waits out "Just a moment..." (Cloudflare's own figure: a few seconds); so does the audit, once
CHALLENGE_PATIENCE_S = 8.0


class Patience:
    """How long the audit of one site still waits for a challenge to let its browser through: the full patience
    until one challenge did not pass. The service has then decided, and waiting on every later page would only
    add the same seconds to each."""

    def __init__(self, seconds: float = CHALLENGE_PATIENCE_S) -> None:
        self.seconds = seconds

    def gave_up(self) -> None:
        self.seconds = 0.0


@dataclass(frozen=True)
class BotCheck:
    vendor: str  # the service, as its customers know it
    kind: str  # challenge (a script or a CAPTCHA asks the browser to prove itself) | block (access denied outright)
    marker: str  # what gave it away, for the report's reader

    def describe(self) -> str:
        what = "blocked the audit's browser" if self.kind == "block" else "asked the audit's browser to prove it is human"
        return f"{self.vendor} {what} ({self.marker})"


# (header, value pattern, vendor, kind): set only on a challenge or block answer
_HEADERS: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    ("cf-mitigated", re.compile(r"challenge", re.I), "Cloudflare", "challenge"),
    ("x-amzn-waf-action", re.compile(r"challenge|captcha", re.I), "AWS WAF", "challenge"),
    ("x-vercel-mitigated", re.compile(r"challenge|deny", re.I), "Vercel", "challenge"),
    ("x-sucuri-block", re.compile(r".+"), "Sucuri", "block"),
)
# (markup pattern, vendor, kind): found only in the interstitial pages themselves
_MARKUP: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"window\._cf_chl_opt|/cdn-cgi/challenge-platform/h/|id=[\"']?challenge-(?:form|error-text|running)"),
     "Cloudflare", "challenge"),
    (re.compile(r"class=[\"']?cf-error-details|data-translate=[\"']?block_headline"), "Cloudflare", "block"),
    (re.compile(r"errors\.edgesuite\.net|/_sec/cp_challenge/|id=[\"']?sec-if-cpt"), "Akamai", "block"),
    (re.compile(r"(?:geo|ct)\.captcha-delivery\.com"), "DataDome", "challenge"),
    (re.compile(r"id=[\"']?px-captcha|window\._pxCaptcha"), "PerimeterX (HUMAN)", "challenge"),
    (re.compile(r"Incapsula incident ID|_Incapsula_Resource\?CWUDNSAI", re.I), "Imperva Incapsula", "block"),
    (re.compile(r"Sucuri WebSite Firewall|sucuri_cloudproxy_js", re.I), "Sucuri", "challenge"),
    (re.compile(r"window\.gokuProps|AwsWafIntegration\.(?:forceRefreshToken|checkForceRefresh)"), "AWS WAF", "challenge"),
    (re.compile(r"Vercel Security Checkpoint"), "Vercel", "challenge"),
    (re.compile(r"KPSDK|x-kpsdk-", re.I), "Kasada", "challenge"),
)
# a page that is nothing but a CAPTCHA widget, whoever serves it
_CAPTCHA_WIDGET = re.compile(r"class=[\"'][^\"']*\b(?:g-recaptcha|h-captcha|cf-turnstile)\b")
# a shop's page has a header, a footer and products: an interstitial has a handful of links at most
THIN_LINKS = 15
THIN_TEXT_CHARS = 1500
_ANCHOR = re.compile(r"<a\s[^>]*href", re.I)
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.I | re.S)


def is_thin(html: str, text_chars: int | None = None, links: int | None = None) -> bool:
    """Whether the page is small enough to be an interstitial; counted from the markup when the browser's reading
    (visible text, links) is not at hand, as for the HTTP preflight."""
    n_links = links if links is not None else len(_ANCHOR.findall(html))
    n_text = text_chars if text_chars is not None else len(" ".join(_TAGS.sub(" ", html).split()))
    return n_links < THIN_LINKS and n_text < THIN_TEXT_CHARS


def recognise(status: int | None, headers: Mapping[str, str], html: str, *, title: str = "",
              text_chars: int | None = None, links: int | None = None) -> BotCheck | None:
    """The bot check this answer is, or None for a page of the site itself (or an ordinary error page)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    for name, value, vendor, kind in _HEADERS:
        if name in lowered and value.search(lowered[name] or ""):
            return BotCheck(vendor, kind, f"response header {name}: {lowered[name][:40]}")
    if "x-datadome" in lowered and status in (401, 403, 405):
        return BotCheck("DataDome", "challenge", f"HTTP {status} with the x-datadome header")
    if not is_thin(html, text_chars, links):
        return None
    html = unescape(html)  # Akamai writes its page in character references ("errors&#46;edgesuite&#46;net")
    for pattern, vendor, kind in _MARKUP:
        found = pattern.search(html)
        if found:
            return BotCheck(vendor, kind, f"the page carries “{found.group(0)[:60]}”")
    if title.strip() == "Just a moment..." and "cloudflare" in html.lower():
        return BotCheck("Cloudflare", "challenge", "a “Just a moment...” page from Cloudflare")
    n_links = links if links is not None else len(_ANCHOR.findall(html))
    if _CAPTCHA_WIDGET.search(html) and n_links < 3:
        return BotCheck("A CAPTCHA", "challenge", "a page holding nothing but a CAPTCHA")
    return None
