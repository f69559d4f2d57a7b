"""The one-page steering report as a self-contained HTML page (seed 003's "tableau de bord à 1 page").

Everything it says comes from the report object (``build.plan_report``), as the Markdown and JSON
reports do, so that no figure is computed twice: the plan RAG and RAG by stream, progress, the
objective and KPIs (with their measurements as small charts, ``charts.py``), the open actions, the
top risks, the milestones on a timeline with today, the next decision, the value ledger and ROI,
the synthesis and the recommendations, the improvement loop's small sections (``html_loop``: imperative
criteria, the last retro, lessons), what changed since the last committee.

Self-contained: the style sheet is inline, the charts are inline SVG, the logo a ``data:`` URI;
a Content-Security-Policy forbids any script and any network fetch, so the page shows the same
in a mail client, a browser without network, or Chromium printing it to PDF (``export_pdf``).
Every plan string goes through ``esc`` (``html.escape`` after ``printable``): a title
``<script>`` shows as those characters.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planaction.core.model import Rag
from planaction.present.timeline import timeline
from planaction.report import charts, html_git, html_loop
from planaction.report.build import PlanReport
from planaction.report.html_style import CSS, page_boxes
from planaction.report.pieces import esc, figure, since_heading
from planaction.words.advice import say as said
from planaction.words.labels import date_text, word
from planaction.words.onepage import say as page
from planaction.words.report import say
from planaction.words.safetext import printable

if TYPE_CHECKING:
    from planaction.present.history import History

#: KPI cards on the page (three a row), milestones on the timeline.
PAGE_KPIS = 6
PAGE_MILESTONES = 8
#: A logo larger than this is refused rather than inlined in every page sent.
LOGO_MAX_BYTES = 2 * 1024 * 1024
_IMAGE_TYPES = {
    b"\x89PNG": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF8": "image/gif",
}


class LogoError(ValueError):
    """The logo cannot be shown; the message says which file and why."""


def rag_badge(rag: Rag | None, lang: str) -> str:
    name = rag.value if rag else "none"
    return f'<span class="rag rag-{name}">● {esc(rag.label(lang) if rag else "—")}</span>'


def logo_uri(path: Path, lang: str) -> str:
    """The logo as a ``data:`` URI (the page fetches nothing); ``LogoError`` when it cannot be."""
    try:
        if path.stat().st_size > LOGO_MAX_BYTES:
            raise LogoError(page("logo_unreadable", lang, path=path, reason="> 2 MB"))
        data = path.read_bytes()
    except OSError as exc:
        raise LogoError(page("logo_unreadable", lang, path=path, reason=exc.strerror or exc)) from None
    mime = next((kind for magic, kind in _IMAGE_TYPES.items() if data.startswith(magic)), None)
    if mime is None and b"<svg" in data[:4096]:
        mime = "image/svg+xml"  # shown through <img>: an SVG's own scripts never run there
    if mime is None:
        raise LogoError(page("logo_not_image", lang, path=path))
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _header(report: PlanReport, client: str, consultancy: str, logo: str) -> str:
    lang, plan = report.lang, report.plan
    meta = [f"{esc(word('owner', lang))}{say('sep', lang)}{esc(report.owner)}"]
    if plan.sponsor:
        meta.append(f"{esc(word('sponsor', lang))}{say('sep', lang)}{esc(plan.sponsor)}")
    if plan.period:
        meta.append(
            f"{esc(word('period', lang))}{say('sep', lang)}"
            f"{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
        )
    brand = []
    if client:
        brand.append(f"<div><strong>{esc(page('for_client', lang, client=client))}</strong></div>")
    if consultancy:
        brand.append(f"<div>{esc(page('by_consultancy', lang, consultancy=consultancy))}</div>")
    image = f'<img src="{logo}" alt="{esc(page("logo", lang))}">' if logo else ""
    return (
        f'<header class="page">{image}<div class="title">'
        f'<div class="kicker">{esc(page("page_title", lang))} · '
        f"{esc(page('as_of', lang, date=date_text(report.today, lang)))}</div>"
        f"<h1>{esc(plan.title)}</h1>"
        f'<div class="meta">{" · ".join(meta)}</div></div>'
        + (f'<div class="brand">{"".join(brand)}</div>' if brand else "")
        + "</header>"
    )


def _headline(report: PlanReport, history: Sequence[tuple[dt.date, float]]) -> str:
    lang, board = report.lang, report.board
    rag = (
        f"<div><h2>{esc(word('plan_rag', lang))}</h2>{rag_badge(board.rag, lang)}"
        f'<p class="text">{esc(board.rag_text)}</p>'
    )
    if board.health is not None:
        rag += f"<p>{esc(word('health_score', lang))}{say('sep', lang)}{rag_badge(board.health.rag, lang)} "
        rag += f"{esc(board.health_text)}</p>"
    rag += "</div>"
    progress = f"<div><h2>{esc(word('progress', lang))}</h2>"
    if board.progress is not None:
        width = max(0.0, min(100.0, board.progress))
        progress += f'<div class="big">{esc(board.progress_text)}</div>'
        progress += f'<div class="meter"><span style="width:{width:.1f}%"></span></div>'
    else:
        progress += '<div class="big">—</div>'
    counts = ", ".join(f"{esc(name)} {count}" for name, count in board.counts if count)
    progress += f'<p class="muted">{counts}</p></div>'
    points = list(history)
    if board.progress is not None and points and points[-1][0] < report.today:
        points.append((report.today, board.progress))
    chart = charts.dated_line(points, lang, uid="progress", percent=True)
    if chart:
        third = f'<div><h2>{esc(page("progress_history", lang))}</h2><div class="chart">{chart}</div></div>'
    else:  # no history known: the next decision takes the place
        third = _decision(report)
    return f'<section class="headline wide">{rag}{progress}{third}</section>'


def _decision(report: PlanReport, tag: str = "div") -> str:
    lang, board = report.lang, report.board
    if not board.decision:
        return f"<{tag}></{tag}>"
    return f"<{tag}><h2>{esc(word('next_decision', lang))}</h2><p>{esc(board.decision)}</p></{tag}>"


def _streams(report: PlanReport) -> str:
    lang, board = report.lang, report.board
    if not board.streams:
        return ""
    rows = "".join(
        f'<tr><td class="name">{esc(name)}</td><td>{rag_badge(level, lang)}</td><td>{esc(text)}</td></tr>'
        for name, level, text in board.streams
    )
    return (
        f"<section><h2>{esc(say('streams', lang))}</h2><table><tr><th>{esc(word('stream', lang))}</th>"
        f"<th>{esc(word('rag', lang))}</th><th>{esc(word('why', lang))}</th></tr>{rows}</table></section>"
    )


def _kpis(report: PlanReport) -> str:
    lang, board, plan = report.lang, report.board, report.plan
    if not (board.objective or board.kpis):
        return ""
    out = [f'<section class="wide"><h2>{esc(page("objective_kpis", lang))}</h2>']
    if board.objective:
        out.append(f"<p><strong>{esc(word('objective', lang))}</strong>{say('sep', lang)}{esc(board.objective)}")
        if board.objective_figures:
            out.append(
                f' — <span class="muted">{esc(say("objective_figures", lang))}</span>{say("sep", lang)}'
                f'<span class="k-figures">{esc(board.objective_figures)}</span>'
            )
        out.append("</p>")
    cards = []
    for index, k in enumerate(board.kpis[:PAGE_KPIS]):
        kpi = plan.kpi(k.id)
        points = [(m.date, m.value) for m in kpi.measurements if m.date <= report.today] if kpi else []
        references = [("baseline", kpi.baseline), ("target", kpi.target)] if kpi else []
        chart = charts.dated_line(points, lang, references=references, uid=f"kpi{index}")
        figures = " → ".join(esc(figure(v, k.unit)) for v in (k.baseline, k.current, k.target))
        mark = " ✓" if k.reached else ""
        attainment = f" · {esc(word('attainment', lang))} {esc(k.attainment_text)}" if k.attainment_text else ""
        body = chart or f'<p class="muted">{esc(page("no_measurement", lang)) if not points else ""}</p>'
        cards.append(
            f'<div class="kpi"><div class="k-name">{esc(k.id)} {esc(k.name)}</div>'
            f'<div class="k-figures">{figures}{mark}<span class="muted">{attainment}</span></div>'
            f'<div class="chart">{body}</div></div>'
        )
    if cards:
        out.append(f'<div class="kpis">{"".join(cards)}</div>')
    if len(board.kpis) > PAGE_KPIS:
        out.append(f'<p class="muted">{esc(page("kpis_more", lang, count=len(board.kpis) - PAGE_KPIS))}</p>')
    return "".join(out) + "</section>"


def _actions(report: PlanReport) -> str:
    lang = report.lang
    title = f"{say('open_actions', lang)} ({len(report.open_actions)})"
    out = [f'<section class="wide flows"><h2>{esc(title)}</h2>']
    if report.rows is not None and report.rows.active:
        shown = page("filter_shown", lang, shown=len(report.open_actions), total=report.open_total)
        out.append(f'<p class="muted">{esc(page("filtered", lang, filter=filter_text(report)))} ({shown})</p>')
    if not report.shown:
        return "".join(out) + f"<p>{esc(say('no_open_action', lang))}</p></section>"
    out.append(
        f"<table><tr><th>{esc(word('rag', lang))}</th><th>{esc(word('action', lang))}</th>"
        f"<th>{esc(say('who', lang))}</th><th>{esc(say('when', lang))}</th>{html_git.baseline_heads(report)}"
        f'<th>{esc(word("status", lang))}</th><th class="num">{esc(word("progress", lang))}</th></tr>'
    )
    for a in report.shown:
        who = esc(a.owner) + (f' <span class="muted">+ {esc(", ".join(a.co_owners))}</span>' if a.co_owners else "")
        out.append(
            f"<tr><td>{rag_badge(a.rag, lang)}</td><td><strong>{esc(a.id)}</strong> {esc(a.title)}</td>"
            f'<td>{who}</td><td class="nowrap">{esc(a.due_text or "—")}</td>{html_git.baseline_cells(report, a)}'
            f'<td class="status">{esc(a.status_text)}<div class="muted">{esc(a.why)}</div></td>'
            f'<td class="num">{esc(say("percent", lang, value=a.progress))}</td></tr>'
        )
    out.append("</table>")
    if report.hidden:
        out.append(f'<p class="muted">{esc(say("more", lang, count=report.hidden))}</p>')
    return "".join(out) + "</section>"


def filter_text(report: PlanReport) -> str:
    """The tables' filter in words: "Responsable : Claire Martin, Flux : Adoption" (the stream by its name)."""
    lang, rows, sep = report.lang, report.rows, say("sep", report.lang)
    if rows is None:
        return ""
    parts = []
    if rows.owner:
        parts.append(f"{word('owner', lang)}{sep}{rows.owner}")
    if rows.status:
        parts.append(f"{word('status', lang)}{sep}{rows.status.label(lang)}")
    if rows.imperative:
        parts.append(word("imperative", lang))
    if rows.stream:
        name = next((s.name for s in report.plan.streams if s.id == rows.stream), rows.stream)
        parts.append(f"{word('stream', lang)}{sep}{name}")
    return ", ".join(parts) or rows.describe(lang)


