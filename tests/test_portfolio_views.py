"""The portfolio's filter, sorts and new-plan names, and the plans ``templates.create`` makes, without Textual."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from planaction import store
from planaction.core import ops
from planaction.core.model import PlanType, Rag
from planaction.present import portfolio as views
from planaction.store import templates
from tests.conftest import PLANS, TEMPLATES

TODAY = dt.date(2026, 11, 23)


def rows() -> list[views.PortfolioRow]:
    found = []
    for path in store.plan_files([PLANS]):
        found.append(views.portfolio_row(path, store.load(path).plan, "", TODAY, "fr"))
    broken = Path("zz-broken.yaml")
    found.append(views.portfolio_row(broken, None, "8:13 bad status", TODAY, "fr"))
    return found


def names(found: list[views.PortfolioRow]) -> list[str]:
    return [r.path.name for r in found]


# -- filter -------------------------------------------------------------------------------------


def test_no_filter_keeps_every_row() -> None:
    # the closed example plan leaves the default view: the filter that shows closed plans keeps every row
    assert views.filter_rows(rows(), views.PortfolioFilter(closed=True)) == rows()
    assert views.filter_rows(rows(), views.PortfolioFilter()) == [r for r in rows() if not r.plan or not r.plan.closed]
    assert not views.PortfolioFilter().active


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coop", ["siae-cooperation.yaml"]),  # title, accents folded: « coopération »
        ("LEA fontaine", ["onboarding-client.yaml"]),  # owner, any case, accents ignored
        ("aura thermostat", ["product-launch-en.yaml"]),  # every word must match
        ("support-it.yaml", ["support-it.yaml"]),  # the file name
        ("broken", ["zz-broken.yaml"]),  # an invalid plan by its file name
        ("amelioration continue", ["essms-qualite.yaml", "servicia-reclamations.yaml"]),  # the type's label
        ("nothing like this", []),
    ],
)
def test_text_filter(text: str, expected: list[str]) -> None:
    assert names(views.filter_rows(rows(), views.PortfolioFilter(text=text))) == expected


def test_owner_type_and_rag_filters_combine() -> None:
    every = rows()
    by_owner = views.filter_rows(every, views.PortfolioFilter(owner="LÉA FONTAINE"))
    assert names(by_owner) == ["onboarding-client.yaml"]
    improvement = views.PortfolioFilter(type=PlanType.CONTINUOUS_IMPROVEMENT)
    assert names(views.filter_rows(every, improvement)) == ["essms-qualite.yaml", "servicia-reclamations.yaml"]
    green_improvement = improvement.with_(rag=Rag.GREEN)
    assert names(views.filter_rows(every, green_improvement)) == ["servicia-reclamations.yaml"]
    assert names(views.filter_rows(every, views.PortfolioFilter(rag=Rag.RED))) == ["support-it.yaml"]
    assert green_improvement.describe("fr") == "type: Amélioration continue, Météo: Vert"
    assert views.PortfolioFilter(text="coop", owner="Anne Leroy").describe("en") == "“coop”, Owner: Anne Leroy"


def test_owners_and_types_offered_are_those_of_the_folder() -> None:
    every = rows()
    assert views.owners(every) == sorted({r.owner for r in every if r.owner}, key=lambda n: n.casefold())
    assert views.plan_types(every) == [
        PlanType.OPERATIONAL,
        PlanType.CONTINUOUS_IMPROVEMENT,
        PlanType.ONBOARDING,
        PlanType.COOPERATION,
    ]


# -- sorts --------------------------------------------------------------------------------------


@pytest.mark.parametrize("column", views.SORTABLE)
@pytest.mark.parametrize("reverse", [False, True])
def test_every_column_sorts_and_invalid_plans_stay_last(column: str, reverse: bool) -> None:
    shown = views.sort_rows(rows(), column, reverse=reverse)
    assert sorted(names(shown)) == sorted(names(rows()))
    assert shown[-1].path.name == "zz-broken.yaml"
    keys = [views.SORT_KEYS[column](r) for r in shown[:-1]]
    assert keys == sorted(keys, reverse=reverse)


def test_sorts_read_as_a_reader_expects() -> None:
    by_rag = views.sort_rows(rows(), "rag", reverse=True)
    assert by_rag[0].rag == Rag.RED  # red first when reversed, as in the action table
    by_health = views.sort_rows(rows(), "health", reverse=True)
    assert by_health[0].path.name == "onboarding-client.yaml"  # the one plan with a health score
    by_overdue = views.sort_rows(rows(), "overdue", reverse=True)
    assert [r.overdue for r in by_overdue[:2]] == [3, 2]


# -- names of new plans -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("client-acme", "client-acme.yaml"),
        ("  client acme  ", "client acme.yaml"),
        ("plan.yml", "plan.yml"),
        ("plan.yaml", "plan.yaml"),
        ("plan-v1.2", "plan-v1.2.yaml"),  # a suffix with digits is part of the name
        ("Plan d'été", "Plan d'été.yaml"),
    ],
)
def test_accepted_names_stay_in_the_folder(tmp_path: Path, name: str, file: str) -> None:
    target, problem = views.new_plan_path(tmp_path, name, "fr")
    assert problem is None
    assert target == tmp_path / file
    assert target.parent == tmp_path


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "Donnez un nom"),
        ("   ", "Donnez un nom"),
        ("../evil", "sans dossier"),
        ("sub/plan", "sans dossier"),
        ("..\\evil", "sans dossier"),
        ("/etc/passwd", "sans dossier"),
        ("..", "commence par un point"),
        (".hidden", "commence par un point"),
        ("plan.txt", "« .txt »"),
        ("plan.YAML", "« .YAML »"),
        ("a\x00b", "invisible"),
        ("a\u200bb", "invisible"),
        ("a\x1b[31m", "invisible"),
        ("x" * 251, "trop long"),
        ("existing", "existing.yaml existe déjà"),
        ("existing.yaml", "existing.yaml existe déjà"),
        ("dangling", "dangling.yaml existe déjà"),  # a link to nowhere is not replaced either
    ],
)
def test_refused_names_say_why(tmp_path: Path, name: str, words: str) -> None:
    (tmp_path / "existing.yaml").write_text("schema: 1\n", encoding="utf-8")
    os.symlink(tmp_path / "nowhere.yaml", tmp_path / "dangling.yaml")
    target, problem = views.new_plan_path(tmp_path, name, "fr")
    assert target is None
    assert problem is not None and words in problem


def test_refusals_speak_english_too(tmp_path: Path) -> None:
    assert views.new_plan_path(tmp_path, "../x", "en")[1] == (
        f"A file name only, no folder: the plan is made in {tmp_path}"
    )


# -- plans made by templates.create ---------------------------------------------------------------

CHOICES = [templates.EMPTY, *templates.names()]
HEADER = {"title": "Plan ACME : « oui »", "owner": "Anne Leroy", "language": "en"}


@pytest.mark.parametrize("template", CHOICES)
def test_a_plan_without_examples_has_the_header_only_and_no_problem(tmp_path: Path, template: str) -> None:
    target = tmp_path / "acme.yaml"
    templates.create(target, template, HEADER, examples=False)
    result = store.read(target)
    assert result.problems == []  # not even a warning: validate --strict is clean
    plan = result.document.plan
    assert (plan.id, plan.title, plan.owner, plan.language) == ("acme", HEADER["title"], "Anne Leroy", "en")
    assert plan.type.value == (template if template != templates.EMPTY else "operational")
    assert plan.model_fields_set <= set(ops.HEADER_FIELDS)
    text = target.read_text(encoding="utf-8")
    if template != templates.EMPTY:  # the template's purpose and method, as its opening comments
        head = (TEMPLATES / f"{template}.yaml").read_text(encoding="utf-8").split("\nschema:")[0]
        assert text.startswith(head)
    else:
        assert "#" not in text


@pytest.mark.parametrize("template", templates.names())
def test_a_plan_with_examples_is_the_template_with_its_header(tmp_path: Path, template: str) -> None:
    target = tmp_path / "acme.yaml"
    templates.create(target, template, HEADER, examples=True)
    plan = store.load(target).plan
    example = store.load(TEMPLATES / f"{template}.yaml").plan
    assert plan.actions == example.actions
    assert (plan.title, plan.owner, plan.language) == (HEADER["title"], "Anne Leroy", "en")


def test_without_examples_keeps_what_the_plan_is() -> None:
    plan = store.load(PLANS / "onboarding-client.yaml").plan
    bare = ops.without_examples(plan)
    assert (bare.id, bare.title, bare.type, bare.language, bare.owner) == (
        plan.id,
        plan.title,
        plan.type,
        plan.language,
        plan.owner,
    )
    assert bare.actions == () and bare.kpis == () and bare.period is None and bare.objective is None
    assert plan.actions  # the plan given is left as it was


def test_create_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "acme.yaml"
    target.write_bytes(b"mine\r\n")
    with pytest.raises(templates.Refused) as refused:
        templates.create(target, templates.EMPTY, HEADER)
    assert refused.value.reason == "exists"
    assert target.read_bytes() == b"mine\r\n"
    with pytest.raises(templates.Refused) as refused:
        templates.create(tmp_path / "acme.txt", templates.EMPTY, HEADER)
    assert refused.value.reason == "suffix"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.yaml"]


def test_the_current_folder_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert views.folder_name(Path(".")) == tmp_path.name
    assert views.folder_name(Path("plans")) == "plans"
    assert (
        views.new_plan_path(Path("."), "a/b", "en")[1]
        == f"A file name only, no folder: the plan is made in {tmp_path.name}"
    )
