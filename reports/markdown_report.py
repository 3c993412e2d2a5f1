"""summary.md: a pull-request comment or $GITHUB_STEP_SUMMARY that reads top-down like the HTML report:
journeys at a glance, the top problems, then each check with one card per problem, worst first."""

from __future__ import annotations

from typing import Any

from reports.cards import SEVERITY_ORDER, Card, check_cards, site_cards, site_roles
from reports.comparison import RANK_TEXT, Rank, comparison_rows, is_comparison, standings
from reports.devices import DeviceComparison, device_comparison
from reports.glance import GLANCE_ID, glance_rows, section_id

__all__ = ["SEVERITY_ORDER", "render_markdown"]

MAX_CARDS_PER_SITE = 30
MAX_ROWS_PER_CARD = 20


def _cell(text: Any, limit: int = 300) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")[:limit]


def _text(text: Any) -> str:
    """Site text in a paragraph: no raw HTML, no line breaks that would end the paragraph."""
    return _cell(text, 1000).replace("\\|", "|")


def _link(text: str, anchor: str) -> str:
    return "[" + text.replace("[", "\\[").replace("]", "\\]") + f"](#{anchor})"


def glance_markdown(sites: list[dict[str, Any]], first_index: int = 0) -> list[str]:
    """The journeys-at-a-glance table (reports/glance.py), one column per site, each cell linking to the check."""
    heads = [_cell(s.get("start_url")) for s in sites] if len(sites) > 1 else ["This site"]
    lines = [f'<a id="{GLANCE_ID}"></a>', "", "| What a customer can do | " + " | ".join(heads) + " |",
             "|---" * (len(sites) + 1) + "|"]
    for row in glance_rows(sites):
        cells = [_link(_cell(f.text), section_id(first_index + i, f.check_id)) for i, f in enumerate(row.facts)]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return lines


def comparison_markdown(sites: list[dict[str, Any]]) -> list[str]:
    """Sites side by side (reports/comparison.py): the glance rows plus LCP p75 and score, with best and worst
    badges in words, then where each site stands."""
    rows = comparison_rows(sites)
    lines = [f'<a id="{GLANCE_ID}"></a>', "", "| What a customer can do | " + " | ".join(
        f"{_cell(s.get('start_url'))} · score {s.get('score') if s.get('score') is not None else '–'}" for s in sites) + " |",
        "|---" * (len(sites) + 1) + "|"]
    for row in rows:
        cells = [_link(_cell(c.text), c.anchor(i)) + (f" **{RANK_TEXT[c.rank]}**" if c.rank else "")
                 for i, c in enumerate(row.cells)]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    lines += ["", f"{RANK_TEXT[Rank.BEST]} / {RANK_TEXT[Rank.WORST]}: the best and worst value in the row among the sites where "
                  "it could be verified (ties share the mark; a row where every site is the same marks nothing)."]
    if any(device_comparison(s) for s in sites):
        lines[-1] += " Figures from the desktop profile; each site's section sets mobile next to it."
    lines += ["", "### Where each site stands", ""]
    for st in standings(sites, rows):
        parts = ([f"best in {', '.join(st.best)}"] if st.best else []) + ([f"worst in {', '.join(st.worst)}"] if st.worst else [])
        lines.append(f"- **{_text(st.start_url)}**: {'; '.join(parts) or 'neither best nor worst in any row'}")
    return lines


def devices_markdown(dc: DeviceComparison, index: int) -> list[str]:
    """Desktop next to mobile for one site (reports/devices.py)."""
    def both(d: Any, m: Any) -> str:
        return f"{_cell('–' if d is None else d)} / {_cell('–' if m is None else m)}"

    score = both(dc.desktop_score, dc.mobile_score)
    lines = ["", f'### <a id="{section_id(index, "devices")}"></a>Desktop and mobile', "",
             f"Each journey was walked as a desktop customer and as a mobile customer. CX score (desktop / mobile): {score}"]
    if dc.rows:
        lines += ["", "| Journey | Result (desktop / mobile) | Steps | Journey time | Score | What differs |",
                  "|---|---|---|---|---|---|"]
        for r in dc.rows:
            title = _link(_cell(r.title), section_id(index, r.check_id)) if r.desktop.ran else _cell(r.title)
            lines.append(f"| {title} | {both(r.desktop.result, r.mobile.result)} | {both(r.desktop.steps, r.mobile.steps)} "
                         f"| {both(r.desktop.time_text, r.mobile.time_text)} | {both(r.desktop.score, r.mobile.score)} "
                         f"| {_cell(r.summary)} |")
    for profile in ("mobile", "desktop"):
        only = dc.only_on(profile)
        if only:
            lines += ["", f"Found only on {profile} ({len(only)}):", ""]
            for d in only:
                pages = f", {d.count} pages" if d.count > 1 else ""
                where = f" Page: {_text(d.page_url)}" if d.page_url else ""
                lines.append(f"- **{d.severity.upper()}** · {_text(d.title)} (`{_cell(d.code)}`, {_text(d.check_title)}{pages}): "
                             f"{_text(d.observed)}{where}")
    if not dc.differences:
        lines += ["", "The same findings on both profiles, wherever both could be verified."]
    return lines


