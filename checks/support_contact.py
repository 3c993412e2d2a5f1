"""Support contact: can a customer with a problem find a way to reach a person, and how many clicks does it take?"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from playwright.async_api import Error as PlaywrightError
from pydantic import BaseModel, ConfigDict

from auditor.browser.guard import OutOfScope, PurchaseRefused
from auditor.checkspec import CheckSpec, SiteContext
from auditor.crawl.urls import normalize_url
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Measurement,
    Severity,
    Unverified,
    inconclusive,
    make_finding,
    mark_likely,
    outcome_from_findings,
)
from auditor.journey import JourneyStep
from auditor.journeys.contact import ContactWalk, walk_to_contact
from auditor.page_parsing import (
    ADDRESS_HINT,
    OPENING_HOURS,
    channels_from_hrefs,
    emails_in_text,
    has_contact_form,
    is_contact_link_text,
    phones_in_text,
    soup,
)
from auditor.snapshot import PageSnapshot
from auditor.structured import extract_items, type_names
from checks.click_map import build_click_map

CHECK_ID = "support-contact"
DIRECT_CHANNELS = ("phone", "email", "form", "chat")
CHAT_VENDORS: dict[str, tuple[str, ...]] = {
    # vendor: (script host fragments, globals or markers in page source)
    "intercom": ("widget.intercom.io", "js.intercomcdn.com", "window.Intercom", "intercomSettings"),
    "zendesk": ("static.zdassets.com", "zopim", "zE(", "zESettings"),
    "drift": ("js.driftt.com", "drift.load"),
    "livechat": ("cdn.livechatinc.com", "__lc.license", "LiveChatWidget"),
    "tawk.to": ("embed.tawk.to", "Tawk_API"),
    "freshchat": ("wchat.freshchat.com", "fcWidget"),
    "hubspot": ("js.hs-scripts.com", "js.usemessages.com", "HubSpotConversations"),
    "crisp": ("client.crisp.chat", "$crisp", "CRISP_WEBSITE_ID"),
    "gorgias": ("config.gorgias.chat", "GorgiasChat", "gorgias-chat"),
    "tidio": ("code.tidio.co", "tidioChatApi"),
    "olark": ("static.olark.com", "olark("),
}
CHAT_LAUNCHER = re.compile(r"(chat[-_]?(launcher|widget|button|bubble)|live[-_]?chat|open[-_]chat)", re.I)
HELP_CENTRE = re.compile(r"^\s*(faq|faqs|help( ?cent(re|er))?|support cent(re|er)|knowledge base|hilfe|aide|ayuda)\s*$", re.I)


class ContactThresholds(BaseModel):
    """NN/g: contact belongs in the header and footer; SYKES found phone numbers 1.23 clicks deep on average."""

    model_config = ConfigDict(extra="forbid")
    max_clicks_to_contact: int = 2


@dataclass(frozen=True)
class Channel:
    type: str
    value: str
    found_on: str
    clicks_from_home: int
    how: str
    path: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ContactEvidence:
    channels: list[Channel]
    min_clicks_to_contact: int | None
    contact_link_in_header: bool
    contact_link_in_footer: bool
    contact_page_url: str | None
    contact_page_status: int | None
    pages_checked: int
    pages_with_header_or_footer_link: int
    pages_without_contact_link: list[str]  # storefront pages only: see shares_site_chrome
    opening_hours: str | None
    chat_vendor: str | None
    journey_steps: list[JourneyStep] = field(default_factory=list)  # the walk to contact, as a customer clicks it
    # pages without the contact link that do not wear the shop's header and footer (an admin login, a feed):
    # listed so a reader sees why they were not held against the shop
    pages_outside_storefront: list[str] = field(default_factory=list)


FINDINGS: dict[str, FindingTemplate] = {
    "no-contact-channel": FindingTemplate(
        Severity.CRITICAL, "No way to contact customer service was found",
        CxImpact("A customer with a problem who cannot reach anyone leaves or escalates. Forrester found that 75% "
                 "of consumers whose online service failed them switched to another channel, and hidden contact "
                 "details make a company seem less trustworthy.",
                 Dimension.CUSTOMER_SERVICE, ("forrester-websites-support-2012", "nngroup-contact-us-2019")),
        "Publish a contact page with a phone number, an email address and a contact form, and link it as "
        "'Contact us' in the header and footer of every page."),
    "contact-deep": FindingTemplate(
        Severity.MEDIUM, "Contact details are buried several clicks deep",
        CxImpact("Every extra click is effort, and effort drives disloyalty: in CEB's study 96% of customers with "
                 "a high-effort service experience became more disloyal. SYKES found top US stores put a phone "
                 "number 1.23 clicks from the home page on average.",
                 Dimension.CUSTOMER_SERVICE, ("ceb-effortless-experience-2013", "sykes-contact-ratings-2019")),
        "Link the contact page directly from the header and footer, and show the phone number and email on "
        "the help pages customers land on."),
    "form-only": FindingTemplate(
        Severity.MEDIUM, "Customers can only write in, not call or email",
        CxImpact("In NN/g's testing users were frustrated when a site offered only a form, chat or a postal address; "
                 "they expect at least a phone number and an email address. In the SYKES survey, phone (52%) and "
                 "email (46%) were the channels shoppers with a problem said they would use most.",
                 Dimension.CUSTOMER_SERVICE, ("nngroup-contact-us-2019", "sykes-contact-ratings-2019")),
        "Add a customer-service phone number and an email address (with opening hours) next to the form."),
    "no-contact-link-header": FindingTemplate(
        Severity.LOW, "No contact link in the header",
        CxImpact("Users look for contact links at the top right of the page and in the footer; NN/g recommends a "
                 "plain 'Contact us' link in the main navigation.",
                 Dimension.CUSTOMER_SERVICE, ("nngroup-contact-us-2019",)),
        "Add a 'Contact us' (or 'Customer service') link to the header, labelled in plain words."),
    "no-contact-link-footer": FindingTemplate(
        Severity.MEDIUM, "No contact link in the footer",
        CxImpact("The footer is where many users go when they need help; NN/g found customers did find service "
                 "information in footer menus, often only after trial and error elsewhere.",
                 Dimension.CUSTOMER_SERVICE, ("nngroup-contact-us-2019", "nngroup-ecommerce-customer-service")),
        "Add a 'Contact us' link to the footer of every page."),
    "contact-inconsistent": FindingTemplate(
        Severity.LOW, "The contact link is not on every page",
        CxImpact("WCAG 2.2 asks that help mechanisms repeated across pages appear in the same place on each page, "
                 "so people who rely on them can find them again.",
                 Dimension.USABILITY, ("w3c-wcag22-consistent-help",)),
        "Render the contact link from the shared header or footer template, so every page has it in the same place."),
    "contact-page-error": FindingTemplate(
        Severity.HIGH, "The contact page is broken",
        CxImpact("A broken contact page stops a customer with a problem at the moment they need help, which drives "
                 "them to other channels or away.",
                 Dimension.CUSTOMER_SERVICE, ("forrester-websites-support-2012",)),
        "Fix the contact page so it loads (HTTP 200) and test it in monitoring."),
}

FINDINGS = mark_likely(FINDINGS, "no-contact-channel", "form-only", "no-contact-link-header", "no-contact-link-footer")  # inferred from absence


def detect_chat(page: PageSnapshot, doc: BeautifulSoup) -> str | None:
    haystack = " ".join(page.script_srcs) + " " + page.html[:400_000]
    for vendor, markers in CHAT_VENDORS.items():
        if any(m in haystack for m in markers):
            return vendor
    for el in doc.select("[id],[class],[aria-label]"):
        attrs = " ".join([str(el.get("id") or ""), " ".join(el.get("class") or []), str(el.get("aria-label") or "")])
        if CHAT_LAUNCHER.search(attrs):
            return "unknown"
    return None


def channels_on_page(page: PageSnapshot) -> list[tuple[str, str, str]]:
    """(type, value, how) for every channel a customer could use on this page."""
    found: list[tuple[str, str, str]] = []
    doc = soup(page.html)
    for ch in channels_from_hrefs([lk.href for lk in page.links]):
        found.append((ch.type, ch.value, "link"))
    for phone in phones_in_text(page.text):
        found.append(("phone", phone, "text"))
    for email in emails_in_text(page.text):
        found.append(("email", email, "text"))
    if has_contact_form(page.forms):
        found.append(("form", page.final_url, "form"))
    vendor = detect_chat(page, doc)
    if vendor:
        found.append(("chat", vendor, "script"))
    for item in extract_items(page.html, page.final_url):
        names = type_names(item)
        if "ContactPoint" in names or item.get("contactPoint") or "telephone" in item:
            points = item.get("contactPoint") or [item]
            for point in points if isinstance(points, list) else [points]:
                if isinstance(point, dict):
                    if point.get("telephone"):
                        found.append(("phone", str(point["telephone"]), "schema_org"))
                    if point.get("email"):
                        found.append(("email", str(point["email"]).removeprefix("mailto:"), "schema_org"))
    address = doc.find("address")
    if address is not None and ADDRESS_HINT.search(address.get_text(" ")):
        found.append(("address", address.get_text(" ", strip=True)[:200], "text"))
    else:  # "Address: 100 Demo Street, Springfield" in a plain paragraph, as CMS pages write it, or no label at all
        for block in doc.find_all(["p", "li", "dd", "div"], limit=2000):
            text = block.get_text(" ", strip=True)
            if len(text) < 200 and ((LABELLED_ADDRESS.match(text) and ADDRESS_HINT.search(text)) or is_postal_address(text)):
                found.append(("address", text[:200], "text"))
                break
    for link in page.links:
        if HELP_CENTRE.match(link.text or ""):
            found.append(("help_center", link.href, "link"))
            break
    return found


LABELLED_ADDRESS = re.compile(r"\s*(our |postal |visiting |store |office )?(address|adresse|anschrift|adres|dirección|"
                              r"indirizzo|endereço|adress)\s*:", re.I)


# a street with its house number, as each language writes it: "12 Quay Street", "Hauptstraße 5", "Keizersgracht 123",
# "12 rue de la Paix", "Calle Mayor 3", "Via Roma 10"
STREET_AND_NUMBER = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'.-]*\s+){0,3}(?:street|st\.|road|rd\.|avenue|lane|way|drive|quay|square|place|"
    r"boulevard|row|close|court|terrace|parade|crescent)\b|"
    r"\b[\w-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|gracht|laan|straat|plein|kade|vej|gatan|gata)\s+\d{1,4}[a-z]?\b|"
    r"\b\d{1,4},?\s+(?:rue|avenue|boulevard|place|chemin|allée|quai)\s|"
    r"\b(?:calle|avenida|plaza|paseo|via|viale|piazza|corso|rua)\s+[^,\d]{2,40}\s\d{1,4}\b", re.I)
# a postcode before its town (most of Europe) or a UK postcode
POSTCODE_AND_TOWN = re.compile(r"\b\d{4,5}(?:\s?[A-Z]{2})?\s+[A-ZÀ-Ý][a-zà-ÿ'-]+|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")


def is_postal_address(text: str) -> bool:
    """A written-out postal address without a label ("Harbour Goods, 12 Quay Street, 1000 Harbourtown."): a street
    with its number and a postcode with its town, both, so an order number or an opening time is not one."""
    return bool(STREET_AND_NUMBER.search(text) and POSTCODE_AND_TOWN.search(text))


def contact_link_regions(page: PageSnapshot) -> set[str]:
    """Where the page links to contact. A header or navigation link counts while hidden: on a phone the header's
    links fold into the menu button (Oscar's and Cartridge's navbars), one tap away, as in a desktop dropdown."""
    return {("header" if lk.region in ("header", "nav") else lk.region) for lk in page.links
            if (lk.visible or lk.region in ("header", "nav")) and is_contact_link_text(lk.text)}


def site_chrome(page: PageSnapshot) -> frozenset[str]:
    """Where the page's header, navigation and footer lead (contact links aside): the storefront's frame."""
    return frozenset(target for lk in page.links if lk.region in ("header", "nav", "footer")
                     and not is_contact_link_text(lk.text) and (target := normalize_url(lk.href)) is not None)


def shares_site_chrome(page: PageSnapshot, home_chrome: frozenset[str]) -> bool:
    """Whether the page wears the storefront's frame: at least half of the home page's header, navigation and footer
    targets. A shop's crawl also meets pages of other applications on the same host (the platform's admin login,
    a blog's RSS and Atom feeds, a password-reset page styled by the framework): no customer browses them and they
    were never meant to carry the shop's contact link, so they say nothing about the shop's consistency."""
    own = site_chrome(page)
    if not home_chrome:
        return bool(own)
    return len(own & home_chrome) * 2 >= len(home_chrome)


async def walk(ctx: SiteContext) -> tuple[ContactWalk, list[JourneyStep]]:
    """The customer's own path to contact, beside the click map; a failure here loses only the path."""
    if ctx.home is None:
        return ContactWalk(), []
    gp = await ctx.new_guarded_page("contact")
    try:
        return await walk_to_contact(gp, ctx.home.final_url), list(gp.steps)
    except (PlaywrightError, OutOfScope, PurchaseRefused):
        return ContactWalk(), list(gp.steps)


