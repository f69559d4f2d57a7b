"""The Milestones & decisions tab: the roadmap's milestones and the decisions expected and taken."""

from __future__ import annotations

from planaction.tui.tabs.registers import entry_section, register_tab

TAB = register_tab(
    "milestones",
    (
        entry_section("milestones", ["id", "title", "due", "done", "criteria"], {"id": 6, "due": 11, "done": 8}),
        entry_section(
            "decisions", ["id", "title", "owner", "due", "status"], {"id": 6, "owner": 16, "due": 11, "status": 10}
        ),
    ),
)
