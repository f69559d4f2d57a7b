"""The registers a plan may have, one sheet each: the follow-up log, risks, milestones, the value ledger,
the hidden sheet that records what was exported (for the three-way merge of the import); and for a
cooperation (seed 004), read-only, the structures with their stakes and open actions, and the skills gap."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from openpyxl.utils import get_column_letter

from planaction.core import rules, structures
from planaction.core.improvement import imperative_criteria
from planaction.core.model import Plan
from planaction.exchange.xlsx import hidden_sheet, spec
from planaction.exchange.xlsx import rows as fast_rows
from planaction.exchange.xlsx.sheet import Sheet
from planaction.exchange.xlsx.styles import LABEL_FONT, money_format, rag_rules
from planaction.present.action_detail import LogLine
from planaction.present.registers import risk_lines
from planaction.words.exchange import say
from planaction.words.improvement import say as say_loop
from planaction.words.labels import word
from planaction.words.structures import say as say_structures


def write_log(sheet: Sheet, plan: Plan, lines: list[LogLine]) -> None:
    """The follow-up log, each row with its key in a hidden column of the table (see ``log_merge``)."""
    rows = [
        [
            line.date,
            line.action_id or "",
            line.action_title,
            line.result,
            line.comment,
            line.author,
            hidden_sheet.log_key(index),
        ]
        for index, line in enumerate(lines)
    ]
    sheet.table(say("table_log", sheet.lang), spec.LOG_COLUMNS, rows)
    sheet.ws.freeze_panes = "A2"
    sheet.print_setup(plan.title)


def write_risks(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    rows = [
        [r.id, r.title, r.probability, r.impact, r.score, r.rag.label(lang), r.mitigation, r.owner, r.status]
        for r in risk_lines(plan, lang)
    ]
    first, last = sheet.table(say("table_risks", lang), spec.RISK_COLUMNS, rows)
    letter = get_column_letter(next(i for i, c in enumerate(spec.RISK_COLUMNS, 1) if c.key == "rag"))
    rag_rules(sheet.ws, f"{letter}{first}:{letter}{last}", lang)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def write_milestones(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    yes, no = word("yes", lang), word("no", lang)
    rows = [
        [
            m.id,
            m.title,
            m.due,
            yes if m.done else no,
            m.done_on,
            m.criteria or "",
            "\n".join(m.deliverables),
            "\n".join(m.evidence),
        ]
        for m in sorted(plan.milestones, key=lambda m: m.due)
    ]
    sheet.table(say("table_milestones", lang), spec.MILESTONE_COLUMNS, rows)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def write_value(sheet: Sheet, plan: Plan) -> None:
    lang = sheet.lang
    rows = []
    for line in plan.value:
        rows.append(
            [
                line.id,
                line.hypothesis,
                line.indicator or "",
                line.baseline,
                line.target,
                line.actual,
                rules.value_per_year(line, plan),
                rules.line_roi(line, plan),
                line.notes or "",
            ]
        )
    money = money_format(plan)
    _first, last = sheet.table(
        say("table_value", lang), spec.VALUE_COLUMNS, rows, formats={"value": money, "roi": "0%"}
    )
    row = last + 2
    totals = [
        ("total", rules.total_value(plan), money),
        ("budget", plan.budget.amount if plan.budget else None, money),
        ("roi", rules.plan_roi(plan), "0%"),
    ]
    for key, value, number_format in totals:
        if value is None:
            continue
        sheet.put(row, 2, word(key, lang), font=LABEL_FONT)
        sheet.put(row, 7, value, number_format=number_format, font=LABEL_FONT)
        row += 1
    ttv = rules.time_to_value(plan)
    if ttv is not None:
        sheet.put(row, 2, word("time_to_value", lang), font=LABEL_FONT)
        sheet.put(row, 7, say("time_to_value", lang, days=ttv.days, kpi=ttv.kpi), font=LABEL_FONT)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


# --- the improvement loop (issue 18) -----------------------------------------------

LOOP_COLUMNS = (
    spec.Column("part", "", 18, wrap=True, heading_key="col_part"),
    spec.Column("date", "date", 12, figure=True),
    spec.Column("item", "", 26, wrap=True, heading_key="col_item"),
    spec.Column("detail", "", 60, wrap=True, heading_key="col_detail"),
    spec.Column("owner", "owner", 16, wrap=True),
    spec.Column("action", "action", 16, wrap=True),
)


def has_loop(plan: Plan) -> bool:
    return bool(plan.swot or plan.retros or plan.lessons or imperative_criteria(plan))


def write_improvement(sheet: Sheet, plan: Plan) -> None:
    """The improvement loop, read-only (the import does not read it): the SWOT a row per item, the
    imperative criteria with their scores and actions, every retro's items, every lesson's steps."""
    # imported only for a plan that has the loop, as the cooperation's views below: a tenth of the workbook's imports
    from planaction.present.improvement import improvement_view

    lang = sheet.lang
    view = improvement_view(plan, lang)
    rows: list[list[Any]] = []
    swot = say_loop("part_swot", lang)
    rows += [[swot, None, label, item, "", ""] for _key, label, items in view.swot for item in items]
    criterion = say_loop("part_criterion", lang)
    rows += [
        [criterion, None, c.score_text, c.name, "", "\n".join(f"{i} ({status})" for i, _t, status in c.actions)]
        for c in view.criteria
    ]
    retro = say_loop("part_retro", lang)
    by_iso = {r.date.isoformat(): r for r in plan.retros}
    rows += [
        [retro, by_iso[r.iso].date, item.label, item.what, item.owner, item.action or ""]
        for r in view.retros
        for item in r.items
    ]
    lesson_part = say_loop("part_lesson", lang)
    sep = say_loop("sep", lang)
    for lesson, view_lesson in zip(plan.lessons, view.lessons, strict=True):
        detail = "\n".join(f"{label}{sep}{text}" for label, text in view_lesson.steps)
        rows.append([lesson_part, lesson.date, lesson.title, detail, lesson.owner or "", ""])
    sheet.table(say_loop("table_loop", lang), LOOP_COLUMNS, rows)
    sheet.ws.freeze_panes = "A2"
    sheet.print_setup(plan.title)


def write_meta(sheet: Sheet, records: list[list[Any]]) -> None:
    """The hidden sheet: what was exported, for the three-way merge (``hidden_sheet`` lays it out)."""
    fast = fast_rows.FastRows(sheet.ws, sheet.styles, 1)
    for width, run in itertools.groupby(records, len):  # the records of a kind are as wide: a table each
        same = list(run)
        fast.add(list(zip(*same, strict=True)), ["top"] * width, [None] * len(same))
    sheet.fast.append(fast)
    sheet.ws.sheet_state = "veryHidden"


# --- cooperation across structures (seed 004): read-only sheets, after the hidden one -----------------

STRUCTURE_COLUMNS = (
    spec.Column("id", "id", 8),
    spec.Column("name", "name", 26, wrap=True),
    spec.Column("kind", "", 18, wrap=True, heading_key="col_structure_kind"),
    spec.Column("contacts", "", 20, wrap=True, heading_key="col_contacts"),
    spec.Column("people", "", 20, wrap=True, heading_key="col_people"),
    spec.Column("stakes", "", 28, wrap=True, heading_key="col_stakes"),
    spec.Column("open", "", 30, wrap=True, heading_key="col_open"),
    spec.Column("joined", "", 11, figure=True, heading_key="col_joined"),
)
GAP_COLUMNS = (
    spec.Column("skill", "", 30, wrap=True, heading_key="col_skill"),
    spec.Column("actions", "", 40, wrap=True, heading_key="col_actions"),
    spec.Column("answers", "", 34, wrap=True, heading_key="col_answers"),
)


def write_structures(sheet: Sheet, plan: Plan, today: dt.date) -> None:
    """Each structure: who, its stakes (shared or individual), its people's open actions."""
    lang = sheet.lang
    from planaction.present.structures import cooperation  # only for a plan of several structures

    view = cooperation(plan, today, lang)
    joined = {s.id: s.joined for s in plan.structures}
    rows = [
        [
            s.id,
            s.name,
            s.kind,
            "\n".join(s.contacts),
            "\n".join(s.people),
            "\n".join(
                f"{i} {t} ({say_structures('shared' if shared else 'individual', lang)})" for i, t, shared in s.stakes
            ),
            "\n".join(f"{i} {t} — {o}" for i, t, o in s.open_actions),
            joined.get(s.id),
        ]
        for s in view.structures
    ]
    sheet.table(say_structures("table_structures", lang), STRUCTURE_COLUMNS, rows)
    sheet.ws.freeze_panes = "B2"
    sheet.print_setup(plan.title)


def write_gap(sheet: Sheet, plan: Plan) -> None:
    """The skills open actions require and nobody has, with the guide's three answers."""
    lang = sheet.lang
    answers = say_structures("answers", lang)
    titles = {a.id: a.title for a in plan.actions}
    rows = [
        [g.skill, "\n".join(f"{i} {titles.get(i, '')}".strip() for i in g.actions), answers]
        for g in structures.skills_gap(plan)
    ]
    sheet.table(say_structures("table_gap", lang), GAP_COLUMNS, rows)
    sheet.ws.freeze_panes = "A2"
    sheet.print_setup(plan.title)
