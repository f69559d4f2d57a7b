"""The Textual app: a portfolio of plans or one plan, keyboard first.

Keys have ids and can be remapped from a TOML file (``keys.toml``, checked
by ``keymap``); their descriptions follow the language. Themes: dark and
light (``ctrl+t``) and Textual's own list in the palette. Every way out asks
about unsaved changes, and a stop that cannot ask keeps them (``leaving``).
Today is read from a clock at each use, unless ``--today`` fixed it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingsMap
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.screen import Screen

from planaction.core.model import Plan
from planaction.present.language import interface_language
from planaction.present.session import Clock, EditSession
from planaction.tui import collector, commands, tabs
from planaction.tui.commands import PlainTextCommands
from planaction.tui.flows import leaving
from planaction.tui.forms.base import FormScreen
from planaction.tui.keys import keys_file, read_keymap
from planaction.tui.modals.changes import ChangesModal
from planaction.tui.modals.path import PathModal
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.screens.portfolio import PortfolioScreen
from planaction.tui.tabs.registers import RegisterPanel
from planaction.tui.terminal_safe import PrintableFilter
from planaction.tui.widgets.leftovers import COLLECT_DELAY, collect_closed_screens, forget_rendered_styles
from planaction.tui.widgets.line_table import LineTable
from planaction.tui.widgets.questions import ChoiceModal, ConfirmModal
from planaction.words.labels import KEYS, key_label
from planaction.words.problems import PlanError
from planaction.words.tui import say

THEMES = ("textual-dark", "textual-light")
#: Signals that stop the app without a question: the terminal closed, a kill, an interrupt from outside.
STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)


class PlanactionApp(App[None]):
    CSS_PATH = "planaction.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {PlainTextCommands}
    BINDINGS = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="toggle_theme", show=False),
    ]

    def __init__(
        self,
        target: Path,
        *,
        today: dt.date | Clock | None,
        lang: str | None = None,
        theme: str | None = None,
        baseline: tuple[str, Plan] | None = None,
    ) -> None:
        super().__init__()
        self.baseline = baseline  # (revision, the plan then): the timeline's shadows
        self._printable_filter = PrintableFilter()
        self.target = target
        self.clock = Clock.of(today)
        self.lang = lang
        self.theme = theme or "textual-dark"
        self.rescued: list[str] = []  # what a stop without a question kept, told after the app closes
        self._leave_question = False
        self._held_keys: list[events.Key] = []  # typed while a form was getting ready (``on_event``)

    @property
    def today(self) -> dt.date:
        return self.clock.today()

    def on_mount(self) -> None:
        self.title = "planaction"
        self._screens: list[Screen] = []  # the stack at the last change, to tell which screens closed
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        if not self.is_headless:
            self._catch_stop_signals()
        if self.target.is_dir():
            portfolio = PortfolioScreen(self.target, self.clock, self.lang)
            self.push_screen(portfolio)
            self._apply_keymap(portfolio.lang)
            return
        try:
            session = EditSession.open(self.target, self.clock)
        except PlanError as exc:
            self.exit(message="\n".join(p.as_text() for p in exc.problems))
            return
        lang = interface_language(self.lang, [session.plan.language])
        self._apply_keymap(lang)
        self.push_screen(PlanScreen(session, lang, standalone=True, baseline=self.baseline))

    async def on_event(self, event: events.Event) -> None:
        """Keys typed in a burst after the key that opens a form belong to the form.

        Textual sends each key, as it reads it, to the widget that has the focus then. Typed fast
        (or pasted), the keys after ``a`` went either to the action table, before ``a`` had opened
        the form (they came back unused and were dropped; a letter bound on the plan could act behind
        the form), or to the form before its fields existed (dropped too, a tab moved nothing). So a
        key read while a form is not ready is held until it is (``release_held_keys``), and a key
        that comes back from a screen no longer on top is sent again, now, to the one that is.
        """
        if isinstance(event, events.Key):
            screen = self.screen
            if not event.is_forwarded:
                if not getattr(screen, "ready", True) or self._held_keys:
                    self._held_keys.append(event)
                    if getattr(screen, "ready", True):  # ready meanwhile: in order, after those held
                        self.release_held_keys()
                    return
                event._sent_to_screen = screen  # type: ignore[attr-defined]
            elif screen.is_modal and getattr(event, "_sent_to_screen", screen) is not screen:
                self.post_message(events.Key(event.key, event.character))
                return
        await super().on_event(event)

    def release_held_keys(self) -> None:
        """Send the keys held while a form was getting ready, in the order they were typed."""
        held, self._held_keys = self._held_keys, []
        for key in held:
            self.post_message(events.Key(key.key, key.character))

    def _apply_keymap(self, lang: str) -> None:
        """Remapped keys, each problem of the file said with its line (the other keys still apply)."""
        keymap, problems = read_keymap(keys_file(), binding_groups(), lang)
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="keys.toml", severity="warning", timeout=15, markup=False)

    # -- bindings in the user's language -------------------------------------------

    def localize_bindings(self, node: DOMNode) -> None:
        """Give each binding of ``node`` its description in the screen's language."""
        lang = getattr(node, "lang", None) or leaving.app_lang(self)
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

    def on_unmount(self) -> None:
        collector.release_all()  # the app closing: no hold is left waiting for a refresh that will not come

    def _screen_changed(self, _screen: Screen) -> None:
        """A screen closed leaves its widgets behind in Textual's caches and in cycles (``leftovers``); a form
        kept for the next one (``forms.kept``), the widgets made to refill it."""
        forget_rendered_styles()
        closed = [screen for screen in self._screens if screen not in self.screen_stack]
        if closed:
            thawed = any(isinstance(screen, PlanScreen) for screen in closed)
            self.set_timer(COLLECT_DELAY, lambda: collect_closed_screens(thawed=thawed))
        self._screens = list(self.screen_stack)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle ``node`` and its descendants, unless it is not mounted yet.

        Textual restyles a widget whose classes change even before it is mounted (a compact
        field, an input validating its first value), and mounting styles it again: a form of
        twenty fields spent a fifth of its opening on styles nobody saw.
        """
        if node is not self and not node.is_attached:
            return
        super().update_styles(node, animate)

    def get_line_filters(self) -> list[LineFilter]:
        return [*super().get_line_filters(), self._printable_filter]

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    # -- leaving -----------------------------------------------------------------------

    async def action_quit(self) -> None:
        """ctrl+q and the palette's Quit: the one way out, which asks about unsaved changes."""
        leaving.request_quit(self)

    def action_help_quit(self) -> None:
        """ctrl+c copies in a field; elsewhere it says how to quit (a key that asks, never one that loses work)."""
        keys = [b.binding.key for b in self.screen.active_bindings.values() if b.binding.id == "quit"]
        key = self.get_key_display(Binding(keys[0], "")) if keys else "ctrl+q"
        self.notify(say("how_to_quit", leaving.app_lang(self), key=key), markup=False)

    def _catch_stop_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for number in STOP_SIGNALS:
            loop.add_signal_handler(number, self._stopped_by_signal, number)

    def _stopped_by_signal(self, number: int) -> None:
        """No one can be asked: keep the unsaved edits beside each plan, then leave."""
        self.rescued.extend(leaving.rescue_all(self))
        self.exit(return_code=128 + number)

    def on_exit_app(self) -> None:
        """An exit no way of leaving asked for: only ``exit()`` (which sets ``_exit``) and the web
        driver post ExitApp, the latter when the browser page closes (textual-serve's "quit").
        No one can be asked there, as when a terminal closes: keep the unsaved edits beside each plan."""
        if not self._exit:
            self.rescued.extend(leaving.rescue_all(self))

    def _handle_exception(self, error: Exception) -> None:
        """A crash must not take unsaved edits with it: keep them first, then let Textual report it."""
        with contextlib.suppress(Exception):  # the rescue must never hide the original error
            self.rescued.extend(leaving.rescue_all(self))
        super()._handle_exception(error)

    # -- palette: every action of the screen, then the app's own commands -------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The screen's commands, then the app's, in the plan's language.

        Textual's own list is replaced: its "Quit" left at once, whatever was
        unsaved, and its other commands (screenshot, maximize, keys panel) are
        English only and not needed here.
        """
        screen_commands = getattr(screen, "palette_commands", None)
        if screen_commands is not None:
            for title, help_text, callback in screen_commands():  # plan text: PlainTextCommands shows it as text
                yield SystemCommand(title, help_text, callback)
        yield from commands.system_commands(
            leaving.app_lang(self),
            toggle_theme=self.action_toggle_theme,
            change_theme=self.action_change_theme,
            quit=lambda: leaving.request_quit(self),
        )

    def action_command_palette(self) -> None:
        """The palette, its placeholder in the plan's language (Textual's is English)."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(commands.palette(leaving.app_lang(self)))

    def action_change_theme(self) -> None:
        self.push_screen(commands.theme_palette(leaving.app_lang(self)))

    def on_app_focus(self, _event: events.AppFocus) -> None:
        screen = self.screen
        if isinstance(screen, PlanScreen):
            screen.check_disk()


