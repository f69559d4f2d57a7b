"""The styles of what a key opens later, read while the app waits for that key.

Textual reads a widget class's default CSS the first time one is mounted, and
then parses the stylesheet again: the first form of a session (selects, text
areas, buttons, check boxes) paid about a tenth of a second for it, the
command palette as much. Reading those styles once the plan is on screen
moves that time to where no one waits for it.
"""

from __future__ import annotations

from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, LoadingIndicator, Select, TextArea
from textual.widgets._select import SelectCurrent, SelectOverlay

from planaction.tui.widgets.folded_select import FoldedSelect
from planaction.tui.widgets.labelled_fields import LabelledFields

#: What forms, questions and the palette are made of (``tests/tui/test_styles_ahead.py`` checks that opening
#: them reads nothing new).
AHEAD: tuple[type[Widget], ...] = (
    ModalScreen,
    VerticalScroll,
    LabelledFields,
    Horizontal,
    Input,
    Button,
    Label,
    Select,
    FoldedSelect,
    SelectCurrent,
    SelectOverlay,
    Checkbox,
    TextArea,
    CommandPalette,
    SearchIcon,
    CommandInput,
    CommandList,
    LoadingIndicator,
)


#: Seconds after a screen is first drawn before the styles are read.
DELAY = 0.2


def read_styles_ahead_soon(screen: Screen) -> None:
    """Read them once ``screen`` is drawn: its first paint does not wait for them, however long it takes."""
    screen.call_after_refresh(lambda: screen.set_timer(DELAY, lambda: read_styles_ahead(screen.app)))


def read_styles_ahead(app: App) -> None:
    """Add the default CSS of ``AHEAD`` to the app's stylesheet and parse it now, as mounting them would."""
    stylesheet = app.stylesheet
    for widget_class in AHEAD:
        # the class's own reading of its CSS and its bases' (Textual's, called as mounting calls it)
        unmounted = object.__new__(widget_class)
        for read_from, css, tie_breaker, scope in unmounted._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
    stylesheet.rules_map  # noqa: B018 - parsed here, not on the next key
