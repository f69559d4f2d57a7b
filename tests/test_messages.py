"""What the steering commands say, read as a user reads it: the same answer for the same situation,
the plan's language throughout, labels rather than codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_cli

TODAY = "2025-05-14"


@pytest.mark.parametrize(
    "args",
    [("validate",), ("report",), ("report", "--format", "json"), ("due",), ("ics", "-o", "out.ics")],
    ids=["validate", "report", "report-json", "due", "ics"],
)
def test_a_folder_without_plans_is_an_error_for_every_command(tmp_path: Path, args: tuple[str, ...]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("pas un plan", encoding="utf-8")
    done = run_cli(args[0], empty, *args[1:], cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"planaction: no plan files (*.yaml, *.yml) in {empty}",
        "  hint: give a plan file or a folder of plans; `planaction new FILE.yaml` starts one",
    ]
    assert not (tmp_path / "out.ics").exists()


def test_portfolio_speaks_the_language_of_its_plans(tmp_path: Path) -> None:
    english = tmp_path / "en"
    english.mkdir()
    (english / "launch.yaml").write_bytes((PLANS / "product-launch-en.yaml").read_bytes())
    text = run_cli("report", english, "--today", TODAY).stdout
    assert text.startswith("Portfolio — en\n") and " overdue" in text and "en retard" not in text
    french = run_cli("report", english, "--today", TODAY, "--lang", "fr").stdout
    assert french.startswith("Portefeuille — en\n")


def test_english_report_has_english_punctuation_and_french_has_french(tmp_path: Path) -> None:
    plan = PLANS / "onboarding-client.yaml"
    english = run_cli("report", plan, "--today", TODAY, "--lang", "en", "--format", "markdown").stdout
    assert " : " not in english.replace("— ", "")  # no French space before a colon in English
    assert "**Period**: " in english and "**Health score**: " in english
    french = run_cli("report", plan, "--today", TODAY, "--format", "markdown").stdout
    assert "**Période** : " in french and "**Score de santé** : " in french
    plain = run_cli("report", PLANS / "support-it.yaml", "--today", TODAY).stdout
    assert "    K1 Délai de traitement des demandes internes IT : 7 → 6 → 3 jours" in plain
    portfolio = run_cli("report", PLANS, "--today", TODAY).stdout
    assert "— santé 72" in portfolio and "  Santé" not in portfolio


def test_due_counts_days_as_the_language_writes_numbers(tmp_path: Path) -> None:
    plan = tmp_path / "old.yaml"
    plan.write_text(
        "schema: 1\ntitle: Ancien\nowner: Ana\nactions:\n"
        "  - {id: A1, title: Très ancien, owner: Ana, due: 0205-03-04, status: todo}\n",
        encoding="utf-8",
    )
    french = run_cli("due", plan, "--today", "2025-05-12").stdout
    assert "(pilote, 664\u202f811 jours de retard)" in french
    english = run_cli("due", plan, "--today", "2025-05-12", "--lang", "en").stdout
    assert "(owner, 664,811 days overdue)" in english


@pytest.mark.parametrize(
    ("within", "lang", "sentence"),
    [
        ("0", "fr", "Rien en retard ni à échéance aujourd'hui."),
        ("1", "fr", "Rien en retard ni à échéance dans le prochain jour."),
        ("7", "fr", "Rien en retard ni à échéance dans les 7 prochains jours."),
        ("0", "en", "Nothing overdue or due today."),
        ("1", "en", "Nothing overdue or due in the next day."),
        ("30", "en", "Nothing overdue or due in the next 30 days."),
    ],
)
def test_due_says_nothing_is_due_in_words(tmp_path: Path, within: str, lang: str, sentence: str) -> None:
    plan = tmp_path / "calm.yaml"
    plan.write_text(
        "schema: 1\ntitle: Calme\nowner: Ana\nactions:\n"
        "  - {id: A1, title: Plus tard, owner: Ana, due: 2026-01-01, status: todo}\n",
        encoding="utf-8",
    )
    done = run_cli("due", plan, "--today", "2025-05-12", "--within", within, "--lang", lang)
    assert done.returncode == 0 and done.stdout.strip() == sentence
    markdown = run_cli("due", plan, "--today", "2025-05-12", "--within", within, "--lang", lang, "--format", "markdown")
    assert sentence in markdown.stdout


def test_diff_names_a_new_field_by_its_label(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text("schema: 1\ntitle: Plan\nowner: Ana\n", encoding="utf-8")
    new.write_text("schema: 1\ntitle: Plan\nowner: Ana\nsynthesis: Bien avancé\n", encoding="utf-8")
    assert run_cli("diff", old, new).stdout.strip() == "nouveau champ synthèse : « Bien avancé »"
    assert run_cli("diff", old, new, "--lang", "en").stdout.strip() == 'new synthesis: "Bien avancé"'


def test_report_json_of_a_folder_is_unchanged_in_shape(tmp_path: Path) -> None:
    data = json.loads(run_cli("report", PLANS, "--today", TODAY, "--format", "json").stdout)
    # every example plan but the closed one (demenagement-2024), which leaves the portfolio (issue 16)
    assert data["kind"] == "portfolio" and len(data["plans"]) == len(list(PLANS.glob("*.yaml"))) - 1
