"""The dashboard tab's view: the one-page steering dashboard, a card per block.

Each card lays out what ``views.dashboard`` computed; plan text is plain text, colours
come from the theme ($success, $warning, $error) beside a word or symbol.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planaction.core.model import Plan, Rag
from planaction.present import history, views
from planaction.tui.widgets import loop_cards
from planaction.tui.widgets.line_table import fit
from planaction.tui.widgets.tones import lines, rag_text, sparkline
from planaction.words.labels import bar, number, percent, word
from planaction.words.safetext import printable
from planaction.words.tui import say


class Card(Static):
    """A bordered block of the dashboard."""

    DEFAULT_CSS = """
    Card { border: round $primary 40%; padding: 0 1; height: auto; }
    """

    def __init__(self, title: str, *, id: str, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = title


class DashboardView(VerticalScroll):
    """The one-page steering dashboard of the seeds."""

    DEFAULT_CSS = """
    DashboardView { padding: 0 1; }
    DashboardView > Horizontal { height: auto; }
    DashboardView > Horizontal > Card { width: 1fr; }
    """

    ROWS = (
        ("objective", "weather"),
        ("streams", "health"),
        ("kpis",),
        ("playbooks",),
        ("overdue", "due-soon"),
        ("risks", "next"),
        ("situation", "retro"),  # the improvement loop (``loop_cards``)
    )

    def compose(self) -> ComposeResult:
        for row in self.ROWS:
            cards = [Card("", id=f"card-{card_id}") for card_id in row]
            yield Horizontal(*cards) if len(cards) > 1 else cards[0]

    def show(self, plan: Plan, today: dt.date, lang: str, baseline: tuple[str, Plan] | None = None) -> None:
        board = views.dashboard(plan, today, lang)
        self._card("objective", word("objective", lang), self._objective(board, lang))
        weather = [
            rag_text(board.rag, board.rag_text),
            Content.assemble(
                f"{word('progress', lang)} ",
                (bar((board.progress or 0) / 100, 20 if self.wide else 12), "$primary"),
                f" {board.progress_text}",
            ),
            "  ".join(f"{name} {count}" for name, count in board.counts if count),
        ]
        if baseline is not None:  # ``--baseline REV``: the trend since that committee
            weather.append(Content.styled(printable(self._since(baseline, plan, today, lang)), "$text-muted"))
        self._card("weather", say("card_weather", lang), lines(*weather))
        streams = [rag_text(level, f"{name} — {text}") for name, level, text in board.streams]
        self._card(
            "streams",
            say("card_streams", lang),
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
                    (fit(f"{kpi.id} {kpi.name}", self._kpi_name_width(kpi.values)), "bold"),
                    f"  {fit(figures, 26)} {fit(kpi.attainment_text, 6)} {trend} ",
                    (sparkline(kpi.values), "$primary"),
                )
            )
        self._card("kpis", word("kpis", lang), lines(*kpis) if kpis else self._none(lang), show=bool(kpis))
        fired = [rag_text(Rag.GREEN if line.handled else line.level, line.text) for line in board.playbooks]
        self._card(
            "playbooks",
            word("fired_playbooks", lang),
            lines(*fired) if fired else self._none(lang),
            show=bool(fired),
        )
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
            say("card_risks", lang),
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
                    (say("next_decision", lang), "bold"),
                    printable(board.decision),
                )
            )
        self._card(
            "next",
            say("card_next", lang),
            lines(*upcoming) if upcoming else self._none(lang),
            show=bool(upcoming),
        )
        loop_cards.fill(self._card, plan, today, lang, self.app.size.width)

    @staticmethod
    def _since(baseline: tuple[str, Plan], plan: Plan, today: dt.date, lang: str) -> str:
        revision, then_plan = baseline
        then, now = (history.point(p, revision, "", today) for p in (then_plan, plan))

        def progress(at: history.Point) -> str:
            return percent(at.progress / 100, lang) if at.progress is not None else "—"

        return say(
            "since_baseline",
            lang,
            rev=revision,
            before=progress(then),
            after=progress(now),
            done_before=then.done,
            done_after=now.done,
        )

    @property
    def wide(self) -> bool:
        """Two cards side by side keep their lines whole from 100 columns; below, the bars shorten."""
        return self.app.size.width >= 100

    def _kpi_name_width(self, values: tuple[float, ...]) -> int:
        """The KPI's name takes what its line leaves (figures, attainment, trend and sparkline), so that
        the line does not wrap at 80 columns; 40 cells at most."""
        room = self.app.size.width - 8 - 2 - 2 - 26 - 1 - 6 - 3 - len(sparkline(values))
        return max(16, min(40, room))

    def _objective(self, board: views.Dashboard, lang: str) -> Content:
        if not board.objective:
            return self._none(lang)
        parts: list[Content | str] = [Content.styled(printable(board.objective), "bold")]
        if board.objective_figures:
            parts.append(
                Content.assemble(
                    (say("objective_figures", lang), "$text-muted"),
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
