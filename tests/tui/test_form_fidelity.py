"""The action form writes only what the person changed.

Editing A4's comment in the ESSMS plan removed the ``note:`` of each of its
origins: the form compared values rebuilt from its widgets with the action's
own. Now a field is written only when its text changed, and a changed origins
field keeps the origins whose line the person left alone, notes included.

The property, on every action of every example plan and of generated plans:
open the form and save without a change → the file is byte for byte the
same; change one field → only that field's lines (and what ``ops`` keeps
consistent with it: status, progress, completion date) change.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual.widgets import Checkbox, Select, TextArea

from planaction import store
from planaction.core.model import Level, Status
from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.fields import widget_value
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.line_table import LineTable
from planaction.words.labels import date_text
from planaction.yamlfile.diff import to_data
from planaction.yamlfile.emit import Style, block_lines
from planaction.yamlfile.nodes import node_at
from tests.conftest import ODD, example_plans, examples
from tests.tui.conftest import SIZE, TODAY, discard_form, make_app

#: What ops keeps consistent with a field the person changed.
CONSEQUENCES = {
    "status": {"progress", "completed"},
    "progress": {"status", "completed"},
    "completed": set(),
}
NO_CHANGE_PLANS = [*example_plans(), ODD / "flow.yaml", ODD / "indentless.yaml", ODD / "crlf-bom.yaml"]
#: The sweeps open many forms: at 80x24 each costs half what it costs at 120x40 (the form scrolls).
SMALL = (80, 24)


async def open_form(app, pilot, index: int) -> ActionForm:
    table = app.screen.query_one("#action-table", LineTable)
    table.move_cursor(index)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ActionForm)
    return app.screen


async def submit(app, pilot) -> bool:
    """Submit the form; True if it closed (False: it refused the change and stays open)."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    if isinstance(app.screen, ActionForm):
        await discard_form(pilot)  # what it refused is dropped, as the person chooses
        return False
    return True


@pytest.mark.parametrize("source", NO_CHANGE_PLANS, ids=lambda p: p.name)
async def test_saving_every_form_unchanged_leaves_the_file_as_it_was(source: Path, tmp_path: Path) -> None:
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        for index in range(len(screen.plan.actions)):
            await open_form(app, pilot, index)
            assert not app.screen.has_changes()
            assert await submit(app, pilot)
            assert app.screen is screen
            assert not screen.session.dirty, f"action {index} changed by an unchanged form"
        await pilot.press("ctrl+s")
    assert path.read_bytes() == before


async def test_a4_comment_keeps_the_notes_of_its_origins(plan_copy) -> None:
    path = plan_copy("essms-qualite.yaml")
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        index = [a.id for a in app.screen.plan.actions].index("A4")
        form = await open_form(app, pilot, index)
        form.query_one("#f-comment", TextArea).text = "Courrier envoyé ; accusé de réception reçu."
        assert await submit(app, pilot)
        await pilot.press("ctrl+s")
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "-    comment: Courrier envoyé le 10/07/2026 ; accusé de réception de l'ARS le 20/07/2026.",
        "+    comment: Courrier envoyé ; accusé de réception reçu.",
    ]


