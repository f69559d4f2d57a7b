"""The small charts of the one-page report, drawn as SVG by pygal and inlined in the page.

Why pygal: it writes SVG itself (no browser, no image library), imports in about 0.1 s where
matplotlib alone takes 0.5 s of the page's 0.8 s budget, draws a dated line with its axes and
guides in a few options, and is maintained (3.1, 2026). Two things it adds are taken out: the
``<script>`` holding its tooltip configuration (the page runs no script) and its comments (one
dates the file, which would make two exports of the same plan differ). Only numbers, dates and
planaction's own words go into a chart; plan text stays in the page, where it is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

from planaction.words.labels import number
from planaction.words.onepage import say as page
from planaction.words.report import say

#: The page's colours, shared with its style sheet (``report/html.py``).
INK, MUTED, ACCENT, GOOD = "#1d2733", "#6b7785", "#1f5fa8", "#2e7d32"

_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
#: The xlink namespace pygal declares when it draws with lxml (installed with python-pptx): the
#: page's charts use no link, so nothing in the page names another address.
_XLINK = ' xmlns:xlink="http://www.w3.org/1999/xlink"'


def _short_date(day: dt.date | dt.datetime, lang: str) -> str:
    """An axis date: 24/08/26 in French, 26-08-24 in English: short enough under a small chart."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return page("axis_date", lang, day=f"{day.day:02d}", month=f"{day.month:02d}", year=f"{day.year % 100:02d}")


def ticks(low: float, high: float) -> list[float]:
    """A few round levels around ``low``..``high``: a small chart reads three or four figures, not twelve."""
    low, high = min(low, high), max(low, high)
    if high == low or not (math.isfinite(low) and math.isfinite(high)):
        return [low]
    raw = (high - low) / 2
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def _style():
    from pygal.style import Style

    return Style(
        background="transparent",
        plot_background="transparent",
        foreground=INK,
        foreground_strong=INK,
        foreground_subtle="#d5dbe1",
        colors=(ACCENT, MUTED, GOOD),
        font_family="Helvetica, Arial, sans-serif",
        label_font_size=9,
        major_label_font_size=9,
        value_font_size=8,
        tooltip_font_size=8,
        guide_stroke_dasharray="2,2",
        major_guide_stroke_dasharray="2,2",
    )


def _date_chart(width: int, height: int, x_labels: list[dt.date], lang: str, **options: Any) -> Any:
    """A pygal date line in the page's style: no legend, no script, the first and last days labelled;
    ``options`` are what the chart itself needs (its values' format, range, labels)."""
    import pygal

    return pygal.DateLine(
        width=width,
        height=height,
        explicit_size=True,
        show_legend=False,
        js=[],
        disable_xml_declaration=True,
        style=_style(),
        margin=4,
        margin_right=16,
        spacing=4,
        dots_size=2,
        x_label_rotation=0,
        x_labels=x_labels,
        x_value_formatter=lambda day: _short_date(day, lang),
        show_y_guides=True,
        show_x_guides=False,
        print_values=False,
        truncate_label=-1,
        **options,
    )


def dated_line(
    points: Sequence[tuple[dt.date, float]],
    lang: str,
    *,
    references: Sequence[tuple[str, float | None]] = (),
    uid: str = "c",
    width: int = 250,
    height: int = 84,
    percent: bool = False,
) -> str:
    """An inline SVG: ``points`` as a line on a date axis; each reference (baseline, target) as a
    dashed level across it. Empty when there are fewer than two dates to draw between."""
    days = sorted({day for day, _value in points})
    if len(days) < 2:
        return ""
    levels = [value for _day, value in points] + [level for _name, level in references if level is not None]
    chart = _date_chart(
        width,
        height,
        [days[0], days[-1]] if len(days) > 2 else days,
        lang,
        value_formatter=lambda value: (
            say("percent", lang, value=number(value, lang)) if percent else number(value, lang)
        ),
        range=(0, 100) if percent else None,
        y_labels=[0, 50, 100] if percent else ticks(min(levels), max(levels)),
        include_x_axis=False,
    )
    chart.uuid = uid  # a stable id: the chart's style rules are scoped by it
    chart.add("", [(day, value) for day, value in sorted(points)], stroke_style={"width": 2})
    for _name, level in references:
        if level is not None:
            chart.add(
                "",
                [(days[0], level), (days[-1], level)],
                show_dots=False,
                stroke_style={"width": 1, "dasharray": "4,3"},
            )
    return clean(chart.render(is_unicode=True))


def clean(svg: str) -> str:
    """pygal's SVG without its tooltip script, its (dated) comments, its title and an unused xlink."""
    svg = _TITLE.sub("", _COMMENT.sub("", _SCRIPT.sub("", svg)))
    return svg.replace(_XLINK, "") if "xlink:" not in svg.replace(_XLINK, "") else svg


def burnup(points: Sequence[tuple[dt.date, int, int]], lang: str, *, uid: str = "burnup") -> str:
    """A burn-up as an inline SVG: ``points`` = (day, done, scope), done as a filled line and the
    scope dashed above it, on a date axis. Empty when there are fewer than two days to draw between."""
    days = sorted({day for day, _done, _scope in points})
    if len(days) < 2:
        return ""
    top = max(max(scope, done) for _day, done, scope in points) or 1
    chart = _date_chart(
        330,
        84,
        [days[0], days[-1]],
        lang,
        value_formatter=lambda value: number(value, lang),
        range=(0, top),
        y_labels=[level for level in ticks(0, top) if level <= top],
        include_x_axis=True,
    )
    chart.uuid = uid
    chart.add("", [(day, done) for day, done, _scope in sorted(points)], fill=True, stroke_style={"width": 2})
    chart.add("", [(day, scope) for day, _done, scope in sorted(points)], stroke_style={"width": 1, "dasharray": "4,3"})
    return clean(chart.render(is_unicode=True))
