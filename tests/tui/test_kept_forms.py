"""A form kept from before and refilled (``forms.kept``) is the form a new one would be.

A plan screen keeps each form it opened, closed, and the next form of its kind takes its widgets. So
whatever the form before held (text typed then discarded, a message under a field, a text area's undo
history, a scroll, the focus deep in the form), a refilled form must show, read and save exactly what a
form built for the same thing shows, reads and saves. Each test here does it both ways in one app: the
form refilled after a messy use, then (the kept forms dropped) the same form built, and compares
everything a person sees or the form reads: each field's value, cursor, selection, scroll and message,
the form's title, help and error lines, the focus, and the screen drawn cell by cell.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Select, Static, TextArea

from planaction import store
from planaction.tui.forms.base import FormScreen
from planaction.tui.forms.fields import Readable
from planaction.tui.screens.plan import PlanScreen
from tests.tui.conftest import SIZE, discard_form, make_app, type_text
from tests.tui.test_portfolio_new import burst, typed


def state(form: FormScreen) -> dict[str, Any]:
    """What a person sees in the form and what it would read, field by field."""
    fields: dict[str, Any] = {}
    for key, form_field in form.form_fields.items():
        widget = form_field.widget
        seen: dict[str, Any] = {"type": type(widget).__name__, "classes": sorted(widget.classes)}
        if isinstance(widget, Input):
            seen |= {"value": widget.value, "cursor": widget.cursor_position, "selection": widget.selection}
            seen |= {"placeholder": widget.placeholder, "scroll": widget.scroll_offset}
        elif isinstance(widget, TextArea):
            seen |= {"text": widget.text, "cursor": widget.cursor_location, "selection": widget.selection}
            seen |= {"scroll": widget.scroll_offset, "undo": len(widget.history.undo_stack)}
        elif isinstance(widget, Select):
            seen |= {"value": widget.value}
        else:
            seen |= {"value": widget.value}  # type: ignore[attr-defined]
        error = next((e for e in form.query(".field-error") if e.id == f"{widget.id}-error"), None)
        seen["message"] = str(error.visual) if error is not None and error.display else None
        fields[key] = seen
    error_line = form.query_one("#form-error", Static)
    return {
        "fields": fields,
        "changed": form.has_changes(),
        "title": str(form.query_one(".form-title", Static).visual),
        "help": str(form.query_one("#form-help", Static).visual),
        "error": str(error_line.visual) if error_line.display else None,
        "focused": form.focused.id if form.focused is not None else None,
        "scroll": form.labelled.scroll_offset,
        "ready": form.ready,
    }


def drawn(app) -> list[list[tuple[str, Any]]]:
    """The screen, cell run by cell run, with its styles (cursors kept still, as a blink would differ)."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    return [[(seg.text, seg.style) for seg in strip] for strip in app.screen._compositor.render_strips()]


async def shown(pilot) -> tuple[FormScreen, dict[str, Any], list]:
    await pilot.pause()
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form, state(form), drawn(pilot.app)


async def open_on(pilot, tab: str, row: int, key: str) -> None:
    """Go to ``tab``, highlight its ``row``-th line, press ``key``."""
    await pilot.press(tab)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    if tab == "1":
        screen.query_one("#action-table").move_cursor(row)
        await pilot.pause()
    await pilot.press(key)


async def use_messily(pilot) -> None:
    """What a person may leave in a form before closing it: text typed in its fields (a date or a number that
    does not read, its message shown), lines in a text area (its undo history), the focus and scroll far down.
    (A select opened once is Textual's own select from then on: that form is built anew next time, as before.)"""
    form = pilot.app.screen
    inputs = areas = unread = 0
    for _ in range(len(form.form_fields)):
        focused = form.focused
        if isinstance(focused, Input) and inputs < 3:
            inputs += 1
            reads = any(isinstance(v, Readable) for v in focused.validators)  # a date or a number
            await type_text(pilot, "45/45" if reads else "x")  # a date or a number that does not read: a message
            unread += reads
        elif isinstance(focused, TextArea) and not areas:
            areas += 1
            await pilot.press("x", "enter", "y")
        await pilot.press("tab")
    await pilot.pause()
    assert not unread or any(error.display for error in form.query(".field-error"))


async def both_ways(pilot, tab: str, key: str, first_row: int, then_row: int):
    """The form for ``then_row`` refilled after a messy use of the form for ``first_row``, then built anew."""
    plan_screen = pilot.app.screen
    await open_on(pilot, tab, first_row, key)
    first, _, _ = await shown(pilot)
    await use_messily(pilot)
    await discard_form(pilot)
    assert pilot.app.screen is plan_screen
    return await refilled_then_built(pilot, first, tab, key, then_row)


async def refilled_then_built(pilot, kept: FormScreen, tab: str, key: str, row: int):
    """The form for ``row`` refilled (``kept`` must be the one shown), then, the kept forms dropped, built:
    each one's state and drawing."""
    app = pilot.app
    plan_screen = app.screen
    await open_on(pilot, tab, row, key)
    refilled, refilled_state, refilled_drawn = await shown(pilot)
    assert refilled is kept, "the kept form was not refilled"
    await discard_form(pilot)
    plan_screen.kept_forms.drop(app)
    await pilot.pause()
    await open_on(pilot, tab, row, key)
    built, built_state, built_drawn = await shown(pilot)
    assert built is not kept
    return refilled_state, built_state, refilled_drawn, built_drawn


