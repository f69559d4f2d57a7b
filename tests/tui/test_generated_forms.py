"""Forms made from the model: every field of every register and part has its input, its label and its
help; a field added to the model appears in its form with no code in the app."""

from __future__ import annotations

import datetime as dt
import typing

import pytest
from pydantic import BaseModel

from planaction.core.fields import Prose, text_field
from planaction.core.model import Level, Model, Plan
from planaction.core.registers import PARTS, REGISTERS, header_fields
from planaction.core.shapes import shape
from planaction.tui.forms.generated import specs_for
from planaction.words.fields import field_help, field_label

FORMS = [(r.key, r.model, None) for r in REGISTERS] + [
    (p.key, p.model, header_fields() if p.key == "header" else None) for p in PARTS
]


@pytest.mark.parametrize(("key", "model", "names"), FORMS, ids=[f[0] for f in FORMS])
def test_every_field_has_its_input_label_and_help(key: str, model: type[BaseModel], names: list[str] | None) -> None:
    specs = {spec.key: spec for spec in specs_for(model, names, adding=True)}
    for name in names if names is not None else list(model.model_fields):
        kind = shape(model, name).kind
        if kind == "nested":
            continue  # a register or a part of its own, with its own form
        assert name in specs, f"{key}: {name} has no field in the form"
        for lang in ("fr", "en"):
            assert specs[name].text(lang) != name or name == "id", f"{key}.{name}: no label in {lang}"
            assert field_help(model, name, lang), f"{key}.{name}: no help in {lang}"


def test_every_list_of_items_in_a_plan_is_a_register() -> None:
    """A new list of items in the plan needs one line in REGISTERS to be editable, or this fails."""
    registered = {r.path for r in REGISTERS if r.parent is None} | {("health", "dimensions")}
    for name, info in Plan.model_fields.items():
        if typing.get_origin(info.annotation) is tuple:
            (item,) = {a for a in typing.get_args(info.annotation) if a is not Ellipsis}
            if isinstance(item, type) and issubclass(item, BaseModel):
                assert (name,) in registered, f"plan.{name} is a list of items but no register"


def test_a_field_added_to_the_model_appears_in_its_form() -> None:
    class Review(Model):
        title: str
        when: dt.date | None = text_field("When.")
        level: Level | None = text_field("How much.")
        notes: Prose | None = text_field("Notes.")
        done: bool = False
        score: typing.Annotated[int, __import__("pydantic").Field(ge=1, le=4)] | None = text_field("1-4.")

    kinds = {spec.key: (spec.kind, spec.low, spec.high) for spec in specs_for(Review, adding=True)}
    assert kinds == {
        "title": ("text", None, None),
        "when": ("date", None, None),
        "level": ("choice", None, None),
        "notes": ("long", None, None),
        "done": ("tick", None, None),
        "score": ("whole", 1, 4),
    }
    assert field_label(Review, "when", "fr") == "when"  # no words yet: tests/test_field_words.py says so


async def test_a_list_longer_than_allowed_is_said_beside_the_field_as_you_type(plan_copy) -> None:
    from textual.widgets import Static, TextArea

    from tests.tui.conftest import SIZE, make_app

    app = make_app(plan_copy("essms-qualite.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one("#f-indicators", TextArea)
        area.text = "Taux de déclaration\nDélai d'analyse\nNombre de formations"
        await pilot.pause()
        error = app.screen.query_one("#f-indicators-error", Static)
        assert error.display and "3 lignes : 2 au plus" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#f-indicators-error", Static).display  # refused: the form stays open


async def test_the_palette_adds_to_any_register_from_any_tab(plan_copy) -> None:
    """ "Ajouter : Décisions" from the Actions tab: the form opens on its register, the file gains the decision
    and nothing else (no date filled in for a decision not taken yet)."""
    import subprocess

    from planaction.tui.forms.generated import EntryForm
    from tests.tui.conftest import SIZE, make_app

    path = plan_copy("essms-qualite.yaml")
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {title: run for title, _help, run in app.screen.palette_commands()}
        app.call_later(commands["Ajouter : Décisions"])  # as the palette runs a command
        for _ in range(10):
            await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await pilot.press(*"Valider le budget")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (path.parent / "before.yaml").write_text(before, encoding="utf-8")
    diff = subprocess.run(
        ["git", "diff", "--no-index", "-U0", str(path.parent / "before.yaml"), str(path)],
        capture_output=True,
        text=True,
    ).stdout
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert added == ["+  - id: D5", "+    title: Valider le budget"]
    assert removed == []


async def test_arrows_move_between_the_registers_and_their_table(plan_copy) -> None:
    """On the Plan tab: left goes to the list of registers, down picks People, right comes back to its
    table, and `a` adds a person (saved as typed)."""
    from textual.widgets import OptionList

    from planaction import store
    from planaction.tui.forms.generated import EntryForm
    from planaction.tui.widgets.line_table import LineTable
    from tests.tui.conftest import SIZE, make_app

    path = plan_copy("essms-qualite.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, LineTable) and app.focused.id == "reg-parts"
        await pilot.press("left", "down", "right")
        await pilot.pause()
        assert isinstance(app.focused, LineTable) and app.focused.id == "reg-people", app.focused
        assert not isinstance(app.focused, OptionList)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await pilot.press(*"Inès Caron", "tab", *"Directrice", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    person = store.load(path).plan.people[-1]
    assert (person.name, person.role) == ("Inès Caron", "Directrice")


async def test_a_new_measurement_starts_in_its_empty_value_not_its_dated_day(plan_copy) -> None:
    """The date is filled with today; typing at once goes to the value (found in a tmux trial: "20"
    went after the date)."""
    from planaction import store
    from planaction.tui.forms.generated import EntryForm
    from tests.tui.conftest import SIZE, TODAY, make_app

    path = plan_copy("onboarding-client.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("left", "down", "right", "a")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        assert app.focused.id == "f-value"
        await pilot.press("2", "0", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    kpi = store.load(path).plan.kpis[0]
    assert (TODAY, 20) in [(m.date, m.value) for m in kpi.measurements]  # kept in date order


async def test_after_an_add_the_cursor_is_on_the_new_item(plan_copy) -> None:
    """Risks are listed by score: the new low risk is not last, and the cursor finds it by its id."""
    from tests.tui.conftest import SIZE, make_app

    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Nouveau risque", "tab", "enter", "down", "enter", "tab", "enter", "down", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#reg-risks")
        assert table.current is not None and table.current.title == "Nouveau risque"
