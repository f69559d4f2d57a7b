"""``planaction new`` and ``planaction templates``, run for real, and the new plan opened in the app."""

from __future__ import annotations

import difflib
import json
import shlex
from pathlib import Path

import pytest

from planaction import store
from tests.conftest import TEMPLATES, TODAY, run_cli

TEMPLATE_NAMES = sorted(path.stem for path in TEMPLATES.glob("*.yaml"))


def new_plan(path: Path, *options: str) -> Path:
    """Run `planaction new`, which must succeed; the file it made."""
    done = run_cli("new", path, *options)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"{path}: created" in done.stdout
    assert path.is_file()
    return path


def validate_strict(path: Path, *, method: bool = True) -> None:
    """Strict and clean; on TODAY, before the templates' periods, so that the method's advice that
    reads the date cannot fire whatever day the tests run. ``method=False``: the method's advice
    aside (an action typed with a title, an owner and a due date only is a draft the advice speaks to)."""
    if not method:
        done = run_cli("validate", "--strict", "--format", "json", "--today", TODAY.isoformat(), path)
        problems = json.loads(done.stdout)["problems"]
        assert [p["code"] for p in problems if not p["code"].startswith("advice.")] == [], done.stdout
        return
    done = run_cli("validate", "--strict", "--today", TODAY.isoformat(), path)
    assert done.returncode == 0, done.stdout + done.stderr
    # the summary speaks the plan's language
    assert done.stdout.splitlines()[-1] in {
        "1 plan checked: 1 valid, 0 invalid",
        "1 plan vérifié : 1 valide, 0 invalide",
    }


def assert_clean(path: Path) -> None:
    """No problem at all, warnings included (in-process: cheaper than `validate --strict`)."""
    assert store.read(path).problems == []


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def test_templates_lists_every_template_with_a_description() -> None:
    done = run_cli("templates")
    assert done.returncode == 0 and done.stderr == ""
    listed = {}
    for line in done.stdout.splitlines():
        name, _, description = line.partition(" ")
        listed[name] = description.strip()
    assert sorted(listed) == TEMPLATE_NAMES
    assert len(TEMPLATE_NAMES) >= 9
    for name, description in listed.items():
        # "Opérationnel : organiser les tâches ...": the type's label, then the template's purpose
        label, _, purpose = description.partition(" : ")
        assert label and len(purpose) > 20, (name, description)
        assert purpose.split()[0].lower() in (TEMPLATES / f"{name}.yaml").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_new_plan_from_every_template(tmp_path: Path, name: str) -> None:
    path = new_plan(tmp_path / f"x-{name}.yaml", "--template", name, "--title", "Mon plan")
    validate_strict(path)
    plan = store.load(path).plan
    assert (plan.id, plan.title, plan.type.value) == (f"x-{name}", "Mon plan", name)
    template = (TEMPLATES / f"{name}.yaml").read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert comments(text) == comments(template)
    assert len(comments(text)) > 5
    changed = [
        line
        for line in difflib.unified_diff(template.splitlines(), text.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-title: Titre du plan", f"+id: x-{name}", "+title: Mon plan"]


def test_new_plan_defaults_to_the_operational_template(tmp_path: Path) -> None:
    path = new_plan(tmp_path / "plan.yml")
    validate_strict(path)
    plan = store.load(path).plan
    assert (plan.id, plan.type.value) == ("plan", "operational")
    assert plan.title == store.load(TEMPLATES / "operational.yaml").plan.title


@pytest.mark.parametrize("title", ["Plan : qualité #1", "'cité' & co", "- liste", "yes", "2025-05-12"])
def test_the_title_is_kept_as_text(tmp_path: Path, title: str) -> None:
    path = new_plan(tmp_path / "plan.yaml", "--title", title)
    assert_clean(path)
    assert store.load(path).plan.title == title


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Opérationnel", "operational"),
        ("RH / managérial", "hr"),
        ("crise", "crisis"),
        ("Intégration client", "onboarding"),
        ("Amélioration continue", "continuous_improvement"),
        ("Customer onboarding", "onboarding"),
        ("STRATEGIQUE", "strategic"),
    ],
)
def test_labels_name_templates_too(tmp_path: Path, label: str, code: str) -> None:
    path = new_plan(tmp_path / "plan.yaml", "--template", label)
    assert_clean(path)
    assert store.load(path).plan.type.value == code


