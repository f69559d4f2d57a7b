"""The cooperation across structures on the report (seed 004), in text, Markdown, Rich and JSON.

One module for every layout, so that they say the same things: the stage and the structures that
joined at it, each structure's stakes and open actions, the approval of each operational objective
with its RAG, the skills gap with the guide's three answers, and what each partner brings and
expects. Nothing for a plan that has none of these (``Cooperation.shown``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from planaction.core.structures import GAP_ANSWERS
from planaction.present.structures import Cooperation, ObjectiveView, PartnerView, StructureView
from planaction.words.labels import rag_symbol
from planaction.words.safetext import one_line
from planaction.words.structures import say

if TYPE_CHECKING:
    from rich.console import RenderableType

    from planaction.report.build import PlanReport


def _stage(view: Cooperation, lang: str) -> str:
    parts = [say("stage", lang, stage=view.stage)] if view.stage is not None else []
    if view.continues:
        parts.append(say("continues", lang, ref=view.continues))
    return " — ".join(parts)


def _structure(s: StructureView, lang: str) -> str:
    head = say("structure_line", lang, name=s.name, kind=s.kind) if s.kind else s.name
    stakes = ", ".join(f"{i} ({say('shared' if shared else 'individual', lang)})" for i, _t, shared in s.stakes)
    actions = ", ".join(i for i, _t, _o in s.open_actions)
    return " — ".join(
        [
            head,
            say("stakes_of", lang, ids=stakes or say("none", lang)),
            say("open_of", lang, ids=actions or say("none", lang)),
        ]
    )


def _objective(o: ObjectiveView, lang: str) -> str:
    if o.missing:
        state = say("waiting_for", lang, names=", ".join(o.missing))
    else:
        state = say("approved_all", lang) + (f" ({o.approval_text})" if o.approvals else "")
    return f"{o.id} {o.title} — {state}"


def _partner(p: PartnerView, lang: str) -> str:
    parts = [p.name, p.kind] if p.kind else [p.name]
    if p.brings:
        parts.append(say("brings", lang, text=p.brings))
    if p.expects:
        parts.append(say("expects", lang, text=p.expects))
    return " — ".join(parts)


def _sections(report: PlanReport) -> Iterator[tuple[str, list[tuple[Any, str]]]]:
    """(heading, [(RAG or None, line)]) for each part the plan has."""
    view, lang = report.cooperation, report.lang
    if view is None or not view.shown:
        return
    head = []
    if report.structure is not None and view.structures:
        head.append((None, say("part_of", lang, name=view.structures[0].name)))
    if view.stage is not None or view.continues:
        head.append((None, _stage(view, lang)))
    if view.joined:
        head.append((None, say("joined", lang, names=", ".join(view.joined))))
    if view.structures or head:
        yield say("structures", lang), head + [(None, _structure(s, lang)) for s in view.structures]
    if view.objectives:
        yield say("approvals", lang), [(o.rag, _objective(o, lang)) for o in view.objectives]
    if view.gaps:
        lines = [(None, say("gap_line", lang, skill=g.skill, ids=", ".join(g.actions))) for g in view.gaps]
        yield say("gap", lang), [*lines, (None, say("gap_answers", lang))]
    if view.partners:
        yield say("partners", lang), [(None, _partner(p, lang)) for p in view.partners]


def text_lines(report: PlanReport) -> list[str]:
    out: list[str] = []
    for heading, lines in _sections(report):
        out += ["", heading]
        for rag, line in lines:
            out.append(f"  {rag_symbol(rag)} {one_line(line)}" if rag is not None else f"  {one_line(line)}")
    return out


def markdown_lines(report: PlanReport, md: Callable[[str], str], md_rag: Callable[[Any, str], str]) -> list[str]:
    out: list[str] = []
    for heading, lines in _sections(report):
        out += ["", f"### {md(heading)}", ""]
        out += [
            f"- {md_rag(rag, report.lang)} {md(line)}" if rag is not None else f"- {md(line)}" for rag, line in lines
        ]
    return out


def renderables(report: PlanReport) -> Iterator[RenderableType]:
    from rich.text import Text

    for heading, lines in _sections(report):
        yield Text(heading, style="bold")
        for rag, line in lines:
            yield Text(f"  {rag_symbol(rag)} {one_line(line)}" if rag is not None else f"  {one_line(line)}")


def _rag(rag: Any) -> str | None:
    return None if rag is None else rag.value


def structures_json(view: Cooperation | None) -> list[dict[str, Any]]:
    """``structures`` of ``report --format json``: each with its ``name``, stakes and open actions."""
    if view is None:
        return []
    return [
        {
            "id": s.id,
            "name": s.name,
            "kind": s.kind or None,
            "contacts": list(s.contacts),
            "people": list(s.people),
            "stakes": [{"id": i, "title": t, "shared": shared} for i, t, shared in s.stakes],
            "objectives": list(s.objectives),
            "open_actions": [{"id": i, "title": t, "owner": o} for i, t, o in s.open_actions],
            "joined_at_this_stage": s.joined,
        }
        for s in view.structures
    ]


def cooperation_json(view: Cooperation | None) -> dict[str, Any] | None:
    """The rest of the cooperation: stage, approvals, the skills gap, partners' contributions."""
    if view is None or not view.shown:
        return None
    return {
        "stage": view.stage,
        "continues": view.continues,
        "joined": list(view.joined),
        "objectives": [
            {
                "id": o.id,
                "rag": _rag(o.rag),
                "why": o.why,
                "approvals": [
                    {"structure": a.structure, "by": a.by or None, "date": a.date.isoformat() if a.date else None}
                    for a in o.approvals
                ],
                "missing": list(o.missing),
            }
            for o in view.objectives
        ],
        "skills_gap": [{"skill": g.skill, "actions": list(g.actions), "answers": list(GAP_ANSWERS)} for g in view.gaps],
        "partners": [
            {"name": p.name, "kind": p.kind or None, "brings": p.brings or None, "expects": p.expects or None}
            for p in view.partners
        ],
    }
