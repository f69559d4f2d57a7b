"""The Plan tab: the plan's single parts (header, period, QQOQCP context, SMART objective, budget,
health thresholds) and the registers that describe who and what it involves."""

from __future__ import annotations

from planaction.tui.tabs.registers import PARTS_SECTION, entry_section, register_tab

TAB = register_tab(
    "plan",
    (
        PARTS_SECTION,
        entry_section("people", ["name", "role", "organisation", "email"], {"name": 22, "email": 26}),
        entry_section("partners", ["name", "kind", "brings", "expects"], {"name": 22, "kind": 16}),
        entry_section("streams", ["id", "name", "description"], {"id": 10, "name": 22}),
        entry_section("stakes", ["id", "title", "holders"], {"id": 6}),
        entry_section(
            "objectives",
            ["id", "title", "stake", "deadline", "owner"],
            {"id": 6, "stake": 8, "deadline": 11, "owner": 16},
        ),
    ),
)
