"""What a removed widget leaves behind in Textual's tables, forgotten so that the widget can go.

Two tables of Textual 8 keep a removed widget alive with everything it drew:

- ``widget.watch(app, "theme", ...)`` (every ``TextArea`` does it when it is mounted; a ``Header``
  watches the app's and its screen's titles) appends ``(widget, callback)`` to a table on the watched
  object, and Textual drops closed widgets from it only when that value next changes
  (https://github.com/Textualize/textual/issues/6666);
- ``StylesCache.get_inner_outer`` is an ``lru_cache`` of 1,024 entries keyed by the widget's styles
  cache itself, which holds the widget's rendered lines.

Each action form left about 7,000 objects behind per opening, so a full garbage collection came every
other opening and grew with every form (27 ms, then 48, 82, 93 in eight openings): a meeting that
opens a hundred forms made the app slower by the hour. A widget that watches the app forgets its
watchers when it is unmounted (``ForgetsItsWatchers``), and the app empties the styles' cache when
its screen changes (``forget_rendered_styles``: a few styles made again, for the screen shown).

Then a closed form is still some 15,000 objects in cycles (widgets and their parents, message pumps),
old enough to be in the last generation of Python's collector: only a full collection frees them,
and Python ran one when enough had gathered, every other opening of a form, inside the opening (50 to
80 ms at 1,000 actions). The app collects them itself a moment after a screen is closed
(``COLLECT_DELAY``), while the person reads the screen under it, rather than in the next one's opening.

A plan's read ends with ``gc.freeze()`` (``store.reading.parse``): the collector then never walks its
objects again (a full pass over them is 70 ms at 1,000 actions), and it cannot free anything alive at
that moment either. What lives as long as the app (its screens, the plan shown) costs nothing that way;
but a plan's screen read and frozen is in cycles that die when the person goes back to the portfolio,
and the portfolio reads its plans again right then. When a plan's screen is closed, the app puts the
frozen objects back into the collector's care before collecting (``collect_closed_screens(thawed=True)``);
the next read freezes what is left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import Any

from textual._styles_cache import StylesCache
from textual.dom import DOMNode

#: seconds from a screen's closing to the collection of its garbage: once the screen under it is drawn
COLLECT_DELAY = 0.1
#: Textual's table of the watchers of another object's values (``reactive._watch``): name -> [(node, callback)]
WATCHERS = "__watchers"


def forget_watchers_of(widget: DOMNode, watched: Iterable[DOMNode]) -> None:
    """Drop ``widget``'s entries from the watchers of each of ``watched``."""
    for node in watched:
        table = node.__dict__.get(WATCHERS)
        for entries in (table or {}).values():
            if any(watcher is widget for watcher, _callback in entries):
                entries[:] = [(watcher, callback) for watcher, callback in entries if watcher is not widget]


class ForgetsItsWatchers:
    """Mixed into a widget that watches the app or its screen: unmounted, it leaves their watchers.

    A plain class, not a ``DOMNode``: a second ``DOMNode`` in a widget's bases would hide the component
    classes (``text-area--gutter``...) that Textual gathers along them."""

    def on_unmount(self: Any) -> None:
        forget_watchers_of(self, (self.app, *self.app.screen_stack))


def forget_rendered_styles() -> None:
    """Empty the styles' cache that holds the widgets of screens gone (at each change of screen)."""
    StylesCache.get_inner_outer.cache_clear()


def collect_closed_screens(*, thawed: bool = False) -> None:
    """A full collection, for the cycles of a screen closed (``COLLECT_DELAY`` after it).

    ``thawed``: of the objects frozen by reads as well, when what closed had been frozen (a plan's screen)."""
    if thawed:
        gc.unfreeze()
    gc.collect()
