"""summary.md: short enough for a pull-request comment or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from typing import Any

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}


def _cell(text: Any) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")[:300]


def render_markdown(doc: dict[str, Any]) -> str:
    gate = doc.get("gate") or {}
    lines = ["# cxaudit summary", "",
             f"Gate: **{'passed' if gate.get('passed', True) else 'failed'}** (fail on {gate.get('fail_on', 'high')})", ""]
    for reason in gate.get("reasons", [])[:20]:
        lines.append(f"- {_cell(reason)}")
    baseline = doc.get("baseline")
    if baseline:
        lines += ["", f"Against the baseline: {len(baseline['new'])} new, {len(baseline['fixed'])} fixed, "
                      f"{len(baseline['unchanged'])} unchanged finding codes."]
    for site in doc.get("sites", []):
        lines += ["", f"## {_cell(site['start_url'])}", ""]
        if site.get("error"):
            lines.append(f"Not audited: {_cell(site['error']['message'])}")
            continue
        lines.append(f"CX score: **{site.get('score')}** / 100 · {site['crawl'].get('pages_visited', 0)} pages")
        lines += ["", "| Check | Status | Score |", "|---|---|---|"]
        for check in site.get("checks", []):
            status = check["status"] + (f" ({_cell(check['reason'])})" if check.get("reason") else "")
            lines.append(f"| {check['id']} | {status} | {check.get('score') if check.get('score') is not None else '–'} |")
        findings = sorted((f for c in site.get("checks", []) for f in c["findings"]),
                          key=lambda f: SEVERITY_ORDER.get(f["severity"], 9))
        if findings:
            lines += ["", "| Severity | Confidence | Finding | Page |", "|---|---|---|---|"]
            for f in findings[:25]:
                lines.append(f"| {f['severity']} | {f.get('confidence') or 'confirmed'} | {_cell(f['title'])} (`{f['code']}`) "
                             f"| {_cell(f.get('page_url') or '')} |")
        unverified = [(c, u) for c in site.get("checks", []) for u in c.get("unverified") or []]
        if unverified:
            lines += ["", "### Could not be verified: check by hand", ""]
            for c, u in unverified[:20]:
                lines.append(f"- **{_cell(u['what'])}** ({c['id']}): {_cell(u['reason'])}")
    return "\n".join(lines) + "\n"
