"""`make report-screenshot`: audits the demo shop and photographs the report's first screen for the README."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.browser.locate import locate_browser  # noqa: E402
from auditor.browser.session import CHROMIUM_ARGS  # noqa: E402


def main(target: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([sys.executable, "-m", "auditor", "demo", "--out", out, "--quiet", "--fail-on", "never",
                              "--brand-name", "Example Agency"], cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True,
                             text=True)
        if run.returncode != 0:
            raise SystemExit(f"report-screenshot: the demo audit failed: {run.stderr.strip().splitlines()[-1:]}")
        with sync_playwright() as pw:
            location = locate_browser(None, playwright_own=pw.chromium.executable_path)
            browser = pw.chromium.launch(executable_path=location.executable, args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
            page.goto((Path(out) / "report.html").as_uri())
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(target))
            browser.close()
    print(f"report-screenshot: written to {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "report-screenshot.png"))
