"""The sheets a plan has only when it fills them: the actions' means (resources, budget, skills,
partners, origins), the streams with their RAG and progress, and the external partners.

Kept off the Actions sheet, which must print one page wide at a readable size: a client who looks
for what an action needs, or what a partner brings, finds it here. Read-only for the client (the
import does not read them), so every cell is locked.
"""

from __future__ import annotations

from planaction.core import rules
from planaction.core.model import Plan, Status
from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.sheet import Sheet
from planaction.exchange.xlsx.styles import money_format, rag_rules
from planaction.words.decks import say

MEANS_COLUMNS = (
    spec.Column("id", "id", 6),
    spec.Column("title", "action", 30, wrap=True),
    spec.Column("resources", "resources", 30, wrap=True),
    spec.Column("budget", "budget", 12, figure=True),
    spec.Column("skills", "", 20, wrap=True, heading_key="col_skills"),
    spec.Column("partners", "", 20, wrap=True, heading_key="col_partners"),
    spec.Column("origins", "", 34, wrap=True, heading_key="col_origins"),
)
STREAM_COLUMNS = (
    spec.Column("id", "id", 8),
    spec.Column("name", "name", 18, wrap=True),
    spec.Column("description", "", 50, wrap=True, heading_key="col_description"),
    spec.Column("rag", "rag", 10),
    spec.Column("progress", "progress", 12, figure=True),
    spec.Column("open", "", 12, figure=True, heading_key="col_open"),
)
PARTNER_COLUMNS = (
    spec.Column("name", "name", 24, wrap=True),
    spec.Column("kind", "", 18, wrap=True, heading_key="col_kind"),
    spec.Column("brings", "", 44, wrap=True, heading_key="col_brings"),
    spec.Column("expects", "", 44, wrap=True, heading_key="col_expects"),
)


def has_means(plan: Plan) -> bool:
    return any(a.resources or a.budget is not None or a.skills or a.partners or a.origins for a in plan.actions)


def write_means(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    rows = []
    for a in plan.actions:
        if not (a.resources or a.budget is not None or a.skills or a.partners or a.origins):
            continue
        origins = [
            " ".join(part for part in (o.kind.label(lang), o.ref or "", f"— {o.note}" if o.note else "") if part)
            for o in a.origins
        ]
        rows.append(
            [a.id, a.title, a.resources or "", a.budget, "\n".join(a.skills), "\n".join(a.partners), "\n".join(origins)]
        )
    sheet.table(say("table_means", lang), MEANS_COLUMNS, rows, formats={"budget": money_format(plan)})
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def write_streams(sheet: Sheet, plan: Plan, today: object) -> None:
    lang = sheet.lang
    rows = []
    for stream_id, name, assessment in rules.stream_rags(plan, today):  # type: ignore[arg-type]
        mine = [a for a in plan.actions if a.stream == stream_id and a.status != Status.CANCELLED]
        values = [100 if a.status == Status.DONE else a.progress for a in mine]
        description = next((s.description for s in plan.streams if s.id == stream_id), None)
        rows.append(
            [
                stream_id,
                name,
                description or "",
                assessment.rag.label(lang) if assessment.rag else "",
                sum(values) / len(values) / 100 if values else None,
                sum(1 for a in mine if rules.is_open(a)),
            ]
        )
    first, last = sheet.table(say("table_streams", lang), STREAM_COLUMNS, rows, formats={"progress": "0%"})
    rag_rules(sheet.ws, f"D{first}:D{last}", lang)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def write_partners(sheet: Sheet, plan: Plan) -> None:
    rows = [[p.name, p.kind or "", p.brings or "", p.expects or ""] for p in plan.partners]
    sheet.table(say("table_partners", sheet.lang), PARTNER_COLUMNS, rows)
    sheet.ws.freeze_panes = "A2"
    sheet.print_setup(plan.title)
