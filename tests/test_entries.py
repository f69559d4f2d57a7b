"""Every register and part of a plan, edited through ``core.entries``, changes the file by exactly the edit.

Each example plan, each register: an item added, changed, then deleted leaves the file byte for
byte as it was; a delete that would break a link is refused, naming who holds it, in French and
English; ids follow the plan's numbering; parts are created, changed and removed with the smallest
diff; the app's undo (``EditSession``) gives back the very plan.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.core import entries
from planaction.core.model import Plan
from planaction.core.ops import OpError
from planaction.core.registers import PARTS, REGISTER, REGISTERS, items_at, references
from planaction.present.session import EditSession
from tests.conftest import PLANS, TODAY, example_plans, examples

#: For each register: the fields of a new item, then a change of one field (``key`` names the field changed).
SAMPLES: dict[str, tuple[dict, dict]] = {
    "people": ({"name": "Zoé Martin"}, {"role": "Pilote"}),
    "streams": ({"name": "Flux d'essai"}, {"description": "Ce que couvre le flux"}),
    "stakes": ({"title": "Enjeu d'essai"}, {"holders": ("Coop A", "Coop B")}),
    "objectives": ({"title": "Objectif d'essai"}, {"deadline": dt.date(2025, 9, 1)}),
    "partners": ({"name": "Partenaire d'essai"}, {"kind": "financier"}),
    "actions": ({"title": "Action d'essai", "owner": "Zoé Martin", "due": dt.date(2025, 6, 1)}, {"comment": "Vu"}),
    "log": ({"date": TODAY, "result": "Résultat d'essai"}, {"comment": "Un commentaire"}),
    "kpis": ({"name": "KPI d'essai"}, {"target": 4.5}),
    "measurements": ({"date": dt.date(2031, 1, 1), "value": 3.5}, {"comment": "mesure d'essai"}),
    "risks": ({"title": "Risque d'essai", "probability": "high", "impact": "low"}, {"owner": "Zoé Martin"}),
    "milestones": ({"title": "Jalon d'essai", "due": dt.date(2025, 7, 1)}, {"done": True}),
    "decisions": ({"title": "Décision d'essai"}, {"owner": "Zoé Martin"}),
    "dimensions": ({"name": "Dimension d'essai", "weight": 0}, {"rating": 3}),
    "playbooks": (
        {"signal": "Adoption", "level": "red", "trigger": "< 40 %", "action": "Appeler", "owner": "Zoé Martin"},
        {"delay_days": 2},
    ),
    "value": ({"hypothesis": "Hypothèse d'essai"}, {"volume": 120}),
    "raci": ({"activity": "Activité d'essai"}, {"accountable": "Zoé Martin"}),
    "rituals": ({"name": "Rituel d'essai"}, {"purpose": "Faire le point"}),
    # the improvement loop (issue 18)
    "retros": ({"date": dt.date(2025, 6, 30)}, {"process": "Double saisie"}),
    "lessons": ({"title": "Leçon d'essai"}, {"effect": "Délai divisé par deux"}),
    "structures": ({"name": "Structure d'essai"}, {"kind": "EI"}),
    "approvals": ({"structure": "Structure d'essai"}, {"by": "Conseil d'administration"}),
}
REGISTER_KEYS = [r.key for r in REGISTERS]
CASES = [pytest.param(path, key, id=f"{path.stem}-{key}") for path in example_plans() for key in REGISTER_KEYS]


def lines_changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def owner_of(plan: Plan, register: str) -> str | None:
    """The KPI whose measurements are edited, the objective whose approvals are (None for a register of the plan)."""
    if register == "approvals":
        if not plan.objectives:
            pytest.skip("no objective to approve")
        return plan.objectives[0].id
    if register != "measurements":
        return None
    if not plan.kpis:
        pytest.skip("no KPI to measure")
    return plan.kpis[0].id


def test_every_register_has_a_sample() -> None:
    assert set(SAMPLES) == set(REGISTER_KEYS)


@pytest.mark.parametrize(("path", "register"), CASES)
def test_add_change_delete_gives_back_the_file(path: Path, register: str) -> None:
    document = store.load(path)
    plan = document.plan
    parent = owner_of(plan, register)
    fields, change = SAMPLES[register]

    added, key = entries.add_entry(plan, register, fields, TODAY, parent)
    text_added = document.render(added)
    assert store.parse(text_added, "added.yaml").document.plan == added  # the file reads back as the plan
    assert not [line for line in lines_changed(document.text, text_added) if line.startswith("-")]

    changed = entries.update_entry(added, register, key, change, TODAY, parent)
    text_changed = document.render(changed)
    ((field, value),) = change.items()
    item = entries.entries(changed, register, parent)[
        key
        if isinstance(key, int)
        else [getattr(i, "id", None) for i in entries.entries(changed, register, parent)].index(key)
    ]
    assert getattr(item, field) == value
    diff = lines_changed(text_added, text_changed)
    assert diff and all(line.startswith("+") for line in diff)  # a field added: only its lines
    assert len(diff) <= 3, diff

    deleted = entries.delete_entry(changed, register, key, parent)
    assert document.render(deleted) == document.text
    assert not document.differs(deleted)


@pytest.mark.parametrize("path", example_plans(), ids=lambda p: p.stem)
def test_deleting_then_undoing_every_item_of_a_plan(path: Path) -> None:
    """Any item nothing refers to goes with only its own lines; undo gives back the very text."""
    session = EditSession.open(path, TODAY)
    document = session.document
    for register in REGISTERS:
        owners = [i.id for i in items_at(session.plan, REGISTER[register.parent].path)] if register.parent else [None]
        for parent in owners:
            items = entries.entries(session.plan, register.key, parent)
            for position, item in list(enumerate(items))[:3]:
                key = item.id if register.by_id else position
                if register.by_id and references(session.plan, register.key, key):
                    continue
                if register.key == "actions":
                    continue  # actions keep their own rules (ops.delete_action unlinks): tested in test_ops
                session.apply(lambda p, r=register.key, k=key, o=parent: entries.delete_entry(p, r, k, o))
                diff = lines_changed(document.text, document.render(session.plan))
                assert diff and all(line.startswith("-") for line in diff), (register.key, key, diff)
                assert session.undo()
                assert session.plan is document.plan
                assert document.render(session.plan) == document.text
                assert not session.dirty


# --- refusals, in both languages ---------------------------------------------------


@pytest.mark.parametrize(
    ("plan_name", "register", "key", "fr", "en"),
    [
        (
            "onboarding-client.yaml",
            "streams",
            "tech",
            "flux tech est cité par : action A2, action A3 et action A6",
            "stream tech is referred to by: action A2, action A3 and action A6",
        ),
        (
            "onboarding-client.yaml",
            "kpis",
            "K5",
            "KPI K5 est cité par : action A7 et playbook Support",
            "KPI K5 is referred to by: action A7 and playbook Support",
        ),
        (
            "onboarding-client.yaml",
            "kpis",
            "K1",
            "KPI K1 est cité par : objectif SMART, action A6, action A12, ligne de valeur V1 et playbook Valeur",
            "KPI K1 is referred to by: SMART objective, action A6, action A12, value line V1 and playbook Valeur",
        ),
        (
            "siae-cooperation.yaml",
            "objectives",
            "O1",
            "objectif O1 est cité par : action A1",
            "objective O1 is referred to by: action A1",
        ),
    ],
)
def test_deleting_what_is_referred_to_is_refused_naming_who(plan_name, register, key, fr, en) -> None:
    plan = store.load(PLANS / plan_name).plan
    with pytest.raises(OpError) as refused:
        entries.delete_entry(plan, register, key)
    assert refused.value.message_in("fr") == fr
    assert refused.value.message_in("en") == en
    assert refused.value.hint_in("fr") == "changez d'abord ces renvois, ou gardez l'élément"
    assert refused.value.hint_in("en") == "change those references first, or keep the item"


def test_a_stake_refers_through_objectives() -> None:
    plan = store.load(PLANS / "siae-cooperation.yaml").plan
    stake = plan.stakes[0].id
    with pytest.raises(OpError) as refused:
        entries.delete_entry(plan, "stakes", stake)
    holders = [o.id for o in plan.objectives if o.stake == stake]
    assert all(f"objective {h}" in refused.value.message_in("en") for h in holders[:5])


def test_a_refusal_changes_nothing() -> None:
    document = store.load(PLANS / "onboarding-client.yaml")
    session = EditSession(document, TODAY)
    with pytest.raises(OpError):
        session.apply(lambda p: entries.delete_entry(p, "streams", "tech"))
    assert session.plan is document.plan
    assert not session.can_undo


def test_a_duplicate_id_is_refused_in_both_languages() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    with pytest.raises(OpError) as refused:
        entries.add_entry(plan, "risks", {"id": "R1", "title": "x", "probability": "low", "impact": "low"}, TODAY)
    assert "R1" in refused.value.message_in("fr") and "existe déjà" in refused.value.message_in("fr")
    assert "R1" in refused.value.message_in("en") and "already exists" in refused.value.message_in("en")


def test_an_id_does_not_change() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    with pytest.raises(OpError):
        entries.update_entry(plan, "risks", "R1", {"id": "R99"}, TODAY)


def test_an_invalid_value_is_refused_whole() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    with pytest.raises(OpError):
        entries.update_entry(plan, "dimensions", 0, {"rating": 7}, TODAY)
    with pytest.raises(OpError):
        entries.add_entry(plan, "milestones", {"title": "Sans date"}, TODAY)


# --- ids, order -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan_name", "register", "expected"),
    [
        ("onboarding-client.yaml", "risks", "R8"),  # after R7, even with R3 missing: ids are never reused
        ("onboarding-client.yaml", "kpis", "K6"),
        ("onboarding-client.yaml", "milestones", None),
        ("onboarding-client.yaml", "value", "V4"),
        ("siae-cooperation.yaml", "objectives", "O11"),
        ("support-it.yaml", "risks", "R1"),  # an empty register starts at 1 with its prefix
        ("support-it.yaml", "streams", "S1"),
        ("support-it.yaml", "stakes", "E1"),
        ("support-it.yaml", "decisions", "D1"),
    ],
)
def test_ids_are_the_next_free(plan_name: str, register: str, expected: str | None) -> None:
    plan = store.load(PLANS / plan_name).plan
    existing = [i.id for i in entries.entries(plan, register)]
    fields, _change = SAMPLES[register]
    _new, key = entries.add_entry(plan, register, fields, TODAY)
    if expected is None:  # numbered as the plan numbers them
        assert key not in existing
    else:
        assert key == expected
    _again, second = entries.add_entry(_new, register, fields, TODAY)
    assert second != key and second not in existing


def test_an_id_given_is_kept() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    new, key = entries.add_entry(plan, "decisions", {"id": "D-go", "title": "Go / no go"}, TODAY)
    assert key == "D-go" and new.decisions[-1].id == "D-go"


def test_measurements_stay_in_date_order() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    kpi = plan.kpis[0]
    dates = [m.date for m in kpi.measurements]
    between = dates[0] + (dates[1] - dates[0]) / 2
    new, position = entries.add_entry(plan, "measurements", {"date": between, "value": 7.9}, TODAY, kpi.id)
    got = [m.date for m in new.kpi(kpi.id).measurements]
    assert got == sorted(got) and got[position] == between and position == 1
    # moving a date past the last keeps the order
    moved = entries.update_entry(
        new, "measurements", position, {"date": dates[-1] + dt.timedelta(days=3)}, TODAY, kpi.id
    )
    got = [m.date for m in moved.kpi(kpi.id).measurements]
    assert got == sorted(got) and len(got) == len(dates) + 1
    assert moved.kpi(kpi.id).measurements[-1].value == 7.9
    # a measurement moved onto a date that has one replaces it: one per date
    onto = entries.update_entry(plan, "measurements", 0, {"date": dates[1]}, TODAY, kpi.id)
    got = [m.date for m in onto.kpi(kpi.id).measurements]
    assert got == sorted(set(got)) and len(got) == len(dates) - 1


def test_moving_an_item_keeps_its_lines() -> None:
    document = store.load(PLANS / "onboarding-client.yaml")
    moved = entries.move_entry(document.plan, "risks", "R2", -1)
    assert [r.id for r in moved.risks[:2]] == ["R2", "R1"]
    text = document.render(moved)
    assert sorted(text.splitlines()) == sorted(document.text.splitlines())
    assert entries.move_entry(moved, "risks", "R2", -1) is moved  # already first
    assert document.render(entries.move_entry(moved, "risks", "R2", 1)) == document.text


# --- single parts ------------------------------------------------------------------------


def test_every_part_is_named() -> None:
    assert [p.key for p in PARTS] == [
        "header", "period", "context", "objective", "budget", "thresholds", "branding", "swot"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("plan_name", "part", "changes", "expected"),
    [
        (
            "onboarding-client.yaml",
            "header",
            {"sponsor": "Nadia Roux"},
            ["-sponsor: Inès Caron", "+sponsor: Nadia Roux"],
        ),
        ("support-it.yaml", "header", {"sponsor": "Nadia Roux"}, ["+sponsor: Nadia Roux"]),
        ("support-it.yaml", "period", {"end": dt.date(2026, 1, 31)}, ["-  end: 2025-06-30", "+  end: 2026-01-31"]),
        ("support-it.yaml", "objective", {"target": 4.5}, ["-  target: 3", "+  target: 4.5"]),
        ("support-it.yaml", "context", {"when": "Depuis janvier"}, ["+context:", "+  when: Depuis janvier"]),
        ("support-it.yaml", "thresholds", {"green": 75}, ["+health:", "+  thresholds:", "+    green: 75"]),
        (
            "onboarding-client.yaml",
            "context",
            {"what": "Ligne 1\nLigne 2"},
            [
                "-  what: Déploiement de l'outil de gestion des dossiers et des nouveaux process de traitement.",
                "+  what: |-",
                "+    Ligne 1",
                "+    Ligne 2",
            ],
        ),
    ],
)
def test_changing_a_part_changes_its_lines(plan_name: str, part: str, changes: dict, expected: list[str]) -> None:
    document = store.load(PLANS / plan_name)
    new = entries.set_part(document.plan, part, changes)
    assert lines_changed(document.text, document.render(new)) == expected
    assert store.parse(document.render(new), plan_name).document.plan == new


def test_a_part_is_created_then_removed() -> None:
    document = store.load(PLANS / "support-it.yaml")
    assert document.plan.budget is None and document.plan.health is None
    with_budget = entries.set_part(document.plan, "budget", {"amount": 12000, "note": "Licences"})
    added = lines_changed(document.text, document.render(with_budget))
    assert added == ["+budget:", "+  amount: 12000", "+  note: Licences"]
    assert with_budget.budget.currency == "EUR"  # the default stays out of the file
    assert document.render(entries.clear_part(with_budget, "budget")) == document.text
    with pytest.raises(OpError):  # its amount is required: the part is cleared (d), not emptied field by field
        entries.set_part(with_budget, "budget", {"amount": None})


def test_a_part_left_with_nothing_goes() -> None:
    document = store.load(PLANS / "support-it.yaml")
    with_context = entries.set_part(document.plan, "context", {"what": "Quoi", "why": "Pourquoi"})
    emptied = entries.set_part(with_context, "context", {"what": None, "why": None})
    assert emptied.context is None
    assert document.render(emptied) == document.text


def test_thresholds_create_the_health_part_and_leave_with_it() -> None:
    document = store.load(PLANS / "support-it.yaml")
    new = entries.set_part(document.plan, "thresholds", {"green": 75})
    assert new.health.thresholds.green == 75
    added = lines_changed(document.text, document.render(new))
    assert all(line.startswith("+") for line in added) and "+    green: 75" in added
    assert document.render(entries.clear_part(new, "thresholds")) == document.text


def test_clearing_an_absent_part_or_the_header_changes_nothing() -> None:
    plan = store.load(PLANS / "support-it.yaml").plan
    assert entries.clear_part(plan, "budget") is plan
    assert entries.clear_part(plan, "header") is plan
    assert entries.set_part(plan, "budget", {}) is plan


def test_clearing_a_part_removes_only_its_lines() -> None:
    document = store.load(PLANS / "onboarding-client.yaml")
    cleared = entries.clear_part(document.plan, "context")
    diff = lines_changed(document.text, document.render(cleared))
    assert diff[0] == "-context:" and all(line.startswith("-") for line in diff)


def test_a_required_field_of_a_part_is_kept() -> None:
    plan = store.load(PLANS / "support-it.yaml").plan
    with pytest.raises(OpError):
        entries.set_part(plan, "period", {"end": None})
    with pytest.raises(OpError):
        entries.set_part(plan, "header", {"title": None})


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    plan = store.load(PLANS / "support-it.yaml").plan
    with pytest.raises(OpError):
        entries.set_part(plan, "period", {"end": plan.period.start - dt.timedelta(days=1)})


# --- undo through the session --------------------------------------------------------------


def test_undo_through_the_session_restores_the_exact_plan() -> None:
    session = EditSession.open(PLANS / "onboarding-client.yaml", TODAY)
    original = session.plan
    steps = [
        lambda p: entries.add_entry(p, "risks", SAMPLES["risks"][0], TODAY)[0],
        lambda p: entries.update_entry(p, "milestones", p.milestones[0].id, {"done": True}, TODAY),
        lambda p: entries.delete_entry(p, "rituals", 0),
        lambda p: entries.set_part(p, "objective", {"target": 4.5}),
        lambda p: entries.clear_part(p, "budget"),
        lambda p: entries.add_entry(p, "measurements", {"date": dt.date(2031, 1, 1), "value": 1}, TODAY, "K2")[0],
    ]
    seen = [original]
    for step in steps:
        seen.append(session.apply(step))
    assert session.dirty
    for expected in reversed(seen[:-1]):
        assert session.undo()
        assert session.plan is expected
    assert not session.dirty
    assert session.document.render(session.plan) == session.document.text
    for expected in seen[1:]:
        assert session.redo()
        assert session.plan is expected


# --- any text a person types --------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)
TEXT_FIELD = {
    "people": "name",
    "streams": "name",
    "stakes": "title",
    "objectives": "title",
    "partners": "name",
    "log": "result",
    "kpis": "name",
    "risks": "title",
    "milestones": "title",
    "decisions": "title",
    "dimensions": "name",
    "playbooks": "trigger",
    "value": "hypothesis",
    "raci": "activity",
    "rituals": "name",
}


@given(
    plan_path=st.sampled_from(example_plans()),
    register=st.sampled_from(sorted(TEXT_FIELD)),
    text=TEXT,
    other=TEXT,
)
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_reads_back_and_goes(plan_path: Path, register: str, text: str, other: str) -> None:
    document = load_cached(plan_path)
    fields = {**SAMPLES[register][0], TEXT_FIELD[register]: text}
    added, key = entries.add_entry(document.plan, register, fields, TODAY)
    changed = entries.update_entry(added, register, key, {TEXT_FIELD[register]: other}, TODAY)
    read = store.parse(document.render(changed), "any.yaml").document.plan
    assert read == changed
    assert (
        items_at(read, next(r for r in REGISTERS if r.key == register).path)[-1]
        == items_at(changed, next(r for r in REGISTERS if r.key == register).path)[-1]
    )
    assert document.render(entries.delete_entry(changed, register, key)) == document.text


_LOADED: dict[Path, store.PlanDocument] = {}


def load_cached(path: Path) -> store.PlanDocument:
    if path not in _LOADED:
        _LOADED[path] = store.load(path)
    return _LOADED[path]