def _risks(report: PlanReport) -> str:
    lang, board = report.lang, report.board
    if not board.risks:
        return ""
    rows = "".join(
        f"<tr><td>{rag_badge(level, lang)}</td><td>{esc(title)}</td><td>{esc(mitigation or '—')}</td></tr>"
        for title, level, mitigation in board.risks
    )
    return (
        f"<section><h2>{esc(word('top_risks', lang))}</h2><table><tr><th>{esc(word('rag', lang))}</th>"
        f"<th>{esc(word('risk', lang))}</th><th>{esc(page('mitigation', lang))}</th></tr>{rows}</table></section>"
    )


def _timeline(report: PlanReport) -> str:
    """Milestones on a date axis with today marked; the nearest to today when there are many."""
    lang, today = report.lang, report.today
    items = [item for item in timeline(report.plan, today) if item.milestone]
    if not items:
        return ""
    if len(items) > PAGE_MILESTONES:
        items = sorted(
            sorted(items, key=lambda i: abs((i.start - today).days))[:PAGE_MILESTONES], key=lambda i: i.start
        )
    days = [i.start for i in items] + [today]
    if report.plan.period:
        days += [report.plan.period.start, report.plan.period.end]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def at(day: dt.date) -> float:
        return 100 * (day - first).days / span

    lanes: list[float] = []  # where each lane's last label ends, in % of the width
    labels = []
    for item in items:
        x = at(item.start)
        right = x > 67
        start, end = (x - 33, x) if right else (x, x + 33)
        lane = next((n for n, taken in enumerate(lanes) if taken <= start), len(lanes))
        if lane == len(lanes):
            lanes.append(end)
        lanes[lane] = end
        state = "done" if item.done else ("late" if item.start < today else "")
        text = f"{date_text(item.start, lang)} {item.label}"
        if item.done:
            text += f" ({page('done', lang)})"
        elif state == "late":
            text += f" ({say('late', lang)})"
        labels.append((x, lane, right, state, text))
    axis_top = 5
    height = axis_top + 4 + 4.2 * len(lanes)
    out = [f'<section class="wide"><h2>{esc(page("timeline", lang))}</h2>']
    out.append(f'<div class="timeline" style="height:{height:.1f}mm">')
    out.append(f'<div class="axis" style="top:{axis_top}mm"></div>')
    x_today = at(today)
    # today's label takes the place of an edge's date it would cover, and leans inwards there
    edge = " first" if x_today < 15 else " last" if x_today > 85 else ""
    if edge != " first":
        out.append(f'<div class="tick first" style="left:0;top:0">{date_text(first, lang)}</div>')
    if edge != " last":
        out.append(f'<div class="tick last" style="left:100%;top:0">{date_text(last, lang)}</div>')
    out.append(
        f'<div class="today" style="left:{x_today:.2f}%;top:{axis_top - 2.5}mm;height:{height - 2:.1f}mm"></div>'
    )
    out.append(
        f'<div class="today-label{edge}" style="left:{x_today:.2f}%;top:0">'
        f"{esc(page('today', lang))} {date_text(today, lang)}</div>"
    )
    for x, lane, right, state, text in labels:
        out.append(f'<div class="mark {state}" style="left:{x:.2f}%;top:{axis_top + 0.25}mm"></div>')
        side = " right" if right else ""
        out.append(
            f'<div class="label{side}" style="left:{x:.2f}%;top:{axis_top + 2.5 + 4.2 * lane:.1f}mm" '
            f'title="{esc(text)}">{esc(text)}</div>'
        )
    out.append("</div>")
    hidden = len(report.plan.milestones) - len(items)
    if hidden > 0:
        out.append(f'<p class="muted">{esc(page("milestones_more", lang, count=hidden))}</p>')
    return "".join(out) + "</section>"


