"""cxaudit's lab timings side by side with the Lighthouse CLI on the same local pages.

Both load each page in the same headless Chromium with no throttling (Lighthouse: `--throttling-method=provided`,
desktop preset), so the numbers should agree; the target is within 10% or 50 ms on FCP and LCP. Each tool's
value is the median of `--runs` loads. Lighthouse is installed on demand under benchmarks/.lighthouse
(`npm install lighthouse@13`); without npm the script says so and exits 2.

    .venv/bin/python benchmarks/lighthouse_compare.py [--runs 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.browser.locate import locate_browser  # noqa: E402
from auditor.browser.session import CHROMIUM_ARGS, BrowserSession, ContextOptions  # noqa: E402
from auditor.demo.httpkit import LocalServer  # noqa: E402
from auditor.demo.shop import DemoShop  # noqa: E402
from auditor.snapshot import PageSnapshot, load_page  # noqa: E402
from tests.sites.perf import perf_app  # noqa: E402

LH_DIR = ROOT / "benchmarks" / ".lighthouse"
LH_BIN = LH_DIR / "node_modules" / ".bin" / "lighthouse"


def ensure_lighthouse() -> Path:
    if LH_BIN.exists():
        return LH_BIN
    if not shutil.which("npm"):
        sys.exit("lighthouse_compare: npm is not installed; install Node.js and npm to run the comparison")
    print("installing lighthouse@13 under benchmarks/.lighthouse ...", file=sys.stderr)
    subprocess.run(["npm", "install", "--prefix", str(LH_DIR), "--no-audit", "--no-fund", "lighthouse@13"], check=True,
                   stdout=subprocess.DEVNULL)
    return LH_BIN


def chrome_path() -> str:
    where = locate_browser(None, playwright_own=None)
    return where.executable or "chromium"


def lighthouse_once(lh: Path, url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        subprocess.run([str(lh), url, "--quiet", "--output=json", f"--output-path={out}", "--preset=desktop",
                        "--throttling-method=provided", "--only-audits=first-contentful-paint,largest-contentful-paint,"
                        "cumulative-layout-shift", f"--chrome-flags={flags}"],
                       check=True, env={**os.environ, "CHROME_PATH": chrome_path()}, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=180)
        audits = json.loads(out.read_text())["audits"]
    return {"fcp_ms": audits["first-contentful-paint"]["numericValue"],
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"]}


async def cxaudit_runs(urls: list[str], runs: int) -> dict[str, list[dict[str, float]]]:
    out: dict[str, list[dict[str, float]]] = {u: [] for u in urls}
    async with BrowserSession() as session:
        for url in urls:
            for _ in range(runs):
                context = await session.new_context(ContextOptions())
                snap = await load_page(context, url)
                await context.close()
                if isinstance(snap, PageSnapshot):
                    t = snap.timings
                    out[url].append({"fcp_ms": t.fcp_ms or 0.0, "lcp_ms": t.lcp_ms or 0.0, "cls": t.cls or 0.0})
    return out


def median(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows) if rows else float("nan")


def agrees(a: float, b: float) -> bool:
    return abs(a - b) <= max(50.0, 0.10 * max(a, b))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    lh = ensure_lighthouse()
    shop, perf = LocalServer(DemoShop().app).start(), LocalServer(perf_app()).start()
    urls = [shop.url, shop.url + "product/copper-kettle", shop.url + "category/kitchen", perf.url + "lcp-delayed",
            perf.url + "late-shift"]
    try:
        ours = asyncio.run(cxaudit_runs(urls, args.runs))
        theirs = {u: [lighthouse_once(lh, u) for _ in range(args.runs)] for u in urls}
    finally:
        shop.stop()
        perf.stop()
    rows = []
    print(f"{'page':42} {'metric':6} {'cxaudit':>9} {'lighthouse':>11}  agree")
    for url in urls:
        for key in ("fcp_ms", "lcp_ms", "cls"):
            a, b = median(ours[url], key), median(theirs[url], key)
            ok = agrees(a, b) if key != "cls" else abs(a - b) <= 0.05
            rows.append({"url": url, "metric": key, "cxaudit": a, "lighthouse": b, "agree": ok})
            print(f"{url[-42:]:42} {key:6} {a:9.3f} {b:11.3f}  {'yes' if ok else 'NO'}")
    agreeing = sum(r["agree"] for r in rows)
    print(f"{agreeing}/{len(rows)} metrics agree (FCP/LCP within 10% or 50 ms, CLS within 0.05)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
