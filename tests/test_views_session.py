"""The shared views (what each face shows) and the edit session (undo, redo, save)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planaction.core import ops
from planaction.core.model import Level, Status
from planaction.present import views
from planaction.present.session import EditSession
from planaction.store import ConflictError
from tests.conftest import PLANS, run_cli

TODAY = dt.date(2025, 5, 12)


@pytest.fixture
def session(tmp_path: Path) -> EditSession:
    path = tmp_path / "plan.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", path)
    return EditSession.open(path, TODAY)


def test_filter_ignores_case_and_accents(session: EditSession) -> None:
    rows = views.action_rows(session.plan, TODAY, "fr")
    assert [r.id for r in views.filter_rows(rows, views.RowFilter(text="REORGANISER"))] == ["A1"]
    assert [r.id for r in views.filter_rows(rows, views.RowFilter(text="responsable it"))] == ["A4"]
    assert [r.id for r in views.filter_rows(rows, views.RowFilter(status=Status.TODO))] == ["A3", "A4"]
    assert [r.id for r in views.filter_rows(rows, views.RowFilter(overdue=True))] == ["A2"]
    assert [r.id for r in views.filter_rows(rows, views.RowFilter(priority=Level.MEDIUM))] == ["A3"]
    both = views.RowFilter(text="former", status=Status.TODO)
    assert [r.id for r in views.filter_rows(rows, both)] == ["A3"]
    assert both.describe("en") == '"former", Status: To do'


def test_sorting_is_natural_and_puts_blanks_last(session: EditSession) -> None:
    plan, _ = ops.add_action(session.plan, {"id": "A10", "title": "Sans date", "owner": "x"}, TODAY)
    rows = views.action_rows(plan, TODAY, "en")
    assert [r.id for r in views.sort_rows(rows, "id")] == ["A1", "A2", "A3", "A4", "A10"]
    assert [r.id for r in views.sort_rows(rows, "due")][-1] == "A10"
    assert next(r.id for r in views.sort_rows(rows, "rag", reverse=True)) == "A2"


def test_dashboard_of_the_onboarding_plan() -> None:
    session = EditSession.open(PLANS / "onboarding-client.yaml", dt.date(2026, 11, 23))
    board = views.dashboard(session.plan, session.today, "fr")
    assert board.objective_figures == "8 → 6,1 → 6 h/dossier"
    assert board.health_text == "72/100"
    assert [k.id for k in board.kpis if k.reached] == ["K4"]
    assert board.rag_text == "orange : score de santé 72/100"
    summary = views.value_summary(session.plan, "fr")
    assert next(line.roi_text for line in summary.lines) == "+1\u202f420\u00a0%"
    assert summary.total_text == "217\u202f300\u00a0€"
    assert summary.time_to_value == "60 j (K4)"


def test_undo_redo_and_dirty(session: EditSession) -> None:
    assert not session.dirty
    session.apply(lambda p: ops.cycle_status(p, "A1", TODAY))
    session.apply(lambda p: ops.step_progress(p, "A3", 10, TODAY))
    assert session.dirty and session.can_undo
    assert session.undo() and session.undo()
    assert not session.dirty and not session.undo()
    assert session.redo()
    assert session.plan.action("A1").status == Status.TODO
    session.apply(lambda p: ops.step_progress(p, "A4", 10, TODAY))
    assert not session.can_redo  # a new edit drops the redo branch


def test_refused_operation_changes_nothing(session: EditSession) -> None:
    before = session.plan
    with pytest.raises(ops.OpError):
        session.apply(lambda p: ops.delete_action(p, "A1"))  # the log refers to it
    assert session.plan is before and not session.can_undo


def test_keep_mine_then_save_replaces_the_changed_file(session: EditSession) -> None:
    session.apply(lambda p: ops.cycle_status(p, "A1", TODAY))
    session.path.write_text(session.path.read_text(encoding="utf-8") + "# a colleague's comment\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        session.save()
    session.keep_mine()
    assert session.save()
    assert "# a colleague's comment" not in session.path.read_text(encoding="utf-8")


def test_reload_takes_the_file_as_it_is(session: EditSession) -> None:
    session.apply(lambda p: ops.cycle_status(p, "A1", TODAY))
    session.path.write_text(session.path.read_text(encoding="utf-8").replace("Responsable IT", "DSI"), encoding="utf-8")
    session.reload()
    assert not session.dirty and not session.can_undo
    assert session.plan.owner == "DSI"


def test_app_command_without_a_terminal_or_with_an_invalid_plan(tmp_path: Path) -> None:
    done = run_cli(PLANS / "support-it.yaml")
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\ntitle: x\n", encoding="utf-8")
    done = run_cli(bad)
    assert done.returncode == 1
    assert f'{bad}:1:1: error: plan: missing required key "owner"' in done.stderr
    assert run_cli(tmp_path / "missing.yaml").returncode == 1


# -- one way to compare people: the filter, the owner lists, the owner filter --------------

PEOPLE_PLAN = """schema: 1
title: Équipe
owner: Léa Fontaine
people:
  - name: İpek Yılmaz
actions:
  - id: A1
    title: Préparer le comité
    owner: İpek Yılmaz
  - id: A2
    title: Подготовить отчёт
    owner: Анна Петрова
    co_owners: [LEA FONTAINE]
  - id: A3
    title: 准备预算
    owner: 王芳
    co_owners: ["Le\\u0301a\\u00a0Fontaine"]
  - id: A4
    title: Relire
    owner: Léa Fontaine
"""


@pytest.fixture
def people_rows(tmp_path: Path) -> list[views.ActionRow]:
    path = tmp_path / "people.yaml"
    path.write_text(PEOPLE_PLAN, encoding="utf-8")
    return views.action_rows(EditSession.open(path, TODAY).plan, TODAY, "fr")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("İPEK YILMAZ", ["A1"]),
        ("ipek yilmaz", ["A1"]),
        ("IPEK", ["A1"]),
        ("анна", ["A2"]),
        ("ПЕТРОВА", ["A2"]),
        ("отчёт", ["A2"]),
        ("王芳", ["A3"]),
        ("预算", ["A3"]),
        ("lea fontaine", ["A2", "A3", "A4"]),
        ("Le\u0301a", ["A2", "A3", "A4"]),  # typed decomposed
        ("léa\u00a0fontaine", ["A2", "A3", "A4"]),
    ],
)
def test_the_filter_finds_people_in_every_script_and_spelling(people_rows, typed: str, found: list[str]) -> None:
    assert [r.id for r in views.filter_rows(people_rows, views.RowFilter(text=typed))] == found


def test_owner_lists_have_one_entry_per_person(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(PEOPLE_PLAN, encoding="utf-8")
    plan = EditSession.open(path, TODAY).plan
    names = views.owners(plan)
    assert len(names) == 4, names
    assert "İpek Yılmaz" in names and "Léa Fontaine" in names  # the spelling of people:, else the first met


@pytest.mark.parametrize("owner", ["Léa Fontaine", "LEA FONTAINE", "Le\u0301a\u00a0Fontaine"])
def test_the_owner_filter_matches_every_spelling(people_rows, owner: str) -> None:
    kept = views.filter_rows(people_rows, views.RowFilter(owner=owner))
    assert [r.id for r in kept] == ["A2", "A3", "A4"]
