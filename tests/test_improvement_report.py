"""The improvement loop on ``planaction report`` (issue 18), through the real command: the situation
analysis (QQOQCP, SWOT), the imperative criteria with their scores and actions, the retros, the
lessons, and with ``--since`` the decisions taken since that committee, in text, Markdown and JSON.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_cli
from tests.merge_helpers import git

ESSMS = PLANS / "essms-qualite.yaml"
ONBOARDING = PLANS / "onboarding-client.yaml"
TODAY = "2026-11-23"


def report(path: Path, *args: str) -> str:
    done = run_cli("report", path, "--today", TODAY, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_text_shows_the_situation_and_the_imperative_criteria_with_their_actions() -> None:
    out = report(ESSMS).splitlines()
    situation = out.index("Analyse de la situation")
    assert out[situation + 1].startswith("  Quoi : Suites de l'auto-évaluation")
    assert "  Forces : Équipe soignante stable, peu de turnover · CVS actif et associé au plan" in out
    criteria = out.index("Critères impératifs")
    assert out[criteria + 1 : criteria + 4] == [
        "  2/4 — Évaluation externe HAS 2025 — critère impératif « événements indésirables » — A1 (Terminé)",
        "  3/4 — Évaluation externe HAS 2025 — critère impératif « droits fondamentaux » — A3 (Terminé)",
        "  non coté — Critère impératif coté 1, 2 ou 3 — A4 (Terminé)",
    ]


def test_english_and_markdown_show_the_retros_and_lessons() -> None:
    out = report(ONBOARDING, "--lang", "en", "--format", "markdown")
    assert "### Retros" in out and "### Lessons learned" in out
    assert "  - Content to create: Vidéo « exporter un dossier » (Léa Fontaine) → A11" in out
    assert "- Former les champions avant le go-live, pas après (2026-10-30)" in out
    assert "  - Replicability: Tout client de plus de 30 utilisateurs" in out


def test_json_has_the_loop_with_codes_and_iso_dates() -> None:
    data = json.loads(report(ESSMS, "--format", "json"))
    assert data["swot"]["threats"][1] == "Tensions de recrutement sur les postes de nuit"
    first = data["imperative_criteria"][0]
    assert first == {
        "criterion": "Évaluation externe HAS 2025 — critère impératif « événements indésirables »",
        "kind": "external_evaluation",
        "score": 2,
        "needs_correction": True,
        "uncorrected": False,
        "actions": [{"id": "A1", "status": "done"}],
    }
    assert "retros" not in data and "lessons" not in data  # parts the plan does not have are left out
    onboarding = json.loads(report(ONBOARDING, "--format", "json"))
    assert [r["date"] for r in onboarding["retros"]] == ["2026-10-30", "2026-09-30"]
    assert onboarding["retros"][1]["risk"] == {
        "what": "Données incomplètes à l'entrée",
        "owner": "Hugo Lambert",
        "action": "A8",
    }
    assert onboarding["lessons"][0]["replicability"].startswith("Tout client")
    assert "swot" not in onboarding and "decisions_taken" not in onboarding


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_report_since_lists_the_decisions_taken_since_that_committee(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    shutil.copyfile(ONBOARDING, path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plan.yaml")
    git(tmp_path, "commit", "-q", "-m", "comité d'octobre")
    text = path.read_text(encoding="utf-8")
    expected = "    due: 2026-11-27\n    status: expected\n"
    assert expected in text
    path.write_text(
        text.replace(expected, "    due: 2026-11-27\n    date: 2026-11-20\n    status: taken\n"), encoding="utf-8"
    )
    git(tmp_path, "commit", "-q", "-a", "-m", "comité de novembre")

    out = report(path, "--since", "HEAD~1").splitlines()
    start = out.index("Décisions prises depuis HEAD~1")
    assert (
        out[start + 1]
        == "  Valider le plan d'action ciblé adoption + support (health 72 → ≥ 80) (Inès Caron, 20/11/2026)"
    )
    assert out[start + 2] == ""  # D1 and D2 were taken before that committee
    data = json.loads(report(path, "--since", "HEAD~1", "--format", "json"))
    assert [d["id"] for d in data["decisions_taken"]] == ["D4"]
    assert data["decisions_taken"][0]["date"] == "2026-11-20"
    nothing = report(path, "--since", "HEAD", "--lang", "en").splitlines()
    assert nothing[nothing.index("Decisions taken since HEAD") + 1] == "  no decision taken"