def _value(report: PlanReport) -> str:
    lang, value = report.lang, report.value
    if value is None:
        return ""
    rows = []
    for line in value.lines:
        figures = " → ".join(v or "?" for v in (line.baseline, line.actual, line.target))
        rows.append(
            f"<tr><td><strong>{esc(line.id)}</strong> {esc(line.hypothesis)}</td>"
            f'<td class="num">{esc(figures)} {esc(line.indicator)}</td>'
            f'<td class="num">{esc(line.value_text or "—")}</td></tr>'
        )
    total = [said("ledger.total", lang, value=value.total_text or "?")]
    if value.budget_text:
        total.append(said("ledger.budget", lang, budget=value.budget_text))
    if value.roi_text:
        total.append(said("ledger.roi", lang, roi=value.roi_text))
    return (
        f"<section><h2>{esc(page('value_roi', lang))}</h2><table>{''.join(rows)}</table>"
        f"<p><strong>{esc(' — '.join(total))}</strong></p></section>"
    )


def _fired(report: PlanReport) -> str:
    """The playbooks that fire today (``core.playbooks`` through the dashboard), unhandled first."""
    lang, lines = report.lang, report.board.playbooks
    if not lines:
        return ""
    # one cell a playbook, its level as a dot before it: three fired playbooks still leave the page one page
    rows = "".join(
        f'<tr><td class="text fired"><span class="rag rag-{line.level.value}" title="{esc(line.level.label(lang))}">●'
        f"</span> {esc(line.text)}</td></tr>"
        for line in lines
    )
    return f"<section><h2>{esc(page('fired_playbooks', lang))}</h2><table>{rows}</table></section>"


