"""junit.xml: a testsuite per site, a testcase per check and per gate rule; not measured is skipped."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET


def render_junit(doc: dict[str, Any]) -> str:
    root = ET.Element("testsuites", name="cxaudit")
    total = failures = 0
    for site in doc.get("sites", []):
        suite = ET.SubElement(root, "testsuite", name=site["start_url"])
        cases = fails = skipped = errors = 0
        if site.get("error"):
            case = ET.SubElement(suite, "testcase", classname=site["start_url"], name="site reachable")
            err = ET.SubElement(case, "error", message=site["error"]["message"], type=site["error"]["code"])
            err.text = site["error"]["message"]
            cases += 1
            errors += 1
        for check in site.get("checks", []):
            cases += 1
            case = ET.SubElement(suite, "testcase", classname=site["start_url"], name=check["id"],
                                 time=f"{check.get('duration_ms', 0) / 1000:.3f}")
            if check["status"] in ("not_measured", "not_applicable"):
                ET.SubElement(case, "skipped", message=check.get("reason") or check["status"])
                skipped += 1
            elif check["status"] == "failed":
                fails += 1
                bad = [f for f in check["findings"] if f["severity"] in ("critical", "high", "medium")]
                failure = ET.SubElement(case, "failure", message=f"{len(bad)} finding(s) at medium or above",
                                        type="cxaudit.finding")
                failure.text = "\n\n".join(
                    f"[{f['severity']}] {f['code']}: {f['title']}\n{f['observed']}\nFix: {f['fix']}" for f in check["findings"])
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", str(errors))
        suite.set("skipped", str(skipped))
        total += cases
        failures += fails
    gate = doc.get("gate") or {}
    rules = gate.get("rules") or [{"rule": f"fail_on={gate.get('fail_on', 'high')}", "site": "",
                                   "passed": gate.get("passed", True), "reasons": gate.get("reasons", [])}]
    gate_fails = sum(1 for r in rules if not r.get("passed", True))
    gate_suite = ET.SubElement(root, "testsuite", name="cxaudit gate", tests=str(len(rules)), failures=str(gate_fails),
                               errors="0", skipped="0")
    for rule in rules:
        case = ET.SubElement(gate_suite, "testcase", classname=rule.get("site") or "gate", name=str(rule["rule"]))
        if not rule.get("passed", True):
            failure = ET.SubElement(case, "failure", message=(rule.get("reasons") or ["the gate rule failed"])[0][:300],
                                    type="cxaudit.gate")
            failure.text = "\n".join(rule.get("reasons", []))
    failures += gate_fails
    root.set("tests", str(total + len(rules)))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
