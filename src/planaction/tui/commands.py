"""The command palette: its commands, shown as plain text, in the plan's language.

Textual's own provider turns every title and help line into markup, and
Textual markup has no exact escape (a backslash before a bracket, a trailing
backslash, ``[/`` all change the text). Palette titles carry plan text, an
action's title or an owner's name, so this provider hands the palette
``Content`` objects, which it shows as they are.

Textual's own system commands (Keys, Maximize, Screenshot, its Quit that loses unsaved work)
and its English placeholders are replaced: ``system_commands`` is what the app offers besides
the screen's commands, and ``palette``/``theme_palette`` open the palette with words from
``words/tui.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits
from textual.content import Content
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from planaction.words import interface
from planaction.words.safetext import one_line
from planaction.words.tui import say

#: The palette's id in Textual (``CommandPalette.is_open`` looks for it).
PALETTE_ID = "--command-palette"


class PlainTextCommands(SystemCommandsProvider):
    """The app's system commands (``App.get_system_commands``), never parsed as markup."""

    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda command: command[0])
        for name, help_text, callback, discover in commands:
            if discover:
                title = one_line(name)
                yield DiscoveryHit(Content(title), callback, text=title, help=_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            title = one_line(name)
            score, offsets = matcher.fuzzy_search.match(query, title)
            if score > 0:
                display = Content(title)
                for offset in offsets:
                    if not title[offset].isspace():
                        display = display.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, display, callback, text=title, help=_help(help_text))


def _help(text: str) -> Content | None:
    """The help line under a command: plain text too (the palette parses a string as markup)."""
    return Content(one_line(text)) if text else None


class Palette(CommandPalette):
    """Textual's palette, its "No matches found" in the interface's language.

    Textual adds that line itself, in English, half a second after a search finds nothing; this
    palette adds the same disabled line with its own words (Textual pinned: the hook is private).
    """

    def __init__(self, lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(interface.say("no_matches", self.lang), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def palette(lang: str) -> CommandPalette:
    """The command palette, its search field's placeholder in ``lang``."""
    return Palette(lang, placeholder=say("palette_placeholder", lang), id=PALETTE_ID)


def theme_palette(lang: str) -> CommandPalette:
    """Textual's list of themes, its placeholder in ``lang``."""
    return Palette(lang, providers=[ThemeProvider], placeholder=say("theme_placeholder", lang))


def system_commands(
    lang: str, *, toggle_theme: Callable[[], object], change_theme: Callable[[], object], quit: Callable[[], object]
) -> Iterator[SystemCommand]:
    """The app's own commands, after the screen's: themes and the one way out, which asks first."""
    yield SystemCommand(say("cmd_light_dark", lang), "ctrl+t", toggle_theme)
    yield SystemCommand(say("cmd_theme", lang), say("cmd_theme_help", lang), change_theme)
    yield SystemCommand(say("cmd_quit", lang), say("cmd_quit_help", lang), quit)
