"""One language at a time: no English word in the French interface, no French word in the English one.

The app is opened on each example plan, every tab is visited, each form, question and the palette
is opened, a wrong value is typed, a refusal and a few notifications are caused; what is drawn on the
screen is read as a person sees it and checked against words of the other language. Plan text is
data in its own language: the words listed are the interface's (keys, headings, labels, prompts),
chosen so that none of them is in the example plans' text.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Tooltip

from planaction.tui.forms.base import FormScreen
from planaction.tui.screens.plan import PlanScreen
from tests.conftest import PLANS
from tests.tui.conftest import make_app, type_text

#: English words of an interface (Textual's own included), whole words, case as drawn.
ENGLISH = (
    "Select", "Save", "Saved", "Cancel", "Quit", "Back", "Add", "Edit", "Delete", "Status", "Filter",
    "Search", "Undo", "Redo", "Owner", "Due", "Title", "Priority", "Theme", "Measure", "None", "unsaved",
    "Open", "Close", "Done", "In progress", "To do", "Blocked", "Overdue", "Health", "Risks", "Dashboard",
    "Timeline", "Stakes", "Progress", "No matches", "commands", "Page up", "Light", "Dark", "Week of",
    "Import", "Export", "Start", "Comment", "Result", "Date", "Value", "High", "Medium", "Low", "Green",
    "Amber", "Red", "must", "should", "invalid", "Nothing", "Keys", "Help", "Maximize", "Screenshot",
    "the", "and", "of", "is", "not", "with", "from", "slash", "minus", "Detail", "Sort", "Week", "Empty",
    "required", "To fix", "Measurement", "entry", "Tab", "Keep",
)  # fmt: skip
#: French words of an interface.
FRENCH = (
    "Choisir", "Enregistrer", "Quitter", "Retour", "Ajouter", "Modifier", "Supprimer", "Statut", "Filtrer",
    "Annuler", "Rétablir", "Responsable", "Échéance", "Titre", "Priorité", "Avancement", "Météo", "Suivi",
    "Risques", "Tableau", "Calendrier", "Enjeux", "Chercher", "modifié", "Terminé", "En cours", "À faire",
    "Élevé", "Élevée", "Moyen", "Moyenne", "Faible", "Vert", "Rouge", "Orange", "Aucun", "Aucune", "Oui",
    "Non", "Semaine", "Mesure", "Début", "Commentaire", "Résultat", "Valeur", "thème", "clair", "sombre",
    "le", "la", "les", "des", "du", "une", "est", "pas", "avec", "Trier", "obligatoire", "corriger", "Onglet",
    "Filtre", "Nouvelle", "Registre", "Garder", "Détail",
)  # fmt: skip

FRENCH_PLANS = sorted(p.name for p in PLANS.glob("*.yaml") if p.name != "product-launch-en.yaml")


def screen_text(app) -> str:
    """What the top screen draws (a modal's lines include what shows of the screen under it)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def plan_words(path: Path) -> set[str]:
    """Every word of the plan's own text: data, which may be in any language."""
    return set(re.findall(r"\w+", path.read_text(encoding="utf-8")))


def foreign(text: str, words: tuple[str, ...], allowed: set[str]) -> list[str]:
    """The words of ``words`` drawn in ``text``, whole (a word cut with "…" is plan text cut short)."""
    text = re.sub(r"\S*/\S*", " ", text)  # file paths (the saved file's) are data too
    allowed_folded = {w.casefold() for w in allowed}
    found = []
    for word in words:
        if " " not in word and word.casefold() in allowed_folded:
            continue  # the plan's own text uses it
        if re.search(rf"(?<![\w…]){re.escape(word)}(?![\w…])", text):
            found.append(word)
    return found


class Seen:
    """Screens read along the way, each with where it was seen."""

    def __init__(self, app) -> None:
        self.app = app
        self.texts: list[tuple[str, str]] = []

    def __call__(self, where: str) -> None:
        self.texts.append((where, screen_text(self.app)))


async def until(pilot, condition, what: str, at_most: float = 10.0) -> None:
    """Pause until ``condition()`` holds (what a timer of Textual's shows), then until the screen is
    drawn: no longer than needed, where a fixed pause always waited its whole length."""
    deadline = time.monotonic() + at_most
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} was not shown after {at_most} s")
        await pilot.pause(0.05)
    await pilot.pause()


def tooltip_shown(app) -> bool:
    return app.screen.query_one(Tooltip).display


def palette_says_no_match(app) -> bool:
    """The palette's "No matches found" line, which Textual adds half a second after the search."""
    if not isinstance(app.screen, CommandPalette):
        return False
    found = app.screen.query_one(CommandList)
    return found.option_count > 0 and found.get_option_at_index(0).id == CommandPalette._NO_MATCHES


