"""``planaction diff`` and ``planaction textconv``, run for real: two files, git revisions, git's diff filter."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLANS, planaction_command, run_cli

BASE = """\
schema: 1
title: Plan qualité
owner: Ana
actions:
  - id: A1
    title: Former les agents
    owner: RH
    co_owners:
      - Léo
    due: 2025-06-01
    status: in_progress
    progress: 40
  - id: A2
    title: Réécrire la procédure
    owner: Qualité
  - id: A3
    title: Mesurer la satisfaction
    owner: Ana
kpis:
  - id: K1
    name: Délai moyen
    unit: jours
    measurements:
      - date: 2025-05-01
        value: 5
milestones:
  - id: M1
    title: Bilan
    due: 2025-06-30
"""

# BASE with: a new title, a co-owner more, A1 done at 100 %, A2 removed, A4 added,
# a log section, a second K1 measurement, a risks section (none before), milestones gone.
EDITED = """\
schema: 1
title: Plan qualité 2025
owner: Ana
actions:
  - id: A1
    title: Former les agents
    owner: RH
    co_owners:
      - Léo
      - Zoé
    due: 2025-06-01
    status: done
    progress: 100
  - id: A3
    title: Mesurer la satisfaction
    owner: Ana
  - id: A4
    title: Publier le bilan
    owner: Ana
log:
  - date: 2025-05-12
    action: A1
    result: Tous les agents formés
kpis:
  - id: K1
    name: Délai moyen
    unit: jours
    measurements:
      - date: 2025-05-01
        value: 5
      - date: 2025-05-13
        value: 4.2
risks:
  - id: R1
    title: Sponsor peu visible
    probability: M
    impact: H
  - id: R2
    title: Turnover
    probability: L
    impact: M
