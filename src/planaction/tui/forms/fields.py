"""The fields of the forms: the text each one shows, and how what the person typed is read back.

A form writes only what the person changed. Each field remembers what its
widget held when the form opened; a field that still holds it is left out of
the changes, whatever the plan holds behind it (an origin's note the form does
not show, a budget's last decimals, a comment's trailing newline). A field the
person did change is read from its text: numbers and dates as a person types
them in the plan's language (``userinput``: ``55,5`` and ``1 234,5`` in a
French plan, dates as shown, ``15/01/2027``, or ISO), refused with a message
next to the field rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual.geometry import Size
from textual.suggester import Suggester
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from planaction.core.model import Origin
from planaction.tui.widgets.folded_select import FoldedSelect
from planaction.tui.widgets.leftovers import ForgetsItsWatchers
from planaction.words import userinput
from planaction.words.folding import person_key
from planaction.words.labels import date_text
from planaction.words.tui import say
from planaction.words.userinput import UnreadableInput, editable_number

#: Reads a widget's value (its text, a choice, a tick) as the model's value; raises ``UnreadableInput``.
Reader = Callable[[Any], Any]


def widget_value(widget: Widget) -> Any:
    """What a form widget holds now: text, a choice or a tick."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, (Input, Select, Checkbox)):
        return widget.value
    raise TypeError(f"not a form widget: {widget!r}")


@dataclass
class Field:
    """One field of a form: its widget, what the widget held at first, and how to read it."""

    key: str
    label: str
    widget: Widget
    read_value: Reader
    initial: Any = field(default=None)

    def remember(self) -> None:
        """Take what the widget holds now as what the form put there."""
        self.initial = widget_value(self.widget)

    @property
    def changed(self) -> bool:
        return widget_value(self.widget) != self.initial

    def read(self) -> Any:
        return self.read_value(widget_value(self.widget))


def problem_text(problem: UnreadableInput) -> str:
    return f"{problem.message} — {problem.hint}" if problem.hint else problem.message


class Readable(Validator):
    """Checks as you type that a field's text reads (empty is left to ``required``)."""

    def __init__(self, reader: Reader) -> None:
        super().__init__()
        self.reader = reader

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            self.reader(value)
        except UnreadableInput as problem:
            return self.failure(problem_text(problem))
        return self.success()


class Required(Validator):
    def __init__(self, message: str) -> None:
        super().__init__(failure_description=message)

    def validate(self, value: str) -> ValidationResult:
        return self.success() if value.strip() else self.failure()


# -- readers ------------------------------------------------------------------------


def read_text(value: str) -> str | None:
    return value.strip() or None


