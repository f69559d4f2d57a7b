"""A screen styled and laid out once when it is first shown: two passes Textual repeats on every screen it pushes.

When Textual pushes a screen it mounts its widgets, styling each, then restyles every one of
them when the screen is first shown; and the screen's first layout sends the screen itself a
Resize that lays everything out a second time, at the same size. For a form of twenty fields
each of those passes cost a tenth of its opening, for nothing anybody sees. A screen with this
mixin keeps the styles its widgets got when they were mounted the first time it is shown
(later showings, after a question covered it, restyle as usual), and skips a layout at the
size it is already laid out at (unless it says it needs it: ``RELAYOUT_AT_SAME_SIZE``).
Anything that does change a widget (a class, a text, its display) still restyles or lays
out what it changes.

A screen that sets ``SETTLED_BY_ITS_LAYOUT`` also skips the layout each layout asks for: when
Textual lays a screen out it gives each widget its size and "virtual size", and giving a
widget a new virtual size asks for a layout and a redrawing of the widget, though the layout
that computed it, and drew the widget, is the one just done (for a form, every widget on its
first layout: a second layout and drawing of the whole form, a sixth of its opening). Only a
widget whose scrollbar appears or goes keeps its request: its scrollbar must be placed.
"""

from __future__ import annotations

from typing import Any

from textual import _time, events, messages
from textual.geometry import Size
from textual.widget import Widget


class LaidOutOnce:
    """Mix into a ``Screen`` subclass, before ``Screen``."""

    _shown_before = False
    #: Lay out again at the same size: for a screen whose widgets change width after the first layout (an input
    #: puts its cursor in view for the width it first gets). A form's fields keep room for their scrollbar
    #: (``scrollbar-gutter: stable``), so their width is final at the first layout and forms need not.
    RELAYOUT_AT_SAME_SIZE = False
    #: Drop the layouts and drawings a layout asks for by giving widgets their virtual size (see above).
    SETTLED_BY_ITS_LAYOUT = False
    #: When the last whole layout began (``_time.get_time``).
    _laid_out_at = float("-inf")
    #: The screen's children when it was last laid out whole (``NodeList._updates``).
    _laid_out_children = -1
    #: In an update that lays the screen out then draws all of it (``_on_timer_update``).
    _whole_drawing_follows = False
    #: In ``_refresh_layout``.
    _laying_out = False

    #: Set by a screen that knows its styles are still those it was shown with (a form refilled while the app's
    #: styles did not change, ``forms.kept``): its next showing does not restyle it.
    styles_current = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False  # styled when mounted, a moment ago
        elif self.styles_current:
            self.styles_current = False
            event.refresh_styles = False

    def _on_resize(self, event: events.Resize) -> None:
        screen: Any = self
        app = screen.app
        breakpoints = screen.HORIZONTAL_BREAKPOINTS or screen.VERTICAL_BREAKPOINTS
        breakpoints = breakpoints or app.HORIZONTAL_BREAKPOINTS or app.VERTICAL_BREAKPOINTS
        if self.RELAYOUT_AT_SAME_SIZE or event.size != screen._compositor.size or breakpoints:
            return  # Textual's own handler lays the screen out
        event.stop()
        event.prevent_default()  # already laid out at this size
        for behind in app._background_screens:
            behind._screen_resized(event.size)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        self._laying_out = True
        try:
            self._refresh_layout_settled(size, scroll)
        finally:
            self._laying_out = False

    def _refresh_layout_settled(self, size: Size | None, scroll: bool) -> None:
        screen: Any = self
        if not self.SETTLED_BY_ITS_LAYOUT:
            screen._refresh_layout_once(size, scroll)
            return
        full = not (scroll and not screen._layout_widgets)  # Textual reflows the whole screen
        started = _time.get_time()
        widgets = {*screen.walk_children(Widget, with_self=True), *screen._compositor._full_map}  # with scrollbars
        before = {widget: (widget._layout_required, widget._repaint_required, _bars(widget)) for widget in widgets}
        screen._refresh_layout_once(size, scroll)
        if not full:
            return
        self._laid_out_at = started
        self._laid_out_children = screen._nodes._updates
        before[screen] = (False, before[screen][1], _bars(screen))  # what it asked for, a whole layout has just done
        for widget in screen._compositor._full_map.keys() - widgets:  # a scrollbar placed now
            before[widget] = (False, False, _bars(widget))
        for widget, (layout_asked, repaint_asked, bars) in before.items():
            if widget._layout_required and not layout_asked and _bars(widget) == bars:
                widget._layout_required = False  # its size came from this layout; it was drawn at it
                widget._repaint_required = repaint_asked

    def _on_timer_update(self) -> None:
        screen: Any = self
        # a layout draws what it moved, and when the whole screen is to be drawn in the same update (a screen
        # shown again), Textual then draws all of it: the first drawing is for nothing
        self._whole_drawing_follows = screen._layout_required and screen._repaint_required
        try:
            super()._on_timer_update()  # type: ignore[misc]
        finally:
            self._whole_drawing_follows = False

    def _compositor_refresh(self) -> None:
        if self._whole_drawing_follows and self._laying_out:
            return  # drawn whole right after this layout
        screen: Any = self
        top = screen.app.screen
        if top is not screen and top.styles.background.a == 1:
            # hidden behind an opaque screen (a form): Textual draws what it shows again on top of that screen,
            # all of it, and draws this one again when it is shown
            screen._compositor._dirty_regions.clear()
            screen._dirty_widgets.clear()
            return
        super()._compositor_refresh()  # type: ignore[misc]

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        screen: Any = self
        if layout and self.SETTLED_BY_ITS_LAYOUT and self._laid_out_children == screen._nodes._updates:
            # Textual's mount asks its parent for a layout twice, the second time after the next message: for
            # the screen's own children, after the layout that placed them. Its children unchanged since
            # then, the screen needs none (a child that changes asks for its own).
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)  # type: ignore[misc]

    def _refresh_layout_once(self, size: Size | None, scroll: bool) -> None:
        super()._refresh_layout(size, scroll)  # type: ignore[misc]

    async def _on_layout(self, message: messages.Layout) -> None:
        if self.SETTLED_BY_ITS_LAYOUT and message.time < self._laid_out_at:
            # asked for before the last whole layout, which cleared its arrangements and laid it out
            message.stop()
            message.prevent_default()
            return
        await super()._on_layout(message)  # type: ignore[misc]


def _bars(widget: Widget) -> tuple[bool, bool]:
    return widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar
