"""One home for the plan being edited: the session holds it (and undo); the document is the file's
image, whose ``plan`` is the plan as read or last saved and only a save changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planaction.core import ops
from planaction.present.session import EditSession

TODAY = dt.date(2025, 5, 12)
PLAN = """\
schema: 1
id: relance
title: Relance
owner: Ana
actions:
  - id: A1
    title: Appeler
    owner: Ana
    due: 2025-06-01
"""


@pytest.fixture
def session(tmp_path: Path) -> EditSession:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return EditSession.open(path, TODAY)


def test_edits_live_in_the_session_and_the_document_keeps_the_file(session: EditSession) -> None:
    read = session.document.plan
    session.apply(lambda plan: ops.set_status(plan, "A1", "done", TODAY))
    assert session.plan.action("A1").status.value == "done"
    assert session.document.plan is read  # the file's plan, untouched by an edit
    assert session.document.base is read
    assert session.dirty
    with pytest.raises(AttributeError):
        session.document.plan = session.plan  # type: ignore[misc]  # nobody writes it from outside


def test_a_save_writes_the_session_plan_and_makes_it_the_files(session: EditSession) -> None:
    session.apply(lambda plan: ops.update_action(plan, "A1", {"title": "Rappeler"}, TODAY))
    edited = session.plan
    assert session.save() is True
    assert session.document.plan is edited and not session.dirty
    assert "title: Rappeler" in session.path.read_text(encoding="utf-8")
    # undo after a save: the session goes back, the file stays, and the difference is unsaved
    assert session.undo()
    assert session.plan.action("A1").title == "Appeler"
    assert session.document.plan is edited
    assert session.dirty
    assert session.redo() and not session.dirty


def test_reload_drops_the_edits_and_the_history(session: EditSession) -> None:
    session.apply(lambda plan: ops.update_action(plan, "A1", {"title": "Autre"}, TODAY))
    session.path.write_text(PLAN.replace("Relance", "Relance 2"), encoding="utf-8")
    session.reload()
    assert session.plan is session.document.plan
    assert session.plan.title == "Relance 2"
    assert not session.can_undo and not session.dirty


def test_the_plan_id_follows_the_plan_being_edited(session: EditSession) -> None:
    assert session.plan_id == "relance"
    session.apply(lambda plan: ops.replace(plan, {"id": "relance-2026"}))
    assert session.plan_id == "relance-2026"
    assert session.document.plan_id == "relance"  # the file's, until saved


def test_rescued_edits_are_the_session_plan(session: EditSession) -> None:
    session.apply(lambda plan: ops.update_action(plan, "A1", {"title": "Sauvé"}, TODAY))
    rescued = session.rescue()
    assert rescued is not None and "title: Sauvé" in rescued.read_text(encoding="utf-8")
    assert "title: Appeler" in session.path.read_text(encoding="utf-8")
