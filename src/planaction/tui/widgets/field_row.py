"""A form's field as one row (its label, its widget) and the message beside it, made when first needed.

Opening a form costs Textual a style pass, a layout and a render per widget: a
form of twenty fields spent as much on two empty containers and a hidden
error line per field as on the fields themselves. So a field is two widgets in
one row, and its error line is mounted under the row the first time there is
something to say (then shown and hidden as the field is fixed and broken).
The editing forms go further: a field is its widget alone, its label drawn by the list of
fields (``labelled_fields``), and its message goes right under it.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from planaction.words.safetext import printable


def field_row(label: str, widget: Widget) -> Horizontal:
    """``label`` then ``widget``, on one line for a short field (no borders: the form fits at 80x24)."""
    compact(widget)
    return Horizontal(Label(label, classes="field-label"), widget, classes="field")


def field_height(widget: Widget) -> int:
    """The lines a form's field takes (``planaction.tcss``): a text area two or four, any other one."""
    if isinstance(widget, TextArea):
        return 2 if widget.has_class("short") else 4
    return 1


def compact(widget: Widget) -> None:
    """No borders: the form fits at 80x24."""
    if isinstance(widget, (Input, Select, TextArea, Checkbox)):
        widget.compact = True


def error_id(widget: Widget) -> str:
    return f"{widget.id}-error"


def show_beside(widget: Widget, message: str | None) -> None:
    """``message`` under ``widget``'s row; None or empty hides it (and makes nothing if there was none).

    In a form's list of fields (``LabelledFields``) the message goes right under the widget."""
    row = widget.parent
    in_list = row is not None and row.has_class("labelled")
    holder = row if in_list else (row.parent if row is not None else None)
    if holder is None:
        return
    try:
        error = holder.get_child_by_id(error_id(widget), Static)
    except NoMatches:
        if not message:
            return
        error = Static(classes="field-error", id=error_id(widget))
        holder.mount(error, after=widget if in_list else row)
    error.update(Content(printable(message or "")))
    error.display = bool(message)
