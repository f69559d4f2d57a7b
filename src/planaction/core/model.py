"""The plan file's schema: what a plan d'action holds, and what each field means.

The model is the documentation: every field's description feeds the JSON
Schema (``planaction schema``), editors' completion and the error hints. Keys
are English snake_case; enum values are stable English codes that also read
their French and English labels, so a team may write ``status: En cours``.

Models are frozen: operations (``ops``) build new values and share what did not
change, which makes undo a stack of plans and lets the store find what changed
by identity. It builds on its vocabulary (``codes``) and field types (``fields``) only; the
steering (``model_governance``), cooperation (``model_cooperation``) and improvement-loop
(``model_loop``) parts are in their own modules, so that each stays small.
"""

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, Field

from planaction.core.codes import (
    SCHEMA_VERSION,
    Coded,
    DecisionStatus,
    Direction,
    Frequency,
    Level,
    OriginKind,
    PlanStatus,
    PlanType,
    Rag,
    RiskStatus,
    Status,
    normalise_word,
)
from planaction.core.fields import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    Amount,
    Id,
    IdList,
    Model,
    Percent,
    Prose,
    Score05,
    Text,
    TextList,
    is_valid_id,
    list_field,
    text_field,
)

# parts of the schema kept in their own modules, read as ``model.X`` like the rest (``__all__``)
from planaction.core.model_cooperation import Approval, Structure
from planaction.core.model_governance import (
    Decision,
    Health,
    HealthDimension,
    HealthThresholds,
    Playbook,
    RaciRow,
    Ritual,
)
from planaction.core.model_loop import Lesson, Retro, Swot

__all__ = [
    "ID_MAX_LENGTH",
    "ID_PATTERN",
    "SCHEMA_VERSION",
    "Amount",
    "Approval",
    "Coded",
    "Decision",
    "DecisionStatus",
    "Direction",
    "Frequency",
    "Health",
    "HealthDimension",
    "HealthThresholds",
    "Id",
    "IdList",
    "Lesson",
    "Level",
    "Model",
    "OriginKind",
    "Percent",
    "PlanStatus",
    "PlanType",
    "Playbook",
    "Prose",
    "RaciRow",
    "Rag",
    "Retro",
    "RiskStatus",
    "Ritual",
    "Score05",
    "Status",
    "Structure",
    "Swot",
    "Text",
    "TextList",
    "is_valid_id",
    "list_field",
    "normalise_word",
    "text_field",
]


class Period(Model):
    start: dt.date = Field(description="First day of the plan (YYYY-MM-DD).")
    end: dt.date = Field(description="Last day of the plan (YYYY-MM-DD).")


class Context(Model):
    """The QQOQCP analysis: the situation the plan answers."""

    what: Prose | None = text_field("Quoi: the problem or the change.")
    who: Prose | None = text_field("Qui: who is concerned, who acts.")
    where: Prose | None = text_field("Où: sites, services, scope.")
    when: Prose | None = text_field("Quand: since when, until when, how often.")
    how: Prose | None = text_field("Comment: the approach and the means.")
    why: Prose | None = text_field("Pourquoi: the stakes and the expected benefit.")
    how_much: Prose | None = text_field("Combien: volumes, costs, figures of the situation.")


class Objective(Model):
    """The plan's SMART objective: specific, measurable, achievable, realistic, dated."""

    statement: Text = Field(
        description="The objective in one sentence, e.g. 'Réduire ... de 10 à 5 jours d'ici 3 mois'."
    )
    indicator: str | None = text_field("What is measured, e.g. 'Délai moyen de traitement'.")
    unit: str | None = text_field("Unit of the indicator, e.g. 'jours', '%', 'h/dossier'.")
    baseline: float | None = text_field("Value at the start.")
    target: float | None = text_field("Value to reach by the deadline.")
    current: float | None = text_field("Latest known value (or give `kpi` to take its last measurement).")
    deadline: dt.date | None = text_field("Date by which the target must be reached.")
    kpi: Id | None = text_field("Id of the KPI (under `kpis`) that measures this objective.")


