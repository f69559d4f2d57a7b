"""Modal screens: confirmations, choices and the editing forms.

Forms check as the person types (dates, numbers, required fields, each
message beside its field) and, before closing, ask the screen to try the
change with the real operation, so that a form never closes on a change
``ops`` would refuse. The action form returns only the fields the person
changed (``form_fields``); the screen applies them through ``ops``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from planaction.core.model import Action, Level, Plan, Status
from planaction.present import views
from planaction.tui.form_fields import (
    Field,
    PeopleSuggester,
    Reader,
    date_input,
    date_reader,
    number_input,
    number_reader,
    origin_line,
    origins_reader,
    percent_reader,
    problem_text,
    read_choice,
    read_items,
    read_lines,
    read_long_text,
    read_text,
    read_tick,
    text_input,
    whole_reader,
)
from planaction.words.labels import word
from planaction.words.safetext import printable
from planaction.words.userinput import UnreadableInput

# -- simple modals ----------------------------------------------------------------


class ConfirmModal(ModalScreen[bool]):
    """Yes or no."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class ChoiceModal(ModalScreen[str | None]):
    """One of a few named choices (escape: None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]], *, focus: str | None = None) -> None:
        """``choices``: (id, label, variant)."""
        super().__init__()
        self.question, self.choices, self.focus_id = question, choices, focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="question")
            with Horizontal(classes="buttons"):
                for choice_id, text, variant in self.choices:
                    yield Button(text, variant=variant, id=choice_id)

    def on_mount(self) -> None:
        target = self.focus_id or self.choices[-1][0]
        self.query_one(f"#{target}", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


# -- forms ------------------------------------------------------------------------

#: Tries a change with the real operation; returns an error message or None.
Checker = Callable[[dict[str, Any]], str | None]


@dataclass(frozen=True)
class Words:
    lang: str

    def __call__(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en


class FieldsRefused(Exception):
    """Some fields do not read; each has its message beside it."""


class FormScreen(ModalScreen[dict[str, Any] | None]):
    """Shared behaviour: a scrolling list of labelled fields, each with its own error line, Save / Cancel.

    Fields are registered with ``field``; the form remembers what each widget
    held when it opened, so that it can tell what the person changed
    (``changes``) and whether leaving would lose typed text (``has_changes``).
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
        Binding("ctrl+s", "submit", "Save", id="form_submit", priority=True),
    ]

    def __init__(self, title: str, lang: str, check: Checker) -> None:
        super().__init__()
        self.form_title = title
        self.lang = lang
        self.t = Words(lang)
        self.check = check
        self.form_fields: dict[str, Field] = {}

    #: Long forms take most of the screen and scroll; short ones fit their fields.
    TALL = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form tall" if self.TALL else "dialog form"):
            yield Static(Content(printable(self.form_title)), classes="form-title")
            with VerticalScroll(classes="fields"):
                yield from self.fields()
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(self.t("Enregistrer", "Save"), variant="primary", id="submit")
                yield Button(self.t("Annuler", "Cancel"), id="cancel")

    def fields(self) -> ComposeResult:  # pragma: no cover - overridden
        yield from ()

    def field(self, key: str, text: str, widget: Any, read: Reader) -> Vertical:
        """A labelled field with its error line; ``read`` turns what the widget holds into the value."""
        self.form_fields[key] = Field(key, text, widget, read)
        return self.row(text, widget)

    @staticmethod
    def row(text: str, widget: Any) -> Vertical:
        if isinstance(widget, (Input, Select)):
            widget.compact = True  # one line per field: the whole form fits at 80x24
        error = Static("", id=f"{widget.id}-error", classes="field-error")
        error.display = False
        return Vertical(
            Horizontal(Label(text, classes="field-label"), widget, classes="field-line"),
            error,
            classes="field",
        )

    def show_error(self, message: str | None) -> None:
        error = self.query_one("#form-error", Static)
        error.update(Content(printable(message or "")))
        error.display = bool(message)

    def show_field_error(self, widget: Any, message: str | None) -> None:
        """The message beside the field it is about (empty: the field is fine)."""
        found = self.query(f"#{widget.id}-error")
        if found:
            error = found.first(Static)
            error.update(Content(printable(message or "")))
            error.display = bool(message)

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
            self.show_error(
                self.t(
                    f"À corriger : {', '.join(f.label for f in refused)}",
                    f"To fix: {', '.join(f.label for f in refused)}",
                )
            )
            refused[0].widget.focus()
            raise FieldsRefused
        return values

    @staticmethod
    def _validation_problem(widget: Any) -> str | None:
        if not isinstance(widget, Input):
            return None
        result = widget.validate(widget.value)
        if result is not None and not result.is_valid:
            return "; ".join(result.failure_descriptions)
        return None

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
        self.dismiss(None)

    @on(Button.Pressed, "#submit")
    def submit_button(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def cancel_button(self) -> None:
        self.action_cancel()

    def on_mount(self) -> None:
        self.show_error(None)
        for form_field in self.form_fields.values():
            form_field.remember()
        first = self.first_field()
        if first is not None:
            first.focus()

    def first_field(self) -> Any:
        """The field that has the focus when the form opens."""
        return self.query(Input).first() if self.query(Input) else None


def _select_options(items: list[tuple[str, str]]) -> list[tuple[Content, str]]:
    return [(Content(printable(label)), value) for label, value in items]


class ActionForm(FormScreen):
    """Every field of an action; returns the fields the person changed (None clears one)."""

    TALL = True

    def __init__(self, plan: Plan, action: Action | None, lang: str, check: Checker) -> None:
        t = Words(lang)
        title = t("Nouvelle action", "New action") if action is None else f"{action.id} — {action.title}"
        super().__init__(title, lang, check)
        self.plan = plan
        self.action = action

    def fields(self) -> ComposeResult:
        t, a, lang = self.t, self.action, self.lang
        people = views.owners(self.plan)
        yield self.field(
            "title",
            word("title", lang),
            text_input(
                a.title if a else "", id="f-title", required=t("le titre est obligatoire", "a title is required")
            ),
            read_text,
        )
        yield self.field(
            "owner",
            word("owner", lang),
            text_input(
                a.owner if a else "",
                id="f-owner",
                required=t("le responsable est obligatoire", "an owner is required"),
                suggester=PeopleSuggester(people),
            ),
            read_text,
        )
        yield self.field(
            "co_owners",
            word("co_owners", lang),
            text_input(", ".join(a.co_owners) if a else "", id="f-co_owners", suggester=PeopleSuggester(people)),
            read_items,
        )
        yield self.field(
            "status",
            word("status", lang),
            Select(
                _select_options([(s.label(lang), s.value) for s in Status]),
                value=(a.status.value if a else Status.TODO.value),
                allow_blank=False,
                id="f-status",
            ),
            read_choice,
        )
        yield self.field(
            "progress",
            word("progress", lang),
            number_input(a.progress if a else 0, lang, percent_reader(lang), id="f-progress"),
            percent_reader(lang),
        )
        yield self.field(
            "priority",
            word("priority", lang),
            Select(
                _select_options([(lv.label(lang), lv.value) for lv in Level]),
                value=(a.priority.value if a and a.priority else Select.NULL),
                prompt=t("(aucune)", "(none)"),  # Textual's own prompt is the English word "Select"
                id="f-priority",
            ),
            read_choice,
        )
        for key in ("start", "due", "completed"):
            yield self.field(
                key, word(key, lang), date_input(getattr(a, key) if a else None, lang, id=f"f-{key}"), date_reader(lang)
            )
        for key, fr, en in (
            ("impact", "Impact (0-5)", "Impact (0-5)"),
            ("urgency", "Urgence (0-5)", "Urgency (0-5)"),
            ("effort", "Effort (0-5)", "Effort (0-5)"),
        ):
            reader = whole_reader(lang, 0, 5)
            yield self.field(
                key, t(fr, en), number_input(getattr(a, key) if a else None, lang, reader, id=f"f-{key}"), reader
            )
        yield self.field(
            "imperative",
            word("imperative", lang),
            Checkbox("", a.imperative if a else False, id="f-imperative"),
            read_tick,
        )
        for key, label, items in (
            ("stream", word("stream", lang), [(f"{s.id} {s.name}", s.id) for s in self.plan.streams]),
            ("objective", word("objective", lang), [(f"{o.id} {o.title}", o.id) for o in self.plan.objectives]),
            ("kpi", "KPI", [(f"{k.id} {k.name}", k.id) for k in self.plan.kpis]),
        ):
            current = getattr(a, key) if a else None
            if items:
                yield self.field(
                    key,
                    label,
                    Select(
                        _select_options(items),
                        value=current if current in {value for _label, value in items} else Select.NULL,
                        prompt=t("(aucun)", "(none)"),
                        id=f"f-{key}",
                    ),
                    read_choice,
                )
        yield self.field(
            "indicators",
            t("Indicateurs (un par ligne)", "Indicators (one a line)"),
            TextArea("\n".join(a.indicators) if a else "", id="f-indicators", soft_wrap=True, classes="short"),
            read_lines,
        )
        yield self.field(
            "resources", word("resources", lang), text_input(a.resources if a else "", id="f-resources"), read_text
        )
        budget_reader = number_reader(lang)
        yield self.field(
            "budget",
            word("budget", lang),
            number_input(a.budget if a else None, lang, budget_reader, id="f-budget"),
            budget_reader,
        )
        yield self.field(
            "skills",
            t("Compétences", "Skills"),
            text_input(", ".join(a.skills) if a else "", id="f-skills"),
            read_items,
        )
        yield self.field(
            "partners",
            t("Partenaires", "Partners"),
            text_input(", ".join(a.partners) if a else "", id="f-partners"),
            read_items,
        )
        yield self.field(
            "depends_on",
            t("Dépend de", "Depends on"),
            text_input(", ".join(a.depends_on) if a else "", id="f-depends_on", placeholder="A1, A2"),
            read_items,
        )
        origins = a.origins if a else ()
        yield self.field(
            "origins",
            t("Origines (une par ligne)", "Origins (one a line)"),
            TextArea("\n".join(origin_line(o) for o in origins), id="f-origins", soft_wrap=True, classes="short"),
            origins_reader(origins),
        )
        yield self.field(
            "comment",
            word("comment", lang),
            TextArea(a.comment or "" if a else "", id="f-comment", soft_wrap=True),
            read_long_text,
        )

    def values(self) -> dict[str, Any]:
        """What the person changed: every changed field read back (None clears it); nothing else."""
        changed = [key for key, form_field in self.form_fields.items() if form_field.changed]
        values = self.read_fields(changed)
        if self.action is None:
            return {key: value for key, value in values.items() if value not in ((), False, "", None)}
        return {key: None if value in ((), "", None) else value for key, value in values.items()}


class LogForm(FormScreen):
    """A follow-up entry: date, action, result, comment, author."""

    def __init__(self, plan: Plan, action_id: str | None, today: dt.date, lang: str, check: Checker) -> None:
        t = Words(lang)
        super().__init__(t("Nouvelle entrée de suivi", "New follow-up entry"), lang, check)
        self.plan, self.action_id, self.today = plan, action_id, today

    def fields(self) -> ComposeResult:
        t, lang = self.t, self.lang
        yield self.field("date", word("date", lang), date_input(self.today, lang, id="f-date"), date_reader(lang))
        options = _select_options([(f"{a.id} {a.title}", a.id) for a in self.plan.actions])
        yield self.field(
            "action",
            word("action", lang),
            Select(
                options,
                value=self.action_id or Select.NULL,
                id="f-action",
                prompt=t("(tout le plan)", "(whole plan)"),
            ),
            read_choice,
        )
        yield self.field(
            "result",
            word("result", lang),
            text_input("", id="f-result", required=t("le résultat est obligatoire", "a result is required")),
            read_text,
        )
        yield self.field("comment", word("comment", lang), text_input("", id="f-comment"), read_text)
        authors = views.people_names(e.author for e in self.plan.log if e.author)
        yield self.field(
            "author",
            word("author", lang),
            text_input(authors[-1] if authors else "", id="f-author", suggester=PeopleSuggester(authors)),
            read_text,
        )

    def first_field(self) -> Any:
        return self.query_one("#f-result", Input)

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["date"] = values["date"] or self.today
        return values


class MeasurementForm(FormScreen):
    """A KPI measurement: KPI, date, value (as typed in the plan's language), comment."""

    def __init__(self, plan: Plan, kpi_id: str | None, today: dt.date, lang: str, check: Checker) -> None:
        t = Words(lang)
        super().__init__(t("Nouvelle mesure", "New measurement"), lang, check)
        self.plan, self.kpi_id, self.today = plan, kpi_id, today

    def fields(self) -> ComposeResult:
        t, lang = self.t, self.lang
        options = _select_options([(f"{k.id} {k.name}", k.id) for k in self.plan.kpis])
        yield self.field(
            "kpi",
            "KPI",
            Select(options, value=self.kpi_id or self.plan.kpis[0].id, allow_blank=False, id="f-kpi"),
            read_choice,
        )
        yield self.field("date", word("date", lang), date_input(self.today, lang, id="f-date"), date_reader(lang))
        reader = number_reader(lang)
        yield self.field(
            "value",
            t("Valeur", "Value"),
            number_input(
                None, lang, reader, id="f-value", required=t("la valeur est obligatoire", "a value is required")
            ),
            reader,
        )
        yield self.field("comment", word("comment", lang), text_input("", id="f-comment"), read_text)

    def first_field(self) -> Any:
        return self.query_one("#f-value", Input)

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["date"] = values["date"] or self.today
        return values


class PathModal(ModalScreen[str | None]):
    """Ask for a file path (the default is pre-filled)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, question: str, default: str, lang: str) -> None:
        super().__init__()
        self.question, self.default, self.t = question, default, Words(lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="question")
            yield Input(self.default, id="path")
            yield Static("", id="path-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(self.t("Ouvrir", "Open"), variant="primary", id="ok")
                yield Button(self.t("Annuler", "Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path-error", Static).display = False
        self.query_one("#path", Input).focus()

    def _answer(self) -> None:
        from pathlib import Path

        value = self.query_one("#path", Input).value.strip()
        if not Path(value).expanduser().is_file():
            error = self.query_one("#path-error", Static)
            error.update(Content(printable(self.t(f"Fichier introuvable : {value}", f"No such file: {value}"))))
            error.display = True
            return
        self.dismiss(str(Path(value).expanduser()))

    @on(Input.Submitted, "#path")
    def submitted(self) -> None:
        self._answer()

    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        self._answer()

    @on(Button.Pressed, "#cancel")
    def cancel_button(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChangesModal(ModalScreen[str | None]):
    """What an import would change, before it applies: apply, take theirs on conflicts, or cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="modal_cancel")]

    def __init__(self, title: str, sections: list[tuple[str, list[str]]], lang: str, *, conflicts: bool) -> None:
        super().__init__()
        self.title_text, self.sections, self.t, self.conflicts = title, sections, Words(lang), conflicts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form tall"):
            yield Static(Content(printable(self.title_text)), classes="form-title")
            with VerticalScroll(classes="fields"):
                for heading, lines in self.sections:
                    if lines:
                        yield Static(Content.styled(printable(heading), "bold $primary"))
                        yield Static(Content(printable("\n".join(f"  {line}" for line in lines))))
            with Horizontal(classes="buttons"):
                yield Button(self.t("Appliquer", "Apply"), variant="primary", id="apply")
                if self.conflicts:
                    yield Button(
                        self.t("Appliquer, classeur prioritaire", "Apply, workbook wins"),
                        variant="warning",
                        id="theirs",
                    )
                yield Button(self.t("Annuler", "Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#apply", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
