"""One action in detail (the app's detail pane) and the follow-up log, worded for a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planaction.core import rules
from planaction.core.model import Action, Plan
from planaction.words import labels
from planaction.words.improvement import say as say_loop
from planaction.words.labels import date_text, number, word
from planaction.words.report import say


@dataclass(frozen=True)
class LogLine:
    date: dt.date
    date_text: str
    action_id: str | None
    action_title: str
    result: str
    comment: str
    author: str
    index: int = -1  # its position in the plan's log: what an edit or a delete names

    @property
    def key(self) -> int:
        return self.index


def log_lines(plan: Plan, lang: str, *, action_id: str | None = None) -> list[LogLine]:
    """The follow-up log, oldest first (file order within a day)."""
    titles = {a.id: a.title for a in plan.actions}
    lines = [
        LogLine(
            e.date,
            date_text(e.date, lang),
            e.action,
            titles.get(e.action or "", ""),
            e.result,
            e.comment or "",
            e.author or "",
            position,
        )
        for position, e in enumerate(plan.log)
        if action_id is None or e.action == action_id
    ]
    return sorted(lines, key=lambda line: line.date)


def action_detail(plan: Plan, action: Action, today: dt.date, lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs describing an action, in reading order, empty ones left out."""
    assessment = rules.action_rag(action, today)
    stream = next((s.name for s in plan.streams if s.id == action.stream), action.stream)
    objective = next((o.title for o in plan.objectives if o.id == action.objective), action.objective)
    score = rules.priority_score(action)
    pairs = [
        (word("title", lang), action.title),
        (word("rag", lang), labels.verdict(assessment, lang)),
        (word("owner", lang), action.owner),
        (word("co_owners", lang), ", ".join(action.co_owners)),
        (
            word("status", lang),
            f"{action.status.label(lang)} — {say('percent', lang, value=action.progress)}",
        ),
        (word("start", lang), date_text(action.start, lang)),
        (word("due", lang), date_text(action.due, lang)),
        (word("completed", lang), date_text(action.completed, lang)),
        (word("priority", lang), labels.level_label(action.priority, lang, feminine=True)),
        (
            "Score",
            f"{action.impact} × {action.urgency} / {action.effort} = {number(score, lang)}"
            if score is not None
            else "",
        ),
        (word("imperative", lang), word("yes", lang) if action.imperative else ""),
        (word("objective", lang), objective or ""),
        (word("stream", lang), stream or ""),
        (word("indicators", lang), " · ".join(action.indicators)),
        (word("resources", lang), action.resources or ""),
        (
            word("budget", lang),
            labels.money(action.budget, plan.budget.currency if plan.budget else "EUR", lang)
            if action.budget is not None
            else "",
        ),
        (say("skills", lang), ", ".join(action.skills)),
        (say("partners", lang), ", ".join(action.partners)),
        (
            word("origin", lang),
            "; ".join(
                o.kind.label(lang)
                + (f" ({o.ref})" if o.ref else "")
                + (f" {say_loop('score_of', lang, score=o.score)}" if o.score is not None else "")  # issue 18
                for o in action.origins
            ),
        ),
        (say("depends_on", lang), ", ".join(action.depends_on)),
        (word("comment", lang), action.comment or ""),
    ]
    return [(k, v) for k, v in pairs if v]
