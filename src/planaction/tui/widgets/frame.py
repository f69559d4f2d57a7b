"""The plan screen's header and footer, made to fit any width.

Textual's header cuts its line at the end, where the file name and the unsaved-changes marker sit,
and its footer cuts the keys at the right, where ``q`` (quit) and ``esc`` (back) sit: at 80 columns
both were lost. Here the plan's title gives way first (cut with "…"), and the footer leaves out
whole keys, the least needed first, so that leaving, going back and saving always show. A key left
out of the footer still works, and the palette lists it.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.compose import compose
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Header
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderIcon, HeaderTitle

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


class FittingHeader(Header):
    """Textual's header, whose subtitle (the file name and the unsaved-changes marker) stays visible."""

    def on_mount(self) -> None:
        self.query_one(HeaderIcon).tooltip = interface.say("open_palette", getattr(self.screen, "lang", "en"))

    def format_title(self) -> Content:
        width = self.size.width - HEADER_SIDES if self.size.width else 10_000
        title, sub_title = fit_title(self.screen_title, self.screen_sub_title, width)
        return self.app.format_title(title, sub_title)

    def on_resize(self) -> None:
        self.query_one(HeaderTitle).update(self.format_title())


def _key_width(key: FooterKey) -> int:
    """Cells a footer key takes (Textual's padding: a cell each side of the key, one after its words)."""
    width = cell_len(key.key_display) + 2
    if key.description:
        width += cell_len(key.description) + 1
    if key.has_class("-command-palette"):
        width += 2  # its border and padding on the right
    return width


def _rank(key: FooterKey, bindings: dict) -> int:
    binding = bindings.get(key.key)
    binding_id = binding.binding.id if binding is not None else None
    return FOOTER_RANK.get(binding_id or "", DEFAULT_RANK)


class FittingFooter(Footer):
    """Textual's footer, leaving out whole keys, the least needed first, when they do not all fit."""

    _composed_width = 0

    def compose(self):
        widgets: list[Widget] = compose(self, super().compose())
        if not widgets:  # the screen's bindings are not ready yet
            return
        self._composed_width = width = self.app.size.width
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        others = sum(_key_width(w) for w in keys if w.has_class("-command-palette"))
        others += sum(2 * len(w.children) + 2 for w in widgets if not isinstance(w, FooterKey))  # key groups
        shown = [w for w in keys if not w.has_class("-command-palette")]
        room = width - others
        bindings = self.screen.active_bindings  # this footer's screen, even under a modal
        while sum(_key_width(k) for k in shown) > room:
            droppable = [(rank, index) for index, k in enumerate(shown) if (rank := _rank(k, bindings)) > 0]
            if not droppable:
                break
            _rank_value, index = max(droppable)
            shown.pop(index)
        yield from (w for w in widgets if not isinstance(w, FooterKey) or w in shown or w.has_class("-command-palette"))

    def on_resize(self) -> None:
        if self.app.size.width != self._composed_width and self._bindings_ready:
            self.call_after_refresh(self.recompose)
