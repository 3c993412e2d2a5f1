"""Reviews and feedback: do product pages show what other customers thought (how many, how recent), and can a
customer say what they think?

Gather reads the crawl's page snapshots (no extra page loads). Only crawled pages verified as product detail
pages (auditor.page_shape: one schema.org Product, `og:type` product, or one buy box next to a price) count as
product pages. Structure comes first: schema.org AggregateRating / Review (JSON-LD or microdata), then the markup
of known review widgets (script hosts and element classes), then a rating-like element (class, id or aria-label
naming a rating or review) whose text reads like "4.6 out of 5" or "(23 reviews)". Words in many languages only
help read those elements and rank feedback links; they never make a rating on their own.

Evidence (`ReviewsEvidence`, JSON keys):
- `product_pages_checked`: verified product detail pages read.
- `pages_with_ratings`: those that show reviews: a rating with a count above 0, a rating with no count, or a
  review widget whose numbers are not in the page's markup (it renders them itself).
- `ratings`: [{`url`, `rating_value`, `best_rating`, `review_count`, `newest_review_date` (ISO date or null),
  `source`: schema_org | microdata | widget:<vendor> | text}], one per product page that has any.
- `widget_vendors`: review widgets seen on any crawled page (trustpilot, yotpo, judge.me, okendo, stamped, loox,
  reviews.io, feefo, bazaarvoice, powerreviews, trusted_shops, ekomi, google_customer_reviews, kiyoh,
  shopify_reviews, and the platforms' own: woocommerce, magento, prestashop, shopware).
- `feedback_channels`: [{`kind`: form | survey | review_invitation | link, `url`, `text`}] on any crawled page:
  a review or feedback form (a rating field or a feedback/review action next to a text area; a plain contact
  form, the cart and checkout do not count), a link to a survey service, a "write a review" control or a link to a review platform's
  write-a-review page, a "Feedback" link.
- `suspicious`: [{`url`, `why`}]: a perfect score with no reviews counted, a rating without any count, a rating
  from 0 reviews, a rating outside its scale, every rating on the site a perfect score.
- `newest_review_date`: the newest review date seen on any product page (ISO), or null.
- `checked_on`: the day the snapshots were read (ISO), the reference for the age of reviews.
- `pages_checked`: crawled pages read for feedback channels. `shop_pages_seen`: pages that look like a shop's
  (product, listing, cart, checkout), so a site that sells nothing is told apart from a crawl that missed them.
- `product_urls`: the verified product pages read (at most 20).
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from pydantic import BaseModel, ConfigDict, Field

from auditor.checkspec import CheckSpec, SiteContext
from auditor.findings import (
    CheckOutcome,
    Confidence,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Severity,
    Status,
    inconclusive,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.page_parsing import soup
from auditor.page_shape import page_shape
from auditor.snapshot import PageSnapshot
from auditor.structured import extract_items, type_names

CHECK_ID = "reviews-feedback"


class ReviewsThresholds(BaseModel):
    """Our own defaults, not a published figure: reviews older than two years say little about the shop today,
    and fewer than three product pages read is too few to call a shop review-less with confidence."""

    model_config = ConfigDict(extra="forbid")
    max_review_age_days: int = Field(730, ge=1)
    min_product_pages_for_confirmed: int = Field(3, ge=1)


@dataclass(frozen=True)
class Rating:
    url: str
    rating_value: float | None
    best_rating: float | None
    review_count: int | None
    newest_review_date: str | None
    source: str  # schema_org | microdata | widget:<vendor> | text


@dataclass(frozen=True)
class FeedbackChannel:
    kind: str  # form | survey | review_invitation | link
    url: str
    text: str


@dataclass(frozen=True)
class Suspicious:
    url: str
    why: str


@dataclass(frozen=True)
class ReviewsEvidence:
    product_pages_checked: int
    pages_with_ratings: int
    ratings: list[Rating]
    widget_vendors: list[str]
    feedback_channels: list[FeedbackChannel]
    suspicious: list[Suspicious]
    newest_review_date: str | None
    checked_on: str
    pages_checked: int = 0
    shop_pages_seen: int = 0
    product_urls: list[str] = field(default_factory=list)


NIELSEN = ("nielsen-trust-advertising-2015",)
FINDINGS: dict[str, FindingTemplate] = {
    "no-reviews": FindingTemplate(
        Severity.MEDIUM, "Product pages show no reviews or ratings",
        CxImpact("Shoppers lean on what other customers say before they buy: in Nielsen's 2015 survey of 30,000 online "
                 "respondents in 60 countries, 66% said they trust consumer opinions posted online. A product page with no "
                 "rating and no review leaves them only the shop's own word.",
                 Dimension.TRUST, NIELSEN),
        "Collect reviews (an invitation after delivery, your platform's review module or a review service) and show "
        "the average rating, the number of reviews and the reviews themselves on every product page; mark them up "
        "as schema.org AggregateRating and Review."),
    "suspicious-ratings": FindingTemplate(
        Severity.LOW, "Some ratings look unearned",
        CxImpact("Ratings reassure only when they look earned: 66% of people in Nielsen's 2015 survey said they "
                 "trust consumer opinions posted online. A perfect score with no reviews behind it, or a score "
                 "without a count, gives a careful shopper a reason to doubt it instead.",
                 Dimension.TRUST, NIELSEN),
        "Show a rating only once a product has reviews, always next to the number of reviews it comes from; show "
        "'No reviews yet' with a 'Write a review' button for products that have none."),
    "reviews-outdated": FindingTemplate(
        Severity.LOW, "The newest reviews are years old",
        CxImpact("Customers weigh other customers' opinions (66% said they trust those posted online, Nielsen 2015), "
                 "but reviews that are years old say little about the product, the shop or its service today.",
                 Dimension.TRUST, NIELSEN),
        "Invite every customer to review after delivery, so new reviews keep arriving, and show the newest first "
        "with their dates."),
    "no-feedback-channel": FindingTemplate(
        Severity.LOW, "No way to give feedback or write a review was found",
        CxImpact("One bad experience can be enough to lose a customer: in PwC's 2018 survey, 32% said they would "
                 "walk away from a brand they love after one. Without a review button, a feedback form or a survey, "
                 "the shop has no easy way to hear about such an experience and put it right.",
                 Dimension.CUSTOMER_SERVICE, ("pwc-experience-2018",)),
        "Offer a visible way to give feedback: a 'Write a review' button on product pages, a short feedback form "
        "or survey linked in the footer, and a review invitation sent after delivery."),
}

FINDINGS = mark_likely(FINDINGS, "no-feedback-channel")  # inferred from absence; `no-reviews` is likely when few pages

# ---------- review widgets: real vendors' script hosts and element markup ----------


@dataclass(frozen=True)
class Vendor:
    scripts: tuple[str, ...]   # fragments of script src URLs
    selectors: tuple[str, ...]  # CSS selectors of the vendor's own elements
    inline: tuple[str, ...] = ()  # markers in inline scripts


VENDORS: dict[str, Vendor] = {
    "trustpilot": Vendor(("widget.trustpilot.com", "tp.widget.bootstrap"), (".trustpilot-widget",)),
    "yotpo": Vendor(("yotpo.com/",), (".yotpo-main-widget", ".yotpo.bottomLine", ".yotpo-widget-instance",
                                      ".yotpo-bottomline", "[class*=yotpo-reviews]")),
    "judge.me": Vendor(("judge.me/", "judgeme"), (".jdgm-widget", ".jdgm-prev-badge", ".jdgm-rev-widg")),
    "okendo": Vendor(("okendo.io",), ("[data-oke-widget]", "[data-oke-reviews-product-id]", "[data-oke-star-rating]",
                                      ".okeReviews")),
    "stamped": Vendor(("stamped.io",), ("#stamped-main-widget", ".stamped-product-reviews-badge", ".stamped-main-badge")),
    "loox": Vendor(("loox.io/",), ("#looxReviews", ".loox-rating")),
    "reviews.io": Vendor(("reviews.io/", "reviews.co.uk/"), ("#ReviewsWidget", ".ruk_rating_snippet",
                                                          "[class*=reviewsio]", "#full-page-widget")),
    "feefo": Vendor(("feefo.com/",), (".feefo-review-widget-product", "[id^=feefo-product-review]", ".feefo-review-badge-wrapper-product")),
    "bazaarvoice": Vendor(("bazaarvoice.com/",), ("[data-bv-show]", "#BVRRContainer", "#BVRRSummaryContainer")),
    "powerreviews": Vendor(("powerreviews.com/",), ("#pr-reviewsnippet", "#pr-reviewdisplay", ".pr-snippet",
                                                  ".pr-review-display")),
    "trusted_shops": Vendor(("trustedshops.com/", "etrusted.com/"), ("etrusted-widget", "etrusted-product-review-list-widget",
                                                                    "[id^=trustedshops-productreviews]", "#trustbadge-container")),
    "ekomi": Vendor(("ekomi.de/", "ekomi.com/", "ekomiapps"), ("[class*=ekomi-widget]", "[id^=ekomi]")),
    "google_customer_reviews": Vendor(("platform.js?onload=renderBadge",), ("g\\:ratingbadge",),
                                      ("gapi.ratingbadge", "ratingbadge.render")),
    "kiyoh": Vendor(("kiyoh.com/", "klantenvertellen.nl/"), ("[class*=kiyoh]", "[id*=kiyoh]")),
    "shopify_reviews": Vendor(("productreviews.shopifycdn.com",), (".spr-badge", "#shopify-product-reviews")),
    # platforms' own review modules
    "woocommerce": Vendor((), (".woocommerce-product-rating", "#reviews .commentlist", "#reviews #comments",
                               ".woocommerce-Reviews")),
    "magento": Vendor((), (".product-reviews-summary", "#product-review-container", "#customer-reviews")),
    "prestashop": Vendor(("modules/productcomments/",), ("#product-comments-list", ".product-comments-additional-info",
                                                         "#product_comments_block_extra", "#product-comments-list-header")),
    "shopware": Vendor((), (".product-detail-review", ".product-detail-reviews", ".product-detail-review-widget")),
}

# ---------- reading numbers and dates out of markup ----------
_NUM = r"(\d{1,2}(?:[.,]\d{1,2})?)"
RATING_OF = re.compile(_NUM + r"\s*(?:/|out of|of|von|sur|van|uit|de|su|di|av|af|z)\s*(5|10|100)\b", re.I)
REVIEW_WORDS = (r"reviews?|ratings?|customer reviews?|bewertungen|bewertung|rezensionen|avis|évaluations?|"
                r"beoordelingen|beoordeling|recensies|reviews|opiniones|valoraciones|reseñas|recensioni|valutazioni|"
                r"avaliações|omdömen|anmeldelser|arvostelua|opinii")
COUNT = re.compile(r"(\d[\d.,\s]{0,9}?)\s*(?:" + REVIEW_WORDS + r")\b|\((\d[\d.,]{0,9})\)", re.I)
RATINGISH = re.compile(r"rating|review|stars?\b|star-|bewert|avis|beoordel|valoraci|recensi|opinion|grade-stars", re.I)
REVIEWISH = re.compile(r"review|jdgm-rev|yotpo|stamped|loox|oke-|okeReviews|bv-|pr-rd|feefo|ekomi|kiyoh|"
                       r"commentlist|product-comment|comment_container", re.I)
ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
TEXT_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%d/%m/%Y", "%d.%m.%Y")

# ---------- feedback channels ----------
SURVEY_HOSTS = ("surveymonkey.", "typeform.com", "forms.gle/", "docs.google.com/forms", "qualtrics.com", "usabilla.com",
                "getfeedback.com", "medallia.", "survicate.com", "delighted.com", "surveysparrow.com", "feedbackify.com",
                "formstack.com/forms", "jotform.com", "tally.so/", "hotjar.com/s/", "userback.io", "zigpoll.com")
REVIEW_INVITE_HOSTS = ("trustpilot.com/evaluate", "search.google.com/local/writereview",
                       "g.page/r/", "kiyoh.com/", "klantenvertellen.nl/", "feefo.com/en-gb/reviews/", "reviews.io/company-review",
                       "trustedshops.com/buyerrating", "ekomi.", "yelp.com/writeareview")
WRITE_REVIEW_MARKUP = re.compile(r"write[-_ ]?(a[-_ ])?review|add[-_]review|new[-_]review|leave[-_]review|"
                                 r"review[-_]form|jdgm-write-rev|yotpo-new-review|post-product-comment|"
                                 r"product-detail-review-(form|teaser)|spr-summary-actions-newreview|stamped-summary-actions-newreview|"
                                 r"review_form_wrapper|commentform", re.I)
WRITE_REVIEW_TEXT = re.compile(
    r"^\s*(write|leave|add|submit|post)( a| your)? (product )?review|^\s*review this product|^\s*be the first to review|"
    r"^\s*rate (this|us)|bewertung (schreiben|abgeben)|produkt bewerten|jetzt bewerten|(écrire|donner|laisser) (un|votre) avis|"
    r"schrijf een (review|beoordeling|recensie)|beoordeel (dit|ons)|escrib(ir|e) (una )?(opinión|reseña|valoración)|"
    r"(scrivi|lascia) una recensione|skriv (en )?(recension|anmeldelse)", re.I)
FEEDBACK_TEXT = re.compile(
    r"^\s*(give |send |leave |share )?(us )?(your )?feedback\b|^\s*tell us what you think|^\s*how did we do|"
    r"^\s*(take|answer) (our|a|the) survey|^\s*customer survey|^\s*feedback geben|^\s*ihre meinung|^\s*kundenumfrage|"
    r"^\s*(votre|donnez votre) avis|^\s*uw mening|^\s*geef (uw|je) mening|^\s*tu opinión|^\s*la tua opinione|"
    r"^\s*encuesta|^\s*umfrage|^\s*enquête", re.I)
FEEDBACK_PATH = re.compile(r"/(feedback|survey|surveys|umfrage|enquete|encuesta|sondaggio|your-opinion|give-feedback)(/|$|\?|\.)", re.I)
FEEDBACK_FORM = re.compile(r"feedback|survey|review|comment|rating|bewertung|avis|beoordeling|opinion|recensione", re.I)
RATING_FIELD = re.compile(r"rating|stars?\b|score|grade|bewertung|sterne|étoiles|sterren|estrellas|stelle|punt", re.I)
SHOP_ROLES = ("product", "category", "cart", "checkout")


def _float(value: Any) -> float | None:
    if isinstance(value, dict):
        value = value.get("@value") or value.get("value")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool) or value is None:
        return None
    digits = re.sub(r"[^\d]", "", str(value))
    return int(digits) if digits and len(digits) <= 9 else None


def parse_date(value: Any) -> date | None:
    """An ISO date or datetime, or a written date in a few common forms; None when it is not a plausible date."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = ISO_DATE.search(text)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        for fmt in TEXT_DATE_FORMATS:
            try:
                return datetime.strptime(text[:40], fmt).date()
            except ValueError:
                continue
    except ValueError:
        return None
    return None