def _synthesis(report: PlanReport) -> str:
    lang, plan = report.lang, report.plan
    if not (plan.synthesis or plan.recommendations):
        return ""
    body = f'<p class="text">{esc(plan.synthesis)}</p>' if plan.synthesis else ""
    if plan.recommendations:
        body += "<ul>" + "".join(f"<li>{esc(r)}</li>" for r in plan.recommendations) + "</ul>"
    return f'<section class="flows"><h2>{esc(page("synthesis_recommendations", lang))}</h2>{body}</section>'


def _since(report: PlanReport) -> str:
    if report.since is None:
        return ""
    lang = report.lang
    revision, lines = report.since
    items = "".join(f"<li>{esc(line)}</li>" for line in lines) or f"<li>{esc(say('no_changes', lang))}</li>"
    return f'<section class="wide flows"><h2>{esc(since_heading(revision, lang))}</h2><ul class="since">{items}</ul></section>'


def pair(left: str, right: str) -> str:
    """Two half-width sections side by side; one alone takes the whole width."""
    return columns([left], [right])


def columns(left: list[str], right: list[str]) -> str:
    """Sections stacked in two half-width columns side by side; a side with none leaves the other's
    sections the whole width."""
    left, right = [x for x in left if x], [x for x in right if x]
    if left and right:
        return f'<div class="col">{"".join(left)}</div><div class="col">{"".join(right)}</div>'
    return "".join(_wide(section) for section in left or right)


