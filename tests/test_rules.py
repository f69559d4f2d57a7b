"""The rules give the seeds' own figures from the example plans, with readable reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from planaction import store
from planaction.core import rules, watchlist
from planaction.core.model import Action, Plan, Rag
from planaction.words import labels
from tests.conftest import PLANS


def load(name: str) -> Plan:
    return store.load(PLANS / f"{name}.yaml").plan


def make_action(**fields) -> Action:
    return Action.model_validate({"id": "A1", "title": "t", "owner": "o", **fields})


TODAY = dt.date(2025, 5, 12)


# -- the seeds' figures ---------------------------------------------------------------


def test_onboarding_mini_case_value_and_roi() -> None:
    plan = load("onboarding-client")
    v1 = next(line for line in plan.value if line.id == "V1")
    # Gain annuel ≈ 2 400 × (8 – 6,1) h = 4 560 h ; à 30 €/h -> 136 800 € ; ROI ≈ +1 420 %
    assert rules.unit_gain(v1, plan) * v1.volume == pytest.approx(4560)
    assert rules.value_per_year(v1, plan) == 136_800
    assert plan.budget.amount == 9_000
    assert rules.line_roi(v1, plan) == pytest.approx(14.2)
    assert f"{rules.line_roi(v1, plan):+.0%}" == "+1420%"
    # the ledger: 136 800 + 48 000 + 32 500
    assert [rules.value_per_year(line, plan) for line in plan.value] == [136_800, 48_000, 32_500]
    assert rules.total_value(plan) == 217_300
    assert rules.plan_roi(plan) == pytest.approx((217_300 - 9_000) / 9_000)


def test_onboarding_health_score_and_time_to_value() -> None:
    plan = load("onboarding-client")
    score = rules.health_score(plan)
    assert [(name, weight) for name, weight, _points, _rating in score.parts] == [
        ("Activation", 20),
        ("Adoption", 30),
        ("Valeur", 25),
        ("Engagement", 15),
        ("Support", 10),
    ]
    # Score = Σ (note / 5 × poids) = 16 + 18 + 20 + 12 + 6
    assert score.score == 72
    assert score.rag == Rag.AMBER and score.complete
    ttv = rules.time_to_value(plan)
    assert (ttv.days, ttv.kpi) == (60, "K4")
    assert [r.id for r in watchlist.top_risks(plan)] == ["R1", "R4", "R3"]
    verdict = labels.verdict(rules.plan_rag(plan, dt.date(2026, 11, 23)), "fr")
    assert verdict == "orange : score de santé 72/100"


def test_servicia_results_after_three_months() -> None:
    plan = load("servicia-reclamations")
    current = {k.id: rules.kpi_current(k) for k in plan.kpis}
    assert current == {"K1": 4.2, "K2": 89, "K3": 4.4}
    k1 = plan.kpi("K1")
    assert (k1.baseline, k1.target) == (10, 5)
    assert rules.kpi_attainment(k1) == pytest.approx(1.16)  # 4,2 j : beyond the 5-day target
    assert rules.reached(k1.direction, 4.2, k1.target)
    assert not rules.reached(plan.kpi("K2").direction, 89, plan.kpi("K2").target)  # 89 % for 90 %
    assert rules.reached(plan.kpi("K3").direction, 4.4, plan.kpi("K3").target)
    assert rules.overall_progress(plan) == 100


def test_it_support_plan_as_of_its_last_follow_up() -> None:
    plan = load("support-it")
    assert rules.overall_progress(plan) == 45  # (100 + 80 + 0 + 0) / 4
    assert rules.objective_current(plan) == 6  # "gain de 1 jour" on 7 days
    assert rules.objective_attainment(plan) == pytest.approx(0.25)
    verdicts = {a.id: labels.verdict(rules.action_rag(a, TODAY), "en") for a in plan.actions}
    assert verdicts == {
        "A1": "green: done on 2025-05-03",
        "A2": "red: 2 days overdue",
        "A3": "amber: should have started 2 days ago",
        "A4": "green: starts in 3 days",
    }
    assert labels.verdict(rules.action_rag(plan.action("A2"), TODAY), "fr") == "rouge : 2 jours de retard"
    assert [(a.id, days) for a, days in rules.overdue(plan, TODAY)] == [("A2", 2)]
    assert [(a.id, days) for a, days in rules.due_soon(plan, TODAY)] == [("A3", 3)]
    assert labels.verdict(rules.plan_rag(plan, TODAY), "en") == "red: 1 of 4 actions red (A2)"


# -- the rules themselves ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "rag", "sentence"),
    [
        ({"status": "cancelled"}, None, "cancelled"),
        ({"status": "blocked", "due": "2025-06-01"}, Rag.RED, "blocked"),
        ({"due": "2025-05-07", "status": "in_progress", "progress": 50}, Rag.RED, "5 days overdue"),
        ({"due": "2025-05-11"}, Rag.RED, "1 day overdue"),
        (
            {"due": "2025-05-12", "progress": 60, "status": "in_progress"},
            Rag.AMBER,
            "due today, 60% done",
        ),
        ({}, Rag.AMBER, "no due date"),
        (
            {"start": "2025-05-01", "due": "2025-05-21", "status": "in_progress", "progress": 20},
            Rag.AMBER,
            "20% done, 55% expected by today",
        ),
        (
            {"start": "2025-05-01", "due": "2025-05-21", "status": "in_progress", "progress": 40},
            Rag.GREEN,
            "on track (due in 9 days)",
        ),
        (
            {"due": "2025-05-15", "status": "in_progress", "progress": 20},
            Rag.AMBER,
            "due in 3 days, only 20% done",
        ),
        (
            {"due": "2025-05-15", "status": "in_progress", "progress": 70},
            Rag.GREEN,
            "on track (due in 3 days)",
        ),
        (
            {"due": "2025-05-01", "status": "done", "progress": 100, "completed": "2025-05-04"},
            Rag.GREEN,
            "done on 2025-05-04, 3 days late",
        ),
    ],
)
def test_action_rag(fields: dict, rag: Rag | None, sentence: str) -> None:
    assessment = rules.action_rag(make_action(**fields), TODAY)
    assert assessment.rag == rag
    assert labels.explain(assessment.why, "en") == sentence


def test_group_rag_thresholds() -> None:
    late = {"due": "2025-05-01"}
    fine = {"due": "2025-06-30", "status": "in_progress", "progress": 10}
    actions = [make_action(id=f"A{i}", **(late if i == 0 else fine)) for i in range(5)]
    one_in_five = rules.aggregate_rag(actions, TODAY)
    assert one_in_five.rag == Rag.AMBER  # 20 % red: at risk, not alert
    assert labels.explain(one_in_five.why, "fr") == "1 en rouge et 0 en orange sur 5 actions"
    actions[1] = make_action(id="A1", **late)
    assert rules.aggregate_rag(actions, TODAY).rag == Rag.RED  # 40 % red
    imperative = [
        make_action(id="A0", imperative=True, **late),
        *[make_action(id=f"A{i}", **fine) for i in range(1, 9)],
    ]
    assessment = rules.aggregate_rag(imperative, TODAY)
    assert assessment.rag == Rag.RED
    assert labels.explain(assessment.why, "en") == "imperative action in red: A0"
    assert rules.aggregate_rag([make_action(status="cancelled")], TODAY).rag is None


def test_health_thresholds() -> None:
    def score(*ratings: int | None) -> rules.HealthScore:
        dimensions = [{"name": f"D{i}", "weight": 25, "rating": r} for i, r in enumerate(ratings)]
        plan = Plan.model_validate({"schema": 1, "title": "t", "owner": "o", "health": {"dimensions": dimensions}})
        return rules.health_score(plan)

    assert (score(4, 4, 4, 4).score, score(4, 4, 4, 4).rag) == (80, Rag.GREEN)
    assert (score(4, 4, 4, 3).score, score(4, 4, 4, 3).rag) == (75, Rag.AMBER)
    assert (score(3, 3, 3, 3).score, score(3, 3, 3, 3).rag) == (60, Rag.AMBER)
    assert (score(3, 3, 3, 2).score, score(3, 3, 3, 2).rag) == (55, Rag.RED)
    partial = score(5, 5, None, None)
    assert partial.score == 100 and not partial.complete


def test_priority_score_and_attainment() -> None:
    assert rules.priority_score(make_action(impact=4, urgency=5, effort=2)) == 10
    assert rules.priority_score(make_action(impact=4, urgency=5, effort=0)) == 20
    assert rules.priority_score(make_action(impact=4)) is None
    assert rules.attainment(10, 5, 7.5) == 0.5
    assert rules.attainment(0, 100, 120) == 1.2
    assert rules.attainment(5, 5, 5) is None


def test_kpi_trend_follows_direction() -> None:
    plan = Plan.model_validate(
        {
            "schema": 1,
            "title": "t",
            "owner": "o",
            "kpis": [
                {
                    "id": "K1",
                    "name": "Délai",
                    "direction": "down",
                    "measurements": [
                        {"date": "2025-01-01", "value": 9},
                        {"date": "2025-02-01", "value": 7},
                    ],
                },
                {
                    "id": "K2",
                    "name": "Taux",
                    "direction": "up",
                    "measurements": [
                        {"date": "2025-01-01", "value": 9},
                        {"date": "2025-02-01", "value": 7},
                    ],
                },
                {
                    "id": "K3",
                    "name": "Plat",
                    "measurements": [
                        {"date": "2025-01-01", "value": 1},
                        {"date": "2025-02-01", "value": 1},
                    ],
                },
            ],
        }
    )
    assert [rules.kpi_trend(k) for k in plan.kpis] == ["improving", "worsening", "flat"]