@pytest.mark.parametrize(
    ("plan", "tab", "key", "first_row", "then_row"),
    [
        ("support-it.yaml", "1", "e", 0, 3),
        ("support-it.yaml", "1", "e", 2, 2),  # the same action again
        ("support-it.yaml", "1", "a", 0, 0),  # a new action after an edited one's form... (same kind: new)
        ("product-launch-en.yaml", "1", "e", 1, 0),
        ("support-it.yaml", "5", "a", 0, 0),  # a new risk (its id's hint)
        ("support-it.yaml", "7", "e", 0, 0),  # the plan's header
        ("support-it.yaml", "1", "l", 0, 2),  # a follow-up entry
    ],
    ids=["action", "same-action", "new-action", "english", "new-risk", "header", "log-entry"],
)
async def test_a_refilled_form_is_the_form_a_new_one_would_be(
    plan_copy, tabs_built_when_shown, plan, tab, key, first_row, then_row
) -> None:
    app = make_app(plan_copy(plan))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        refilled_state, built_state, refilled_drawn, built_drawn = await both_ways(pilot, tab, key, first_row, then_row)
    assert refilled_state == built_state
    assert refilled_drawn == built_drawn


async def test_a_refilled_form_at_80x24_too(plan_copy, tabs_built_when_shown) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        refilled_state, built_state, refilled_drawn, built_drawn = await both_ways(pilot, "1", "e", 4, 1)
    assert refilled_state == built_state
    assert refilled_drawn == built_drawn


async def test_a_text_areas_undo_does_not_bring_back_the_form_before(plan_copy, tabs_built_when_shown) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_on(pilot, "1", 0, "e")
        form, _, _ = await shown(pilot)
        comment = form.form_fields["comment"].widget
        comment.focus()
        await pilot.pause()
        await type_text(pilot, "tapé puis abandonné")
        await discard_form(pilot)
        await open_on(pilot, "1", 1, "e")
        again, _, _ = await shown(pilot)
        assert again is form
        text = comment.text
        comment.focus()
        await pilot.pause()
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await pilot.pause()
        assert comment.text == text
        assert not again.has_changes()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.integers(0, 9),
    then=st.integers(0, 9),
    keys=st.lists(st.sampled_from(["x", "7", ",", "tab", "backspace", "space", "shift+tab"]), max_size=12),
)
async def test_keys_in_a_refilled_form_save_what_they_save_in_a_new_one(plan_copy, first, then, keys) -> None:
    """Two copies of a plan: in one the form is refilled after another action's form was used and
    discarded, in the other it is built; the same keys then ctrl+s write the same file."""
    saved = []
    for refilled in (True, False):
        path = plan_copy()
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if refilled:
                await open_on(pilot, "1", first, "e")
                await pilot.pause()
                await use_messily(pilot)
                await discard_form(pilot)
            await open_on(pilot, "1", then, "e")
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.press("ctrl+s")
            await pilot.pause()
            if isinstance(app.screen, FormScreen):  # refused (each message beside its field): closed unsaved
                await discard_form(pilot)
            await pilot.press("ctrl+s")
            await pilot.pause()
        saved.append(path.read_bytes())
    assert saved[0] == saved[1]


async def test_keys_typed_in_a_burst_land_in_a_refilled_form(plan_copy, tabs_built_when_shown) -> None:
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "a", *typed("Première"), "escape")
        await discard_form(pilot)
        await burst(pilot, "a", *typed("Former les agents au CRM"), "tab", *typed("Karim Benali"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    added = store.load(path).plan.actions[-1]
    assert (added.title, added.owner) == ("Former les agents au CRM", "Karim Benali")


async def test_new_choices_build_a_new_form(plan_copy, tabs_built_when_shown) -> None:
    """A stream added to the plan changes the action form's list of streams: the kept form cannot show
    it, so a new one is built (and kept)."""
    from planaction.core import ops

    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plan_screen = app.screen
        await open_on(pilot, "1", 0, "e")
        first, _, _ = await shown(pilot)
        await discard_form(pilot)
        assert plan_screen.edit(lambda p: ops.add_item(p, "streams", {"id": "nouveau", "name": "Nouveau lot"})[0])
        await pilot.pause()
        await open_on(pilot, "1", 0, "e")
        form, _, _ = await shown(pilot)
        assert form is not first
        streams = [value for _label, value in form.form_fields["stream"].widget._options]
        assert "nouveau" in streams
        await discard_form(pilot)
        assert not first.is_attached  # the old one removed


async def test_a_new_theme_restyles_a_refilled_form(plan_copy, tabs_built_when_shown) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_on(pilot, "1", 0, "e")
        first, _, _ = await shown(pilot)
        await discard_form(pilot)
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        refilled_state, built_state, refilled_drawn, built_drawn = await refilled_then_built(pilot, first, "1", "e", 1)
    assert refilled_state == built_state
    assert refilled_drawn == built_drawn


async def test_the_action_form_built_while_idle_is_the_form_a_new_one_would_be(plan_copy) -> None:
    """Once the hidden tabs are built, the app builds an action form while idle (``KeptForms.prepare``), so
    that the first one opens as fast as the next: that first one is the form built at once."""
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plan_screen = app.screen
        for _ in range(100):
            if plan_screen.kept_forms.kept():
                break
            await pilot.pause(0.1)
        [prepared] = plan_screen.kept_forms.kept()
        assert prepared.is_attached and prepared not in app.screen_stack
        refilled_state, built_state, refilled_drawn, built_drawn = await refilled_then_built(
            pilot, prepared, "1", "e", 2
        )
    assert refilled_state == built_state
    assert refilled_drawn == built_drawn
