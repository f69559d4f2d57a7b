"""A table that renders only the rows on screen (Textual's line API).

Textual's DataTable measures every cell before its first paint (1 s for
1,000 rows, 5.7 s for 10,000); this table draws the visible lines from the
rows it is given, so it opens as fast at 10,000 actions as at 10. Columns
say how to show a row; the rows come from ``views`` and the table computes
nothing about them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from planaction.core.model import Rag
from planaction.tui.widgets.render_style import StyleOncePerRender
from planaction.words.labels import rag_symbol
from planaction.words.safetext import one_line

#: Cells under which a column is not narrowed to fit the table in its width (it scrolls instead).
SHRINK_FLOOR = 6
#: A cell: its text and the name of a tone (red, amber, green, muted) or None.
Cell = tuple[str, str | None]


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    heading: str
    width: int  # 0: takes the room left
    cell: Callable[[Any], Cell]
    sortable: bool = False
    drop: int = 0  # when the table is too narrow, columns with the highest drop go first (0: never)
    min_width: int = 16  # for a flexible column
    when_filled: bool = False  # shown only while a row has something in it (a score few plans give)
    room_for_flexible: int = 0  # shown only while the flexible column keeps this many cells


def fit(text: str, width: int) -> str:
    """Cut to ``width`` cells with an ellipsis, or pad with spaces."""
    if width <= 0:
        return ""
    text = one_line(text)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def progress_bar(progress: int, width: int) -> str:
    bar_width = max(width - 5, 1)
    filled = round(progress / 100 * bar_width)
    return "█" * filled + "░" * (bar_width - filled) + f"{progress:>4}%"


def rag_cell(rag: Rag | None, text: str) -> Cell:
    return f"{rag_symbol(rag)} {text}", rag.value if rag else "muted"


class LineTable(StyleOncePerRender, ScrollView, can_focus=True):
    """Rows with a cursor; posts Highlighted, Selected and SortRequested."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False, id="cursor_up"),
        Binding("down", "cursor(1)", "Down", show=False, id="cursor_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="page_down"),
        Binding("home", "first", "First", show=False, id="first_row"),
        Binding("end", "last", "Last", show=False, id="last_row"),
        Binding("enter", "select", "Open", show=False, id="select_row"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header",
        "line-table--cursor",
        "line-table--even",
        "line-table--red",
        "line-table--amber",
        "line-table--green",
        "line-table--muted",
    }

    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        & > .line-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .line-table--cursor { background: $block-cursor-blurred-background; }
        &:focus > .line-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .line-table--even { background: $surface-lighten-1; }
        & > .line-table--red { color: $error; text-style: bold; }
        & > .line-table--amber { color: $warning; text-style: bold; }
        & > .line-table--green { color: $success; }
        & > .line-table--muted { color: $text-muted; }
    }
    """

    class _TableMessage(Message):
        def __init__(self, table: LineTable) -> None:
            self.table = table
            super().__init__()

        @property
        def control(self) -> LineTable:
            return self.table

    class Highlighted(_TableMessage):
        def __init__(self, table: LineTable, row: Any) -> None:
            self.row = row
            super().__init__(table)

    class Selected(_TableMessage):
        def __init__(self, table: LineTable, row: Any) -> None:
            self.row = row
            super().__init__(table)

    class SortRequested(_TableMessage):
        def __init__(self, table: LineTable, column: str) -> None:
            self.column = column
            super().__init__(table)

    def __init__(
        self,
        columns: list[ColumnSpec],
        *,
        empty: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = columns
        self.empty = empty
        self.rows: list[Any] = []
        self.cursor = 0
        self.sort_column: str | None = None
        self.sort_reverse = False
        self._widths: list[int] = []
        self._visible: list[ColumnSpec] = list(columns)
        self._laid_for = -1  # the width ``_visible`` and ``_widths`` were laid out for (``_columns``)
        self._empty: set[str] = {c.key for c in columns if c.when_filled}  # no rows yet
        self._line_cache: dict[tuple[int, bool], Strip] = {}

    # -- data ----------------------------------------------------------------

    def set_rows(self, rows: list[Any], *, keep: Callable[[Any], bool] | None = None) -> None:
        """Show ``rows``; put the cursor on the first row ``keep`` accepts, if any."""
        self.rows = rows
        self._empty = {c.key for c in self.columns if c.when_filled and not any(c.cell(row)[0].strip() for row in rows)}
        self._laid_for = -1  # columns empty or filled now: laid out again
        self._line_cache.clear()
        if keep is not None:
            for index, row in enumerate(rows):
                if keep(row):
                    self.cursor = index
                    break
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self._resize_virtual()
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    @property
    def current(self) -> Any:
        return self.rows[self.cursor] if self.rows else None

    # -- layout --------------------------------------------------------------

    def _layout(self, width: int) -> tuple[list[ColumnSpec], list[int]]:
        """The columns that fit in ``width`` (dropping the least useful) and their widths."""
        visible = [c for c in self.columns if c.key not in self._empty]

        def needed(columns: list[ColumnSpec]) -> int:
            return sum(c.width or c.min_width for c in columns) + len(columns)

        while needed(visible) > width and any(c.drop for c in visible):
            visible.remove(max(visible, key=lambda c: c.drop))
        for column in [c for c in visible if c.room_for_flexible]:
            flexible_room = width - sum(c.width for c in visible) - len(visible)
            if any(c.width == 0 for c in visible) and flexible_room < column.room_for_flexible:
                visible.remove(column)
        fixed = sum(c.width for c in visible) + len(visible)
        flexible = [c for c in visible if c.width == 0]
        room = max(min((c.min_width for c in flexible), default=12), (width - fixed) // max(len(flexible), 1))
        widths = [c.width or room for c in visible]
        # Still too wide: the widest columns give way a cell at a time, their text cut with "…",
        # rather than the last columns being cut mid-word at the screen's edge.
        excess = sum(widths) + len(widths) - width if width > 0 else 0
        while excess > 0:
            widest = max(range(len(widths)), key=lambda i: (widths[i], i))
            if widths[widest] <= SHRINK_FLOOR:
                break
            widths[widest] -= 1
            excess -= 1
        return visible, widths

    def _columns(self) -> tuple[list[ColumnSpec], list[int]]:
        """The columns shown and their widths, laid out again when the table's width has changed.

        Read when lines are drawn: the table is drawn at its new width before its ``Resize`` arrives."""
        width = self.size.width
        if width != self._laid_for:
            self._visible, self._widths = self._layout(width)
            self._laid_for = width
            self._line_cache.clear()
        return self._visible, self._widths

    def _resize_virtual(self) -> None:
        """The scrollable size: a line per row under the header, and no width while the columns fit.

        Its width changes only when the columns overflow: a new virtual size lays the screen out again,
        and a table given its width at the first layout of a tab asked for a second one."""
        _visible, widths = self._columns()
        total = sum(widths) + len(widths)
        virtual = Size(total if self.size.width and total > self.size.width else 0, len(self.rows) + 1)
        if virtual != self.virtual_size:
            self.virtual_size = virtual

    def notify_style_update(self) -> None:
        self._line_cache.clear()
        super().notify_style_update()

    def on_resize(self, _event: events.Resize) -> None:
        self._resize_virtual()  # (a new width forgets the drawn lines in ``_columns``)

    # -- rendering -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        self._columns()  # before the cache is read: lines drawn at another width are forgotten
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            strip = self._header_strip()
        elif not self.rows:
            text = fit(self.empty, width) if y == 1 else ""
            return Strip([Segment(text, self.get_component_rich_style("line-table--muted"))]).crop_extend(
                0, width, self.rich_style
            )
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            key = (index, index == self.cursor)
            strip = self._line_cache.get(key)
            if strip is None:
                strip = self._row_strip(index)
                self._line_cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _header_strip(self) -> Strip:
        style = self.get_component_rich_style("line-table--header")
        segments = []
        for column, width in zip(*self._columns(), strict=True):
            heading = column.heading
            if column.key == self.sort_column:
                heading += " ▼" if self.sort_reverse else " ▲"
            segments.append(Segment(fit(heading, width) + " ", style))
        return Strip(segments)

    def _tone(self, tone: str | None) -> Style | None:
        return self.get_component_rich_style(f"line-table--{tone}") if tone else None

    def _row_strip(self, index: int) -> Strip:
        row = self.rows[index]
        base = self.rich_style
        if index % 2:
            base = base + self.get_component_rich_style("line-table--even")
        if index == self.cursor:
            base = base + self.get_component_rich_style("line-table--cursor")
        segments = []
        for column, width in zip(*self._columns(), strict=True):
            text, tone = column.cell(row)
            style = self._tone(tone)
            segments.append(Segment(fit(text, width) + " ", base + style if style else base))
        return Strip(segments)

    # -- cursor --------------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        visible = max(self.size.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_cursor(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        old = self.cursor
        self.cursor = index
        self._refresh_row(old)
        self._refresh_row(index)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.current))

    def _refresh_row(self, index: int) -> None:
        self._line_cache.pop((index, True), None)
        self._line_cache.pop((index, False), None)
        if 0 < index - round(self.scroll_y) + 1 < self.size.height:
            self.refresh_line(index + 1)  # virtual line: the header is line 0

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * max(self.size.height - 2, 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current))

    def on_click(self, event: events.Click) -> None:
        x = event.x + round(self.scroll_x)
        if event.y == 0:
            position = 0
            for column, width in zip(*self._columns(), strict=True):
                position += width + 1
                if x < position:
                    if column.sortable:
                        self.post_message(self.SortRequested(self, column.key))
                    return
            return
        index = round(self.scroll_y) + event.y - 1
        if index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self.move_cursor(index)
