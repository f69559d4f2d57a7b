"""Playbooks that fire (issue 14 part 2): seed 003's "Adoption 🔴 — actifs 30 j < 40 %" checked against
the plan's figures as of a day, shown by every face, and answered by an action.

The stories run on copies of the onboarding example, whose playbooks are written in the structured
form; the reports are read from the real command's output."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.core import checks, ops, playbooks
from planaction.core.model import Frequency, OriginKind, Plan, Playbook, Rag, Status
from tests.conftest import PLANS

ONBOARDING = PLANS / "onboarding-client.yaml"
#: After T+90: every KPI measured, none of the example's playbooks fires.
QUIET_DAY = dt.date(2026, 12, 6)


def onboarding() -> Plan:
    return store.load(ONBOARDING).plan


def measured(plan: Plan, kpi: str, value: float, on: dt.date) -> Plan:
    return ops.record_measurement(plan, kpi, on, value)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planaction", *args], capture_output=True, text=True, check=False, timeout=120
    )


def test_the_onboarding_example_is_quiet_after_its_last_measurements() -> None:
    assert playbooks.fired(onboarding(), QUIET_DAY) == []


def test_k4_measured_at_30_percent_fires_adoption_with_its_reason_and_due_date() -> None:
    plan = measured(onboarding(), "K4", 30, dt.date(2026, 12, 1))
    [hit] = playbooks.fired(plan, QUIET_DAY)
    assert hit.playbook.signal == "Adoption" and hit.playbook.level == Rag.RED
    assert hit.reason.text("fr") == "K4 à 30\u00a0%, sous le seuil de 40\u00a0%"
    assert hit.reason.text("en") == "K4 at 30%, below 40%"
    assert hit.since == dt.date(2026, 12, 1)  # the measurement that crossed the line
    assert hit.due == dt.date(2026, 12, 6)  # five days later
    assert hit.handled_by is None
    assert hit.late(QUIET_DAY) is None and hit.late(dt.date(2026, 12, 9)) == 3


def test_a_measurement_dated_after_today_does_not_fire_yet() -> None:
    plan = measured(onboarding(), "K4", 30, dt.date(2026, 12, 20))
    assert playbooks.fired(plan, QUIET_DAY) == []
    assert [h.playbook.signal for h in playbooks.fired(plan, dt.date(2026, 12, 20))] == ["Adoption"]


def test_the_sla_playbook_fired_on_the_examples_own_history() -> None:
    """K5 was measured at 78 % on 30/09 (the example's "Playbook Support déclenché"): below 85 % in the SLA."""
    fired = {h.playbook.signal: h for h in playbooks.fired(onboarding(), dt.date(2026, 10, 5))}
    assert fired["Support"].since == dt.date(2026, 9, 30)
    assert fired["Support"].due == dt.date(2026, 10, 3)


def test_attainment_is_taken_pro_rata_of_the_kpis_time() -> None:
    """K1 at 30 % of its way a month into three is on course; at 30 % on its deadline it is not."""
    plan = onboarding()
    early = [h for h in playbooks.fired(plan, dt.date(2026, 9, 25)) if h.playbook.signal == "Valeur"]
    assert early == []
    late = measured(plan, "K1", 7.4, dt.date(2026, 11, 22))
    late = late.model_copy(update={"kpis": tuple(_only_measurement(k, dt.date(2026, 11, 22)) for k in late.kpis)})
    [hit] = [h for h in playbooks.fired(late, dt.date(2026, 11, 25)) if h.playbook.signal == "Valeur"]
    assert hit.reason.text("en").startswith("K1 30% of the way to its target, below the 70% expected")


def _only_measurement(kpi, on: dt.date):
    if kpi.id != "K1":
        return kpi
    return kpi.model_copy(update={"measurements": tuple(m for m in kpi.measurements if m.date == on or m.value == 8)})


def with_playbook(plan: Plan, **fields) -> Plan:
    book = Playbook(signal="Test", level=Rag.AMBER, trigger="words", action="Act", owner="Léa Fontaine", **fields)
    return plan.model_copy(update={"playbooks": (book,)})


def test_health_dimension_and_stream_conditions() -> None:
    plan = onboarding()  # health 72/100, Adoption rated 3/5, stream valeur red (A12 late) on the quiet day
    assert [h.reason.text("en") for h in playbooks.fired(with_playbook(plan, health_below=80), QUIET_DAY)] == [
        "health score 72/100, below 80"
    ]
    assert playbooks.fired(with_playbook(plan, health_below=60), QUIET_DAY) == []
    assert [
        h.reason.text("fr")
        for h in playbooks.fired(with_playbook(plan, dimension="adoption", rating_below=4), QUIET_DAY)
    ] == ["Adoption notée 3/5, sous 4"]
    assert playbooks.fired(with_playbook(plan, dimension="Adoption", rating_below=3), QUIET_DAY) == []
    [hit] = playbooks.fired(with_playbook(plan, stream="valeur", stream_rag=Rag.AMBER), QUIET_DAY)
    assert hit.reason.text("en") == "stream Valeur red"
    assert playbooks.fired(with_playbook(plan, stream="tech", stream_rag=Rag.AMBER), QUIET_DAY) == []


def test_missed_rituals_count_each_period_past() -> None:
    plan = onboarding()
    rituals = tuple(
        r.model_copy(update={"last_held": dt.date(2026, 11, 20)}) if r.frequency == Frequency.WEEKLY else r
        for r in plan.rituals
    )
    plan = with_playbook(plan.model_copy(update={"rituals": rituals}), rituals_missed=2)
    assert (
        playbooks.fired(plan, dt.date(2026, 12, 4)) == []
    )  # 14 days: the meeting of the 27th missed, the 4th is today
    [hit] = playbooks.fired(plan, dt.date(2026, 12, 5))
    assert hit.reason.text("en") == "2 ritual meetings missed (threshold: 2)"


def test_answering_a_playbook_adds_its_action_and_marks_it_handled() -> None:
    plan = measured(onboarding(), "K4", 30, dt.date(2026, 12, 1))
    plan, action_id = playbooks.answer(plan, 0, QUIET_DAY, "K4 à 30 %")
    action = plan.action(action_id)
    assert action is not None
    assert (action.title, action.owner, action.start, action.due) == (
        "Session coaching ciblée + micro-parcours vidéo",
        "CSM + Champion",
        QUIET_DAY,
        dt.date(2026, 12, 11),
    )
    assert action.priority is not None and action.priority.value == "high"  # a red signal
    assert action.kpi == "K4" and action.status == Status.TODO
    [origin] = action.origins
    assert (origin.kind, origin.ref, origin.note) == (OriginKind.PLAYBOOK, "Adoption", "K4 à 30 %")
    [hit] = playbooks.fired(plan, QUIET_DAY)
    assert hit.handled_by == action_id
    with pytest.raises(ops.OpError) as refused:
        playbooks.answer(plan, 0, QUIET_DAY)
    assert (
        refused.value.message_in("fr") == f"le playbook « Adoption » est déjà pris en charge par l'action {action_id}"
    )
    # once its action is done, the signal still there fires the playbook again
    plan = ops.set_status(plan, action_id, Status.DONE, QUIET_DAY)
    assert playbooks.fired(plan, QUIET_DAY)[0].handled_by is None


@pytest.mark.parametrize(
    ("fields", "where", "code"),
    [
        ({"kpi": "K4", "below": 40, "health_below": 60}, "health_below", "check.playbook_subjects"),
        ({"kpi": "K4"}, "kpi", "check.playbook_threshold"),
        ({"below": 40}, "below", "check.playbook_orphan"),
        ({"stream_rag": Rag.RED}, "stream_rag", "check.playbook_orphan"),
        ({"dimension": "Adoptoin", "rating_below": 3}, "dimension", "check.playbook_dimension"),
        ({"kpi": "K44", "below": 3}, "kpi", "check.unknown_link"),
    ],
)
def test_a_condition_that_cannot_be_checked_is_reported_at_its_field(fields, where, code) -> None:
    found = [f for f in checks.check(with_playbook(onboarding(), **fields)) if f.path[0] == "playbooks"]
    assert [(f.path, f.said.code) for f in found] == [(("playbooks", 0, where), code)]


@settings(max_examples=60, deadline=None)
@given(
    value=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    below=st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
    above=st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
)
def test_a_kpi_playbook_fires_exactly_when_its_latest_value_crosses_a_threshold(value, below, above) -> None:
    plan = measured(onboarding(), "K3", value, dt.date(2026, 12, 1))
    plan = with_playbook(plan, kpi="K3", below=below, above=above)
    fires = bool(playbooks.fired(plan, QUIET_DAY))
    assert fires == ((below is not None and value < below) or (above is not None and value > above))


def test_report_gives_fired_playbooks_in_every_format(tmp_path: Path) -> None:
    copy = tmp_path / "onboarding.yaml"
    shutil.copyfile(ONBOARDING, copy)
    day = "2026-10-05"
    data = json.loads(run("report", str(copy), "--today", day, "--format", "json").stdout)
    support = next(p for p in data["playbooks"] if p["signal"] == "Support")
    assert support == {
        "index": 2,
        "signal": "Support",
        "level": "amber",
        "trigger": "Tickets hors SLA > 15%",
        "reason": "K5 à 78\u00a0%, sous le seuil de 85\u00a0%",
        "action": "Revue SLA + renfort support + FAQ ciblée",
        "owner": "TAM/Support",
        "since": "2026-09-30",
        "due": "2026-10-03",
        "late_days": 2,
        "handled_by": None,
    }
    text = run("report", str(copy), "--today", day, "--lang", "en").stdout
    assert "Fired playbooks" in text
    assert (
        "Support: K5 at 78%, below 85% → Revue SLA + renfort support + FAQ ciblée — TAM/Support, by 2026-10-03 (2 days overdue)"
        in text
    )
    markdown = run("report", str(copy), "--today", day, "--format", "markdown").stdout
    assert "### Playbooks déclenchés" in markdown
    quiet = json.loads(run("report", str(copy), "--today", QUIET_DAY.isoformat(), "--format", "json").stdout)
    assert quiet["playbooks"] == []


def test_the_examples_playbooks_are_all_checkable_and_clean_under_strict() -> None:
    plan = onboarding()
    assert all(playbooks.checkable(p) for p in plan.playbooks)
    done = run("validate", str(ONBOARDING), "--strict", "--today", QUIET_DAY.isoformat())
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_fired_kpi_playbook_colours_its_stream_and_the_plan_with_its_level() -> None:
    from planaction.core import rules
    from planaction.words import labels

    before = {name: a.rag for _id, name, a in rules.stream_rags(onboarding(), QUIET_DAY)}
    assert before["Adoption"] != Rag.RED
    plan = measured(onboarding(), "K4", 30, dt.date(2026, 12, 1))
    streams = {name: a for _id, name, a in rules.stream_rags(plan, QUIET_DAY)}
    assert streams["Adoption"].rag == Rag.RED
    assert (
        labels.verdict(streams["Adoption"], "fr")
        == "rouge : playbook « Adoption » déclenché : K4 à 30\u00a0%, sous le seuil de 40\u00a0%"
    )
    assert rules.plan_rag(plan, QUIET_DAY).rag == Rag.RED


def test_an_attainment_playbook_fires_the_day_the_kpi_falls_behind_its_course() -> None:
    """K1 measured at 30 % of its way on 23/09 is on course until its time passes 30/70 of 90 days:
    the playbook fires from 02/10, and says so, not from the measurement's day."""
    plan = onboarding()
    assert [h.playbook.signal for h in playbooks.fired(plan, dt.date(2026, 10, 1))].count("Valeur") == 0
    [hit] = [h for h in playbooks.fired(plan, dt.date(2026, 10, 5)) if h.playbook.signal == "Valeur"]
    assert (hit.since, hit.due) == (dt.date(2026, 10, 2), dt.date(2026, 10, 9))


def test_due_reminds_the_owner_of_an_unanswered_fired_playbook_and_not_once_it_is_answered(tmp_path: Path) -> None:
    copy = tmp_path / "onboarding.yaml"
    text = ONBOARDING.read_text(encoding="utf-8")
    copy.write_text(
        text.replace(
            "      - date: 2026-11-22\n        value: 66\n",
            "      - date: 2026-11-22\n        value: 66\n      - date: 2026-12-01\n        value: 30\n",
            1,
        ),
        encoding="utf-8",
    )

    def playbook_items() -> list[tuple[str, dict]]:
        data = json.loads(run("due", str(copy), "--today", QUIET_DAY.isoformat(), "--format", "json").stdout)
        return [
            (person["name"], item)
            for person in data["people"]
            for item in person["overdue"] + person["due_soon"]
            if item["kind"] == "playbook"
        ]

    [(owner, item)] = playbook_items()
    assert owner == "CSM + Champion"
    assert (item["id"], item["title"], item["due"]) == (
        "Adoption",
        "Session coaching ciblée + micro-parcours vidéo",
        "2026-12-06",
    )
    document = store.load(copy)
    plan, action_id = playbooks.answer(document.plan, 0, QUIET_DAY)
    document.save(plan)
    assert playbooks.fired(store.load(copy).plan, QUIET_DAY)[0].handled_by == action_id
    assert playbook_items() == []  # its action now reminds its pilot instead
