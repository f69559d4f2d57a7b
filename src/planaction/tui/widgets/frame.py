"""The plan screen's header and footer, made to fit any width.

Textual's header cuts its line at the end, where the file name and the unsaved-changes marker sit,
and its footer cuts the keys at the right, where ``q`` (quit) and ``esc`` (back) sit: at 80 columns
both were lost. Here the plan's title gives way first (cut with "…"), and the footer leaves out
whole keys, the least needed first, so that leaving, going back and saving always show. A key left
out of the footer still works, and the palette lists it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderIcon, HeaderTitle

from planaction.tui.widgets.leftovers import ForgetsItsWatchers
from planaction.words import interface

#: Cells the plan's title keeps in the header before the file name is cut too.
TITLE_MIN = 12
#: Header cells that are not the title: the icon (8) and the clock's space (10).
HEADER_SIDES = 18

#: The order keys leave a footer too narrow for all of them (higher first; 0 never leaves).
#: A key not listed leaves in between; among equals, the rightmost first.
FOOTER_RANK = {
    "quit": 0,
    "back": 0,
    "save": 0,
    "open_plan": 1,
    "add_action": 1,
    "edit_action": 2,
    "undo": 3,
    "filter": 4,
    "cycle_status": 5,
    "log_entry": 5,
    "measure": 5,
    "progress_up": 7,
    "toggle_detail": 8,
}
DEFAULT_RANK = 6


def _head_cut(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut at its end with "…"."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…" if width > 0 else ""


def _tail_cut(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut at its start with "…" (its end is what matters)."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    kept = ""
    for ch in reversed(text):
        if cell_len(ch + kept) > width - 1:
            break
        kept = ch + kept
    return "…" + kept


def fit_title(title: str, sub_title: str, width: int) -> tuple[str, str]:
    """The title and subtitle cut to ``width`` cells: the title gives way first, the subtitle's end last."""
    if not sub_title:
        return _head_cut(title, width), ""
    if cell_len(title) + 3 + cell_len(sub_title) <= width:
        return title, sub_title
    room = width - 3 - cell_len(sub_title)
    if room >= TITLE_MIN:
        return _head_cut(title, room), sub_title
    title_room = min(TITLE_MIN, max(width // 3, 0))
    return _head_cut(title, title_room), _tail_cut(sub_title, width - 3 - title_room)


class FittingHeader(ForgetsItsWatchers, Header):
    """Textual's header, whose subtitle (the file name and the unsaved-changes marker) stays visible."""

    def on_mount(self) -> None:
        self.query_one(HeaderIcon).tooltip = interface.say("open_palette", getattr(self.screen, "lang", "en"))

    def format_title(self) -> Content:
        width = self.size.width - HEADER_SIDES if self.size.width else 10_000
        title, sub_title = fit_title(self.screen_title, self.screen_sub_title, width)
        return self.app.format_title(title, sub_title)

    def on_resize(self) -> None:
        self.query_one(HeaderTitle).update(self.format_title())


@dataclass(frozen=True)
class _Key:
    """One key as the footer shows it: what to press, what it does, and its place in ``FOOTER_RANK``."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    rank: int

    @property
    def width(self) -> int:
        """Cells it takes: a cell each side of the key, one after its words (as Textual's footer drew it)."""
        return cell_len(self.display) + 2 + (cell_len(self.description) + 1 if self.description else 0)


class FittingFooter(Widget, can_focus=False):
    """The screen's keys on one line, leaving out whole keys, the least needed first, when they do not all fit.

    One widget drawing one line: Textual's footer is a widget per key, rebuilt at each change of
    the screen's keys (a tab, a focus, a form), and those rebuilds and their style passes took a
    third of a tab's first display. Here a change of keys only redraws the line. A click on a
    key presses it.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"fitting-footer--key", "fitting-footer--description"}
    DEFAULT_CSS = """
    FittingFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .fitting-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .fitting-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        #: Where each shown key is drawn (start, end, key), for clicks; and the keys shown, for tests.
        self._spans: list[tuple[int, int, str]] = []
        self.shown: list[_Key] = []
        #: The keys it was last drawn with (``_keys``), those left out for want of room too.
        self._drawn: tuple[list[_Key], _Key | None] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, _screen: object) -> None:
        if self._keys() != self._drawn:  # Textual says so after each focus, mostly with the same keys
            self.refresh()

    def _keys(self) -> tuple[list[_Key], _Key | None]:
        """The screen's shown keys, one per action (the first bound), and the palette's key apart."""
        app = self.app
        active = self.screen.active_bindings
        keys: list[_Key] = []
        actions: set[str] = set()
        palette: _Key | None = None
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = _Key(key, app.get_key_display(binding), binding.description, binding.action, enabled, 0)
                continue
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            rank = FOOTER_RANK.get(binding.id or "", DEFAULT_RANK)
            keys.append(_Key(key, app.get_key_display(binding), binding.description, binding.action, enabled, rank))
        return keys, palette

    def render(self) -> Text:
        self._drawn = self._keys()
        keys, palette = list(self._drawn[0]), self._drawn[1]
        width = self.size.width
        palette_width = palette.width + 1 if palette is not None else 0  # and its separator
        while sum(k.width for k in keys) > width - palette_width:
            droppable = [(k.rank, index) for index, k in enumerate(keys) if k.rank > 0]
            if not droppable:
                break
            keys.pop(max(droppable)[1])
        key_style = self.get_component_rich_style("fitting-footer--key")
        words_style = self.get_component_rich_style("fitting-footer--description")
        line = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for k in keys:
            self._append(line, k, key_style, words_style)
        if palette is not None:
            line.append(" " * max(width - line.cell_len - palette_width, 0))
            line.append("▏", style=self.rich_style + RichStyle(dim=True))
            self._append(line, palette, key_style, words_style)
        self.shown = [*keys, *([palette] if palette else [])]
        return line

    def _append(self, line: Text, key: _Key, key_style: RichStyle, words_style: RichStyle) -> None:
        start = line.cell_len
        dim = RichStyle(dim=not key.enabled)
        line.append(f" {key.display} ", style=key_style + dim)
        if key.description:
            line.append(f"{key.description} ", style=words_style + dim)
        self._spans.append((start, line.cell_len, key.key))

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