class Person(Model):
    noun: ClassVar[str] = "person"

    name: Text = Field(description="Name as written in owner fields.")
    role: str | None = text_field("Role or function, e.g. 'Responsable qualité'.")
    email: str | None = text_field("E-mail address, for reminders.")
    organisation: str | None = text_field("Organisation, for multi-partner plans.")
    # Cooperation across structures (seed 004): the structure a person works for, and what they know how
    # to do, which the skills gap (``core/structures``) reads against the skills actions require.
    structure: str | None = text_field("Id (or name) of the structure (under `structures`) the person belongs to.")
    skills: TextList = list_field("Skills the person has, as written in actions' `skills`.")


class Stake(Model):
    """A shared stake (enjeu partagé): what each partner risks or gains."""

    noun: ClassVar[str] = "stake"

    id: Id
    title: Text = Field(description="The stake, e.g. 'Chiffre d'affaires'.")
    description: Prose | None = text_field("What is at stake, precisely.")
    holders: TextList = list_field(
        "Structures that hold this stake: one (an individual stake) or several (a shared one); ids or names "
        "of `structures` when the plan lists them, free text otherwise."
    )


class OperationalObjective(Model):
    """An operational objective that serves a stake."""

    noun: ClassVar[str] = "objective"

    id: Id
    title: Text = Field(description="Precise, measurable, dated: 'Obtenir 20 rendez-vous en 60 jours'.")
    stake: Id | None = text_field("Id of the stake (under `stakes`) this objective serves.")
    indicators: TextList = list_field("Follow-up indicators.")
    expected_results: Prose | None = text_field("Measurable results, quantitative or qualitative.")
    deadline: dt.date | None = text_field("Date by which the objective must be met.")
    owner: str | None = text_field("Who answers for this objective.")
    approvals: tuple[Approval, ...] = list_field("Approvals by the structures that hold its stake (seed 004).")


class Partner(Model):
    """An external partner: what it brings to the plan, and what it expects from it."""

    noun: ClassVar[str] = "partner"

    name: Text = Field(description="Name, as written in actions' `partners`.")
    kind: str | None = text_field("Kind of support: financial, symbolic, skills, expertise...")
    brings: Prose | None = text_field("What it can bring to the project.")
    expects: Prose | None = text_field("What it can expect from the project.")


class Stream(Model):
    """A stream of work (flux) with its own RAG: tech, data, adoption, value..."""

    noun: ClassVar[str] = "stream"

    id: Id
    name: Text = Field(description="Name shown in dashboards.")
    description: Prose | None = text_field("What the stream covers.")


class Origin(Model):
    """Where an action comes from: the finding it answers."""

    kind: OriginKind = Field(
        description="audit, self_assessment, external_evaluation, complaint, incident, regulatory, feedback, strategy, playbook or other."
    )
    ref: str | None = text_field("Reference of the finding, e.g. 'Critère 3.10.2' or 'Audit du 12/03'.")
    note: Prose | None = text_field("What was found.")
    # the improvement loop (seed 002): the criterion's score in the evaluation grid
    score: Annotated[int, Field(ge=1, le=4)] | None = text_field(
        "Score of the criterion in the evaluation grid, 1 to 4 (4: fully met); "
        "an imperative criterion scored 1, 2 or 3 calls for an immediate corrective action."
    )


