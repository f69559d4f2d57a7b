"""The real ``planaction`` command, as a user and CI run it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PLANS, REPO, run_cli

PLAN = "schema: 1\ntitle: Plan\nowner: Ana\nactions:\n  - id: A1\n    title: Former les agents\n    owner: RH\n    due: 2025-06-01\n    status: in_progress\n    progress: 40\n"


def write_plan(tmp_path: Path, text: str = PLAN) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_counts_agree_in_french_and_in_english(tmp_path: Path) -> None:
    """ "0 erreur", "1 valide" in French; "0 errors", "1 warning" in English; the advice in the plan's language."""
    french = tmp_path / "essms.yaml"
    text = (PLANS / "essms-qualite.yaml").read_text(encoding="utf-8")
    french.write_text(text.replace("    owner: Sophie Bernard\n", "    owner: l'équipe\n", 1), encoding="utf-8")
    done = run_cli("validate", "--lang", "fr", french)
    assert "pour pilote un collectif" in done.stdout
    assert done.stdout.splitlines()[-1] == "1 plan vérifié : 1 valide, 0 invalide (0 erreur, 1 avertissement)"
    english = run_cli("validate", "--lang", "en", french, PLANS / "product-launch-en.yaml")
    assert "is owned by a group" in english.stdout
    assert english.stdout.splitlines()[-1] == "2 plans checked: 2 valid, 0 invalid (0 errors, 1 warning)"


def test_validate_bundled_plans() -> None:
    done = run_cli("validate", PLANS)
    assert done.returncode == 0, done.stdout + done.stderr
    count = len(list(PLANS.rglob("*.yaml")))  # with plans/stages/: a previous stage (issue 18)
    assert f"{count} plans checked: {count} valid, 0 invalid" in done.stdout
    strict = run_cli("validate", "--strict", PLANS)
    assert strict.returncode == 0, strict.stdout


def test_validate_formats(tmp_path: Path) -> None:
    bad = write_plan(tmp_path, PLAN.replace("status: in_progress", "status: Finished"))
    done = run_cli("validate", "--format", "json", bad)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["valid"] is False and report["invalid_files"] == 1
    problem = report["problems"][0]
    assert (problem["line"], problem["col"], problem["level"]) == (9, 13, "error")
    assert "Finished" in problem["message"]
    github = run_cli("validate", "--format", "github", bad)
    assert github.returncode == 1
    line = github.stdout.strip().splitlines()[0]
    assert line.startswith(f"::error file={bad},line=9,col=13,title=planaction::")
    assert "%0Ahint: allowed:" in line


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("validate").returncode == 2
    assert run_cli("validate", "--format", "xml", tmp_path).returncode == 2
    done = run_cli("log", write_plan(tmp_path), "A1", "ok", "--date", "12/05/2025")
    assert done.returncode == 2
    assert "YYYY-MM-DD" in done.stderr


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    done = run_cli("validate", tmp_path)
    assert done.returncode == 1
    assert "no plan files" in done.stderr


def test_schema_copy_is_current() -> None:
    done = run_cli("schema")
    assert done.returncode == 0
    printed = json.loads(done.stdout)
    kept = json.loads((REPO / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    assert printed == kept, "schema/plan.schema.json is stale: run `planaction schema > schema/plan.schema.json`"
    assert printed["properties"]["schema"]["const"] == 1 or printed["properties"]["schema"].get("enum") == [1]
    assert "En cours" in printed["$defs"]["Status"]["enum"]


def test_set_changes_one_line_and_fills_what_follows(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    done = run_cli("set", path, "A1", "status=done", "--today", "2025-05-12")
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert "    status: done\n    progress: 100\n" in text
    assert "    completed: 2025-05-12\n" in text
    assert text.startswith("schema: 1\ntitle: Plan\nowner: Ana\n")
    # strict on every check; this minimal plan does not follow the method (no start date, no
    # indicator...), which only the method's advice says
    checked = json.loads(run_cli("validate", "--strict", "--format", "json", path).stdout)["problems"]
    assert [p["code"] for p in checked if not p["code"].startswith("advice.")] == []


def test_set_refuses_bad_values_and_keeps_the_file(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    done = run_cli("set", path, "A1", "progress=150")
    assert done.returncode == 1
    assert f"{path}:5:5: error: progress : « 150 » est hors limites" in done.stderr
    assert "hint: de 0 à 100" in done.stderr
    missing = run_cli("set", path, "A9", "status=done")
    assert missing.returncode == 1
    assert 'no action "A9"' in missing.stderr
    typo = run_cli("set", path, "A1", "stauts=done")
    assert "vouliez-vous dire « status » ?" in typo.stderr
    assert path.read_text(encoding="utf-8") == PLAN


def test_add_prints_the_new_id(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    done = run_cli(
        "add",
        path,
        "title=Réécrire le script: SAV",
        "owner=Chef de projet",
        "due=2025-06-15",
        "co_owners=Ana, Léo",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "A2"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(PLAN)
    assert '  - id: A2\n    title: "Réécrire le script: SAV"\n    owner: Chef de projet\n' in text
    assert run_cli("validate", path).returncode == 0


def test_log_appends_an_entry(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    done = run_cli(
        "log",
        path,
        "A1",
        "Taux d'utilisation 85 %",
        "--date",
        "2025-05-11",
        "--comment",
        "Bonne adhésion globale",
    )
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith(PLAN)
    assert text.endswith(
        "log:\n  - date: 2025-05-11\n    action: A1\n    result: Taux d'utilisation 85 %\n    comment: Bonne adhésion globale\n"
    )


def test_edit_commands_refuse_an_invalid_plan(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN.replace("owner: Ana", "ownr: Ana"))
    done = run_cli("set", path, "A1", "status=done")
    assert done.returncode == 1
    assert f"{path}:3:1: error:" in done.stderr
