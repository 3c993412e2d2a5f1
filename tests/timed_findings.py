"""Which findings rest on a measured time: those depend on how busy the machine was during a run, so tests that
compare two runs (sharded vs whole, local vs remote browser, the same site twice) leave them out."""

from __future__ import annotations


def timed(code: str, unit: str | None) -> bool:
    return code.startswith("load-time/") or (unit or "").lower() in ("ms", "s")
