import json
from pathlib import Path

import pytest

from auditor.baseline import diff
from auditor.browser.locate import locate_browser
from auditor.citations import CATALOGUE
from auditor.config import build_config
from auditor.errors import BrowserNotFound, ConfigError, UsageError
from auditor.gate import decide_exit_code, evaluate_gate


def test_gate_rules_in_toml_shape_are_collected() -> None:
    cfg = build_config({"gate": {"fail_on": "medium", "checkout": {"steps_to_payment": {"max": 4}},
                                 "load-time": {"lcp_ms": {"max": 2500}}}}, "cxaudit.toml", {})
    assert cfg.gate.rules["checkout-journey"]["steps_to_payment"].max == 4
    assert cfg.gate.rules["load-time"]["lcp_ms"].max == 2500


@pytest.mark.parametrize(("data", "needle"), [
    ({"crawl": {"max_pagez": 3}}, "crawl.max_pagez: unknown key"),
    ({"crawl": {"max_pages": "many"}}, "crawl.max_pages"),
    ({"gate": {"nosuchcheck": {"x": {"max": 1}}}}, "unknown check 'nosuchcheck'"),
    ({"brand": {"color": "red"}}, "brand.color"),
    ({"checks": ["load-time", "telepathy"]}, "unknown check 'telepathy'"),
])
def test_invalid_config_names_the_key(data: dict, needle: str) -> None:
    with pytest.raises(ConfigError) as err:
        build_config(data, "cxaudit.toml", {})
    assert needle in err.value.message
    assert "\n" not in err.value.message


def test_cli_flags_override_the_file() -> None:
    cfg = build_config({"crawl": {"max_pages": 5, "delay_ms": 10}}, "f", {"crawl": {"max_pages": 9}})
    assert (cfg.crawl.max_pages, cfg.crawl.delay_ms) == (9, 10)


def doc_with(severity: str, evidence: dict | None = None, status: str = "failed") -> dict:
    return {"sites": [{"start_url": "https://s.example/", "error": None, "checks": [{
        "id": "checkout-journey", "status": status, "evidence": evidence or {},
        "findings": [{"code": "checkout-journey/forced-account", "severity": severity, "page_url": "https://s.example/checkout"}]}]}]}


def test_gate_fails_on_findings_at_or_above_fail_on() -> None:
    cfg = build_config({}, "", {})
    assert not evaluate_gate(doc_with("high"), cfg.gate)["passed"]
    assert evaluate_gate(doc_with("medium"), cfg.gate)["passed"]
    never = build_config({"gate": {"fail_on": "never"}}, "f", {})
    assert evaluate_gate(doc_with("critical"), never.gate)["passed"]


def test_gate_threshold_rules_read_evidence() -> None:
    cfg = build_config({"gate": {"fail_on": "never", "checkout": {"steps_to_payment": {"max": 4}}}}, "f", {})
    assert evaluate_gate(doc_with("low", {"steps_to_payment": 4}), cfg.gate)["passed"]
    result = evaluate_gate(doc_with("low", {"steps_to_payment": 6}), cfg.gate)
    assert not result["passed"] and "exceeds the maximum 4" in result["reasons"][0]
    assert not evaluate_gate(doc_with("low", {}, status="not_measured"), cfg.gate)["passed"]


def test_baseline_diff_and_fail_on_new() -> None:
    old = doc_with("high")
    new = doc_with("high")
    new["sites"][0]["checks"][0]["findings"].append({"code": "checkout-journey/too-many-fields", "severity": "high", "page_url": None})
    d = diff(new, old)
    assert d["new"] == ["checkout-journey/too-many-fields"] and d["unchanged"] == ["checkout-journey/forced-account"]
    new["baseline"] = d
    cfg = build_config({"gate": {"fail_on_new": True}}, "f", {})
    reasons = evaluate_gate(new, cfg.gate)["reasons"]
    assert len(reasons) == 1 and "too-many-fields" in reasons[0]


def test_exit_codes() -> None:
    assert decide_exit_code({"sites": [{"error": {"code": "dns"}}]}) == 3
    assert decide_exit_code({"sites": [{"error": None}], "gate": {"passed": False}}) == 1
    assert decide_exit_code({"sites": [{"error": None}], "gate": {"passed": True}}) == 0


def test_every_cited_source_is_in_the_catalogue() -> None:
    from checks import all_checks

    for check in all_checks():
        for template in check.findings.values():
            assert template.impact.cites, f"{check.id}: a finding without a source"
            for cid in template.impact.cites:
                assert cid in CATALOGUE
            assert template.fix and template.impact.statement


