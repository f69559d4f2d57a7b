"""The command palette's commands, shown as plain text.

Textual's own provider turns every title and help line into markup, and
Textual markup has no exact escape (a backslash before a bracket, a trailing
backslash, ``[/`` all change the text). Palette titles carry plan text, an
action's title or an owner's name, so this provider hands the palette
``Content`` objects, which it shows as they are.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits
from textual.content import Content
from textual.system_commands import SystemCommandsProvider

from planaction.words.safetext import one_line


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
