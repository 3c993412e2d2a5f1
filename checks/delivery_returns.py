"""Delivery and returns: can a customer find out, before paying, when the order arrives, what shipping
costs and how to send it back?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from auditor.checkspec import CheckSpec, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Severity,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.page_parsing import PRICE_NEAR_SHIPPING, currencies_shown
from checks.click_map import ClickMap, build_click_map

CHECK_ID = "delivery-returns"
SHIPPING_WORDS = re.compile(r"shipping|delivery|versand|lieferung|livraison|verzending|bezorging|envío|spedizione", re.I)
RETURNS_WORDS = re.compile(r"returns?|refunds?|retour|rückgabe|ruckgabe|widerruf|retours|devoluci|resi\b|exchange", re.I)
MONTHS = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|"
          r"dec(ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
          r"septembre|octobre|novembre|décembre")
WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
DATE_ESTIMATE = re.compile(
    rf"(get it|arrives?|delivered|delivery|receive it|bezorgd|geliefert|livré)[^.\n]{{0,30}}"
    rf"(\b({WEEKDAYS})\b[^.\n]{{0,12}}\d{{1,2}}|\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b|\b({MONTHS})\s+\d{{1,2}}|"
    rf"\d{{1,2}}[./]\d{{1,2}}([./]\d{{2,4}})?|\btomorrow\b|\bmorgen\b|\bdemain\b)", re.I)
SPEED_ESTIMATE = re.compile(
    r"\d+\s*(?:[-–]|to)\s*\d+\s*(business |working |werk|werktage|jours ouvrés)?\s*(days?|dagen|tage|jours)|"
    r"within\s+\d+\s*(business |working )?days?|\b(next|same)[- ](business |working )?day\b|"
    r"\b\d+\s*(business|working)\s*days?", re.I)



class DeliveryThresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_clicks_to_policy: int = 2


@dataclass(frozen=True)
class DeliveryEvidence:
    shipping_info_url: str | None
    returns_policy_url: str | None
    delivery_estimate_on_product_page: bool
    delivery_estimate_kind: str  # date | speed | none
    delivery_estimate_text: str | None
    shipping_cost_before_checkout: bool | None
    clicks_from_home: dict[str, int | None]
    shipping_link_in_footer: bool
    returns_link_in_footer: bool
    product_pages_checked: int
    paths: dict[str, list[str]] = field(default_factory=dict)
    market_currency: str | None = None
    currencies_on_product_pages: list[str] = field(default_factory=list)


FINDINGS: dict[str, FindingTemplate] = {
    "no-returns-policy": FindingTemplate(
        Severity.HIGH, "No returns policy could be found",
        CxImpact("Most shoppers check how returns work before they buy: 81% of US shoppers said they review the "
                 "return policy before a first purchase (Happy Returns, 2023), and 18% of checkout abandoners in "
                 "Baymard's survey blamed an unsatisfactory returns policy.",
                 Dimension.TRUST, ("happy-returns-2023", "baymard-cart-abandonment-2024")),
        "Publish a returns page (time limit, cost, how to send items back) and link it as 'Returns' in the footer."),
    "no-shipping-info": FindingTemplate(
        Severity.MEDIUM, "No shipping information could be found",
        CxImpact("Customers want delivery costs and times up front; in Baymard's survey 48% of abandoners named "
                 "extra costs and 23% slow delivery as reasons to leave a checkout.",
                 Dimension.DELIVERY, ("baymard-cart-abandonment-2024",)),
        "Publish a shipping page with costs, delivery times and countries, linked from the footer and product pages."),
    "policy-links-not-in-footer": FindingTemplate(
        Severity.LOW, "Returns or shipping are not linked in the footer",
        CxImpact("Baymard found 20% of sites lack direct footer links to 'Return Policy' and 'Shipping Info', where "
                 "a group of users always looks for them.",
                 Dimension.DELIVERY, ("baymard-footer-links-2024",)),
        "Add direct 'Shipping' and 'Returns' links to the footer of every page."),
    "policy-deep": FindingTemplate(
        Severity.LOW, "Returns or shipping information is buried",
        CxImpact("Users who cannot quickly find delivery and return terms treat the site as less transparent; NN/g "
                 "counts upfront disclosure of such terms as one of four credibility factors.",
                 Dimension.TRUST, ("nngroup-trustworthiness-2016", "baymard-footer-links-2024")),
        "Link the shipping and returns pages directly from the footer, not only through a help centre."),
    "no-delivery-estimate": FindingTemplate(
        Severity.MEDIUM, "Product pages do not say when the order arrives",
        CxImpact("Baymard found 43% of sites do not surface shipping information on the product page, and 23% of "
                 "abandoners left over slow delivery; without an estimate customers cannot judge it at all.",
                 Dimension.DELIVERY, ("baymard-footer-links-2024", "baymard-cart-abandonment-2024")),
        "Show an estimated delivery date near the add-to-cart button ('Order today, get it by Thursday 14 March')."),
    "delivery-speed-not-date": FindingTemplate(
        Severity.LOW, "Delivery is given as a speed, not a date",
        CxImpact("Baymard's testing found users stall working out what '2–4 business days' means for them, and "
                 "some abandon; 41% of sites show a speed rather than a date.",
                 Dimension.DELIVERY, ("baymard-delivery-date-2023",)),
        "Turn the shipping speed into an estimated delivery date for the customer's order time and location."),
    "prices-in-other-currency": FindingTemplate(
        Severity.MEDIUM, "Prices are not shown in the market's currency",
        CxImpact("Customers cannot tell what they will pay when prices are in another currency; shoppers want the "
                 "full price revealed up front (Nielsen Norman Group, E-Commerce User Experience: Trust).",
                 Dimension.PRICING_FAIRNESS, ("nngroup-ecommerce-trust",)),
        "Show prices in the visitor's market currency (a market or currency switcher, or per-country storefronts)."),
    "shipping-cost-late": FindingTemplate(
        Severity.HIGH, "Shipping costs are only revealed in checkout",
        CxImpact("Unexpected extra costs are the most common reason to abandon: 48% of US abandoners in Baymard's "
                 "2024 survey, and 21% because they could not see the total up front. NN/g's trust research asks for "
                 "'fair pricing, fully revealed'.",
                 Dimension.PRICING_FAIRNESS, ("baymard-cart-abandonment-2024", "nngroup-ecommerce-trust")),
        "State shipping costs (or 'free shipping over …') on product pages and in the cart, before checkout."),
}

FINDINGS = mark_likely(FINDINGS, "no-returns-policy", "no-shipping-info", "policy-links-not-in-footer", "no-delivery-estimate", "shipping-cost-late")  # inferred from absence


def _find_policy(cmap: ClickMap, words: re.Pattern[str]) -> tuple[str | None, int | None, list[str]]:
    best: tuple[int, str] | None = None
    for key, distance in cmap.distance.items():
        page = cmap.pages.get(key)
        label = f"{cmap.link_text.get(key, '')} {key}"
        title = f"{page.title}" if page else ""
        if not (words.search(label) or (page is not None and words.search(title))):
            continue
        if page is not None and page.status and page.status >= 400:
            continue
        if best is None or distance < best[0]:
            best = (distance, key)
    if best is None:
        return None, None, []
    url = cmap.pages[best[1]].final_url if best[1] in cmap.pages else best[1]
    return url, best[0], cmap.path_to(best[1])


def classify_estimate(text: str) -> tuple[str, str | None]:
    date = DATE_ESTIMATE.search(text)
    if date:
        return "date", date.group().strip()[:120]
    speed = SPEED_ESTIMATE.search(text)
    if speed:
        return "speed", speed.group().strip()[:120]
    return "none", None


async def gather(ctx: SiteContext) -> DeliveryEvidence:
    cmap = await build_click_map(ctx)
    shipping_url, shipping_clicks, shipping_path = _find_policy(cmap, SHIPPING_WORDS)
    returns_url, returns_clicks, returns_path = _find_policy(cmap, RETURNS_WORDS)
    home = ctx.home
    footer_texts = [f"{lk.text} {lk.href}" for lk in (home.links if home else []) if lk.region == "footer"]
    products = ctx.pages_with_role("product")
    kinds = [classify_estimate(p.text) for p in products]
    kind, text = next(((k, t) for k, t in kinds if k == "date"), next(((k, t) for k, t in kinds if k == "speed"),
                                                                        ("none", None)))
    pre_checkout = [p for p in ctx.snapshots if p.role not in ("checkout",)]
    cost_seen = any(PRICE_NEAR_SHIPPING.search(p.text) for p in pre_checkout)
    checkout = ctx.needed.get("checkout-journey")
    cart_costs = getattr(checkout, "costs_shown_before_checkout", None) if checkout is not None else None
    if cost_seen or cart_costs:
        cost_before: bool | None = True
    elif cart_costs is False:
        cost_before = False
    else:
        cost_before = None
    return DeliveryEvidence(
        shipping_info_url=shipping_url, returns_policy_url=returns_url,
        delivery_estimate_on_product_page=kind != "none", delivery_estimate_kind=kind, delivery_estimate_text=text,
        shipping_cost_before_checkout=cost_before,
        clicks_from_home={"shipping": shipping_clicks, "returns": returns_clicks},
        shipping_link_in_footer=any(SHIPPING_WORDS.search(t) for t in footer_texts),
        returns_link_in_footer=any(RETURNS_WORDS.search(t) for t in footer_texts),
        product_pages_checked=len(products), paths={"shipping": shipping_path, "returns": returns_path},
        market_currency=ctx.config.market.currency,
        currencies_on_product_pages=sorted(set().union(*(currencies_shown(p.text, p.html) for p in products))),
    )


def assess(ev: DeliveryEvidence, t: DeliveryThresholds) -> CheckOutcome:
    findings: list[Finding] = []
    strengths: list[str] = []
    if ev.returns_policy_url is None:
        findings.append(make_finding(CHECK_ID, "no-returns-policy", FINDINGS,
                                     "Within 4 clicks of the home page we found no page about returns or refunds."))
    if ev.shipping_info_url is None:
        findings.append(make_finding(CHECK_ID, "no-shipping-info", FINDINGS,
                                     "Within 4 clicks of the home page we found no page about shipping or delivery."))
    missing_footer = [name for name, ok, url in (("shipping", ev.shipping_link_in_footer, ev.shipping_info_url),
                                                  ("returns", ev.returns_link_in_footer, ev.returns_policy_url))
                      if url and not ok]
    if missing_footer:
        findings.append(make_finding(CHECK_ID, "policy-links-not-in-footer", FINDINGS,
                                     f"The footer has no direct link to {' or '.join(missing_footer)} information."))
    deep = [f"{name} ({clicks} clicks: {' → '.join(ev.paths.get(name, []))})"
            for name, clicks in ev.clicks_from_home.items() if clicks is not None and clicks > t.max_clicks_to_policy]
    if deep:
        findings.append(make_finding(CHECK_ID, "policy-deep", FINDINGS, f"Buried: {'; '.join(deep)}."))
    elif ev.returns_policy_url and ev.shipping_info_url:
        strengths.append("Shipping and returns information is within easy reach.")
    if ev.product_pages_checked:
        if ev.delivery_estimate_kind == "none":
            findings.append(make_finding(CHECK_ID, "no-delivery-estimate", FINDINGS,
                                         f"None of the {ev.product_pages_checked} product pages we saw gives a delivery "
                                         "estimate."))
        elif ev.delivery_estimate_kind == "speed":
            findings.append(make_finding(CHECK_ID, "delivery-speed-not-date", FINDINGS,
                                         f"Product pages say “{ev.delivery_estimate_text}” rather than a date."))
        else:
            strengths.append(f"Product pages give a delivery date (“{ev.delivery_estimate_text}”).")
    shown = set(ev.currencies_on_product_pages)
    if ev.market_currency and shown and ev.market_currency not in shown:
        findings.append(make_finding(CHECK_ID, "prices-in-other-currency", FINDINGS,
                                     f"For the {ev.market_currency} market, product pages show prices in "
                                     f"{', '.join(sorted(shown))} only."))
    elif ev.market_currency and ev.market_currency in shown:
        strengths.append(f"Prices are shown in the market's currency ({ev.market_currency}).")
    if ev.shipping_cost_before_checkout is False:
        findings.append(make_finding(CHECK_ID, "shipping-cost-late", FINDINGS,
                                     "Neither product pages, the cart nor the pages we visited state a shipping cost "
                                     "before checkout."))
    elif ev.shipping_cost_before_checkout:
        strengths.append("Shipping costs are stated before checkout.")
    return outcome_from_findings(findings, strengths)


CHECK = CheckSpec(id=CHECK_ID, title="Delivery and returns", kind="journey", gather=gather, assess=assess,
                  thresholds=DeliveryThresholds, findings=FINDINGS, timeout_s=90, weight=0.75,
                  uses=("checkout-journey",))
