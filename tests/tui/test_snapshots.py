"""What each tab looks like, at 120x40 with a fixed date (and the actions at 80x24).

Update on purpose with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planaction.tui.app import PlanactionApp
from tests.conftest import PLANS

pytestmark = pytest.mark.usefixtures("tabs_built_when_shown")

ONBOARDING = PLANS / "onboarding-client.yaml"
COOPERATION = PLANS / "siae-cooperation.yaml"
TODAY = dt.date(2026, 11, 23)


def app_for(path, *, lang=None, theme=None) -> PlanactionApp:
    return PlanactionApp(path, today=TODAY, lang=lang, theme=theme)


@pytest.mark.parametrize(
    ("key", "name"),
    [("1", "actions"), ("2", "dashboard"), ("3", "log"), ("4", "timeline"), ("5", "risks"), ("6", "kpis")],
)
def test_tab(snap_compare, key: str, name: str) -> None:
    assert snap_compare(app_for(ONBOARDING), press=[key, "down"] if key == "1" else [key], terminal_size=(120, 40))


def test_stakes_tree(snap_compare) -> None:
    assert snap_compare(app_for(COOPERATION), press=["0"], terminal_size=(120, 40))  # the tree is the last tab


def test_actions_in_english_light_theme(snap_compare) -> None:
    assert snap_compare(app_for(PLANS / "product-launch-en.yaml", theme="textual-light"), terminal_size=(120, 40))


def test_actions_at_80x24(snap_compare) -> None:
    assert snap_compare(app_for(ONBOARDING), terminal_size=(80, 24))


def test_portfolio(snap_compare, monkeypatch) -> None:
    monkeypatch.chdir(PLANS.parent)  # the folder shows as the user gave it: plans
    assert snap_compare(app_for(Path("plans"), lang="fr"), terminal_size=(120, 40))


def test_edit_form(snap_compare) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app_for(ONBOARDING), run_before=open_form, terminal_size=(120, 40))


def test_unsaved_at_80x24(snap_compare, tmp_path) -> None:
    """At 80 columns the unsaved-changes marker, q and esc stay in view (opened from a folder: esc goes back)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / ONBOARDING.name).write_bytes(ONBOARDING.read_bytes())
    assert snap_compare(app_for(folder, lang="fr"), press=["enter", "s"], terminal_size=(80, 24))


def test_timeline_of_a_long_plan_at_80x24(snap_compare, tmp_path) -> None:
    """A plan of several years opens on today, its labels at the left."""
    path = tmp_path / "long.yaml"
    actions = "\n".join(
        f"  - {{id: A{n}, title: Étape {n} du programme de transformation, owner: Ana,"
        f" start: {2023 + n}-01-01, due: {2023 + n}-12-31}}"
        for n in range(4)
    )
    path.write_text(f"schema: 1\ntitle: Programme long\nowner: Ana\nactions:\n{actions}\n", encoding="utf-8")
    assert snap_compare(app_for(path), press=["4"], terminal_size=(80, 24))
