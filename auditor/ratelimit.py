"""How the auditor honours `429 Too Many Requests`, shared by the preflight request and the crawl."""

from __future__ import annotations

MAX_RETRY_AFTER_S = 10.0  # a site asking for longer than this gets the page reported, not a stalled audit
MAX_RATE_LIMIT_RETRIES = 2
DEFAULT_WAIT_S = 2.0  # when a 429 carries no (readable) Retry-After


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        from datetime import UTC, datetime
        from email.utils import parsedate_to_datetime

        return max(0.0, (parsedate_to_datetime(text) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError, IndexError):
        return None


def wait_before_retry(retry_after_s: float | None, attempt: int) -> float | None:
    """Seconds to wait before trying again after the `attempt`-th 429 (counted from 0), or None to give up."""
    wait = retry_after_s if retry_after_s is not None else DEFAULT_WAIT_S
    if wait > MAX_RETRY_AFTER_S or attempt >= MAX_RATE_LIMIT_RETRIES:
        return None
    return wait
