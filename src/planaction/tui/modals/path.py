"""Ask for a file path, the default pre-filled; a file that is not there is said beside the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from planaction.words.safetext import printable
from planaction.words.tui import say


class PathModal(ModalScreen[str | None]):
    """Ask for a file path (the default is pre-filled).

    To open a file, it must be there (``must_exist``); to write one, ``check`` may refuse the
    path with a sentence shown beside the field (an export's unknown suffix).
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(
        self,
        question: str,
        default: str,
        lang: str,
        *,
        must_exist: bool = True,
        check: Callable[[Path], str | None] | None = None,
        ok: str = "open",
    ) -> None:
        """``ok``: the key in ``words/tui.py`` of the button that accepts the path."""
        super().__init__()
        self.question, self.default, self.lang = question, default, lang
        self.must_exist, self.check, self.ok_key = must_exist, check, ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="question")
            yield Input(self.default, id="path")
            yield Static("", id="path-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(say(self.ok_key, self.lang), variant="primary", id="ok")
                yield Button(say("cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path-error", Static).display = False
        self.query_one("#path", Input).focus()

    def _answer(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        path = Path(value).expanduser()
        problem = None
        if self.must_exist and not path.is_file():
            problem = say("no_such_file", self.lang, path=value)
        elif self.check is not None:
            problem = self.check(path)
        if problem is not None:
            error = self.query_one("#path-error", Static)
            error.update(Content(printable(problem)))
            error.display = True
            return
        self.dismiss(str(path))

    @on(Input.Submitted, "#path")
    def submitted(self) -> None:
        self._answer()

    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        self._answer()

    @on(Button.Pressed, "#cancel")
    def cancel_button(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
