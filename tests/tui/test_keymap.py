"""A keys.toml that cannot be used says so, with its file and line, and the keys keep their defaults.

A malformed file, an unknown binding id or a key Textual cannot read was
ignored without a word, or applied: ``cycle_status = "ctrl+"`` left the
status with no key at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planaction import store
from planaction.core.model import Status
from planaction.tui.forms.action import ActionForm
from planaction.tui.keys import is_key
from tests.tui.conftest import SIZE, make_app


def said(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


@pytest.mark.parametrize(
    ("toml", "where", "words"),
    [
        ('[keys]\nsave = "ctrl+s,f2"\ncycle_status = "t\n', ":3:", "TOML illisible"),
        ('[keys]\nsave = "f2"\ncycle_statuss = "t"\n', ":3:", "« cycle_statuss » n'est pas un identifiant"),
        ('[keys]\nsave = "f2"\ncycle_status = "ctrl+"\n', ":3:", "« ctrl+ » n'est pas une touche"),
        ('[keys]\nsave = "f2"\ncycle_status = ",,"\n', ":3:", "n'est pas une touche"),
        ('[keys]\nsave = "f2"\ncycle_status = 5\n', ":3:", "entre guillemets"),
        ('keys = "t"\n', ":1:", "écrivez [keys]"),
    ],
)
async def test_a_keymap_problem_is_said_with_its_line(
    plan_copy, tmp_path: Path, monkeypatch, toml, where, words
) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text(toml, encoding="utf-8")
    monkeypatch.setenv("PLANACTION_KEYS", str(keys))
    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        message = said(app)
        assert f"{keys}{where}" in message, message
        assert words in message, message
        await pilot.press("s")  # the status key kept its default
        assert app.screen.session.dirty
        await pilot.press("f2" if "f2" in toml and "TOML" not in words else "ctrl+s")
        await pilot.pause()
        assert not app.screen.session.dirty  # the good lines still apply (f2 saves)
    assert store.load(path).plan.action("A1").status == Status.TODO


async def test_an_unknown_id_suggests_the_closest(plan_copy, tmp_path: Path, monkeypatch) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\ncycle_statuss = "t"\n', encoding="utf-8")
    monkeypatch.setenv("PLANACTION_KEYS", str(keys))
    app = make_app(plan_copy("product-launch-en.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f'{keys}:2: "cycle_statuss" is not a binding id; did you mean "cycle_status"?' in said(app)


async def test_a_key_already_taken_is_said_and_both_keys_keep_working(plan_copy, tmp_path: Path, monkeypatch) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\ncycle_status = "e"\n', encoding="utf-8")
    monkeypatch.setenv("PLANACTION_KEYS", str(keys))
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"{keys}:2: « e » est déjà la touche de edit_action ; cycle_status garde sa touche" in said(app)
        await pilot.press("s")
        assert app.screen.session.dirty
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)  # Textual would have given "e" to the status, silently


async def test_swapping_two_keys_is_no_clash(plan_copy, tmp_path: Path, monkeypatch) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\ncycle_status = "e"\nedit_action = "s"\n', encoding="utf-8")
    monkeypatch.setenv("PLANACTION_KEYS", str(keys))
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert said(app) == ""
        await pilot.press("e")
        assert app.screen.session.dirty
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)


@pytest.mark.parametrize("key", ["t", "é", "ctrl+s", "f2", "plus", "slash", "shift+tab", "ctrl+shift+a", "+", "escape"])
def test_keys_textual_reads(key: str) -> None:
    assert is_key(key)


@pytest.mark.parametrize("key", ["", " ", "ctrl+", "ctl+s", "foo", "f99x", "ctrl++a", "\u00a0"])
def test_keys_textual_cannot_read(key: str) -> None:
    assert not is_key(key)
