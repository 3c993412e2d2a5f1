"""The CI gate: decides the exit code from the result document and the gate rules, and says why."""

from __future__ import annotations

from typing import Any

from auditor.baseline import is_new
from auditor.config import GateConfig
from auditor.errors import EXIT_GATE_FAILED, EXIT_NOTHING_AUDITED, EXIT_OK
from auditor.findings import Severity
from auditor.results import iter_findings


def _lookup(evidence: dict[str, Any], metric: str) -> float | None:
    for container in (evidence, evidence.get("p75") or {}):
        value = container.get(metric) if isinstance(container, dict) else None
        if isinstance(value, bool):
            return float(value)
        if isinstance(value, int | float):
            return float(value)
    return None


def evaluate_gate(doc: dict[str, Any], gate: GateConfig) -> dict[str, Any]:
    reasons: list[str] = []
    baseline = doc.get("baseline")
    if gate.fail_on != "never":
        limit = Severity(gate.fail_on).rank
        for site, _check, finding in iter_findings(doc):
            if finding.get("ignored"):
                continue
            if Severity(finding["severity"]).rank < limit:
                continue
            if gate.fail_on_new and not is_new(site, finding, baseline):
                continue
            where = f" on {finding['page_url']}" if finding.get("page_url") else ""
            reasons.append(f"{finding['severity']}: {finding['code']}{where} ({site['start_url']})")
    for check_id, metrics in gate.rules.items():
        for site in doc.get("sites", []):
            if site.get("error"):
                continue
            check: dict[str, Any] | None = next((c for c in site.get("checks", []) if c["id"] == check_id), None)
            for metric, bound in metrics.items():
                label = f"{check_id}.{metric}"
                if check is None or check["status"] == "not_measured":
                    reasons.append(f"{label}: could not be evaluated on {site['start_url']} (check not measured)")
                    continue
                value = _lookup(check.get("evidence") or {}, metric)
                if value is None:
                    reasons.append(f"{label}: no value measured on {site['start_url']}")
                    continue
                if bound.max is not None and value > bound.max:
                    reasons.append(f"{label} = {value:g} exceeds the maximum {bound.max:g} ({site['start_url']})")
                if bound.min is not None and value < bound.min:
                    reasons.append(f"{label} = {value:g} is below the minimum {bound.min:g} ({site['start_url']})")
    return {"passed": not reasons, "fail_on": gate.fail_on, "fail_on_new": gate.fail_on_new, "reasons": reasons}


def decide_exit_code(doc: dict[str, Any]) -> int:
    sites = doc.get("sites", [])
    if not sites or all(s.get("error") for s in sites):
        return EXIT_NOTHING_AUDITED
    return EXIT_OK if doc.get("gate", {}).get("passed", True) else EXIT_GATE_FAILED
