"""The Plan tab: the plan's single parts (header, period, QQOQCP context, SMART objective, budget,
health thresholds) and the registers that describe who and what it involves; for a cooperation
(seed 004), its structures and the approvals of the operational objective highlighted above them."""

from __future__ import annotations

from planaction.present import entries as present
from planaction.tui.tabs.base import PlanView
from planaction.tui.tabs.registers import PARTS_SECTION, NoMatches, Section, entry_section, register_tab
from planaction.tui.widgets.line_table import LineTable


def current_objective(view: PlanView) -> str | None:
    """The operational objective highlighted in its table: the one whose approvals the tab shows and edits."""
    try:
        row = view.query_one("#reg-objectives", LineTable).current
    except NoMatches:
        row = None
    if row is not None:
        return row.key
    return view.plan.objectives[0].id if view.plan.objectives else None


def approval_rows(view: PlanView) -> list[present.EntryRow]:
    objective = next((o for o in view.plan.objectives if o.id == current_objective(view)), None)
    return present.entry_rows(objective.approvals, view.lang) if objective is not None else []


APPROVALS = entry_section("approvals", ["structure", "by", "date"], {"structure": 14, "date": 12})

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
        # cooperation across structures (seed 004): who takes part, who approved the objective above
        entry_section("structures", ["id", "name", "kind", "contacts"], {"id": 8, "name": 26, "kind": 18}),
        Section("approvals", APPROVALS.columns, approval_rows),
    ),
)
