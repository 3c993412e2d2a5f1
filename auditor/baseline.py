"""Diff against an earlier report.json. A finding's identity is (site, code, page path): stable across
runs because codes are fixed strings and paths drop hosts, ports and query noise."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from auditor.crawl.urls import origin_key
from auditor.results import iter_findings


def finding_key(site: dict[str, Any], finding: dict[str, Any]) -> tuple[str, str, str]:
    host = origin_key(site.get("start_url") or "") or ""
    # ports of local preview servers change between runs; the site is its host name
    host = host.split(":")[0]
    page = finding.get("page_url") or ""
    path = urlsplit(page).path if page else ""
    return host, str(finding.get("code")), path


def diff(current: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    now = {finding_key(s, f) for s, _c, f in iter_findings(current)}
    before = {finding_key(s, f) for s, _c, f in iter_findings(previous)}

    def describe(keys: set[tuple[str, str, str]]) -> list[dict[str, str]]:
        return [{"site": k[0], "code": k[1], "page": k[2]} for k in sorted(keys)]

    return {
        "new": sorted({k[1] for k in now - before}),
        "fixed": sorted({k[1] for k in before - now}),
        "unchanged": sorted({k[1] for k in now & before}),
        "details": {"new": describe(now - before), "fixed": describe(before - now), "unchanged": describe(now & before)},
        "previous_started_at": previous.get("started_at"),
    }


def is_new(site: dict[str, Any], finding: dict[str, Any], baseline: dict[str, Any] | None) -> bool:
    if not baseline:
        return True
    key = finding_key(site, finding)
    return any((d["site"], d["code"], d["page"]) == key for d in baseline["details"]["new"])
