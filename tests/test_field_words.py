"""Every field of a plan's model has a label and a help line, in French and English (``words/fields``).

The app's forms are generated from the model: a field without words would show its YAML key
("depends_on") to someone who has never seen the file. This walks every model reachable from
``Plan`` through its annotations (tuples, optionals, ``Annotated``), so a field added to the model
without its words fails here, not in front of a client; and it holds the words to what a form at
80 columns can show: short labels, one-line help, French that reads as French.
"""

from __future__ import annotations

import re
import typing
from typing import Annotated

import pytest

from planaction.core import model
from planaction.core.fields import Model
from planaction.words.catalog import Catalog
from planaction.words.fields import HELP, LABELS, field_help, field_label
from planaction.words.labels import WORDS

LABEL_MAX = 24
HELP_MAX = 100

#: English words that would give away an untranslated French label.
ENGLISH = {
    "the", "and", "of", "to", "for", "by", "with", "owner", "due", "title", "status", "start", "end", "name",
    "progress", "stream", "target", "baseline", "deadline", "comments", "weight", "rating", "threshold",
    "level", "trigger", "kind", "role", "email", "holders", "brings", "expects", "result", "outcome",
    "purpose", "currency", "amount", "log", "stakes", "skills", "depends", "people", "health", "value",
    "done", "taken", "key", "statement", "finding", "reference", "activity", "informed", "consulted",
}  # fmt: skip

#: Fields named like a column of the app (``labels.WORDS``) that say something else on purpose:
#: a title reads as what it is the title of, as the register's column does (Risk.title: "Risque").
NOT_THE_COLUMN_WORD = {
    "Action.impact",  # "Impact (0-5)": the scale of the priority score, as the action form always said
    "Plan.objective",  # "Objectif SMART": the plan also has operational objectives
    "HealthDimension.name",  # "Dimension"
    "Playbook.action",  # "Action immédiate": what to do, not an action's id
    "Decision.date",  # "Prise le", beside its "Échéance"
    "Stake.title",
    "OperationalObjective.title",
    "Risk.title",
    "Milestone.title",
    "Decision.title",
    "Origin.score",  # "Cotation (1-4)": a criterion's score in the evaluation grid, not a risk's P x I
    "Retro.risk",  # "Risque à éliminer": what the retro asks for
}


def models_from(root: type[Model]) -> list[type[Model]]:
    """Every model reachable from ``root`` through its fields' annotations, ``root`` first."""
    found: dict[type[Model], None] = {}

    def visit(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, Model):
            if annotation not in found:
                found[annotation] = None
                for info in annotation.model_fields.values():
                    visit(info.annotation)
            return
        for arg in typing.get_args(annotation):  # X | None, tuple[X, ...], Annotated[X, ...]: X is an arg
            visit(arg)

    visit(root)
    return list(found)


def _typography(key: str, fr: str, en: str) -> list[str]:
    found = []
    if re.search(r"\S[:;?!](\s|$)", fr):
        found.append(f"{key}: French puts a space before : ; ? ! ({fr!r})")
    if re.search(r"\s[:;?!](\s|$)", en):
        found.append(f"{key}: English puts no space before : ; ? ! ({en!r})")
    if '"' in fr or "«" in en or "»" in en:
        found.append(f'{key}: quotes are « » in French, "" in English')
    return found


def problems(models: list[type[Model]], labels: Catalog = LABELS, help: Catalog = HELP) -> list[str]:
    """What is missing or wrong in the words of ``models``' fields, one sentence each."""
    found = []
    for cls in models:
        seen: dict[tuple[str, str], str] = {}
        for name in cls.model_fields:
            key = f"{cls.__name__}.{name}"
            if key not in labels:
                found.append(f"{key}: no label")
            else:
                for lang, text in zip(("fr", "en"), labels.pair(key), strict=True):
                    if len(text) > LABEL_MAX:
                        found.append(f"{key}: {lang} label longer than {LABEL_MAX} ({text!r})")
                    if (lang, text) in seen:
                        found.append(f"{key}: {lang} label {text!r} already labels {seen[lang, text]}")
                    seen[lang, text] = key
                english = ENGLISH & set(re.findall(r"\w+", labels.pair(key)[0].casefold()))
                if english:
                    found.append(f"{key}: French label in English ({', '.join(sorted(english))})")
            if key not in help:
                found.append(f"{key}: no help")
            else:
                for lang, text in zip(("fr", "en"), help.pair(key), strict=True):
                    if len(text) > HELP_MAX or "\n" in text:
                        found.append(f"{key}: {lang} help is not one line of at most {HELP_MAX} ({text!r})")
                found += _typography(key, *help.pair(key))
    return found


