"""JavaScript the page readers share, written once: each reader is a string evaluated in the page, and a helper
copied into each drifts (one checked opacity, another forgot `checkVisibility`)."""

from __future__ import annotations


def visible_js(min_px: int = 0, *, style: bool = True, opacity: bool = False) -> str:
    """`const visible = el => ...;` for a reader's body. `checkVisibility()` first: it alone sees content inside a
    closed <details> or under `content-visibility: hidden`; then a box wider and taller than `min_px` and, with
    `style`, not `visibility: hidden` or `display: none`; with `opacity`, not fully transparent."""
    tests = [f"r.width > {min_px}", f"r.height > {min_px}"]
    if style:
        tests += ["cs.visibility !== 'hidden'", "cs.display !== 'none'"]
    if opacity:
        tests.append("cs.opacity !== '0'")
    computed = " const cs = getComputedStyle(el);" if style or opacity else ""
    return ("  const visible = el => { if (!el) return false; if (el.checkVisibility && !el.checkVisibility()) return false;"
            f" const r = el.getBoundingClientRect();{computed}\n    return {' && '.join(tests)}; }};\n")
