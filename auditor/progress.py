"""Progress for long audits: a rich progress display on a terminal, plain lines in CI and pipes."""

from __future__ import annotations

import os
import sys
from typing import Any, Protocol, TextIO

from auditor.redact import redact


class Progress(Protocol):
    def site_started(self, url: str, budget: int) -> None: ...
    def page_done(self, url: str, ok: bool, note: str = "") -> None: ...
    def check_done(self, site: str, check_id: str, status: str) -> None: ...
    def site_done(self, url: str, summary: str) -> None: ...
    def close(self) -> None: ...


class PlainProgress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def _say(self, text: str) -> None:
        print(redact(f"cxaudit: {text}"), file=self.stream, flush=True)

    def site_started(self, url: str, budget: int) -> None:
        self._say(f"auditing {url} (up to {budget} pages)")

    def page_done(self, url: str, ok: bool, note: str = "") -> None:
        self._say(f"  {'page' if ok else 'FAILED'} {url}{' - ' + note if note else ''}")

    def check_done(self, site: str, check_id: str, status: str) -> None:
        self._say(f"  check {check_id}: {status}")

    def site_done(self, url: str, summary: str) -> None:
        self._say(f"done {url}: {summary}")

    def close(self) -> None:
        return


class RichProgress:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RP

        self.console = Console(stderr=True)
        self._p = RP(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                     TimeElapsedColumn(), console=self.console, transient=False)
        self._tasks: dict[str, Any] = {}
        self._p.start()

    def site_started(self, url: str, budget: int) -> None:
        self._tasks[url] = self._p.add_task(f"[bold]{_safe(url)}[/] pages", total=budget)

    def page_done(self, url: str, ok: bool, note: str = "") -> None:
        for site, task in self._tasks.items():
            if url.startswith(site.rstrip("/")):
                self._p.advance(task)
        if not ok:
            self.console.print(f"  [red]failed[/] {_safe(url)} {_safe(note)}", markup=True, highlight=False)

    def check_done(self, site: str, check_id: str, status: str) -> None:
        colour = {"passed": "green", "failed": "red"}.get(status, "yellow")
        self.console.print(f"  {check_id}: [{colour}]{status}[/]", highlight=False)

    def site_done(self, url: str, summary: str) -> None:
        task = self._tasks.get(url)
        if task is not None:
            self._p.update(task, completed=self._p.tasks[task].total)
        self.console.print(f"[bold]{_safe(url)}[/]: {_safe(summary)}", highlight=False)

    def close(self) -> None:
        self._p.stop()


def _safe(text: str) -> str:
    """Site-controlled text, redacted and with rich markup escaped, so a URL cannot restyle the terminal."""
    from rich.markup import escape

    return escape(redact(text))


class SilentProgress(PlainProgress):
    def _say(self, text: str) -> None:
        return


def make_progress(quiet: bool = False) -> Progress:
    if quiet:
        return SilentProgress()
    if sys.stderr.isatty() and not os.environ.get("CI"):
        return RichProgress()
    return PlainProgress()