def _card_lines(card: Card) -> list[str]:
    lead = card.lead
    scope = f" · {card.scope}" if card.scope else ""
    confidence = {"mixed": "confirmed on some pages, likely on others"}.get(card.confidence, card.confidence)
    lines = ["", f"**{card.severity.upper()}** · {_text(card.title)}{scope} (`{_cell(card.code)}`, {confidence})", ""]
    if card.count == 1:
        where = f" Page: {_text(lead.get('page_url'))}" if lead.get("page_url") else ""
        lines.append(f"{_text(lead.get('observed'))}{where}")
    else:
        lines += [f"Worst: {_text(lead.get('observed'))}", "", "| Page | Page type | Measured | Severity |", "|---|---|---|---|"]
        for r in card.rows[:MAX_ROWS_PER_CARD]:
            ignored = " (ignored)" if r.ignored else ""
            lines.append(f"| {_cell(r.url or 'site-wide')} | {_cell(r.page_type or '–')} | {_cell(r.measured or r.observed)} "
                         f"| {r.severity}{ignored} |")
        if card.count > MAX_ROWS_PER_CARD:
            lines.append(f"| … and {card.count - MAX_ROWS_PER_CARD} more in report.html | | | |")
    impact = lead.get("impact") or {}
    sources = "; ".join(f"{_text(c.get('source'))}, “{_text(c.get('title'))}” ({c.get('year')})"
                        for c in impact.get("citations") or [])
    lines += ["", f"Why it matters ({_text(impact.get('dimension'))}): {_text(impact.get('statement'))}  ",
              f"Sources: {sources}  ", f"Fix: {_text(lead.get('fix'))}"]
    if card.ignored:
        lines.append(f"Ignored by configuration: {_text(lead.get('ignored_reason'))}")
    return lines


def _site_lines(site: dict[str, Any], index: int, alone: bool) -> list[str]:
    lines = ["", f'## <a id="s{index + 1}"></a>{_cell(site["start_url"])}', ""]
    if site.get("error"):
        lines.append(f"Not audited: {_cell(site['error']['message'])}")
        return lines + (["", "### Journeys at a glance", "", *glance_markdown([site], index)] if alone else [])
    lines.append(f"CX score: **{site.get('score')}** / 100 · {site['crawl'].get('pages_visited', 0)} pages")
    if alone:
        lines += ["", "### Journeys at a glance", "", *glance_markdown([site], index)]
    devices = device_comparison(site)
    if devices:
        lines += devices_markdown(devices, index)
    top = site_cards(site, include_ignored=False)
    if top:
        lines += ["", "### Top problems, worst first", "", "| Severity | Confidence | Problem | Where |", "|---|---|---|---|"]
        for card in top[:10]:
            where = card.scope or _cell(card.lead.get("page_url") or "site-wide")
            lines.append(f"| {card.severity} | {card.confidence} | {_cell(card.title)} (`{card.code}`) | {where} |")
    lines += ["", "### Checks"]
    roles, shown = site_roles(site), 0
    for check in site.get("checks", []):
        score = check.get("score") if check.get("score") is not None else "–"
        reason = f" ({_cell(check['reason'])})" if check.get("reason") else ""
        lines += ["", f'#### <a id="{section_id(index, check["id"])}"></a>{_cell(check.get("title") or check["id"])}: '
                      f"{check['status'].replace('_', ' ')}{reason} · score {score}"]
        for card in check_cards(check, roles):
            if shown == MAX_CARDS_PER_SITE:
                lines += ["", "More problems are listed in report.html."]
                shown += 1
            if shown < MAX_CARDS_PER_SITE:
                lines += _card_lines(card)
                shown += 1
    unverified = [(c, u) for c in site.get("checks", []) for u in c.get("unverified") or []]
    if unverified:
        lines += ["", "### Could not be verified: check by hand", ""]
        for c, u in unverified[:20]:
            lines.append(f"- **{_cell(u['what'])}** ({c['id']}): {_cell(u['reason'])}")
    return lines


def render_markdown(doc: dict[str, Any]) -> str:
    gate = doc.get("gate") or {}
    lines = ["# cxaudit summary", "",
             f"Gate: **{'passed' if gate.get('passed', True) else 'failed'}** (fail on {gate.get('fail_on', 'high')})", ""]
    for reason in gate.get("reasons", [])[:20]:
        lines.append(f"- {_cell(reason)}")
    baseline = doc.get("baseline")
    if baseline:
        lines += ["", f"Against the baseline: {len(baseline['new'])} new, {len(baseline['fixed'])} fixed, "
                      f"{len(baseline['unchanged'])} unchanged finding codes."]
    sites = doc.get("sites", [])
    if is_comparison(sites):
        lines += ["", "## Journeys at a glance: sites side by side", "", *comparison_markdown(sites)]
    elif len(sites) > 1:
        lines += ["", "## Journeys at a glance", "", *glance_markdown(sites)]
    for index, site in enumerate(sites):
        lines += _site_lines(site, index, alone=len(sites) == 1)
    return "\n".join(lines) + "\n"
