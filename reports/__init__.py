"""Pure renderers of one report.json document into every output format."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reports.html_report import render_html
from reports.junit_report import render_junit
from reports.markdown_report import render_markdown


def write_reports(doc: dict[str, Any], out_dir: Path, formats: list[str], brand: dict[str, Any] | None = None, *,
                  assets_dir: Path | None = None, step_summary: bool = True) -> list[Path]:
    """Writes report.json and the asked formats; screenshots are read from `assets_dir` (default `out_dir`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    json_path = out_dir / "report.json"
    json_path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    written.append(json_path)
    if "html" in formats or "pdf" in formats:
        html_path = out_dir / "report.html"
        html_path.write_text(render_html(doc, assets_dir or out_dir, brand or {}), encoding="utf-8")
        written.append(html_path)
    if "junit" in formats:
        path = out_dir / "junit.xml"
        path.write_text(render_junit(doc), encoding="utf-8")
        written.append(path)
    if "markdown" in formats:
        path = out_dir / "summary.md"
        text = render_markdown(doc)
        path.write_text(text, encoding="utf-8")
        written.append(path)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary and step_summary:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(text)
    return written
