"""A line-API widget's own style, worked out once per drawing rather than once per line.

Textual's ``rich_style`` walks the widget's ancestors and blends their backgrounds and colours
each time it is read (a quarter of a millisecond here). A table or a timeline reads it for every
line it draws, several times a line: a tab's first display spent a fifth of its time there. While
Textual asks the widget for its lines, nothing can restyle it, so the style read at the start of
the drawing holds for all of them.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style


class StyleOncePerRender:
    """Mix into a widget drawn through ``render_line``, before the widget's class."""

    _style_this_render: Style | None = None

    @property
    def rich_style(self) -> Style:
        held = self._style_this_render
        return held if held is not None else super().rich_style  # type: ignore[misc]

    def render_lines(self, crop: Any) -> Any:
        self._style_this_render = super().rich_style  # type: ignore[misc]
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._style_this_render = None