class Action(Model):
    """One owned, dated, measured action."""

    noun: ClassVar[str] = "action"

    id: Id
    title: Text = Field(description="What to do, starting with a verb.")
    owner: Text = Field(description="The one person who answers for the action (pilote), not 'the team'.")
    co_owners: TextList = list_field("Co-pilots.")
    objective: Id | None = text_field("Id of the operational objective (under `objectives`) it serves.")
    stream: Id | None = text_field("Id of its stream (under `streams`).")
    origins: tuple[Origin, ...] = list_field("Findings this action answers.")
    imperative: bool = Field(default=False, description="Answers an imperative criterion (regulatory): tracked first.")
    priority: Level | None = text_field("low, medium or high.")
    impact: Score05 | None = text_field("Impact 0-5, for the priority score impact x urgency / effort.")
    urgency: Score05 | None = text_field("Urgency 0-5.")
    effort: Score05 | None = text_field("Effort 0-5.")
    start: dt.date | None = text_field("Start date (YYYY-MM-DD).")
    due: dt.date | None = text_field("Due date (YYYY-MM-DD).")
    completed: dt.date | None = text_field("Completion date, filled when the action is done.")
    status: Status = Field(default=Status.TODO, description="todo, in_progress, done, blocked or cancelled.")
    progress: Percent = Field(default=0, description="Progress in percent, 0-100.")
    resources: Prose | None = text_field("Means needed: people, tools, rooms, time.")
    budget: Amount | None = text_field("Budget in the plan's currency.")
    skills: TextList = list_field("Skills required to carry the action.")
    partners: TextList = list_field("External partners to involve.")
    indicators: TextList = list_field("Success indicators: one or two at most.", max_length=2)
    kpi: Id | None = text_field("Id of the KPI (under `kpis`) this action moves.")
    depends_on: IdList = list_field("Ids of actions that must be done first.")
    comment: Prose | None = text_field("Free comment: observed results, blockers.")


class LogEntry(Model):
    """One line of the follow-up log (suivi): what was observed, when."""

    noun: ClassVar[str] = "log entry"

    date: dt.date = Field(description="Date of the follow-up.")
    action: Id | None = text_field("Id of the action followed (empty for a plan-level note).")
    result: Text = Field(description="Result obtained, e.g. 'Taux d'utilisation 85 %'.")
    comment: Prose | None = text_field("Comment on the result.")
    author: str | None = text_field("Who wrote the entry.")


class Measurement(Model):
    noun: ClassVar[str] = "measurement"

    date: dt.date = Field(description="Date of the measurement.")
    value: float = Field(description="Measured value, in the KPI's unit.")
    comment: Prose | None = text_field("Comment on the value.")


class Kpi(Model):
    """A key performance indicator, with its source, rhythm and measurements."""

    noun: ClassVar[str] = "KPI"

    id: Id
    name: Text = Field(description="What is measured.")
    unit: str | None = text_field("Unit, e.g. 'jours', '%', '/5'.")
    source: str | None = text_field("Where the figure comes from (tool, form, accounting...).")
    frequency: Frequency | None = text_field("How often it is measured.")
    direction: Direction = Field(default=Direction.UP, description="up if higher is better, down if lower is better.")
    baseline: float | None = text_field("Value at the start.")
    target: float | None = text_field("Value to reach.")
    deadline: dt.date | None = text_field("Date by which the target must be reached.")
    owner: str | None = text_field("Who measures it.")
    stream: Id | None = text_field("Id of its stream (under `streams`).")
    measurements: tuple[Measurement, ...] = list_field("Dated measurements, oldest first.")


class Risk(Model):
    noun: ClassVar[str] = "risk"

    id: Id
    title: Text = Field(description="The risk, e.g. 'Sponsor peu visible'.")
    probability: Level = Field(description="L, M or H (low, medium, high).")
    impact: Level = Field(description="L, M or H (low, medium, high).")
    mitigation: Prose | None = text_field("How the risk is reduced.")
    owner: str | None = text_field("Who watches the risk.")
    status: RiskStatus = Field(default=RiskStatus.OPEN, description="open, mitigated, occurred or closed.")
    action: Id | None = text_field("Id of the action that carries the mitigation.")


