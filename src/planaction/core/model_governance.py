"""How a plan is steered: health dimensions and thresholds, RAG playbooks, the RACI matrix, decisions and
rituals. Apart from ``model`` so that each module of the schema stays small; ``model`` imports and
re-exports them."""

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field

from planaction.core.codes import DecisionStatus, Frequency, Rag
from planaction.core.fields import Amount, Id, Model, Prose, Score05, Text, TextList, list_field, text_field


class HealthDimension(Model):
    noun: ClassVar[str] = "dimension"

    name: Text = Field(description="Dimension, e.g. 'Adoption'.")
    weight: Amount = Field(description="Weight in points; the weights sum to 100.")
    rating: Annotated[int, Field(ge=1, le=5)] | None = text_field("Rating 1 (weak) to 5 (excellent).")
    description: Prose | None = text_field("What is rated.")


class HealthThresholds(Model):
    green: Amount = Field(default=80, description="Score from which the health is green.")
    amber: Amount = Field(default=60, description="Score from which the health is amber (below: red).")


class Health(Model):
    """Health score: sum of rating / 5 x weight, on 100."""

    dimensions: tuple[HealthDimension, ...] = list_field("Rated dimensions with their weights.")
    thresholds: HealthThresholds = Field(default_factory=HealthThresholds, description="Green and amber thresholds.")


class Playbook(Model):
    """What to do when a signal turns amber or red."""

    noun: ClassVar[str] = "playbook"

    signal: Text = Field(description="The signal watched, e.g. 'Adoption'.")
    level: Rag = Field(description="The level that triggers it: amber or red.")
    trigger: Text = Field(description="The trigger, e.g. 'Actifs 30j < 40%'.")
    action: Text = Field(description="The immediate action.")
    owner: Text = Field(description="Who acts.")
    delay_days: Amount | None = text_field("Delay to act, in days (48 h = 2).")
    # The trigger as a condition the plan's figures are checked against (``core/playbooks``): one
    # subject (a KPI, the health score, a dimension, a stream, the rituals) and its threshold.
    kpi: Id | None = text_field("Id of the KPI watched (under `kpis`).")
    below: float | None = text_field("Fires when the KPI's current value is below this.")
    above: float | None = text_field("Fires when the KPI's current value is above this.")
    attainment_below: Amount | None = text_field(
        "Fires when the KPI has gone less than this % of the way from its baseline to its target."
    )
    health_below: Amount | None = text_field("Fires when the health score (on 100) is below this.")
    dimension: str | None = text_field("Name of the health dimension watched, e.g. 'Adoption'.")
    rating_below: Score05 | None = text_field("Fires when the dimension's rating (1-5) is below this.")
    stream: Id | None = text_field("Id of the stream watched (under `streams`).")
    stream_rag: Rag | None = text_field("Fires when the stream's RAG is this level or worse.")
    rituals_missed: Annotated[int, Field(ge=1)] | None = text_field(
        "Fires when this many ritual meetings, counted over every ritual, have been missed."
    )


class RaciRow(Model):
    noun: ClassVar[str] = "RACI row"

    activity: Text = Field(description="The activity or decision.")
    responsible: TextList = list_field("R: who does it.")
    accountable: str | None = text_field("A: the one who answers for it.")
    consulted: TextList = list_field("C: who is consulted.")
    informed: TextList = list_field("I: who is informed.")


class Decision(Model):
    noun: ClassVar[str] = "decision"

    id: Id
    title: Text = Field(description="The decision expected or taken.")
    owner: str | None = text_field("Who decides (often the sponsor).")
    due: dt.date | None = text_field("Date by which it is expected.")
    date: dt.date | None = text_field("Date it was taken.")
    status: DecisionStatus = Field(default=DecisionStatus.EXPECTED, description="expected, taken or dropped.")
    outcome: Prose | None = text_field("What was decided.")


class Ritual(Model):
    """A governance ritual: weekly point, monthly review, QBR."""

    noun: ClassVar[str] = "ritual"

    name: Text = Field(description="e.g. 'Point hebdo onboarding'.")
    frequency: Frequency | None = text_field("How often it happens.")
    participants: TextList = list_field("Who attends.")
    purpose: Prose | None = text_field("What it is for: progress, risks, decisions.")
    last_held: dt.date | None = text_field("Date it last took place, to see it is held at its frequency.")
