"""The config's ignore list: findings a team has accepted, with a reason. They stay in every report (marked
ignored, with the reason) but no longer fail the gate."""

from __future__ import annotations

import re
from typing import Any

from auditor.config import IgnoreRule
from auditor.results import iter_findings


def apply_ignores(doc: dict[str, Any], rules: list[IgnoreRule]) -> int:
    """Marks matching findings in place; returns how many were ignored."""
    count = 0
    for _site, _check, finding in iter_findings(doc):
        for rule in rules:
            if rule.code != finding.get("code"):
                continue
            if rule.url_pattern and not re.search(rule.url_pattern, finding.get("page_url") or ""):
                continue
            finding["ignored"] = True
            finding["ignored_reason"] = rule.reason
            count += 1
            break
    return count
