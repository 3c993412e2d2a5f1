"""Splitting work across CI jobs and putting their results back together.

`shard` gives each of n jobs a deterministic share of the URL list (the pattern of Playwright's own
`--shard`); `merge_documents` combines the report.json files those jobs wrote into one document that renders
like a single run; `site_documents` cuts a many-site document into one document per site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from auditor.errors import UsageError
from auditor.results import load_result

SCREENSHOT_PREFIX = "screenshots/"


def parse_shard(text: str) -> tuple[int, int]:
    """'2/4' -> (2, 4): the second of four shards, counted from 1 as CI matrices count."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
    if not match:
        raise UsageError(f"--shard '{text}' must look like i/n, e.g. 1/4")
    index, total = int(match.group(1)), int(match.group(2))
    if total < 1 or not 1 <= index <= total:
        raise UsageError(f"--shard {index}/{total}: i must be between 1 and n")
    return index, total


def shard(urls: list[str], index: int, total: int) -> list[str]:
    """The URLs of shard `index` of `total`: sorted, de-duplicated, dealt round-robin, so the shards are a
    partition of the list, balanced to within one site, and the same on every machine and run."""
    ordered = sorted(dict.fromkeys(urls))
    return [url for position, url in enumerate(ordered) if position % total == index - 1]


def site_slug(index: int, url: str) -> str:
    host = urlsplit(url).netloc or "site"
    return f"{index + 1:02d}-" + re.sub(r"[^A-Za-z0-9.-]+", "-", host).strip("-")[:60]


def site_documents(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """One document per site, each shaped like a single-site run (for the per-site reports)."""
    out = []
    for index, site in enumerate(doc.get("sites", [])):
        sub = {**doc, "sites": [site], "config": {**doc.get("config", {}), "urls": [site.get("start_url")]}}
        if doc.get("baseline"):
            sub["baseline"] = None
        out.append((site_slug(index, str(site.get("start_url") or "")), sub))
    return out


def _rename_screenshots(value: Any, prefix: str) -> Any:
    if isinstance(value, str) and value.startswith(SCREENSHOT_PREFIX) and ".." not in value:
        return SCREENSHOT_PREFIX + prefix + value[len(SCREENSHOT_PREFIX):]
    if isinstance(value, dict):
        return {k: _rename_screenshots(v, prefix) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename_screenshots(v, prefix) for v in value]
    return value


def find_report(path: Path) -> Path:
    candidate = path / "report.json" if path.is_dir() else path
    if not candidate.is_file():
        raise UsageError(f"{path}: no report.json there; pass the --out directories of the shard runs")
    return candidate


def merge_documents(paths: list[Path], out_dir: Path) -> dict[str, Any]:
    """Combines shard results into one document; screenshots are copied into `out_dir` under names that
    cannot collide (each shard numbers its sites from zero)."""
    if not paths:
        raise UsageError("merge-reports needs at least one directory or report.json")
    docs = []
    (out_dir / SCREENSHOT_PREFIX).mkdir(parents=True, exist_ok=True)
    for number, path in enumerate(paths):
        report = find_report(path)
        doc = load_result(report)
        prefix = f"m{number + 1}-"
        for shot in sorted((report.parent / SCREENSHOT_PREFIX).glob("*")):
            if shot.is_file():
                shutil.copyfile(shot, out_dir / SCREENSHOT_PREFIX / f"{prefix}{shot.name}")
        docs.append(_rename_screenshots(doc, prefix))
    versions = {d.get("schema_version") for d in docs}
    if len(versions) > 1:
        raise UsageError(f"cannot merge reports of different schema versions ({', '.join(sorted(map(str, versions)))})")
    first = docs[0]
    sites = sorted((s for d in docs for s in d.get("sites", [])), key=lambda s: str(s.get("start_url")))
    config = {**first.get("config", {}), "urls": [s.get("start_url") for s in sites]}
    return {
        "schema_version": first.get("schema_version"), "tool": first.get("tool"),
        "started_at": min(str(d.get("started_at") or "") for d in docs),
        "duration_ms": max(int(d.get("duration_ms") or 0) for d in docs),  # shards run side by side
        "config": config, "browser": first.get("browser", {}),
        "incomplete": any(d.get("incomplete") for d in docs), "gate": first.get("gate"),
        "sites": sites, "baseline": None, "merged_from": [str(p) for p in paths],
    }
