"""JavaScript the page readers share, written once: each reader is a string evaluated in the page, and a helper
copied into each drifts (one checked opacity, another forgot `checkVisibility`)."""

from __future__ import annotations


def visible_js(min_px: int = 0, *, style: bool = True, opacity: bool = False, min_opacity: float | None = None) -> str:
    """`const visible = el => ...;` for a reader's body. `checkVisibility()` first: it alone sees content inside a
    closed <details> or under `content-visibility: hidden`; then a box wider and taller than `min_px` and, with
    `style`, not `visibility: hidden` or `display: none`; with `opacity`, not fully transparent; with `min_opacity`,
    more opaque than that (an overlay still fading in or out is not there yet)."""
    tests = [f"r.width > {min_px}", f"r.height > {min_px}"]
    if style:
        tests += ["cs.visibility !== 'hidden'", "cs.display !== 'none'"]
    if opacity:
        tests.append("cs.opacity !== '0'")
    if min_opacity is not None:
        tests.append(f"Number(cs.opacity) > {min_opacity}")
    computed = " const cs = getComputedStyle(el);" if style or opacity or min_opacity is not None else ""
    return ("  const visible = el => { if (!el) return false; if (el.checkVisibility && !el.checkVisibility()) return false;"
            f" const r = el.getBoundingClientRect();{computed}\n    return {' && '.join(tests)}; }};\n")


def overlay_js() -> str:
    """`visible` and `layered` for the readers of what floats over a page (consent banners, marketing popups):
    visible as a customer sees an overlay (not fading), and layered when it or an ancestor is fixed or sticky, or
    it is a <dialog>."""
    return visible_js(2, min_opacity=0.05) + (
        "  const layered = el => { for (let e = el; e && e !== document.body; e = e.parentElement) {\n"
        "    const p = getComputedStyle(e).position; if (p === 'fixed' || p === 'sticky') return true; }"
        " return el.tagName === 'DIALOG'; };\n")
