"""The CI gate: decides the exit code from the result document and the gate rules, and says why."""

from __future__ import annotations

from typing import Any

from auditor.baseline import is_new
from auditor.config import Bound, GateConfig, Override, effective_gate
from auditor.errors import EXIT_GATE_FAILED, EXIT_NOTHING_AUDITED, EXIT_OK
from auditor.findings import Severity


def _lookup(evidence: dict[str, Any], metric: str) -> float | None:
    for container in (evidence, evidence.get("p75") or {}):
        value = container.get(metric) if isinstance(container, dict) else None
        if isinstance(value, bool):
            return float(value)
        if isinstance(value, int | float):
            return float(value)
    return None


def evaluate_gate(doc: dict[str, Any], gate: GateConfig, overrides: list[Override] | None = None) -> dict[str, Any]:
    """The verdict, every reason for it, and one outcome per rule and site (for JUnit's testcases)."""
    reasons: list[str] = []
    outcomes: list[dict[str, Any]] = []
    baseline = doc.get("baseline")
    for site in doc.get("sites", []):
        url = str(site.get("start_url") or "")
        site_gate = effective_gate(gate, overrides or [], url)
        severity_reasons: list[str] = []
        if site_gate.fail_on != "never":
            limit = Severity(site_gate.fail_on).rank
            for site_check in site.get("checks", []):
                for finding in site_check.get("findings", []):
                    if finding.get("ignored") or Severity(finding["severity"]).rank < limit:
                        continue
                    if finding.get("confidence") == "likely" and not site_gate.count_likely:
                        continue  # inferred from absence: shown in the report, not a reason to fail a build
                    if site_gate.fail_on_new and not is_new(site, finding, baseline):
                        continue
                    where = f" on {finding['page_url']}" if finding.get("page_url") else ""
                    severity_reasons.append(f"{finding['severity']}: {finding['code']}{where} ({url})")
        outcomes.append({"rule": f"fail_on={site_gate.fail_on}" + (" (new only)" if site_gate.fail_on_new else ""),
                         "site": url, "passed": not severity_reasons, "reasons": severity_reasons})
        reasons += severity_reasons
        if site.get("error"):
            continue
        for check_id, metrics in site_gate.rules.items():
            check: dict[str, Any] | None = next((c for c in site.get("checks", []) if c["id"] == check_id), None)
            for metric, bound in metrics.items():
                outcome = _rule_outcome(f"{check_id}.{metric}", check, metric, bound, url)
                outcomes.append(outcome)
                reasons += outcome["reasons"]
    return {"passed": not reasons, "fail_on": gate.fail_on, "fail_on_new": gate.fail_on_new,
            "count_likely": gate.count_likely, "reasons": reasons, "rules": outcomes}


def _rule_outcome(label: str, check: dict[str, Any] | None, metric: str, bound: Bound, url: str) -> dict[str, Any]:
    limits = {k: v for k, v in (("max", bound.max), ("min", bound.min)) if v is not None}
    out: dict[str, Any] = {"rule": label, "site": url, "limits": limits, "value": None, "reasons": []}
    if check is not None and check.get("outcome") == "inconclusive":
        # the auditor could not tell: never the site's fault, so never a failed build; the report says so
        out["skipped"] = f"{label}: not evaluated on {url}: {check.get('reason') or 'the check was inconclusive'}"
    elif check is None or check["status"] == "not_measured":
        out["reasons"].append(f"{label}: could not be evaluated on {url} (check not measured)")
    else:
        value = _lookup(check.get("evidence") or {}, metric)
        out["value"] = value
        if value is None:
            out["reasons"].append(f"{label}: no value measured on {url}")
        else:
            if bound.max is not None and value > bound.max:
                out["reasons"].append(f"{label} = {value:g} exceeds the maximum {bound.max:g} ({url})")
            if bound.min is not None and value < bound.min:
                out["reasons"].append(f"{label} = {value:g} is below the minimum {bound.min:g} ({url})")
    out["passed"] = not out["reasons"]
    return out


def decide_exit_code(doc: dict[str, Any]) -> int:
    sites = doc.get("sites", [])
    if not sites or all(s.get("error") for s in sites):
        return EXIT_NOTHING_AUDITED
    return EXIT_OK if doc.get("gate", {}).get("passed", True) else EXIT_GATE_FAILED
