"""One person is one, however their name is typed: ``due``, ``--owner`` and the reports.

"Léa Fontaine" in NFC or NFD, in capitals, with a no-break space or without
its accent; "İPEK YILMAZ" for "İpek Yılmaz"; names in Cyrillic and Chinese.
Every test runs the real command on real files.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import examples, run_cli

TODAY = "2025-05-12"
LEA = "Léa Fontaine"
SPELLINGS = [
    LEA,
    unicodedata.normalize("NFD", LEA),
    "LÉA FONTAINE",
    "Léa\u00a0Fontaine",
    "lea  fontaine",
]


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plan_text(owners: list[str], *, people: str = "", plan_owner: str = "Ana Martin", title: str = "Plan") -> str:
    lines = ["schema: 1", f"title: {title}", f"owner: {q(plan_owner)}", "language: fr"]
    if people:
        lines.append(people)
    lines.append("actions:")
    for index, owner in enumerate(owners, 1):
        lines += [
            f"  - id: A{index}",
            f"    title: Tâche {index}",
            f"    owner: {q(owner)}",
            f"    due: 2025-05-{index:02d}",
            "    status: todo",
        ]
    return "\n".join(lines) + "\n"


PEOPLE = (
    "people:\n  - name: Léa Fontaine\n    email: lea@example.org\n  - name: İpek Yılmaz\n    email: ipek@example.org"
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text([*SPELLINGS, "İPEK YILMAZ", "Анна Петрова", "张伟"], people=PEOPLE), encoding="utf-8")
    assert run_cli("validate", path).returncode == 0
    return path


def test_due_shows_one_person_per_name_with_the_listed_spelling_and_email(plan: Path) -> None:
    done = run_cli("due", plan, "--today", TODAY, "--format", "json")
    assert done.returncode == 3, done.stderr
    people = json.loads(done.stdout)["people"]
    assert [(p["name"], p["email"], [i["id"] for i in p["overdue"]]) for p in people] == [
        ("İpek Yılmaz", "ipek@example.org", ["A6"]),
        ("Léa Fontaine", "lea@example.org", ["A1", "A2", "A3", "A4", "A5"]),
        ("Анна Петрова", None, ["A7"]),
        ("张伟", None, ["A8"]),
    ]
    text = run_cli("due", plan, "--today", TODAY).stdout
    heads = [line for line in text.splitlines() if line and not line.startswith(" ")]
    assert heads == ["İpek Yılmaz <ipek@example.org>", "Léa Fontaine <lea@example.org>", "Анна Петрова", "张伟"]


@pytest.mark.parametrize("spelling", [*SPELLINGS, "lÉa-fontaine", "ＬＥＡ ＦＯＮＴＡＩＮＥ"])
def test_owner_finds_the_person_whatever_the_spelling(plan: Path, spelling: str) -> None:
    done = run_cli("due", plan, "--today", TODAY, "--owner", spelling, "--format", "json")
    assert done.returncode == 3, done.stderr
    [person] = json.loads(done.stdout)["people"]
    assert person["name"] == LEA and len(person["overdue"]) == 5


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("Анна Петрова", "Анна Петрова"),
        ("анна петрова", "Анна Петрова"),
        ("张伟", "张伟"),
        ("İPEK YILMAZ", "İpek Yılmaz"),
        ("ipek yilmaz", "İpek Yılmaz"),
    ],
)
def test_owner_accepts_every_script(plan: Path, owner: str, name: str) -> None:
    done = run_cli("due", plan, "--today", TODAY, "--owner", owner, "--format", "json")
    assert done.returncode == 3, done.stderr
    assert [p["name"] for p in json.loads(done.stdout)["people"]] == [name]


def test_owner_that_is_no_name_is_a_usage_error(plan: Path) -> None:
    done = run_cli("due", plan, "--owner", "--- ...")
    assert done.returncode == 2
    assert "is not a name" in done.stderr
    nobody = run_cli("due", plan, "--today", TODAY, "--owner", "Personne")
    assert nobody.returncode == 0 and "Rien en retard" in nobody.stdout


def test_people_across_plans_are_one(tmp_path: Path) -> None:
    """The e-mail comes from the plan that lists the person; the other plan spells them in capitals."""
    (tmp_path / "a.yaml").write_text(plan_text(["Léa Fontaine"], people=PEOPLE, title="Plan A"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(plan_text(["LÉA FONTAINE", "lea fontaine"], title="Plan B"), encoding="utf-8")
    done = run_cli("due", tmp_path, "--today", TODAY, "--format", "json")
    [person] = json.loads(done.stdout)["people"]
    assert (person["name"], person["email"]) == (LEA, "lea@example.org")
    assert [(i["plan"], i["id"]) for i in person["overdue"]] == [("Plan A", "A1"), ("Plan B", "A1"), ("Plan B", "A2")]


def test_without_a_people_list_the_most_used_spelling_shows(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(plan_text(["LÉA FONTAINE", LEA, LEA, "lea fontaine"], plan_owner=LEA), encoding="utf-8")
    done = run_cli("due", path, "--today", TODAY, "--format", "json")
    assert [p["name"] for p in json.loads(done.stdout)["people"]] == [LEA]
    report = json.loads(run_cli("report", path, "--today", TODAY, "--format", "json").stdout)
    assert {a["owner"] for a in report["open_actions"]} == {LEA}


def test_report_shows_each_owner_under_one_spelling(plan: Path) -> None:
    data = json.loads(run_cli("report", plan, "--today", TODAY, "--format", "json").stdout)
    assert [a["owner"] for a in data["open_actions"]] == [LEA] * 5 + ["İpek Yılmaz", "Анна Петрова", "张伟"]
    text = run_cli("report", plan, "--today", TODAY).stdout
    assert text.count(f"— {LEA} —") == 5
    markdown = run_cli("report", plan, "--today", TODAY, "--format", "markdown").stdout
    assert markdown.count(f"| {LEA} |") == 5
    folder = json.loads(run_cli("report", plan.parent, "--today", TODAY, "--format", "json").stdout)
    assert folder["plans"][0]["owner"] == "Ana Martin"


def variants(name: str):
    """Spellings of ``name`` that a person would take for it."""
    return st.sampled_from(
        [
            name,
            name.upper(),
            name.lower(),
            unicodedata.normalize("NFD", name),
            name.replace(" ", "\u00a0"),
            name.replace(" ", "  "),
            " " + name + " ",
        ]
    )


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(["Léa Fontaine", "Ögün Çelik", "Анна Петрова", "Zoë Ñúñez"]).flatmap(variants),
        min_size=1,
        max_size=6,
    )
)
def test_any_mix_of_spellings_is_one_person_each(tmp_path: Path, owners: list[str]) -> None:
    path = tmp_path / "mix.yaml"
    path.write_text(plan_text(owners), encoding="utf-8")
    done = run_cli("due", path, "--today", TODAY, "--format", "json")
    people = json.loads(done.stdout)["people"]
    from planaction.words.folding import person_key

    assert len(people) == len({person_key(o) for o in owners})
    assert sum(len(p["overdue"]) for p in people) == len(owners)
    assert all(p["name"] in owners for p in people)
