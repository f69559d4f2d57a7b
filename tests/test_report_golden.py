"""The steering report of every example plan, and of the folder, in every format and both languages,
compared with outputs written by the code before report/ was split into one module per renderer.

The files under ``tests/fixtures/report/`` are the proof that the move changed no byte; rewrite them
(``PLANACTION_WRITE_GOLDEN=1``) only for a change of output that is meant, and read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from planaction import store
from planaction.present import views
from planaction.report import steering as report
from tests.conftest import PLANS, TODAY, run_cli

GOLDEN = Path(__file__).parent / "fixtures" / "report"
WRITE = bool(os.environ.get("PLANACTION_WRITE_GOLDEN"))
FORMATS = ("text", "markdown", "json", "rich")
PLAN_FILES = sorted(PLANS.glob("*.yaml"))


def rich_text(built) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=120, highlight=False)
    report.print_rich(built, console)
    return buffer.getvalue()


def rendered(built, fmt: str) -> str:
    return rich_text(built) if fmt == "rich" else report.render(built, fmt)


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if WRITE:
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no golden output {path.name}: write it with PLANACTION_WRITE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


def plan_of(path: Path):
    return store.load(path, nodes=False).plan


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_plan_report_unchanged(path: Path, lang: str, fmt: str) -> None:
    built = report.plan_report(f"plans/{path.name}", plan_of(path), TODAY, lang)
    check(f"{path.stem}.{lang}.{fmt}.txt", rendered(built, fmt))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plan_report_since_unchanged(lang: str, fmt: str) -> None:
    plan = plan_of(PLANS / "support-it.yaml")
    older = plan.model_copy(update={"title": "Ancien titre", "actions": plan.actions[:-1]})
    built = report.plan_report("plans/support-it.yaml", plan, TODAY, lang, since=("HEAD~1", older))
    check(f"since.{lang}.{fmt}.txt", rendered(built, fmt))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_portfolio_report_unchanged(lang: str, fmt: str) -> None:
    rows = [views.portfolio_row(Path("plans") / p.name, plan_of(p), "", TODAY, lang) for p in PLAN_FILES]
    rows.append(views.portfolio_row(Path("plans/broken.yaml"), None, "3:1 not a plan", TODAY, lang))
    since = {"plans/support-it.yaml": ["A1 changed", "A2 done"], "plans/broken.yaml": []}
    built = report.PortfolioReport("plans", TODAY, lang, rows, since, "HEAD~1")
    check(f"portfolio.{lang}.{fmt}.txt", rendered(built, fmt))
    plain = report.PortfolioReport("plans", TODAY, lang, rows[:-1])
    check(f"portfolio-plain.{lang}.{fmt}.txt", rendered(plain, fmt))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_console_prints_the_report_object_itself(path: Path, lang: str) -> None:
    """``console.print(report)`` is the Rich renderer: the report object carries ``__rich_console__``."""
    built = report.plan_report(f"plans/{path.name}", plan_of(path), TODAY, lang)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=120, highlight=False)
    console.print(built)
    assert buffer.getvalue() == (GOLDEN / f"{path.stem}.{lang}.rich.txt").read_bytes().decode("utf-8")


def test_portfolio_object_prints_itself() -> None:
    rows = [views.portfolio_row(Path("plans") / p.name, plan_of(p), "", TODAY, "en") for p in PLAN_FILES]
    built = report.portfolio_report("plans", TODAY, "en", rows)
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, color_system="truecolor", width=120, highlight=False).print(built)
    assert buffer.getvalue() == (GOLDEN / "portfolio-plain.en.rich.txt").read_bytes().decode("utf-8")


def test_every_renderer_is_registered_and_named_in_the_cli() -> None:
    from planaction.report import renderers

    assert set(renderers.RENDERERS) == {"text", "markdown", "json"}
    built = report.plan_report("plans/support-it.yaml", plan_of(PLANS / "support-it.yaml"), TODAY, "en")
    usage = run_cli("report", "--help").stdout
    for name, render in renderers.RENDERERS.items():
        assert renderers.render(built, name) == render(built)
        assert name in usage
