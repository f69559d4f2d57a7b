"""``planaction history`` laid out: a table of the points, the RAG trail and a burn-up (scope
against done) that read in a terminal, in Markdown, and as JSON ``points`` for programs."""

from __future__ import annotations

from typing import Any

from planaction.present.history import History, Point
from planaction.words.history import say
from planaction.words.labels import bar, date_text, number, percent, rag_symbol
from planaction.words.markdown_text import md
from planaction.words.safetext import one_line

#: KPIs shown as columns of the text and Markdown tables (all of them in JSON).
TABLE_KPIS = 6
#: Rows of the burn-up chart, and the points it shows (the last ones).
CHART_HEIGHT = 8
CHART_POINTS = 60


def _cells(history: History, p: Point, kpis: list[str]) -> list[str]:
    lang = history.lang
    return [
        p.revision,
        date_text(p.date, lang),
        f"{rag_symbol(p.rag)} {p.rag.label(lang) if p.rag else '—'}",
        f"{bar((p.progress or 0) / 100, 10)} {percent(p.progress / 100 if p.progress is not None else None, lang)}",
        number(p.health, lang, decimals=0) if p.health is not None else "—",
        f"{p.done}/{p.total}",
        *(number(p.kpis.get(k), lang) or "—" for k in kpis),
    ]


def _headings(history: History, kpis: list[str]) -> list[str]:
    lang = history.lang
    keys = ("col_revision", "col_date", "col_rag", "col_progress", "col_health", "col_done")
    return [*(say(k, lang) for k in keys), *kpis]


def _kpi_ids(history: History) -> list[str]:
    return list(dict.fromkeys(k for p in history.points for k in p.kpis))[:TABLE_KPIS]


def _span(history: History) -> str:
    lang, points = history.lang, history.points
    if len(points) == 1:
        return say("span_one", lang, first=date_text(points[0].date, lang))
    return say(
        "span", lang, count=len(points), first=date_text(points[0].date, lang), last=date_text(points[-1].date, lang)
    )


def burnup(points: list[Point], height: int = CHART_HEIGHT) -> list[str]:
    """Scope (░) and done (█) per point, two cells a point, the scale on the left."""
    shown = points[-CHART_POINTS:]
    top = max((p.total for p in shown), default=0)
    if top == 0:
        return []
    lines = []
    width = len(str(top))
    for row in range(height, 0, -1):
        level = top * (row - 0.5) / height
        cells = "".join("██" if p.done >= level else "░░" if p.total >= level else "  " for p in shown)
        scale = str(top) if row == height else ("0" if row == 1 else "")
        lines.append(f"{scale:>{width}} ┤{cells}".rstrip())
    return lines


def text(history: History) -> str:
    lang = history.lang
    out = [one_line(say("heading", lang, title=history.title)) + f" ({history.file})"]
    if not history.points:
        out.append(say("none", lang))
    else:
        out.append(_span(history))
        kpis = _kpi_ids(history)
        rows = [_headings(history, kpis), *(_cells(history, p, kpis) for p in history.points)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        out.append("")
        out += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
        out += ["", say("trail", lang, trail=" → ".join(rag_symbol(r) for r in history.rag_trail))]
        chart = burnup(history.points)
        if chart:
            out += ["", say("burnup", lang), *chart]
    out += [_skipped(history, s) for s in history.skipped]
    return "\n".join(out)


def _skipped(history: History, s: Any) -> str:
    lang = history.lang
    return one_line(say("skipped", lang, revision=s.revision, date=date_text(s.date, lang), problem=s.problem))


def markdown(history: History) -> str:
    lang = history.lang
    out = [f"## {md(say('heading', lang, title=history.title))}", ""]
    if not history.points:
        out.append(say("none", lang))
    else:
        out += [_span(history), ""]
        kpis = _kpi_ids(history)
        out.append("| " + " | ".join(md(h) for h in _headings(history, kpis)) + " |")
        out.append("|" + "---|" * 2 + "---|---|---:|---:|" + "---:|" * len(kpis))
        out += ["| " + " | ".join(md(c) for c in _cells(history, p, kpis)) + " |" for p in history.points]
        out += ["", say("trail", lang, trail=" → ".join(rag_symbol(r) for r in history.rag_trail))]
        chart = burnup(history.points)
        if chart:
            out += ["", say("burnup", lang), "", "```", *chart, "```"]
    out += ["", *(f"- {md(_skipped(history, s))}" for s in history.skipped)] if history.skipped else []
    return "\n".join(out)


def data(history: History) -> dict[str, Any]:
    return {
        "file": history.file,
        "title": history.title,
        "points": [
            {
                "revision": p.revision,
                "commit": p.commit,
                "date": p.date.isoformat(),
                "progress": round(p.progress, 2) if p.progress is not None else None,
                "rag": p.rag.value if p.rag else None,
                "health": round(p.health, 2) if p.health is not None else None,
                "done": p.done,
                "total": p.total,
                "kpis": p.kpis,
            }
            for p in history.points
        ],
        "skipped": [
            {"revision": s.revision, "date": s.date.isoformat(), "problem": s.problem} for s in history.skipped
        ],
    }
