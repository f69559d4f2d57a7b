"""The portfolio's "New plan" form: a file name in the folder, title, owner, template and language.

The plan is made here, with ``templates.create`` (the function ``planaction new`` calls), so that
a refused name, a title the model refuses or a file that could not be written is said beside its
field and the form stays open with what was typed; the form closes with the new file's path.
Nothing is written before the person asks for it, and nothing is ever replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static

from planaction.core import ops
from planaction.core.model import PlanType
from planaction.present.portfolio import folder_name, new_plan_path
from planaction.store import SaveError, templates
from planaction.tui.widgets.field_row import field_row, show_beside
from planaction.words.portfolio import say as said
from planaction.words.safetext import one_line, printable

#: The template chosen when the form opens: the command line's default too.
DEFAULT_TEMPLATE = PlanType.OPERATIONAL.value


class NewPlanModal(ModalScreen[Path | None]):
    """Ask for a new plan and make it; dismissed with its path, or None (escape, Cancel)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
        # not priority: ctrl+s waits behind the letters typed before it in the field, so a burst
        # "name, Tab, title, ctrl+s" makes the plan from everything typed
        Binding("ctrl+s", "submit", "Create", id="form_submit"),
        # Tab, and Enter in a field, move the focus at once (priority: before the app hands on the
        # next key), so that a name, Tab, a title typed in one burst each land in their field
        Binding("tab", "next_field", show=False, priority=True),
        Binding("shift+tab", "previous_field", show=False, priority=True),
        Binding("enter", "enter_field", show=False, priority=True),
    ]

    #: ``on_mount`` focuses the file name (Textual's own first focus would restyle the list of fields once more)
    AUTO_FOCUS = ""

    def __init__(self, folder: Path, lang: str) -> None:
        super().__init__()
        self.folder, self.lang = folder, lang

    def has_changes(self) -> bool:
        """Whether leaving would lose what was typed (quitting asks first, as for the other forms)."""
        return any(field.value.strip() for field in self.query(Input))

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self.lang
        folder = one_line(folder_name(self.folder))
        with Vertical(classes="dialog form", id="new-plan"):
            yield Static(Content(printable(said("new_title", lang, folder=folder))), classes="form-title")
            with VerticalScroll(classes="fields", can_focus=False):
                yield self._row("field_file", Input(placeholder=said("file_placeholder", lang), id="np-file"))
                yield self._row("field_title", Input(id="np-title"))
                yield self._row("field_owner", Input(id="np-owner"))
                choices = [(said("empty_plan", lang), templates.EMPTY)]
                choices += [(kind.label(lang), kind.value) for kind in PlanType]
                template = Select(choices, value=DEFAULT_TEMPLATE, allow_blank=False, id="np-template")
                yield self._row("field_template", template)
                languages = [(said("lang_fr", lang), "fr"), (said("lang_en", lang), "en")]
                yield self._row("field_language", Select(languages, value=lang, allow_blank=False, id="np-language"))
                yield self._row("field_examples", Checkbox(said("keep_examples", lang), value=False, id="np-examples"))
                yield Static("", id="np-about", classes="np-about")
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(said("create", lang), variant="primary", id="create")
                yield Button(said("cancel", lang), id="cancel")

    def _row(self, key: str, widget: Widget) -> Horizontal:
        return field_row(said(key, self.lang), widget)

    def on_mount(self) -> None:
        self.query_one("#form-error", Static).display = False
        self._explain()
        self.set_focus(self.query_one("#np-file", Input))  # now, not after the keys already queued

    def on_key(self, event: events.Key) -> None:
        """Keys typed in a burst right after ``n`` (or after a Tab) were sent to the form before the
        field had the focus: they belong to the field that has it now. A key typed in a field never
        gets here (the field takes it), so only those keys are moved."""
        field = self.focused if self.focused is not None else self.query_one("#np-file", Input)
        if event.is_printable and event.character and isinstance(field, Input):
            field.insert_text_at_cursor(event.character)
            event.stop()

    # -- what the choice means -----------------------------------------------------------------

    @property
    def template(self) -> str:
        return str(self.query_one("#np-template", Select).value)

    @on(Select.Changed, "#np-template")
    @on(Checkbox.Changed, "#np-examples")
    def _explain(self) -> None:
        """Say what will be made; "keep the examples" means nothing for an empty plan."""
        template = self.template
        examples = self.query_one("#np-examples", Checkbox)
        examples.disabled = template == templates.EMPTY
        if template == templates.EMPTY:
            about = said("about_empty", self.lang)
        else:
            kind = PlanType(template).label(self.lang)
            about = said("about_examples" if examples.value else "about_template", self.lang, type=kind)
        self.query_one("#np-about", Static).update(Content(about))

    # -- errors beside the fields ----------------------------------------------------------------

    def _field_error(self, field_id: str, message: str | None) -> None:
        show_beside(self.query_one(f"#{field_id}"), message)

    def _form_error(self, message: str | None) -> None:
        error = self.query_one("#form-error", Static)
        error.update(Content(printable(message or "")))
        error.display = bool(message)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """A field's message goes as soon as it is changed; the name is checked as it is typed."""
        if event.input.id == "np-file" and event.value.strip():
            _target, problem = new_plan_path(self.folder, event.value, self.lang)
            self._field_error("np-file", problem)
        elif event.input.id:
            self._field_error(event.input.id, None)
        self._form_error(None)

    # -- making the plan ---------------------------------------------------------------------------

    def _read(self) -> tuple[Path, dict[str, Any]] | None:
        """The target and the header typed, or None with each problem beside its field."""
        lang = self.lang
        refused: list[tuple[str, str]] = []
        target, problem = new_plan_path(self.folder, self.query_one("#np-file", Input).value, lang)
        if problem:
            refused.append(("np-file", problem))
        header: dict[str, Any] = {}
        for field_id, key in (("np-title", "title"), ("np-owner", "owner")):
            value = self.query_one(f"#{field_id}", Input).value.strip()
            if value:
                header[key] = value
            else:
                refused.append((field_id, said("required", lang)))
        header["language"] = str(self.query_one("#np-language", Select).value)
        for field_id in ("np-file", "np-title", "np-owner"):
            self._field_error(field_id, next((p for f, p in refused if f == field_id), None))
        if refused:
            labels = {"np-file": "field_file", "np-title": "field_title", "np-owner": "field_owner"}
            self._form_error(said("to_fix", lang, fields=", ".join(said(labels[f], lang) for f, _ in refused)))
            self.query_one(f"#{refused[0][0]}").focus()
            return None
        assert target is not None
        return target, header

    def action_submit(self) -> None:
        self.call_after_refresh(self._submit)  # once every field has taken the keys sent before

    def _submit(self) -> None:
        read = self._read()
        if read is None:
            return
        target, header = read
        examples = self.query_one("#np-examples", Checkbox).value and self.template != templates.EMPTY
        try:
            templates.create(target, self.template, header, examples=examples)
        except templates.Refused:  # made between the check and now
            _target, problem = new_plan_path(self.folder, target.name, self.lang)
            self._field_error("np-file", problem or said("name_exists", self.lang, name=target.name))
            return
        except ops.OpError as exc:
            self._form_error(said("not_created", self.lang, error=exc.text(self.lang)))
            return
        except SaveError as exc:
            self._form_error(said("not_created", self.lang, error=exc.text(self.lang)))
            return
        self.dismiss(target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is "next field" in a text field only: on a list it opens it, on a button it presses it."""
        if action == "enter_field":
            return isinstance(self.focused, Input)
        return True

    def action_enter_field(self) -> None:
        """Enter in a field goes to the next one, as Tab does; ctrl+s or the Create button makes the plan."""
        self.focus_next()

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    @on(Button.Pressed, "#create")
    def _create_button(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_button(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
