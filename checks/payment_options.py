"""Payment options: which ways to pay a customer can see, where, and whether they see them before checkout."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from auditor.checkspec import CheckSpec, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Outcome,
    Severity,
    Status,
    Unverified,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.page_parsing import soup
from auditor.payment_detect import (
    KIND,
    Detection,
    detect_in_html,
    detect_in_labels,
    detect_in_schema,
    detect_in_scripts,
)
from auditor.structured import extract_items

CHECK_ID = "payment-options"
LOCAL_METHODS = {"nl": ("ideal",), "be": ("bancontact",), "de": ("sofort", "sepa_debit", "giropay", "paypal"),
                 "at": ("sofort", "sepa_debit"), "se": ("klarna",), "no": ("klarna",)}
SECURITY_TEXT = re.compile(r"secure|encrypted|ssl|safe (checkout|payment)|sicher|sécurisé|veilig", re.I)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TRUST_SEALS = {
    "norton": re.compile(r"norton ?secured|seal\.digicert|nortonseal", re.I),
    "mcafee": re.compile(r"mcafee ?secure|trustedsite", re.I),
    "trusted_shops": re.compile(r"trusted ?shops|trustbadge", re.I),
    "trustpilot": re.compile(r"trustpilot", re.I),
    "verified_by_visa": re.compile(r"verified by visa|visa secure", re.I),
    "mastercard_securecode": re.compile(r"mastercard (securecode|id check)", re.I),
    "thuiswinkel": re.compile(r"thuiswinkel ?waarborg", re.I),
    "ekomi": re.compile(r"ekomi", re.I),
}


class PaymentThresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_methods: int = 2


@dataclass(frozen=True)
class Method:
    id: str
    kind: str
    seen_on: list[str]
    how: list[str]


@dataclass(frozen=True)
class PaymentEvidence:
    methods: list[Method]
    checked_pages: int
    shown_before_checkout: list[str]
    payment_step_reached: bool | None
    payment_step_methods: list[str]
    checkout_urls: list[str]
    checkout_https: bool | None
    security_reassurance: bool
    market_hint: str | None
    where: dict[str, list[str]] = field(default_factory=dict)
    trust_seals: list[str] = field(default_factory=list)
    advertised_before_checkout: list[str] = field(default_factory=list)  # logos and text on pages before checkout
    offered_at_payment_step: list[str] | None = None  # what the payment step offers; None when it was not reached


FINDINGS: dict[str, FindingTemplate] = {
    "only-cards": FindingTemplate(
        Severity.HIGH, "Only cards: no PayPal, wallet or pay-later option",
        CxImpact("Many customers want to pay without typing card details. In Forrester's 2022 survey 23% of US online "
                 "adults had abandoned a purchase because they could not use a digital payment method, and Worldpay "
                 "reports digital wallets were half of global e-commerce spend in 2023.",
                 Dimension.SALES_PROCESS, ("forrester-payment-friction-2022", "worldpay-gpr-2024")),
        "Offer at least one wallet (PayPal, Apple Pay or Google Pay) through your payment provider; most "
        "providers enable them without a new contract."),
    "none-before-checkout": FindingTemplate(
        Severity.MEDIUM, "Payment options are not shown before checkout",
        CxImpact("Customers decide early whether they can pay the way they want. 13% of US shoppers who abandoned a "
                 "checkout said there were not enough payment methods (Baymard), and seeing familiar payment "
                 "brands is one of the cues people use to judge whether a site is safe.",
                 Dimension.TRUST, ("baymard-cart-abandonment-2024", "baymard-payment-security")),
        "Show the accepted payment logos in the footer and near the add-to-cart button or in the cart."),
    "few-methods": FindingTemplate(
        Severity.MEDIUM, "Few ways to pay",
        CxImpact("13% of US shoppers who abandoned a checkout said the site did not offer enough payment methods "
                 "(Baymard, 2024).", Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Add the methods your customers use most: cards from several networks, PayPal and a wallet."),
    "local-methods-missing": FindingTemplate(
        Severity.MEDIUM, "The local payment method for this market is missing",
        CxImpact("In Stripe's European checkout study, 95% of shoppers said a site should offer their country's "
                 "common payment methods, and 86% said they would often abandon without their preferred one "
                 "(stated intent, vendor study).",
                 Dimension.SALES_PROCESS, ("stripe-european-checkout-2022",)),
        "Enable the market's common method (iDEAL in the Netherlands, Bancontact in Belgium, SEPA debit or "
        "Sofort in Germany) with your payment provider."),
    "advertised-not-accepted": FindingTemplate(
        Severity.HIGH, "Payment methods shown on the site are not offered at checkout",
        CxImpact("A customer who chose the shop because it shows their way to pay finds it gone at the last step; 13% of "
                 "US abandoners left because their payment method was not offered (Baymard, 2024), and a promise broken "
                 "at the payment step costs the trust the logos were meant to build.",
                 Dimension.TRUST, ("baymard-cart-abandonment-2024", "baymard-payment-security")),
        "Show only the logos of methods the checkout really offers, or enable the advertised methods with your "
        "payment provider."),
    "accepted-not-advertised": FindingTemplate(
        Severity.LOW, "Some payment methods are only revealed at the payment step",
        CxImpact("Customers decide early whether they can pay the way they want; methods they only learn about at the "
                 "end do not help them decide to start (Baymard, 2024).",
                 Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Add the missing methods' logos to the footer or the cart, next to the others."),
    "none-shown-before-checkout": FindingTemplate(
        Severity.MEDIUM, "No payment method is shown anywhere before checkout",
        CxImpact("Customers want to know how they can pay before they start checking out; seeing familiar payment "
                 "brands is also one of the cues people use to judge whether a site is safe (Baymard).",
                 Dimension.TRUST, ("baymard-cart-abandonment-2024", "baymard-payment-security")),
        "Show the accepted payment logos in the footer and near the add-to-cart button or in the cart."),
    "checkout-not-https": FindingTemplate(
        Severity.CRITICAL, "Checkout pages are not served over HTTPS",
        CxImpact("Browsers mark such pages 'Not secure', and 25% of US shoppers who abandoned a checkout said they "
                 "did not trust the site with their card details (Baymard, 2024).",
                 Dimension.TRUST, ("baymard-payment-security", "baymard-cart-abandonment-2024")),
        "Serve the whole site, and checkout above all, over HTTPS with a valid certificate; redirect HTTP to HTTPS."),
}

FINDINGS = mark_likely(FINDINGS, "only-cards", "none-before-checkout", "few-methods", "local-methods-missing",
                       "none-shown-before-checkout")  # inferred from absence


def _market(ctx: SiteContext) -> str | None:
    """The market's country: the user's `--country` when given, else the region of the home page's language."""
    if ctx.config.market.country:
        return ctx.config.market.country.lower()
    home = ctx.home
    if home is None:
        return None
    lang = (home.lang or "").lower().replace("_", "-")
    if "-" in lang:
        return lang.split("-")[1]
    return lang or None


async def gather(ctx: SiteContext) -> PaymentEvidence:
    seen: dict[str, dict[str, Any]] = {}
    where: dict[str, list[str]] = {"footer": [], "product": [], "cart": [], "payment_step": [], "other": []}

    def add(det: Detection, url: str, place: str) -> None:
        entry = seen.setdefault(det.id, {"seen_on": [], "how": []})
        if url not in entry["seen_on"] and len(entry["seen_on"]) < 20:
            entry["seen_on"].append(url)
        if det.how not in entry["how"]:
            entry["how"].append(det.how)
        if det.id not in where[place]:
            where[place].append(det.id)

    before: set[str] = set()
    for snap in ctx.snapshots:
        doc = soup(snap.html)
        footer = doc.find("footer") or doc.select_one("[role=contentinfo]")
        if footer is not None:
            for det in detect_in_html(footer):
                add(det, snap.final_url, "footer")
                before.add(det.id)
            footer.extract()  # the rest of the page is judged without the footer it shares with every page
        place = snap.role if snap.role in ("product", "cart") else "other"
        if snap.role == "checkout":
            place = "payment_step"
        for det in [*detect_in_html(doc), *detect_in_scripts(snap.script_srcs),
                    *detect_in_schema(list(extract_items(snap.html, snap.final_url)))]:
            add(det, snap.final_url, place)
            if snap.role != "checkout":
                before.add(det.id)
    checkout = ctx.needed.get("checkout-journey")
    reached: bool | None = None
    step_methods: list[str] = []
    checkout_urls = [s.final_url for s in ctx.snapshots if s.role in ("checkout", "cart")]
    reassurance = any(SECURITY_TEXT.search(s.text[:5000]) for s in ctx.snapshots if s.role in ("checkout", "cart"))
    if checkout is not None:
        reached = bool(getattr(checkout, "payment_step_reached", False))
        url = getattr(checkout, "payment_step_url", None) or ""
        for det in detect_in_labels(list(getattr(checkout, "payment_labels", []) or [])):
            add(det, url, "payment_step")
            step_methods.append(det.id)
        checkout_urls += list(getattr(checkout, "visited_urls", []) or [])
        reassurance = reassurance or bool(getattr(checkout, "security_reassurance", False))
    https_flags = [urlsplit(u).scheme == "https" for u in checkout_urls
                   if (urlsplit(u).hostname or "") not in LOOPBACK]
    seals = sorted({name for s in ctx.snapshots for name, pattern in TRUST_SEALS.items()
                    if pattern.search(s.html[:500_000])})
    methods = [Method(mid, KIND.get(mid, "other"), v["seen_on"], v["how"]) for mid, v in sorted(seen.items())]
    return PaymentEvidence(
        methods=methods, checked_pages=len(ctx.snapshots), shown_before_checkout=sorted(before),
        payment_step_reached=reached, payment_step_methods=sorted(set(step_methods)),
        checkout_urls=sorted(set(checkout_urls))[:20], checkout_https=all(https_flags) if https_flags else None,
        security_reassurance=reassurance, market_hint=_market(ctx), where=where, trust_seals=seals,
        advertised_before_checkout=sorted(before), offered_at_payment_step=sorted(set(step_methods)) if reached else None,
    )