def test_the_walk_finds_every_model_of_a_plan() -> None:
    """Not blind: every model ``core.model`` defines is reached from Plan (Origin through a tuple, ...)."""
    defined = {
        obj for obj in vars(model).values() if isinstance(obj, type) and issubclass(obj, Model) and obj is not Model
    }
    reached = models_from(model.Plan)
    assert set(reached) == defined
    assert (
        len(reached) == 33
    )  # Swot, Retro, Lesson: the improvement loop (issue 18); Advice and AdviceIgnore: the method's advice a plan sets aside; Branding (issue 15); Structure and Approval (issue 18)


def test_every_field_has_a_label_and_a_help_in_both_languages() -> None:
    assert problems(models_from(model.Plan)) == []


def test_no_words_for_a_field_the_model_does_not_have() -> None:
    """A renamed field leaves no orphan behind (its words would silently never show)."""
    fields = {f"{cls.__name__}.{name}" for cls in models_from(model.Plan) for name in cls.model_fields}
    assert set(LABELS.keys()) - fields == set()
    assert set(HELP.keys()) - fields == set()


def test_a_field_named_like_a_column_reads_as_that_column() -> None:
    """The form's "Échéance" is the grid's "Échéance": one word for one thing."""
    different = [
        f"{cls.__name__}.{name}: {LABELS.pair(f'{cls.__name__}.{name}')} vs {WORDS[name]}"
        for cls in models_from(model.Plan)
        for name in cls.model_fields
        if name in WORDS
        and f"{cls.__name__}.{name}" not in NOT_THE_COLUMN_WORD
        and LABELS.pair(f"{cls.__name__}.{name}") != WORDS[name]
    ]
    assert different == []


def test_a_field_added_without_words_fails() -> None:
    """A field added to a model, and a new model reached through ``X | None`` and ``Annotated``, are caught."""

    class Probe(Model):
        text: str

    class Action(model.Action):  # the key is the class name: this is Action with one more field
        budget_note: str | None = None
        probes: tuple[Annotated[Probe, "a note"], ...] | None = None

    class Plan(model.Plan):
        actions: tuple[Action, ...] = ()

    assert problems(models_from(Plan)) == [
        "Action.budget_note: no label",
        "Action.budget_note: no help",
        "Action.probes: no label",
        "Action.probes: no help",
        "Probe.text: no label",
        "Probe.text: no help",
    ]


def test_the_checks_see_bad_words() -> None:
    """Each check says what it found: an English label, a long or two-line help, a twin label, typography."""

    class Probe(Model):
        owner: str
        due: str

    labels = Catalog(
        "probe", {"Probe.owner": ("Owner", "Owner"), "Probe.due": ("Owner", "A due date to write in here")}
    )
    help = Catalog(
        "probe", {"Probe.owner": ("x" * 101, "one\ntwo"), "Probe.due": ('Date: le "jour"', "Date : the day")}
    )
    assert problems([Probe], labels, help) == [
        "Probe.owner: French label in English (owner)",
        f"Probe.owner: fr help is not one line of at most 100 ({'x' * 101!r})",
        "Probe.owner: en help is not one line of at most 100 ('one\\ntwo')",
        "Probe.due: fr label 'Owner' already labels Probe.owner",
        "Probe.due: en label longer than 24 ('A due date to write in here')",
        "Probe.due: French label in English (owner)",
        "Probe.due: French puts a space before : ; ? ! ('Date: le \"jour\"')",
        "Probe.due: English puts no space before : ; ? ! ('Date : the day')",
        'Probe.due: quotes are « » in French, "" in English',
    ]


@pytest.mark.parametrize(
    ("name", "lang", "label"),
    [
        ("owner", "fr", "Responsable"),
        ("owner", "en", "Owner"),
        ("due", "fr", "Échéance"),
        ("co_owners", "en", "Co-owners"),
    ],
)
def test_field_label_reads_the_catalog(name: str, lang: str, label: str) -> None:
    assert field_label(model.Action, name, lang) == label


def test_a_field_without_words_shows_its_name_and_no_help() -> None:
    class Probe(Model):
        text: str

    assert field_label(Probe, "text", "fr") == "text"
    assert field_help(Probe, "text", "fr") == ""
    assert field_help(model.Plan, "version", "en") == "Version of the file format: 1."
