"""What every real storefront in the accuracy harness provides: install, start, count orders.

A platform is a small class; the harness owns the process (its own process group, stopped with the
whole group) and the scoring. Installs go into a cache folder outside the repo, pinned, idempotent.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


def cache_root() -> Path:
    """Heavy installs live outside the repo so a clean clone stays small and `git status` stays clean."""
    return Path(os.environ.get("CXAUDIT_ACCURACY_CACHE", Path.home() / ".cache" / "cxaudit-accuracy"))


@dataclass(frozen=True)
class ServerCommand:
    argv: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)


class Platform:
    """Subclass per platform. `name` is also the folder under accuracy/platforms/ holding truth.toml."""

    name: str = ""
    ecosystem: str = ""          # "python" | "node"
    architecture: str = ""       # one line: what this platform exercises (server-rendered forms, AJAX cart, ...)
    version: str = ""            # the pinned version installed
    start_path: str = "/"        # where the audit starts
    ready_timeout_s: float = 120.0
    audit_args: tuple[str, ...] = ()  # extra `cxaudit audit` options for this shop's market, e.g. ("--locale", "de-DE")

    def home(self) -> Path:
        return cache_root() / self.name

    def install(self) -> None:
        """Install the pinned platform into self.home() and create its demo catalogue; idempotent
        (a second call on a ready cache does nothing slow). Raise RuntimeError with one line on failure."""
        raise NotImplementedError

    def server(self, port: int) -> ServerCommand:
        """The command that serves the storefront on 127.0.0.1:port in the foreground."""
        raise NotImplementedError

    def count_orders(self) -> int:
        """Orders in the platform's own database (read directly: SQL, the ORM, or its files)."""
        raise NotImplementedError

    def environment(self) -> dict[str, str]:
        """Variables the platform's install steps (and, where it says so, its server) run with, on top of ours."""
        return {"PYTHONDONTWRITEBYTECODE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def run_step(self, argv: list[str], what: str, cwd: Path | None = None, stdin: str | None = None,
                 timeout: float = 900.0) -> str:
        """One install step; its output, or a one-line RuntimeError naming the step and the command's last line."""
        try:
            r = subprocess.run(argv, cwd=cwd, env={**os.environ, **self.environment()}, input=stdin,
                               capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RuntimeError(f"{self.name}: {what} failed: {exc}") from None
        if r.returncode != 0:
            tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["(no output)"]
            raise RuntimeError(f"{self.name}: {what} failed (exit {r.returncode}): {tail[0][:300]}")
        return r.stdout

    def services(self) -> list[ServerCommand]:
        """Extra foreground processes the platform needs besides its web server (e.g. a private PostgreSQL
        on a unix socket in the cache). Started before server(), stopped after it."""
        return []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
            last = f"HTTP {exc.code}"
        except (OSError, urllib.error.URLError) as exc:
            last = str(exc)[:120]
        time.sleep(0.5)
    raise RuntimeError(f"the storefront did not answer at {url} within {timeout_s:.0f} s ({last})")