async def gather(ctx: SiteContext) -> ContactEvidence:
    cmap, (walked, steps) = await asyncio.gather(build_click_map(ctx), walk(ctx))
    seen: dict[tuple[str, str], Channel] = {}
    contact_url = None
    contact_status = None
    hours = None
    chat_vendor = None
    for key, page in sorted(cmap.pages.items(), key=lambda kv: cmap.distance.get(kv[0], 99)):
        depth = cmap.distance.get(key, 0)
        for ch_type, value, how in channels_on_page(page):
            norm = re.sub(r"\s+", "", value.lower()) if ch_type in ("phone", "email") else value
            ident = (ch_type, norm)
            if ident not in seen or seen[ident].clicks_from_home > depth:
                seen[ident] = Channel(ch_type, value, page.final_url, depth, how, cmap.path_to(page.final_url))
            if ch_type == "chat":
                chat_vendor = chat_vendor or value
        if contact_url is None and (page.role == "contact" or is_contact_link_text(cmap.link_text.get(key, ""))):
            contact_url, contact_status = page.final_url, page.status
        if hours is None:
            m = OPENING_HOURS.search(page.text)
            hours = m.group().strip()[:80] if m else None
    for ch_type, value in walked.channels:  # e.g. a contact dialog a button opens: no link leads there
        norm = re.sub(r"\s+", "", value.lower()) if ch_type in ("phone", "email") else value
        if not any(k[0] == ch_type and (k[1] == norm or ch_type == "form") for k in seen):
            seen[(ch_type, norm)] = Channel(ch_type, value, walked.reached_url or "", 1, "journey",
                                            [walked.control or ""])
    if contact_url is None and walked.reached_url and not walked.opened_in_place:
        contact_url, contact_status = walked.reached_url, 200
    for failed_url, _msg in cmap.failed.items():
        if contact_url is None and is_contact_link_text(cmap.link_text.get(failed_url, "")):
            contact_url, contact_status = failed_url, None
    home = ctx.home
    home_regions = contact_link_regions(home) if home else set()
    pages = [s for s in ctx.snapshots if s.status and s.status < 400]
    lacking = [p for p in pages if not contact_link_regions(p) & {"header", "footer"}]
    home_chrome = site_chrome(home) if home else frozenset()
    without: list[str] = []
    outside: list[str] = []
    for p in lacking:
        (without if shares_site_chrome(p, home_chrome) else outside).append(p.final_url)
    direct = [c.clicks_from_home for c in seen.values() if c.type in DIRECT_CHANNELS]
    channels = sorted(seen.values(), key=lambda c: (c.clicks_from_home, c.type))
    return ContactEvidence(
        channels=channels, min_clicks_to_contact=min(direct) if direct else None,
        contact_link_in_header="header" in home_regions, contact_link_in_footer="footer" in home_regions,
        contact_page_url=contact_url, contact_page_status=contact_status, pages_checked=len(cmap.pages),
        pages_with_header_or_footer_link=len(pages) - len(lacking), pages_without_contact_link=without[:20],
        pages_outside_storefront=outside[:20],
        opening_hours=hours, chat_vendor=chat_vendor, journey_steps=steps,
    )


