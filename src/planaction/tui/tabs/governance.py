"""The Governance tab: health dimensions, RAG playbooks (with where each stands today: fired,
handled, quiet; ``p`` answers the highlighted one with an action), the RACI matrix and the rituals,
then the improvement loop the rituals feed: monthly retros and lessons learned (seed 003)."""

from __future__ import annotations

from textual.binding import Binding

from planaction.present.dashboard import PlaybookRow, playbook_rows
from planaction.tui.tabs.base import PlanView
from planaction.tui.tabs.registers import Section, entry_columns, entry_section, register_tab
from planaction.tui.widgets.line_table import ColumnSpec
from planaction.words.playbooks import say


def playbook_columns(lang: str) -> list[ColumnSpec]:
    signal, level, trigger, owner = entry_columns(
        "playbooks", ["signal", "level", "trigger", "owner"], {"signal": 14, "level": 8}
    )(lang)
    state = ColumnSpec("state", say("playbook.column_state", lang), 0, lambda row: (row.state, row.tone), min_width=24)
    return [
        signal,
        level,
        ColumnSpec("trigger", trigger.heading, 20, trigger.cell, drop=2),
        state,
        ColumnSpec("owner", owner.heading, 14, owner.cell, drop=1),
    ]


def _rows(view: PlanView) -> list[PlaybookRow]:
    return playbook_rows(view.plan, view.today, view.lang)


TAB = register_tab(
    "governance",
    (
        entry_section(
            "dimensions", ["name", "weight", "rating", "description"], {"name": 18, "weight": 8, "rating": 10}
        ),
        Section("playbooks", playbook_columns, _rows),
        entry_section("raci", ["activity", "responsible", "accountable", "consulted", "informed"], {"accountable": 14}),
        entry_section("rituals", ["name", "frequency", "participants", "purpose"], {"frequency": 12}),
        # the improvement loop: the rituals' outcome (a retro a month) and what the plan learned
        entry_section("retros", ["date", "process", "content", "risk"], {"date": 11}),
        entry_section("lessons", ["title", "context", "effect", "replicability"], {"title": 22}),
    ),
    bindings=(Binding("p", "answer_playbook", "Act on playbook", id="answer_playbook"),),
    offers=frozenset({"answer_playbook"}),
)
