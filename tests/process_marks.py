"""Find processes by a mark in their environment, wherever they were reparented to.

A parent/child walk misses exactly the processes that matter: an orphan is reparented to init (or a
subreaper) and no longer looks like ours. Environment variables are inherited by every descendant, so
a mark set before starting anything follows the whole tree, orphans included."""

from __future__ import annotations

import contextlib
import os
import time

import psutil

SESSION_MARK = "CXAUDIT_TEST_SESSION"
PROBE_MARK = "CXAUDIT_TEST_PROBE"


def marked(name: str, value: str) -> list[psutil.Process]:
    """Live (non-zombie) processes other than this one whose environment has name=value."""
    me = os.getpid()
    found: list[psutil.Process] = []
    for proc in psutil.process_iter():
        if proc.pid == me:
            continue
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            if proc.environ().get(name) == value:
                found.append(proc)
        except psutil.Error:
            continue
    return found


def reap_own_zombies() -> None:
    """Collects exited children nobody waited for, so they do not show up as processes."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def survivors(name: str, value: str, grace_s: float = 10.0) -> list[psutil.Process]:
    """The marked processes still alive after a grace period (a browser takes a moment to exit)."""
    deadline = time.monotonic() + grace_s
    while True:
        reap_own_zombies()
        alive = marked(name, value)
        if not alive or time.monotonic() >= deadline:
            return alive
        time.sleep(0.2)


def describe(procs: list[psutil.Process]) -> str:
    parts = []
    for proc in procs:
        try:
            parts.append(f"pid {proc.pid}: {' '.join(proc.cmdline())[:160]}")
        except psutil.Error:
            parts.append(f"pid {proc.pid}")
    return "; ".join(parts)
