"""The improvement loop in the model and the checks (issue 18): SWOT, retros, lessons, criteria scores.

Real files: each test writes a plan, reads it as ``planaction`` does and looks at the located
problems (line, column, code, French and English), or runs an operation and reads its refusal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planaction import store
from planaction.core import improvement, ops
from planaction.core.model import Status
from planaction.core.registers import PART, REGISTER, references
from tests.conftest import PLANS

PLAN = """\
schema: 1
title: Plan qualité
owner: Claire Dubois
swot:
  strengths: [Équipe stable]
  weaknesses:
    - Traçabilité papier
  opportunities: [Financement ARS]
  threats: [Évaluation HAS en juin]
actions:
  - id: A1
    title: Rédiger la procédure de recueil des plaintes
    owner: Claire Dubois
    due: 2025-06-30
    imperative: true
    origins:
      - kind: external_evaluation
        ref: Critère 3.2.1
        score: 2
  - id: A2
    title: Former l'équipe de nuit
    owner: Claire Dubois
    due: 2025-06-30
    status: cancelled
    imperative: true
    origins:
      - kind: external_evaluation
        ref: Critère 1.4.2
        score: 3
retros:
  - date: 2025-05-30
    process: Double saisie des transmissions
    process_owner: Claire Dubois
    process_action: A1
lessons:
  - title: Associer le CVS dès le départ
    context: Plaintes mal tracées
    action: Fiche de recueil co-écrite avec le CVS
    effect: Délai de réponse de 30 à 10 jours
    replicability: Tout établissement du groupe
"""


#: The same plan with its second action open: no problem at all.
OPEN = PLAN.replace("    status: cancelled\n", "")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth - 1]


def test_the_loop_reads_from_the_file(tmp_path: Path) -> None:
    text = OPEN
    result = store.read(write(tmp_path, text))
    assert result.problems == []
    plan = result.document.plan
    assert plan.swot is not None and plan.swot.weaknesses == ("Traçabilité papier",)
    assert plan.retros[0].process_action == "A1" and plan.retros[0].date == dt.date(2025, 5, 30)
    assert plan.lessons[0].effect == "Délai de réponse de 30 à 10 jours"
    assert plan.actions[0].origins[0].score == 2
    assert "swot" in PART and {"retros", "lessons"} <= set(REGISTER)
    assert references(plan, "actions", "A1") == [("retros", 0, "process_action")]


@pytest.mark.parametrize("score", ["0", "5", "deux"])
def test_a_score_outside_1_to_4_is_located(tmp_path: Path, score: str) -> None:
    text = PLAN.replace("score: 2", f"score: {score}").replace("    status: cancelled\n", "")
    problems = store.read(write(tmp_path, text)).problems
    assert [(p.level, p.line) for p in problems] == [("error", line_of(text, f"score: {score}"))]


def test_an_imperative_criterion_scored_1_to_3_with_only_cancelled_actions_is_an_error(tmp_path: Path) -> None:
    problems = store.read(write(tmp_path, PLAN)).problems
    assert [(p.code, p.level, p.line, p.col) for p in problems] == [
        ("check.criterion_uncorrected", "error", line_of(PLAN, "score: 3"), 16)
    ]
    assert (
        problems[0].message == 'imperative criterion "Critère 1.4.2" is scored 3 with no corrective action open or done'
    )
    assert "le critère impératif « Critère 1.4.2 » est coté 3 sans action corrective en cours ou faite" in problems[
        0
    ].as_text("fr")
    assert "plan d'actions correctives immédiat" in problems[0].as_text("fr")


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("status: cancelled\n", "status: blocked\n"), "a blocked action is still open"),
        (("status: cancelled\n", "status: done\n    progress: 100\n"), "a done action corrected it"),
        (("score: 3", "score: 4"), "4: the criterion is met"),
        (("ref: Critère 1.4.2", "ref: Critère 3.2.1"), "the same criterion has another, open action"),
        (("    status: cancelled\n    imperative: true\n", "    status: cancelled\n"), "not imperative"),
    ],
)
def test_what_counts_as_a_corrective_action(tmp_path: Path, change: tuple[str, str], why: str) -> None:
    text = PLAN.replace(*change)
    assert text != PLAN
    assert store.read(write(tmp_path, text)).problems == [], why


def test_criteria_group_origins_by_reference_and_keep_the_lowest_score() -> None:
    plan = store.load(PLANS / "essms-qualite.yaml").plan
    found = improvement.imperative_criteria(plan)
    assert found, "the ESSMS example scores its imperative criteria"
    assert all(c.imperative for c in found)
    scores = [c.score if c.score is not None else 5 for c in found]
    assert scores == sorted(scores)
    for criterion in found:
        if criterion.needs_correction:
            assert criterion.corrective, criterion.name


def test_cancelling_the_last_corrective_action_is_refused(tmp_path: Path) -> None:
    plan = store.read(write(tmp_path, OPEN)).document.plan
    with pytest.raises(ops.OpError) as refused:
        ops.set_status(plan, "A2", Status.CANCELLED, dt.date(2025, 6, 1))
    assert "Critère 1.4.2" in refused.value.message_in("fr")


def test_a_retro_item_naming_an_unknown_action_is_located(tmp_path: Path) -> None:
    text = OPEN.replace("process_action: A1", "process_action: A7")
    problems = store.read(write(tmp_path, text)).problems
    assert [(p.code, p.line, p.col) for p in problems] == [
        ("check.unknown_link", line_of(text, "process_action: A7"), 21)
    ]
    assert problems[0].message == 'unknown action "A7"'


def test_deleting_an_action_a_retro_became_is_refused_in_both_languages(tmp_path: Path) -> None:
    plan = store.read(write(tmp_path, OPEN)).document.plan
    with pytest.raises(ops.OpError) as refused:
        ops.delete_action(plan, "A1")
    assert refused.value.message_in("fr") == "l'action A1 est citée par la rétro du 2025-05-30"
    assert refused.value.message_in("en") == "action A1 is referred to by the retro of 2025-05-30"


def test_the_last_retro_is_the_latest_by_date() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    last = improvement.last_retro(plan)
    assert last is not None and last.date == max(r.date for r in plan.retros)
    assert plan.lessons, "the onboarding example has a lesson"
