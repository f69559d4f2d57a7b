"""The summary sheet: the plan on one printed page (objective, owner, RAG, progress, health, counts),
then the short lists a steering committee reads: overdue, due soon, risks, milestones, decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.styles import Font, PatternFill

from planaction.core import structures
from planaction.core.model import Plan
from planaction.exchange.xlsx.sheet import Sheet
from planaction.exchange.xlsx.styles import (
    FONT,
    LABEL_FONT,
    LEFT_WRAP,
    LINE_HEIGHT,
    RAG_FILLS,
    RAG_FONTS,
    SECTION_FONT,
    SIZE,
    TITLE_FONT,
    TOP,
    WRAP,
    lines,
)
from planaction.exchange.xlsx.summary_board import write_kpis, write_open_actions, write_status_chart, write_streams
from planaction.present.action_rows import ActionRow
from planaction.present.dashboard import dashboard
from planaction.words.exchange import say
from planaction.words.labels import WORDS, date_text, word
from planaction.words.structures import say as say_structures

#: Items listed per section of the summary sheet: a summary, not a second action table.
SUMMARY_ITEMS = 12


def write_summary(sheet: Sheet, plan: Plan, today: dt.date, action_lines: list[ActionRow]) -> None:
    lang = sheet.lang
    ws = sheet.ws
    board = dashboard(plan, today, lang)
    sheet.put(1, 1, plan.title, font=TITLE_FONT)
    sheet.merge(1, 1, 6)
    row = 3

    def line(key: str, value: Any, **kwargs: Any) -> None:
        nonlocal row
        sheet.put(row, 1, word(key, lang) if key in WORDS else key, font=LABEL_FONT, alignment=TOP)
        sheet.put(row, 2, value, alignment=LEFT_WRAP, **kwargs)
        sheet.merge(row, 2, 6)
        if isinstance(value, str) and lines(value, 110) > 1:
            ws.row_dimensions[row].height = min(lines(value, 110), 20) * LINE_HEIGHT
        row += 1

    if plan.objective is not None:
        line("objective", plan.objective.statement)
        if board.objective_figures:
            figures = f"{word('baseline', lang)} → {word('current', lang)} → {word('target', lang)} : {board.objective_figures}"
            line("", figures)
    line("owner", plan.owner)
    if plan.sponsor:
        line("sponsor", plan.sponsor)
    if plan.period is not None:
        line("period", f"{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}")
    rag_cell_row = row
    line("plan_rag", board.rag_text)
    if board.rag is not None:
        cell = ws.cell(row=rag_cell_row, column=2)
        cell.fill = PatternFill("solid", fgColor=RAG_FILLS[board.rag])
        cell.font = Font(name=FONT, size=SIZE, bold=True, color=RAG_FONTS[board.rag])
    if board.progress is not None:
        line("progress", board.progress / 100, number_format="0%")
    if board.health is not None:
        line("health_score", board.health.score, number_format="0")
    line(
        "counts",
        ", ".join(say("count", lang, name=name, count=count) for name, count in board.counts if count),
    )
    if structures.skills_gap(plan):  # cooperation across structures (issue 18): the skills gap
        # imported only for a plan that has one: the cooperation's views are a tenth of the workbook's imports
        from planaction.present.structures import gap_lines

        line(say_structures("gap", lang), "\n".join(gap_lines(plan, lang)))
    line("exported", today)
    row += 1
    row = write_status_chart(sheet, row, board)  # on the first page, beside its table
    row = write_streams(sheet, row, board)
    row = write_kpis(sheet, row, board)
    row = write_open_actions(sheet, row, plan, action_lines)

    def section(key: str, items: list[str], *, limit: int = SUMMARY_ITEMS) -> None:
        nonlocal row
        if not items:
            return
        sheet.put(
            row, 1, f"{word(key, lang)} ({len(items)})" if len(items) > limit else word(key, lang), font=SECTION_FONT
        )
        row += 1
        if len(items) > limit:
            rest = len(items) - limit
            items = [*items[:limit], say("more_in_actions", lang, count=rest)]
        for item in items:
            sheet.put(row, 1, item, alignment=WRAP)
            sheet.merge(row, 1, 6)
            if lines(item, 135) > 1:
                ws.row_dimensions[row].height = min(lines(item, 135), 30) * LINE_HEIGHT
            row += 1
        row += 1

    section("fired_playbooks", [line.text for line in board.playbooks])  # seed 003: "détecter tôt, agir vite"
    section("overdue", [f"{title} — {who}" for title, who in board.overdue])
    section("due_soon", [f"{title} — {who}" for title, who in board.due_soon])
    section(
        "top_risks", [f"{title} — {mitigation}" if mitigation else title for title, _rag, mitigation in board.risks]
    )
    section("next_milestones", [f"{when} — {text}" for text, when, _late in board.milestones])
    if board.decision:
        section("next_decision", [board.decision])
    if plan.synthesis:
        section("synthesis", [plan.synthesis])
    if plan.recommendations:
        section("recommendations", [f"• {r}" for r in plan.recommendations], limit=100)
    ws.column_dimensions["A"].width = 28
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 22
    sheet.protect()
    sheet.print_setup(plan.title, header_rows=None)
