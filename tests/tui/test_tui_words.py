"""Every word of the app comes from words/: no inline French/English pair left in tui/, every key
the app asks for is in the catalogue, and Textual's own English is replaced in the palette."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from textual.command import CommandInput, CommandList

import planaction.tui
from planaction.tui import tabs
from planaction.words.tui import say
from tests.tui.conftest import SIZE, make_app

TUI = Path(planaction.tui.__file__).parent
SOURCES = sorted(TUI.rglob("*.py"))
#: Textual's own system commands and palette text (English whatever the plan's language).
TEXTUAL_ENGLISH = ("Keys", "Maximize", "Minimize", "Screenshot", "Theme", "Quit", "Search for commands")


def _is_words(node: ast.AST) -> bool:
    """A literal sentence: a string or f-string with letters in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    return isinstance(node, ast.JoinedStr)


def test_no_inline_translation_in_tui() -> None:
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # "texte" if lang == "fr" else "text"
            is_fr = isinstance(node, ast.IfExp) and "'fr'" in ast.unparse(node.test)
            if is_fr and (_is_words(node.body) or _is_words(node.orelse)):
                found.append(f"{path.name}:{node.lineno}")
            # t("texte", "text") / _t(lang, "texte", "text")
            if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] in ("t", "_t"):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_every_key_the_app_says_is_in_the_catalogue() -> None:
    """Each ``say("key")`` of the app names a sentence of the catalogue that ``say`` comes from."""
    missing = []
    asked_tui = {f"tab_{tab.id}" for tab in tabs.TABS}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        catalogs = {}  # local name -> the words module its say comes from
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("planaction.words."):
                for alias in node.names:
                    if alias.name == "say":
                        catalogs[alias.asname or "say"] = importlib.import_module(node.module).say
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in catalogs:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    catalog = catalogs[node.func.id]
                    if catalog is say:
                        asked_tui.add(first.value)
                    elif first.value not in catalog:
                        missing.append(f"{path.name}: {first.value}")
    assert len(asked_tui) > 50, "the scan found few say() calls: it no longer reads the sources"
    assert sorted(key for key in asked_tui if key not in say) == []
    assert missing == []


async def _palette_texts(path: Path, lang: str | None) -> tuple[str, list[str]]:
    app = make_app(path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette = app.screen
        placeholder = str(palette.query_one(CommandInput).placeholder)
        options = palette.query_one(CommandList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        await pilot.press("escape")
        await pilot.pause()
    return placeholder, titles


async def test_french_palette_has_no_english_system_command(plan_copy) -> None:
    placeholder, titles = await _palette_texts(plan_copy(), None)  # support-it.yaml is a French plan
    assert placeholder == "Chercher une commande…"
    assert "Quitter" in {title.split("\n")[0] for title in titles}
    assert "Thème…" in {title.split("\n")[0] for title in titles}
    english = [t for t in titles if t.split("\n")[0].split(" (")[0] in TEXTUAL_ENGLISH]
    assert english == []


async def test_english_palette_speaks_english(plan_copy) -> None:
    placeholder, titles = await _palette_texts(plan_copy(), "en")
    assert placeholder == "Search for commands…"
    firsts = {title.split("\n")[0] for title in titles}
    assert {"Quit", "Theme…", "Light / dark theme"} <= firsts
    assert not {"Keys", "Screenshot", "Maximize"} & firsts


async def test_theme_list_placeholder_follows_the_language(plan_copy) -> None:
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE) as pilot:
        app.action_change_theme()
        await pilot.pause(0.3)
        assert str(app.screen.query_one(CommandInput).placeholder) == "Chercher un thème…"


async def test_no_palette_line_shows_an_internal_action_name(plan_copy) -> None:
    """The help line under a command was the binding's action ("progress(10)", "undo"): code, not words."""
    _placeholder, titles = await _palette_texts(plan_copy(), None)
    app = make_app(plan_copy())
    async with app.run_test(size=SIZE):
        actions = {binding.action for _key, binding in app.screen._bindings}
    assert actions, "no binding read: the test no longer sees the screen's keys"
    lines = {line.strip() for title in titles for line in title.split("\n")[1:]}
    assert sorted(lines & actions) == []


async def test_a_levels_french_agrees_with_its_noun(plan_copy) -> None:
    """ "Priorité élevée", "probabilité élevée", but "impact élevé": the choices of the action form and of the
    risk form agree with the field they fill; in English a level is one word."""
    from textual.widgets import Select

    async def choices(lang: str | None) -> dict[str, list[str]]:
        app = make_app(plan_copy(), lang=lang) if lang else make_app(plan_copy())
        found: dict[str, list[str]] = {}
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            found["priority"] = [str(text) for text, _ in app.screen.query_one("#f-priority", Select)._options][1:]
            await pilot.press("escape", "5", "a")
            await pilot.pause()
            for key in ("probability", "impact"):
                found[key] = [str(text) for text, _ in app.screen.query_one(f"#f-{key}", Select)._options]
                found[key] = [
                    text for text in found[key] if text.strip() and not text.startswith(("Sélection", "Select"))
                ]
        return found

    french = await choices(None)
    assert french["priority"] == ["Faible", "Moyenne", "Élevée"]
    assert french["probability"] == ["Faible", "Moyenne", "Élevée"]
    assert french["impact"] == ["Faible", "Moyen", "Élevé"]
    english = await choices("en")
    assert english["priority"] == english["probability"] == english["impact"] == ["Low", "Medium", "High"]