def _nodes(value: Any) -> list[dict[str, Any]]:
    """schema.org values as dicts; microdata items nested in lists keep extruct's {type, properties} shape."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            props = item.get("properties")
            out.append({"@type": item.get("type"), **props} if isinstance(props, dict) else item)
    return out


def _newest(dates: Iterable[date | None], today: date) -> date | None:
    """The newest plausible date: none in the future (beyond a day's time-zone slack), none before 1995."""
    ok = [d for d in dates if d is not None and date(1995, 1, 1) <= d <= today + timedelta(days=1)]
    return max(ok) if ok else None


def schema_rating(html: str, url: str, today: date) -> Rating | None:
    """The product's AggregateRating and Review dates from JSON-LD or microdata."""
    items = extract_items(html, url)
    nested: list[Any] = []
    loose: list[Any] = []
    for item in items:  # nested objects are also listed on their own: keep each one once, the product's first
        names = type_names(item)
        if names & {"Product", "ProductGroup"}:
            for key in ("aggregateRating", "review", "reviews"):
                value = item.get(key)
                nested += value if isinstance(value, list) else [value]
        elif names & {"AggregateRating", "Review"}:
            loose.append(item)
    seen: set[int] = set()
    aggregates: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    for raw in [*nested, *loose]:
        if not isinstance(raw, dict) or id(raw) in seen:
            continue
        seen.add(id(raw))
        for node in _nodes(raw):
            names = type_names(node)
            if "AggregateRating" in names or (not names and ("ratingValue" in node or "reviewCount" in node)):
                aggregates.append(node)
            elif "Review" in names:
                reviews.append(node)
    if not aggregates and not reviews:
        return None
    first = aggregates[0] if aggregates else {}
    raw_type = str((aggregates or reviews)[0].get("@type") or "")
    source = "microdata" if raw_type.startswith("http") and "itemtype" in html else "schema_org"
    value = _float(first.get("ratingValue"))
    best = _float(first.get("bestRating")) if first.get("bestRating") is not None else (5.0 if value is not None else None)
    count = _int(first.get("reviewCount"))
    ratings = _int(first.get("ratingCount"))
    if count is None or (ratings is not None and ratings > count):
        count = ratings if ratings is not None else count
    if count is None and reviews and not aggregates:
        count = len(reviews)
    if value is None and reviews and not aggregates:  # only reviews: average their own ratings when they give them
        values = [_float((_nodes(r.get("reviewRating")) or [{}])[0].get("ratingValue")) for r in reviews]
        known = [v for v in values if v is not None]
        value = round(sum(known) / len(known), 2) if known else None
        best = 5.0 if value is not None else None
    newest = _newest((parse_date(r.get("datePublished") or r.get("dateCreated")) for r in reviews), today)
    return Rating(url, value, best, count, newest.isoformat() if newest else None, source)


def _attrs_text(el: Tag) -> str:
    parts = [str(el.get("id") or ""), " ".join(el.get("class") or []), str(el.get("itemprop") or "")]
    return " ".join(parts)


def _read_numbers(texts: Iterable[str]) -> tuple[float | None, float | None, int | None]:
    """(rating, best, count) from short texts such as "Rated 4.50 out of 5" or "(23 reviews)"."""
    value = best = None
    count = None
    for text in texts:
        t = " ".join(text.split())[:300]
        if value is None:
            m = RATING_OF.search(t)
            if m:
                value, best = _float(m.group(1)), _float(m.group(2))
        if count is None:
            c = COUNT.search(t)
            if c:
                count = _int(c.group(1) or c.group(2))
    return value, best, count


def _vendor_values(vendor: str, el: Tag) -> tuple[float | None, float | None, int | None]:
    """Numbers the vendor's own markup carries in attributes, before it renders them."""
    value: float | None = None
    count: int | None = None
    for node in [el, *el.select("[data-average-rating],[data-rating],[data-grade],[data-score],[data-raters]")][:20]:
        value = _float(node.get("data-average-rating") or node.get("data-rating") or node.get("data-grade"))
        count = _int(node.get("data-number-of-reviews") or node.get("data-raters") or node.get("data-count"))
        if value is not None or count is not None:
            break
    if value is None and vendor == "magento":  # Magento gives the score as a percentage in a title
        result = el.select_one(".rating-result[title]")
        pct = _float(str(result.get("title") or "").rstrip("%")) if result else None
        value = round(pct / 20, 2) if pct is not None else None
    texts = [str(el.get("aria-label") or ""), str(el.get("title") or "")]
    texts += [str(n.get("aria-label") or "") for n in el.select("[aria-label]")[:10]]
    texts.append(el.get_text(" ")[:400])
    text_value, text_best, text_count = _read_numbers(texts)
    if value is None:
        return text_value, text_best, count if count is not None else text_count
    return value, 5.0, count if count is not None else text_count


_SELECTOR_WORD = re.compile(r"[A-Za-z][\w-]*")


@functools.cache
def _words_of(selector: str) -> tuple[str, ...]:
    """The names a selector mentions (element, class, id, attribute, value), lower-cased."""
    return tuple(w.lower() for w in _SELECTOR_WORD.findall(selector.replace("\\", "")))


def detect_widgets(doc: BeautifulSoup, script_srcs: Iterable[str], html: str | None = None) -> dict[str, Tag | None]:
    """Review vendors on the page, each with its first element (None when only its script is there).

    Given the page's source, a selector naming a word the source lacks is not searched for: each search walks
    the whole tree, and 57 of them per page made this check the slowest part of an audit after its crawl."""
    srcs = [s.lower() for s in script_srcs] + [str(s.get("src") or "").lower() for s in doc.select("script[src]")]
    inline = " ".join(s.get_text()[:5000] for s in doc.select("script:not([src])")[:60])
    source = html.lower() if html is not None else None
    found: dict[str, Tag | None] = {}
    for name, vendor in VENDORS.items():
        element = None
        for selector in vendor.selectors:
            if source is not None and not all(word in source for word in _words_of(selector)):
                continue
            try:
                element = doc.select_one(selector)
            except Exception:  # a selector soupsieve cannot read must not lose the page
                element = None
            if element is not None:
                break
        if element is not None or any(f in s for f in vendor.scripts for s in srcs) or \
                any(m in inline for m in vendor.inline):
            found[name] = element
    return found


def _review_dates(doc: BeautifulSoup) -> list[date | None]:
    """Dates inside review markup: <time datetime>, itemprop=datePublished, widgets' timestamp attributes."""
    out: list[date | None] = []
    for el in doc.select("time[datetime], [itemprop=datePublished], [class*=timestamp][data-content], "
                         "[class*=review] [class*=date]")[:300]:
        node: Any = el
        inside = False
        for _ in range(8):
            if node is None or not isinstance(node, Tag):
                break
            if REVIEWISH.search(_attrs_text(node)):
                inside = True
                break
            node = node.parent
        if not inside:
            continue
        raw = el.get("datetime") or el.get("content") or el.get("data-content") or el.get_text(" ", strip=True)
        out.append(parse_date(str(raw)))
    return out


def text_rating(doc: BeautifulSoup) -> tuple[float | None, float | None, int | None]:
    """A rating shown without structured data or a known widget: an element named as a rating or review
    (class, id, itemprop or aria-label) whose short text reads like a score or a review count."""
    candidates = []
    for el in doc.select("[class],[id],[aria-label],[itemprop]")[:4000]:
        if el.name in ("script", "style", "form", "input", "textarea", "select", "option", "body", "html", "main"):
            continue
        hint = f"{_attrs_text(el)} {el.get('aria-label') or ''}"
        if not RATINGISH.search(hint):
            continue
        text = el.get_text(" ", strip=True)
        if len(text) > 160:
            continue
        candidates.append(f"{el.get('aria-label') or ''} {el.get('title') or ''} {text}")
    value, best, count = _read_numbers(candidates)
    if value is not None and best is not None and best > 10:  # a percentage
        value, best = round(value / best * 5, 2), 5.0
    return value, best, count


def product_rating(page_html: str, url: str, script_srcs: Iterable[str], today: date,
                   doc: BeautifulSoup | None = None) -> tuple[Rating | None, list[str]]:
    """What one product page shows: its rating (schema.org first, then a widget, then a rating element) and the
    review vendors on it."""
    doc = doc if doc is not None else soup(page_html)
    widgets = detect_widgets(doc, script_srcs, page_html)
    dates = _review_dates(doc)
    rating = schema_rating(page_html, url, today)
    if rating is not None:
        newest = _newest([parse_date(rating.newest_review_date), *dates], today)
        rating = Rating(rating.url, rating.rating_value, rating.best_rating, rating.review_count,
                        newest.isoformat() if newest else None, rating.source)
        return rating, sorted(widgets)
    newest = _newest(dates, today)
    newest_iso = newest.isoformat() if newest else None
    for vendor, element in sorted(widgets.items(), key=lambda kv: kv[1] is None):  # rendered markup first
        value, best, count = _vendor_values(vendor, element) if element is not None else (None, None, None)
        if element is not None or vendor not in ("google_customer_reviews",):
            return Rating(url, value, best, count, newest_iso, f"widget:{vendor}"), sorted(widgets)
    value, best, count = text_rating(doc)
    if value is not None or count is not None:
        return Rating(url, value, best, count, newest_iso, "text"), sorted(widgets)
    if widgets:  # only a shop-level badge (Google Customer Reviews)
        vendor = next(iter(widgets))
        return Rating(url, None, None, None, newest_iso, f"widget:{vendor}"), sorted(widgets)
    return None, []


def shows_reviews(r: Rating) -> bool:
    """True when the page shows reviews to a customer: a count above 0, a score without a count, or a widget
    that renders its numbers itself. A widget or schema saying "0 reviews" is an empty review section."""
    if r.review_count is not None:
        return r.review_count > 0
    if r.rating_value is not None:
        return r.rating_value > 0
    return r.source.startswith("widget:")


def suspicious_of(r: Rating) -> str | None:
    value, best, count = r.rating_value, r.best_rating or 5.0, r.review_count
    if value is None or (value <= 0 and not count):
        return None
    if value > best:
        return f"a rating of {value:g} on a scale of {best:g}"
    if value >= best and not count:
        return f"a perfect {value:g} out of {best:g} with {'0 reviews' if count == 0 else 'no review count'} behind it"
    if count == 0:
        return f"a rating of {value:g} out of {best:g} from 0 reviews"
    if count is None:
        return f"a rating of {value:g} out of {best:g} without any count of reviews"
    return None


def feedback_channels_on(page_html: str, url: str, links: Iterable[tuple[str, str]],
                         doc: BeautifulSoup | None = None) -> list[FeedbackChannel]:
    """Ways to give feedback on one page. Structure first: review and feedback forms, write-a-review controls,
    survey services and review platforms' write-a-review links; then links labelled as feedback."""
    doc = doc if doc is not None else soup(page_html)
    found: list[FeedbackChannel] = []
    for form in doc.select("form")[:50]:
        fields = form.select("input, select, textarea")
        names = " ".join(f"{f.get('name') or ''} {f.get('id') or ''}" for f in fields)
        has_text = any(f.name == "textarea" for f in fields)
        rating_field = any(RATING_FIELD.search(f"{f.get('name') or ''} {f.get('id') or ''}") for f in fields
                           if f.get("type") not in ("hidden", "submit"))
        hint = f"{form.get('action') or ''} {form.get('id') or ''} {' '.join(form.get('class') or [])} {form.get('name') or ''}"
        # a text area to write in, next to a rating field or under a feedback/review action ("filter by rating"
        # on a listing has no text area; a contact form's action names no feedback)
        # a star form without a text area (Mezzanine's generic ratings: radios 1-5 posted to /rating/) is a way to
        # give feedback too: it posts to a rating/review action and offers a choice of values
        choices = [f for f in fields if f.get("type") == "radio"]
        rating_form = bool(RATING_FIELD.search(hint)) and len(choices) >= 3
        if rating_form or (has_text and (rating_field or FEEDBACK_FORM.search(hint) or RATING_FIELD.search(names))):
            action = urljoin(url, str(form.get("action") or "")) if form.get("action") else url
            label = "review form" if rating_field or re.search(r"review|comment|rating|bewertung|avis", hint, re.I) else \
                "feedback form"
            found.append(FeedbackChannel("form", action, label))
    for el in doc.select("a, button, [role=button]")[:3000]:
        marker = f"{_attrs_text(el)} {el.get('href') or ''} {el.get('data-action') or ''}"
        text = " ".join(el.get_text(" ", strip=True).split())[:120]
        href = str(el.get("href") or "")
        target = urljoin(url, href) if href and not href.startswith(("javascript:", "mailto:", "tel:")) else url
        low = href.lower()
        if any(h in low for h in SURVEY_HOSTS):
            found.append(FeedbackChannel("survey", target, text or "survey"))
        elif any(h in low for h in REVIEW_INVITE_HOSTS):
            found.append(FeedbackChannel("review_invitation", target, text or "review platform"))
        elif WRITE_REVIEW_MARKUP.search(marker) or WRITE_REVIEW_TEXT.search(text):
            found.append(FeedbackChannel("review_invitation", target, text or "write a review"))
    for script in doc.select("script[src]")[:200]:
        src = str(script.get("src") or "").lower()
        if any(h in src for h in ("usabilla.com", "survicate.com", "qualtrics.com", "getfeedback.com", "medallia.")):
            found.append(FeedbackChannel("survey", urljoin(url, str(script.get("src"))), "survey widget"))
    inline = " ".join(s.get_text()[:5000] for s in doc.select("script:not([src])")[:60])
    if "surveyoptin" in inline:  # Google Customer Reviews asks buyers for a review after the order
        found.append(FeedbackChannel("review_invitation", url, "Google Customer Reviews survey opt-in"))
    known = {ch.url for ch in found}
    for href, text in links:
        label = " ".join((text or "").split())[:120]
        if href not in known and (FEEDBACK_TEXT.search(label) or FEEDBACK_PATH.search(href)):
            found.append(FeedbackChannel("link", href, label or href))
    return found


def _looks_like_shop(s: PageSnapshot) -> bool:
    if s.role in SHOP_ROLES:
        return True
    return page_shape(s.html, s.final_url, s.text).kind in ("product_detail", "product_listing")


def gather_from(snapshots: list[PageSnapshot], today: date) -> ReviewsEvidence:
    """Pure over the crawl's snapshots: the same snapshots give the same evidence."""
    pages = [s for s in snapshots if s.status is None or s.status < 400]
    products = [s for s in pages if s.role == "product" and page_shape(s.html, s.final_url, s.text).kind == "product_detail"]
    product_ids = {id(p) for p in products}
    ratings: list[Rating] = []
    vendors: set[str] = set()
    channels: dict[tuple[str, str], FeedbackChannel] = {}
    for page in pages:
        doc = soup(page.html)  # parsed once per page
        if id(page) in product_ids:
            rating, on_page = product_rating(page.html, page.final_url, page.script_srcs, today, doc)
            vendors.update(on_page)
            if rating is not None:
                ratings.append(rating)
        else:
            vendors.update(detect_widgets(doc, page.script_srcs, page.html))
        if page.role in ("cart", "checkout"):  # order notes and "review your order" forms are no feedback
            continue
        links = [(lk.href, lk.text) for lk in page.links]
        for ch in feedback_channels_on(page.html, page.final_url, links, doc):
            channels.setdefault((ch.kind, ch.url), ch)
    suspicious = [Suspicious(r.url, why) for r in ratings if (why := suspicious_of(r))]
    scored = [r for r in ratings if r.rating_value is not None and shows_reviews(r)]
    if len(scored) >= 3 and all(r.rating_value is not None and r.rating_value >= (r.best_rating or 5.0) for r in scored):
        suspicious.append(Suspicious(scored[0].url, f"every one of the {len(scored)} product ratings is a perfect score"))
    newest = _newest((parse_date(r.newest_review_date) for r in ratings), today)
    order = {"form": 0, "review_invitation": 1, "survey": 2, "link": 3}
    return ReviewsEvidence(
        product_pages_checked=len(products), pages_with_ratings=sum(1 for r in ratings if shows_reviews(r)),
        ratings=ratings, widget_vendors=sorted(vendors),
        feedback_channels=sorted(channels.values(), key=lambda c: order.get(c.kind, 9))[:20],
        suspicious=suspicious[:20], newest_review_date=newest.isoformat() if newest else None,
        checked_on=today.isoformat(), pages_checked=len(pages),
        shop_pages_seen=sum(1 for s in pages if _looks_like_shop(s)), product_urls=[p.final_url for p in products][:20],
    )


async def gather(ctx: SiteContext) -> ReviewsEvidence:
    # parsing every crawled page is CPU work: a thread keeps the journeys that run meanwhile responsive
    return await asyncio.to_thread(gather_from, list(ctx.snapshots), date.today())


def _describe(r: Rating) -> str:
    if r.rating_value is not None and r.review_count is not None:
        return f"{r.rating_value:g} of {r.best_rating or 5:g} from {r.review_count} reviews"
    if r.review_count is not None:
        return f"{r.review_count} reviews"
    if r.rating_value is not None:
        return f"{r.rating_value:g} of {r.best_rating or 5:g}"
    return f"a {r.source.removeprefix('widget:')} review widget"


def assess(ev: ReviewsEvidence, t: ReviewsThresholds) -> CheckOutcome:
    if ev.product_pages_checked == 0 and ev.shop_pages_seen == 0:
        return CheckOutcome(status=Status.NOT_APPLICABLE, score=None,
                            reason="no product, listing, cart or checkout page was found: the site does not look like a shop")
    if ev.product_pages_checked == 0:
        return inconclusive("Reviews and ratings on product pages",
                            "no crawled page could be verified as a product detail page, so there was no product page "
                            "to read reviews from",
                            steps=("Open a product page", "Look for a star rating, the number of reviews and their dates",
                                   "Look for a 'Write a review' button, a feedback form or a survey link"))
    findings: list[Finding] = []
    strengths: list[str] = []
    shown = [r for r in ev.ratings if shows_reviews(r)]
    if not shown:
        empty = [r for r in ev.ratings if not shows_reviews(r)]
        on_products = {r.source.removeprefix("widget:") for r in ev.ratings}
        elsewhere = [v for v in ev.widget_vendors if v not in on_products]
        observed = (f"None of the {ev.product_pages_checked} product pages we read shows a rating or a review "
                    "(no schema.org AggregateRating or Review, no review widget of a known vendor, no star rating).")
        if empty:
            observed = (f"None of the {ev.product_pages_checked} product pages we read shows a review: "
                        f"{len(empty)} have a review section that says 0 reviews.")
        if elsewhere:
            observed += f" A review widget ({', '.join(elsewhere)}) appears elsewhere on the site."
        few = ev.product_pages_checked < t.min_product_pages_for_confirmed
        findings.append(make_finding(CHECK_ID, "no-reviews", FINDINGS, observed,
                                     page_url=ev.product_urls[0] if ev.product_urls else None,
                                     confidence=Confidence.LIKELY if few else Confidence.CONFIRMED))
    else:
        example = max(shown, key=lambda r: r.review_count or 0)
        strengths.append(f"{len(shown)} of {ev.product_pages_checked} product pages show reviews "
                         f"(e.g. {_describe(example)}).")
    if ev.suspicious:
        listed = "; ".join(f"{s.why} ({s.url})" for s in ev.suspicious[:3])
        more = f" and {len(ev.suspicious) - 3} more" if len(ev.suspicious) > 3 else ""
        findings.append(make_finding(CHECK_ID, "suspicious-ratings", FINDINGS, f"We saw {listed}{more}.",
                                     page_url=ev.suspicious[0].url))
    newest = parse_date(ev.newest_review_date)
    today = parse_date(ev.checked_on)
    if newest is not None and today is not None and shown:
        age = (today - newest).days
        if age > t.max_review_age_days:
            findings.append(make_finding(CHECK_ID, "reviews-outdated", FINDINGS,
                                         f"The newest review we saw on a product page is from {newest.isoformat()}, "
                                         f"{age // 365} years before this audit."))
        else:
            strengths.append(f"Reviews are recent: the newest is from {newest.isoformat()}.")
    if not ev.feedback_channels:
        findings.append(make_finding(CHECK_ID, "no-feedback-channel", FINDINGS,
                                     f"On the {ev.pages_checked} pages we read there is no 'Write a review' control, "
                                     "feedback form, survey link or review invitation (a general contact form is not "
                                     "counted). Invitations sent by email after an order cannot be seen from the shop."))
    else:
        first = ev.feedback_channels[0]
        strengths.append(f"Customers can give feedback: {first.text} ({first.kind.replace('_', ' ')}).")
    return outcome_from_findings(findings, strengths)


CHECK = CheckSpec(id=CHECK_ID, title="Reviews and feedback", kind="page", gather=gather, assess=assess,
                  thresholds=ReviewsThresholds, findings=FINDINGS, timeout_s=60, weight=0.5)
