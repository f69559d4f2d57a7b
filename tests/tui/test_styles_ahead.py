"""The styles of forms, questions and the palette are read while the app waits, not when a key opens them.

Textual parses its stylesheet again the first time a widget class is mounted; ``styles_ahead`` reads
those classes' styles once the plan or the portfolio is drawn. If a form gains a kind of widget
that ``AHEAD`` does not list, its first opening pays for the parse again: these tests name it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.css.stylesheet import Stylesheet

from planaction.tui.screens import styles_ahead
from tests.conftest import PLANS
from tests.tui.conftest import SIZE, make_app


def sources(app) -> set:
    stylesheet: Stylesheet = app.stylesheet
    return set(stylesheet.source)


async def settle(pilot) -> None:
    """Until the styles are read ahead and the hidden tabs built (both once the app is idle)."""
    from planaction.tui.widgets.later import Later

    await pilot.pause(styles_ahead.DELAY + 0.1)
    for _ in range(100):
        if not [w for w in pilot.app.screen.query(Later) if not w.revealed]:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def test_opening_forms_questions_and_the_palette_reads_no_new_style(plan_copy) -> None:
    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        read = sources(app)
        opened = [("e",), ("a",), ("d",), ("5", "a"), ("7", "e"), ("8", "a"), ("3", "a"), ("ctrl+p",)]
        for keys in opened:
            for key in ("escape", "1", *keys) if keys[0] != "e" else keys:
                await pilot.press(key)
                await pilot.pause()
            assert app.screen.is_modal, keys
            new = sources(app) - read
            assert not new, f"{keys} read {sorted(where for _file, where in new)}: add them to styles_ahead.AHEAD"
            await pilot.press("escape")
            await pilot.pause()


async def test_the_new_plan_form_reads_no_new_style(tmp_path: Path) -> None:
    shutil.copyfile(PLANS / "support-it.yaml", tmp_path / "support-it.yaml")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        read = sources(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.is_modal
        new = sources(app) - read
        assert not new, f"the new plan form read {sorted(where for _file, where in new)}"


async def test_without_the_reading_ahead_a_form_would_read_them(plan_copy, monkeypatch) -> None:
    """The check above can fail: with nothing read ahead, the first form reads its widgets' styles."""
    monkeypatch.setattr(styles_ahead, "AHEAD", ())
    app = make_app(plan_copy("onboarding-client.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        read = sources(app)
        await pilot.press("e")
        await pilot.pause()
        assert {where for _file, where in sources(app) - read} >= {"TextArea.DEFAULT_CSS", "Select.DEFAULT_CSS"}
