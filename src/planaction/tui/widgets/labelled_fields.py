"""A form's scrolling list of fields that draws their labels itself, in its left column.

A form's label was a widget of its own, one per field, the first cell of a row of a grid: half of
the action form's widgets, and each widget costs Textual a style pass, a place in every layout
and a drawing at each opening (about a quarter of the form's opening time). Here the fields are
one under the other, after a left margin as wide as the labels' column, and the list draws each
label in that margin, beside its field's first lines, wrapped as a label of that width wraps. A
field whose label takes more lines than the field is high gets the lines it lacks as a bottom
margin, as the grid's row grew to the taller of its two cells. The labels are redrawn when the
fields move (a message shown under a field, a scroll).
"""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.errors import NoWidget
from textual.geometry import Size
from textual.widget import Widget

#: The labels' column: its width, the label's text one column less (a space before the field).
LABEL_WIDTH = 20


class LabelledFields(VerticalScroll):
    """Fields one under the other, each with its label drawn in the left column (``label``)."""

    DEFAULT_CSS = f"""
    LabelledFields > * {{
        margin-left: {LABEL_WIDTH};
    }}
    LabelledFields > .labelled-fields--label {{
        color: $text-muted;
    }}
    """
    COMPONENT_CLASSES = {"labelled-fields--label"}

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        #: Each field's label, as the lines it is drawn on.
        self._labels: dict[Widget, list[Content]] = {}
        #: The fields' last arrangement: a new one (a field moved) redraws the labels.
        self._arranged: object = None

    def label(self, widget: Widget, text: str, height: int) -> None:
        """Draw ``text`` beside ``widget``, a field ``height`` lines high (before the form is mounted)."""
        lines = Content(text).wrap(LABEL_WIDTH - 1)
        self._labels[widget] = lines
        if len(lines) > height:
            widget.styles.margin = (0, 0, len(lines) - height, LABEL_WIDTH)

    def arrange(self, size: Size, optimal: bool = False) -> Any:
        arrangement = super().arrange(size, optimal)
        if arrangement is not self._arranged:
            if self._arranged is not None:
                self.call_later(self.refresh)  # the fields moved (once laid out): their labels follow
            self._arranged = arrangement
        return arrangement

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.refresh()

    def render(self) -> Content:
        height = self.scrollable_content_region.height
        rows = [Content("")] * height
        top = round(self.scroll_y)
        screen = self.screen
        for widget, lines in self._labels.items():
            if not widget.display or widget.parent is not self:
                continue
            try:
                y = screen.find_widget(widget).virtual_region.y - top
            except NoWidget:  # not laid out yet: drawn once it is
                continue
            for offset, line in enumerate(lines):
                if 0 <= y + offset < height:
                    rows[y + offset] = line
        style = self.get_visual_style("labelled-fields--label")
        return Content("\n").join(rows).stylize(style)
