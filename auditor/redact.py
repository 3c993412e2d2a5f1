"""Secrets given to reach a protected site never reach an output: report files, errors, progress or logs.

Every string that leaves the process passes through the active `Redactor`, which replaces each secret value
(and the encodings it travels in: URL-quoted, base64 for basic auth) by `[redacted]`."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, quote_plus

MARK = "[redacted]"
MIN_SECRET_LENGTH = 4  # shorter values would blank out ordinary words; documented in docs/safety.md


class Redactor:
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        forms: set[str] = set()
        for secret in secrets:
            if not secret or len(secret) < MIN_SECRET_LENGTH:
                continue
            forms.update({secret, quote(secret, safe=""), quote_plus(secret)})
        self._secrets = sorted(forms, key=len, reverse=True)

    @classmethod
    def for_basic_auth(cls, user: str, password: str) -> list[str]:
        pair = f"{user}:{password}"
        return [user, password, pair, base64.b64encode(pair.encode()).decode()]

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def text(self, value: str) -> str:
        for secret in self._secrets:
            if secret in value:
                value = value.replace(secret, MARK)
        return value

    def doc(self, value: Any) -> Any:
        """A JSON-shaped value with every string (keys included) redacted."""
        if not self._secrets:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(k) if isinstance(k, str) else k: self.doc(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.doc(v) for v in value]
        return value


_active = Redactor()


def activate(redactor: Redactor) -> None:
    """Makes `redactor` the one that errors and log records pass through for the rest of the run."""
    global _active
    _active = redactor
    root = logging.getLogger()
    if not any(isinstance(f, _LogFilter) for f in root.filters):
        root.addFilter(_LogFilter())
    for handler in root.handlers:
        if not any(isinstance(f, _LogFilter) for f in handler.filters):
            handler.addFilter(_LogFilter())


def active() -> Redactor:
    return _active


def redact(text: str) -> str:
    return _active.text(text)


class _LogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _active:
            record.msg = _active.text(record.getMessage())
            record.args = None
        return True
