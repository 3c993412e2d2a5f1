"""The contact journey, walked as a customer with a problem: from the home page, the most likely "contact" or
"customer service" control (header first), verified by what the next page shows (a phone number, an e-mail
address, a message form, a chat); when it shows none, back home and the next candidate.

The click map (checks/click_map.py) measures how far every channel is from home by following links; this walk
adds what links alone cannot: controls that open a contact dialog or chat without a new address, and the
screenshots of the path a client can follow by hand."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.async_api import Error as PlaywrightError

from auditor.browser.guard import GuardedPage, OutOfScope, PurchaseRefused
from auditor.journeys import candidates as pick
from auditor.journeys.page import READ_STEP, StepView
from auditor.page_parsing import emails_in_text, has_contact_form, phones_in_text
from auditor.snapshot import READ_FORMS

MAX_CANDIDATES = 3


@dataclass
class ContactWalk:
    reached_url: str | None = None
    control: str | None = None
    channels: list[tuple[str, str]] = field(default_factory=list)  # (type, value) seen after the click
    opened_in_place: bool = False  # a dialog or panel on the same address, not a contact page


async def channels_shown(gp: GuardedPage, view: StepView) -> list[tuple[str, str]]:
    """What a customer sees on the page now: numbers, addresses, a message form (never a notify-me or newsletter
    form)."""
    found = [("phone", p) for p in phones_in_text(view.text)] + [("email", e) for e in emails_in_text(view.text)]
    try:
        # shown: a form whose fields all float has no height of its own, yet the customer sees its fields
        forms = [f for f in await gp.page.evaluate(READ_FORMS) if f["visible"] or any(x["visible"] for x in f["fields"])]
    except PlaywrightError:
        forms = []
    if has_contact_form(forms):
        found.append(("form", gp.url))
    return found


async def walk_to_contact(gp: GuardedPage, home_url: str) -> ContactWalk:
    walk = ContactWalk()
    await gp.goto(home_url, "Open the home page")
    view = StepView.from_js(await gp.page.evaluate(READ_STEP))
    ranked = pick.contact_links(view)[:MAX_CANDIDATES]
    if not ranked:
        gp.annotate([{"label": "contact", "kind": "link", "why": "no control named or built as contact on the home page",
                      "result": "skipped"}])
    for i, cand in enumerate(ranked):
        before_url, before_text = gp.url, view.text
        try:
            await gp.click(gp.page.locator(f'[data-cxaudit-control="{cand.control["i"]}"]').first, f"Click “{cand.label}”")
        except (PlaywrightError, OutOfScope, PurchaseRefused) as exc:
            gp.annotate([cand.record("failed", str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__)])
            continue
        after = StepView.from_js(await gp.page.evaluate(READ_STEP))
        shown = await channels_shown(gp, after)
        if shown:
            walk.reached_url, walk.control, walk.channels = gp.url, cand.label, shown
            walk.opened_in_place = gp.url == before_url and after.text != before_text
            kinds = ", ".join(sorted({k for k, _ in shown}))
            gp.annotate([cand.record("chosen", f"the page shows: {kinds}")])
            return walk
        gp.annotate([cand.record("no_change", "no phone number, e-mail address or message form on the page it opened")])
        if i + 1 < len(ranked):
            await gp.goto(home_url, "Back to the home page", screenshot=False)
            view = StepView.from_js(await gp.page.evaluate(READ_STEP))
            ranked_again = pick.contact_links(view)  # the page was rebuilt: re-resolve the remaining candidates
            labels = [c.label for c in ranked[i + 1:]]
            ranked[i + 1:] = [c for c in ranked_again if c.label in labels][:len(labels)]
    return walk
