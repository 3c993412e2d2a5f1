"""report.pdf: Chromium prints the same report.html, so the PDF can never disagree with it.

The report folds passed checks and long tables in <details>. Its print stylesheet shows their content through
::details-content, which only Chromium 131 and later understand, and the Chromium found on the machine may be
older; paper cannot be clicked, so every fold is opened before printing. This runs in our own browser session,
not in the report: report.html stays free of script."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from auditor.browser.locate import locate_browser
from auditor.browser.session import CHROMIUM_ARGS
from auditor.errors import CxauditError

OPEN_FOLDS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def render_pdf(html_path: Path, pdf_path: Path, browser_path: str | None = None) -> Path:
    with sync_playwright() as p:
        where = locate_browser(browser_path, playwright_own=p.chromium.executable_path)
        try:
            browser = p.chromium.launch(executable_path=where.executable, args=list(CHROMIUM_ARGS))
            page = browser.new_page()
            page.goto(html_path.resolve().as_uri(), wait_until="load")
            page.evaluate(OPEN_FOLDS)
            page.pdf(path=str(pdf_path), format="A4", print_background=True,
                     margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"})
            browser.close()
        except PlaywrightError as exc:
            raise CxauditError(f"could not print the report to PDF: {str(exc).splitlines()[0]}") from None
    return pdf_path
