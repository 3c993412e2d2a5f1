"""`make accuracy`: install, start, audit, score and stop every real storefront; print and write the table.

A platform that fails to install or start is reported in its row, never fatal to the others. Every process
(the storefront, its database, cxaudit) runs in its own process group and is ended with it."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from accuracy.facts import Score, score
from accuracy.platform import Platform, ServerCommand, free_port, wait_http
from auditor.processes import spawn, stop_group

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Row:
    name: str
    ecosystem: str = ""
    version: str = ""
    error: str | None = None
    score: Score | None = None
    orders_before: int | None = None
    orders_after: int | None = None
    install_s: float = 0.0
    audit_s: float = 0.0
    notes: list[str] = field(default_factory=list)


def discover(names: list[str] | None) -> list[str]:
    found = sorted(p.parent.name for p in (HERE / "platforms").glob("*/platform.py"))
    return [n for n in found if not names or n in names]


def _start(command: ServerCommand, log: Path) -> object:
    handle = log.open("ab")
    import os

    return spawn(command.argv, cwd=command.cwd, env={**os.environ, **command.env}, stdin=-3, stdout=handle, stderr=handle)


def run_platform(name: str, out_root: Path, extra_args: list[str]) -> Row:
    module = importlib.import_module(f"accuracy.platforms.{name}.platform")
    platform: Platform = module.PLATFORM
    row = Row(name, platform.ecosystem, platform.version)
    started = time.monotonic()
    try:
        platform.install()
    except Exception as exc:  # a platform that cannot install is a row, not a crash
        row.error = f"install failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        return row
    row.install_s = time.monotonic() - started
    out = out_root / name
    out.mkdir(parents=True, exist_ok=True)
    procs = []
    try:
        for service in platform.services():
            procs.append(_start(service, out / "services.log"))
        port = free_port()
        procs.append(_start(platform.server(port), out / "server.log"))
        url = f"http://127.0.0.1:{port}{platform.start_path}"
        wait_http(url, platform.ready_timeout_s)
        row.orders_before = platform.count_orders()
        began = time.monotonic()
        audit = spawn([sys.executable, "-m", "auditor", "audit", url, "--out", str(out / "report"), "--fail-on", "never",
                       "--quiet", *platform.audit_args, *extra_args], cwd=ROOT, stdin=-3, stdout=-3, stderr=-1, text=True)
        try:
            _, err = audit.communicate(timeout=900)
        finally:
            stop_group(audit)
        row.audit_s = time.monotonic() - began
        row.orders_after = platform.count_orders()
        if audit.returncode not in (0, 1):
            row.error = f"cxaudit exited {audit.returncode}: {(err or '').strip().splitlines()[-1:]}"
            return row
        doc = json.loads((out / "report" / "report.json").read_text())
        truth = tomllib.loads((HERE / "platforms" / name / "truth.toml").read_text())
        row.score = score(doc, truth)
    except Exception as exc:
        row.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        for proc in reversed(procs):
            stop_group(proc)  # type: ignore[arg-type]
    return row


def table(rows: list[Row]) -> str:
    lines = ["| platform | ecosystem | facts right | false critical+high | wrong findings (any severity) | unjudged findings "
             "| could not verify | orders placed | audit s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if r.score is None:
            lines.append(f"| {r.name} {r.version} | {r.ecosystem} | {r.error or 'not run'} | | | | | | |")
            continue
        s = r.score
        placed = (r.orders_after or 0) - (r.orders_before or 0)
        unjudged = sum(1 for f in s.findings if f.verdict == "unjudged")
        lines.append(f"| {r.name} {r.version} | {r.ecosystem} | {s.right}/{len(s.facts)} ({100 * s.right / max(1, len(s.facts)):.0f}%) "
                     f"| {len(s.false_severe)} | {len(s.wrong)} | {unjudged} | {s.unverified} | {placed} | {r.audit_s:.0f} |")
    return "\n".join(lines)


def details(rows: list[Row]) -> str:
    out: list[str] = []
    for r in rows:
        if r.score is None:
            continue
        out += ["", f"### {r.name}", "", "| fact | truth | reported | |", "|---|---|---|---|"]
        for f in r.score.facts:
            out.append(f"| {f.key} | {json.dumps(f.expected)} | {json.dumps(f.reported)} | {'right' if f.right else '**wrong**'} |")
        if r.score.findings:
            out += ["", "| finding | severity | confidence | verdict |", "|---|---|---|---|"]
            for g in r.score.findings:
                out.append(f"| {g.code} | {g.severity} | {g.confidence} | {g.verdict} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make accuracy", description=__doc__)
    parser.add_argument("--platforms", help="comma-separated names (default: every folder under accuracy/platforms)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/cxaudit-accuracy-out"))
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("cxaudit_args", nargs="*", help="extra arguments for cxaudit audit (after --)")
    args = parser.parse_args(argv)
    names = discover(args.platforms.split(",") if args.platforms else None)
    rows = []
    for name in names:
        print(f"accuracy: {name}: installing, starting, auditing …", flush=True)
        row = run_platform(name, args.out, args.cxaudit_args or ["--max-pages", "25"])
        print(f"accuracy: {name}: {row.error or f'{row.score.right}/{len(row.score.facts)} facts right' if row.score else row.error}",
              flush=True)
        rows.append(row)
    text = table(rows)
    print(text)
    mobile = "--device" in args.cxaudit_args and "mobile" in args.cxaudit_args
    title, made_by = ("Accuracy on real storefronts, audited as a phone", "make accuracy-mobile") if mobile else \
        ("Accuracy on real storefronts", "make accuracy")
    args.results.write_text(f"# {title}\n\nWritten by `{made_by}`.\n\n" + text + "\n" + details(rows) + "\n")
    placed = sum((r.orders_after or 0) - (r.orders_before or 0) for r in rows)
    return 1 if placed else 0


if __name__ == "__main__":
    raise SystemExit(main())
