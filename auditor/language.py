"""The storefront's language as a BCP 47 tag, from what the site declares about itself."""

from __future__ import annotations

import re

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?$")
_OG_LOCALE = re.compile(r"<meta[^>]+property=[\"']og:locale[\"'][^>]+content=[\"']([^\"']+)", re.I)


def bcp47(raw: str | None) -> str | None:
    """'en_us' -> 'en-US', 'DE' -> 'de', 'zh-hant-tw' -> 'zh-Hant-TW'; None for anything that is no language tag."""
    match = _TAG.match((raw or "").strip())
    if not match:
        return None
    lang, script, region = match.groups()
    parts = [lang.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def site_language(lang_attr: str | None, html: str) -> str | None:
    """`<html lang>` first, then og:locale."""
    tag = bcp47(lang_attr)
    if tag:
        return tag
    match = _OG_LOCALE.search(html[:200_000])
    return bcp47(match.group(1)) if match else None