def _wide(section: str) -> str:
    if section.startswith('<section class="'):
        return section.replace('<section class="', '<section class="wide ', 1)
    return section.replace("<section>", '<section class="wide">', 1)


def _footer(report: PlanReport, client: str, consultancy: str) -> str:
    lang = report.lang
    left = " · ".join(esc(x) for x in (consultancy, client) if x)
    made = page("made_with", lang, date=date_text(report.today, lang))
    return f'<footer class="page"><span>{left}</span><span>{esc(made)}</span></footer>'


def page_html(
    report: PlanReport,
    *,
    client: str = "",
    consultancy: str = "",
    logo: Path | None = None,
    history: Sequence[tuple[dt.date, float]] = (),
    past: History | None = None,
    past_since: str | None = None,
    past_tags: str | None = None,
) -> str:
    """The whole page; ``LogoError`` when a logo is named but cannot be shown. ``past``: the plan's
    history across committees since ``past_since`` or at the tags ``past_tags`` (``present.history``), drawn when it has points."""
    lang = report.lang
    logo_src = logo_uri(logo, lang) if logo is not None else ""
    title = f"{page('page_title', lang)} — {report.plan.title}"
    made = page("made_with", lang, date=date_text(report.today, lang))
    boxes = page_boxes(" · ".join(x for x in (printable(consultancy), printable(client)) if x), made)
    decision = _decision(report, "section") if history and report.board.decision else ""  # else in the headline
    grid = (
        _headline(report, history)
        + pair(_streams(report), _risks(report))
        + _kpis(report)
        + _actions(report)
        + _timeline(report)
        + columns([decision, _fired(report), _value(report)], [_synthesis(report), *html_loop.sections(report)])
        + _since(report)
        + html_git.history_section(past, since=past_since, tags=past_tags)
    )
    extra = (html_git.BASELINE_CSS if report.baseline is not None else "") + (
        html_git.HISTORY_CSS if past is not None and len(past.points) > 1 else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{page("html_lang", lang)}"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        "style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}{extra}{boxes}</style></head><body>"
        + _header(report, client, consultancy, logo_src)
        + f'<main class="grid">{grid}</main>'
        + _footer(report, client, consultancy)
        + "</body></html>\n"
    )
