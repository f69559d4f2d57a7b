"""Python's garbage collector waits while the app builds and draws a tab, and never walks it again.

A tab's first display builds a few thousand widgets and their styles at once; they all live as long
as the plan's screen. Python's collector counts them as they are made, and once enough have gathered
it walks every object of the app (a full collection): 30 to 75 ms at 1,000 actions, inside the key
that showed the tab, for nothing to free. While a tab is built and drawn the collector is held
(``hold``); after the screen's next refresh (``release_after_refresh``) what was made is frozen
(``gc.freeze``: out of every later walk, as a plan's read already is) and the collector resumes.

What is frozen is freed when the plan's screen closes (``widgets.leftovers`` thaws and collects): a
tab is frozen once, when it is first built, so that the garbage frozen with it stays bounded. Holds
nest: the collector resumes when the last is released, and only if it was running before the first.
"""

from __future__ import annotations

import gc

from textual.dom import DOMNode

#: seconds after which a hold waiting for a refresh is released anyway
RELEASE_AT_THE_LATEST = 1.0

_holds = 0
_resume = False


def hold() -> None:
    """The collector waits until the matching ``release``."""
    global _holds, _resume
    if _holds == 0:
        _resume = gc.isenabled()
        gc.disable()
    _holds += 1


def release(*, lasting: bool = False) -> None:
    """The collector resumes (at the last release); ``lasting``: what was made meanwhile is frozen first."""
    global _holds
    _holds = max(_holds - 1, 0)
    if _holds == 0 and _resume:
        if lasting:
            gc.freeze()
        gc.enable()


def release_all() -> None:
    """Every hold released: the app is closing, and a hold waiting for a refresh or its clock would never be
    (the collector left stopped in the process that ran the app: a test's, a host's)."""
    global _holds
    if _holds:
        _holds = 1
        release()


def release_after_refresh(node: DOMNode, *, lasting: bool = False) -> None:
    """``release`` once ``node``'s screen has been refreshed (what the hold was for is drawn).

    And at the latest ``RELEASE_AT_THE_LATEST`` seconds from now, by the app's clock: a screen closed before
    its refresh never runs what waited for it, and a collector left stopped would never free a cycle again."""
    released = False

    def once() -> None:
        nonlocal released
        if not released:
            released = True
            release(lasting=lasting)

    if not node.call_after_refresh(once):  # closing already
        once()
        return
    node.app.set_timer(RELEASE_AT_THE_LATEST, once)