async def test_adding_an_origin_keeps_the_notes_of_the_others(plan_copy) -> None:
    path = plan_copy("essms-qualite.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        index = [a.id for a in app.screen.plan.actions].index("A4")
        form = await open_form(app, pilot, index)
        area = form.query_one("#f-origins", TextArea)
        area.text = area.text + "\naudit: Audit du 12/03"
        assert await submit(app, pilot)
        await pilot.press("ctrl+s")
    origins = store.load(path).plan.action("A4").origins
    assert [o.kind.value for o in origins] == ["regulatory", "audit"]
    assert origins[0].note.startswith("La HAS impose")
    assert (origins[1].ref, origins[1].note) == ("Audit du 12/03", None)


async def test_origins_read_as_labels_in_the_interface_language(plan_copy) -> None:
    """The form shows "Critère réglementaire: ...", not the file's code; a label typed back reads as its code."""
    path = plan_copy("essms-qualite.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        index = [a.id for a in app.screen.plan.actions].index("A4")
        form = await open_form(app, pilot, index)
        area = form.query_one("#f-origins", TextArea)
        assert area.text.startswith("Critère réglementaire")
        assert "regulatory" not in area.text
        area.text = area.text + "\nRéclamation: Lettre du 03/04"
        assert await submit(app, pilot)
        await pilot.press("ctrl+s")
    origins = store.load(path).plan.action("A4").origins
    assert [o.kind.value for o in origins] == ["regulatory", "complaint"]
    assert origins[0].note.startswith("La HAS impose")


@pytest.mark.parametrize(
    ("fields", "kept"),
    [
        ("    status: todo\n    completed: 2025-05-02\n", "completed: 2025-05-02"),  # an open action with a date
        ("    status: done\n    progress: 100\n", "status: done"),  # done, no date given
    ],
)
async def test_editing_a_comment_leaves_the_completion_date_alone(tmp_path: Path, fields: str, kept: str) -> None:
    path = tmp_path / "plan.yaml"
    text = f"schema: 1\ntitle: T\nowner: O\nactions:\n  - id: A1\n    title: t\n    owner: o\n{fields}"
    path.write_text(text, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, 0)
        form.query_one("#f-comment", TextArea).text = "vu en comité"
        assert await submit(app, pilot)
        await pilot.press("ctrl+s")
    assert changed_lines(text, path.read_text(encoding="utf-8")) == ["+    comment: vu en comité"]


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


# -- one field changed, on examples and generated plans ------------------------------------

FIELDS = [
    "title",
    "owner",
    "co_owners",
    "status",
    "progress",
    "priority",
    "start",
    "due",
    "completed",
    "impact",
    "urgency",
    "effort",
    "imperative",
    "stream",
    "objective",
    "kpi",
    "indicators",
    "resources",
    "budget",
    "skills",
    "partners",
    "origins",
    "comment",
]


def new_value(form: ActionForm, key: str, widget: Any, draw: Any) -> Any:
    """A different value for the widget of ``key``, as a person would type or pick it."""
    lang = form.lang
    current = widget_value(widget)
    if isinstance(widget, Checkbox):
        return not current
    if isinstance(widget, Select):
        options = [value for _label, value in widget._options if value is not Select.NULL and value != current]
        if not options:
            return Select.NULL if widget._allow_blank and current is not Select.NULL else None
        return draw(st.sampled_from(options))
    if key in ("start", "due", "completed"):
        if current and draw(st.booleans()):
            return ""
        day = draw(st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)))
        return day.isoformat() if draw(st.booleans()) else date_text(day, lang)
    if key in ("impact", "urgency", "effort"):
        return draw(st.sampled_from([str(n) for n in range(6) if str(n) != current] + ([""] if current else [])))
    if key == "progress":
        number = draw(st.integers(0, 100).filter(lambda n: str(n) != current))
        return draw(st.sampled_from([str(number), f"{number} %", f"{number}%"]))
    if key == "budget":
        return draw(
            st.sampled_from(["1 234,5", "1\u202f234,5", "12,75", "0"] if lang == "fr" else ["1,234.5", "12.75", "0"])
        )
    if key in ("indicators", "origins"):
        line = "audit: Audit du 12/03" if key == "origins" else "Délai moyen < 3 jours"
        return current + ("\n" if current else "") + line if current.count("\n") < 1 else line
    if key in ("co_owners", "skills", "partners"):
        return current + (", " if current else "") + "Zoé Martin"
    if key in ("title", "owner"):
        return current + " (revu)"
    if key == "resources":
        return "" if current and draw(st.booleans()) else current + " + 2 jours"
    if key == "comment":
        return draw(st.sampled_from(["", "Nouveau : point au comité", "ligne 1\nligne 2"]))
    raise AssertionError(key)


def set_widget(widget: Any, value: Any) -> None:
    if isinstance(widget, TextArea):
        widget.text = value
    else:
        widget.value = value


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def allowed_line_ranges(document: store.PlanDocument, index: int, keys: set[str]) -> tuple[set[int], range]:
    """Lines of the action's ``keys`` in the file, and the lines of the whole action."""
    text = document.text
    action = node_at(document.root, ("actions", index))
    assert action is not None
    lines: set[int] = set()
    present = {key_node.value for key_node, _value in action.value} if action.kind == "map" else set()
    if action.flow and keys - present:
        # a key added to a flow mapping (`- {id: A1, ...}`) can only go on the mapping's own lines
        lines.update(range(action.line, line_of(text, action.end) + 1))
    for key_node, value_node in action.value if action.kind == "map" else []:
        if key_node.value in keys:
            end = line_of(text, value_node.end)
            if value_node.end and text[value_node.end - 1 : value_node.end] == "\n":
                end -= 1
            lines.update(range(key_node.line, end + 1))
    return lines, range(action.line, line_of(text, action.end) + 2)


