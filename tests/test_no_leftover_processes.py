"""cxaudit leaves nothing running: not after an audit through a remote browser server, not after `cxaudit demo`,
not after a run stopped with SIGTERM or Ctrl-C. Each run carries a mark of its own in its environment, so a
child that outlived it is found even after it was reparented."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.demo.httpkit import App, LocalServer
from auditor.demo.shop import DemoShop, ShopOptions
from auditor.processes import running, stop_group
from tests.browser_server import playwright_run_server
from tests.process_marks import PROBE_MARK, describe, marked, survivors


def _probe_env() -> tuple[dict[str, str], str]:
    mark = uuid.uuid4().hex
    return {**os.environ, "CI": "true", PROBE_MARK: mark}, mark


def _cxaudit(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "auditor", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _assert_nothing_left(mark: str) -> None:
    left = survivors(PROBE_MARK, mark)
    assert not left, f"still running after cxaudit ended: {describe(left)}"


def test_stop_group_ends_the_grandchildren_that_terminate_alone_would_orphan() -> None:
    env, mark = _probe_env()
    script = "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)"
    with running([sys.executable, "-c", script], env=env) as proc:
        for _ in range(50):
            if len(marked(PROBE_MARK, mark)) == 2:
                break
            __import__("time").sleep(0.1)
        assert len(marked(PROBE_MARK, mark)) == 2, "the wrapper started its child"
    assert proc.returncode is not None
    _assert_nothing_left(mark)


def test_demo_leaves_no_process_behind(tmp_path: Path) -> None:
    env, mark = _probe_env()
    proc = _cxaudit("demo", "--out", str(tmp_path), "--checks", "load-time", "--max-pages", "2", "--quiet",
                    "--fail-on", "never", env=env)
    _out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err[-2000:]
    _assert_nothing_left(mark)


def test_an_audit_through_a_browser_server_leaves_no_process_behind(serve_app: Callable[[App], LocalServer],
                                                                    tmp_path: Path) -> None:
    from auditor.browser.locate import locate_browser

    url = serve_app(DemoShop().app).url
    with playwright_run_server() as (endpoint, server_proc):
        env, mark = _probe_env()
        proc = _cxaudit("audit", url, "--out", str(tmp_path), "--checks", "load-time", "--max-pages", "2", "--quiet",
                        "--fail-on", "never", "--browser-endpoint", endpoint,
                        "--browser-path", locate_browser(None).executable, env=env)
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err[-2000:]
        _assert_nothing_left(mark)
    assert server_proc.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.killpg(server_proc.pid, 0)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_an_interrupted_audit_leaves_no_process_behind(sig: signal.Signals, tmp_path: Path) -> None:
    shop = DemoShop(ShopOptions(page_delay_s=0.4))
    env, mark = _probe_env()
    with LocalServer(shop.app) as server:
        proc = _cxaudit("audit", server.url, "--out", str(tmp_path), "--max-pages", "30", env=env)
        assert proc.stderr is not None
        try:
            for line in proc.stderr:
                if line.startswith("cxaudit:   page "):
                    proc.send_signal(sig)
                    break
            rest = proc.stderr.read()
            proc.wait(timeout=60)
        finally:
            if proc.returncode is None:
                stop_group(proc)
    assert proc.returncode == 130, rest[-2000:]
    _assert_nothing_left(mark)
