"""cxaudit installed from its wheel, as the README tells users to, works outside the repository.

The development venv has cxaudit installed in editable mode, so every other test reads templates and data
files straight from the checkout: a file left out of the wheel's package data, or code that finds its files
relative to the repository, passes the whole suite and fails on the first user's CI machine. This test
builds the wheel from what git would commit, installs it into a fresh venv in a temporary directory and runs
`cxaudit demo` there with a clean environment, from a working directory outside the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from auditor.processes import running
from tests.process_marks import SESSION_MARK

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("auditor", "checks", "reports")  # [tool.setuptools.packages.find] in pyproject.toml
# The variables the installed cxaudit may read to find a browser (HOME: Playwright's own Chromium is under
# ~/.cache) or a locale; everything else a developer or CI machine has set (PYTHONPATH, VIRTUAL_ENV,
# GITHUB_STEP_SUMMARY, …) is left out, so nothing can lead back to the repository or leak out of the test.
PASSED_ENV = ("CXAUDIT_BROWSER", "PLAYWRIGHT_BROWSERS_PATH", "HOME", "TMPDIR", "LANG", "LC_ALL")
# pip run without the caller's PYTHONPATH: a checkout on it holds cxaudit.egg-info, and pip would then take the
# wheel's cxaudit as already installed and install nothing
PIP_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


def git_files(*args: str) -> list[str]:
    """Paths relative to the repository that `git ls-files` lists with `args`, existing files only (a
    tracked file deleted in the working tree is not part of what would be committed)."""
    out = subprocess.run(["git", "ls-files", "-z", *args], cwd=REPO, capture_output=True, check=True,
                         timeout=60).stdout.decode()
    return [name for name in out.split("\0") if name and (REPO / name).is_file()]


def build_wheel(work: Path) -> Path:
    """Builds the wheel the way `pip wheel .` does for a user, from a copy of the files git would commit.

    A copy, because setuptools builds in the source tree: in the checkout it would leave `build/` behind,
    race with other builds, and put stale modules from an earlier `build/lib` into the wheel."""
    source = work / "source"
    for name in git_files("--cached", "--others", "--exclude-standard"):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    dist = work / "dist"
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(source)],
                          env=PIP_ENV, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"`pip wheel` failed:\n{proc.stdout}\n{proc.stderr}"
    wheels = list(dist.glob("cxaudit-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def site_packages(python: Path) -> Path:
    """Where `python` installs pure-Python packages."""
    proc = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True, timeout=60, stdin=subprocess.DEVNULL)
    return Path(proc.stdout.strip())


def fresh_venv(root: Path, wheel: Path) -> Path:
    """A new venv with only the wheel installed into it; returns its directory.

    Installing cxaudit's dependencies from the registry takes over a minute, so the venv borrows the development
    venv's site-packages through a .pth line instead. A path added by a .pth line is not a site directory:
    the .pth files inside it (the editable install's hook that maps `auditor` to the checkout) are not run,
    and the venv's own site-packages comes first on sys.path, so `auditor` can only resolve to the wheel's
    copy (asserted by the test). The wheel is installed before the .pth exists, so pip sees an empty venv
    and never considers the development venv's cxaudit."""
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120,
                   stdin=subprocess.DEVNULL)
    python = venv / "bin" / "python"
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                           "--quiet", str(wheel)], env=PIP_ENV, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"`pip install` of the wheel failed:\n{proc.stdout}\n{proc.stderr}"
    borrowed = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    shadowing = [f"{path}/{package}" for path in borrowed for package in PACKAGES if (Path(path) / package).exists()]
    assert not shadowing, f"the development venv holds its own copy of cxaudit's packages, which could hide a broken wheel: {shadowing}"
    (site_packages(python) / "_cxaudit_test_dependencies.pth").write_text("".join(f"{path}\n" for path in borrowed))
    return venv


def clean_env(venv: Path) -> dict[str, str]:
    """What a user's shell would have after activating the new venv: its bin first on PATH, no directory of
    the repository anywhere, and the test session's mark so the leak check finds anything left running."""
    path = [str(venv / "bin")] + [entry for entry in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep)
                                  if entry and not Path(entry).resolve().is_relative_to(REPO.resolve())]
    env = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
    return {**env, "PATH": os.pathsep.join(path), "CI": "1", SESSION_MARK: os.environ[SESSION_MARK]}


@pytest.mark.browser
def test_wheel_installed_in_fresh_venv_runs_the_demo(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the wheel is built from the files git tracks")
    assert not tmp_path.resolve().is_relative_to(REPO.resolve()), "the test must install outside the repository"

    wheel = build_wheel(tmp_path / "build")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    needed = [name for name in git_files("--cached", "--", *PACKAGES) if "__pycache__" not in name]
    missing = [name for name in needed if name not in shipped]
    assert not missing, f"files git tracks under the packages but the wheel leaves out (package-data?): {missing}"
    assert any(name.endswith(".html.j2") for name in shipped), "the report templates are not in the wheel"

    venv = fresh_venv(tmp_path, wheel)
    env = clean_env(venv)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    imported = subprocess.run([str(venv / "bin" / "python"), "-c",
                               "import json, auditor, checks, reports;"
                               "print(json.dumps([m.__file__ for m in (auditor, checks, reports)]))"],
                              cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)
    assert imported.returncode == 0, imported.stderr
    for module_file in json.loads(imported.stdout):
        assert Path(module_file).resolve().is_relative_to(venv.resolve()), f"{module_file} is not the installed copy"

    out = tmp_path / "report"
    # A short crawl keeps the test fast; `--fail-on never` because the gate's verdict on the demo shop is
    # test_cli's business: here exit 0 means installed, browser found, shop served, reports rendered.
    argv = [str(venv / "bin" / "cxaudit"), "demo", "--out", str(out), "--max-pages", "4", "--fail-on", "never"]
    with running(argv, cwd=elsewhere, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                 stderr=subprocess.PIPE, text=True) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            pytest.fail("`cxaudit demo` from the installed wheel did not finish within 240 s")
    assert proc.returncode == 0, f"`cxaudit demo` from the wheel exited {proc.returncode}:\n{stdout}\n{stderr}"
    assert "Traceback" not in stderr, stderr
    assert (out / "report.html").is_file() and (out / "report.json").is_file(), sorted(p.name for p in out.iterdir())
    doc = json.loads((out / "report.json").read_text())
    assert doc["tool"]["name"] == "cxaudit" and doc["browser"]["source"], doc["browser"]
    assert doc["sites"][0]["crawl"]["pages_visited"] >= 1
    assert "<html" in (out / "report.html").read_text().lower()