class Milestone(Model):
    """A roadmap step (T0, T+7, ...) with its acceptance criteria and evidence."""

    noun: ClassVar[str] = "milestone"

    id: Id
    title: Text = Field(description="Name of the step, e.g. 'T+30 Go-live 1'.")
    due: dt.date = Field(description="Date of the milestone.")
    deliverables: TextList = list_field("What must be done by then.")
    evidence: TextList = list_field("Proof that it is done (minutes, logs, reports).")
    criteria: Prose | None = text_field("Acceptance criterion, e.g. 'health >= 70'.")
    done: bool = Field(default=False, description="Whether the milestone is reached.")
    done_on: dt.date | None = text_field("Date it was reached.")


class ValueLine(Model):
    """A line of the value ledger: a value hypothesis and what it is worth per year."""

    noun: ClassVar[str] = "value line"

    id: Id
    hypothesis: Text = Field(description="How usage creates value.")
    kpi: Id | None = text_field("Id of the KPI (under `kpis`) that measures it.")
    indicator: str | None = text_field("What is measured, with its unit, e.g. 'h/dossier'.")
    direction: Direction | None = text_field("up or down: which way is a gain.")
    baseline: float | None = text_field("Value before.")
    target: float | None = text_field("Value aimed at.")
    actual: float | None = text_field("Value reached.")
    unit_gain: float | None = text_field("Gain per unit (default: baseline - actual, or the reverse for 'up').")
    volume: float | None = text_field("Units per year, e.g. 2400 files.")
    margin: float | None = text_field("Value of one unit of gain, e.g. 30 (EUR per hour).")
    value_per_year: float | None = text_field("Value per year when it is not unit gain x volume x margin.")
    notes: Prose | None = text_field("The rationale: hypotheses behind the figures.")


class Budget(Model):
    amount: Amount = Field(description="Total budget of the plan.")
    currency: str = Field(default="EUR", description="Currency code, e.g. EUR.")
    note: Prose | None = text_field("What the budget covers.")


class Branding(Model):
    """Who the plan's deliverables are for and who made them: shown in the header and footer of the
    one-page report and the other documents a client keeps (``planaction export``)."""

    client: str | None = text_field("The client's name, e.g. 'Servicia'.")
    consultancy: str | None = text_field("The consultancy's name, e.g. 'Cabinet Martin Conseil'.")
    logo: str | None = text_field("An image file (PNG, JPEG, SVG) for the header, relative to the plan's folder.")


class AdviceIgnore(Model):
    """A piece of the method's advice this plan silences on purpose, and why."""

    code: Text = Field(description="Code of the advice to silence, e.g. 'advice.no_start' (the README lists them).")
    reason: str | None = text_field("Why it does not apply to this plan; an ignore without a reason is reported.")
    ids: IdList = list_field("Only for these items (actions, KPIs, objectives...); empty: the whole plan.")


class Advice(Model):
    """How the method's advice (``validate``'s ``advice.*`` warnings) applies to this plan."""

    ignore: tuple[AdviceIgnore, ...] = list_field("Advice this plan silences, each with its reason.")
    stale_days: Annotated[int, Field(ge=1)] | None = text_field(
        "Days without a follow-up entry or measurement before the plan reads as not kept up to date (default 30)."
    )


