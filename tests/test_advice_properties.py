"""Promises of the method's advice that hold for every plan, not only the examples: it never fails on
a plan the schema accepts, on any day; silencing a code removes exactly that code; every code has its
words in both languages and its line in the README."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planaction.core import advice
from planaction.core.model import Frequency, Level, Plan, PlanType, Status
from planaction.words.advice import ADVICE
from planaction.words.messages import render
from tests.conftest import REPO

DATES = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31))
OWNERS = st.sampled_from(["Ana", "Léo", "L'équipe", "Tous", "the team", "Équipe cuisine", "Zoé", "everyone"])
IDS = [f"A{n}" for n in range(1, 9)]
FREQUENCIES = st.none() | st.sampled_from([f.value for f in Frequency])


def _maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    count = draw(st.integers(0, 8))
    actions = []
    for n in range(count):
        action = {
            "id": IDS[n],
            "title": "Faire",
            "owner": draw(OWNERS),
            "status": draw(st.sampled_from([s.value for s in Status])),
            "priority": draw(_maybe(st.sampled_from([level.value for level in Level]))),
            "start": draw(_maybe(DATES)),
            "due": draw(_maybe(DATES)),
            "completed": draw(_maybe(DATES)),
            "indicators": draw(st.lists(st.just("x"), max_size=1)),
            "origins": draw(st.lists(st.just({"kind": "audit"}), max_size=1)),
            "depends_on": draw(st.lists(st.sampled_from(IDS[:count]), max_size=2, unique=True)),
            "objective": draw(_maybe(st.just("O1"))),
            "kpi": draw(_maybe(st.just("K1"))),
            "comment": draw(_maybe(st.just("ok"))),
        }
        actions.append({k: v for k, v in action.items() if v is not None})
    kpis = [
        {
            "id": f"K{n}",
            "name": "k",
            "frequency": draw(FREQUENCIES),
            "source": draw(_maybe(st.just("outil"))),
            "deadline": draw(_maybe(DATES)),
            "measurements": [{"date": d, "value": 1} for d in sorted(draw(st.sets(DATES, max_size=3)))],
        }
        for n in range(1, draw(st.integers(0, 7)) + 1)
    ]
    start, end = sorted(draw(st.tuples(DATES, DATES)))
    data = {
        "schema": 1,
        "title": "Plan",
        "owner": "Ana",
        "type": draw(st.sampled_from([t.value for t in PlanType])),
        "period": draw(_maybe(st.just({"start": start, "end": end}))),
        "objective": draw(
            _maybe(st.fixed_dictionaries({"statement": st.just("Faire mieux")}, optional={"target": st.just(3)}))
        ),
        "objectives": draw(st.sampled_from([[], [{"id": "O1", "title": "o"}], [{"id": "O1", "title": "o", "stake": "S1"}]])),
        "stakes": draw(st.sampled_from([[], [{"id": "S1", "title": "s"}]])),
        "actions": actions,
        "kpis": [{k: v for k, v in kpi.items() if v is not None} for kpi in kpis],
        "log": [{"date": d, "action": draw(_maybe(st.sampled_from(IDS[:count] or ["A1"]))), "result": "r"}
                for d in sorted(draw(st.sets(DATES, max_size=3)))],
        "rituals": [{"name": "Point", "frequency": draw(FREQUENCIES), "last_held": draw(_maybe(DATES))}],
        "advice": {
            "ignore": draw(st.lists(st.fixed_dictionaries(
                {"code": st.sampled_from([*advice.CODES, "advice.nope"])},
                optional={"reason": st.sampled_from(["", "parce que"]), "ids": st.lists(st.sampled_from(IDS), max_size=2)},
            ), max_size=3)),
            "stale_days": draw(_maybe(st.integers(1, 90))),
        },
    }  # fmt: skip
    for entry in data["log"]:
        if entry["action"] is None or entry["action"] not in IDS[:count]:
            del entry["action"]
    for ritual in data["rituals"]:
        for key in [k for k, v in ritual.items() if v is None]:
            del ritual[key]
    if data["advice"]["stale_days"] is None:
        del data["advice"]["stale_days"]
    data = {k: v for k, v in data.items() if v is not None}
    try:
        plan = Plan.model_validate(data)
    except ValidationError:
        assume(False)
    return plan


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), DATES)
def test_advice_never_fails_and_says_every_finding_in_both_languages(plan: Plan, today: dt.date) -> None:
    for finding in advice.advise(plan, today):
        assert finding.said.code in advice.CODES
        for lang in ("fr", "en"):
            assert render(finding.said, lang) and finding.hint_said is not None and render(finding.hint_said, lang)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), DATES, st.sampled_from(advice.CODES[:-3]))
def test_silencing_a_code_removes_exactly_that_code(plan: Plan, today: dt.date, code: str) -> None:
    loud = plan.model_copy(update={"advice": None})
    before = advice.advise(loud, today)
    silenced = Plan.model_validate(
        {**loud.model_dump(by_alias=True), "advice": {"ignore": [{"code": code, "reason": "choisi"}]}}
    )
    after = advice.advise(silenced, today)
    assert after == [f for f in before if f.said.code != code]


def test_every_code_has_its_message_its_hint_and_its_readme_line() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for code in advice.CODES:
        assert code in ADVICE and code + ".hint" in ADVICE, code
        assert f"`{code}`" in readme, f"README: no line for {code}"
    assert set(advice.CODES) >= advice.TIME_CODES
    assert all(key.rsplit(".hint", 1)[0] in advice.CODES for key in ADVICE if key.endswith(".hint"))


def test_owners_that_name_a_group() -> None:
    for group in (
        "l'équipe",
        "L’équipe",
        "Tous",
        "tout le monde",
        "The team",
        "Équipe cuisine",
        "everyone",
        "les équipes",
    ):
        assert advice.is_collective(group), group
    for person in ("Sophie Bernard", "RH", "Responsable qualité", "Chef d'équipe", "Toussaint Louverture", "Tom"):
        assert not advice.is_collective(person), person
