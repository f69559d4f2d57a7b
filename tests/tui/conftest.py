"""Helpers for driving the real app with a Pilot on a copy of a plan."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planaction.tui.app import PlanactionApp
from tests.conftest import PLANS

TODAY = dt.date(2025, 5, 12)
SIZE = (120, 40)

KEY_NAMES = {
    " ": "space",
    "/": "slash",
    "-": "minus",
    "+": "plus",
    ":": "colon",
    "'": "apostrophe",
    ",": "comma",
    ".": "full_stop",
    "%": "percent_sign",
}


async def type_text(pilot, text: str) -> None:
    """Type text key by key, as a user would."""
    await pilot.press(*[KEY_NAMES.get(ch, ch) for ch in text])


@pytest.fixture
def plan_copy(tmp_path: Path):
    def copy(name: str = "support-it.yaml") -> Path:
        target = tmp_path / name
        shutil.copyfile(PLANS / name, target)
        return target

    return copy


@pytest.fixture(autouse=True)
def no_user_keymap(tmp_path: Path, monkeypatch) -> None:
    """Tests never read the keys.toml of whoever runs them."""
    monkeypatch.setenv("PLANACTION_KEYS", str(tmp_path / "no-keys.toml"))


def make_app(target: Path, *, today: dt.date = TODAY, lang: str | None = None) -> PlanactionApp:
    return PlanactionApp(target, today=today, lang=lang)


@pytest.fixture
def tabs_built_when_shown(monkeypatch):
    """The same screens however fast the machine: hidden tabs are built when shown, never at idle.

    (Built at idle, a tab draws the same; only a snapshot's hash of its styles can tell the difference.)"""
    from planaction.tui.screens import plan as plan_screen

    monkeypatch.setattr(plan_screen, "BUILD_DELAY", 3600)


async def discard_form(pilot) -> None:
    """Escape out of a form and discard what was typed (with something typed, the form asks first)."""
    from planaction.tui.widgets.questions import ChoiceModal

    await pilot.press("escape")
    await pilot.pause()
    if isinstance(pilot.app.screen, ChoiceModal):
        await pilot.click("#discard")
        await pilot.pause()
