"""The Governance tab: health dimensions, RAG playbooks, the RACI matrix and the rituals."""

from __future__ import annotations

from planaction.tui.tabs.registers import entry_section, register_tab

TAB = register_tab(
    "governance",
    (
        entry_section(
            "dimensions", ["name", "weight", "rating", "description"], {"name": 18, "weight": 8, "rating": 10}
        ),
        entry_section(
            "playbooks", ["signal", "level", "trigger", "action", "owner"], {"signal": 14, "level": 8, "owner": 14}
        ),
        entry_section("raci", ["activity", "responsible", "accountable", "consulted", "informed"], {"accountable": 14}),
        entry_section("rituals", ["name", "frequency", "participants", "purpose"], {"frequency": 12}),
    ),
)
