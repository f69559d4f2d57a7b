"""Who takes part in a cooperation across structures (seed 004): the structures, and their approval of an
operational objective. Apart from ``model`` so that each module of the schema stays small; ``model``
imports and re-exports them."""

import datetime as dt
from typing import ClassVar

from pydantic import Field

from planaction.core.fields import Id, Model, Text, TextList, list_field, text_field


class Structure(Model):
    """A structure taking part in a cooperation (seed 004): it holds stakes, approves objectives, and its
    people carry actions. Kept small: who it is and whom to call."""

    noun: ClassVar[str] = "structure"

    id: Id
    name: Text = Field(description="Name of the structure, e.g. 'EI Val'Recyclerie'.")
    kind: str | None = text_field("Kind of structure, e.g. 'ACI', 'EI', 'ETTI', 'association'.")
    contacts: TextList = list_field("Contact people (names as under `people`).")
    joined: dt.date | None = text_field("Date it joined the cooperation.")


class Approval(Model):
    """One structure's approval of an operational objective: who approved, by whom, when."""

    noun: ClassVar[str] = "approval"

    structure: Text = Field(description="Id (or name) of the approving structure (under `structures`).")
    by: str | None = text_field("Who approved on its behalf, e.g. its board or director.")
    date: dt.date | None = text_field("Date of the approval.")
