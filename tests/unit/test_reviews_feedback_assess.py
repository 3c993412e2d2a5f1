"""reviews-feedback: assess truth tables, and the pure readers of ratings and feedback channels over real markup."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from auditor.findings import Confidence, Outcome, Severity, Status
from auditor.page_parsing import soup
from checks.reviews_feedback import (
    FeedbackChannel,
    Rating,
    ReviewsEvidence,
    ReviewsThresholds,
    Suspicious,
    assess,
    detect_widgets,
    feedback_channels_on,
    product_rating,
    suspicious_of,
)

TODAY = date(2026, 5, 1)
T = ReviewsThresholds()
FORM = FeedbackChannel("review_invitation", "http://shop.test/p/kettle#write", "Write a review")


def evidence(**changes: object) -> ReviewsEvidence:
    base = ReviewsEvidence(
        product_pages_checked=4, pages_with_ratings=1,
        ratings=[Rating("http://shop.test/p/kettle", 4.6, 5.0, 23, "2026-03-10", "schema_org")],
        widget_vendors=[], feedback_channels=[FORM], suspicious=[], newest_review_date="2026-03-10",
        checked_on=TODAY.isoformat(), pages_checked=9, shop_pages_seen=6, product_urls=["http://shop.test/p/kettle"])
    return replace(base, **changes)  # type: ignore[arg-type]


def codes(ev: ReviewsEvidence) -> set[str]:
    return {f.code.split("/", 1)[1] for f in assess(ev, T).findings}


def ld_product(rating: dict | None = None, reviews: list | None = None) -> str:
    product: dict = {"@context": "https://schema.org", "@type": "Product", "name": "Copper Kettle",
                     "offers": {"@type": "Offer", "price": "49.00", "priceCurrency": "EUR"}}
    if rating is not None:
        product["aggregateRating"] = {"@type": "AggregateRating", **rating}
    if reviews is not None:
        product["review"] = reviews
    return (f"<html><head><script type='application/ld+json'>{json.dumps(product)}</script></head>"
            "<body><h1>Copper Kettle</h1></body></html>")


# ---------- assess ----------

def test_product_with_aggregate_rating_in_json_ld_is_counted() -> None:
    html = ld_product({"ratingValue": "4.6", "reviewCount": "23"},
                      [{"@type": "Review", "datePublished": "2026-03-10", "reviewRating": {"ratingValue": 5}},
                       {"@type": "Review", "datePublished": "2025-11-02", "reviewRating": {"ratingValue": 4}}])
    rating, vendors = product_rating(html, "http://shop.test/p/kettle", [], TODAY)
    assert rating == Rating("http://shop.test/p/kettle", 4.6, 5.0, 23, "2026-03-10", "schema_org")
    assert vendors == []
    out = assess(evidence(), T)
    assert out.status is Status.PASSED and out.findings == [] and out.score == 100
    assert any("1 of 4 product pages show reviews" in s for s in out.strengths)


def test_shop_without_reviews_gets_a_medium_finding() -> None:
    out = assess(evidence(ratings=[], pages_with_ratings=0, newest_review_date=None), T)
    [finding] = out.findings
    assert finding.code == "reviews-feedback/no-reviews" and finding.severity is Severity.MEDIUM
    assert finding.confidence is Confidence.CONFIRMED and out.status is Status.FAILED
    assert "None of the 4 product pages" in finding.observed
    assert finding.impact.cites == ("nielsen-trust-advertising-2015",)


def test_no_reviews_on_few_product_pages_is_only_likely() -> None:
    out = assess(evidence(ratings=[], pages_with_ratings=0, product_pages_checked=2), T)
    assert [(f.code, f.confidence) for f in out.findings] == [("reviews-feedback/no-reviews", Confidence.LIKELY)]


def test_review_sections_that_say_zero_reviews_are_no_reviews() -> None:
    empty = Rating("http://shop.test/p/lamp", 0.0, 5.0, 0, None, "widget:judge.me")
    out = assess(evidence(ratings=[empty], pages_with_ratings=0, widget_vendors=["judge.me", "trustpilot"]), T)
    [finding] = out.findings
    assert finding.code == "reviews-feedback/no-reviews"
    assert "1 have a review section that says 0 reviews" in finding.observed
    assert "(trustpilot) appears elsewhere" in finding.observed


def test_perfect_rating_with_zero_reviews_is_noted_as_suspicious() -> None:
    perfect = Rating("http://shop.test/p/teapot", 5.0, 5.0, 0, None, "schema_org")
    assert suspicious_of(perfect) == "a perfect 5 out of 5 with 0 reviews behind it"
    out = assess(evidence(suspicious=[Suspicious(perfect.url, suspicious_of(perfect) or "")]), T)
    [finding] = out.findings
    assert finding.code == "reviews-feedback/suspicious-ratings" and finding.severity is Severity.LOW
    assert finding.page_url == perfect.url and "perfect 5 out of 5" in finding.observed
    assert out.status is Status.PASSED  # low findings do not fail the check


@pytest.mark.parametrize(("rating", "why"), [
    (Rating("u", 5.0, 5.0, None, None, "text"), "a perfect 5 out of 5 with no review count behind it"),
    (Rating("u", 4.5, 5.0, None, None, "microdata"), "a rating of 4.5 out of 5 without any count of reviews"),
    (Rating("u", 4.2, 5.0, 0, None, "schema_org"), "a rating of 4.2 out of 5 from 0 reviews"),
    (Rating("u", 6.0, 5.0, 3, None, "schema_org"), "a rating of 6 on a scale of 5"),
    (Rating("u", 4.8, 5.0, 12, None, "schema_org"), None),
    (Rating("u", 5.0, 5.0, 2, None, "schema_org"), None),
    (Rating("u", 0.0, 5.0, 0, None, "widget:judge.me"), None),
    (Rating("u", None, None, None, None, "widget:trustpilot"), None),
])
def test_suspicious_rating_table(rating: Rating, why: str | None) -> None:
    assert suspicious_of(rating) == why


def test_reviews_older_than_two_years_are_outdated() -> None:
    old = Rating("http://shop.test/p/kettle", 4.6, 5.0, 23, "2023-02-01", "schema_org")
    out = assess(evidence(ratings=[old], newest_review_date="2023-02-01"), T)
    [finding] = out.findings
    assert finding.code == "reviews-feedback/reviews-outdated" and finding.severity is Severity.LOW
    assert "2023-02-01, 3 years before" in finding.observed
    assert codes(evidence(newest_review_date="2024-06-01")) == set()  # within 730 days
    assert codes(evidence(newest_review_date=None)) == set()  # no dates: no verdict on age
    strict = ReviewsThresholds(max_review_age_days=180)
    assert {f.code for f in assess(evidence(newest_review_date="2025-06-01"), strict).findings} == {
        "reviews-feedback/reviews-outdated"}


def test_no_way_to_give_feedback_is_a_likely_low_finding() -> None:
    out = assess(evidence(feedback_channels=[]), T)
    [finding] = out.findings
    assert finding.code == "reviews-feedback/no-feedback-channel"
    assert finding.severity is Severity.LOW and finding.confidence is Confidence.LIKELY
    assert finding.impact.cites == ("pwc-experience-2018",)


def test_no_verified_product_page_is_inconclusive_and_a_non_shop_not_applicable() -> None:
    out = assess(evidence(product_pages_checked=0, ratings=[], feedback_channels=[]), T)
    assert out.outcome is Outcome.INCONCLUSIVE and out.findings == [] and out.status is Status.NOT_MEASURED
    assert out.unverified and "product detail page" in out.unverified[0].reason
    blog = assess(evidence(product_pages_checked=0, shop_pages_seen=0, ratings=[], feedback_channels=[]), T)
    assert blog.status is Status.NOT_APPLICABLE and blog.findings == []


def test_every_finding_at_once_and_the_score_follows_severities() -> None:
    out = assess(evidence(ratings=[], pages_with_ratings=0, feedback_channels=[],
                          suspicious=[Suspicious("u", "x")]), T)
    assert codes(evidence(ratings=[], pages_with_ratings=0, feedback_channels=[],
                          suspicious=[Suspicious("u", "x")])) == {"no-reviews", "no-feedback-channel", "suspicious-ratings"}
    assert out.score == 100 - 12 - 5 - 5


# ---------- reading real markup ----------

def test_microdata_rating_and_review_dates() -> None:
    html = ("<div itemscope itemtype='https://schema.org/Product'><h1 itemprop='name'>Skillet</h1>"
            "<div itemprop='aggregateRating' itemscope itemtype='https://schema.org/AggregateRating'>"
            "<span itemprop='ratingValue'>4,5</span> of <span itemprop='bestRating'>5</span> "
            "<span itemprop='ratingCount'>12</span></div>"
            "<div itemprop='review' itemscope itemtype='https://schema.org/Review'>"
            "<meta itemprop='datePublished' content='2025-01-02'></div>"
            "<div itemprop='review' itemscope itemtype='https://schema.org/Review'>"
            "<meta itemprop='datePublished' content='2025-04-09'></div></div>")
    rating, _ = product_rating(html, "http://shop.test/p/skillet", [], TODAY)
    assert rating == Rating("http://shop.test/p/skillet", 4.5, 5.0, 12, "2025-04-09", "microdata")


def test_reviews_without_an_aggregate_are_counted_and_averaged() -> None:
    html = ld_product(None, [{"@type": "Review", "datePublished": "2026-01-05", "reviewRating": {"ratingValue": "5"}},
                             {"@type": "Review", "datePublished": "2030-01-01", "reviewRating": {"ratingValue": "4"}}])
    rating, _ = product_rating(html, "u", [], TODAY)
    assert rating is not None and (rating.rating_value, rating.review_count) == (4.5, 2)
    assert rating.newest_review_date == "2026-01-05"  # a date in the future is not a review date


WIDGETS = [
    ("<div class='trustpilot-widget' data-template-id='5419b6ffb0d04a076446a9af' data-businessunit-id='x' data-sku='K1'>"
     "<a href='https://www.trustpilot.com/review/shop.test'>Trustpilot</a></div>", [], ("trustpilot", None, None)),
    ("<div class='jdgm-widget jdgm-preview-badge'><div class='jdgm-prev-badge' data-average-rating='4.86' "
     "data-number-of-reviews='7'></div></div>", [], ("judge.me", 4.86, 7)),
    ("<div class='loox-rating' data-id='1' data-rating='4.8' data-raters='27'></div>", [], ("loox", 4.8, 27)),
    ("<div class='woocommerce-product-rating'><div class='star-rating' role='img' aria-label='Rated 4.50 out of 5'>"
     "<span>Rated <strong class='rating'>4.50</strong> out of 5 based on <span class='rating'>2</span> customer "
     "ratings</span></div><a href='#reviews' class='woocommerce-review-link'>(<span class='count'>2</span> customer "
     "reviews)</a></div>", [], ("woocommerce", 4.5, 2)),
    ("<div class='product-reviews-summary'><div class='rating-summary'><div class='rating-result' title='90%'>"
     "<span><span>90%</span></span></div></div><div class='reviews-actions'><a class='action view' href='#reviews'>"
     "3 <span>Reviews</span></a><a class='action add' href='#review-form'>Add Your Review</a></div></div>", [],
     ("magento", 4.5, 3)),
    ("<div class='product-comments-additional-info'><div class='grade-stars' data-grade='4'></div>"
     "<a class='link-comment' href='#product-comments-list-header'>Read user reviews (3)</a></div>", [],
     ("prestashop", 4.0, 3)),
    ("<div data-bv-show='rating_summary' data-bv-product-id='K1'></div>",
     ["https://apps.bazaarvoice.com/deployments/shop/main_site/production/en_US/bv.js"], ("bazaarvoice", None, None)),
    ("<p>Reviews load here</p>", ["https://staticw2.yotpo.com/APPKEY/widget.js"], ("yotpo", None, None)),
    ("<div class='yotpo bottomLine' data-product-id='1'></div><etrusted-widget data-etrusted-widget-id='w'>"
     "</etrusted-widget><div id='ReviewsWidget'></div>", [], ("yotpo", None, None)),
]


@pytest.mark.parametrize(("markup", "scripts", "expected"), WIDGETS)
def test_known_review_widgets(markup: str, scripts: list[str], expected: tuple[str, float | None, int | None]) -> None:
    html = f"<html><body><h1>Kettle</h1>{markup}</body></html>"
    rating, vendors = product_rating(html, "u", scripts, TODAY)
    vendor, value, count = expected
    assert rating is not None and rating.source == f"widget:{vendor}" and vendor in vendors
    assert (rating.rating_value, rating.review_count) == (value, count)


@pytest.mark.parametrize(("markup", "scripts", "expected"), WIDGETS)
def test_widget_selectors_skipped_for_words_the_source_lacks_give_the_same_vendors(
        markup: str, scripts: list[str], expected: tuple[str, float | None, int | None]) -> None:
    html = f"<html><body><h1>Kettle</h1>{markup}</body></html>"
    doc = soup(html)
    assert detect_widgets(doc, scripts, html) == detect_widgets(doc, scripts)


def test_a_rating_element_without_structure_is_read_from_its_text() -> None:
    html = ("<html><body><h1>Teapot</h1><div class='product-rating' aria-label='Rated 4.7 out of 5'>★★★★★ "
            "<span class='rating-count'>(31 reviews)</span></div></body></html>")
    rating, _ = product_rating(html, "u", [], TODAY)
    assert rating == Rating("u", 4.7, 5.0, 31, None, "text")


def test_words_alone_do_not_make_a_rating() -> None:
    html = "<html><body><h1>Lamp</h1><p>Our customers give it 5 out of 5 in 200 reviews!</p></body></html>"
    assert product_rating(html, "u", [], TODAY) == (None, [])


def test_feedback_channels_by_structure_then_words() -> None:
    html = ("<form id='commentform' action='/wp-comments-post.php' method='post'><select id='rating' name='rating'>"
            "<option value='5'>Perfect</option></select><textarea id='comment' name='comment'></textarea></form>"
            "<form action='/contact/send'><textarea name='message'></textarea></form>"
            "<form action='/cart' method='post'><textarea name='note'></textarea></form>"
            "<a href='https://www.surveymonkey.com/r/ABC'>Take our survey</a>"
            "<a class='jdgm-write-rev-link' href='#'>Schreiben Sie eine Bewertung</a>"
            "<a href='https://www.trustpilot.com/evaluate/shop.test'>Review us</a>")
    found = feedback_channels_on(html, "http://shop.test/p/kettle", [("http://shop.test/feedback", "Feedback"),
                                                                    ("http://shop.test/contact", "Contact us")])
    assert [(c.kind, c.url, c.text) for c in found] == [
        ("form", "http://shop.test/wp-comments-post.php", "review form"),
        ("survey", "https://www.surveymonkey.com/r/ABC", "Take our survey"),
        ("review_invitation", "http://shop.test/p/kettle", "Schreiben Sie eine Bewertung"),
        ("review_invitation", "https://www.trustpilot.com/evaluate/shop.test", "Review us"),
        ("link", "http://shop.test/feedback", "Feedback"),
    ]


def test_a_contact_form_cart_note_or_rating_filter_is_no_feedback_channel() -> None:
    html = ("<form action='/contact/send'><input name='email'><textarea name='message'></textarea></form>"
            "<form action='/cart' method='post'><textarea name='note'></textarea></form>"
            "<form action='/category/kitchen'><select name='rating'><option value='4'>4 stars &amp; up</option></select>"
            "</form>")
    assert feedback_channels_on(html, "http://shop.test/contact", [("http://shop.test/faq", "FAQ")]) == []


def test_a_star_rating_form_without_a_text_area_is_a_way_to_give_feedback() -> None:
    # Mezzanine/Cartridge's generic ratings, under every product's buy box
    from checks.reviews_feedback import feedback_channels_on

    html = ("<div class='panel rating'><span id='rating-2'>Currently unrated</span><form class='form-inline' "
            "method='post' action='/rating/'>" + "".join(
                f"<input type='radio' name='value' value='{n}' id='id_value_{n}'>" for n in range(1, 6)) +
            "<input type='hidden' name='content_type' value='shop.product'><input type='submit' value='Rate'></form></div>")
    assert [(c.kind, c.url) for c in feedback_channels_on(html, "http://s/shop/product/mug/", [])] == [
        ("form", "http://s/rating/")]
