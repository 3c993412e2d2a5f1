"""A platform's install steps: their output, or one line saying which step failed and how."""

from __future__ import annotations

import sys

import pytest

from accuracy.platform import Platform


class Demo(Platform):
    name = "demo"


def test_an_install_step_returns_its_output_and_runs_with_the_platforms_environment() -> None:
    out = Demo().run_step([sys.executable, "-c", "import os; print(os.environ['PIP_DISABLE_PIP_VERSION_CHECK'])"], "probe")
    assert out.strip() == "1"


def test_a_failed_step_is_one_line_naming_the_platform_the_step_and_the_commands_last_words() -> None:
    with pytest.raises(RuntimeError) as failed:
        Demo().run_step([sys.executable, "-c", "import sys; print('first'); sys.exit('no such table: shop')"], "migrate")
    assert str(failed.value) == "demo: migrate failed (exit 1): no such table: shop"


def test_a_step_that_cannot_start_says_so() -> None:
    with pytest.raises(RuntimeError, match=r"^demo: venv failed: "):
        Demo().run_step(["/nonexistent/python3"], "venv")
