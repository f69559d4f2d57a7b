"""The report in a terminal: Rich tables and colours. Every piece of plan text is a ``Text``, never markup,
so a title such as ``[bold red]x[/]`` prints as typed.

``renderables(report)`` is what ``console.print(report)`` shows (see ``build._RichReport``); this module
reads the report by its attributes only, so that ``build`` can import it when a terminal asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planaction.core.model import Rag
from planaction.report import cooperation, improvement, ledger
from planaction.report.pieces import figure, late, since_heading, slipped
from planaction.words.labels import bar, date_text, rag_symbol, word
from planaction.words.merging import say as said
from planaction.words.report import say
from planaction.words.safetext import one_line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from planaction.report.build import PlanReport, PortfolioReport, Report

STYLES = {Rag.GREEN: "bold green", Rag.AMBER: "bold yellow", Rag.RED: "bold red"}


def _rag(level: Rag | None, text: str) -> Text:
    return Text(f"{rag_symbol(level)} {one_line(text)}", style=STYLES.get(level, "dim") if level else "dim")


def _plain(text: str) -> Text:
    return Text(one_line(text))


def _since(revision: str, lines: list[str], lang: str) -> Iterator[RenderableType]:
    yield Text(since_heading(revision, lang), style="bold")
    for line in lines or [say("no_changes", lang)]:
        yield Text(f"  {one_line(line)}")


def portfolio(report: PortfolioReport) -> Iterator[RenderableType]:
    lang = report.lang
    table = Table(title=Text(f"{say('portfolio', lang)} — {one_line(report.name)}"), expand=True)
    for heading in ("Plan", *(word(key, lang) for key in ("owner", "rag", "progress", "overdue", "health"))):
        table.add_column(heading, overflow="ellipsis")
    for r in report.rows:
        if r.error:
            table.add_row(
                _plain(r.path.name),
                Text("—"),
                Text(f"! {one_line(r.error)}", style="bold red"),
                Text(""),
                Text(""),
                Text(""),
            )
        else:
            table.add_row(
                _plain(r.title),
                _plain(r.owner),
                _rag(r.rag, r.rag.label(lang) if r.rag else ""),
                Text(r.progress_text),
                Text(str(r.overdue), style="bold red" if r.overdue else ""),
                Text(r.health),
            )
    yield table
    if report.since_rev:
        yield Text(since_heading(report.since_rev, lang), style="bold")
        for file, lines in report.since.items():
            for line in lines:
                yield Text(f"  {one_line(Path(file).name)}: {one_line(line)}")


def _head(report: PlanReport) -> Panel:
    lang, plan, board = report.lang, report.plan, report.board
    head = Text.assemble((one_line(plan.title), "bold"), "\n", _rag(board.rag, board.rag_text))
    if report.closed:
        head.append(f"\n{report.closed}", style="bold")
    if board.progress is not None:
        head.append(f"\n{word('progress', lang)} ")
        head.append(bar(board.progress / 100), style="cyan")
        head.append(f" {board.progress_text}")
    if board.objective:
        head.append(f"\n{word('objective', lang)}{say('sep', lang)}")
        head.append(one_line(board.objective))
        if board.objective_figures:
            head.append(f" ({board.objective_figures})")
    if board.health is not None:
        head.append("\n")
        head.append_text(_rag(board.health.rag, f"{word('health_score', lang)} {board.health_text}"))
    return Panel(head, title=Text(f"{one_line(report.owner)} — {date_text(report.today, lang)}"), expand=True)


def _kpis(report: PlanReport) -> Table:
    lang = report.lang
    kpis = Table(title=word("kpis", lang), expand=True)
    for heading in ("KPI", *(word(key, lang) for key in ("baseline", "current", "target", "attainment"))):
        kpis.add_column(heading, overflow="ellipsis")
    for k in report.board.kpis:
        kpis.add_row(
            _plain(f"{k.id} {k.name}"),
            _plain(figure(k.baseline, k.unit)),
            Text(f"{figure(k.current, k.unit)}{' ✓' if k.reached else ''}", style="green" if k.reached else ""),
            _plain(figure(k.target, k.unit)),
            Text(k.attainment_text or "—"),
        )
    return kpis


def _actions(report: PlanReport) -> Table:
    lang = report.lang
    actions = Table(title=f"{say('open_actions', lang)} ({len(report.open_actions)})", expand=True)
    headings = (word("rag", lang), word("action", lang), say("who", lang), say("when", lang), word("why", lang))
    for heading in headings:
        actions.add_column(heading, overflow="ellipsis")
    for a in report.shown:
        actions.add_row(
            _rag(a.rag, a.rag.label(lang) if a.rag else ""),
            _plain(f"{a.id} {a.title}"),
            _plain(a.owner),
            Text(a.due_text or "—"),
            _plain(a.why),
        )
    return actions


def plan(report: PlanReport) -> Iterator[RenderableType]:
    lang, board = report.lang, report.board
    yield _head(report)
    if board.streams:
        streams = Table(title=say("streams", lang), expand=True, show_header=False)
        streams.add_column()
        streams.add_column(ratio=1)
        for name, level, text in board.streams:
            streams.add_row(_rag(level, level.label(lang) if level else ""), _plain(f"{name} — {text}"))
        yield streams
    if board.kpis:
        yield _kpis(report)
    if board.playbooks:
        yield Text(word("fired_playbooks", lang), style="bold")
        for line in board.playbooks:
            yield _rag(line.level, line.text)
    yield _actions(report)
    yield from ledger.renderables(report)
    yield from cooperation.renderables(report)
    if board.risks:
        yield Text(word("top_risks", lang), style="bold")
        for title, level, mitigation in board.risks:
            line = _rag(level, title)
            if mitigation:
                line.append(f" — {one_line(mitigation)}", style="")
            yield line
    if board.milestones:
        yield Text(word("next_milestones", lang), style="bold")
        for text, when, is_late in board.milestones:
            yield Text.assemble(
                (f"  {when} ", "bold red" if is_late else "dim"), one_line(text), (late(is_late, lang, " — "), "red")
            )
    if board.decision:
        yield Text.assemble((f"{word('next_decision', lang)}{say('sep', lang)}", "bold"), one_line(board.decision))
    yield from improvement.renderables(report)
    if report.since is not None:
        yield from _since(*report.since, lang)
    if report.baseline is not None:
        heading, moved = slipped(report, lang)
        yield Text(heading, style="bold")
        for line in moved or [said("no_slip", lang)]:
            yield Text(f"  {line}")


def renderables(report: Report) -> Iterator[RenderableType]:
    """What the report shows in a terminal, piece by piece."""
    return portfolio(report) if report.kind == "portfolio" else plan(report)


def print_rich(report: Report, console: Any) -> None:
    """Print the report on a Rich console (the same as ``console.print(report)``)."""
    for renderable in renderables(report):
        console.print(renderable)
