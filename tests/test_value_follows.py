"""Figures that follow the measurements (issue 14, part 3): a KPI measured once moves the objective,
the value ledger, its total and its ROI in the report; a measurement dated after ``--today`` is not
current yet; a figure typed in the file that the measurement contradicts is a piece of advice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planaction import store
from planaction.core import ops, rules
from tests.conftest import PLANS, run_cli

ONBOARDING = PLANS / "onboarding-client.yaml"


def measured_copy(tmp_path: Path) -> Path:
    """The onboarding plan after K1 is measured at 7.8 on 2026-11-25 (saved as the app saves it)."""
    path = tmp_path / "onboarding.yaml"
    path.write_text(ONBOARDING.read_text(encoding="utf-8"), encoding="utf-8")
    document = store.load(path)
    assert document.save(ops.record_measurement(document.plan, "K1", dt.date(2026, 11, 25), 7.8))
    return path


def report(path: Path, today: str) -> dict:
    done = run_cli("report", path, "--format", "json", "--today", today)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_ledger_and_the_objective_follow_a_new_measurement(tmp_path: Path) -> None:
    path = measured_copy(tmp_path)
    after = report(path, "2026-11-30")
    v1 = next(line for line in after["value"]["lines"] if line["id"] == "V1")
    assert (v1["kpi"], v1["baseline"], v1["target"], v1["actual"]) == ("K1", 8.0, 6.0, 7.8)
    assert v1["gap"] == 1.8  # seed 003's "Écart": actual - target
    assert v1["value_per_year"] == 14400.0  # (8 - 7.8) h x 2,400 files x 30 EUR, no longer 136,800
    assert after["value"]["total_per_year"] == 14400.0 + 48000.0 + 32500.0
    assert after["value"]["budget"] == 9000.0
    assert after["value"]["roi"] == round((94900.0 - 9000.0) / 9000.0, 4)
    assert after["objective"]["current"] == 7.8  # "8 → 7,8 → 6", as K1 says
    assert next(k for k in after["kpis"] if k["id"] == "K1")["current"] == 7.8


def test_a_measurement_after_today_is_not_current_yet(tmp_path: Path) -> None:
    path = measured_copy(tmp_path)
    before = report(path, "2026-11-24")
    v1 = next(line for line in before["value"]["lines"] if line["id"] == "V1")
    assert (v1["actual"], v1["value_per_year"]) == (6.1, 136800.0)
    assert before["objective"]["current"] == 6.1
    assert before["value"]["lines"][0]["roi"] == 14.2  # the one-line mini-case: +1,420 %
    early = report(path, "2026-09-30")
    assert early["objective"]["current"] == 7.4  # K1 on 2026-09-23


def test_a_stated_figure_the_measurement_contradicts_is_advice(tmp_path: Path) -> None:
    path = measured_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("    - code: advice.stated_value_differs")], encoding="utf-8")
    done = run_cli("validate", "--format", "json", "--today", "2026-11-30", "--lang", "en", path)
    problems = [p for p in json.loads(done.stdout)["problems"] if p["code"] == "advice.stated_value_differs"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [(lines[p["line"] - 1].strip(), p["message"]) for p in problems] == [
        ("current: 6.1", "the plan's objective says 6.1, but the latest measurement of K1 is 7.8"),
        ("actual: 6.1", "value line V1 says 6.1, but the latest measurement of K1 is 7.8"),
    ]


def test_without_a_day_every_measurement_counts() -> None:
    plan = store.load(ONBOARDING).plan
    line = plan.value[0]
    assert rules.line_actual(line, plan) == rules.kpi_current(plan.kpi("K1")) == 6.1
    assert rules.line_actual(line, plan, dt.date(2026, 8, 1)) == 6.1  # nothing measured yet: the line's own


def test_a_stream_whose_kpi_lags_is_not_green_and_says_why() -> None:
    """Seed 003's "KPI métier < 70 % cible", pro rata of the time to the KPI's deadline."""
    mid = report(ONBOARDING, "2026-10-15")
    streams = {s["name"]: (s["rag"], s["text"]) for s in mid["streams"]}
    assert streams["Data"] == (
        "amber",
        "orange : K2 à 27 % du chemin vers sa cible, moins que les 40 % attendus à ce jour",  # the plan's language
    )
    assert streams["Tech"][0] == "green"  # no KPI of its own lags
    end = report(ONBOARDING, "2026-11-23")
    assert {s["name"]: s["rag"] for s in end["streams"]}["Data"] == "green"  # K2 at 2.6 for 2.5: 93 %
    cooperation = report(PLANS / "siae-cooperation.yaml", "2026-11-23")
    assert cooperation["rag"] == "amber"
    assert cooperation["rag_text"].startswith("orange : K3 à 25 % du chemin vers sa cible")
    assert report(PLANS / "siae-cooperation.yaml", "2026-06-01")["rag"] == "green"


def test_the_report_shows_the_ledger_its_gap_and_both_rois_named(tmp_path: Path) -> None:
    path = measured_copy(tmp_path)
    text = run_cli("report", path, "--today", "2026-11-30", "--lang", "fr").stdout
    ledger = text[text.index("Registre de valeur") :].splitlines()
    assert ledger[1].startswith("  V1 Réduction du délai de traitement (K1) : 8 → 7,8 → 6 h/dossier — écart +1,8 — ")
    assert "ROI de cette seule ligne" in ledger[1]
    assert ledger[4].startswith("  Total ") and "ROI du registre entier" in ledger[4]
    markdown = run_cli("report", path, "--today", "2026-11-24", "--format", "markdown", "--lang", "en").stdout
    assert "### Value ledger" in markdown
    assert "gap +0.1 — €136,800 a year — ROI of this line alone +1,420%" in markdown
    assert "ROI of the whole ledger +2,314%" in markdown


def test_the_priority_score_is_a_figure_and_a_sort_key() -> None:
    from planaction.present import views

    got = report(PLANS / "essms-qualite.yaml", "2026-10-01")
    scores = {a["id"]: a["priority_score"] for a in got["open_actions"]}
    plan = store.load(PLANS / "essms-qualite.yaml").plan
    expected = {a.id: rules.priority_score(a) for a in plan.actions if rules.is_open(a)}
    assert scores == {k: None if v is None else round(v, 2) for k, v in expected.items()}
    rows = views.sort_rows(views.action_rows(plan, dt.date(2026, 10, 1), "fr"), "score", reverse=True)
    ranked = [r.score for r in rows if r.score is not None]
    assert ranked == sorted(ranked, reverse=True) and ranked
