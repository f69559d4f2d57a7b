"""A closed form kept for the next form of its kind: Textual builds a form once, and each later one is a refill.

Opening a form, Textual makes each of its widgets, styles it (and each part a widget styles apart,
an input's cursor or placeholder), mounts it and sends it its first messages: about three quarters
of an action form's opening, before the layout and the drawing that any screen shown costs. A form
shown again costs only those two. So a plan screen keeps each form it opens once it closes
(installed, in Textual's words), and the next form of the same kind takes that one's widgets: its
title, what it edits, its fields' values, checks and readers go into them (``FormScreen.refill``),
and nothing of the form before is left (its text, messages, scroll, focus, a text area's undo
history). A form is refilled only when it would be built the same: the same fields, labels, widgets
and choices (a select's list follows the plan's streams and KPIs); otherwise it is built as before,
and kept instead. ``tests/tui/test_kept_forms.py`` checks that a refilled form shows, reads and
saves what a form just built does.

The kept forms go with their plan screen (``drop``): each holds the plan it last showed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from textual.app import App

from planaction.tui.forms.base import FormScreen

#: The most forms a plan screen keeps (one per kind, the least recently opened dropped first): about
#: 0.7 MB each; a meeting goes back and forth between a few kinds (an action, a follow-up entry, a risk).
KEPT = 6

#: What a form's closing gives back (its values, or None when cancelled).
Done = Callable[[Any], None]


class KeptForms:
    """The forms one plan screen keeps, closed, for the next ones of their kind."""

    def __init__(self) -> None:
        self._forms: OrderedDict[tuple[Any, ...], FormScreen] = OrderedDict()

    def open(self, app: App[Any], form: FormScreen, done: Done) -> None:
        """Show ``form`` (made, not mounted): in the kept form of its kind when it can take it, else built."""
        kind = _kind(form)
        kept = self._forms.get(kind)
        if kept is not None and kept not in app.screen_stack:
            if kept.refill(form):
                self._forms.move_to_end(kind)
                app.push_screen(kept, done)
                kept.opening()
                return
            self._drop(app, kind)
        if kind not in self._forms:  # (a form of its kind still open under it: this one is not kept)
            app.install_screen(form, f"kept-form-{id(form)}")
            self._forms[kind] = form
            for oldest in [k for k, f in self._forms.items() if f not in app.screen_stack][: len(self._forms) - KEPT]:
                self._drop(app, oldest)
        app.push_screen(form, done)

    def prepare(self, app: App[Any], form: FormScreen) -> None:
        """Build ``form`` (made, not shown) and keep it, when none of its kind is kept: the first form of its kind
        then opens as fast as the next ones. Textual mounts it and lays it out as it would to show it, off screen
        (the app idle)."""
        kind = _kind(form)
        if kind in self._forms or len(self._forms) >= KEPT:
            return
        app.install_screen(form, f"kept-form-{id(form)}")
        self._forms[kind] = form
        _screen, mounted = app._get_screen(form)  # mounted now, as ``push_screen`` does with a screen not yet running

        async def lay_out() -> None:
            await mounted
            if form.is_attached and form not in app.screen_stack:
                form._refresh_layout(app.size)  # laid out too, its text areas wrapped
                form._compositor.render_update(full=True)  # and drawn, for nobody: each widget keeps its lines

        app.call_later(lay_out)

    def drop(self, app: App[Any]) -> None:
        """Remove every kept form closed (its plan screen is closing); one still open is the app closing with it."""
        for kind, form in list(self._forms.items()):
            if form in app.screen_stack:
                del self._forms[kind]
            else:
                self._drop(app, kind)

    def _drop(self, app: App[Any], kind: tuple[Any, ...]) -> None:
        """Remove a kept form, closed (Textual refuses to uninstall a screen it shows)."""
        form = self._forms.pop(kind)
        app.uninstall_screen(form)
        if form.is_attached:
            form.remove()

    def kept(self) -> list[FormScreen]:
        """The forms kept, the least recently opened first."""
        return list(self._forms.values())


def _kind(form: FormScreen) -> tuple[Any, ...]:
    """Forms of one kind: the same class, fields and language (``refill`` checks the rest)."""
    return (type(form), form.MODEL, tuple(spec.key for spec in form.SPECS), form.lang, form.TALL)
