"""Inline SVG charts built by us from numbers only: no script, no external resource, and every label that
came from the audited site is XML-escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import urlsplit

BAR_H = 18
LABEL_W = 260
PLOT_W = 520


def timings_chart(pages: list[dict[str, Any]], limit: int = 30) -> str:
    rows = [(p["url"], p["timings"]["lcp_ms"]) for p in pages
            if p.get("timings") and isinstance(p["timings"].get("lcp_ms"), int | float)][:limit]
    if not rows:
        return ""
    top = max(4500.0, max(v for _, v in rows) * 1.05)
    scale = PLOT_W / top
    height = BAR_H * len(rows) + 30
    parts = [_svg_open("LCP per page", height)]
    for limit_ms, colour in ((2500, "#d68910"), (4000, "#c0392b")):
        x = LABEL_W + limit_ms * scale
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}" stroke="{colour}" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" fill="{colour}">{limit_ms / 1000:g} s</text>')
    parts += _bars([(_short(url), value) for url, value in rows], scale,
                   lambda v: "#1e8449" if v <= 2500 else "#d68910" if v <= 4000 else "#c0392b")
    parts.append("</svg>")
    return "".join(parts)


def journey_chart(steps: list[dict[str, Any]], label: str) -> str:
    """How long each step of a journey took the site to answer, as bars in step order."""
    rows = [(f"{i + 1}. {s.get('action') or ''}", float(s["ms"])) for i, s in enumerate(steps)
            if isinstance(s.get("ms"), int | float)]
    if len(rows) < 2:
        return ""
    top = max(1000.0, max(v for _, v in rows) * 1.1)
    scale = PLOT_W / top
    height = BAR_H * len(rows) + 8
    parts = [_svg_open(label, height)]
    parts += _bars([(text if len(text) <= 44 else text[:41] + "…", value) for text, value in rows], scale,
                   lambda v: "#1e8449" if v <= 1000 else "#d68910" if v <= 3000 else "#c0392b")
    parts.append("</svg>")
    return "".join(parts)


def _svg_open(label: str, height: int) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
            f'width="{LABEL_W + PLOT_W + 70}" height="{height}" font-family="sans-serif" font-size="11">')


def _bars(rows: list[tuple[str, float]], scale: float, colour: Callable[[float], str]) -> list[str]:
    """One labelled horizontal bar per row, its value in seconds at its end; labels are escaped here."""
    parts = []
    for i, (label, value) in enumerate(rows):
        y = i * BAR_H
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL_W}" y="{y + 3}" width="{max(1.0, value * scale):.1f}" height="{BAR_H - 6}" '
                     f'fill="{colour(value)}"/>')
        parts.append(f'<text x="{LABEL_W + value * scale + 4:.1f}" y="{y + 13}">{value / 1000:.2f} s</text>')
    return parts


def _short(url: str) -> str:
    try:
        parts = urlsplit(url)
        text = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    except ValueError:
        text = url
    return text if len(text) <= 40 else text[:37] + "…"
