"""Modal screens: confirmations, choices and the editing forms.

Forms validate as the user types (dates, ranges, required fields) and, before
closing, ask the screen to try the change with the real operation, so that a
form never closes on a change ``ops`` would refuse. They return only what
changed; the screen applies it through ``ops``.
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
from textual.suggester import SuggestFromList
from textual.validation import Function, ValidationResult, Validator
from textual.widgets import Button, Checkbox, Input, Label, MaskedInput, Select, Static, TextArea

from planaction.labels import word
from planaction.model import Action, Level, Plan, Status
from planaction.safetext import printable

# -- validators -------------------------------------------------------------------


class DateText(Validator):
    """Empty, or a real date written YYYY-MM-DD."""

    def __init__(self, message: str) -> None:
        super().__init__(failure_description=message)

    def validate(self, value: str) -> ValidationResult:
        text = value.strip().replace(" ", "")
        if text in ("", "----"):
            return self.success()
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return self.failure()
        return self.success()


class WholeNumber(Validator):
    def __init__(self, low: int, high: int, message: str) -> None:
        super().__init__(failure_description=message)
        self.low, self.high = low, high

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            number = int(value.strip())
        except ValueError:
            return self.failure()
        return self.success() if self.low <= number <= self.high else self.failure()


class Amount(Validator):
    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            return self.success() if float(value.strip().replace(",", ".")) >= 0 else self.failure()
        except ValueError:
            return self.failure()


def required(message: str) -> Validator:
    return Function(lambda value: bool(value.strip()), message)


class DateInput(MaskedInput):
    """A masked YYYY-MM-DD field that may stay empty (optional dates).

    Textual's MaskedInput raises when typed text replaces a selection with
    something the mask refuses (a letter over a selected date): here that
    keystroke is refused with a bell instead of crashing the app.
    """

    def replace(self, text: str, start: int, end: int) -> None:
        try:
            super().replace(text, start, end)
        except ValueError:
            self.app.bell()

    def validate(self, value: str) -> ValidationResult | None:
        if not value.replace("_", "").replace("-", "").strip():
            return ValidationResult.success()
        return super().validate(value)


def date_input(value: dt.date | None, *, id: str) -> DateInput:
    return DateInput("9999-99-99;_", value=value.isoformat() if value else "", id=id, select_on_focus=False)


def parse_date(text: str) -> dt.date | None:
    cleaned = text.replace("_", "").strip()
    if cleaned in ("", "--"):
        return None
    return dt.date.fromisoformat(cleaned)


def split_list(text: str, separator: str = ",") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip())


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


class FormScreen(ModalScreen[dict[str, Any] | None]):
    """Shared behaviour: a scrolling list of labelled fields, an error line, Save / Cancel."""

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

    @staticmethod
    def row(text: str, widget: Any) -> Horizontal:
        if isinstance(widget, (Input, Select)):
            widget.compact = True  # one line per field: the whole form fits at 80x24
        return Horizontal(Label(text, classes="field-label"), widget, classes="field")

    def show_error(self, message: str | None) -> None:
        error = self.query_one("#form-error", Static)
        error.update(Content(printable(message or "")))
        error.display = bool(message)

    def invalid_inputs(self) -> list[str]:
        problems = []
        for widget in self.query(Input):
            result = widget.validate(widget.value)
            if result is not None and not result.is_valid:
                label = widget.parent.query_one(Label).content if widget.parent else widget.id
                problems.append(f"{label}: {'; '.join(result.failure_descriptions)}")
        return problems

    @on(Input.Changed)
    def live_check(self, event: Input.Changed) -> None:
        result = event.validation_result
        if result is not None and not result.is_valid:
            self.show_error("; ".join(result.failure_descriptions))
        else:
            self.show_error(None)

    def values(self) -> dict[str, Any]:  # pragma: no cover - overridden
        return {}

    def action_submit(self) -> None:
        problems = self.invalid_inputs()
        if problems:
            self.show_error(problems[0])
            return
        try:
            values = self.values()
        except ValueError as exc:
            self.show_error(str(exc))
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
        self.prepare()
        first = self.first_field()
        if first is not None:
            first.focus()

    def prepare(self) -> None:
        """Finish setting up the fields once mounted (subclasses)."""

    def first_field(self) -> Any:
        """The field that has the focus when the form opens."""
        return self.query(Input).first() if self.query(Input) else None


def _select_options(items: list[tuple[str, str]]) -> list[tuple[Content, str]]:
    return [(Content(printable(label)), value) for label, value in items]


class ActionForm(FormScreen):
    """Every field of an action; returns the fields that changed (None clears one)."""

    TALL = True

    def __init__(self, plan: Plan, action: Action | None, lang: str, check: Checker) -> None:
        t = Words(lang)
        title = t("Nouvelle action", "New action") if action is None else f"{action.id} — {action.title}"
        super().__init__(title, lang, check)
        self.plan = plan
        self.action = action

    def fields(self) -> ComposeResult:
        t, a, lang = self.t, self.action, self.lang
        people = sorted(
            {x.owner for x in self.plan.actions} | {p.name for p in self.plan.people},
            key=str.casefold,
        )
        bad_date = t("date au format AAAA-MM-JJ", "date as YYYY-MM-DD")
        yield self.row(
            word("title", lang),
            Input(
                a.title if a else "",
                id="f-title",
                validators=[required(t("le titre est obligatoire", "a title is required"))],
            ),
        )
        yield self.row(
            word("owner", lang),
            Input(
                a.owner if a else "",
                id="f-owner",
                suggester=SuggestFromList(people, case_sensitive=False),
                validators=[required(t("le responsable est obligatoire", "an owner is required"))],
            ),
        )
        yield self.row(
            word("co_owners", lang),
            Input(
                ", ".join(a.co_owners) if a else "",
                id="f-co_owners",
                suggester=SuggestFromList(people, case_sensitive=False),
            ),
        )
        yield self.row(
            word("status", lang),
            Select(
                _select_options([(s.label(lang), s.value) for s in Status]),
                value=(a.status.value if a else Status.TODO.value),
                allow_blank=False,
                id="f-status",
            ),
        )
        yield self.row(
            word("progress", lang),
            Input(
                str(a.progress) if a else "0",
                id="f-progress",
                type="integer",
                validators=[WholeNumber(0, 100, t("de 0 à 100", "from 0 to 100"))],
            ),
        )
        yield self.row(
            word("priority", lang),
            Select(
                _select_options([(lv.label(lang), lv.value) for lv in Level]),
                value=(a.priority.value if a and a.priority else Select.NULL),
                id="f-priority",
            ),
        )
        yield self.row(word("start", lang), date_input(a.start if a else None, id="f-start"))
        yield self.row(word("due", lang), date_input(a.due if a else None, id="f-due"))
        yield self.row(word("completed", lang), date_input(a.completed if a else None, id="f-completed"))
        for key, fr, en in (
            ("impact", "Impact (0-5)", "Impact (0-5)"),
            ("urgency", "Urgence (0-5)", "Urgency (0-5)"),
            ("effort", "Effort (0-5)", "Effort (0-5)"),
        ):
            value = getattr(a, key) if a else None
            yield self.row(
                t(fr, en),
                Input(
                    "" if value is None else str(value),
                    id=f"f-{key}",
                    type="integer",
                    validators=[WholeNumber(0, 5, t("de 0 à 5", "from 0 to 5"))],
                ),
            )
        yield self.row(word("imperative", lang), Checkbox("", a.imperative if a else False, id="f-imperative"))
        if self.plan.streams:
            yield self.row(
                word("stream", lang),
                Select(
                    _select_options([(f"{s.id} {s.name}", s.id) for s in self.plan.streams]),
                    value=(a.stream if a and a.stream else Select.NULL),
                    id="f-stream",
                ),
            )
        if self.plan.objectives:
            yield self.row(
                word("objective", lang),
                Select(
                    _select_options([(f"{o.id} {o.title}", o.id) for o in self.plan.objectives]),
                    value=(a.objective if a and a.objective else Select.NULL),
                    id="f-objective",
                ),
            )
        if self.plan.kpis:
            yield self.row(
                "KPI",
                Select(
                    _select_options([(f"{k.id} {k.name}", k.id) for k in self.plan.kpis]),
                    value=(a.kpi if a and a.kpi else Select.NULL),
                    id="f-kpi",
                ),
            )
        indicators = list(a.indicators) if a else []
        yield self.row(
            f"{word('indicator', lang)} 1",
            Input(indicators[0] if indicators else "", id="f-indicator1"),
        )
        yield self.row(
            f"{word('indicator', lang)} 2",
            Input(indicators[1] if len(indicators) > 1 else "", id="f-indicator2"),
        )
        yield self.row(word("resources", lang), Input(a.resources or "" if a else "", id="f-resources"))
        yield self.row(
            word("budget", lang),
            Input(
                "" if not a or a.budget is None else f"{a.budget:g}",
                id="f-budget",
                validators=[Amount(failure_description=t("un montant positif", "a positive amount"))],
            ),
        )
        yield self.row(t("Compétences", "Skills"), Input(", ".join(a.skills) if a else "", id="f-skills"))
        yield self.row(t("Partenaires", "Partners"), Input(", ".join(a.partners) if a else "", id="f-partners"))
        yield self.row(
            t("Dépend de", "Depends on"),
            Input(", ".join(a.depends_on) if a else "", id="f-depends_on", placeholder="A1, A2"),
        )
        origins = "; ".join(o.kind.value + (f": {o.ref}" if o.ref else "") for o in a.origins) if a else ""
        yield self.row(
            word("origin", lang),
            Input(origins, id="f-origins", placeholder="audit: Critère 3.10; complaint"),
        )
        comment = TextArea(a.comment or "" if a else "", id="f-comment", soft_wrap=True)
        yield self.row(word("comment", lang), comment)
        self._bad_date = bad_date

    def prepare(self) -> None:
        for masked in self.query(MaskedInput):
            masked.validators.append(DateText(self._bad_date))

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#f-{field_id}", Input).value.strip()

    def _select(self, field_id: str) -> str | None:
        found = self.query(f"#f-{field_id}")
        if not found:
            return None
        value = found.first(Select).value
        return None if value is Select.NULL else value

    def _int(self, field_id: str) -> int | None:
        text = self._text(field_id)
        return int(text) if text else None

    def values(self) -> dict[str, Any]:
        budget = self._text("budget").replace(",", ".")
        origins = []
        for part in self._text("origins").split(";"):
            if part.strip():
                kind, _, ref = part.partition(":")
                origins.append({"kind": kind.strip(), **({"ref": ref.strip()} if ref.strip() else {})})
        new = {
            "title": self._text("title"),
            "owner": self._text("owner"),
            "co_owners": split_list(self._text("co_owners")),
            "status": self._select("status"),
            "progress": self._int("progress") or 0,
            "priority": self._select("priority"),
            "start": parse_date(self.query_one("#f-start", MaskedInput).value),
            "due": parse_date(self.query_one("#f-due", MaskedInput).value),
            "completed": parse_date(self.query_one("#f-completed", MaskedInput).value),
            "impact": self._int("impact"),
            "urgency": self._int("urgency"),
            "effort": self._int("effort"),
            "imperative": self.query_one("#f-imperative", Checkbox).value,
            "stream": self._select("stream"),
            "objective": self._select("objective"),
            "kpi": self._select("kpi"),
            "indicators": tuple(x for x in (self._text("indicator1"), self._text("indicator2")) if x),
            "resources": self._text("resources") or None,
            "budget": float(budget) if budget else None,
            "skills": split_list(self._text("skills")),
            "partners": split_list(self._text("partners")),
            "depends_on": split_list(self._text("depends_on")),
            "origins": tuple(origins),
            "comment": self.query_one("#f-comment", TextArea).text.strip("\n") or None,
        }
        old = self._as_form(self.action) if self.action is not None else {}
        changes = {}
        for key, value in new.items():
            empty = value in ((), False, "", None)
            if self.action is None:
                if not empty:
                    changes[key] = value
            elif value != old[key]:
                changes[key] = None if empty else value
        return changes

    @staticmethod
    def _as_form(a: Action) -> dict[str, Any]:
        """The action's values in the form's own terms, to see what the user changed."""
        from planaction.diff import to_data

        return {
            "title": a.title,
            "owner": a.owner,
            "co_owners": a.co_owners,
            "status": a.status.value,
            "progress": a.progress,
            "priority": a.priority.value if a.priority else None,
            "start": a.start,
            "due": a.due,
            "completed": a.completed,
            "impact": a.impact,
            "urgency": a.urgency,
            "effort": a.effort,
            "imperative": a.imperative,
            "stream": a.stream,
            "objective": a.objective,
            "kpi": a.kpi,
            "indicators": a.indicators,
            "resources": a.resources,
            "budget": a.budget,
            "skills": a.skills,
            "partners": a.partners,
            "depends_on": a.depends_on,
            "origins": tuple(to_data(o) for o in a.origins),
            "comment": a.comment,
        }


class LogForm(FormScreen):
    """A follow-up entry: date, action, result, comment, author."""

    def __init__(self, plan: Plan, action_id: str | None, today: dt.date, lang: str, check: Checker) -> None:
        t = Words(lang)
        super().__init__(t("Nouvelle entrée de suivi", "New follow-up entry"), lang, check)
        self.plan, self.action_id, self.today = plan, action_id, today

    def fields(self) -> ComposeResult:
        t, lang = self.t, self.lang
        yield self.row(word("date", lang), date_input(self.today, id="f-date"))
        options = _select_options([(f"{a.id} {a.title}", a.id) for a in self.plan.actions])
        yield self.row(
            word("action", lang),
            Select(
                options,
                value=self.action_id or Select.NULL,
                id="f-action",
                prompt=t("(tout le plan)", "(whole plan)"),
            ),
        )
        yield self.row(
            word("result", lang),
            Input(
                "",
                id="f-result",
                validators=[required(t("le résultat est obligatoire", "a result is required"))],
            ),
        )
        yield self.row(word("comment", lang), Input("", id="f-comment"))
        authors = sorted({e.author for e in self.plan.log if e.author}, key=str.casefold)
        yield self.row(
            word("author", lang),
            Input(
                authors[-1] if authors else "",
                id="f-author",
                suggester=SuggestFromList(authors, case_sensitive=False),
            ),
        )

    def first_field(self) -> Any:
        return self.query_one("#f-result", Input)

    def values(self) -> dict[str, Any]:
        action = self.query_one("#f-action", Select).value
        return {
            "date": parse_date(self.query_one("#f-date", MaskedInput).value) or self.today,
            "action": None if action is Select.NULL else action,
            "result": self.query_one("#f-result", Input).value.strip(),
            "comment": self.query_one("#f-comment", Input).value.strip() or None,
            "author": self.query_one("#f-author", Input).value.strip() or None,
        }


class MeasurementForm(FormScreen):
    """A KPI measurement: KPI, date, value, comment."""

    def __init__(self, plan: Plan, kpi_id: str | None, today: dt.date, lang: str, check: Checker) -> None:
        t = Words(lang)
        super().__init__(t("Nouvelle mesure", "New measurement"), lang, check)
        self.plan, self.kpi_id, self.today = plan, kpi_id, today

    def fields(self) -> ComposeResult:
        t, lang = self.t, self.lang
        options = _select_options([(f"{k.id} {k.name}", k.id) for k in self.plan.kpis])
        yield self.row(
            "KPI",
            Select(options, value=self.kpi_id or self.plan.kpis[0].id, allow_blank=False, id="f-kpi"),
        )
        yield self.row(word("date", lang), date_input(self.today, id="f-date"))
        yield self.row(
            t("Valeur", "Value"),
            Input(
                "",
                id="f-value",
                type="number",
                validators=[required(t("la valeur est obligatoire", "a value is required"))],
            ),
        )
        yield self.row(word("comment", lang), Input("", id="f-comment"))

    def first_field(self) -> Any:
        return self.query_one("#f-value", Input)

    def values(self) -> dict[str, Any]:
        return {
            "kpi": self.query_one("#f-kpi", Select).value,
            "date": parse_date(self.query_one("#f-date", MaskedInput).value) or self.today,
            "value": float(self.query_one("#f-value", Input).value.replace(",", ".")),
            "comment": self.query_one("#f-comment", Input).value.strip() or None,
        }


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