def test_an_existing_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"# mine\r\nschema: 1\r\n")
    done = run_cli("new", path, "--template", "hr", "--title", "Mon plan")
    assert done.returncode == 1
    assert done.stdout == ""
    assert f"{path}: the file already exists" in done.stderr
    assert path.read_bytes() == b"# mine\r\nschema: 1\r\n"
    assert sorted(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_an_unknown_template_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    done = run_cli("new", path, "--template", "nope")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "no template 'nope'" in done.stderr
    for name in TEMPLATE_NAMES:
        assert name in done.stderr
    assert not path.exists()


@pytest.mark.parametrize("name", ["plan.txt", "plan", "plan.yaml.bak", "plan.YAML.txt"])
def test_a_name_that_is_not_yaml_is_a_usage_error(tmp_path: Path, name: str) -> None:
    done = run_cli("new", tmp_path / name)
    assert done.returncode == 2
    assert "ends in .yaml" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    done = run_cli("new", tmp_path / "nowhere" / "plan.yaml")
    assert done.returncode == 1
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_stem_that_is_not_an_id_still_makes_a_valid_plan(tmp_path: Path) -> None:
    path = new_plan(tmp_path / "mon plan.yaml", "--title", "Mon plan")
    validate_strict(path)
    plan = store.load(path).plan
    assert plan.title == "Mon plan"
    assert plan.id is None  # no id set from a name that cannot be one
    assert "\nid:" not in path.read_text(encoding="utf-8")


def test_the_open_hint_can_be_pasted_in_a_shell(tmp_path: Path) -> None:
    path = tmp_path / "mon plan.yaml"
    done = run_cli("new", path)
    assert done.returncode == 0
    hint = done.stdout.strip().split("open it with: ", 1)[1]
    assert shlex.split(hint) == ["planaction", str(path)]


async def test_a_new_plan_opens_in_the_app_and_takes_an_action(tmp_path: Path, monkeypatch) -> None:
    from planaction.tui.forms.action import ActionForm
    from planaction.tui.screens.plan import PlanScreen
    from planaction.tui.widgets.line_table import LineTable
    from tests.tui.conftest import SIZE, make_app, type_text

    monkeypatch.setenv("PLANACTION_KEYS", str(tmp_path / "no-keys.toml"))  # never the user's keys
    path = new_plan(tmp_path / "lancement.yaml", "--title", "Lancement")
    before = path.read_text(encoding="utf-8")
    app = make_app(path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await type_text(pilot, "Briefer les equipes")
        await pilot.press("tab")
        await type_text(pilot, "Chef de projet")
        app.screen.query_one("#f-due").value = "2027-01-22"
        await pilot.press("ctrl+s")  # submits the form
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert app.screen.query_one("#action-table", LineTable).current.id == "A4"
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = path.read_text(encoding="utf-8")
    removed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith("-") and not line.startswith("---")
    ]
    assert removed == []  # only lines added: the template's text and comments are kept
    assert comments(after) == comments(before)
    plan = store.load(path).plan
    assert (plan.id, plan.title) == ("lancement", "Lancement")
    added = plan.action("A4")
    assert added is not None
    assert (added.title, added.owner, added.due.isoformat()) == ("Briefer les equipes", "Chef de projet", "2027-01-22")
    assert [a.id for a in plan.actions] == ["A1", "A2", "A3", "A4"]
    validate_strict(path, method=False)
