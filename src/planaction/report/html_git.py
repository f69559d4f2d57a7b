"""What git knows of a plan, on the one-page report: the open actions' columns against a baseline
(``export --baseline REV``) and the history across committees (``export --since REV`` or ``--tags``).

Kept apart from ``report/html.py`` (the page's layout) so that the page reads without git, and each
piece here is one function the page calls: the baseline's heading cells and an action's cells, the
history's section. The burn-up is a pygal chart as the page's others are (``charts.py``); the RAG
trail is a row of the page's own RAG badges, each with its symbol (● ▲ ■) and date, so that it
still reads printed in black and white, which coloured dots on a chart would not.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planaction.report import charts
from planaction.report.pieces import esc
from planaction.words.baseline import say
from planaction.words.labels import date_text, rag_symbol

if TYPE_CHECKING:
    from planaction.present.history import History, Point
    from planaction.report.build import OpenAction, PlanReport

#: The RAG trail's badges on the page (the last ones).
TRAIL_POINTS = 12


def baseline_heads(report: PlanReport) -> str:
    """The baseline's three heading cells of the open actions table; none without ``--baseline``."""
    if report.baseline is None:
        return ""
    lang = report.lang
    note = esc(say("columns_note", lang, revision=report.baseline))
    return "".join(
        f'<th class="num base" title="{note}">{esc(say(key, lang))}</th>'
        for key in ("col_baseline_due", "col_slipped", "col_replanned")
    )


def baseline_cells(report: PlanReport, action: OpenAction) -> str:
    """An open action's due date at the baseline, the days it slipped since, how many times it was
    re-planned: a dash where there is nothing to compare (no due date, or new since)."""
    if report.baseline is None:
        return ""
    lang = report.lang
    due = date_text(action.baseline_due, lang) if action.baseline_due else "—"
    days = action.slipped_days
    slipped = say("slipped_days", lang, days=f"{days:+d}") if days else ("0" if days == 0 else "—")
    moved = " moved" if days else ""
    replanned = str(action.replanned) if action.replanned is not None else "—"
    return (
        f'<td class="num base">{esc(due)}</td><td class="num base{moved}">{esc(slipped)}</td>'
        f'<td class="num base">{esc(replanned)}</td>'
    )


#: The columns' style, added to the page's only when they are shown: small figures, a slip in red.
BASELINE_CSS = (
    "th.base, td.base { font-size: 7pt; } th.base { white-space: normal; width: 13mm; }"
    " td.base.moved { color: #c62828; font-weight: 600; }"
)


def _by_day(points: list[Point]) -> list[Point]:
    """One point a day (the last commit of a day tells that day), as the progress chart does."""
    days: dict[dt.date, Point] = {}
    for p in points:
        days[p.date] = p
    return list(days.values())


def trail(points: list[Point], lang: str) -> str:
    """The plan's RAG at each of the last points: its badge, symbol and word, with the point's date."""
    shown = points[-TRAIL_POINTS:]
    out = []
    for p in shown:
        name = p.rag.value if p.rag else "none"
        word = p.rag.label(lang) if p.rag else "—"
        out.append(
            f'<span class="step"><span class="rag rag-{name}" title="{esc(p.revision)} · {esc(word)}">'
            f'{esc(rag_symbol(p.rag))}</span><span class="muted">{esc(date_text(p.date, lang))}</span></span>'
        )
    return '<div class="trail">' + "".join(out) + "</div>"


#: The history's style, added to the page's only when it is shown.
HISTORY_CSS = (
    ".history { display: grid; grid-template-columns: 1.2fr 1fr; gap: 5mm; align-items: start; }"
    " .trail { display: flex; flex-wrap: wrap; gap: 1mm 2mm; } .trail .step { display: flex;"
    " flex-direction: column; align-items: center; font-size: 6.8pt; }"
)


def history_section(past: History | None, *, since: str | None = None, tags: str | None = None) -> str:
    """The history across committees: the burn-up and the RAG trail side by side, with the span they
    cover; nothing when there is no history (a plan outside git, or fewer than two points)."""
    if past is None or len(past.points) < 2:
        return ""
    lang, points = past.lang, past.points
    first, last = date_text(points[0].date, lang), date_text(points[-1].date, lang)
    if tags:
        span = say("history_span_tags", lang, count=len(points), first=first, last=last, pattern=tags)
    else:
        span = say("history_span", lang, count=len(points), first=first, last=last, start=since or "")
    if len(points) > TRAIL_POINTS:
        span += " " + say("history_more", lang, count=TRAIL_POINTS)
    chart = charts.burnup([(p.date, p.done, p.total) for p in _by_day(points)], lang)
    left = (
        f'<div><p class="muted">{esc(say("burnup", lang))}</p><div class="chart">{chart}</div></div>' if chart else ""
    )
    right = f'<div><p class="muted">{esc(say("trail", lang))}</p>{trail(points, lang)}</div>'
    return (
        f'<section class="wide"><h2>{esc(say("history_heading", lang))}</h2>'
        f'<p class="muted">{esc(span)}</p><div class="history">{left}{right}</div></section>'
    )
