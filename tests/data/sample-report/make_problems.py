"""Builds problems.json (the stored result of tests/reports/test_grouped_report.py) from the real assess
functions, so it holds what cxaudit writes for such a site: main-thread blocking on five page types with mixed
severities, search findings stored medium-first, a checkout journey that could not be verified, no returns page.

Run from the repository root: .venv/bin/python tests/data/sample-report/make_problems.py"""

import dataclasses
import json
from pathlib import Path

import checks.delivery_returns as dr
import checks.load_time as lt
import checks.site_search as ss
from auditor.findings import Outcome, Status, Unverified
from auditor.results import CheckResult

HERE = Path(__file__).resolve().parent

BASE = "https://shop.example"


def tim(url: str, role: str, tbt: float, lcp: float = 1200.0) -> lt.PageTiming:
    return lt.PageTiming(url=BASE + url, role=role, ttfb_ms=200.0, fcp_ms=900.0, lcp_ms=lcp, cls=0.0, cls_total=0.0,
                         tbt_ms=tbt, load_ms=1500.0, lcp_element="img", transfer_bytes=900_000, requests=30)


pages = [tim("/", "home", 900.0), tim("/kitchen", "category", 400.0), tim("/product/teapot", "product", 700.0, lcp=4600.0),
         tim("/contact", "contact", 1200.0), tim("/returns", "policy", 350.0)]
ev = lt.LoadEvidence(pages_measured=5, p75=lt.p75_of(pages), device="desktop", throttling="none",
                     per_role={p.role: lt.p75_of([p]) for p in pages}, pages=pages)
out = lt.assess(ev, lt.LoadThresholds())
load = CheckResult("load-time", "Load time", out.status, out.score, dataclasses.asdict(ev), out.findings,
                   strengths=out.strengths, outcome=out.outcome)



def q(query: str, kind: str, n: int, rel: int, ms: int, help_: bool | None = None) -> ss.QueryResult:
    return ss.QueryResult(query, kind, "Ceramic Teapot", n, rel, ms, help_, f"{BASE}/search?q={query.replace(' ', '+')}")



sev = ss.SearchEvidence(search_input_found=True, search_input_selector="input[name=q]", visible_without_click=True,
                        reveal_control=None, input_width_chars=40, via="input", search_url_template=None, opensearch=False,
                        product_used="Ceramic Teapot",
                        queries=[q("Ceramic Teapot", "known_product", 12, 0, 2400), q("teapot", "product_type", 3, 1, 900),
                                 q("qzxvbnwplk", "nonsense", 0, 0, 800, False)],
                        autocomplete=True, pages_with_search=5, pages_checked=5, product_source_url=BASE + "/product/teapot")
out = ss.assess(sev, ss.SearchThresholds())
found = sorted(out.findings, key=lambda f: f.severity.rank)  # as a check may emit them: a high before the critical
search = CheckResult("site-search", "Site search", out.status, out.score, dataclasses.asdict(sev), found,
                     strengths=out.strengths, outcome=out.outcome)

reason = "the shop refused every test postcode at the address step, so the payment step was not reached"
checkout = CheckResult("checkout-journey", "Checkout journey", Status.NOT_MEASURED, None, {
    "product_url": BASE + "/product/teapot", "add_to_cart_found": True, "cart_reached": True, "checkout_reached": True,
    "guest_checkout": "offered", "guest_first": True, "steps_to_payment": None, "payment_step_reached": False,
    "form_fields_total": 9, "form_fields_required": 6, "costs_shown_before_checkout": None,
    "stopped_at_url": BASE + "/checkout/address", "stopped_because": reason, "orders_placed": 0, "steps": []},
    reason=reason, outcome=Outcome.INCONCLUSIVE,
    unverified=[Unverified("Reaching the payment step", reason, None,
                           ("Add the Ceramic Teapot to the cart", "Check out as a guest", "Enter a valid address"))])
contact = CheckResult("support-contact", "Support contact", Status.PASSED, 100, {
    "channels": [{"type": "email", "value": "help@shop.example", "found_on": BASE + "/contact", "clicks_from_home": 2,
                  "how": "link", "path": ["Help", "Contact us"]},
                 {"type": "form", "value": BASE + "/contact", "found_on": BASE + "/contact", "clicks_from_home": 2,
                  "how": "form", "path": ["Help", "Contact us"]}],
    "min_clicks_to_contact": 2, "contact_link_in_header": True, "contact_link_in_footer": True,
    "contact_page_url": BASE + "/contact"}, strengths=["Email and a contact form are two clicks from home."])
dev = dr.DeliveryEvidence(shipping_info_url=BASE + "/shipping", returns_policy_url=None, delivery_estimate_on_product_page=True,
                          delivery_estimate_kind="date", delivery_estimate_text="Arrives by Friday",
                          shipping_cost_before_checkout=True, clicks_from_home={"shipping": 1, "returns": None},
                          shipping_link_in_footer=True, returns_link_in_footer=False, product_pages_checked=1)
out = dr.assess(dev, dr.DeliveryThresholds())
delivery = CheckResult("delivery-returns", "Delivery and returns", out.status, out.score, dataclasses.asdict(dev),
                       out.findings, strengths=out.strengths, outcome=out.outcome)
payment = CheckResult("payment-options", "Payment options", Status.PASSED, 100, {
    "methods": [{"id": "visa", "kind": "card", "seen_on": [BASE + "/"], "how": ["logo"]},
                {"id": "paypal", "kind": "wallet", "seen_on": [BASE + "/"], "how": ["logo"]}],
    "checked_pages": 5, "advertised_before_checkout": ["visa", "paypal"], "offered_at_payment_step": None,
    "where": {"footer": ["visa", "paypal"]}})
doc = json.loads((HERE / "report.json").read_text())
site = {"start_url": BASE + "/", "final_url": BASE + "/", "error": None, "language": "en",
        "crawl": {"pages_visited": 5, "pages_failed": 0, "pages_skipped": 0, "robots_txt": "found", "sitemap_urls": 0},
        "pages": [{"url": p.url, "status": 200, "role": p.role, "error": None,
                   "timings": {"ttfb_ms": p.ttfb_ms, "fcp_ms": p.fcp_ms, "lcp_ms": p.lcp_ms, "cls": p.cls, "tbt_ms": p.tbt_ms,
                               "load_ms": p.load_ms}} for p in pages],
        "score": 58, "screenshot": None,
        "checks": [c.to_json() for c in (load, search, checkout, contact, delivery, payment)],
        "guard": {}, "duration_ms": 1000, "access": {}, "market": {}, "consent": {}, "login": None}
problems = {"schema_version": "2", "tool": doc["tool"], "started_at": "2026-11-23T12:00:00+00:00", "duration_ms": 1000,
            "config": {**doc["config"], "urls": [BASE + "/"]}, "browser": {}, "incomplete": False,
            "gate": {"passed": False, "fail_on": "high", "reasons": ["site-search/known-product-not-found (critical)"],
                     "rules": []}, "sites": [site], "baseline": None}
(HERE / "problems.json").write_text(json.dumps(problems, indent=1, ensure_ascii=False) + "\n")
for c in site["checks"]:
    print(c["id"], c["status"], c["outcome"], [(f["code"], f["severity"], f["page_url"]) for f in c["findings"]])
