"""A form's select is one line until it is opened (``widgets.folded_select``): a form opens without an
option list per select, and a select opened by a click or a key works as Textual's, checked on the file."""

from __future__ import annotations

from textual.widgets import OptionList

from planaction import store
from planaction.tui.forms.generated import EntryForm
from planaction.tui.widgets.folded_select import FoldedSelect
from tests.tui.conftest import SIZE, make_app, type_text

ENGLISH = "product-launch-en.yaml"


async def test_a_new_risk_form_opens_with_no_option_list(plan_copy) -> None:
    app = make_app(plan_copy(ENGLISH))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm)
        selects = list(form.query(FoldedSelect))
        assert {s.id for s in selects} >= {"f-probability", "f-impact", "f-status", "f-action"}
        assert all(s.folded for s in selects) and not form.query(OptionList)
        # drawn as Textual's compact select: the prompt or the current choice, and the arrow
        lines = {s.id: s.render_line(0).text for s in selects}
        probability = form.query_one("#f-probability", FoldedSelect)
        assert lines["f-probability"].startswith(probability.prompt) and lines["f-probability"].rstrip().endswith("▼")
        assert lines["f-status"].rstrip().endswith("▼") and "Open" in lines["f-status"]


async def test_a_click_opens_a_select_and_the_choice_is_saved(plan_copy) -> None:
    path = plan_copy(ENGLISH)
    before = store.load(path).plan
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5", "a")
        await pilot.pause()
        await type_text(pilot, "Supplier delay")
        form = app.screen
        impact = form.query_one("#f-impact", FoldedSelect)
        await pilot.click(impact)
        await pilot.pause()
        assert not impact.folded and impact.expanded  # Textual's own list, open, with every level
        assert len(impact.query_one(OptionList).options) == len(impact._options)
        # as Textual's select opened by a click: nothing highlighted yet, the first "down" takes the blank choice
        high = [value for _label, value in impact._options].index("high")
        await pilot.press(*["down"] * (high + 1), "enter")
        await pilot.pause()
        assert not impact.expanded and impact.value == "high"
        # the probability (required), by its keys: back to it, open it on its blank choice, one down
        await pilot.press("shift+tab", "enter", "down", "enter")
        await pilot.pause()
        assert form.query_one("#f-probability", FoldedSelect).value == "low"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.is_modal
        await pilot.press("ctrl+s")
        await pilot.pause()
    risks = store.load(path).plan.risks
    assert len(risks) == len(before.risks) + 1
    assert (risks[-1].title, risks[-1].impact.value, risks[-1].probability.value) == ("Supplier delay", "high", "low")


async def test_a_select_set_while_folded_is_saved_and_unfolds_on_its_value(plan_copy) -> None:
    """The value given to a select that was never opened is what the form writes, and opening it then
    shows that value highlighted (its parts are made from the folded select's state)."""
    path = plan_copy(ENGLISH)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5", "e")
        await pilot.pause()
        form = app.screen
        status = form.query_one("#f-status", FoldedSelect)
        values = [value for _label, value in status._options]
        other = next(v for v in values if v != status.value)
        status.value = other
        await pilot.pause()
        assert status.folded and status.current_label() is not None
        status.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not status.folded and status.expanded
        assert status.query_one(OptionList).highlighted == values.index(other)
        await pilot.press("escape")
        await pilot.pause()
        assert form.is_modal and not status.expanded  # escape closed the list, not the form
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.load(path).plan.risks[0].status.value == other
