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
"""

from __future__ import annotations

from typing import Any

from textual import events


class LaidOutOnce:
    """Mix into a ``Screen`` subclass, before ``Screen``."""

    _shown_before = False
    #: Lay out again at the same size: for a screen whose widgets change width after the first layout (an input
    #: puts its cursor in view for the width it first gets). A form's fields keep room for their scrollbar
    #: (``scrollbar-gutter: stable``), so their width is final at the first layout and forms need not.
    RELAYOUT_AT_SAME_SIZE = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False  # styled when mounted, a moment ago

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