CARD_BRANDS = frozenset(m for m, k in KIND.items() if k == "card" and m != "card")


def promise_gaps(advertised: list[str], offered: list[str]) -> tuple[list[str], list[str]]:
    """(advertised but not offered, offered but not advertised). A generic card form at the payment step honours
    every card brand's logo; a brand named at the step honours a generic "we accept cards"."""
    adv, off = set(advertised), set(offered)
    if "card" in off:
        off |= CARD_BRANDS & adv
    if off & CARD_BRANDS:
        off.add("card")
    missing = sorted(adv - off)
    extra = sorted(set(offered) - adv - ({"card"} if adv & CARD_BRANDS else set()))
    return missing, extra


def assess(ev: PaymentEvidence, t: PaymentThresholds) -> CheckOutcome:
    ids = {m.id for m in ev.methods}
    findings: list[Finding] = []
    strengths: list[str] = []
    unverified: list[Unverified] = []
    if not ev.payment_step_reached:
        unverified.append(Unverified("The payment methods offered at the payment step",
                                     "the checkout journey did not reach the payment step"))
    if not ids and not ev.payment_step_reached:
        if ev.checked_pages == 0:
            return CheckOutcome(Status.NOT_MEASURED, None, reason="no page could be loaded", unverified=unverified)
        findings.append(make_finding(CHECK_ID, "none-shown-before-checkout", FINDINGS,
                                     f"None of the {ev.checked_pages} pages visited shows a payment logo, a payment "
                                     "text or a payment provider.",
                                     premise=f"the {ev.checked_pages} pages visited before checkout loaded"))
        return outcome_from_findings(findings, outcome=Outcome.REACHED, unverified=unverified)
    kinds = {KIND.get(i, "other") for i in ids}
    if ev.checkout_https is False:
        findings.append(make_finding(CHECK_ID, "checkout-not-https", FINDINGS,
                                     "Cart or checkout pages load over plain HTTP.", page_url=ev.checkout_urls[0]))
    if ids and kinds <= {"card"}:
        findings.append(make_finding(CHECK_ID, "only-cards", FINDINGS,
                                     f"We only found card payments ({', '.join(sorted(ids))})."))
    elif ids & {"paypal", "apple_pay", "google_pay", "amazon_pay", "shop_pay"}:
        strengths.append("A wallet or PayPal is offered.")
    if ids and not ev.shown_before_checkout:
        findings.append(make_finding(CHECK_ID, "none-before-checkout", FINDINGS,
                                     "No payment logo or text appears on any page before checkout."))
    elif ev.shown_before_checkout:
        strengths.append(f"Payment options are visible before checkout ({', '.join(ev.shown_before_checkout)}).")
    distinct = len(ids - {"card"}) + (1 if "card" in ids and not ids & {"visa", "mastercard", "amex"} else 0)
    if 0 < distinct < t.min_methods:
        findings.append(make_finding(CHECK_ID, "few-methods", FINDINGS,
                                     f"Only {distinct} payment method(s) found: {', '.join(sorted(ids))}."))
    local = LOCAL_METHODS.get(ev.market_hint or "")
    if local and not ids & set(local):
        findings.append(make_finding(CHECK_ID, "local-methods-missing", FINDINGS,
                                     f"The site targets '{ev.market_hint}' but none of {', '.join(local)} was found.",
                                     premise=None if ev.payment_step_reached else "the payment step was not reached"))
    if ev.payment_step_reached and ev.offered_at_payment_step:
        missing, extra = promise_gaps(ev.advertised_before_checkout, ev.offered_at_payment_step)
        at = f"the payment step offers {', '.join(ev.offered_at_payment_step)}"
        if missing:
            findings.append(make_finding(CHECK_ID, "advertised-not-accepted", FINDINGS,
                                         f"The pages before checkout show {', '.join(missing)}, but {at}.",
                                         page_url=ev.checkout_urls[-1] if ev.checkout_urls else None))
        if extra and ev.advertised_before_checkout:
            findings.append(make_finding(CHECK_ID, "accepted-not-advertised", FINDINGS,
                                         f"{at}; {', '.join(extra)} appear nowhere before checkout."))
        if not missing and ev.advertised_before_checkout:
            strengths.append("Every payment method shown before checkout is offered at the payment step.")
    return outcome_from_findings(findings, strengths, unverified=unverified)


CHECK = CheckSpec(id=CHECK_ID, title="Payment options", kind="page", gather=gather, assess=assess,
                  thresholds=PaymentThresholds, findings=FINDINGS, timeout_s=60, weight=0.75,
                  uses=("checkout-journey",))
