"""axe-core on the states a journey reached: what stops a customer who uses a screen reader, a keyboard or a
low-contrast screen on exactly the pages they must get through (product, cart, each checkout step, search
results, the contact page). Not a whole-site accessibility audit: journeys are the point, so only the rules
that decide whether a customer can fill a field, press a button or read the main action run.

axe-playwright-python bundles axe-core, so nothing is downloaded at run time; the script is evaluated in the
page like any reading the journeys already do, and its results are reduced to what the report needs."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Page

from auditor.journey import JourneyStep
from auditor.journeys.readings import StateRecorder

# axe rule id -> what it means for a customer on a journey
RULES: dict[str, str] = {
    "label": "a form field without a label",
    "select-name": "a drop-down without a label",
    "aria-input-field-name": "an input widget without a name",
    "aria-toggle-field-name": "a checkbox or switch without a name",
    "button-name": "a button without a name",
    "input-button-name": "a submit button without a name",
    "link-name": "a link without a name",
    "color-contrast": "text with too little contrast",
    "nested-interactive": "a control inside another control",
    "frame-title": "a frame (e.g. a payment field) without a title",
}
MAX_STATES_PER_JOURNEY = 10
# contrast is axe's costly rule (every text node); the journey needs the actions a customer must read and press
ACTIONS = "button, input[type=submit], input[type=button], [role=button], a[class*=button i], a[class*=btn i]"
RUN_AXE = """
async ([rules, selector]) => {
  const base = await window.axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
  const actions = Array.from(document.querySelectorAll(selector)).slice(0, 60);
  const contrast = actions.length ? await window.axe.run({include: actions},
                                        {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']}) : {violations: []};
  const violations = [...base.violations, ...contrast.violations];
  // where each element sits: a header widget (a language select, a login box) is not the step's own form
  for (const v of violations) for (const n of v.nodes) {
    let el = null; try { el = document.querySelector(n.target[n.target.length - 1]); } catch (e) {}
    n.chrome = !!(el && el.closest('header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]'));
  }
  return {violations};
}
"""
MAX_NODES = 5


def compact(response: dict[str, Any]) -> list[dict[str, Any]]:
    """The violations of the journey rules, each with at most a few elements, as plain data."""
    out = []
    for v in response.get("violations", []):
        if v.get("id") not in RULES:
            continue
        nodes = [{"target": " ".join(str(t) for t in n.get("target", []))[:160], "html": str(n.get("html", ""))[:200],
                  "chrome": bool(n.get("chrome"))} for n in v.get("nodes", [])[:MAX_NODES]]
        out.append({"rule": v["id"], "impact": v.get("impact") or "minor", "help": str(v.get("help", ""))[:160],
                    "count": len(v.get("nodes", [])), "nodes": nodes,
                    "in_content": sum(1 for n in v.get("nodes", []) if not n.get("chrome"))})
    return out


@cache
def axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return str(AXE_SCRIPT)


async def run_axe(page: Page) -> list[dict[str, Any]]:
    """Injects axe-core once per document (a journey's section changes keep it) and runs only the journey rules."""
    if not await page.evaluate("() => typeof window.axe !== 'undefined' && typeof window.axe.run === 'function'"):
        await page.evaluate(axe_script())
    rules = [r for r in RULES if r != "color-contrast"]
    response = await page.evaluate(RUN_AXE, [rules, ACTIONS])
    return compact(response)


class StateAuditor(StateRecorder):
    """Collects one axe reading per journey state, for the journey-accessibility check to assess."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[tuple[str, str]] = set()  # (path, checkout step)
        self._per_journey: dict[str, int] = {}

    async def __call__(self, page: Page, step: JourneyStep, journey: str) -> None:
        # a page is read once whichever journey reaches it (the home page, five search results pages share one
        # template); a checkout step that opened new fields at the same address is a new state
        key = (urlsplit(step.url).path, step.action if journey == "checkout" and step.action.startswith("Fill") else "")
        if key in self._seen:
            return
        if self._per_journey.get(journey, 0) >= MAX_STATES_PER_JOURNEY:
            return
        self._seen.add(key)
        self._per_journey[journey] = self._per_journey.get(journey, 0) + 1
        violations = await self.read(step, run_axe(page))
        if violations is not None:
            self.record(journey, step, violations=violations)
