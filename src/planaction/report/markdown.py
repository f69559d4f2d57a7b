"""The report in Markdown, fit for a pull-request comment or an e-mail: tables, RAG emojis, and plan text
escaped so that it never becomes a link, a heading or HTML (``words.markdown_text.md``)."""

from __future__ import annotations

from pathlib import Path

from planaction.report import cooperation, improvement, ledger
from planaction.report.build import PlanReport, PortfolioReport, Report
from planaction.report.pieces import figure, late, md_rag, since_heading, slipped
from planaction.words.labels import bar, date_text, word
from planaction.words.markdown_text import md
from planaction.words.merging import say as said
from planaction.words.report import say


def _footer(report: Report) -> list[str]:
    return ["", f"_{say('report_of', report.lang)} {date_text(report.today, report.lang)} — planaction_"]


def _head(report: PlanReport) -> list[str]:
    lang, plan, board = report.lang, report.plan, report.board
    sep = say("sep", lang)
    out = [f"## {md(plan.title)}", ""]
    if report.closed:
        out += [f"**{md(report.closed)}**", ""]
    meta = [f"**{word('owner', lang)}**{sep}{md(report.owner)}"]
    if plan.sponsor:
        meta.append(f"**{word('sponsor', lang)}**{sep}{md(plan.sponsor)}")
    if plan.period:
        meta.append(
            f"**{word('period', lang)}**{sep}{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
        )
    out += [" · ".join(meta), ""]
    out.append(f"**{word('plan_rag', lang)}**{sep}{md_rag(board.rag, lang)} — {md(board.rag_text)}")
    if board.progress is not None:
        out += ["", f"**{word('progress', lang)}**{sep}`{bar(board.progress / 100)}` {board.progress_text}"]
    if board.objective:
        out += ["", f"**{word('objective', lang)}**{sep}{md(board.objective)}"]
        if board.objective_figures:
            out.append(f"{say('objective_figures', lang)}{sep}{md(board.objective_figures)}")
    if board.health is not None:
        out += ["", f"**{word('health_score', lang)}**{sep}{md_rag(board.health.rag, lang)} {board.health_text}"]
    return out


def _tables(report: PlanReport) -> list[str]:
    lang, board = report.lang, report.board
    out: list[str] = []
    if board.streams:
        out += [
            "",
            f"### {say('streams', lang)}",
            "",
            f"| {word('stream', lang)} | {word('rag', lang)} | {word('why', lang)} |",
            "|---|---|---|",
        ]
        out += [f"| {md(name)} | {md_rag(level, lang)} | {md(text)} |" for name, level, text in board.streams]
    if board.kpis:
        out += [
            "",
            f"### {word('kpis', lang)}",
            "",
            f"| KPI | {word('baseline', lang)} | {word('current', lang)} | {word('target', lang)} | {word('attainment', lang)} |",
            "|---|---:|---:|---:|---:|",
        ]
        for k in board.kpis:
            mark = " ✓" if k.reached else ""
            base, current, target = (md(figure(v, k.unit)) for v in (k.baseline, k.current, k.target))
            out.append(
                f"| {md(k.id)} {md(k.name)} | {base} | {current}{mark} | {target} | {k.attainment_text or '—'} |"
            )
    if board.playbooks:
        out += ["", f"### {word('fired_playbooks', lang)}", ""]
        out += [f"- {md_rag(line.level, lang)} {md(line.text)}" for line in board.playbooks]
    out += ["", f"### {say('open_actions', lang)} ({len(report.open_actions)})", ""]
    if report.shown:
        out += [
            f"| {word('rag', lang)} | {word('action', lang)} | {say('who', lang)} | {say('when', lang)} | {word('status', lang)} |",
            "|---|---|---|---|---|",
        ]
        for a in report.shown:
            out.append(
                f"| {md_rag(a.rag, lang)} | {md(a.id)} {md(a.title)} | {md(a.owner)} | {a.due_text or '—'} | {md(a.status_text)} — {md(a.why)} |"
            )
        if report.hidden:
            out += ["", say("more", lang, count=report.hidden) + "."]
    else:
        out.append(say("no_open_action", lang))
    return out


def _tail(report: PlanReport) -> list[str]:
    lang, board = report.lang, report.board
    out: list[str] = ledger.markdown_lines(report, md)
    out += cooperation.markdown_lines(report, md, md_rag)
    if board.risks:
        out += ["", f"### {word('top_risks', lang)}", ""]
        out += [
            f"- {md_rag(level, lang)} {md(title)}" + (f" — {md(mitigation)}" if mitigation else "")
            for title, level, mitigation in board.risks
        ]
    if board.milestones:
        out += ["", f"### {word('next_milestones', lang)}", ""]
        out += [f"- {when} — {md(text)}{late(is_late, lang, ' — ')}" for text, when, is_late in board.milestones]
    if board.decision:
        out += ["", f"**{word('next_decision', lang)}**{say('sep', lang)}{md(board.decision)}"]
    out += improvement.markdown_lines(report, md)
    if report.since is not None:
        revision, lines = report.since
        out += ["", f"### {md(since_heading(revision, lang))}", ""]
        out += [f"- {md(line)}" for line in lines] or [f"- {say('no_changes', lang)}"]
    if report.baseline is not None:
        heading, moved = slipped(report, lang)
        out += ["", f"### {md(heading)}", ""]
        out += [f"- {md(line)}" for line in moved] or [f"- {md(said('no_slip', lang))}"]
    return out


def plan_markdown(report: PlanReport) -> str:
    return "\n".join(_head(report) + _tables(report) + _tail(report) + _footer(report)) + "\n"


def portfolio_markdown(report: PortfolioReport) -> str:
    lang = report.lang
    out = [f"## {say('portfolio', lang)} — {md(report.name)}", ""]
    out += [
        f"| Plan | {word('owner', lang)} | {word('rag', lang)} | {word('progress', lang)} | {word('overdue', lang)} | {word('health', lang)} |",
        "|---|---|---|---:|---:|---:|",
    ]
    for r in report.rows:
        if r.error:
            out.append(f"| {md(r.path.name)} | — | ⚠ {say('invalid', lang)}{say('sep', lang)}{md(r.error)} | | | |")
        else:
            out.append(
                f"| {md(r.title)} | {md(r.owner)} | {md_rag(r.rag, lang)} | {r.progress_text} | {r.overdue} | {r.health or '—'} |"
            )
    if report.since_rev:
        out += ["", f"### {md(since_heading(report.since_rev, lang))}", ""]
        for file, lines in report.since.items():
            if lines:
                out.append(f"**{md(Path(file).name)}**")
                out += [f"- {md(line)}" for line in lines]
                out.append("")
    return "\n".join(out + _footer(report)) + "\n"


def render(report: Report) -> str:
    return plan_markdown(report) if isinstance(report, PlanReport) else portfolio_markdown(report)