def check_one_field(before_text: str, after_text: str, document: store.PlanDocument, index: int, key: str) -> None:
    """Only ``key`` (and its consequences) changed in action ``index``, in the data and in the text."""
    keys = {key} | CONSEQUENCES.get(key, set())
    before_plan, after_plan = document.base, store.parse(after_text, "after").document.plan
    old, new = to_data(before_plan), to_data(after_plan)
    old_action, new_action = old["actions"][index], new["actions"][index]
    assert {k: v for k, v in old.items() if k != "actions"} == {k: v for k, v in new.items() if k != "actions"}
    assert [a for i, a in enumerate(old["actions"]) if i != index] == [
        a for i, a in enumerate(new["actions"]) if i != index
    ]
    touched = {k for k in old_action.keys() | new_action.keys() if old_action.get(k) != new_action.get(k)}
    assert touched <= keys, (key, touched)
    allowed, action_lines = allowed_line_ranges(document, index, keys)
    old_lines, new_lines = before_text.splitlines(), after_text.splitlines()
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            outside = [old_lines[i] for i in range(i1, i2) if i not in allowed]
            assert not outside, (key, outside)
        else:
            assert i1 in action_lines, (key, i1)


async def change_fields(path: Path, data: st.DataObject, steps: int) -> None:
    app = make_app(path, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        screen: PlanScreen = app.screen
        for _ in range(steps):
            count = len(screen.plan.actions)
            index = data.draw(st.integers(0, count - 1), label="action")
            form = await open_form(app, pilot, index)
            shown = [k for k in FIELDS if k in form.form_fields]
            key = data.draw(st.sampled_from(shown), label="field")
            widget = form.form_fields[key].widget
            value = new_value(form, key, widget, data.draw)
            if value is None:
                await pilot.press("escape")
                await pilot.pause()
                continue
            set_widget(widget, value)
            await pilot.pause()
            before_text = path.read_bytes().decode("utf-8-sig")
            document = store.load(path)
            if not await submit(app, pilot):  # refused by the form or by ops: nothing changes
                assert not screen.session.dirty
                continue
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not screen.session.dirty
            after_text = path.read_bytes().decode("utf-8-sig")
            check_one_field(before_text.replace("\r\n", "\n"), after_text.replace("\r\n", "\n"), document, index, key)


@settings(
    max_examples=examples(4),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a Pilot run takes minutes: the draws are printed
)
@given(data=st.data())
async def test_one_changed_field_changes_only_its_lines_in_example_plans(data, tmp_path: Path) -> None:
    source = data.draw(st.sampled_from(NO_CHANGE_PLANS), label="plan")
    path = tmp_path / f"{data.draw(st.integers(0, 10**9))}-{source.name}"
    path.write_bytes(source.read_bytes())
    await change_fields(path, data, steps=3)


# -- generated plans: every field shape the schema allows, written in varied styles ---------

NAMES = st.sampled_from(["Léa Fontaine", "İpek Yılmaz", "Анна Петрова", "王芳", "O'Brien", "Zoé # hash", "a: b"])
TEXTS = st.one_of(
    NAMES,
    st.sampled_from(["yes", "123", "2025-01-01", "- dash", "[x]", "trail ", " lead", "é\u0301", "ligne\nsuivante"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(str.strip),
)
DATES = st.one_of(
    st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(205, 3, 1)]),
)


@st.composite
def actions(draw, index: int) -> dict[str, Any]:
    status = draw(st.sampled_from(list(Status)))
    action: dict[str, Any] = {"id": f"A{index + 1}", "title": draw(TEXTS), "owner": draw(NAMES)}
    optional = {
        "co_owners": st.lists(NAMES, max_size=2, unique=True),
        "origins": st.lists(
            st.fixed_dictionaries(
                {"kind": st.sampled_from(["audit", "complaint", "regulatory"])},
                optional={"ref": TEXTS, "note": TEXTS},
            ),
            min_size=1,
            max_size=2,
        ),
        "priority": st.sampled_from([lv.value for lv in Level]),
        "impact": st.integers(0, 5),
        "urgency": st.integers(0, 5),
        "effort": st.integers(1, 5),
        "imperative": st.booleans(),
        "start": DATES,
        "resources": TEXTS,
        "budget": st.one_of(st.integers(0, 10**7), st.floats(0, 1e7, allow_nan=False, allow_infinity=False)),
        "skills": st.lists(TEXTS.filter(lambda t: "," not in t), max_size=2),
        "indicators": st.lists(TEXTS.filter(lambda t: "\n" not in t), max_size=2),
        "comment": TEXTS,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            action[key] = draw(strategy)
    action["status"] = status.value
    if status == Status.DONE:
        action["progress"] = 100
        action["completed"] = draw(DATES)
    elif status == Status.IN_PROGRESS:
        action["progress"] = draw(st.integers(1, 99))
    if "start" in action and draw(st.booleans()):
        action["due"] = (
            action["start"] + dt.timedelta(days=draw(st.integers(0, 60)))
            if action["start"].year < 9999
            else action["start"]
        )
    return action


@st.composite
def generated_plans(draw) -> str:
    count = draw(st.integers(1, 4))
    plan = {
        "schema": 1,
        "title": draw(TEXTS),
        "language": draw(st.sampled_from(["fr", "en"])),
        "owner": draw(NAMES),
        "actions": [draw(actions(i)) for i in range(count)],
    }
    style = draw(
        st.sampled_from(
            [Style(), Style(map_indent=4, seq_indent=0), Style(flow_scalar_lists=True, quote="'"), Style(seq_indent=4)]
        )
    )
    return "\n".join(block_lines(plan, 0, style)) + "\n"


@settings(
    max_examples=examples(4),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a Pilot run takes minutes: the draws are printed
)
@given(text=generated_plans(), data=st.data())
async def test_generated_plans_unchanged_forms_and_one_field_changes(text: str, data, tmp_path: Path) -> None:
    path = tmp_path / f"generated-{abs(hash(text))}.yaml"
    path.write_text(text, encoding="utf-8")
    if store.read(path).document is None:  # a generated combination the checks refuse: not this test's concern
        return
    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        for index in range(len(app.screen.plan.actions)):
            await open_form(app, pilot, index)
            assert await submit(app, pilot)
            assert not app.screen.session.dirty
        await pilot.press("ctrl+s")
    assert path.read_text(encoding="utf-8") == text
    await change_fields(path, data, steps=3)


async def test_a_form_opened_on_a_sorted_filtered_table_edits_that_action_only(plan_copy) -> None:
    path = plan_copy("essms-qualite.yaml")
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.sort_by("title")
        screen.sort_by("title")  # descending
        await pilot.press("slash", *"communiquer", "enter")
        await pilot.pause()
        rows = screen.query_one("#action-table", LineTable).rows
        assert [r.id for r in rows] == ["A4"]
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-comment", TextArea).text = "Envoyé"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s", "ctrl+s")  # saved twice: the second writes nothing
        await pilot.pause()
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "-    comment: Courrier envoyé le 10/07/2026 ; accusé de réception de l'ARS le 20/07/2026.",
        "+    comment: Envoyé",
    ]


async def test_an_origins_score_shows_and_reads_back(plan_copy) -> None:
    """A criterion's score shows after its reference, "(2/4)"; a line typed with a score records it, and a
    line left as it was keeps its origin whole (its note and its score)."""
    path = plan_copy("essms-qualite.yaml")
    app = make_app(path)
    scored = next(a for a in store.load(path).plan.actions if any(o.score for o in a.origins))
    async with app.run_test(size=SIZE) as pilot:
        index = [a.id for a in app.screen.plan.actions].index(scored.id)
        form = await open_form(app, pilot, index)
        area = form.query_one("#f-origins", TextArea)
        first = next(o for o in scored.origins if o.score)
        assert f"({first.score}/4)" in area.text
        area.text = area.text + "\nÉvaluation externe: Critère 2.1.4 ( 1 / 4 )"
        assert await submit(app, pilot)
        await pilot.press("ctrl+s")
    origins = store.load(path).plan.action(scored.id).origins
    assert origins[: len(scored.origins)] == scored.origins
    assert (origins[-1].kind.value, origins[-1].ref, origins[-1].score) == ("external_evaluation", "Critère 2.1.4", 1)