"""

EXPECTED_FR = [
    "titre : « Plan qualité » → « Plan qualité 2025 »",
    "A1 co-pilotes : « Léo » → « Léo », « Zoé »",
    "A1 statut : En cours → Terminé",
    "A1 avancement : 40 % → 100 %",
    "action A2 supprimée",
    "nouvelle action A4 « Publier le bilan »",
    "suivi 12/05/2025 A1 : « Tous les agents formés »",
    "K1 mesuré 4,2 le 13/05/2025",
    "nouveau risque R1 « Sponsor peu visible »",
    "nouveau risque R2 « Turnover »",
    "jalon M1 supprimé",
]

EXPECTED_EN = [
    'title: "Plan qualité" -> "Plan qualité 2025"',
    'A1 co-owners: "Léo" -> "Léo", "Zoé"',
    "A1 status: In progress -> Done",
    "A1 progress: 40% -> 100%",
    "removed action A2",
    'new action A4 "Publier le bilan"',
    'log 2025-05-12 A1: "Tous les agents formés"',
    "K1 measured 4.2 on 2025-05-13",
    'new risk R1 "Sponsor peu visible"',
    'new risk R2 "Turnover"',
    "removed milestone M1",
]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pair(tmp_path: Path, old: str = BASE, new: str = EDITED) -> tuple[Path, Path]:
    return write(tmp_path / "old.yaml", old), write(tmp_path / "new.yaml", new)


def diff_lines(*args: str | os.PathLike, cwd: Path | None = None, env: dict | None = None) -> list[str]:
    """Run `planaction diff ...`, which must succeed quietly; its lines."""
    done = run_cli("diff", *args, cwd=cwd, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout.splitlines()


def assert_clean_failure(done: subprocess.CompletedProcess, *needles: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    for needle in needles:
        assert needle in done.stderr


# ---------------------------------------------------------------------------
# Two files


def test_diff_of_two_files_in_french(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    assert diff_lines(old, new) == EXPECTED_FR


def test_diff_of_two_files_in_english(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    assert diff_lines(old, new, "--lang", "en") == EXPECTED_EN


def test_a_new_section_reads_item_by_item_and_a_removed_one_too(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    lines = diff_lines(old, new, "--lang", "en")
    risks = [line for line in lines if "risk" in line]
    assert risks == ['new risk R1 "Sponsor peu visible"', 'new risk R2 "Turnover"']
    assert not any(mark in line for line in lines for mark in ("[", "{", "probability"))
    back = diff_lines(new, old, "--lang", "en")
    assert "removed risk R1" in back and "removed risk R2" in back
    assert 'new milestone M1 "Bilan"' in back


def test_the_plans_language_is_the_default(tmp_path: Path) -> None:
    old, new = pair(tmp_path, BASE.replace("owner: Ana\n", "language: en\nowner: Ana\n", 1))
    new.write_text(EDITED.replace("owner: Ana\n", "language: en\nowner: Ana\n", 1), encoding="utf-8")
    assert diff_lines(old, new) == EXPECTED_EN
    assert diff_lines(old, new, "--lang", "fr") == EXPECTED_FR


def test_identical_plans_give_no_output(tmp_path: Path) -> None:
    old, new = pair(tmp_path, BASE, BASE)
    assert diff_lines(old, new) == []
    # the same values written differently: comments, a label for a code, flow style, quotes
    restyled = write(
        tmp_path / "restyled.yaml",
        "# re-typed by hand\n"
        + BASE.replace("status: in_progress", "status: En cours  # label, not code")
        .replace("    co_owners:\n      - Léo\n", "    co_owners: [Léo]\n")
        .replace("title: Plan qualité\n", 'title: "Plan qualité"\n'),
    )
    assert diff_lines(old, restyled) == []
    assert diff_lines(old, restyled, "--lang", "en") == []


@pytest.mark.parametrize("side", ["old", "new"])
def test_an_invalid_plan_on_either_side_is_reported_where_it_is(tmp_path: Path, side: str) -> None:
    bad_text = BASE.replace("status: in_progress", "status: Finished")
    old, new = pair(tmp_path, bad_text if side == "old" else BASE, bad_text if side == "new" else EDITED)
    bad = old if side == "old" else new
    done = run_cli("diff", old, new)
    assert_clean_failure(done, f"{bad}:11:13: error:", '"Finished" is not a valid status')


def test_a_yaml_syntax_error_is_reported_where_it_is(tmp_path: Path) -> None:
    old, new = pair(tmp_path, new="schema: 1\ntitle: [Plan\nowner: Ana\n")
    done = run_cli("diff", old, new)
    assert_clean_failure(done, "error: YAML syntax")
    assert re.match(rf"{re.escape(str(new))}:3:\d+: error: YAML syntax", done.stderr), done.stderr


def test_a_bundled_plan_edited_with_the_cli(copy_to_tmp) -> None:
    old = copy_to_tmp(PLANS / "support-it.yaml", "before.yaml")
    new = copy_to_tmp(PLANS / "support-it.yaml")
    done = run_cli("set", new, "A2", "status=done", "progress=100", "--today", "2025-05-12")
    assert done.returncode == 0, done.stderr
    done = run_cli("log", new, "A3", "Webinaire planifié", "--today", "2025-05-12")
    assert done.returncode == 0, done.stderr
    assert diff_lines(old, new) == [
        "A2 terminée le : — → 12/05/2025",
        "A2 statut : En cours → Terminé",
        "A2 avancement : 80 % → 100 %",
        "suivi 12/05/2025 A3 : « Webinaire planifié »",
    ]
    assert diff_lines(old, new, "--lang", "en") == [
        "A2 completed: — -> 2025-05-12",
        "A2 status: In progress -> Done",
        "A2 progress: 80% -> 100%",
        'log 2025-05-12 A3: "Webinaire planifié"',
    ]


def test_an_english_bundled_plan_reads_in_english(copy_to_tmp) -> None:
    old = copy_to_tmp(PLANS / "product-launch-en.yaml", "before.yaml")
    new = copy_to_tmp(PLANS / "product-launch-en.yaml")
    assert run_cli("set", new, "A7", "status=done", "--today", "2026-11-10").returncode == 0
    assert run_cli("log", new, "A9", "Kick-off held", "--date", "2026-11-10").returncode == 0
    assert diff_lines(old, new) == [
        "A7 completed: — -> 2026-11-10",
        "A7 status: In progress -> Done",
        "A7 progress: 45% -> 100%",
        'log 2026-11-10 A9: "Kick-off held"',
    ]


def test_a_kpis_first_measurement_reads_as_a_measurement(tmp_path: Path) -> None:
    kpi = "schema: 1\ntitle: Plan\nowner: Ana\nkpis:\n  - id: K1\n    name: Délai moyen\n"
    old, new = pair(tmp_path, kpi, kpi + "    measurements:\n      - date: 2025-05-13\n        value: 4.2\n")
    assert diff_lines(old, new) == ["K1 mesuré 4,2 le 13/05/2025"]
    assert diff_lines(old, new, "--lang", "en") == ["K1 measured 4.2 on 2025-05-13"]


def test_a_removed_measurement_names_the_kpi_and_the_date(tmp_path: Path) -> None:
    old, new = pair(tmp_path, EDITED, EDITED.replace("      - date: 2025-05-13\n        value: 4.2\n", ""))
    for lang, date in (("fr", "13/05/2025"), ("en", "2025-05-13")):
        lines = diff_lines(old, new, "--lang", lang)
        assert len(lines) == 1 and lines[0].startswith("K1 ") and date in lines[0]
        assert "{" not in lines[0]
        assert "indicateurs clés" not in lines[0] and "kpis" not in lines[0]


def test_a_moved_action_keeps_its_changes(tmp_path: Path) -> None:
    two = "schema: 1\ntitle: Plan\nowner: Ana\nactions:\n"
    a1 = "  - id: A1\n    title: Un\n    owner: RH\n"
    a2 = "  - id: A2\n    title: Deux\n    owner: RH\n    status: in_progress\n"
    old, new = pair(tmp_path, two + a1 + a2, two + a2.replace("in_progress", "done") + a1)
    lines = diff_lines(old, new, "--lang", "en")
    assert "A2 status: In progress -> Done" in lines
    assert not [line for line in lines if "new action" in line or "removed action" in line]


def test_a_removed_log_entry_reads_like_an_added_one(tmp_path: Path) -> None:
    head = "schema: 1\ntitle: Plan\nowner: Ana\nactions:\n  - id: A1\n    title: Un\n    owner: RH\nlog:\n"
    first = "  - date: 2025-05-01\n    result: Lancement\n"
    second = "  - date: 2025-05-12\n    action: A1\n    result: Session faite\n"
    old, new = pair(tmp_path, head + first + second, head + first)
    (en,) = diff_lines(old, new, "--lang", "en")
    assert en.startswith("removed log entry") and "2025-05-12" in en and "Session faite" in en
    (fr,) = diff_lines(old, new)
    assert "12/05/2025" in fr and "{" not in fr and "result" not in fr


def test_a_missing_second_file_is_named(tmp_path: Path) -> None:
    old = write(tmp_path / "loose" / "old.yaml", BASE)
    done = run_cli("diff", old, tmp_path / "loose" / "nwe.yaml", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert_clean_failure(done, "nwe.yaml")


# ---------------------------------------------------------------------------
# Git revisions


@pytest.fixture
def git(tmp_path: Path):
    """Run git in a sandbox: no system or user configuration, a fixed identity."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / ".config"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
    }

    def run(*args: str | os.PathLike, cwd: Path) -> str:
        done = subprocess.run(
            ["git", "--no-pager", *map(str, args)],
            cwd=cwd,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run.env = env
    return run


@pytest.fixture
def repo(tmp_path: Path, git) -> Path:
    """A repository with a plan in a subfolder, committed once."""
    root = tmp_path / "repo"
    root.mkdir()
    git("init", "-q", cwd=root)
    write(root / "plans" / "plan.yaml", BASE)
    git("add", ".", cwd=root)
    git("commit", "-q", "-m", "first", cwd=root)
    return root


def test_diff_since_a_revision(tmp_path: Path, repo: Path, git) -> None:
    plan = repo / "plans" / "plan.yaml"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = git.env
    assert diff_lines(plan, cwd=elsewhere, env=env) == []  # clean
    plan.write_text(EDITED, encoding="utf-8")
    assert diff_lines(plan, cwd=elsewhere, env=env) == EXPECTED_FR  # uncommitted edits, against HEAD
    assert diff_lines(plan, "HEAD", "--lang", "en", cwd=elsewhere, env=env) == EXPECTED_EN
    git("commit", "-q", "-am", "second", cwd=repo)
    assert diff_lines(plan, cwd=elsewhere, env=env) == []
    assert diff_lines(plan, "HEAD~1", cwd=elsewhere, env=env) == EXPECTED_FR
    # a relative path, from the repository's root and from the plan's folder
    assert diff_lines("plans/plan.yaml", "HEAD~1", cwd=repo, env=env) == EXPECTED_FR
    assert diff_lines("plan.yaml", "HEAD~1", "--lang", "en", cwd=repo / "plans", env=env) == EXPECTED_EN


def test_diff_of_a_bundled_plan_edited_with_the_cli_since_its_commit(repo: Path, git) -> None:
    plan = repo / "plans" / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "support", cwd=repo)
    assert run_cli("set", plan, "A2", "status=done", "progress=100", "--today", "2025-05-12").returncode == 0
    assert run_cli("log", plan, "A3", "Webinaire planifié", "--today", "2025-05-12").returncode == 0
    expected = [
        "A2 terminée le : — → 12/05/2025",
        "A2 statut : En cours → Terminé",
        "A2 avancement : 80 % → 100 %",
        "suivi 12/05/2025 A3 : « Webinaire planifié »",
    ]
    assert diff_lines(plan, env=git.env) == expected
    git("commit", "-q", "-am", "suivi", cwd=repo)
    assert diff_lines(plan, env=git.env) == []
    assert diff_lines(plan, "HEAD~1", env=git.env) == expected


