"""Closed plans: ``close`` / ``reopen`` write two lines and take them back; a closed plan reminds no one
(``due``, ``ics``), leaves the portfolio's default view (a filter shows it), its report says closed,
and the app's header form closes it as a field like any other."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import icalendar

from planaction import store
from planaction.present import portfolio as views
from tests.conftest import PLANS, run_cli

TODAY = "2026-12-06"
OVERDUE = "schema: 1\ntitle: Vieux plan\nowner: Ana\nactions:\n  - id: A1\n    title: Former\n    owner: Léo\n    due: 2025-06-01\n"


def write(tmp_path: Path, text: str = OVERDUE, name: str = "vieux.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_close_writes_status_and_date_and_reopen_takes_them_back(tmp_path: Path) -> None:
    path = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", path)
    before = path.read_text(encoding="utf-8")
    done = run_cli("close", path, "--on", "2025-07-01")
    assert done.returncode == 0, done.stderr
    assert "01/07/2025" in done.stdout  # the plan's language (French)
    after = path.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["status: closed", "closed_on: 2025-07-01"]
    assert len(after.splitlines()) == len(before.splitlines()) + 2
    plan = store.load(path).plan
    assert plan.closed and plan.closed_on == dt.date(2025, 7, 1)
    assert run_cli("reopen", path).returncode == 0
    assert path.read_text(encoding="utf-8") == before
    again = run_cli("reopen", path)  # reopening an open plan changes nothing, and says so
    assert again.returncode == 0 and "nothing to change" in again.stderr
    assert path.read_text(encoding="utf-8") == before


def test_close_defaults_to_today_and_refuses_a_bad_date(tmp_path: Path) -> None:
    path = write(tmp_path)
    bad = run_cli("close", path, "--on", "2025-13-01")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    assert "status" not in path.read_text(encoding="utf-8")
    assert run_cli("close", path, "--today", "2026-01-02").returncode == 0
    assert store.load(path).plan.closed_on == dt.date(2026, 1, 2)


def test_french_words_for_the_status_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, OVERDUE.replace("owner: Ana\n", "owner: Ana\nstatus: Clos\n"))
    assert store.load(path).plan.closed


def test_a_closed_plan_reminds_no_one(tmp_path: Path) -> None:
    path = write(tmp_path)
    other = write(tmp_path, OVERDUE.replace("Vieux plan", "Plan vivant").replace("Léo", "Zoé"), "vivant.yaml")
    due = run_cli("due", tmp_path, "--today", TODAY, "--format", "json")
    assert {p["name"] for p in json.loads(due.stdout)["people"]} == {"Léo", "Ana", "Zoé"} - {"Ana"}
    assert run_cli("close", path, "--on", "2025-07-01").returncode == 0
    due = run_cli("due", tmp_path, "--today", TODAY, "--format", "json")
    assert [p["name"] for p in json.loads(due.stdout)["people"]] == ["Zoé"]
    out = tmp_path / "cal.ics"
    assert run_cli("ics", path, "-o", out, "--today", TODAY).returncode == 0
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events and not any(e.walk("VALARM") for e in events)
    assert other.exists()


def test_the_report_says_closed(tmp_path: Path) -> None:
    path = write(tmp_path, OVERDUE.replace("owner: Ana\n", "owner: Ana\nstatus: closed\nclosed_on: 2025-07-01\n"))
    text = run_cli("report", path, "--today", TODAY, "--format", "text").stdout
    assert "CLOS LE 01/07/2025" in text
    markdown = run_cli("report", path, "--today", TODAY, "--format", "markdown").stdout
    assert "**Clos le 01/07/2025**" in markdown
    data = json.loads(run_cli("report", path, "--today", TODAY, "--format", "json").stdout)
    assert (data["status"], data["closed_on"]) == ("closed", "2025-07-01")
    english = write(tmp_path, OVERDUE.replace("owner: Ana\n", "language: en\nowner: Ana\nstatus: closed\n"), "en.yaml")
    assert "CLOSED" in run_cli("report", english, "--today", TODAY, "--format", "text").stdout


def test_the_portfolio_hides_closed_plans_unless_asked(tmp_path: Path) -> None:
    today = dt.date(2026, 12, 6)
    closed = write(tmp_path, OVERDUE.replace("owner: Ana\n", "owner: Ana\nstatus: closed\nclosed_on: 2025-07-01\n"))
    alive = write(tmp_path, OVERDUE.replace("Vieux", "Vivant"), "vivant.yaml")
    rows = [views.portfolio_row(p, store.load(p).plan, "", today, "fr") for p in (closed, alive)]
    shown = views.filter_rows(rows, views.PortfolioFilter())
    assert [r.path for r in shown] == [alive]
    assert views.hidden_note(rows, views.PortfolioFilter(), "fr") == " · 1 plan clos masqué"
    everything = views.PortfolioFilter(closed=True)
    assert [r.path for r in views.filter_rows(rows, everything)] == [closed, alive]
    assert views.hidden_note(rows, everything, "fr") == ""
    assert rows[0].rag is None and rows[0].rag_text == "Clos le 01/07/2025"  # no live RAG for a plan done with
    assert rows[1].rag is not None


async def test_the_header_form_closes_the_plan(tmp_path: Path) -> None:
    """A person opens the Plan tab, edits the header, picks Clos and a date, saves: two lines in the file."""
    from planaction.tui.screens.plan import PlanScreen
    from tests.tui.conftest import SIZE, make_app
    from tests.tui.test_registers import focus_field, keys

    path = tmp_path / "onboarding-client.yaml"
    shutil.copyfile(PLANS / "onboarding-client.yaml", path)
    before = path.read_text(encoding="utf-8").splitlines()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("home", "e")
        await pilot.pause()
        await focus_field(pilot, "status")
        await pilot.press("enter")  # opens the select's list: Ouvert, Clos
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await focus_field(pilot, "closed_on")
        await pilot.press(*keys("01/07/2026"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = path.read_text(encoding="utf-8").splitlines()
    assert [line for line in after if line not in before] == ["status: closed", "closed_on: 2026-07-01"]
    assert len(after) == len(before) + 2


async def test_the_palette_shows_and_hides_closed_plans() -> None:
    """The example folder holds two closed plans (a move, a previous stage): hidden, said on the status line, shown from the palette."""
    from textual.widgets import Static

    from planaction.tui.widgets.line_table import LineTable
    from tests.tui.conftest import SIZE, make_app
    from tests.tui.test_portfolio_new import palette

    app = make_app(PLANS, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#portfolio-table", LineTable)
        assert "demenagement-2024.yaml" not in [r.path.name for r in table.rows]
        assert "8 plans · 2 plans clos masqués" in str(app.screen.query_one("#portfolio-status", Static).render())
        await palette(pilot, "plans clos")
        assert "demenagement-2024.yaml" in [r.path.name for r in table.rows]
        row = next(r for r in table.rows if r.path.name == "demenagement-2024.yaml")
        assert row.rag_text == "Clos le 04/10/2024"
        await palette(pilot, "masquer les plans clos")
        assert "demenagement-2024.yaml" not in [r.path.name for r in table.rows]
