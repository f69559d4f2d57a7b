"""Readable at any size: what the plan screen keeps in view at 120x40 and 80x24.

The screen's text is read as a person sees it (the compositor's lines), not from the widgets' state:
a key listed in the footer but drawn past the edge is a key no one sees.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from textual.widgets import TabbedContent, TabPane

from planaction.tui import tabs
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.frame import fit_title
from planaction.tui.widgets.line_table import LineTable
from planaction.tui.widgets.stakes_tree import StakesTree
from planaction.tui.widgets.timeline import TimelineView
from tests.conftest import PLANS
from tests.tui.conftest import make_app

ONBOARDING = "onboarding-client.yaml"


def screen_lines(app) -> list[str]:
    """The screen as drawn, one string per terminal line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def column_width(table: LineTable, key: str) -> int:
    visible, widths = table._layout(table.size.width)
    return dict(zip([c.key for c in visible], widths, strict=True)).get(key, 0)


async def test_the_title_takes_the_free_width_at_120(plan_copy) -> None:
    app = make_app(plan_copy(ONBOARDING), today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#action-table", LineTable)
        detail = app.screen.query_one("#detail")
        assert not detail.display  # beside the table from 140 columns only
        assert column_width(table, "title") >= 40  # was 19 beside a 32-cell detail pane
        # every column, but the priority score, which shows only while the title keeps 40 cells
        assert [c.key for c in table._layout(table.size.width)[0]] == [c.key for c in table.columns if c.key != "score"]
        await pilot.press("i")  # the detail pane asked for: the least useful columns leave, the title stays wide
        await pilot.pause()
        assert detail.display
        assert column_width(table, "title") >= 30
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert detail.display


async def test_the_priority_score_shows_when_the_title_keeps_its_room_and_a_plan_rates_actions(plan_copy) -> None:
    rated = make_app(plan_copy(ONBOARDING), today=dt.date(2026, 11, 23))
    async with rated.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        table = rated.screen.query_one("#action-table", LineTable)
        assert "score" in [c.key for c in table._layout(table.size.width)[0]]
        assert column_width(table, "title") >= 40
        score = next(c for c in table.columns if c.key == "score")
        assert {score.cell(row)[0] for row in table.rows} >= {"6,7"}  # impact 5 x urgency 4 / effort 3
    unrated = make_app(plan_copy("support-it.yaml"))
    async with unrated.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        table = unrated.screen.query_one("#action-table", LineTable)
        assert "score" not in [c.key for c in table._layout(table.size.width)[0]]


async def test_at_140_columns_the_detail_shows_beside_a_wide_title(plan_copy) -> None:
    app = make_app(plan_copy(ONBOARDING), today=dt.date(2026, 11, 23))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#detail").display
        assert column_width(app.screen.query_one("#action-table", LineTable), "title") >= 30


@pytest.mark.parametrize(
    ("name", "marker", "keys"),
    [
        (ONBOARDING, "● modifié", ("q Quitter", "esc Retour", "^s Enregistrer")),
        ("product-launch-en.yaml", "● unsaved", ("q Quit", "esc Back", "^s Save")),
    ],
)
async def test_at_80x24_the_marker_and_the_ways_out_stay_visible(
    tmp_path: Path, name: str, marker: str, keys: tuple[str, ...]
) -> None:
    shutil.copyfile(PLANS / name, tmp_path / name)
    app = make_app(tmp_path, today=dt.date(2026, 11, 23))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # from the portfolio: esc goes back to it
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("s")  # an unsaved edit
        await pilot.pause(0.2)
        for number in range(1, len(app.screen.shown_tabs()) + 1):
            await pilot.press(str(number))
            await pilot.pause(0.1)
            lines = screen_lines(app)
            assert marker in lines[0], lines[0]
            assert app.screen.session.path.name in lines[0]
            for key in keys:
                assert key in lines[-1], (number, lines[-1])
        await pilot.resize_terminal(120, 40)  # wider: the keys left out come back
        await pilot.press("1")
        await pilot.pause(0.2)
        assert len(screen_lines(app)[-1].split()) > len(" ".join(keys).split()) + 6


def test_the_title_gives_way_to_the_file_name_and_the_marker() -> None:
    title, sub = "Plan d'intégration client — Mutuelle Horizon (T0 → T+90)", "onboarding-client.yaml ● modifié"
    assert fit_title(title, sub, 200) == (title, sub)
    short_title, kept = fit_title(title, sub, 62)
    assert kept == sub and short_title.endswith("…") and len(short_title) + 3 + len(sub) <= 62
    tiny_title, tiny_sub = fit_title(title, sub, 30)
    assert tiny_sub.endswith("● modifié") and len(tiny_title) + 3 + len(tiny_sub) <= 30


def years_plan(years: int) -> str:
    """A plan of ``years`` years, one action a year, today in its middle."""
    actions = "\n".join(
        f"  - {{id: A{n}, title: Étape {n} du long programme de transformation, owner: Ana,"
        f" start: {2000 + n}-01-01, due: {2000 + n}-12-31}}"
        for n in range(years)
    )
    return (
        "schema: 1\ntitle: Programme long\nowner: Ana\n"
        f"period: {{start: 2000-01-01, end: {2000 + years - 1}-12-31}}\nactions:\n{actions}\n"
    )


async def test_the_timeline_opens_on_today_and_keeps_its_labels(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(years_plan(6), encoding="utf-8")
    today = dt.date(2003, 6, 2)
    app = make_app(path, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        timeline = app.screen.query_one(TimelineView)
        for _ in range(30):  # the pane fills once shown, then scrolls after its first layout
            await pilot.pause(0.1)
            if timeline.scroll_x > 0:
                break
        assert timeline.scroll_x > 0  # not the plan's first weeks: today
        label = timeline.label_width
        ticks = timeline.render_line(1).text
        assert "│" in ticks[label:]  # today's mark is in view
        for key in ("right",) * 30 + ("end",) + ("left",) * 10:
            await pilot.press(key)
        await pilot.pause()
        assert timeline.scroll_x > 0
        for y in range(2, 2 + 6):
            line = timeline.render_line(y).text
            assert line.startswith(f"A{y - 2} Étape"), line  # the labels stay while the scale scrolls
            assert "…" in line[:label]


@pytest.mark.parametrize("years", [5000])
async def test_a_timeline_of_millennia_scrolls_without_freezing(tmp_path: Path, years: int) -> None:
    far = (
        "schema: 1\ntitle: Millénaires\nowner: Ana\nperiod: {start: 0001-01-01, end: 9999-12-31}\nactions:\n"
        "  - {id: A1, title: Début, owner: Ana, start: 0001-01-01, due: 0001-01-02}\n"
        "  - {id: A2, title: Milieu, owner: Ana, start: 2025-01-01, due: 2025-12-31}\n"
        "  - {id: A3, title: Fin, owner: Ana, start: 5000-01-01, due: 9999-12-31}\n"
    )
    assert years == 5000  # 0001 -> 9999, and a 5000-year action
    path = tmp_path / "far.yaml"
    path.write_text(far, encoding="utf-8")
    app = make_app(path, today=dt.date(2025, 5, 12))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause(0.3)
        timeline = app.screen.query_one(TimelineView)
        slowest = 0.0
        for key in ("end", "home", "home", *("right",) * 20, "end", *("left",) * 20, "pagedown", "pageup"):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            slowest = max(slowest, time.perf_counter() - started)
        assert slowest < 5.0  # a freeze, not slowness (bench/bench_app.py measures speed; two workers per core)
        timeline.scroll_to(x=timeline.max_scroll_x, animate=False)
        await pilot.pause()
        right = [timeline.render_line(y).text for y in range(2, 5)]
        assert right[0].startswith("A1 Début") and right[2].startswith("A3 Fin")
        assert "▶ 31/12/9999" in right[2]
        timeline.scroll_to(x=0, animate=False)
        await pilot.pause()
        assert "01/01/0001 ◀" in timeline.render_line(2).text


async def test_the_stakes_tree_cuts_long_labels_with_an_ellipsis(plan_copy) -> None:
    app = make_app(plan_copy("siae-cooperation.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")  # the tenth tab
        await pilot.pause(0.3)
        tree = app.screen.query_one(StakesTree)
        assert tree.virtual_size.width <= tree.scrollable_content_region.width  # nothing past the edge
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        assert any(line.endswith("…") for line in lines)
        assert all(len(line) <= tree.size.width for line in lines)


async def test_the_stakes_tab_only_for_plans_with_stakes(plan_copy, monkeypatch) -> None:
    app = make_app(plan_copy("support-it.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panes = [p.id for p in app.screen.query_one("#tabs", TabbedContent).query(TabPane)]
        assert "tree" not in panes
        titles = [title for title, _help, _run in app.screen.palette_commands()]
        assert not any(title.startswith("Onglet") and "Enjeux" in title for title in titles)
        await pilot.press("0")  # no tenth tab: nothing happens
        await pilot.pause()
        assert app.screen.query_one("#tabs", TabbedContent).active == "actions"
    # a hidden tab before others: the digits follow the tabs shown, not the registry
    reordered = (tabs.BY_ID["actions"], tabs.BY_ID["tree"], *[t for t in tabs.TABS if t.id not in ("actions", "tree")])
    monkeypatch.setattr(tabs, "TABS", reordered)
    app = make_app(plan_copy("support-it.yaml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panes = [p.id for p in app.screen.query_one("#tabs", TabbedContent).query(TabPane)]
        assert panes[:2] == ["actions", "dashboard"]
        for number, pane in enumerate(panes, 1):
            await pilot.press(str(number))
            await pilot.pause()
            assert app.screen.query_one("#tabs", TabbedContent).active == pane


@pytest.mark.parametrize("name", ["essms-qualite.yaml", "onboarding-client.yaml"])
async def test_at_80x24_every_table_fits_and_cuts_with_an_ellipsis(plan_copy, name: str) -> None:
    app = make_app(plan_copy(name), today=dt.date(2026, 11, 23))
    async with app.run_test(size=(80, 24)) as pilot:
        for number in range(1, len(app.screen.shown_tabs()) + 1):
            await pilot.press(str(number))
            await pilot.pause(0.2)
            for table in app.screen.query(LineTable):
                if not table.display or not table.size.width:
                    continue
                assert table.virtual_size.width <= table.size.width, (number, table.id)  # nothing past the edge
                if table.rows:
                    line = table.render_line(1).text
                    assert len(line) <= table.size.width
        lines = screen_lines(app)
        assert any("…" in line for line in lines)


async def test_at_80x24_the_dashboard_keeps_each_kpi_and_the_progress_on_one_line(plan_copy) -> None:
    app = make_app(plan_copy("essms-qualite.yaml"), today=dt.date(2026, 10, 5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        kpis = app.screen.query_one("#card-kpis")
        assert kpis.size.height == len(app.screen.plan.kpis)  # one line each (the border aside)
        weather = app.screen.query_one("#card-weather")
        assert any("Avancement" in line and line.rstrip().endswith("%") for line in str(weather.render()).splitlines())
