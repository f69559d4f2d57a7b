"""Every value the schema accepts comes back from its own workbook unchanged.

A plan may hold a date from 0001-01-01 to 9999-12-31 and any finite figure.
A spreadsheet cannot show a date before 1900-03-01 (Excel counts a 29
February 1900 that never was, and nothing before 1900), and calamine panics
on some numbers in date cells. Whatever the plan holds, exporting it and
importing the workbook untouched (or after LibreOffice re-saved it) changes
nothing and refuses nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from planaction import store
from planaction.exchange.xlsx.export import export
from planaction.exchange.xlsx.importer import plan_import
from tests.conftest import examples, run_cli
from tests.exchange.conftest import convert_with_libreoffice

TODAY = dt.date(2025, 5, 12)
EDGE_DATES = [
    dt.date(1, 1, 1),
    dt.date(1, 12, 31),
    dt.date(205, 6, 7),
    dt.date(1899, 12, 30),
    dt.date(1899, 12, 31),
    dt.date(1900, 1, 1),
    dt.date(1900, 2, 28),
    dt.date(1900, 3, 1),
    dt.date(1904, 1, 1),
    dt.date(1969, 12, 31),
    dt.date(2025, 5, 12),
    dt.date(2100, 1, 1),
    dt.date(9999, 12, 31),
]
EDGE_FIGURES = [
    0.0,
    -0.0,
    -1.0,
    0.1 + 0.2,
    1 / 3,
    99999999999999.98,
    1e14,
    -1e14,
    123456789012345678.0,
    1e300,
    -1e300,
    1.7976931348623157e308,
    5e-324,
    1e-300,
    -2.5e-308,
]

DATES = st.one_of(st.sampled_from(EDGE_DATES), st.dates())
FIGURES = st.one_of(st.sampled_from(EDGE_FIGURES), st.floats(allow_nan=False, allow_infinity=False))


def yaml_float(value: float) -> str:
    text = repr(value)
    if "e" in text and "." not in text.split("e")[0]:
        text = text.replace("e", ".0e")  # YAML 1.1 wants a dot before the exponent
    return text


def plan_text(actions: list[tuple[dt.date, dt.date, dt.date | None]], log: list[dt.date], kpi) -> str:
    lines = ["schema: 1", "id: bornes", "title: Valeurs limites", "owner: Ana", "language: fr", "actions:"]
    for number, (start, due, completed) in enumerate(actions, 1):
        start, due = min(start, due), max(start, due)
        lines += [f"  - id: A{number}", f"    title: Action {number}", "    owner: Ana"]
        lines += [f"    start: {start.isoformat()}", f"    due: {due.isoformat()}"]
        if completed is not None:
            lines += ["    status: done", "    progress: 100", f"    completed: {completed.isoformat()}"]
    if log:
        lines.append("log:")
        for number, day in enumerate(log, 1):
            lines += [f"  - date: {day.isoformat()}", "    action: A1", f"    result: Résultat {number}"]
    if kpi:
        lines += ["kpis:", "  - id: K1", "    name: Mesure", "    baseline: 0", "    target: 1", "    measurements:"]
        for day, value in sorted(kpi):
            lines += [f"      - date: {day.isoformat()}", f"        value: {yaml_float(value)}", "        comment: c"]
    return "\n".join(lines) + "\n"


PLANS = st.builds(
    plan_text,
    st.lists(st.tuples(DATES, DATES, st.none() | DATES), min_size=1, max_size=4),
    st.lists(DATES, max_size=3),
    st.lists(st.tuples(DATES, FIGURES), max_size=5, unique_by=lambda m: m[0]),
)


def untouched_import_changes_nothing(plan: Path, book: Path) -> None:
    document = store.load(plan)
    result = plan_import(document.plan, book, plan_id=document.plan_id, today=TODAY, lang="fr")
    assert (result.changes, result.conflicts, result.ignored) == ([], [], []), (result.changes, result.conflicts)
    assert not result.operations


@given(text=PLANS)
@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_an_untouched_workbook_of_any_valid_plan_imports_as_no_change(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "bornes.yaml"
    plan.write_text(text, encoding="utf-8")
    document = store.load(plan)  # valid: the schema accepts every value above
    book = tmp_path / "bornes.xlsx"
    book.unlink(missing_ok=True)
    export(document.plan, book, plan_id=document.plan_id, file_name=plan.name, today=TODAY, lang="fr")
    untouched_import_changes_nothing(plan, book)


def test_dates_a_spreadsheet_cannot_show_are_written_as_text_the_client_can_read(tmp_path: Path) -> None:
    plan = tmp_path / "bornes.yaml"
    plan.write_text(plan_text([(dt.date(1, 1, 1), dt.date(1900, 2, 28), None)], [], []), encoding="utf-8")
    done = run_cli("export", plan, "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    row = CalamineWorkbook.from_path(done.stdout.strip()).get_sheet_by_name("Actions").to_python()[1]
    assert row[6:8] == ["01/01/0001", "28/02/1900"]  # shown as the plan's dates, never a wrong day
    again = run_cli("import", plan, done.stdout.strip(), "--today", TODAY.isoformat())
    assert again.returncode == 0 and "aucun changement" in again.stdout, again.stdout + again.stderr


def test_extreme_values_survive_a_libreoffice_resave(tmp_path: Path) -> None:
    """Eight plans of edge dates and figures, re-saved by LibreOffice in one run, import as no change."""
    rng = random.Random(15)
    folder = tmp_path / "plans"
    folder.mkdir()
    plans = []
    for number in range(8):
        actions = [(rng.choice(EDGE_DATES), rng.choice(EDGE_DATES), rng.choice([None, *EDGE_DATES])) for _ in range(3)]
        log = rng.sample(EDGE_DATES, 3)
        kpi = list(zip(rng.sample(EDGE_DATES, 6), rng.sample(EDGE_FIGURES, 6), strict=True))
        plan = folder / f"bornes-{number}.yaml"
        plan.write_text(plan_text(actions, log, kpi), encoding="utf-8")
        document = store.load(plan)
        export(
            document.plan,
            folder / f"bornes-{number}.xlsx",
            plan_id=document.plan_id,
            file_name=plan.name,
            today=TODAY,
            lang="fr",
        )
        plans.append(plan)
    out = tmp_path / "lo"
    convert_with_libreoffice(sorted(folder.glob("*.xlsx")), out, "xlsx")  # one run for all: it starts in seconds
    for plan in plans:
        untouched_import_changes_nothing(plan, out / f"{plan.stem}.xlsx")


@pytest.mark.parametrize("figure", [1e14, 1e300, -1e300, 5e-324])
def test_a_figure_any_size_is_imported_from_a_new_row(tmp_path: Path, figure: float) -> None:
    """A client may type a figure as large or as small as the plan holds: it is a figure, not a date."""
    import openpyxl

    plan = tmp_path / "bornes.yaml"
    plan.write_text(plan_text([(TODAY, TODAY, None)], [], [(TODAY, 1.0)]), encoding="utf-8")
    done = run_cli("export", plan, "--today", TODAY.isoformat())
    book = Path(done.stdout.strip())
    workbook = openpyxl.load_workbook(book)
    workbook["Mesures"].append(["K1", dt.date(2025, 5, 13), figure])
    workbook.save(book)
    imported = run_cli("import", plan, book, "--today", TODAY.isoformat())
    assert imported.returncode == 0, imported.stderr
    assert store.load(plan).plan.kpi("K1").measurements[-1].value == figure