def test_a_plan_not_tracked_at_the_revision(repo: Path, git) -> None:
    fresh = write(repo / "plans" / "fresh.yaml", BASE)
    assert_clean_failure(run_cli("diff", fresh, env=git.env), "fresh.yaml did not exist at HEAD")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "fresh", cwd=repo)
    assert diff_lines(fresh, env=git.env) == []
    assert_clean_failure(run_cli("diff", fresh, "HEAD~1", env=git.env), "fresh.yaml did not exist at HEAD~1")


@pytest.mark.parametrize("revision", ["nope", "HEAD~5"])
def test_a_bad_revision(repo: Path, git, revision: str) -> None:
    done = run_cli("diff", repo / "plans" / "plan.yaml", revision, env=git.env)
    assert_clean_failure(done, "planaction: ", revision)
    assert len(done.stderr.splitlines()) == 1


def test_a_folder_that_is_not_a_repository(tmp_path: Path, git) -> None:
    plan = write(tmp_path / "loose" / "plan.yaml", BASE)
    assert_clean_failure(run_cli("diff", plan, env=git.env), f"planaction: {plan} is not in a git repository")
    assert_clean_failure(run_cli("diff", plan, "HEAD~1", env=git.env), "is not in a git repository")


def test_an_invalid_plan_at_the_revision(repo: Path, git) -> None:
    plan = repo / "plans" / "plan.yaml"
    plan.write_text(BASE.replace("status: in_progress", "status: Finished"), encoding="utf-8")
    git("commit", "-q", "-am", "broken", cwd=repo)
    plan.write_text(EDITED, encoding="utf-8")
    done = run_cli("diff", plan, env=git.env)
    assert_clean_failure(done, f"{plan}@HEAD:11:13: error:", "Finished")
    assert diff_lines(plan, "HEAD~1", env=git.env) == EXPECTED_FR


