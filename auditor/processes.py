"""Helper processes that never outlive whoever started them.

`python -m playwright run-server`, a storefront under `make accuracy`, a benchmark's audit: each of these is
a wrapper that starts children of its own. Ending only the wrapper orphans those children (they keep ports
and memory for ever), so every helper starts as the leader of a new process group and is ended with its
whole group, waited for, and killed if it does not leave in time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any


def spawn(argv: Sequence[str], *, cwd: Path | str | None = None, env: dict[str, str] | None = None,
          **popen: Any) -> subprocess.Popen[Any]:
    """Starts `argv` as the leader of its own process group (a new session: no terminal signals reach it)."""
    return subprocess.Popen(list(argv), cwd=cwd, env=env, start_new_session=True, **popen)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_group(proc: subprocess.Popen[Any], timeout_s: float = 10.0) -> None:
    """Ends the process and every process of its group: SIGTERM, a grace period, then SIGKILL.

    Waits for the leader (so no zombie is left) and for the rest of the group to be gone."""
    pgid = proc.pid
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    while _group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _group_alive(pgid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
    kill_deadline = time.monotonic() + 5
    while _group_alive(pgid) and time.monotonic() < kill_deadline:
        time.sleep(0.05)


@contextlib.contextmanager
def running(argv: Sequence[str], **kwargs: Any) -> Iterator[subprocess.Popen[Any]]:
    """`with running([...]) as proc:` the helper and its whole group are gone when the block ends."""
    proc = spawn(argv, **kwargs)
    try:
        yield proc
    finally:
        stop_group(proc)