def read_items(value: str) -> tuple[str, ...]:
    """A comma-separated list (co-owners, skills, partners, dependencies)."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def read_lines(value: str) -> tuple[str, ...]:
    """One item per line (indicators)."""
    return tuple(line.strip() for line in value.splitlines() if line.strip())


def read_long_text(value: str) -> str | None:
    """A comment as typed, without the blank lines around it."""
    return value.strip("\n") or None


def read_choice(value: Any) -> Any:
    return None if value is Select.NULL else value


def read_tick(value: bool) -> bool:
    return bool(value)


def number_reader(lang: str, low: float | None = None, high: float | None = None) -> Reader:
    return lambda text: userinput.read_number(text, lang, low=low, high=high) if text.strip() else None


def whole_reader(lang: str, low: int, high: int) -> Reader:
    return lambda text: userinput.read_whole(text, lang, low=low, high=high) if text.strip() else None


def percent_reader(lang: str) -> Reader:
    return lambda text: userinput.read_percent(text, lang) if text.strip() else None


def date_reader(lang: str) -> Reader:
    return lambda text: userinput.read_date(text, lang) if text.strip() else None


def origins_reader(shown: tuple[Origin, ...], lang: str) -> Reader:
    """Origins, one ``kind: reference`` per line (the kind's label or code); a line left as it was
    keeps its origin whole (its note too)."""
    unchanged = {}
    for origin in shown:
        unchanged.setdefault(origin_line(origin, lang), origin)

    def read(text: str) -> tuple[Origin | dict[str, str], ...]:
        origins: list[Origin | dict[str, str]] = []
        for line in read_lines(text):
            if line in unchanged:
                origins.append(unchanged.pop(line))
                continue
            kind, _, ref = line.partition(":")
            ref, score = _scored(ref.strip())
            origins.append(
                {"kind": kind.strip(), **({"ref": ref} if ref else {}), **({"score": score} if score else {})}
            )
        return tuple(origins)

    return read


#: A criterion's score at the end of an origin's line: "Critère 3.10.2 (2/4)".
_SCORE = re.compile(r"\s*\(\s*(\d+)\s*/\s*4\s*\)\s*$")


def _scored(ref: str) -> tuple[str, int | None]:
    """The reference and the score written after it, if any (the model refuses one outside 1-4, beside the field)."""
    found = _SCORE.search(ref)
    if found is None:
        return ref, None
    return ref[: found.start()].strip(), int(found.group(1))


def origin_line(origin: Origin, lang: str) -> str:
    """An origin as the form shows it: its kind's label in the interface's language, its reference, and
    the criterion's score on the grid of 4 when it has one."""
    score = f" ({origin.score}/4)" if origin.score is not None else ""
    return origin.kind.label(lang) + (f": {origin.ref}" if origin.ref else (":" if score else "")) + score


# -- what a field shows --------------------------------------------------------------


def date_hint(lang: str) -> str:
    return say("date_hint", lang)


def text_input(value: str | None, *, id: str, required: str | None = None, **options: Any) -> Input:
    validators = [Required(required)] if required else []
    return Input(value or "", id=id, validators=validators, **options)


def number_input(
    value: float | int | None, lang: str, reader: Reader, *, id: str, required: str | None = None
) -> Input:
    """A number field: plain text, so that a decimal comma and spaces between thousands can be typed."""
    validators: list[Validator] = [Readable(reader)]
    if required:
        validators.insert(0, Required(required))
    return Input(editable_number(value, lang), id=id, validators=validators)


def date_input(value: dt.date | None, lang: str, *, id: str) -> Input:
    """A date field showing the date as the app shows it, and reading it so or in ISO."""
    return Input(
        date_text(value, lang),
        id=id,
        placeholder=date_hint(lang),
        validators=[Readable(date_reader(lang))],
        max_length=32,
    )


def id_input(value: str | None, lang: str, *, id: str) -> Input:
    """An id: empty takes the next free one (shown as the placeholder by the form)."""
    return Input(value or "", id=id, validators=[Readable(lambda text: userinput.read_id(text, lang))], max_length=40)


class FormTextArea(ForgetsItsWatchers, TextArea):
    """A form's multi-line field: a ``TextArea`` that asks for a layout only when its scrollbar comes or goes.

    Textual's text area gives itself a new virtual size (its text wrapped at its width) each time it is
    resized, and a new virtual size asks the whole screen for a layout; in a form its height is fixed,
    so that layout changed nothing but cost a layout and a drawing of the form as it opened."""

    def _refresh_size(self) -> None:
        if self.soft_wrap:
            self.set_reactive(TextArea.virtual_size, Size(0, self.wrapped_document.height))
            self.refresh()
            self._refresh_scrollbars()  # a scrollbar shown or hidden still lays the form out
        else:
            super()._refresh_size()


def same_kind(kept: Widget, made: Widget) -> bool:
    """Whether ``made`` (a new form's field, not mounted) would be drawn as ``kept`` is, values aside: the same
    widget, classes and margins, the same choices for a select (still folded), so that ``kept`` can take its value
    (``take_value``)."""
    if type(kept) is not type(made) or kept.id != made.id or kept.styles.inline.margin != made.styles.inline.margin:
        return False
    if isinstance(kept, Select):
        return (
            isinstance(kept, FoldedSelect)
            and kept.folded
            and made.folded  # type: ignore[attr-defined]
            and kept.prompt == made.prompt  # type: ignore[attr-defined]
            and kept._allow_blank == made._allow_blank  # type: ignore[attr-defined]
            and _choices(kept) == _choices(made)  # type: ignore[arg-type]
        )
    return _lasting_classes(kept) == _lasting_classes(made)


def _choices(select: Select[Any]) -> list[tuple[str, Any]]:
    return [(str(label), value) for label, value in select._options]


def _lasting_classes(widget: Widget) -> set[str]:
    """A widget's classes but those its value sets (an input's ``-invalid``, ``-valid``)."""
    return set(widget.classes) - {"-invalid", "-valid"}


def take_value(kept: Widget, made: Widget) -> None:
    """``kept`` (mounted) shows what ``made`` (a new form's field, not mounted) shows, as a field just made does:
    its text, cursor at its end (at its start in a text area, its undo history empty), its checks and completions."""
    if isinstance(kept, TextArea):
        kept.load_text(made.text)  # type: ignore[attr-defined]
        kept.scroll_to(0, 0, animate=False, immediate=True)
    elif isinstance(kept, Input):
        assert isinstance(made, Input)
        kept.placeholder = made.placeholder
        kept.validators = made.validators
        kept.suggester = made.suggester
        kept.max_length = made.max_length
        kept._suggestion = ""
        kept._initial_value = True  # the cursor goes to the end of the text, as in an input just made
        if made._initial_value:  # given no text (an empty field): not checked, nothing said to the form
            kept.set_reactive(Input.value, made.value)
            kept.remove_class("-valid", "-invalid")
            kept.cursor_position = 0
            kept.refresh(layout=True)
        elif kept.value != made.value:
            kept.value = made.value
        else:
            kept._watch_value(kept.value)  # checks it, says so to the form, puts the cursor at its end
    elif isinstance(kept, Select):
        kept._init_selected_option(made._value)  # type: ignore[attr-defined]  # as its mount does
        if isinstance(kept, RequiredSelect):
            kept.required_message = made.required_message  # type: ignore[attr-defined]
    elif isinstance(kept, Checkbox):
        kept.value = made.value  # type: ignore[attr-defined]
    else:
        raise TypeError(f"not a form widget: {kept!r}")


class RequiredSelect(FoldedSelect):
    """A select whose blank choice is refused with ``required_message`` (when it has one)."""

    required_message: str | None = None


class PeopleSuggester(Suggester):
    """Completes a name (or the last name of a comma-separated list) from the plan's people.

    Matching goes through ``folding.person_key``: "ipek" finds "İpek Yılmaz",
    "lea" finds "Léa Fontaine", and a name in any script completes.
    """

    def __init__(self, names: Callable[[], list[str]], shown: str = "") -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self._names = names
        #: The field's text when the form opens: Textual asks for a completion of it, which would read every action
        self.shown = shown
        self._keyed: list[tuple[str, str]] | None = None

    @property
    def names(self) -> list[tuple[str, str]]:
        """The people, read at the first letter typed: a form opens without going through every action."""
        if self._keyed is None:
            self._keyed = [(person_key(name), name) for name in self._names()]
        return self._keyed

    async def get_suggestion(self, value: str) -> str | None:
        if value == self.shown:  # what the form put there: nothing typed yet, nothing to complete
            return None
        head, comma, typed = value.rpartition(",")
        key = person_key(typed)
        if not key:
            return None
        for name_key, name in self.names:
            if name_key.startswith(key) and name_key != key:
                lead = typed[: len(typed) - len(typed.lstrip())]
                return f"{head}{comma}{lead}{name}"
        return None
