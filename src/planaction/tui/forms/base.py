"""The editing forms' shared behaviour: labelled fields, each with its error line, Save / Cancel.

Forms check as the person types (dates, numbers, required fields, each message beside its
field) and, before closing, ask the screen to try the change with the real operation, so that a
form never closes on a change ``ops`` would refuse. A form declares its fields once (``SPECS``,
see ``specs``); the action form returns only the fields the person changed (``fields``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, TextArea

from planaction.core.model import Plan
from planaction.tui.forms.fields import Field, Reader, RequiredSelect, problem_text, same_kind, take_value
from planaction.tui.forms.specs import Spec, build
from planaction.tui.widgets.field_row import compact, field_height, show_beside
from planaction.tui.widgets.frame import FittingFooter
from planaction.tui.widgets.labelled_fields import LabelledFields
from planaction.tui.widgets.laid_out import LaidOutOnce
from planaction.tui.widgets.questions import ChoiceModal
from planaction.words.fields import field_help
from planaction.words.safetext import printable
from planaction.words.tui import say
from planaction.words.userinput import UnreadableInput

#: Tries a change with the real operation; returns an error message or None.
Checker = Callable[[dict[str, Any]], str | None]


class FieldsRefused(Exception):
    """Some fields do not read; each has its message beside it."""


class FormScreen(LaidOutOnce, ModalScreen[dict[str, Any] | None]):
    """Shared behaviour: a scrolling list of labelled fields, each with its own error line, Save / Cancel.

    Fields are registered with ``field``; the form remembers what each widget
    held when it opened, so that it can tell what the person changed
    (``changes``) and whether leaving would lose typed text (``has_changes``).
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
        Binding("ctrl+s", "submit", "Save", id="form_submit", priority=True),
        # before the keys that follow reach the field: typed fast (or pasted), "title<tab>owner" fills two fields
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="form_next"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True, id="form_previous"),
    ]

    #: The form's fields, in order, declared once.
    SPECS: tuple[Spec, ...] = ()
    #: The model the fields belong to: the help line under the form is its focused field's (``words.fields``).
    MODEL: type | None = None

    def __init__(self, title: str, plan: Plan, lang: str, check: Checker) -> None:
        super().__init__()
        #: Textual's own attributes: everything set after them is the form's (what ``refill`` takes)
        self._screen_attributes = frozenset(vars(self))
        self.form_title = title
        self.plan = plan
        self.lang = lang
        self.check = check
        self.form_fields: dict[str, Field] = {}
        #: False until its fields exist and one has the focus: the app holds the keys typed meanwhile
        self.ready = False
        self._error_shown: str | None = ""  # not None: the first call (on mount) hides the line
        self._help_shown = ""
        # not focusable: a field has the focus and scrolls itself into view
        self.labelled = LabelledFields(classes="fields labelled", can_focus=False)
        #: The app's styles (``_app_styles``) when it was styled: mounted, or last hidden.
        self._styled_with: tuple[int, list[Any]] | None = None

    #: What a refilled form keeps of its own (``refill`` takes every other attribute a form sets): its widgets.
    WIDGETS_ATTRIBUTES = frozenset({"labelled", "form_fields", "_styled_with"})

    #: Long forms take most of the screen and scroll; short ones fit their fields.
    TALL = False
    SETTLED_BY_ITS_LAYOUT = True
    #: ``on_mount`` gives the focus to the right field: Textual's automatic focus would first give it to the
    #: scrolling list, and each focus change restyles the whole list (a fifth of a form's opening time).
    AUTO_FOCUS = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form tall" if self.TALL else "dialog form"):
            yield Static(Content(printable(self.form_title)), classes="form-title")
            with self.labelled:
                yield from self.fields()
            yield Static("", id="form-help", classes="form-help")
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(say("save", self.lang), variant="primary", id="submit")
                yield Button(say("cancel", self.lang), id="cancel")
        # the form covers the plan (drawing the plan dimmed behind it cost a tenth of a second on every full
        # redraw), so it shows its own keys
        yield FittingFooter()

    def fields(self) -> ComposeResult:
        for spec in self.SPECS:
            built = build(spec, self.initial(spec), self.plan, self.lang)
            if built is not None:
                yield from self.field(spec.key, spec.text(self.lang), *built)

    def initial(self, spec: Spec) -> Any:
        """What the field ``spec`` shows when the form opens."""
        return spec.default

    def field(self, key: str, text: str, widget: Any, read: Reader) -> tuple[Widget]:
        """A labelled field (its widget, its label drawn beside it by the fields' list); ``read`` turns what
        the widget holds into the value."""
        self.form_fields[key] = Field(key, text, widget, read)
        compact(widget)
        self.labelled.label(widget, text, field_height(widget))
        return (widget,)

    def show_error(self, message: str | None) -> None:
        if message == self._error_shown:
            return  # each field's first value says "no error": an update would lay the form out again
        self._error_shown = message
        error = self.query_one("#form-error", Static)
        error.update(Content(printable(message or "")))
        error.display = bool(message)

    def show_field_error(self, widget: Any, message: str | None) -> None:
        """The message beside the field it is about (empty: the field is fine)."""
        show_beside(widget, message)

    def has_changes(self) -> bool:
        """Whether the person typed or chose something the form would lose on closing."""
        return any(f.changed for f in self.form_fields.values())

    def read_fields(self, keys: list[str]) -> dict[str, Any]:
        """The values of ``keys``; ``FieldsRefused`` (each message beside its field) if any does not read.

        Every field is checked (a required field left empty is refused even if
        untouched); only ``keys`` are read.
        """
        values: dict[str, Any] = {}
        refused: list[Field] = []
        for key, form_field in self.form_fields.items():
            problem = self._validation_problem(form_field.widget)
            if problem is None and key in keys:
                try:
                    values[key] = form_field.read()
                except UnreadableInput as exc:
                    problem = problem_text(exc)
            self.show_field_error(form_field.widget, problem)
            if problem is not None:
                refused.append(form_field)
        if refused:
            self.show_error(say("to_fix", self.lang, fields=", ".join(f.label for f in refused)))
            refused[0].widget.focus()
            raise FieldsRefused
        return values

    def _validation_problem(self, widget: Any) -> str | None:
        if isinstance(widget, TextArea):
            return self._lines_problem(widget)
        if isinstance(widget, RequiredSelect):
            return widget.required_message if widget.required_message and widget.value is Select.NULL else None
        if not isinstance(widget, Input):
            return None
        result = widget.validate(widget.value)
        if result is not None and not result.is_valid:
            return "; ".join(result.failure_descriptions)
        return None

    @on(DescendantFocus)
    def show_help(self, event: DescendantFocus) -> None:
        """The focused field's help line, from the model's words."""
        self._show_help_of(event.widget)

    def _show_help_of(self, widget: Widget | None) -> None:
        widget_id = (widget.id if widget is not None else None) or ""
        key = widget_id[2:] if widget_id.startswith("f-") else None
        text = field_help(self.MODEL, key, self.lang) if self.MODEL is not None and key else ""
        if text == self._help_shown:
            return  # the same line: an update would lay the form out again
        self._help_shown = text
        self.query_one("#form-help", Static).update(Content(printable(text)))

    def _lines_problem(self, area: TextArea) -> str | None:
        """A list with more items than its field allows (an action's indicators: two at most)."""
        key = (area.id or "").removeprefix("f-")
        limit = next((spec.max_items for spec in self.SPECS if spec.key == key), None)
        count = len([line for line in area.text.splitlines() if line.strip()])
        return say("too_many_lines", self.lang, count=count, most=limit) if limit and count > limit else None

    @on(TextArea.Changed)
    def live_lines_check(self, event: TextArea.Changed) -> None:
        self.show_field_error(event.text_area, self._lines_problem(event.text_area))

    @on(Input.Changed)
    def live_check(self, event: Input.Changed) -> None:
        """Say at once, beside the field, what does not read (dates, numbers, required text)."""
        result = event.validation_result
        problem = "; ".join(result.failure_descriptions) if result is not None and not result.is_valid else None
        self.show_field_error(event.input, problem)
        self.show_error(None)

    def values(self) -> dict[str, Any]:
        """Every field's value (forms that add something); raises ``FieldsRefused``."""
        return self.read_fields(list(self.form_fields))

    def action_submit(self) -> None:
        try:
            values = self.values()
        except FieldsRefused:
            return
        error = self.check(values)
        if error:
            self.show_error(error)
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        """Close without applying; what was typed is not dropped on one key: the person is asked first."""
        if not self.has_changes():
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(None)

        question = ChoiceModal(
            say("form_unapplied", self.lang),
            [
                ("back", say("back_to_form", self.lang), "primary"),
                ("discard", say("discard_typed", self.lang), "error"),
            ],
            focus="back",
        )
        self.app.push_screen(question, chosen)

    @on(Button.Pressed, "#submit")
    def submit_button(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def cancel_button(self) -> None:
        self.action_cancel()

    def on_mount(self) -> None:
        localize = getattr(self.app, "localize_bindings", None)
        if localize is not None:
            localize(self)  # its keys' names in the interface's language, in its footer
        self._styled_with = self._app_styles()
        self.opening()

    def opening(self) -> None:
        """What the form does as it opens, built or refilled (``refill``): no message shown, what each
        field holds remembered, the first field focused with its help line."""
        self.show_error(None)
        for form_field in self.form_fields.values():
            form_field.remember()
        first = self.first_field()
        if first is not None:
            # its help line now, before the form's first layout: shown when the focus arrived, it asked for
            # one more layout and drawing of the form
            self._show_help_of(first)
            first.focus()
        self.call_after_refresh(self._become_ready)  # once the focus is given

    def refill(self, fresh: FormScreen) -> bool:
        """Become ``fresh`` (made, not mounted): its title, what it edits, its fields' values, checks and
        readers, in this form's widgets (kept mounted since it closed, ``forms.kept``). False, and this form
        left as it was, when ``fresh`` would not be built the same (other fields, labels or choices).

        Call it while this form is closed, push it, then call ``opening``."""
        if (type(fresh), fresh.lang, fresh.TALL, fresh.MODEL) != (type(self), self.lang, self.TALL, self.MODEL):
            return False
        for _ in fresh.fields():  # its widgets, made, never mounted: what a new form would show
            pass
        pairs = [(self.form_fields.get(key), made) for key, made in fresh.form_fields.items()]
        if len(pairs) != len(self.form_fields) or not all(
            kept is not None and kept.label == made.label and same_kind(kept.widget, made.widget)
            for kept, made in pairs
        ):
            return False
        help_shown = self._help_shown
        for name, value in vars(fresh).items():
            if name not in fresh._screen_attributes and name not in self.WIDGETS_ATTRIBUTES:
                setattr(self, name, value)
        self.form_fields = {made.key: Field(made.key, made.label, kept.widget, made.read_value) for kept, made in pairs}
        self.styles_current = self._styled_as_now()
        if not self.styles_current:
            self._shown_before = True  # (built while idle, never shown) restyled as it shows, as after a new theme
        self.set_focus(None)
        self.labelled.scroll_to(0, 0, animate=False, immediate=True)
        self.query_one(".form-title", Static).update(Content(printable(self.form_title)))
        if help_shown:  # as a new form's, until ``opening`` shows the first field's
            self.query_one("#form-help", Static).update(Content(""))
        for kept, made in pairs:
            assert kept is not None
            show_beside(kept.widget, None)
            take_value(kept.widget, made.widget)
        self._layout_required = True  # laid out once as it shows (its title's lines, its scrollbars), then drawn
        return True

    def on_screen_suspend(self) -> None:
        self._styled_with = self._app_styles()
        if self not in self.app.screen_stack:  # closed (kept for the next form, ``forms.kept``): its field's
            self.set_focus(None)  # cursor stops blinking

    def _app_styles(self) -> tuple[int, list[Any]]:
        """What the app's styles are now: Textual counts their changes (a theme chosen), and a stylesheet
        parsed again is a new list of rules."""
        app: Any = self.app
        return app._css_update_count, app.stylesheet.rules

    def _styled_as_now(self) -> bool:
        """Whether the app's styles are still those this form was styled with."""
        if self._styled_with is None:
            return False
        count, rules = self._app_styles()
        return self._styled_with[0] == count and self._styled_with[1] is rules

    def _become_ready(self) -> None:
        """The keys typed while the form was getting ready go to its fields now, in order."""
        first = self.first_field()
        if self.focused is None and first is not None:
            self.set_focus(first)  # focus() waits its turn in the app's queue: the keys must not pass it
        self.ready = True
        release = getattr(self.app, "release_held_keys", None)
        if release is not None:
            release()

    def first_field(self) -> Any:
        """The field that has the focus when the form opens."""
        return self.query(Input).first() if self.query(Input) else None