class Plan(Model):
    """A plan d'action: an objective turned into owned, dated, measured actions."""

    version: Literal[1] = Field(alias="schema", description="Version of the file format: 1.")
    id: Id | None = text_field("Stable identifier of the plan (default: the file name).")
    title: Text = Field(description="Title of the plan.")
    type: PlanType = Field(default=PlanType.OPERATIONAL, description="Kind of plan.")
    language: Literal["fr", "en"] = Field(default="fr", description="Language of the plan's text: fr or en.")
    owner: Text = Field(description="Who runs the plan (responsable du plan).")
    sponsor: str | None = text_field("Who sponsors it and takes the decisions.")
    status: PlanStatus = Field(
        default=PlanStatus.OPEN, description="open or closed: a closed plan reminds no one and leaves the portfolio."
    )
    closed_on: dt.date | None = text_field("Date the plan was closed (YYYY-MM-DD).")
    period: Period | None = text_field("First and last day of the plan.")
    context: Context | None = text_field("QQOQCP analysis of the situation.")
    objective: Objective | None = text_field("The SMART objective.")
    synthesis: Prose | None = text_field("Synthesis of where the plan stands.")
    recommendations: TextList = list_field("Recommendations for what comes next.")
    people: tuple[Person, ...] = list_field("People involved, for owner completion and reminders.")
    stakes: tuple[Stake, ...] = list_field("Shared stakes (enjeux partagés).")
    objectives: tuple[OperationalObjective, ...] = list_field("Operational objectives, linked to stakes.")
    streams: tuple[Stream, ...] = list_field("Streams of work with their own RAG.")
    partners: tuple[Partner, ...] = list_field("External partners: what they bring and expect.")
    actions: tuple[Action, ...] = list_field("The actions.")
    log: tuple[LogEntry, ...] = list_field("Follow-up log (suivi), oldest first.")
    kpis: tuple[Kpi, ...] = list_field("Key performance indicators.")
    risks: tuple[Risk, ...] = list_field("Risk register.")
    milestones: tuple[Milestone, ...] = list_field("Roadmap milestones.")
    health: Health | None = text_field("Health score dimensions and thresholds.")
    playbooks: tuple[Playbook, ...] = list_field("RAG playbooks: signal, trigger, immediate action.")
    value: tuple[ValueLine, ...] = list_field("Value ledger.")
    budget: Budget | None = text_field("Budget of the plan, for the ROI.")
    branding: Branding | None = text_field("Client, consultancy and logo shown on the deliverables.")
    raci: tuple[RaciRow, ...] = list_field("RACI matrix.")
    decisions: tuple[Decision, ...] = list_field("Decisions expected and taken.")
    rituals: tuple[Ritual, ...] = list_field("Governance rituals.")
    advice: Advice | None = text_field("The method's advice: what this plan silences, and why.")
    # the improvement loop
    swot: Swot | None = text_field("SWOT: strengths, weaknesses, opportunities, threats.")
    retros: tuple[Retro, ...] = list_field(
        "Monthly retros: a process to simplify, a content to create, a risk to remove."
    )
    lessons: tuple[Lesson, ...] = list_field("Lessons learned: context, action, effect, replicability.")
    # Cooperation across structures (seed 004): who takes part, and the stage of a long project.
    structures: tuple[Structure, ...] = list_field("Structures taking part in the cooperation.")
    stage: Annotated[int, Field(ge=0)] | None = text_field(
        "Stage number of a long project run in stages (0 for a preparation, 1, 2...)."
    )
    continues: str | None = text_field("The plan this stage continues: its file name or its plan id.")

    @property
    def closed(self) -> bool:
        """Whether the plan is closed: it reminds no one (``due``, ``ics``, ``remind``)."""
        return self.status == PlanStatus.CLOSED

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def kpi(self, kpi_id: str) -> Kpi | None:
        return next((k for k in self.kpis if k.id == kpi_id), None)


#: Sections of a plan that list items with an ``id``, by key.
ID_SECTIONS: dict[str, type[Model]] = {
    "stakes": Stake,
    "objectives": OperationalObjective,
    "streams": Stream,
    "actions": Action,
    "kpis": Kpi,
    "risks": Risk,
    "milestones": Milestone,
    "value": ValueLine,
    "decisions": Decision,
    "structures": Structure,
}


def yaml_key(model: type[BaseModel], field_name: str) -> str:
    """The key a field is written under in YAML (its alias, if it has one)."""
    info = model.model_fields[field_name]
    return info.alias or field_name


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, for editors and CI."""
    schema = Plan.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://planaction.dev/schema/plan-1.json",
        **schema,
    }