def assess(ev: ContactEvidence, t: ContactThresholds) -> CheckOutcome:
    findings: list[Finding] = []
    strengths: list[str] = []
    types = {c.type for c in ev.channels}
    contact_page = ev.contact_page_url
    unverified: list[Unverified] = []
    if ev.contact_page_url and ev.contact_page_status is not None and ev.contact_page_status >= 400:
        findings.append(make_finding(CHECK_ID, "contact-page-error", FINDINGS,
                                     f"The contact page {ev.contact_page_url} is linked but broken "
                                     f"(HTTP {ev.contact_page_status}).", page_url=ev.contact_page_url))
    elif ev.contact_page_url and ev.contact_page_status is None:  # no answer: the audit machine's network or the site
        unverified.append(Unverified(f"The contact page {ev.contact_page_url}", "it did not load for the auditor"))
    if ev.min_clicks_to_contact is None and ev.pages_checked <= 1:
        return inconclusive("A way to contact support within 4 clicks of the home page",
                            f"only {ev.pages_checked} page could be read, so the site's contact options are unknown",
                            more=unverified)
    if ev.min_clicks_to_contact is None:
        findings.append(make_finding(CHECK_ID, "no-contact-channel", FINDINGS,
                                     f"Within {4} clicks of the home page ({ev.pages_checked} pages checked) we found no "
                                     "phone number, email address, contact form or chat."))
    else:
        first = min((c for c in ev.channels if c.type in DIRECT_CHANNELS), key=lambda c: c.clicks_from_home)
        if ev.min_clicks_to_contact > t.max_clicks_to_contact:
            path = " → ".join(first.path) if first.path else first.found_on
            findings.append(make_finding(
                CHECK_ID, "contact-deep", FINDINGS,
                f"The first way to reach a person ({first.type}) is {ev.min_clicks_to_contact} clicks from the home "
                f"page: {path}.", page_url=first.found_on,
                measurement=Measurement("clicks to contact", ev.min_clicks_to_contact, "clicks", t.max_clicks_to_contact)))
        else:
            strengths.append(f"A {first.type} contact is {ev.min_clicks_to_contact} click(s) from the home page.")
        if not types & {"phone", "email"}:
            offered = ", ".join(sorted(types & {"form", "chat", "address"})) or "nothing direct"
            findings.append(make_finding(CHECK_ID, "form-only", FINDINGS,
                                         f"We found no phone number and no email address; only: {offered}.",
                                         page_url=contact_page))
        elif {"phone", "email"} <= types:
            strengths.append("Both a phone number and an email address are published.")
    if not ev.contact_link_in_header:
        findings.append(make_finding(CHECK_ID, "no-contact-link-header", FINDINGS,
                                     "The home page header has no 'Contact' / 'Customer service' / 'Help' link."))
    if not ev.contact_link_in_footer:
        findings.append(make_finding(CHECK_ID, "no-contact-link-footer", FINDINGS,
                                     "The home page footer has no 'Contact' / 'Customer service' / 'Help' link."))
    has_link_on_home = ev.contact_link_in_footer or ev.contact_link_in_header
    if has_link_on_home and ev.pages_without_contact_link and ev.pages_with_header_or_footer_link:
        findings.append(make_finding(
            CHECK_ID, "contact-inconsistent", FINDINGS,
            f"{len(ev.pages_without_contact_link)} page(s) lack the contact link the home page has, e.g. "
            f"{ev.pages_without_contact_link[0]}.", page_url=ev.pages_without_contact_link[0]))
    return outcome_from_findings(findings, strengths, unverified=unverified)


CHECK = CheckSpec(id=CHECK_ID, title="Support contact", kind="journey", gather=gather, assess=assess,
                  thresholds=ContactThresholds, findings=FINDINGS, timeout_s=90, starts_on="home")
