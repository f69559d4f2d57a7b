"""Numbers and dates in the app's forms are read as the person types them, in the plan's language.

A French KPI measurement typed ``55,5`` was saved as 555 (attainment 694 %):
Textual's ``Input(type="number")`` drops the comma keystroke. Number fields
are now plain text read by ``userinput`` (decimal comma, spaces or no-break
spaces between thousands; what could be read two ways is refused, with the
message beside the field and the form kept open), and date fields show and
read the date as the app shows it (``15/01/2027``), ISO too.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, Static

from planaction import store
from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.entries import LogForm, MeasurementForm
from planaction.tui.forms.fields import editable_number, number_reader
from planaction.tui.screens.plan import PlanScreen
from planaction.words.labels import number
from tests.conftest import PLANS
from tests.tui.conftest import SIZE, TODAY, discard_form, make_app, type_text


def field_error(app, field_id: str) -> str:
    """What the field says under it ("": nothing; its error line is made the first time it has something)."""
    found = app.screen.query(f"#{field_id}-error")
    return str(found.first(Static).render()) if found and found.first().display else ""


async def measure(app, pilot, typed: str, *, date: str | None = None) -> None:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, MeasurementForm)
    await type_text(pilot, typed)  # the value field has the focus
    if date is not None:
        field = app.screen.query_one("#f-date", Input)
        field.focus()
        field.value = ""
        await type_text(pilot, date)
    await pilot.press("ctrl+s")
    await pilot.pause()


#: What a French user types, and the number it is.
FRENCH_NUMBERS = [("55,5", 55.5), ("55.5", 55.5), ("1 234,5", 1234.5), ("-3,25", -3.25), ("4", 4.0), ("1e3", 1000.0)]
#: What reads two ways or not at all in French, and a word of the message shown beside the field.
FRENCH_REFUSED = [("1.234", "1234"), ("55,5,5", "nombre"), ("12 34", "espaces"), ("abc", "nombre")]


async def test_french_measurements_read_as_typed_or_are_refused_beside_the_field(plan_copy) -> None:
    path = plan_copy("support-it.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        screen = app.screen
        for typed, value in FRENCH_NUMBERS:  # same date: each replaces the one before
            await measure(app, pilot, typed)
            assert app.screen is screen, (typed, field_error(app, "f-value"))
            await pilot.press("ctrl+s")
            await pilot.pause()
            kpi = store.load(path).plan.kpis[0]
            assert (kpi.measurements[-1].date, kpi.measurements[-1].value) == (TODAY, value), typed
        before = path.read_bytes()
        for typed, said in FRENCH_REFUSED:
            await measure(app, pilot, typed)
            assert isinstance(app.screen, MeasurementForm), typed  # still open, nothing lost
            assert said in field_error(app, "f-value"), (typed, field_error(app, "f-value"))
            assert app.screen.query_one("#f-value", Input).value == typed
            await discard_form(pilot)
            await pilot.pause()
            assert not screen.session.dirty
        await pilot.press("ctrl+s")
    assert path.read_bytes() == before


async def test_an_english_measurement(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes((PLANS / "product-launch-en.yaml").read_bytes())
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await measure(app, pilot, "1,234.5", date="2025-05-10")
        assert isinstance(app.screen, PlanScreen)
        await measure(app, pilot, "55,5")  # a comma is no decimal mark in English: refused
        assert isinstance(app.screen, MeasurementForm)
        assert "comma" in field_error(app, "f-value")
        await discard_form(pilot)
        await pilot.pause()
        await pilot.press("ctrl+s")
    kpi = store.load(path).plan.kpis[0]
    assert any(m.value == 1234.5 and m.date == dt.date(2025, 5, 10) for m in kpi.measurements)


async def test_the_action_form_reads_budget_progress_scores_and_dates(plan_copy) -> None:
    path = plan_copy("support-it.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.query_one("#f-due", Input).value == "03/05/2025"  # as the app shows it
        for field_id, typed in (
            ("f-budget", "1\u00a0234,5"),  # pasted from a spreadsheet, with a no-break space
            ("f-progress", "55 %"),
            ("f-impact", "4"),
            ("f-due", "15/01/2027"),
            ("f-start", "2025-04-28"),
        ):
            field = form.query_one(f"#{field_id}", Input)
            field.value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
    action = store.load(path).plan.action("A1")
    assert (action.budget, action.progress, action.impact) == (1234.5, 55, 4)
    assert (action.start, action.due) == (dt.date(2025, 4, 28), dt.date(2027, 1, 15))


#: Field, what is typed, a word of the message shown beside the field.
ACTION_REFUSED = [
    ("f-due", "31/02/2027", "n'existe pas"),
    ("f-due", "2027-13-01", "n'existe pas"),
    ("f-due", "demain", "pas une date"),
    ("f-impact", "7", "hors limites"),
    ("f-impact", "2,5", "entier"),
    ("f-progress", "120 %", "hors limites"),
    ("f-budget", "1.234", "1234"),
]


async def test_the_action_form_refuses_what_does_not_read(plan_copy) -> None:
    path = plan_copy("support-it.yaml")
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for field_id, typed, said in ACTION_REFUSED:
            await pilot.press("e")
            await pilot.pause()
            field = app.screen.query_one(f"#{field_id}", Input)
            field.focus()
            field.value = ""
            await type_text(pilot, typed)
            assert said in field_error(app, field_id), (typed, field_error(app, field_id))  # said while typing
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ActionForm), typed
            assert said in field_error(app, field_id)
            await discard_form(pilot)
            await pilot.pause()
        await pilot.press("ctrl+s")
        assert not app.screen.session.dirty
    assert path.read_bytes() == before


async def test_an_english_date_that_reads_two_ways_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes((PLANS / "product-launch-en.yaml").read_bytes())
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        date = app.screen.query_one("#f-date", Input)
        assert date.value == TODAY.isoformat()
        date.value = "05/06/2025"
        await pilot.pause()
        assert "2025-06-05" in field_error(app, "f-date") and "2025-05-06" in field_error(app, "f-date")
        date.value = "25/06/2025"  # only one way to read it
        await pilot.pause()
        assert field_error(app, "f-date") == ""


async def test_a_french_log_date_typed_as_shown(plan_copy) -> None:
    path = plan_copy("support-it.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        date = app.screen.query_one("#f-date", Input)
        assert date.value == "12/05/2025"
        await type_text(pilot, "Point hebdo")
        date.focus()
        date.value = ""
        await type_text(pilot, "09/05/2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
    assert store.load(path).plan.log[-1].date == dt.date(2025, 5, 9)


# -- the text a field shows reads back as the same number, in both languages ----------------


@given(
    value=st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
    ),
    lang=st.sampled_from(["fr", "en"]),
)
def test_what_a_number_field_shows_reads_back_exactly(value: float, lang: str) -> None:
    assert number_reader(lang)(editable_number(value, lang)) == float(value)


@given(value=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), lang=st.sampled_from(["fr", "en"]))
def test_a_number_as_the_app_displays_it_reads_back_to_what_it_shows(value: float, lang: str) -> None:
    """Copying a figure from a table into a field gives that figure (``1 234,5`` → 1234.5)."""
    shown = number(value, lang)
    read = number_reader(lang)(shown)
    assert math.isclose(read, float(shown.replace("\u202f", "").replace(",", "." if lang == "fr" else "")))
