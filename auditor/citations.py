"""The project's catalogue of sourced figures (see shared/cx-evidence.md). Findings cite these by id, so a
source's title, year and link are written once and every report renders them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Citation:
    id: str
    source: str
    title: str
    year: int
    url: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "title": self.title, "year": self.year, "url": self.url}


_CATALOGUE: tuple[Citation, ...] = (
    Citation("google-cwv-thresholds-2020", "Google web.dev", "Defining the Core Web Vitals metrics thresholds",
             2020, "https://web.dev/articles/defining-core-web-vitals-thresholds"),
    Citation("google-cls-2023", "Google web.dev", "Cumulative Layout Shift (CLS)", 2023,
             "https://web.dev/articles/cls"),
    Citation("google-fcp-2023", "Google web.dev", "First Contentful Paint (FCP)", 2023,
             "https://web.dev/articles/fcp"),
    Citation("google-ttfb-2023", "Google web.dev", "Time to First Byte (TTFB)", 2023,
             "https://web.dev/articles/ttfb"),
    Citation("google-inp-2023", "Google web.dev", "Interaction to Next Paint (INP)", 2023,
             "https://web.dev/articles/inp"),
    Citation("lighthouse-scoring", "Google Lighthouse", "Lighthouse performance scoring", 2023,
             "https://developer.chrome.com/docs/lighthouse/performance/performance-scoring"),
    Citation("thinkwithgoogle-mobile-benchmarks-2018", "Think with Google",
             "Find out how you stack up to new industry benchmarks for mobile page speed", 2018,
             "https://www.thinkwithgoogle.com/marketing-strategies/app-and-mobile/mobile-page-speed-new-industry-benchmarks/"),
    Citation("deloitte-milliseconds-2020", "Deloitte Digital and fifty-five for Google", "Milliseconds Make Millions",
             2020, "https://www.thinkwithgoogle.com/_qs/documents/9757/Milliseconds_Make_Millions_report_hQYAbZJ.pdf",
             note="correlational"),
    Citation("akamai-retail-performance-2017", "Akamai", "State of Online Retail Performance", 2017,
             "https://www.akamai.com/newsroom/press-release/akamai-releases-spring-2017-state-of-online-retail-performance-report"),
    Citation("nielsen-response-times-1993", "Nielsen Norman Group", "Response Times: The 3 Important Limits", 1993,
             "https://www.nngroup.com/articles/response-times-3-important-limits/"),
    Citation("baymard-search-query-types-2026", "Baymard Institute",
             "Ecommerce Search UX: 8 Search Query Types", 2026, "https://baymard.com/blog/ecommerce-search-query-types"),
    Citation("baymard-search-query-types-2024", "Baymard Institute",
             "Deconstructing E-Commerce Search UX: The 8 Most Common Search Query Types", 2024,
             "https://baymard.com/blog/ecommerce-search-query-types"),
    Citation("baymard-smashing-search-2014", "Baymard Institute for Smashing Magazine",
             "The Current State Of E-Commerce Search", 2014,
             "https://www.smashingmagazine.com/2014/08/18/the-current-state-of-e-commerce-search/"),
    Citation("baymard-autocomplete-misspellings", "Baymard Institute",
             "Offer Relevant Autocomplete Suggestions for Closely Misspelled Search Terms", 2023,
             "https://baymard.com/blog/offer-autocomplete-suggestions-for-misspellings"),
    Citation("baymard-autocomplete-2021", "Baymard Institute", "9 UX Best Practice Design Patterns for Autocomplete Suggestions",
             2021, "https://baymard.com/blog/autocomplete-design"),
    Citation("nngroup-magnifying-glass-2014", "Nielsen Norman Group",
             "The Magnifying-Glass Icon in Search Design: Pros and Cons", 2014,
             "https://www.nngroup.com/articles/magnifying-glass-icon/"),
    Citation("nielsen-loranger-search-width-2006", "J. Nielsen & H. Loranger", "Prioritizing Web Usability", 2006,
             "https://www.nngroup.com/books/prioritizing-web-usability/"),
    Citation("baymard-search-field-2014", "Baymard Institute", "E-Commerce Search Field Design and Its Implications",
             2014, "https://baymard.com/blog/search-field-design"),
    Citation("clickz-no-results-2007", "ClickZ", "Search: No Results Equal No Sale", 2007,
             "https://www.clickz.com/search-no-results-equal-no-sale/68374/", note="practitioner observation"),
    Citation("baymard-cart-abandonment-2024", "Baymard Institute", "Cart abandonment survey (reasons for abandonment)",
             2024, "https://baymard.com/lists/cart-abandonment-rate"),
    Citation("baymard-checkout-fields-2024", "Baymard Institute",
             "Checkout Optimization: 5 Ways to Minimize Form Fields in Checkout", 2024,
             "https://baymard.com/blog/checkout-flow-average-form-fields"),
    Citation("baymard-guest-checkout", "Baymard Institute", "Make 'Guest Checkout' the Most Prominent Option", 2023,
             "https://baymard.com/blog/make-guest-checkout-prominent"),
    Citation("stripe-checkout-2022", "Stripe with Edgar, Dunn & Co.", "The state of checkouts in 2022", 2022,
             "https://stripe.com/guides/state-of-checkouts-2022", note="vendor"),
    Citation("stripe-european-checkout-2022", "Stripe with Edgar, Dunn & Co.", "State of European checkout", 2022,
             "https://www.edgardunn.com/reports/state-of-european-checkout-2022", note="vendor"),
    Citation("forrester-payment-friction-2022", "Forrester",
             "Nearly One-Quarter Of US Online Adults Have Abandoned An Online Journey Due To Payment Friction", 2022,
             "https://www.forrester.com/report/RES178367"),
    Citation("paypal-ipsos-2021", "PayPal (Ipsos survey)",
             "People are 54% more willing to buy when a business accepts PayPal", 2021,
             "https://www.paypal.com/hk/brc/article/people-are-more-willing-to-buy-when-business-accepts-paypal",
             note="vendor-commissioned"),
    Citation("worldpay-gpr-2024", "Worldpay", "Global Payments Report 2024", 2024,
             "https://worldpay.globalpaymentsreport.com/"),
    Citation("worldpay-gpr-2025", "Worldpay", "Global Payments Report 2025", 2025,
             "https://worldpay.globalpaymentsreport.com/"),
    Citation("baymard-payment-security", "Baymard Institute",
             "How Users Perceive Security During the Checkout Flow", 2024,
             "https://baymard.com/blog/perceived-security-of-payment-form"),
    Citation("nngroup-contact-us-2019", "Nielsen Norman Group", "'Contact Us' Page Guidelines", 2019,
             "https://www.nngroup.com/articles/contact-us-page/"),
    Citation("nngroup-ecommerce-customer-service", "Nielsen Norman Group",
             "E-commerce User Experience Vol. 6: Customer Service", 2018,
             "https://www.nngroup.com/reports/ecommerce-ux-customer-service/"),
    Citation("nngroup-trustworthiness-2016", "Nielsen Norman Group", "Trustworthiness in Web Design: 4 Credibility Factors",
             2016, "https://www.nngroup.com/articles/trustworthy-design/"),
    Citation("w3c-wcag22-labels-or-instructions", "W3C", "WCAG 2.2 Success Criterion 3.3.2 Labels or Instructions", 2024,
             "https://www.w3.org/TR/WCAG22/#labels-or-instructions"),
    Citation("w3c-wcag22-name-role-value", "W3C", "WCAG 2.2 Success Criterion 4.1.2 Name, Role, Value", 2024,
             "https://www.w3.org/TR/WCAG22/#name-role-value"),
    Citation("w3c-wcag22-contrast-minimum", "W3C", "WCAG 2.2 Success Criterion 1.4.3 Contrast (Minimum)", 2024,
             "https://www.w3.org/TR/WCAG22/#contrast-minimum"),
    Citation("w3c-wcag22-focus-not-obscured", "W3C", "WCAG 2.2 Success Criterion 2.4.11 Focus Not Obscured (Minimum)",
             2024, "https://www.w3.org/TR/WCAG22/#focus-not-obscured-minimum"),
    Citation("w3c-wcag22-consistent-help", "W3C", "WCAG 2.2 Success Criterion 3.2.6 Consistent Help", 2024,
             "https://www.w3.org/TR/WCAG22/#consistent-help"),
    Citation("sykes-contact-ratings-2019", "SYKES", "E-commerce Contact Ratings 2019", 2019,
             "https://www.sykes.com/retail/ecommerce-contact-ratings-2019/", note="vendor"),
    Citation("forrester-websites-support-2012", "Forrester", "Websites That Don't Support Customers Waste Millions",
             2012, "https://www.forrester.com/report/Websites+That+Dont+Support+Customers+Waste+Millions/-/E-RES61588"),
    Citation("ceb-effortless-experience-2013", "CEB (now Gartner)", "The Effortless Experience", 2013,
             "https://www.gartner.com/en/customer-service-support/insights/effortless-experience"),
    Citation("baymard-delivery-date-2023", "Baymard Institute", "Use 'Delivery Date' Not 'Shipping Speed'", 2023,
             "https://baymard.com/blog/shipping-speed-vs-delivery-date"),
    Citation("baymard-footer-links-2024", "Baymard Institute",
             "Have Direct Links to 'Return Policy' and 'Shipping Info' in the Footer", 2024,
             "https://baymard.com/blog/footer-needs-return-shipping-links"),
    Citation("happy-returns-2023", "Happy Returns (a PayPal company)", "Returns Happen 2023", 2023,
             "https://www.emarketer.com/content/how-much-do-return-policies-impact-shopper-decisions", note="vendor"),
    Citation("pwc-experience-2018", "PwC", "Experience is everything: Here's how to get it right", 2018,
             "https://www.pwc.com/us/en/services/consulting/library/consumer-intelligence-series/future-of-customer-experience.html"),
    Citation("nngroup-ecommerce-trust", "Nielsen Norman Group", "E-Commerce User Experience: Trust", 2000,
             "https://www.nngroup.com/reports/ecommerce-user-experience/"),
    Citation("nielsen-trust-advertising-2015", "Nielsen", "Global Trust in Advertising", 2015,
             "https://www.nielsen.com/nl/nl/insights/report/2015/global-trust-in-advertising-2015/"),
)

CATALOGUE: dict[str, Citation] = {c.id: c for c in _CATALOGUE}


def cite(citation_id: str) -> Citation:
    """Looks a citation up; an unknown id is a programming error that the citation test catches."""
    return CATALOGUE[citation_id]
