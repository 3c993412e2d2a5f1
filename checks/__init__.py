"""The checks cxaudit runs, listed explicitly (no import side effects, no plugin magic)."""

from __future__ import annotations

from auditor.checkspec import CheckSpec
from checks import load_time


def all_checks() -> list[CheckSpec]:
    return [load_time.CHECK]
