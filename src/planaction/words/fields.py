"""The label and the help line of every field of a plan's model, in French and English.

The app's forms are generated from the model (``tui/forms/generated``): a field added to the
model needs its two lines here and nothing else. The model's own descriptions stay English, for
the JSON Schema editors read; a French reader gets the French help from here. Keys are
``Model.field`` (the Pydantic model's class name and the field's name, not its YAML alias);
a test checks that every field of every model has both.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

#: "Model.field" -> (French label, English label)
LABELS = Catalog(
    "fields.labels",
    {
        "Action.title": ("Titre", "Title"),
    },
)

#: "Model.field" -> (French help line, English help line)
HELP = Catalog(
    "fields.help",
    {
        "Action.title": ("Ce qu'il faut faire, en commençant par un verbe.", "What to do, starting with a verb."),
    },
)


def field_label(model: type, name: str, lang: str) -> str:
    """The field's label; its name as written in the file when it has none yet (a test forbids that)."""
    key = f"{model.__name__}.{name}"
    return LABELS(key, lang) if key in LABELS else name


def field_help(model: type, name: str, lang: str) -> str:
    key = f"{model.__name__}.{name}"
    return HELP(key, lang) if key in HELP else ""
