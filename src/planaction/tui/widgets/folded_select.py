"""A form's select drawn as one line until it is first opened: its list is built when someone opens it.

Textual's ``Select`` is six widgets (the select, its current value made of three statics, and the
overlay's option list holding every choice); a link to an action holds a thousand choices in a large
plan. Opening a form styled, laid out and drew all of them for every select, though few selects are
ever opened: in a new risk's form they were half its widgets and half its opening time. A
``FoldedSelect`` is a ``Select`` (same value, options, prompt, keys and messages) that draws its
current choice itself, as Textual's compact select looks, and composes Textual's parts the first time
it is opened (a key or a click); from then on it is Textual's own select.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual._context import active_message_pump
from textual.content import Content
from textual.widgets import Select
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay


class FoldedSelect(Select[Any]):
    """A ``Select`` that is one line, drawn by itself, until it is first opened."""

    DEFAULT_CSS = """
    FoldedSelect.-folded {
        height: 1;
        padding: 0 1 0 0;
        background: $surface;
        &:focus {
            background-tint: $foreground 5%;
        }
    }
    FoldedSelect > .folded-select--dim {
        color: $foreground 50%;
    }
    """
    COMPONENT_CLASSES = {"folded-select--dim"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_class("-folded")

    @property
    def folded(self) -> bool:
        return self.has_class("-folded")

    def compose(self) -> Any:
        if self.folded:
            return iter(())
        return super().compose()

    def render(self) -> Content:
        if not self.folded:
            return Content("")
        dim = self.get_visual_style("folded-select--dim")
        label = self.current_label()
        if label is None:
            shown = Content(self.prompt).stylize(dim)
        else:
            shown = label if isinstance(label, Content) else Content(str(label))
        room = max(self.content_size.width - 2, 0)
        if shown.cell_length > room:
            shown = shown.truncate(room, ellipsis=True)
        return Content.assemble(shown.pad_right(room - shown.cell_length), Content(" ▼").stylize(dim))

    def current_label(self) -> Any:
        """The label of the current choice; None for the blank one (the prompt shows)."""
        if isinstance(self.value, NoSelection):
            return None
        return next((label for label, value in self._options if value == self.value), None)

    # -- Textual's select, with no parts until it is opened ---------------------------------------------

    def _setup_options_renderables(self) -> None:
        if not self.folded:
            super()._setup_options_renderables()

    def _watch_value(self, value: Any) -> None:
        if not self.folded:
            super()._watch_value(value)
            return
        self._value = value
        self.refresh()
        if self.is_mounted:
            self.post_message(self.Changed(self, value))

    def _watch_prompt(self, prompt: str) -> None:
        if self.folded:
            self.refresh()
            return
        super()._watch_prompt(prompt)

    async def unfold(self) -> None:
        """Textual's parts, made now: the current value and the list of choices."""
        if not self.folded:
            return
        self.remove_class("-folded")
        token = active_message_pump.set(self)  # the overlay binds its compactness to this select
        try:
            parts = list(super().compose())
        finally:
            active_message_pump.reset(token)
        await self.mount_all(parts)
        super()._setup_options_renderables()
        current = self.query_one(SelectCurrent)
        label = self.current_label()
        current.update(self.NULL if label is None else label)
        index = next((i for i, (_label, value) in enumerate(self._options) if value == self.value), None)
        if index is not None and not isinstance(self.value, NoSelection):
            self.query_one(SelectOverlay).highlighted = index

    async def action_show_overlay(self) -> None:
        await self.unfold()
        super().action_show_overlay()

    async def _on_click(self, event: events.Click) -> None:
        if self.folded:
            event.stop()
            await self.unfold()
            self.expanded = True
