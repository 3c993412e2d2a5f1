"""A small shop whose product pages show reviews the ways real shops do: one in schema.org JSON-LD (an
AggregateRating and dated Reviews), one through a Trustpilot TrustBox (the vendor's div and bootstrap script, served
from this server, never Trustpilot's), and one with no reviews at all. A footer link leads to a feedback form."""

from __future__ import annotations

import json
from datetime import date, timedelta

from auditor.demo.httpkit import App, Response

TRUSTBOX_SCRIPT = "/vendor/widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js"
# What the real bootstrap does, minus the network: it fills each TrustBox with an iframe the page cannot read.
FAKE_TRUSTBOX = ("document.querySelectorAll('.trustpilot-widget').forEach(function(box){var f=document.createElement('iframe');"
                 "f.title='Customer reviews powered by Trustpilot';f.src='about:blank';f.style.height='24px';box.appendChild(f);});")


def review_dates(today: date | None = None) -> tuple[str, str]:
    """The kettle's two reviews: 20 and 400 days before today, so their age never depends on when tests run."""
    today = today or date.today()
    return (today - timedelta(days=20)).isoformat(), (today - timedelta(days=400)).isoformat()


PRODUCTS = {"copper-kettle": ("Copper Kettle", 49.0), "desk-lamp": ("Desk Lamp", 39.0), "tea-mug": ("Tea Mug", 12.0)}


def page(title: str, body: str, head: str = "") -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>{title} | Kettle &amp; Co</title>{head}</head><body>"
                    "<header><a href='/'>Kettle &amp; Co</a></header>"
                    f"<main>{body}</main><footer><a href='/feedback'>Feedback</a> <a href='/'>Shop</a></footer></body></html>")


def product_ld(slug: str, extra: dict | None = None) -> str:
    name, price = PRODUCTS[slug]
    ld = {"@context": "https://schema.org", "@type": "Product", "name": name, "sku": slug.upper(),
          "offers": {"@type": "Offer", "price": f"{price:.2f}", "priceCurrency": "EUR",
                     "availability": "https://schema.org/InStock"}, **(extra or {})}
    return f"<script type='application/ld+json'>{json.dumps(ld)}</script>"


def buy_box(slug: str) -> str:
    name, price = PRODUCTS[slug]
    return (f"<h1>{name}</h1><p class='price'>€{price:.2f}</p><form action='/cart/add' method='post'>"
            f"<input type='hidden' name='slug' value='{slug}'><button type='submit'>Add to cart</button></form>")


def reviews_shop() -> App:
    app = App()
    newest, older = review_dates()

    def home(r: object) -> Response:
        cards = "".join(f"<div class='card'><a href='/product/{s}'>{n}</a> <span>€{p:.2f}</span></div>"
                        for s, (n, p) in PRODUCTS.items())
        return page("Home", f"<h1>Kettle &amp; Co</h1>{cards}")

    def kettle(r: object) -> Response:
        ld = product_ld("copper-kettle", {
            "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.6", "bestRating": "5", "reviewCount": "23"},
            "review": [
                {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": newest,
                 "reviewRating": {"@type": "Rating", "ratingValue": "5"}, "reviewBody": "Boils fast and looks lovely."},
                {"@type": "Review", "author": {"@type": "Person", "name": "Ben"}, "datePublished": older,
                 "reviewRating": {"@type": "Rating", "ratingValue": "4"}, "reviewBody": "The handle gets warm."}]})
        body = (buy_box("copper-kettle") + "<section id='reviews'><h2>Reviews</h2><p class='rating-summary'>4.6 out of 5 "
                "(23 reviews)</p><button type='button' class='write-review'>Write a review</button>"
                f"<article class='review'><time datetime='{newest}'>{newest}</time><p>Boils fast and looks lovely.</p>"
                f"</article><article class='review'><time datetime='{older}'>{older}</time><p>The handle gets warm.</p>"
                "</article></section>")
        return page("Copper Kettle", body, ld)

    def lamp(r: object) -> Response:
        trustbox = ("<div class='trustpilot-widget' data-locale='en-GB' data-template-id='544a426205dc0a09088833c6' "
                    "data-businessunit-id='5f0c0ffee0c0ffee0c0ffee0' data-style-height='24px' data-style-width='100%' "
                    "data-sku='DESK-LAMP'><a href='#' rel='noopener'>Trustpilot</a></div>")
        head = product_ld("desk-lamp") + f"<script src='{TRUSTBOX_SCRIPT}' async></script>"
        return page("Desk Lamp", buy_box("desk-lamp") + trustbox, head)

    def mug(r: object) -> Response:
        return page("Tea Mug", buy_box("tea-mug") + "<p>A 300 ml stoneware mug.</p>", product_ld("tea-mug"))

    def feedback(r: object) -> Response:
        return page("Feedback", "<h1>Tell us what you think</h1><form id='feedback-form' action='/feedback/send' "
                                "method='post'><label for='fb'>Your feedback</label><textarea id='fb' name='feedback'>"
                                "</textarea><button type='submit'>Send</button></form>")

    app.add("/", home)
    app.add("/product/copper-kettle", kettle)
    app.add("/product/desk-lamp", lamp)
    app.add("/product/tea-mug", mug)
    app.add("/feedback", feedback)
    app.add(TRUSTBOX_SCRIPT, lambda r: Response(FAKE_TRUSTBOX, content_type="text/javascript"))
    return app
