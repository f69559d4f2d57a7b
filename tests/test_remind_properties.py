"""Whatever the plans, every due item reaches exactly the people who answer for it, in the digest
(``due.collect``, which ``remind`` mails) and in each person's calendar (``ics --owner``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from planaction.core.model import Action, Decision, Milestone, Plan
from planaction.exchange.ics import calendar
from planaction.report import due
from planaction.words.folding import person_key
from tests.conftest import examples

TODAY = dt.date(2025, 5, 12)
WITHIN = 7
NAMES = ["Ana Martin", "ana martin", "Léo Petit", "Chloé Roux", "Zoé Blanc", "Paul Durand"]
STATUSES = ["todo", "in_progress", "done", "blocked", "cancelled"]
days = st.integers(min_value=-20, max_value=20).map(lambda n: TODAY + dt.timedelta(days=n))


@st.composite
def plans(draw) -> Plan:
    actions = []
    for i in range(draw(st.integers(0, 6))):
        status = draw(st.sampled_from(STATUSES))
        actions.append(
            Action(
                id=f"A{i}",
                title=f"Action {i}",
                owner=draw(st.sampled_from(NAMES)),
                co_owners=tuple(draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True))),
                due=draw(st.none() | days),
                status=status,
                progress=100 if status == "done" else 0,
                completed=TODAY if status == "done" else None,
            )
        )
    milestones = [
        Milestone(id=f"J{i}", title=f"Jalon {i}", due=draw(days), done=draw(st.booleans()))
        for i in range(draw(st.integers(0, 2)))
    ]
    decisions = [
        Decision(id=f"D{i}", title=f"Décision {i}", owner=draw(st.none() | st.sampled_from(NAMES)), due=draw(days))
        for i in range(draw(st.integers(0, 2)))
    ]
    return Plan(
        schema=1,
        id="p",
        title="Plan",
        owner=draw(st.sampled_from(NAMES)),
        sponsor=draw(st.none() | st.sampled_from(NAMES)),
        actions=tuple(actions),
        milestones=tuple(milestones),
        decisions=tuple(decisions),
    )


def expected(plan: Plan) -> Counter:
    """(person, kind, id) for every open item due within the window, worked out from the plan alone."""
    found: Counter = Counter()

    def soon(day: dt.date | None) -> bool:
        return day is not None and (day - TODAY).days <= WITHIN

    for a in plan.actions:
        if a.status.value not in ("done", "cancelled") and soon(a.due):
            for name in (a.owner, *a.co_owners):
                found[person_key(name), "action", a.id] += 1
    for m in plan.milestones:
        if not m.done and soon(m.due):
            found[person_key(plan.owner), "milestone", m.id] += 1
    for d in plan.decisions:
        if soon(d.due):
            found[person_key(d.owner or plan.sponsor or plan.owner), "decision", d.id] += 1
    return found


@settings(max_examples=examples(60), deadline=None)
@given(plans())
def test_every_item_reaches_exactly_its_owners(plan: Plan) -> None:
    people = due.collect([("p.yaml", plan)], TODAY, WITHIN)
    got = Counter((person_key(p.name), r.kind, r.id) for p in people for r in p.items)
    assert got == expected(plan)
    # each person's calendar holds the events of their own actions and no one else's
    for person in people:
        feed = icalendar.Calendar.from_ical(calendar([("p", plan)], "x", TODAY, owner=person.name))
        uids = {str(e["UID"]) for e in feed.walk("VEVENT")}
        mine = {
            f"p-action-{a.id}@planaction"
            for a in plan.actions
            if a.due is not None and person_key(person.name) in {person_key(n) for n in (a.owner, *a.co_owners)}
        }
        assert {u for u in uids if "-action-" in u} == mine


def test_fired_playbooks_reach_their_owner(monkeypatch) -> None:
    """``core.playbooks.fired`` (issue 14) is not on this branch yet: a stand-in with its documented shape
    (the playbook, its index, why, since, due, the open action that answers it) shows what ``due`` does
    with it: an unanswered fired playbook goes to its owner on its due date; an answered one stays quiet."""
    import sys
    import types
    from dataclasses import dataclass

    from planaction.core.model import Playbook

    @dataclass(frozen=True)
    class Fired:
        index: int
        playbook: Playbook
        reason: str
        since: dt.date
        due: dt.date | None
        handled_by: str | None

    first = Playbook(
        signal="Adoption",
        level="red",
        trigger="Actifs < 40 %",
        action="Relancer les référents",
        owner="Zoé Blanc",
        delay_days=2,
    )
    second = Playbook(signal="Support", level="amber", trigger="SLA > 48 h", action="Renforcer", owner="Léo Petit")
    plan = Plan(schema=1, title="Plan", owner="Ana Martin", language="fr", playbooks=(first, second))
    stand_in = types.ModuleType("planaction.core.playbooks")
    stand_in.fired = lambda p, today: [
        Fired(0, first, "K4 = 30 %", TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=1), None),
        Fired(1, second, "SLA", TODAY, TODAY, "A9"),
    ]
    monkeypatch.setitem(sys.modules, "planaction.core.playbooks", stand_in)
    people = due.collect([("p.yaml", plan)], TODAY, WITHIN)
    assert [(p.name, [(r.kind, r.id, r.days, r.role, r.file, r.where) for r in p.items]) for p in people] == [
        ("Zoé Blanc", [("playbook", "Adoption", -1, "playbook owner", "p.yaml", ("playbooks", 0, "owner"))])
    ]
    text = due.render_text(people, TODAY, WITHIN, "fr")
    assert "playbook Adoption Relancer les référents — Plan (responsable du playbook, 1 jour de retard)" in text