def binding_groups() -> list[dict[str, str]]:
    """The app's remappable bindings, grouped as they share keys: {binding id: default keys} per owner."""
    owners = (PlanactionApp, PortfolioScreen, LineTable, RegisterPanel, FormScreen, ConfirmModal, ChoiceModal)
    owners += (PathModal, ChangesModal)
    groups = [{b.id: b.key for b in owner.BINDINGS if isinstance(b, Binding) and b.id} for owner in owners]
    # The plan screen's keys share a key only when they work on the same tab: "e" edits an action on
    # the Actions tab and a risk on the Risks tab without a clash.
    screen = [b for b in PlanScreen.BINDINGS if isinstance(b, Binding) and b.id]
    for tab in tabs.TABS:
        on_tab = [b for b in screen if tabs.offered(b.action.partition("(")[0], tab.id)]
        groups.append({b.id: b.key for b in on_tab})  # type: ignore[misc]
    return groups


def run(
    target: Path,
    *,
    today: dt.date | None,
    lang: str | None,
    theme: str | None = None,
    baseline: tuple[str, Plan] | None = None,
) -> int:
    """Run the app; ``today`` None follows the clock (an app left open past midnight moves to the
    new day), a date (``--today``) is fixed."""
    clock = Clock(today)
    app = PlanactionApp(target, today=clock, lang=lang, theme=theme, baseline=baseline)
    app.run()
    for sentence in app.rescued:
        with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP): the file is what matters
            print(sentence, file=sys.stderr)
    if app.return_code and app.return_code != 0:
        return app.return_code
    return 0
