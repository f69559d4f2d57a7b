"""The report as plain text: what ``planaction report`` prints when its output is not a terminal
(a pipe, a file, ``NO_COLOR``). Plan text is put on one line and stripped of terminal escapes."""

from __future__ import annotations

from pathlib import Path

from planaction.report import cooperation, improvement, ledger
from planaction.report.build import PlanReport, PortfolioReport, Report
from planaction.report.pieces import late, since_heading, slipped
from planaction.words.labels import bar, date_text, rag_symbol, word
from planaction.words.merging import say as said
from planaction.words.report import say
from planaction.words.safetext import one_line


def _head(report: PlanReport) -> list[str]:
    lang, plan, board = report.lang, report.plan, report.board
    sep = say("sep", lang)
    out = [one_line(plan.title), "=" * min(len(one_line(plan.title)), 80)]
    if report.closed:
        out.append(report.closed.upper())
    out.append(
        f"{word('owner', lang)}{sep}{one_line(report.owner)}"
        + (f"   {word('sponsor', lang)}{sep}{one_line(plan.sponsor)}" if plan.sponsor else "")
    )
    if plan.period:
        out.append(
            f"{word('period', lang)}{sep}{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
        )
    out.append(f"{word('plan_rag', lang)}{sep}{rag_symbol(board.rag)} {one_line(board.rag_text)}")
    if board.progress is not None:
        out.append(f"{word('progress', lang)}{sep}[{bar(board.progress / 100)}] {board.progress_text}")
    if board.objective:
        out.append(f"{word('objective', lang)}{sep}{one_line(board.objective)}")
        if board.objective_figures:
            out.append(f"  {say('objective_figures', lang)}{sep}{board.objective_figures}")
    if board.health is not None:
        out.append(f"{word('health_score', lang)}{sep}{rag_symbol(board.health.rag)} {board.health_text}")
    return out


def _body(report: PlanReport) -> list[str]:
    lang, board = report.lang, report.board
    sep = say("sep", lang)
    out: list[str] = []
    if board.streams:
        out += ["", say("streams", lang)]
        out += [f"  {rag_symbol(level)} {one_line(name)} — {one_line(text)}" for name, level, text in board.streams]
    if board.kpis:
        out += ["", word("kpis", lang)]
        for k in board.kpis:
            figures = f"{k.baseline or '?'} → {k.current or '?'} → {k.target or '?'} {k.unit}".rstrip()
            out.append(
                f"  {'✓' if k.reached else ' '} {one_line(k.id)} {one_line(k.name)}{sep}{one_line(figures)} {k.attainment_text}".rstrip()
            )
    if board.playbooks:
        out += ["", word("fired_playbooks", lang)]
        out += [f"  {rag_symbol(line.level)} {one_line(line.text)}" for line in board.playbooks]
    out += ["", f"{say('open_actions', lang)} ({len(report.open_actions)})"]
    for a in report.shown:
        out.append(
            f"  {rag_symbol(a.rag)} {one_line(a.id)} {one_line(a.title)} — {one_line(a.owner)} — {a.due_text or '—'} — {one_line(a.why)}"
        )
    if report.hidden:
        out.append("  " + say("more", lang, count=report.hidden))
    out += ledger.text_lines(report)
    out += cooperation.text_lines(report)
    if board.risks:
        out += ["", word("top_risks", lang)]
        for title, level, mitigation in board.risks:
            out.append(
                f"  {rag_symbol(level)} {one_line(title)}" + (f" — {one_line(mitigation)}" if mitigation else "")
            )
    if board.milestones:
        out += ["", word("next_milestones", lang)]
        out += [f"  {when} {one_line(text)}{late(is_late, lang, ' — ')}" for text, when, is_late in board.milestones]
    if board.decision:
        out += ["", f"{word('next_decision', lang)}{sep}{one_line(board.decision)}"]
    out += improvement.text_lines(report)
    if report.since is not None:
        revision, lines = report.since
        out += ["", since_heading(revision, lang)]
        out += [f"  {one_line(line)}" for line in lines] or [f"  {say('no_changes', lang)}"]
    if report.baseline is not None:
        heading, moved = slipped(report, lang)
        out += ["", heading]
        out += [f"  {line}" for line in moved] or [f"  {said('no_slip', lang)}"]
    return out


def plan_plain(report: PlanReport) -> str:
    return "\n".join(_head(report) + _body(report)) + "\n"


def portfolio_plain(report: PortfolioReport) -> str:
    lang = report.lang
    out = [f"{say('portfolio', lang)} — {one_line(report.name)}", ""]
    for r in report.rows:
        if r.error:
            out.append(f"  ! {one_line(r.path.name)} — {say('invalid', lang)} {one_line(r.error)}")
        else:
            health = f" — {word('health', lang).lower()} {r.health}" if r.health else ""
            out.append(
                f"  {rag_symbol(r.rag)} {one_line(r.title)} — {one_line(r.owner)} — {r.progress_text} — "
                f"{r.overdue} {word('overdue', lang).lower()}{health}"
            )
    if report.since_rev:
        out += ["", since_heading(report.since_rev, lang)]
        for file, lines in report.since.items():
            for line in lines:
                out.append(f"  {one_line(Path(file).name)}: {one_line(line)}")
    return "\n".join(out) + "\n"


def render(report: Report) -> str:
    return plan_plain(report) if isinstance(report, PlanReport) else portfolio_plain(report)