def test_browser_location_order(tmp_path: Path) -> None:
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert locate_browser(str(fake), env={}).source == "explicit"
    assert locate_browser(None, env={"CXAUDIT_BROWSER": str(fake)}).executable == str(fake)
    assert locate_browser(None, env={}, playwright_own=str(fake)).source == "playwright"
    assert locate_browser(None, env={}, which=(), known_paths=(str(fake),)).source == "system"
    with pytest.raises(BrowserNotFound) as err:
        locate_browser(None, env={}, playwright_own=str(tmp_path / "missing"), which=(), known_paths=())
    assert "playwright install chromium" in err.value.message and "apt-get install chromium" in err.value.message
    with pytest.raises(UsageError):
        locate_browser(str(tmp_path / "nope"), env={})
    json.dumps({})


def test_url_pattern_overrides_change_gate_rules_and_severity_for_matching_sites_only() -> None:
    cfg = build_config({"gate": {"fail_on": "high", "checkout": {"steps_to_payment": {"max": 4}}},
                        "overrides": [{"url_pattern": "https://s.example/*", "gate": {
                            "fail_on": "critical", "checkout": {"steps_to_payment": {"max": 6}}}}]}, "cxaudit.toml", {})
    matching = doc_with("high", {"steps_to_payment": 5})
    assert evaluate_gate(matching, cfg.gate, cfg.overrides)["passed"]
    other = doc_with("high", {"steps_to_payment": 5})
    other["sites"][0]["start_url"] = "https://other.example/"
    verdict = evaluate_gate(other, cfg.gate, cfg.overrides)
    assert not verdict["passed"]
    assert [(r["rule"], r["passed"]) for r in verdict["rules"]] == [("fail_on=high", False),
                                                                    ("checkout-journey.steps_to_payment", False)]


def test_url_pattern_overrides_change_thresholds_for_matching_sites() -> None:
    from auditor.config import effective_thresholds

    cfg = build_config({"thresholds": {"load-time": {"lcp_good_ms": 2500}},
                        "overrides": [{"url_pattern": "*staging*", "thresholds": {"speed": {"lcp_good_ms": 4000}}}]},
                       "cxaudit.toml", {})
    assert effective_thresholds(cfg.thresholds, cfg.overrides, "https://staging.s.example/")["load-time"] == {"lcp_good_ms": 4000}
    assert effective_thresholds(cfg.thresholds, cfg.overrides, "https://s.example/")["load-time"] == {"lcp_good_ms": 2500}


def test_every_gate_rule_is_an_outcome_with_its_value() -> None:
    cfg = build_config({"gate": {"checkout": {"steps_to_payment": {"max": 4}}}}, "cxaudit.toml", {})
    verdict = evaluate_gate(doc_with("low", {"steps_to_payment": 3}), cfg.gate)
    rule = verdict["rules"][1]
    assert (rule["rule"], rule["value"], rule["limits"], rule["passed"]) == ("checkout-journey.steps_to_payment", 3.0, {"max": 4.0}, True)


def test_a_key_with_a_newline_still_gives_a_one_line_error() -> None:
    with pytest.raises(ConfigError) as err:
        build_config({"crawl": {"max\npages": 3}}, "cxaudit.toml", {})
    assert "\n" not in err.value.message and "max\\npages: unknown key" in err.value.message


def _with_confidence(confidence: str) -> dict:
    doc = doc_with("high")
    doc["sites"][0]["checks"][0]["findings"][0]["confidence"] = confidence
    return doc


def test_the_gate_counts_confirmed_findings_and_likely_ones_only_when_asked() -> None:
    cfg = build_config({"gate": {"fail_on": "high"}}, "f", {})
    assert not evaluate_gate(_with_confidence("confirmed"), cfg.gate)["passed"]
    assert evaluate_gate(_with_confidence("likely"), cfg.gate)["passed"], "inferred from absence: not a failed build"
    strict = build_config({"gate": {"fail_on": "high", "count_likely": True}}, "f", {})
    assert not evaluate_gate(_with_confidence("likely"), strict.gate)["passed"]


def test_an_inconclusive_check_never_fails_a_gate_rule_but_says_it_was_not_evaluated() -> None:
    cfg = build_config({"gate": {"checkout": {"steps_to_payment": {"max": 4}}}}, "f", {})
    doc = doc_with("low", {}, status="not_measured")
    doc["sites"][0]["checks"][0].update(outcome="inconclusive", reason="the site asked for a size we could not choose",
                                        findings=[])
    verdict = evaluate_gate(doc, cfg.gate)
    assert verdict["passed"]
    rule = next(r for r in verdict["rules"] if r["rule"] == "checkout-journey.steps_to_payment")
    assert rule["passed"] and "size we could not choose" in rule["skipped"]
