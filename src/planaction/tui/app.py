"""The Textual app: a portfolio of plans or one plan, keyboard first.

Keys have ids and can be remapped from a TOML file (``keys.toml``); their
descriptions follow the language. Themes: dark and light (``ctrl+t``) and
Textual's own list in the palette.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tomllib
from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.screen import Screen

from planaction.labels import KEYS, key_label
from planaction.problems import PlanError
from planaction.session import EditSession
from planaction.tui.palette import PlainTextCommands
from planaction.tui.plan_screen import PlanScreen
from planaction.tui.portfolio_screen import PortfolioScreen
from planaction.tui.terminal_safe import PrintableFilter
from planaction.userfiles import read_regular

THEMES = ("textual-dark", "textual-light")


def keys_file() -> Path:
    """Where remapped keys are read from: $PLANACTION_KEYS, else the XDG config folder."""
    explicit = os.environ.get("PLANACTION_KEYS")
    if explicit:
        return Path(explicit)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "planaction" / "keys.toml"


def read_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """``[keys]`` of a TOML file as {binding id: keys}, and a problem to report, if any."""
    if not path.exists():
        return {}, None
    try:
        data = tomllib.loads(read_regular(path, 1024 * 1024).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc}; keys keep their defaults"
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        return (
            {},
            f'{path}: write keys as `[keys]` then `binding_id = "key"`; keys keep their defaults',
        )
    return dict(keys), None


class PlanactionApp(App[None]):
    CSS_PATH = "planaction.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {PlainTextCommands}
    BINDINGS = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="toggle_theme", show=False),
    ]

    def __init__(self, target: Path, *, today: dt.date, lang: str | None = None, theme: str | None = None) -> None:
        super().__init__()
        self._printable_filter = PrintableFilter()
        self.target = target
        self.today = today
        self.lang = lang
        self.theme = theme or "textual-dark"
        self._keymap_problem: str | None = None
        keymap, self._keymap_problem = read_keymap(keys_file())
        if keymap:
            self.set_keymap(keymap)

    def on_mount(self) -> None:
        self.title = "planaction"
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning", markup=False)
        if self.target.is_dir():
            self.push_screen(PortfolioScreen(self.target, self.today, self.lang))
            return
        try:
            session = EditSession.open(self.target, self.today)
        except PlanError as exc:
            self.exit(message="\n".join(p.as_text() for p in exc.problems))
            return
        self.push_screen(PlanScreen(session, self.lang or session.plan.language, standalone=True))

    # -- bindings in the user's language -------------------------------------------

    def localize_bindings(self, node: DOMNode) -> None:
        """Give each binding of ``node`` its description in the screen's language."""
        lang = getattr(node, "lang", None) or self.lang or "fr"
        localized: list[Binding] = []
        for _key, binding in node._bindings:
            if binding.id:
                binding = dataclasses.replace(
                    binding,
                    description=key_label(binding.id, lang) if binding.id in KEYS else binding.description,
                )
            localized.append(binding)
        node._bindings = BindingsMap(localized)
        self.refresh_bindings()

    def get_line_filters(self) -> list[LineFilter]:
        return [*super().get_line_filters(), self._printable_filter]

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    # -- palette: every action of the screen, then the system commands ------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            for title, help_text, callback in commands():  # plan text: PlainTextCommands shows it as text
                yield SystemCommand(title, help_text, callback)
        yield SystemCommand(
            "Thème clair / sombre" if (self.lang or "fr") == "fr" else "Light / dark theme",
            "ctrl+t",
            self.action_toggle_theme,
        )
        yield from super().get_system_commands(screen)

    def on_app_focus(self, _event: events.AppFocus) -> None:
        screen = self.screen
        if isinstance(screen, PlanScreen):
            screen.check_disk()


def run(target: Path, *, today: dt.date, lang: str | None, theme: str | None = None) -> int:
    app = PlanactionApp(target, today=today, lang=lang, theme=theme)
    app.run()
    if app.return_code and app.return_code != 0:
        return app.return_code
    return 0
