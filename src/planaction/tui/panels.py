"""The read-only panels of a plan: detail, dashboard, timeline, tree, registers.

Each panel lays out what ``views`` computed. Plan text goes into Textual
``Content`` as plain text (never markup), so a title like ``[bold]x[/]``
shows those characters; colours come from the theme ($success, $warning,
$error) and always sit beside a word or symbol.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static, Tree

from planaction.core.model import Plan, Rag
from planaction.present import views
from planaction.tui.line_table import ColumnSpec, LineTable, fit, rag_cell
from planaction.words.labels import bar, date_text, number, percent, rag_symbol, word
from planaction.words.safetext import one_line, printable

TONES = {Rag.GREEN: "$success", Rag.AMBER: "$warning", Rag.RED: "$error", None: "$text-muted"}
SPARKS = "▁▂▃▄▅▆▇█"


def tone(rag: Rag | None) -> str:
    return TONES.get(rag, "$text-muted")


def rag_text(rag: Rag | None, text: str) -> Content:
    return Content.styled(f"{rag_symbol(rag)} {printable(text)}", f"bold {tone(rag)}")


def sparkline(values: tuple[float, ...]) -> str:
    if len(values) < 2:
        return ""
    scale = max(abs(v) for v in values) or 1.0  # scaled first: high - low of huge figures overflows
    scaled = [v / scale for v in values]
    low, high = min(scaled), max(scaled)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in scaled[-12:])


def lines(*parts: Content | str) -> Content:
    """Join pieces with line breaks; plain strings are plan text, shown literally."""
    pieces = [p if isinstance(p, Content) else Content(printable(p)) for p in parts]
    return Content("\n").join(pieces)


class Card(Static):
    """A bordered block of the dashboard."""

    DEFAULT_CSS = """
    Card { border: round $primary 40%; padding: 0 1; height: auto; }
    """

    def __init__(self, title: str, *, id: str, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = title


class ActionDetail(VerticalScroll):
    """The highlighted action: every field, then its follow-up entries."""

    DEFAULT_CSS = """
    ActionDetail { border-left: tall $primary 30%; padding: 0 1; }
    ActionDetail > Static { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def show(self, plan: Plan, row: views.ActionRow | None, today: dt.date, lang: str) -> None:
        body = self.query_one("#detail-body", Static)
        if row is None:
            body.update(Content(""))
            return
        parts: list[Content | str] = [
            Content.styled(printable(f"{row.id} — {row.title}"), "bold"),
            rag_text(row.rag, f"{row.rag_text} — {row.why}" if row.rag_text else row.why),
        ]
        for key, value in views.action_detail(plan, row.action, today, lang)[2:]:
            parts.append(
                Content.assemble(
                    (f"{key} : " if lang == "fr" else f"{key}: ", "bold $text-muted"),
                    printable(value),
                )
            )
        entries = views.log_lines(plan, lang, action_id=row.id)
        if entries:
            parts.append(Content.styled("\n" + word("log", lang), "bold $primary"))
            for entry in entries:
                parts.append(Content.assemble((entry.date_text + "  ", "$text-muted"), printable(entry.result)))
                if entry.comment:
                    parts.append(Content.styled("  " + printable(entry.comment), "italic"))
        body.update(lines(*parts))


class DashboardView(VerticalScroll):
    """The one-page steering dashboard of the seeds."""

    DEFAULT_CSS = """
    DashboardView { padding: 0 1; }
    DashboardView > Horizontal { height: auto; }
    DashboardView > Horizontal > Card { width: 1fr; }
    """

    ROWS = (("objective", "weather"), ("streams", "health"), ("kpis",), ("overdue", "due-soon"), ("risks", "next"))

    def compose(self) -> ComposeResult:
        for row in self.ROWS:
            cards = [Card("", id=f"card-{card_id}") for card_id in row]
            yield Horizontal(*cards) if len(cards) > 1 else cards[0]

    def show(self, plan: Plan, today: dt.date, lang: str) -> None:
        fr = lang == "fr"
        board = views.dashboard(plan, today, lang)
        self._card("objective", word("objective", lang), self._objective(board, lang))
        weather = [
            rag_text(board.rag, board.rag_text),
            Content.assemble(
                f"{word('progress', lang)} ",
                (bar((board.progress or 0) / 100), "$primary"),
                f" {board.progress_text}",
            ),
            "  ".join(f"{name} {count}" for name, count in board.counts if count),
        ]
        self._card("weather", "Météo du plan" if fr else "Plan status", lines(*weather))
        streams = [rag_text(level, f"{name} — {text}") for name, level, text in board.streams]
        self._card(
            "streams",
            "RAG par flux" if fr else "RAG by stream",
            lines(*streams) if streams else self._none(lang),
            show=bool(streams),
        )
        if board.health is not None:
            health = [rag_text(board.health.rag, board.health_text)]
            for name, weight, points, rating in board.health.parts:
                rated = f"{rating}/5" if rating is not None else "—"
                health.append(
                    f"{fit(name, 14)} {bar(rating / 5 if rating else 0, 10)} {rated}  ×{number(weight, lang)} = {number(points, lang)}"
                )
            self._card("health", word("health", lang), lines(*health))
        else:
            self._card("health", word("health", lang), self._none(lang), show=False)
        kpis = []
        for kpi in board.kpis:
            trend = {"improving": "↗", "worsening": "↘", "flat": "→"}.get(kpi.trend or "", " ")
            mark = "✓" if kpi.reached else " "
            figures = f"{kpi.baseline or '?'} → {kpi.current or '?'} → {kpi.target or '?'} {kpi.unit}".strip()
            kpis.append(
                Content.assemble(
                    (f"{mark} ", "bold $success"),
                    (fit(f"{kpi.id} {kpi.name}", 40), "bold"),
                    f"  {fit(figures, 26)} {fit(kpi.attainment_text, 6)} {trend} ",
                    (sparkline(kpi.values), "$primary"),
                )
            )
        self._card("kpis", word("kpis", lang), lines(*kpis) if kpis else self._none(lang), show=bool(kpis))
        overdue = [rag_text(Rag.RED, f"{title} — {who}") for title, who in board.overdue[:8]]
        self._card(
            "overdue",
            f"{word('overdue', lang)} ({len(board.overdue)})",
            lines(*overdue) if overdue else self._none(lang),
        )
        soon = [rag_text(Rag.AMBER, f"{title} — {who}") for title, who in board.due_soon[:8]]
        self._card(
            "due-soon",
            f"{word('due_soon', lang)} ({len(board.due_soon)})",
            lines(*soon) if soon else self._none(lang),
        )
        risks = []
        for title, level, mitigation in board.risks:
            risks.append(rag_text(level, title))
            if mitigation:
                risks.append("   → " + mitigation)
        self._card(
            "risks",
            "Risques principaux" if fr else "Top risks",
            lines(*risks) if risks else self._none(lang),
            show=bool(risks),
        )
        upcoming: list[Content | str] = [
            Content.assemble((f"{when}  ", "$error" if late else "$text-muted"), printable(text))
            for text, when, late in board.milestones
        ]
        if board.decision:
            upcoming.append(
                Content.assemble(
                    ("Décision attendue : " if fr else "Next decision: ", "bold"),
                    printable(board.decision),
                )
            )
        self._card(
            "next",
            "Prochains jalons" if fr else "Next milestones",
            lines(*upcoming) if upcoming else self._none(lang),
            show=bool(upcoming),
        )

    def _objective(self, board: views.Dashboard, lang: str) -> Content:
        if not board.objective:
            return self._none(lang)
        parts: list[Content | str] = [Content.styled(printable(board.objective), "bold")]
        if board.objective_figures:
            parts.append(
                Content.assemble(
                    (
                        "base → actuel → cible : " if lang == "fr" else "baseline → current → target: ",
                        "$text-muted",
                    ),
                    board.objective_figures,
                )
            )
        if board.objective_attainment is not None:
            parts.append(
                Content.assemble(
                    (bar(board.objective_attainment), "$primary"),
                    f" {percent(board.objective_attainment, lang)}",
                )
            )
        return lines(*parts)

    @staticmethod
    def _none(lang: str) -> Content:
        return Content.styled("—", "$text-muted")

    def _card(self, card_id: str, title: str, body: Content, *, show: bool = True) -> None:
        card = self.query_one(f"#card-{card_id}", Card)
        card.border_title = title
        card.update(body)
        card.display = show


class TimelineView(ScrollView, can_focus=True):
    """Actions and milestones as bars on a week scale, with a today marker.

    A week takes at least 3 cells and grows to fill the screen for short
    plans; dates are placed to the day within their week. The scale covers
    ``views.timeline_window`` (at most about five years): a date beyond it
    (9999-12-31 for "no end", a typo year) shows in a margin at that edge,
    with its date, and every key stays as fast as on an ordinary plan.
    """

    LABEL = 34
    MARGIN = 13  # "31/12/9999 ◀ " beside the scale, for what falls outside it
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--today",
        "timeline--header",
        "timeline--red",
        "timeline--amber",
        "timeline--green",
        "timeline--muted",
    }
    DEFAULT_CSS = """
    TimelineView {
        & > .timeline--header { text-style: bold; background: $panel; }
        & > .timeline--today { color: $accent; text-style: bold; }
        & > .timeline--red { color: $error; }
        & > .timeline--amber { color: $warning; }
        & > .timeline--green { color: $success; }
        & > .timeline--muted { color: $text-muted; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[views.TimelineItem] = []
        self.first = self.last = self.today = dt.date.today()
        self.weeks = 1
        self.cell = 3
        self.lang = "fr"
        self.before = self.after = 0  # margin widths: 0 when nothing falls outside on that side

    def show(self, plan: Plan, today: dt.date, lang: str) -> None:
        self.items = views.timeline(plan, today)
        self.today = today
        self.lang = lang
        self.first, self.last = views.timeline_window(self.items, today, plan)
        self.weeks = (self.last.toordinal() - self.first.toordinal()) // 7 + 1
        self.before = self.MARGIN if any(i.start < self.first for i in self.items) else 0
        self.after = self.MARGIN if any(i.end > self.last for i in self.items) else 0
        self._fit()
        self.refresh()

    def _fit(self) -> None:
        room = max(self.size.width - self.LABEL - 2 - self.before - self.after, 3)
        self.cell = max(3, min(10, room // max(self.weeks, 1)))
        width = self.LABEL + 1 + self.before + self.weeks * self.cell + self.after
        self.virtual_size = Size(width, len(self.items) + 2)

    def on_resize(self) -> None:
        self._fit()

    def _x(self, ordinal: int) -> int:
        """The column of a day (as an ordinal, so that 9999-12-31 + 1 day is no overflow)."""
        return (ordinal - self.first.toordinal()) * self.cell // 7

    def _scale(self) -> tuple[str, str]:
        width = self.weeks * self.cell
        dates = [" "] * width
        ticks = [" "] * width
        step = 1 if self.cell >= 6 else (2 if self.cell >= 4 else 4)
        for week in range(0, self.weeks, step):
            day = dt.date.fromordinal(self.first.toordinal() + 7 * week)
            label = f"{day.day:02d}/{day.month:02d}"
            x = week * self.cell
            for i, ch in enumerate(label[: step * self.cell - 1]):
                if x + i < width:
                    dates[x + i] = ch
            ticks[x] = "·"
        today_x = self._x(self.today.toordinal())
        if 0 <= today_x < width:
            ticks[today_x] = "│"
        return "".join(dates), "".join(ticks)

    def _margins(self, item: views.TimelineItem) -> tuple[str, str]:
        """What shows beside the scale: the date of the part of ``item`` that falls outside it."""
        left = right = ""
        if self.before and item.start < self.first:
            left = f"{date_text(item.start, self.lang)} ◀"
        if self.after and item.end > self.last:
            right = f"▶ {date_text(item.end, self.lang)}"
        return left.rjust(self.before - 1).ljust(self.before), right.ljust(self.after)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        header = self.get_component_rich_style("timeline--header")
        if y < 2:
            dates, ticks = self._scale()
            if y == 0:
                head = fit("Semaine du" if self.lang == "fr" else "Week of", self.LABEL) + " "
                segments = [Segment(head + " " * self.before, header), Segment(dates + " " * self.after, header)]
            else:
                blank = " " * (self.LABEL + 1 + self.before)
                segments = [Segment(blank, header), Segment(ticks + " " * self.after, header)]
            return Strip(segments).crop_extend(scroll_x, scroll_x + width, self.rich_style)
        index = scroll_y + y - 2
        if index >= len(self.items):
            return Strip.blank(width, self.rich_style)
        item = self.items[index]
        tone_name = "muted" if item.done else (item.rag.value if item.rag else "green")
        tone_style = self.get_component_rich_style(f"timeline--{tone_name}")
        today_style = self.get_component_rich_style("timeline--today")
        label = fit(("◆ " if item.milestone else "") + f"{item.id} {one_line(item.label)}", self.LABEL) + " "
        scale = self.weeks * self.cell
        begin = max(self._x(item.start.toordinal()), 0)
        finish = min(max(self._x(item.end.toordinal() + 1), self._x(item.start.toordinal()) + 1), scale)
        left, right = self._margins(item)
        cells = [" "] * scale
        styles = [self.rich_style] * scale
        mark = "◆" if item.milestone else "█"
        for x in range(begin, finish):
            cells[x], styles[x] = mark, tone_style
        today_x = self._x(self.today.toordinal())
        if 0 <= today_x < scale and not begin <= today_x < finish:
            cells[today_x], styles[today_x] = "│", today_style
        segments = [Segment(label, self.rich_style), Segment(left, tone_style)]
        for style, run in groupby(zip(cells, styles, strict=True), key=lambda pair: pair[1]):
            segments.append(Segment("".join(ch for ch, _style in run), style))
        segments.append(Segment(right, tone_style))
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, self.rich_style)


class StakesTree(Tree[None]):
    """Stakes -> operational objectives -> actions."""

    def show(self, plan: Plan, today: dt.date, lang: str) -> None:
        self.clear()
        self.root.set_label(self._text(plan.title, None))
        for node in views.stakes_tree(plan, today, lang):
            self._add(self.root, node)
        self.root.expand_all()

    def _text(self, label: str, rag: Rag | None) -> Text:
        text = Text(one_line(label))
        if rag is not None:
            colour = self.app.get_css_variables().get(tone(rag).lstrip("$"), "")
            text = Text.assemble((rag_symbol(rag) + " ", f"bold {colour}".strip()), text)
        return text

    def _add(self, parent, node: views.TreeNode) -> None:
        branch = parent.add(self._text(node.label, node.rag), expand=True) if node.children else None
        if branch is None:
            parent.add_leaf(self._text(node.label, node.rag))
            return
        for child in node.children:
            self._add(branch, child)


# -- registers as tables ---------------------------------------------------------


def log_table(lang: str) -> LineTable:
    return LineTable(
        [
            ColumnSpec("date", word("date", lang), 11, lambda r: (r.date_text, None)),
            ColumnSpec(
                "action",
                word("action", lang),
                28,
                lambda r: (f"{r.action_id or '—'} {r.action_title}", None),
            ),
            ColumnSpec("result", word("result", lang), 0, lambda r: (r.result, None)),
            ColumnSpec("comment", word("comment", lang), 0, lambda r: (r.comment, "muted")),
            ColumnSpec("author", word("author", lang), 14, lambda r: (r.author, None)),
        ],
        empty="Aucune entrée de suivi — « l » en ajoute une"
        if lang == "fr"
        else "No follow-up yet — press l to add one",
        id="log-table",
    )


def risk_table(lang: str) -> LineTable:
    fr = lang == "fr"
    return LineTable(
        [
            ColumnSpec("id", "Id", 5, lambda r: (r.id, None)),
            ColumnSpec("title", "Risque" if fr else "Risk", 0, lambda r: (r.title, None)),
            ColumnSpec("p", "Prob.", 8, lambda r: (r.probability, None)),
            ColumnSpec("i", "Impact", 8, lambda r: (r.impact, None)),
            ColumnSpec("score", "P×I", 6, lambda r: rag_cell(r.rag, str(r.score))),
            ColumnSpec("mitigation", "Mitigation", 0, lambda r: (r.mitigation, None)),
            ColumnSpec("owner", word("owner", lang), 14, lambda r: (r.owner, None)),
            ColumnSpec("status", word("status", lang), 10, lambda r: (r.status, None)),
        ],
        empty="Aucun risque" if fr else "No risks",
        id="risk-table",
    )


def kpi_table(lang: str) -> LineTable:
    trend = {"improving": "↗", "worsening": "↘", "flat": "→"}
    return LineTable(
        [
            ColumnSpec("id", "Id", 5, lambda k: (k.id, None)),
            ColumnSpec("name", word("indicator", lang), 0, lambda k: (k.name, None)),
            ColumnSpec("unit", "Unité" if lang == "fr" else "Unit", 10, lambda k: (k.unit, None)),
            ColumnSpec("baseline", word("baseline", lang), 9, lambda k: (k.baseline, None)),
            ColumnSpec(
                "current",
                word("current", lang),
                9,
                lambda k: (k.current, "green" if k.reached else None),
            ),
            ColumnSpec("target", word("target", lang), 9, lambda k: (k.target, None)),
            ColumnSpec(
                "attainment",
                "Atteinte" if lang == "fr" else "Attained",
                9,
                lambda k: (k.attainment_text, None),
            ),
            ColumnSpec(
                "trend",
                "Tendance" if lang == "fr" else "Trend",
                16,
                lambda k: (f"{trend.get(k.trend or '', ' ')} {sparkline(k.values)}", None),
            ),
        ],
        empty="Aucun indicateur — ajoutez une section kpis:" if lang == "fr" else "No KPIs — add a kpis: section",
        id="kpi-table",
    )


def value_table(lang: str) -> LineTable:
    fr = lang == "fr"
    return LineTable(
        [
            ColumnSpec("id", "Id", 5, lambda v: (v.id, None)),
            ColumnSpec(
                "hypothesis",
                "Hypothèse de valeur" if fr else "Value hypothesis",
                0,
                lambda v: (v.hypothesis, None),
            ),
            ColumnSpec("indicator", word("indicator", lang), 12, lambda v: (v.indicator, None)),
            ColumnSpec(
                "figures",
                "Base → cible / réel" if fr else "Baseline → target / actual",
                24,
                lambda v: (f"{v.baseline} → {v.target} / {v.actual}", None),
            ),
            ColumnSpec(
                "value",
                "€ / an" if fr else "€ / year",
                13,
                lambda v: (v.value_text, "green" if v.value else None),
            ),
            ColumnSpec("roi", "ROI seul" if fr else "ROI alone", 10, lambda v: (v.roi_text, None)),
        ],
        empty="Registre de valeur vide" if fr else "Empty value ledger",
        id="value-table",
    )
