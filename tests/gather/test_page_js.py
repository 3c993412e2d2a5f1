"""The JavaScript helpers the page readers share, run in the real browser on a snippet of each case."""

from __future__ import annotations

from auditor.browser.session import BrowserSession, ContextOptions
from auditor.pagejs import visible_js

SNIPPET = """<main>
<button id="shown">Search</button>
<details><summary>More</summary><button id="in-closed-details">Hidden in a closed details</button></details>
<button id="display-none" style="display:none">None</button>
<button id="visibility-hidden" style="visibility:hidden">Hidden</button>
<button id="transparent" style="opacity:0">Transparent</button>
<span id="tiny" style="display:inline-block;width:2px;height:2px"></span>
</main>"""


async def test_visible_sees_what_a_customer_sees_and_each_reader_chooses_how_strict(browser_session: BrowserSession) -> None:
    context = await browser_session.new_context(ContextOptions())
    try:
        page = await context.new_page()
        await page.set_content(SNIPPET)

        async def seen(js: str) -> list[str]:
            return list(await page.evaluate("() => {" + js + "  return [...document.querySelectorAll('[id]')]"
                                            ".filter(visible).map(e => e.id).concat(visible(null) ? ['null'] : []); }"))

        assert await seen(visible_js(0)) == ["shown", "transparent", "tiny"]
        assert await seen(visible_js(2)) == ["shown", "transparent"]
        assert await seen(visible_js(2, opacity=True)) == ["shown"]
        # without the style tests, only the box and checkVisibility() decide (a visibility:hidden box still has one)
        assert await seen(visible_js(0, style=False)) == ["shown", "visibility-hidden", "transparent", "tiny"]
    finally:
        await context.close()