async def walk(path: Path, lang: str) -> list[tuple[str, str]]:
    """Every tab, form, question and the palette, in ``lang``; the screens as drawn."""
    app = make_app(path, today=dt.date(2026, 11, 23), lang=lang)
    async with app.run_test(size=(120, 60), notifications=True, tooltips=True) as pilot:
        seen = Seen(app)
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        for number in range(1, len(screen.shown_tabs()) + 1):
            await pilot.press(str(number))
            await pilot.pause(0.2)
            seen(f"tab {number}")
        await pilot.press("1")
        await pilot.pause(0.1)
        for key in ("a", "e", "l"):
            await pilot.press(key)
            await pilot.pause(0.2)
            seen(f"form {key}")
            if isinstance(app.screen, FormScreen):
                await pilot.press("tab", "tab", "tab")  # a field left with a wrong value says why
                await type_text(pilot, "zz%")
                await pilot.press("ctrl+s")
                await pilot.pause(0.2)
                seen(f"form {key} refused")
            while app.screen is not screen:
                await pilot.press("escape")
                await pilot.pause(0.1)
        await pilot.press("d")  # the question, then its refusal or the delete
        await pilot.pause(0.2)
        seen("delete question")
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("slash")
        await type_text(pilot, "zzqq")
        await pilot.pause(0.2)
        seen("filter with no match")
        await pilot.press("escape", "escape")
        await pilot.press("s", "plus", "ctrl+s")  # an edit, its marker, and the save's notification
        await pilot.pause(0.3)
        seen("saved")
        await pilot.press("ctrl+z", "ctrl+y", "ctrl+y", "ctrl+c")  # nothing to redo; how to quit
        await pilot.pause(0.2)
        seen("notifications")
        if screen.plan.kpis:
            await pilot.press(str(1 + [t.id for t in screen.shown_tabs()].index("kpis")), "m")
            await pilot.pause(0.2)
            seen("measure form")
            while app.screen is not screen:
                await pilot.press("escape")
                await pilot.pause(0.1)
        await pilot.hover("HeaderIcon")
        await until(pilot, lambda: tooltip_shown(app), "the header's tooltip")
        seen("header tooltip")
        await pilot.press("1", "ctrl+p")
        await pilot.pause(0.3)
        seen("palette")
        await type_text(pilot, "zzqqxx")
        await until(pilot, lambda: palette_says_no_match(app), "the palette's no match")
        seen("palette without a match")
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("q")  # unsaved edits: the question
        await pilot.pause(0.2)
        seen("quit question")
    return seen.texts


@pytest.mark.parametrize("name", FRENCH_PLANS)
async def test_no_english_in_the_french_interface(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(PLANS / name, path)
    allowed = plan_words(path)
    problems = {where: found for where, text in await walk(path, "fr") if (found := foreign(text, ENGLISH, allowed))}
    assert problems == {}


async def test_no_french_in_the_english_interface(tmp_path: Path) -> None:
    path = tmp_path / "product-launch-en.yaml"
    shutil.copyfile(PLANS / path.name, path)
    allowed = plan_words(path)
    problems = {where: found for where, text in await walk(path, "en") if (found := foreign(text, FRENCH, allowed))}
    assert problems == {}


async def test_a_french_plan_shown_in_english_has_no_french_interface(tmp_path: Path) -> None:
    """--lang en on a French plan: the plan's text stays French, the interface is English."""
    path = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / path.name, path)
    allowed = plan_words(path)
    problems = {where: found for where, text in await walk(path, "en") if (found := foreign(text, FRENCH, allowed))}
    assert problems == {}


def test_labels_agree_with_their_noun(tmp_path: Path) -> None:
    """ "Priorité élevée", "1 action dans les temps", "1 / 1 action": counts and labels agree."""
    from planaction import store
    from planaction.core.model import Level
    from planaction.core.rules import Why
    from planaction.present import views
    from planaction.tui.tabs.actions import action_columns
    from planaction.words.labels import explain, level_label

    assert level_label(Level.HIGH, "fr", feminine=True) == "Élevée"
    assert level_label(Level.MEDIUM, "fr", feminine=True) == "Moyenne"
    assert level_label(Level.HIGH, "fr", feminine=False) == "Élevé"  # an impact
    assert level_label(Level.HIGH, "en", feminine=True) == "High"
    plan = store.load(PLANS / "essms-qualite.yaml").plan
    rows = {row.id: row for row in (views.action_row(a, dt.date(2026, 11, 23), "fr") for a in plan.actions)}
    priority = next(column for column in action_columns("fr") if column.key == "priority")
    assert priority.cell(rows["A1"])[0] == "Élevée" and priority.cell(rows["A5"])[0] == "Moyenne"
    assert rows["A1"].priority_text == "Élevé"  # the workbook's list keeps the scale's own labels
    assert explain(Why.of("all_on_track", total=1), "fr") == "1 action dans les temps"
    assert explain(Why.of("all_on_track", total=1), "en") == "1 action on track"
    assert explain(Why.of("all_on_track", total=3), "fr") == "les 3 actions sont dans les temps"
    assert explain(Why.of("share_red", red=1, total=1, ids="A1"), "en") == "1 of 1 action red (A1)"


async def test_one_action_is_counted_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("schema: 1\ntitle: Un\nowner: Ana\nactions:\n  - {id: A1, title: Seule, owner: Ana}\n", "utf-8")
    app = make_app(path, lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "1 / 1 action " in screen_text(app) + " "
        assert "1 / 1 actions" not in screen_text(app)
