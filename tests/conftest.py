"""Shared helpers: where things are, and how to run the real command."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# the tests' own openpyxl (editing workbooks as a client would) uses the writer the workbook uses,
# not lxml's, which python-pptx and python-docx install (see planaction/exchange/xlsx/openpyxl_import.py)
os.environ.setdefault("OPENPYXL_LXML", "False")

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "plans"
ODD = REPO / "tests" / "fixtures" / "odd"
TEMPLATES = REPO / "src" / "planaction" / "store" / "templates"
TODAY = dt.date(2025, 5, 12)

# The command line speaks the language of the environment (PLANACTION_LANG, then LANG); the tests
# read its English unless they ask for French, whatever the machine's locale.
os.environ.pop("PLANACTION_LANG", None)
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (pyproject's addopts): two workers per core, not one. Most of a Textual test is
    waiting (each key a Pilot presses waits for the app to go idle, in 20 ms sleeps), and many tests
    wait for a child (the CLI, LibreOffice, Chromium, git): with one worker per core the cores
    were idle half the time. Two per core halved the app tests' wall time on two cores; three per core
    gained nothing more. PYTEST_XDIST_AUTO_NUM_WORKERS still says otherwise, as with xdist's own rule."""
    if chosen := os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(chosen)
    return 2 * len(os.sched_getaffinity(0))


def pytest_configure(config: pytest.Config) -> None:
    """Compile planaction's bytecode once, before the workers start, as an installed package has it.

    This project's machines set PYTHONDONTWRITEBYTECODE (the README says so): Python then reads .pyc files
    but never writes them, and the editable install has none, so each of the suite's thousands of
    cold processes (the CLI, the app, the merge driver) compiled the package from source again:
    6 % of their CPU, measured on a quiet machine on the CLI tests (children's CPU 29.3 s -> 27.4 s,
    test_reading_errors.py and test_cli.py, two workers). compileall skips
    what is up to date, so a second run pays a few milliseconds; the workers (PYTEST_XDIST_WORKER)
    leave it to the controller, which configures before it starts them."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    import compileall

    import planaction

    compileall.compile_dir(Path(planaction.__file__).parent, quiet=1)
    if config.getoption("dist", "no") != "no" and config.getoption("tx", None) and not config.option.collectonly:
        _rewrite_asserts_once(config)


def _rewrite_asserts_once(config: pytest.Config) -> None:
    """Write pytest's assertion-rewritten bytecode of the test files and of the plugins it rewrites
    (hypothesis, syrupy...), once, before the workers start.

    Each worker imports every test module at collection, and pytest rewrites the asserts of each (and
    of every module of its plugins' packages) before compiling it: 8 of a worker's 13 s of CPU to
    collect, paid by every worker, since they all start at once (a fresh clone has no cache; under
    PYTHONDONTWRITEBYTECODE nothing is ever cached). Written here, the workers read it as pytest's own
    cache: the same code, rewritten by the same function (measured: each worker's CPU before its first
    test 12.7 s -> 4.1 s, the controller's 1.2 s -> 7.3 s; 29 s of CPU less a run). Only when workers
    will start: a run in one process rewrites what it imports, no more. pytest's private helpers may
    change: then the workers rewrite as before."""
    import importlib.util

    try:
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
        marked = set(config.pluginmanager.rewrite_hook._must_rewrite)
        cached = rewrite.get_cache_dir, rewrite.try_makedirs, rewrite._read_pyc, rewrite._write_pyc
    except (AttributeError, ImportError, KeyError):
        return
    get_cache_dir, try_makedirs, read_pyc, write_pyc = cached
    files = {*REPO.joinpath("tests").rglob("test_*.py"), *REPO.joinpath("tests").rglob("conftest.py")}
    for name in marked:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        for folder in spec.submodule_search_locations or ():
            files.update(Path(folder).rglob("*.py"))
        if spec.origin and spec.origin.endswith(".py") and not spec.submodule_search_locations:
            files.add(Path(spec.origin))
    for source in sorted(files):
        cache_dir = get_cache_dir(source)
        if not try_makedirs(cache_dir):
            continue
        pyc = cache_dir / (source.name[:-3] + rewrite.PYC_TAIL)
        if read_pyc(source, pyc, state.trace) is not None:
            continue
        try:
            source_stat, code = rewrite._rewrite_test(source, config)
        except (OSError, SyntaxError, ValueError):
            continue
        write_pyc(state, code, source_stat, pyc)


def planaction_command() -> list[str]:
    """The installed console script (what a user runs), next to this Python."""
    script = Path(sys.executable).with_name("planaction")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planaction"]


def run_cli(*args: str | os.PathLike, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [*planaction_command(), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


def run_bounded(
    argv: list[str | os.PathLike], *, seconds: float, memory_gb: float | None = None
) -> subprocess.CompletedProcess | None:
    """The real command in a child, killed after ``seconds`` (then None), its address space capped
    at ``memory_gb``: for inputs that could hang it (a FIFO) or make it allocate without end."""

    def cap() -> None:
        if memory_gb is not None:
            limit = int(memory_gb * 1024**3)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        return subprocess.run(
            [*planaction_command(), *map(str, argv)],
            capture_output=True,
            text=True,
            timeout=seconds,
            env={**os.environ, "NO_COLOR": "1"},
            stdin=subprocess.DEVNULL,
            preexec_fn=cap if memory_gb is not None else None,
        )
    except subprocess.TimeoutExpired:
        return None


@pytest.fixture
def copy_to_tmp(tmp_path: Path):
    """Copy a file into a temporary folder and return its new path."""

    def copy(source: Path, name: str | None = None) -> Path:
        target = tmp_path / (name or source.name)
        shutil.copyfile(source, target)
        return target

    return copy


def example_plans() -> list[Path]:
    return sorted(PLANS.glob("*.yaml"))


def odd_files() -> list[Path]:
    return sorted(ODD.glob("*.yaml"))


def examples(count: int) -> int:
    """Hypothesis example counts, scaled up for long runs: PLANACTION_FUZZ_SCALE=20."""
    return count * int(os.environ.get("PLANACTION_FUZZ_SCALE", "1"))
