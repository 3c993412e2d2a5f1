"""report.html: one self-contained file. Everything from audited sites is untrusted: jinja2 autoescapes it,
links are only rendered for http(s) URLs, images are only our own screenshots (inlined as data: URIs),
and a Content-Security-Policy forbids every script and every remote resource."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from reports.cards import check_cards, site_cards, site_roles
from reports.charts import journey_chart, timings_chart
from reports.comparison import RANK_TEXT, comparison_rows, is_comparison, standings
from reports.devices import device_comparison
from reports.glance import GLANCE_ID, MARK_TEXT, format_ms, glance_rows, section_id
from reports.summary import executive_summary

MAX_INLINE_IMAGE_BYTES = 2_000_000
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def safe_href(url: Any) -> str | None:
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and len(text) < 2000 else None


def _inline_image(out_dir: Path, relative: str | None) -> str | None:
    if not relative or ".." in relative or not relative.startswith("screenshots/"):
        return None
    path = out_dir / relative
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) > MAX_INLINE_IMAGE_BYTES or not data.startswith(b"\x89PNG"):
        return None
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def _inline_logo(path: str | None) -> str | None:
    if not path:
        return None
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError:
        return None
    kinds = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif"}
    for magic, mime in kinds.items():
        if data.startswith(magic):
            return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
    return None


def _env() -> Environment:
    env = Environment(loader=PackageLoader("reports", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_href"] = safe_href
    env.filters["ms"] = format_ms
    return env


def card_id(site_index: int, code: str) -> str:
    """The anchor of a problem's card, so the top-findings list can link to it."""
    return f"{section_id(site_index, 'card')}-{code.replace('/', '--')}"


def render_html(doc: dict[str, Any], out_dir: Path, brand: dict[str, Any]) -> str:
    def image(relative: str | None) -> str | None:
        return _inline_image(out_dir, relative)

    sites = []
    for site in doc.get("sites", []):
        roles = site_roles(site)
        sites.append({"site": site, "top": site_cards(site, include_ignored=False)[:5],
                      "checks": [(c, check_cards(c, roles)) for c in site.get("checks", [])],
                      "summary": executive_summary(site), "chart": timings_chart(site.get("pages", [])),
                      "devices": device_comparison(site)})
    all_sites = doc.get("sites", [])
    compared = comparison_rows(all_sites) if is_comparison(all_sites) else None
    return _env().get_template("report.html.j2").render(
        doc=doc, sites=sites, image=image, csp=CSP, journey_chart=journey_chart, brand_name=brand.get("name") or "cxaudit",
        brand_color=brand.get("color") or "#1c5d99", brand_logo=_inline_logo(brand.get("logo")),
        glance=glance_rows(doc.get("sites", [])), mark_text=MARK_TEXT, section_id=section_id, card_id=card_id,
        glance_id=GLANCE_ID, comparison=compared, rank_text=RANK_TEXT,
        standings=standings(all_sites, compared) if compared else [],
        any_devices=any(e["devices"] for e in sites),
    )
