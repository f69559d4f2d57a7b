"""Which playbooks fire today, and why: seed 003's "détecter tôt, agir vite".

A playbook ("Adoption 🔴 — actifs 30 j < 40 % — session coaching ciblée — CSM + Champion
— 5 j") says what to do when a signal turns amber or red. Its ``trigger`` is the words the
team wrote; its condition is one subject and one threshold (``kpi`` + ``below``,
``health_below``, ``dimension`` + ``rating_below``, ``stream`` + ``stream_rag``,
``rituals_missed``), checked here as a pure function of (plan, today). A fired playbook
says since when (the date of the measurement that crossed the line, else today) and by when
to act (``delay_days`` later); it is *handled* while an open action answers it (an origin of
kind ``playbook`` whose ``ref`` is its signal), which is what the app's key creates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass

from planaction.core import ops
from planaction.core.checks import playbook_subjects
from planaction.core.model import Action, Level, OriginKind, Plan, Playbook, Rag, normalise_word
from planaction.core.ops import OpError
from planaction.core.rules import FREQUENCY_DAYS, health_score, is_open, kpi_playbook_hit, stream_rag, worst
from planaction.message import Message, say


@dataclass(frozen=True)
class Fired:
    """A playbook whose condition holds today."""

    index: int  # its position under ``playbooks``
    playbook: Playbook
    reason: Message  # "K4 = 30 % (< 40 %)", in either language
    since: dt.date  # when the condition became true, as far as the plan tells
    due: dt.date | None  # ``since`` + ``delay_days``: by when to act
    handled_by: str | None  # the open action that answers it

    @property
    def handled(self) -> bool:
        return self.handled_by is not None

    def late(self, today: dt.date) -> int | None:
        """Days past its due date, unhandled; None when not late."""
        if self.handled or self.due is None or self.due >= today:
            return None
        return (today - self.due).days


def checkable(playbook: Playbook) -> bool:
    """Whether the playbook has a condition planaction can check (else it is words only)."""
    return bool(playbook_subjects(playbook))


def fired(plan: Plan, today: dt.date) -> list[Fired]:
    """The playbooks whose condition holds on ``today``, in the plan's order."""
    found = []
    for index, playbook in enumerate(plan.playbooks):
        if len(playbook_subjects(playbook)) != 1:  # none, or ambiguous: ``checks`` says so at its line
            continue
        hit = _condition(plan, playbook, today)
        if hit is None:
            continue
        reason, since = hit
        due = since + dt.timedelta(days=math.ceil(playbook.delay_days)) if playbook.delay_days is not None else None
        found.append(Fired(index, playbook, reason, since, due, handler(plan, playbook)))
    return found


def handler(plan: Plan, playbook: Playbook) -> str | None:
    """The open action created to answer the playbook (its origin names the playbook's signal)."""
    signal = normalise_word(playbook.signal)
    for action in plan.actions:
        if is_open(action) and answers(action, signal):
            return action.id
    return None


def answers(action: Action, signal: str) -> bool:
    return any(
        origin.kind == OriginKind.PLAYBOOK and origin.ref is not None and normalise_word(origin.ref) == signal
        for origin in action.origins
    )


def action_due(playbook: Playbook, today: dt.date) -> dt.date:
    """The due date of the action that answers a playbook fired today: today + its delay."""
    return today + dt.timedelta(days=math.ceil(playbook.delay_days or 0))


def _condition(plan: Plan, playbook: Playbook, today: dt.date) -> tuple[Message, dt.date] | None:
    if playbook.kpi is not None:
        kpi = plan.kpi(playbook.kpi)
        return None if kpi is None else kpi_playbook_hit(plan, kpi, playbook, today)
    if playbook.health_below is not None:
        score = health_score(plan)
        if score is None or not score.rated or score.score >= playbook.health_below:
            return None
        return say(
            "playbook.health_below", score=round(score.score), threshold=say("figure", value=playbook.health_below)
        ), today
    if playbook.dimension is not None:
        return _dimension(plan, playbook, today)
    if playbook.stream is not None:
        return _stream(plan, playbook, today)
    if playbook.rituals_missed is not None:
        missed = sum(_missed(plan, today))
        if missed < playbook.rituals_missed:
            return None
        return say("playbook.rituals_missed", missed=missed, threshold=playbook.rituals_missed), today
    return None


def _dimension(plan: Plan, playbook: Playbook, today: dt.date) -> tuple[Message, dt.date] | None:
    if plan.health is None or playbook.rating_below is None or playbook.dimension is None:
        return None
    wanted = normalise_word(playbook.dimension)
    for dimension in plan.health.dimensions:
        rating = dimension.rating
        if normalise_word(dimension.name) != wanted or rating is None or rating >= playbook.rating_below:
            continue
        said = say("playbook.rating_below", dimension=dimension.name, rating=rating, threshold=playbook.rating_below)
        return said, today
    return None


def _stream(plan: Plan, playbook: Playbook, today: dt.date) -> tuple[Message, dt.date] | None:
    stream = next((s for s in plan.streams if s.id == playbook.stream), None)
    if stream is None:
        return None
    level = playbook.stream_rag
    if level is None:  # ``checks`` asks for the level
        return None
    assessment = stream_rag(plan, stream.id, today)
    if assessment.rag is None or worst(assessment.rag, level) != assessment.rag:
        return None
    return say("playbook.stream_rag", stream=stream.name, level=say("playbook.level." + assessment.rag.value)), today


def _missed(plan: Plan, today: dt.date) -> Iterator[int]:
    """Meetings each ritual has missed since it was last held: one per period past, the day
    a period ends counting as held on time."""
    for ritual in plan.rituals:
        period = FREQUENCY_DAYS.get(ritual.frequency) if ritual.frequency is not None else None
        if period is None or ritual.last_held is None or ritual.last_held > today:
            continue
        yield max(0, ((today - ritual.last_held).days - 1) // period)


def answer(plan: Plan, index: int, today: dt.date, note: str | None = None) -> tuple[Plan, str]:
    """The plan with a new action that answers playbook ``index``: its immediate action, by its
    owner, from today to today + its delay, high priority for a red signal, tied to what it watches;
    its origin names the playbook, so that the playbook reads as handled while the action is open.
    Refused while an open action already answers it."""
    book = plan.playbooks[index]
    handled = handler(plan, book)
    if handled is not None:
        raise OpError(say("op.playbook_handled", signal=book.signal, id=handled), say("op.playbook_handled.hint"))
    origin = {"kind": OriginKind.PLAYBOOK.value, "ref": book.signal, "note": note or book.trigger}
    fields = {
        "title": book.action,
        "owner": book.owner,
        "start": today,
        "due": action_due(book, today),
        "priority": Level.HIGH.value if book.level == Rag.RED else Level.MEDIUM.value,
        "origins": [origin],
        "kpi": book.kpi,
        "stream": book.stream,
    }
    return ops.add_action(plan, fields, today)
