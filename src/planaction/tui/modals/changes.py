"""What an import would change, before it applies: apply, take the workbook's side on conflicts, or cancel."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planaction.words.safetext import printable
from planaction.words.tui import say


class ChangesModal(ModalScreen[str | None]):
    """What an import would change, before it applies: apply, take theirs on conflicts, or cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, title: str, sections: list[tuple[str, list[str]]], lang: str, *, conflicts: bool) -> None:
        super().__init__()
        self.title_text, self.sections, self.lang, self.conflicts = title, sections, lang, conflicts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form tall"):
            yield Static(Content(printable(self.title_text)), classes="form-title")
            with VerticalScroll(classes="fields"):
                for heading, lines in self.sections:
                    if lines:
                        yield Static(Content.styled(printable(heading), "bold $primary"))
                        yield Static(Content(printable("\n".join(f"  {line}" for line in lines))))
            with Horizontal(classes="buttons"):
                yield Button(say("apply", self.lang), variant="primary", id="apply")
                if self.conflicts:
                    yield Button(
                        say("apply_theirs", self.lang),
                        variant="warning",
                        id="theirs",
                    )
                yield Button(say("cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#apply", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