# ---------------------------------------------------------------------------
# textconv


def textconv(path: Path) -> subprocess.CompletedProcess:
    """`planaction textconv` with the bytes it prints, as git reads them."""
    return subprocess.run(
        [*planaction_command(), "textconv", str(path)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_textconv_is_one_line_per_value_named_by_ids(tmp_path: Path) -> None:
    done = run_cli("textconv", write(tmp_path / "plan.yaml", BASE))
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines() == [
        "schema: 1",
        "title: Plan qualité",
        "owner: Ana",
        "actions A1 title: Former les agents",
        "actions A1 owner: RH",
        "actions A1 co_owners: Léo",
        "actions A1 due: 2025-06-01",
        "actions A1 status: in_progress",
        "actions A1 progress: 40",
        "actions A2 title: Réécrire la procédure",
        "actions A2 owner: Qualité",
        "actions A3 title: Mesurer la satisfaction",
        "actions A3 owner: Ana",
        "kpis K1 name: Délai moyen",
        "kpis K1 unit: jours",
        "kpis K1 measurements 2025-05-01 value: 5",
        "milestones M1 title: Bilan",
        "milestones M1 due: 2025-06-30",
    ]


def test_textconv_of_reordered_actions_only_moves_lines(tmp_path: Path) -> None:
    a1 = BASE[BASE.index("  - id: A1") : BASE.index("  - id: A2")]
    a2 = BASE[BASE.index("  - id: A2") : BASE.index("  - id: A3")]
    swapped = BASE.replace(a1 + a2, a2 + a1)
    assert swapped != BASE
    before = run_cli("textconv", write(tmp_path / "before.yaml", BASE)).stdout.splitlines()
    after = run_cli("textconv", write(tmp_path / "after.yaml", swapped)).stdout.splitlines()
    assert after != before
    assert sorted(after) == sorted(before)  # the same lines, each still names its action
    assert [line for line in after if line.startswith("actions ")][:2] == [
        "actions A2 title: Réécrire la procédure",
        "actions A2 owner: Qualité",
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"schema: 1\r\ntitle: [R\xc3\xa9sum\xc3\xa9\r\nowner: Ana\r\n",  # YAML syntax error, CRLF, accents
        BASE.replace("status: in_progress", "status: Finished").encode(),  # YAML, but not a valid plan
        b"\xef\xbb\xbfnot: [a plan\n",  # a byte order mark
        b"",
    ],
    ids=["yaml-error", "invalid-plan", "bom", "empty"],
)
def test_textconv_passes_what_it_cannot_read_through(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    done = textconv(path)
    assert done.returncode == 0
    assert done.stdout == data
    assert done.stderr == b""


def test_textconv_passes_non_utf8_bytes_through(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_bytes(b"schema: 1\ntitle: R\xe9sum\xe9\nowner: Ana\n")  # Latin-1 "Résumé"
    second = tmp_path / "b.yaml"
    second.write_bytes(b"schema: 1\ntitle: R\xe8sum\xe8\nowner: Ana\n")  # Latin-1 "Rèsumè"
    done = textconv(first)
    assert done.returncode == 0
    assert done.stdout == first.read_bytes()
    assert textconv(second).stdout != done.stdout


def test_git_shows_plans_through_textconv(repo: Path, git) -> None:
    (repo / ".gitattributes").write_text("*.yaml diff=planaction\n", encoding="utf-8")
    git("config", "diff.planaction.textconv", shlex.join([*planaction_command(), "textconv"]), cwd=repo)
    plan = repo / "plans" / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "support", cwd=repo)
    assert run_cli("set", plan, "A2", "status=done", "progress=100", "--today", "2025-05-12").returncode == 0
    text = plan.read_text(encoding="utf-8")
    assert text.endswith("comment: Gain de 1 jour sur l'ancien process (réorganisation des tickets)\n")
    plan.write_text(text + "      - date: 2025-05-13\n        value: 4.2\n", encoding="utf-8")
    expected = [
        "-actions A2 status: in_progress",
        "+actions A2 completed: 2025-05-12",
        "+actions A2 status: done",
        "-actions A2 progress: 80",
        "+actions A2 progress: 100",
        "+kpis K1 measurements 2025-05-13 value: 4.2",
    ]

    def changed(output: str) -> list[str]:
        return [
            line for line in output.splitlines() if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
        ]

    working = git("diff", "--no-color", cwd=repo)
    git("commit", "-q", "-am", "A2 done", cwd=repo)
    since = git("diff", "--no-color", "HEAD~1", cwd=repo)
    last = git("log", "-p", "-1", "--no-color", "--format=%s", cwd=repo)
    assert last.startswith("A2 done\n")
    for output in (working, since, last):
        assert "+++ b/plans/support-it.yaml" in output
        assert sorted(changed(output)) == sorted(expected), output
        assert "    status: done" not in output  # lines of values, not of YAML
