"""Bot-check interstitials are told apart from the shop's own pages, whatever scripts those load."""

from __future__ import annotations

import pytest

from auditor.bot_check import recognise
from tests.sites.bot_checks import AKAMAI_RENDERED, CLOUDFLARE_CHALLENGE_HTML, INTERSTITIALS, shop_page


@pytest.mark.parametrize(("name", "vendor"), [
    ("cloudflare-challenge", "Cloudflare"), ("cloudflare-block", "Cloudflare"), ("akamai", "Akamai"),
    ("datadome", "DataDome"), ("perimeterx", "PerimeterX (HUMAN)"), ("incapsula", "Imperva Incapsula"),
    ("sucuri", "Sucuri"), ("aws-waf", "AWS WAF"),
])
def test_each_service_interstitial_is_recognised_with_its_vendor(name: str, vendor: str) -> None:
    status, headers, html = INTERSTITIALS[name]
    found = recognise(status, headers, AKAMAI_RENDERED if name == "akamai" else html)
    assert found is not None and found.vendor == vendor


@pytest.mark.parametrize("name", ["cloudflare-challenge", "cloudflare-block", "akamai", "datadome", "perimeterx",
                                  "incapsula", "sucuri", "aws-waf"])
def test_interstitials_are_recognised_by_their_markup_alone_when_a_proxy_drops_the_headers(name: str) -> None:
    status, _headers, html = INTERSTITIALS[name]
    assert recognise(status, {}, html) is not None


def test_akamai_is_recognised_as_served_and_as_the_browser_serialises_it() -> None:
    assert recognise(403, {}, AKAMAI_RENDERED) == recognise(403, {}, INTERSTITIALS["akamai"][2])


def test_the_cloudflare_challenge_header_decides_even_for_a_page_with_many_links() -> None:
    found = recognise(403, {"CF-Mitigated": "challenge"}, shop_page("Shop", ""))
    assert found is not None and (found.vendor, found.kind) == ("Cloudflare", "challenge")
    assert "cf-mitigated" in found.describe()


def test_a_shop_page_loading_every_service_script_and_a_turnstile_is_the_shop() -> None:
    html = shop_page("Desk Lamp", "<h1>Desk Lamp</h1><p>£35.00</p>")
    assert recognise(200, {"server": "cloudflare", "x-iinfo": "8-1 0NNN", "x-datadome": "protected"}, html) is None


def test_datadome_header_on_an_ordinary_answer_is_not_a_check() -> None:
    assert recognise(200, {"x-datadome": "protected"}, "<html><body><p>Thanks</p></body></html>") is None


def test_a_plain_forbidden_page_is_an_error_not_a_bot_check() -> None:
    assert recognise(403, {"server": "nginx"}, "<html><head><title>403 Forbidden</title></head><body><center>"
                     "<h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>") is None


def test_a_page_holding_only_a_captcha_is_a_check_whoever_serves_it() -> None:
    html = ('<html><head><title>Verification</title></head><body><h1>One moment</h1><form method="post">'
            '<div class="g-recaptcha" data-sitekey="6Lc"></div><button>Continue</button></form></body></html>')
    found = recognise(200, {}, html)
    assert found is not None and found.vendor == "A CAPTCHA"


def test_the_browsers_reading_of_links_and_text_decides_thinness_when_given() -> None:
    # the markup alone looks thin (links are rendered by scripts); the browser counted the shop's 40 links
    assert recognise(200, {}, CLOUDFLARE_CHALLENGE_HTML, text_chars=3000, links=40) is None
    assert recognise(200, {}, CLOUDFLARE_CHALLENGE_HTML, text_chars=41, links=1)
