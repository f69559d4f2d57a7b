"""The improvement loop on the steering report, in text, Markdown, JSON and Rich: the situation
analysis (QQOQCP and SWOT), the imperative criteria with their scores and corrective actions, the
retros, the lessons learned, and with ``--since`` the decisions taken since that committee.

One module for every layout (as ``ledger``), so that they say the same things; each part is left
out when the plan says nothing of it, so that a plan without the loop reads as it always did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from planaction.present.improvement import Improvement, decision_line, improvement_view
from planaction.words.improvement import say
from planaction.words.report import say as said
from planaction.words.safetext import one_line

#: The latest retros the report lays out (the JSON has them all): a quarter's worth.
RETROS_SHOWN = 3

if TYPE_CHECKING:
    from rich.console import RenderableType

    from planaction.report.build import PlanReport


def _view(report: PlanReport) -> Improvement:
    return improvement_view(report.plan, report.lang, report.today)


def _sections(report: PlanReport) -> list[tuple[str, list[str]]]:
    """(heading, lines) of each part the plan has, in the report's order; lines are plain text."""
    lang, view = report.lang, _view(report)
    sep = said("sep", lang)
    sections: list[tuple[str, list[str]]] = []
    situation = [f"{label}{sep}{text}" for label, text in view.context]
    situation += [f"{label}{sep}" + " · ".join(items) for _key, label, items in view.swot if items]
    if situation:
        sections.append((say("situation", lang), situation))
    if view.criteria:
        lines = []
        for c in view.criteria:
            actions = ", ".join(f"{i} ({status})" for i, _title, status in c.actions)
            lines.append(f"{c.score_text} — {c.name} — {actions or say('no_corrective_action', lang)}")
        sections.append((say("criteria", lang), lines))
    if view.retros:
        lines = []
        for retro in view.retros[:RETROS_SHOWN]:
            lines.append(retro.date)
            lines += [f"  {item.label}{sep}{item.text(lang)}" for item in retro.items]
        if len(view.retros) > RETROS_SHOWN:
            lines.append(say("more_retros", lang, count=len(view.retros) - RETROS_SHOWN))
        sections.append((say("retros", lang), lines))
    if view.lessons:
        lines = []
        for lesson in view.lessons:
            lines.append(lesson.title + (f" ({lesson.date})" if lesson.date else ""))
            lines += [f"  {label}{sep}{text}" for label, text in lesson.steps]
        sections.append((say("lessons", lang), lines))
    decided = getattr(report, "decided", None)
    if decided is not None and report.since is not None and report.plan.decisions:
        heading = say("decisions_taken", lang, revision=one_line(report.since[0]))
        sections.append((heading, [decision_line(d, lang) for d in decided] or [say("no_decision_taken", lang)]))
    return sections


def text_lines(report: PlanReport) -> list[str]:
    out: list[str] = []
    for heading, lines in _sections(report):
        out += ["", heading]
        out += [f"  {one_line(line)}" for line in lines]
    return out


def markdown_lines(report: PlanReport, md: Callable[[str], str]) -> list[str]:
    """Each part as a list (``md`` escapes plan text as the Markdown renderer does); a retro's items
    and a lesson's steps are nested under it."""
    out: list[str] = []
    for heading, lines in _sections(report):
        out += ["", f"### {heading}", ""]
        for line in lines:
            nested = line.startswith("  ")
            out.append(("  - " if nested else "- ") + md(one_line(line.strip())))
    return out


def renderables(report: PlanReport) -> Iterator[RenderableType]:
    from rich.text import Text

    for heading, lines in _sections(report):
        yield Text(heading, style="bold")
        for line in lines:
            yield Text(f"  {one_line(line)}")


def json_data(report: PlanReport) -> dict[str, Any]:
    """The loop for scripts: the plan's own codes and ISO dates; a part the plan does not have is left
    out, so that the JSON of a plan without the loop stays what it was."""
    plan = report.plan
    from planaction.core.improvement import imperative_criteria

    data: dict[str, Any] = {
        "swot": (
            {key: list(getattr(plan.swot, key)) for key in ("strengths", "weaknesses", "opportunities", "threats")}
            if plan.swot is not None
            else None
        ),
        "imperative_criteria": [
            {
                "criterion": c.name,
                "kind": c.origin.kind.value,
                "score": c.score,
                "needs_correction": c.needs_correction,
                "uncorrected": c.uncorrected,
                "actions": [{"id": a.id, "status": a.status.value} for a in c.actions],
            }
            for c in imperative_criteria(plan)
        ],
        "retros": [
            {
                "date": r.date.isoformat(),
                **{
                    kind: {"what": w, "owner": getattr(r, f"{kind}_owner"), "action": getattr(r, f"{kind}_action")}
                    for kind in ("process", "content", "risk")
                    if (w := getattr(r, kind))
                },
                "note": r.note,
            }
            for r in sorted(plan.retros, key=lambda r: r.date, reverse=True)
        ],
        "lessons": [
            {
                "title": lesson.title,
                "date": lesson.date.isoformat() if lesson.date else None,
                "context": lesson.context,
                "action": lesson.action,
                "effect": lesson.effect,
                "replicability": lesson.replicability,
                "owner": lesson.owner,
            }
            for lesson in plan.lessons
        ],
    }
    data = {key: value for key, value in data.items() if value}
    decided = getattr(report, "decided", None)
    if decided is not None and plan.decisions:
        data["decisions_taken"] = [
            {"id": d.id, "title": d.title, "owner": d.owner, "date": d.date.isoformat() if d.date else None,
             "outcome": d.outcome}
            for d in decided
        ]  # fmt: skip
    return data
