from auditor.config import build_config
from auditor.gate import evaluate_gate
from auditor.ignore import apply_ignores
from reports.charts import timings_chart
from reports.summary import executive_summary


def site(findings: list[dict], score: int = 62) -> dict:
    return {"start_url": "https://s.example/", "error": None, "score": score, "checks": [
        {"id": "checkout-journey", "status": "failed", "findings": findings},
        {"id": "support-contact", "status": "passed", "findings": []},
        {"id": "site-search", "status": "not_measured", "findings": []}]}


def test_summary_names_the_urgent_problems_the_strengths_and_what_was_not_measured() -> None:
    text = executive_summary(site([{"severity": "high", "title": "Customers must create an account to buy",
                                    "code": "checkout-journey/forced-account"}]))
    assert "score 62 of 100" in text and "problems that likely cost sales" in text
    assert "The most urgent problem is: customers must create an account to buy." in text
    assert "Working well: reaching customer service." in text
    assert "Not measured this time: finding products with search" in text


def test_summary_of_an_unreachable_site() -> None:
    assert executive_summary({"error": {"message": "the connection was refused"}}) == \
        "We could not audit this site: the connection was refused."


def test_chart_escapes_site_urls_and_colours_by_rating() -> None:
    svg = timings_chart([{"url": "https://s.example/<script>alert(1)</script>", "timings": {"lcp_ms": 5000}},
                         {"url": "https://s.example/fast", "timings": {"lcp_ms": 900}},
                         {"url": "https://s.example/failed", "timings": None}])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<rect") == 2 and "#c0392b" in svg and "#1e8449" in svg
    assert timings_chart([]) == ""


def test_ignored_findings_stay_in_the_report_but_do_not_fail_the_gate() -> None:
    doc = {"sites": [site([{"severity": "high", "code": "checkout-journey/forced-account",
                            "page_url": "https://s.example/checkout"}])]}
    cfg = build_config({"ignore": [{"code": "checkout-journey/forced-account", "reason": "B2B shop: accounts by contract"}]},
                       "cxaudit.toml", {})
    assert not evaluate_gate(doc, cfg.gate)["passed"]
    assert apply_ignores(doc, cfg.ignore) == 1
    finding = doc["sites"][0]["checks"][0]["findings"][0]
    assert finding["ignored"] and finding["ignored_reason"] == "B2B shop: accounts by contract"
    assert evaluate_gate(doc, cfg.gate)["passed"]


def test_ignore_rules_can_be_limited_to_pages() -> None:
    doc = {"sites": [site([{"severity": "high", "code": "x/y", "page_url": "https://s.example/a"},
                           {"severity": "high", "code": "x/y", "page_url": "https://s.example/b"}])]}
    cfg = build_config({"ignore": [{"code": "x/y", "reason": "known", "url_pattern": "/a$"}]}, "f", {})
    assert apply_ignores(doc, cfg.ignore) == 1
