"""Questions: yes or no (``ConfirmModal``), one of a few named choices (``ChoiceModal``).

The lowest floor of the app, as forms ask too (closing with typed text), not only screens and flows."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planaction.words.safetext import printable


class ConfirmModal(ModalScreen[bool]):
    """Yes or no."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class ChoiceModal(ModalScreen[str | None]):
    """One of a few named choices (escape: None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]], *, focus: str | None = None) -> None:
        """``choices``: (id, label, variant)."""
        super().__init__()
        self.question, self.choices, self.focus_id = question, choices, focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="question")
            with Horizontal(classes="buttons"):
                for choice_id, text, variant in self.choices:
                    yield Button(text, variant=variant, id=choice_id)

    def on_mount(self) -> None:
        target = self.focus_id or self.choices[-1][0]
        self.query_one(f"#{target}", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
