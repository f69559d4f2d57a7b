"""What a client types as text in an editable cell is read as they meant it, or refused with the cell named.

The workbook's language (the one the export wrote, kept in the hidden sheet)
decides how text reads, through ``planaction.userinput``: ``4,5`` is four and
a half in a French workbook and refused in an English one; ``05/06/2025`` is
5 June in French and refused in English, where it could be either. Progress
typed as text is in points (``80``, ``80 %``); a fraction typed as text
(``0,5``, ``0.8``) could be a share or points and is refused. A number in the
progress column is what the percent cell shows (0.8 shows 80 %).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.exchange.xlsx.export import export
from planaction.exchange.xlsx.importer import WorkbookRefused, plan_import
from tests.conftest import PLANS, examples, run_cli
from tests.exchange.conftest import TODAY, edit_workbook

LATER = dt.date(2025, 5, 20)


# ---------------------------------------------------------------------------
# The cases of the issue, through the real command


@pytest.mark.parametrize("typed", [",5", "0,5", "0.8", "12,5 %"])
def test_a_fraction_typed_as_progress_is_refused_with_its_cell(exported, typed: str) -> None:
    plan, book = exported()
    before = plan.read_bytes()
    edit_workbook(book, {"Actions": {"J4": typed}})  # A3's progress, as text
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    line = next(line for line in done.stderr.splitlines() if line.startswith("Actions!J4: "))
    assert typed in line
    hint = done.stderr.split(line, 1)[1].splitlines()[1]
    assert "50 %" in hint or "%" in hint, hint  # says how to write it
    assert plan.read_bytes() == before


def test_progress_as_text_is_in_points_and_a_number_is_what_the_cell_shows(exported) -> None:
    plan, book = exported()
    edit_workbook(book, {"Actions": {"J4": "80 %", "J5": 0.8}})  # A3 typed as text, A4 a percent cell
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    result = store.load(plan).plan
    assert (result.action("A3").progress, result.action("A4").progress) == (80, 80)


def test_an_ambiguous_date_in_an_english_workbook_is_refused(exported) -> None:
    plan, book = exported("support-it.yaml", "--lang", "en")
    before = plan.read_bytes()
    edit_workbook(book, {"Actions": {"K4": "05/06/2025"}, "Follow-up log": {}})
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 1, done.stdout
    line = next(line for line in done.stderr.splitlines() if line.startswith("Actions!K4: "))
    assert "2025-06-05" in line and "2025-05-06" in line  # both readings, never one guessed
    assert plan.read_bytes() == before


def test_an_english_workbook_of_a_french_plan_imports(exported) -> None:
    """The headings and the text are read in the workbook's language, not the plan's."""
    plan, book = exported("support-it.yaml", "--lang", "en")
    edit_workbook(
        book,
        {"Actions": {"I4": "In progress", "J4": "30%"}},
        append={
            "Follow-up log": [["2025-05-14", "A3", None, "Webinar planned", None, "Client"]],
            "Measurements": [["K1", "2025-05-13", "5.5", None]],
        },
    )
    done = run_cli("import", plan, book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "A3 statut : À faire → En cours" in done.stdout  # the change list stays in the plan's language
    result = store.load(plan).plan
    assert (result.action("A3").status.value, result.action("A3").progress) == ("in_progress", 30)
    assert result.log[-1].date == dt.date(2025, 5, 14)
    assert result.kpi("K1").measurements[-1].value == 5.5


# ---------------------------------------------------------------------------
# Property: every spelling is read as meant or refused by its cell


@dataclass(frozen=True)
class Typed:
    """A cell value and what it must become: a value, or a refusal of that cell."""

    cell: object
    meant: object  # the value, or REFUSED
    label: str = ""


REFUSED = "refused"


def points_as_text(lang: str):
    spellings = st.sampled_from(["{n}", "{n} %", "{n}%", "{n}\u00a0%", " {n} ", "{n}\u202f%"])
    return st.builds(lambda n, s: Typed(s.format(n=n), n), st.integers(0, 100), spellings)


def fractions_as_text(lang: str):
    mark = "," if lang == "fr" else "."

    def make(whole: int, fraction: int, form: str) -> Typed:
        return Typed(form.format(w=whole, f=fraction, m=mark), REFUSED)

    return st.builds(
        make,
        st.integers(0, 99),
        st.integers(1, 9),
        st.sampled_from(["{w}{m}{f}", "{m}{f}", "0{m}{f}", "{w}{m}{f} %", "{w}.{f}"]),
    )


def percent_cells():
    """Numbers in the percent cell: whole and half points, shown (and read) rounded half up."""

    def make(half_points: int) -> Typed:
        shown = int((Decimal(half_points) / 2).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return Typed(half_points / 200, shown)

    return st.builds(make, st.integers(0, 200))


def out_of_range_progress():
    return st.sampled_from([Typed("101", REFUSED), Typed("-5 %", REFUSED), Typed(1.5, REFUSED), Typed(-0.1, REFUSED)])


def dates_as_text(lang: str):
    def make(day: dt.date, form: str) -> Typed:
        text = form.format(d=day.day, m=day.month, y=day.year)
        if form.startswith("{y"):
            return Typed(text, day)
        if lang == "fr":
            return Typed(text, day)
        # English: day-first text reads only when it cannot be month-first
        return Typed(text, day if day.day > 12 or day.day == day.month else REFUSED)

    forms = st.sampled_from(["{d:02d}/{m:02d}/{y}", "{d}/{m}/{y}", "{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}"])
    return st.builds(make, st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), forms)


def junk_dates():
    return st.sampled_from(
        [
            Typed("bientôt", REFUSED),
            Typed("31/02/2025", REFUSED),
            Typed("15/05/25", REFUSED),
            Typed("2025-13-01", REFUSED),
        ]
    )


def numbers_as_text(lang: str):
    def make(whole: int, cents: int, form: str) -> Typed:
        value = whole + cents / 100
        grouped_fr = f"{whole:,}".replace(",", "\u202f")
        grouped_en = f"{whole:,}"
        texts = {
            "fr": {
                "plain": f"{whole},{cents:02d}",
                "grouped": f"{grouped_fr},{cents:02d}",
                "nbsp": f"{whole:,}".replace(",", "\u00a0") + f",{cents:02d}",
                "point": f"{whole}.{cents:02d}",
            },
            "en": {
                "plain": f"{whole}.{cents:02d}",
                "grouped": f"{grouped_en}.{cents:02d}",
                "nbsp": f"{whole:,}".replace(",", " ") + f".{cents:02d}",
                "point": f"{whole}.{cents:02d}",
            },
        }
        return Typed(texts[lang][form], value)

    return st.builds(
        make, st.integers(0, 10**7), st.integers(0, 99), st.sampled_from(["plain", "grouped", "nbsp", "point"])
    )


def ambiguous_numbers(lang: str):
    if lang == "fr":
        return st.builds(lambda a, b: Typed(f"{a}.{b:03d}", REFUSED), st.integers(1, 999), st.integers(0, 999))
    return st.builds(lambda a, b: Typed(f"{a},{b}", REFUSED), st.integers(0, 999), st.integers(1, 99))


def cases(lang: str):
    progress = st.one_of(points_as_text(lang), fractions_as_text(lang), percent_cells(), out_of_range_progress())
    dates = st.one_of(dates_as_text(lang), junk_dates())
    numbers = st.one_of(numbers_as_text(lang), ambiguous_numbers(lang))
    return st.fixed_dictionaries(
        {
            "progress": st.lists(progress, min_size=2, max_size=2),  # A3, A4
            "log_dates": st.lists(dates, max_size=2),
            # one value per KPI and day: a second one on the same day is refused on purpose (its own test)
            "measurements": st.lists(st.tuples(dates, numbers), max_size=2, unique_by=lambda pair: pair[0].meant),
        }
    )


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, tuple[bytes, bytes]]:
    """support-it, exported in French and in English: (plan bytes, workbook bytes)."""
    folder = tmp_path_factory.mktemp("text")
    made = {}
    for lang in ("fr", "en"):
        plan = folder / lang / "support-it.yaml"
        plan.parent.mkdir()
        shutil.copyfile(PLANS / "support-it.yaml", plan)
        document = store.load(plan)
        book = folder / lang / "support-it.xlsx"
        export(document.plan, book, plan_id=document.plan_id, file_name=plan.name, today=LATER, lang=lang)
        made[lang] = (plan.read_bytes(), book.read_bytes())
    return made


SHEETS = {"fr": ("Actions", "Suivi", "Mesures"), "en": ("Actions", "Follow-up log", "Measurements")}


@given(lang=st.sampled_from(["fr", "en"]), data=st.data())
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_spelling_is_read_as_meant_or_refused_by_its_cell(tmp_path: Path, sources, lang: str, data) -> None:
    chosen = data.draw(cases(lang))
    plan_bytes, book_bytes = sources[lang]
    plan = tmp_path / "support-it.yaml"
    plan.write_bytes(plan_bytes)
    book = tmp_path / "edited.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(book_bytes))
    actions, log, measures = (workbook[name] for name in SHEETS[lang])
    expected: dict[tuple[str, str], object] = {}  # (sheet, cell) -> meant
    for row, typed in zip((4, 5), chosen["progress"], strict=True):
        actions[f"J{row}"] = typed.cell
        expected[(actions.title, f"J{row}")] = typed.meant
    for index, typed in enumerate(chosen["log_dates"]):
        log.append([typed.cell, "A3", None, f"résultat {index}", None, None])
        expected[(log.title, f"A{log.max_row}")] = typed.meant
    for day, figure in chosen["measurements"]:
        measures.append(["K1", day.cell, figure.cell, None])
        expected[(measures.title, f"B{measures.max_row}")] = day.meant
        expected[(measures.title, f"C{measures.max_row}")] = figure.meant
    workbook.save(book)

    document = store.load(plan)
    refused_cells = {where for where, meant in expected.items() if meant == REFUSED}
    try:
        result = plan_import(document.plan, book, plan_id=document.plan_id, today=LATER, lang=document.plan.language)
    except WorkbookRefused as exc:
        named = {(p.sheet, p.cell) for p in exc.problems}
        assert refused_cells, f"nothing should be refused: {exc}"
        missing = refused_cells - named
        assert not missing, f"not named: {missing}\n{exc}"
        wrongly = named - refused_cells - {(m, c) for (m, c) in named if (m, c) not in expected}
        assert not wrongly, f"refused although readable: {wrongly}\n{exc}"
        return
    assert not refused_cells, f"read although it should be refused: {refused_cells}"
    after = result.apply(document.plan)
    for (sheet, cell), meant in expected.items():
        if sheet == actions.title:
            action = after.action("A3" if cell == "J4" else "A4")
            assert action.progress == meant, (cell, meant, action.progress)
    new_log = after.log[len(document.plan.log) :]
    meant_log = sorted({v for (s, c), v in expected.items() if s == log.title})
    assert sorted({entry.date for entry in new_log}) == meant_log
    measured = {(m.date, m.value) for m in after.kpi("K1").measurements}
    for day, figure in chosen["measurements"]:
        assert (day.meant, figure.meant) in measured
