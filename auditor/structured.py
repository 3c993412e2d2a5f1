"""schema.org data from a page (JSON-LD, microdata, RDFa) through extruct, flattened to plain dicts.

Untrusted HTML: any extraction error gives an empty list, never an exception."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "@type" in node or "type" in node:
            yield node
        for key, value in node.items():
            if key in ("@context",):
                continue
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _normalise_microdata(item: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": item.get("type")}
    props = item.get("properties") or {}
    for key, value in props.items():
        out[key] = _normalise_microdata(value) if isinstance(value, dict) and "type" in value else value
    return out


@lru_cache(maxsize=64)
def extract_items(html: str, url: str = "") -> tuple[dict[str, Any], ...]:
    """Every schema.org object in the page, nested ones included, as dicts with an `@type`."""
    try:
        import extruct

        data = extruct.extract(html, base_url=url or None, syntaxes=["json-ld", "microdata"], uniform=False, errors="ignore")
    except Exception as exc:  # extruct raises many kinds of errors on broken markup
        log.debug("schema.org extraction failed: %s", exc)
        return ()
    items: list[dict[str, Any]] = []
    for node in _walk(data.get("json-ld") or []):
        items.append(node)
    for raw in data.get("microdata") or []:
        if isinstance(raw, dict):
            for node in _walk(_normalise_microdata(raw)):
                items.append(node)
    return tuple(items)


def type_names(item: dict[str, Any]) -> set[str]:
    raw = item.get("@type") or item.get("type") or []
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def items_of_type(html: str, url: str, *names: str) -> list[dict[str, Any]]:
    wanted = set(names)
    return [i for i in extract_items(html, url) if type_names(i) & wanted]
