"""Operations keep a plan valid and consistent, and share what they did not change."""

from __future__ import annotations

import datetime as dt

import pytest

from planaction.core import ops
from planaction.core.model import Plan, Status

TODAY = dt.date(2025, 5, 12)


def plan_with(*actions: dict, **extra) -> Plan:
    return Plan.model_validate({"schema": 1, "title": "T", "owner": "O", "actions": list(actions), **extra})


def action(action_id: str, **fields) -> dict:
    return {
        "id": action_id,
        "title": f"Action {action_id}",
        "owner": "Ana",
        "due": "2025-06-01",
        **fields,
    }


def test_done_fills_progress_and_completion_date() -> None:
    plan = ops.set_status(plan_with(action("A1", status="in_progress", progress=40)), "A1", "done", TODAY)
    done = plan.action("A1")
    assert (done.status, done.progress, done.completed) == (Status.DONE, 100, TODAY)


def test_reopening_clears_the_completion_date() -> None:
    plan = plan_with(action("A1", status="done", progress=100, completed="2025-05-01"))
    reopened = ops.set_status(plan, "A1", "en cours", TODAY).action("A1")
    assert reopened.status == Status.IN_PROGRESS
    assert reopened.completed is None
    assert "completed" not in reopened.model_fields_set


def test_progress_drives_the_status() -> None:
    plan = plan_with(action("A1"))
    started = ops.step_progress(plan, "A1", 10, TODAY)
    assert (started.action("A1").status, started.action("A1").progress) == (Status.IN_PROGRESS, 10)
    finished = ops.update_action(started, "A1", {"progress": "100"}, TODAY)
    assert finished.action("A1").status == Status.DONE
    assert finished.action("A1").completed == TODAY
    back = ops.step_progress(finished, "A1", -10, TODAY)
    assert (back.action("A1").status, back.action("A1").progress, back.action("A1").completed) == (
        Status.IN_PROGRESS,
        90,
        None,
    )
    assert ops.step_progress(plan, "A1", -10, TODAY) is plan  # already at 0: nothing to do


def test_status_cycle() -> None:
    plan = plan_with(action("A1"))
    seen = []
    for _ in range(4):
        plan = ops.cycle_status(plan, "A1", TODAY)
        seen.append(plan.action("A1").status)
    assert seen == [Status.IN_PROGRESS, Status.DONE, Status.TODO, Status.IN_PROGRESS]
    assert plan.action("A1").progress == 0  # back to "to do" reset it


def test_unchanged_parts_are_shared() -> None:
    plan = plan_with(action("A1"), action("A2"), log=[{"date": "2025-05-01", "action": "A1", "result": "ok"}])
    edited = ops.update_action(plan, "A2", {"title": "New"}, TODAY)
    assert edited.actions[0] is plan.actions[0]
    assert edited.log[0] is plan.log[0]
    assert edited.action("A2").title == "New"
    assert plan.action("A2").title == "Action A2"  # the old value is untouched (undo)


def test_add_action_numbers_like_the_plan() -> None:
    plan = plan_with(action("A-009"), action("A-010"))
    plan, new_id = ops.add_action(plan, {"title": "Next", "owner": "Léo"}, TODAY)
    assert new_id == "A-011"
    assert ops.next_id([], "A") == "A1"
    assert ops.next_id(["R1", "R7", "R3"], "R") == "R8"
    with pytest.raises(ops.OpError, match="already exists"):
        ops.add_action(plan, {"id": "A-010", "title": "Dup", "owner": "X"}, TODAY)


def test_add_action_validates_its_fields() -> None:
    plan = plan_with(action("A1"))
    with pytest.raises(ops.OpError, match='missing required key "owner"'):
        ops.add_action(plan, {"title": "No owner"}, TODAY)
    with pytest.raises(ops.OpError, match="progress 150 is out of range") as error:
        ops.add_action(plan, {"title": "x", "owner": "y", "progress": 150}, TODAY)
    assert error.value.hint == "progress goes from 0 to 100"
    with pytest.raises(ops.OpError, match='unknown action "A9"'):
        ops.add_action(plan, {"title": "x", "owner": "y", "depends_on": ("A9",)}, TODAY)
    with pytest.raises(ops.OpError, match="before it starts"):
        ops.add_action(plan, {"title": "x", "owner": "y", "start": "2025-06-02", "due": "2025-06-01"}, TODAY)


def test_unknown_action_and_key_get_suggestions() -> None:
    plan = plan_with(action("A1"), action("A2"))
    with pytest.raises(ops.OpError, match='no action "a2"') as error:
        ops.set_status(plan, "a2", "done", TODAY)
    assert error.value.hint == 'did you mean "A2"?'
    with pytest.raises(ops.OpError, match='unknown key "stauts"') as error:
        ops.update_action(plan, "A1", {"stauts": "done"}, TODAY)
    assert error.value.hint == 'did you mean "status"?'
    with pytest.raises(ops.OpError, match="not a valid status"):
        ops.set_status(plan, "A1", "Finished", TODAY)


def test_delete_refuses_to_lose_history() -> None:
    plan = plan_with(
        action("A1"),
        action("A2", depends_on=["A1"]),
        log=[{"date": "2025-05-01", "action": "A2", "result": "ok"}],
    )
    with pytest.raises(ops.OpError, match="referred to by dependent action A2"):
        ops.delete_action(plan, "A1")
    unlinked = ops.delete_action(plan, "A1", unlink=True)
    assert [a.id for a in unlinked.actions] == ["A2"]
    assert unlinked.action("A2").depends_on == ()
    with pytest.raises(ops.OpError, match="1 log entry") as error:
        ops.delete_action(plan, "A2")
    assert "cancelled" in error.value.hint


def test_log_and_measurements() -> None:
    plan = plan_with(
        action("A1"),
        kpis=[
            {
                "id": "K1",
                "name": "Délai",
                "direction": "down",
                "measurements": [{"date": "2025-05-10", "value": 7}],
            }
        ],
    )
    plan = ops.append_log(plan, "A1", "Taux 85 %", TODAY, comment="Bonne adhésion")
    assert plan.log[-1].result == "Taux 85 %" and plan.log[-1].date == TODAY
    with pytest.raises(ops.OpError, match='no action "A7"'):
        ops.append_log(plan, "A7", "x", TODAY)
    with pytest.raises(ops.OpError, match="result is empty"):
        ops.append_log(plan, "A1", "   ", TODAY)
    plan = ops.record_measurement(plan, "K1", dt.date(2025, 5, 1), 9)
    plan = ops.record_measurement(plan, "K1", dt.date(2025, 5, 20), 5)
    plan = ops.record_measurement(plan, "K1", dt.date(2025, 5, 10), 6.5)  # same date: replaces
    assert [(m.date.day, m.value) for m in plan.kpi("K1").measurements] == [
        (1, 9),
        (10, 6.5),
        (20, 5),
    ]


def test_add_risk_and_update_item() -> None:
    plan = plan_with(action("A1"))
    plan, risk_id = ops.add_risk(plan, {"title": "Sponsor peu visible", "probability": "M", "impact": "H"})
    assert risk_id == "R1"
    assert plan.risks[0].impact.value == "high"
    plan = ops.update_item(plan, "risks", "R1", {"status": "mitigated"})
    assert plan.risks[0].status.value == "mitigated"
    with pytest.raises(ops.OpError, match="not a valid probability"):
        ops.add_risk(plan, {"title": "x", "probability": "huge", "impact": "H"})
