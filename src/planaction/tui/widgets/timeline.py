"""The timeline tab's view: actions and milestones as bars on a week scale (Textual's line API)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import ClassVar

from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from planaction.core.model import Plan
from planaction.present import views
from planaction.tui.widgets.line_table import fit
from planaction.tui.widgets.render_style import StyleOncePerRender
from planaction.words.labels import date_text
from planaction.words.safetext import one_line
from planaction.words.tui import say


class TimelineView(StyleOncePerRender, ScrollView, can_focus=True):
    """Actions and milestones as bars on a week scale, with a today marker.

    A week takes at least 3 cells and grows to fill the screen for short
    plans; dates are placed to the day within their week. The scale covers
    ``views.timeline_window`` (at most about five years): a date beyond it
    (9999-12-31 for "no end", a typo year) shows in a margin at that edge,
    with its date, and every key stays as fast as on an ordinary plan.

    The labels (id and title) stay at the left while the scale scrolls under
    them, and the view opens on today: a plan of several years shows its
    current weeks first, not its first ones.
    """

    LABEL = 34  # the labels' width on a wide screen; a third of a narrow one
    LABEL_MIN = 16
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
        self._placed = False  # scrolled to today once; then the person's scrolling is left alone
        self.baseline_name: str | None = None  # the revision the shadows show

    def show(self, plan: Plan, today: dt.date, lang: str, baseline: tuple[str, Plan] | None = None) -> None:
        self.items = views.timeline(plan, today, baseline[1] if baseline is not None else None)
        self.baseline_name = baseline[0] if baseline is not None else None
        self.today = today
        self.lang = lang
        self.first, self.last = views.timeline_window(self.items, today, plan)
        self.weeks = (self.last.toordinal() - self.first.toordinal()) // 7 + 1
        self.before = self.MARGIN if any(i.start < self.first for i in self.items) else 0
        self.after = self.MARGIN if any(i.end > self.last for i in self.items) else 0
        self._fit()
        self.refresh()
        self._place()

    def _place(self) -> None:
        """Open on today once the view has its size (a tab is filled before it is shown, at size 0)."""
        if not self._placed and self.size.width:
            self._placed = True
            self.call_after_refresh(self.scroll_to_today)

    @property
    def label_width(self) -> int:
        return max(self.LABEL_MIN, min(self.LABEL, self.size.width // 3))

    def _fit(self) -> None:
        room = max(self.size.width - self.label_width - 2 - self.before - self.after, 3)
        self.cell = max(3, min(10, room // max(self.weeks, 1)))
        # the labels stay put: what scrolls is the scale, wider than its room by the virtual width's excess
        width = self.label_width + 1 + self.before + self.weeks * self.cell + self.after
        self.virtual_size = Size(width, len(self.items) + 2)

    def on_resize(self) -> None:
        self._fit()
        self._place()

    def scroll_to_today(self) -> None:
        """Put today a quarter into the scale's room (the weeks just past stay in view)."""
        room = max(self.size.width - self.label_width - 1, 1)
        today = self.before + min(max(self._x(self.today.toordinal()), 0), self.weeks * self.cell)
        self.scroll_to(x=max(today - room // 4, 0), animate=False, immediate=True)

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

    def _line(self, label: Segment, rest: list[Segment]) -> Strip:
        """The label where it is, the rest scrolled under it."""
        width = self.size.width
        label_width = min(self.label_width + 1, width)
        scroll_x = self.scroll_offset.x
        scale = Strip(rest).crop_extend(scroll_x, scroll_x + width - label_width, self.rich_style)
        return Strip.join([Strip([label]).crop_extend(0, label_width, self.rich_style), scale])

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_y = self.scroll_offset.y
        header = self.get_component_rich_style("timeline--header")
        if y < 2:
            dates, ticks = self._scale()
            if y == 0:
                key, names = (
                    ("week_of_baseline", {"rev": self.baseline_name}) if self.baseline_name else ("week_of", {})
                )
                head = fit(say(key, self.lang, **names), self.label_width) + " "
                return self._line(
                    Segment(head, header), [Segment(" " * self.before + dates + " " * self.after, header)]
                )
            blank = " " * (self.label_width + 1)
            return self._line(Segment(blank, header), [Segment(" " * self.before + ticks + " " * self.after, header)])
        index = scroll_y + y - 2
        if index >= len(self.items):
            return Strip.blank(width, self.rich_style)
        item = self.items[index]
        tone_name = "muted" if item.done else (item.rag.value if item.rag else "green")
        tone_style = self.get_component_rich_style(f"timeline--{tone_name}")
        today_style = self.get_component_rich_style("timeline--today")
        label = fit(("◆ " if item.milestone else "") + f"{item.id} {one_line(item.label)}", self.label_width) + " "
        scale = self.weeks * self.cell
        begin = max(self._x(item.start.toordinal()), 0)
        finish = min(max(self._x(item.end.toordinal() + 1), self._x(item.start.toordinal()) + 1), scale)
        left, right = self._margins(item)
        cells = [" "] * scale
        styles = [self.rich_style] * scale
        mark = "◆" if item.milestone else "█"
        if item.baseline is not None:  # where it was at the baseline, under where it is now
            shadow_style = self.get_component_rich_style("timeline--muted")
            then_begin = max(self._x(item.baseline[0].toordinal()), 0)
            then_end = min(max(self._x(item.baseline[1].toordinal() + 1), then_begin + 1), scale)
            for x in range(then_begin, then_end):
                cells[x], styles[x] = "░", shadow_style
        for x in range(begin, finish):
            cells[x], styles[x] = mark, tone_style
        today_x = self._x(self.today.toordinal())
        if 0 <= today_x < scale and not begin <= today_x < finish:
            cells[today_x], styles[today_x] = "│", today_style
        segments = [Segment(left, tone_style)]
        for style, run in groupby(zip(cells, styles, strict=True), key=lambda pair: pair[1]):
            segments.append(Segment("".join(ch for ch, _style in run), style))
        segments.append(Segment(right, tone_style))
        return self._line(Segment(label, self.rich_style), segments)
