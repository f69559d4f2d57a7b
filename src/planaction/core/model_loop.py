"""The improvement loop (seeds 001, 002, 003): the situation's SWOT, monthly retros, lessons learned.
Apart from ``model`` so that each module of the schema stays small; ``model`` imports and re-exports them."""

import datetime as dt
from typing import ClassVar

from pydantic import Field

from planaction.core.fields import Id, Model, Prose, Text, TextList, list_field, text_field


class Swot(Model):
    """The SWOT of the situation analysis (seed 001): internal strengths and weaknesses, external
    opportunities and threats; one per plan, beside the QQOQCP context."""

    strengths: TextList = list_field("Strengths: what the organisation does well (internal).")
    weaknesses: TextList = list_field("Weaknesses: what holds it back (internal).")
    opportunities: TextList = list_field("Opportunities: what the environment offers (external).")
    threats: TextList = list_field("Threats: what the environment puts at risk (external).")


class Retro(Model):
    """A monthly retro (seed 003): one process to simplify, one content to create, one risk to
    remove, each with its owner and, once it becomes one, the action it created."""

    noun: ClassVar[str] = "retro"

    date: dt.date = Field(description="Date of the retro (YYYY-MM-DD).")
    process: str | None = text_field("One process to simplify.")
    process_owner: str | None = text_field("Who simplifies the process.")
    process_action: Id | None = text_field("Id of the action it became (under `actions`).")
    content: str | None = text_field("One content to create: a guide, a video, a checklist.")
    content_owner: str | None = text_field("Who creates the content.")
    content_action: Id | None = text_field("Id of the action it became (under `actions`).")
    risk: str | None = text_field("One risk to remove.")
    risk_owner: str | None = text_field("Who removes the risk.")
    risk_action: Id | None = text_field("Id of the action it became (under `actions`).")
    note: Prose | None = text_field("What else the retro said.")


class Lesson(Model):
    """A lesson learned (seed 003): context, action, effect, replicability."""

    noun: ClassVar[str] = "lesson"

    title: Text = Field(description="The lesson in a few words.")
    date: dt.date | None = text_field("Date it was drawn (YYYY-MM-DD).")
    context: Prose | None = text_field("Context: the situation met.")
    action: Prose | None = text_field("Action: what was done.")
    effect: Prose | None = text_field("Effect: what it changed, in figures when possible.")
    replicability: Prose | None = text_field("Replicability: where and how to do it again.")
    owner: str | None = text_field("Who wrote the lesson.")
