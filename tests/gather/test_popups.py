"""A newsletter popup over the shop is closed as a customer closes it, never signed up to, never a finding."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from auditor.demo.shop import DemoShop, ShopOptions
from tests.sites.popup_sites import PopupVendor

session_loop = pytest.mark.asyncio(loop_scope="session")


@session_loop
async def test_a_newsletter_popup_over_the_product_page_is_closed_and_the_journey_goes_on(
        serve_app: Callable[[App], LocalServer], run_audit: Callable[..., Any]) -> None:
    vendor = PopupVendor()
    vendor.base = serve_app(vendor.app).url.replace("127.0.0.1", "localhost")  # the vendor's own host
    shop = DemoShop(ShopOptions(third_party=vendor.base))
    url = serve_app(shop.app).url
    doc = (await run_audit(url, ["checkout-journey"], crawl={"max_pages": 6})).to_json()["sites"][0]
    checkout = next(c for c in doc["checks"] if c["id"] == "checkout-journey")
    assert checkout["evidence"]["payment_step_reached"], checkout["evidence"]["stopped_because"]
    assert [f["code"] for f in checkout["findings"] if f["code"].endswith("control-covered")] == []
    closed = [s["action"] for s in checkout["journey"] if s["action"].startswith("Closed a Klaviyo newsletter popup")]
    assert closed and "“Close dialog”" in closed[0], [s["action"] for s in checkout["journey"]]
    assert doc["guard"]["marketing_popups_closed"]
    assert vendor.subscriptions == 0 and shop.orders.placed == 0


LAYER = "position:fixed;inset:10% 10%;background:#fff;z-index:999"
POPUPS = {
    "a generic sign-up modal closed by its words":
        (f'<div class="modal show" role="dialog" style="{LAYER}"><h2>Sign up and get 15% off</h2>'
         '<input type="email" aria-label="Email"><button>Sign up</button><a href="#" onclick="this.closest(\'.modal\').remove()">'
         'No thanks</a></div>', "No thanks"),
    "a German theme's newsletter layer": (
        f'<div id="newsletter-popup" style="{LAYER}"><p>Newsletter abonnieren und 10 % Rabatt sichern</p>'
        '<button class="popup-close" aria-label="Schließen" onclick="this.parentElement.remove()">✕</button></div>', "Schließen"),
    "an international shop's country selector": (
        f'<div class="geo-modal" role="dialog" aria-modal="true" style="{LAYER}"><h2>Looks like you are in Germany</h2>'
        '<p>Choose your shipping destination to see prices in your currency.</p><a href="https://de.shop.example/">Go to the '
        'German store</a><button onclick="this.parentElement.remove()">Stay on this site</button></div>', "Stay on this site"),
}
NOT_POPUPS = {
    "a cookie banner": f'<div role="dialog" style="{LAYER}"><p>We use cookies. Subscribe?</p><button>Accept</button></div>',
    "an open cart drawer": f'<div role="dialog" class="cart-drawer" style="{LAYER}"><h2>Your cart</h2><p>Get 10% off at checkout</p>'
                           '<button aria-label="Close">×</button></div>',
    "a login modal": f'<div role="dialog" style="{LAYER}"><h2>Sign in for exclusive offers</h2><input type="email">'
                     '<input type="password"><button aria-label="Close">×</button></div>',
    "a newsletter box in the footer": '<footer><p>Subscribe to our newsletter</p><input type="email"><button>Close</button></footer>',
}


@pytest.mark.parametrize("name", POPUPS)
async def test_marketing_popups_are_closed_by_their_own_close_control(browser_session: Any, name: str) -> None:
    from auditor.browser.popups import close_marketing_popup
    from auditor.browser.session import ContextOptions

    html, control = POPUPS[name]
    context = await browser_session.new_context(ContextOptions())
    try:
        page = await context.new_page()
        await page.set_content(f"<main><button>Add to cart</button></main>{html}")
        done = await close_marketing_popup(page)
        assert done is not None and f"“{control}”" in done
        assert ("country selector" in done) == ("country selector" in name), done
        assert await close_marketing_popup(page) is None  # gone
    finally:
        await context.close()


@pytest.mark.parametrize("name", NOT_POPUPS)
async def test_banners_drawers_logins_and_footers_are_not_marketing_popups(browser_session: Any, name: str) -> None:
    from auditor.browser.popups import close_marketing_popup
    from auditor.browser.session import ContextOptions

    context = await browser_session.new_context(ContextOptions())
    try:
        page = await context.new_page()
        await page.set_content(f"<main><button>Add to cart</button></main>{NOT_POPUPS[name]}")
        assert await close_marketing_popup(page) is None
    finally:
        await context.close()
