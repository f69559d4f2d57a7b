"""Add, change and delete an item of any register, and change any single part of a plan.

One set of operations for every register (``registers.REGISTERS``), so that the app's generic
tabs and forms need no code per register. Like ``ops``, each is a pure function returning a new
plan that shares what did not change, keeps the plan valid (``OpError`` otherwise, nothing half
done), and refuses to delete an item something still refers to, saying who. Actions, follow-up
entries and measurements keep their own rules (status and progress kept consistent, entries in
date order): their operations in ``ops`` are used here, not written twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from planaction.core import ops
from planaction.core.diagnose import noun
from planaction.core.model import Health, Kpi, Plan
from planaction.core.ops import ID_PREFIXES, OpError, next_id
from planaction.core.registers import PART, REGISTER, Register, items_at, references, value_at
from planaction.message import say

#: An item's key: its id, or its position in its register.
Key = str | int


def entries(plan: Plan, register: str, parent: str | None = None) -> tuple[Any, ...]:
    """The items of ``register`` (of the KPI ``parent`` for measurements)."""
    reg = REGISTER[register]
    if reg.parent is not None:
        owner = _parent_item(plan, reg, parent)
        return items_at(owner, reg.path)  # type: ignore[arg-type]
    return items_at(plan, reg.path)


def add_entry(
    plan: Plan, register: str, fields: Mapping[str, Any], today: dt.date, parent: str | None = None
) -> tuple[Plan, Key]:
    """Append an item; returns the new plan and the item's key (its id, or its position)."""
    reg = REGISTER[register]
    values = {k: v for k, v in fields.items() if v is not None}
    if register == "actions":
        return ops.add_action(plan, values, today)
    if register == "measurements":
        kpi_id = _parent_id(plan, reg, parent)
        new = ops.record_measurements(
            plan, [(kpi_id, values.get("date", today), values.get("value"), values.get("comment"))]
        )
        dates = [m.date for m in entries(new, register, kpi_id)]
        return new, dates.index(values.get("date", today))
    if register == "log":
        new = ops.append_logs(plan, [values])
        return new, len(new.log) - 1
    items = entries(plan, register, parent)
    if reg.by_id:
        item_id = values.get("id") or next_id((i.id for i in items), ID_PREFIXES.get(register, register[:1].upper()))
        if any(i.id == item_id for i in items):
            raise OpError(say("op.exists", a_noun=say("a." + _noun_key(reg)), id=item_id), say("op.action_exists.hint"))
        values["id"] = item_id
        prefix = say("where.new_item", noun=noun(reg.model.noun), id=item_id)
    else:
        prefix = noun(reg.model.noun)
    data = {ops._field_name(reg.model, k): v for k, v in values.items()}
    item = ops._validate(reg.model, data, prefix=prefix)
    new = _with_items(plan, reg, (*items, item), parent)
    return ops._checked(plan, new), (item.id if reg.by_id else len(items))


def update_entry(
    plan: Plan, register: str, key: Key, changes: Mapping[str, Any], today: dt.date, parent: str | None = None
) -> Plan:
    """Change fields of an item (a None value removes the field)."""
    reg = REGISTER[register]
    if register == "actions":
        return ops.update_action(plan, str(key), changes, today)
    items = entries(plan, register, parent)
    index = _position(plan, reg, items, key)
    if reg.by_id and "id" in changes and changes["id"] not in (None, key):
        raise OpError(say("op.id_fixed"), say("op.id_fixed.hint"))
    item = ops.replace(items[index], changes)
    new_items = (*items[:index], item, *items[index + 1 :])
    if register == "measurements" and item.date != items[index].date:
        # a date moved: keep the measurements in date order, one per date, as record_measurement does
        kept = [m for i, m in enumerate(new_items) if i == index or m.date != item.date]
        new_items = tuple(sorted(kept, key=lambda m: m.date))
    return ops._checked(plan, _with_items(plan, reg, new_items, parent))


def delete_entry(plan: Plan, register: str, key: Key, parent: str | None = None) -> Plan:
    """Remove an item nothing refers to; ``OpError`` names who refers to it."""
    reg = REGISTER[register]
    if register == "actions":
        return ops.delete_action(plan, str(key), unlink=True)
    items = entries(plan, register, parent)
    index = _position(plan, reg, items, key)
    if reg.by_id:
        holders = references(plan, register, str(key))
        if holders:
            named = [_holder_text(plan, where, item_key) for where, item_key, _field in holders[:6]]
            by = named[0]
            for position, other in enumerate(named[1:], 2):
                by = say("schema.and" if position == len(named) else "list.comma", first=by, second=other)
            raise OpError(
                say("op.entry_referred", noun=noun(reg.model.noun), id=key, by=by), say("op.entry_referred.hint")
            )
    return ops._checked(plan, _with_items(plan, reg, items[:index] + items[index + 1 :], parent))


def move_entry(plan: Plan, register: str, key: Key, step: int, parent: str | None = None) -> Plan:
    """Move an item up (-1) or down (+1) in its register (the order the file and the reports keep)."""
    reg = REGISTER[register]
    items = list(entries(plan, register, parent))
    index = _position(plan, reg, items, key)
    target = index + step
    if not 0 <= target < len(items) or register == "measurements":
        return plan
    items[index], items[target] = items[target], items[index]
    return _with_items(plan, reg, tuple(items), parent)


def set_part(plan: Plan, part: str, changes: Mapping[str, Any]) -> Plan:
    """Change fields of a single part (the header, the period, the objective...); creates it if absent.

    A None value removes a field; a part left with nothing is removed from the plan.
    """
    spec = PART[part]
    if not spec.path:
        return ops._checked(plan, ops.replace(plan, changes))
    current = value_at(plan, spec.path)
    if current is None:
        data = {ops._field_name(spec.model, k): v for k, v in changes.items() if v is not None}
        if not data:
            return plan
        new_part = ops._validate(spec.model, data, prefix=say("where.part", part=say("part." + part)))
    else:
        new_part = ops.replace(current, changes, prefix=say("where.part", part=say("part." + part)))
        if not new_part.model_fields_set:
            new_part = None
    return ops._checked(plan, _set_at(plan, spec.path, new_part))


def clear_part(plan: Plan, part: str) -> Plan:
    """Remove a single part (not the header)."""
    spec = PART[part]
    if not spec.path or value_at(plan, spec.path) is None:
        return plan
    return ops._checked(plan, _set_at(plan, spec.path, None))


# ---------------------------------------------------------------------------


def _noun_key(reg: Register) -> str:
    return reg.model.noun.replace(" ", "_")


def _holder_text(plan: Plan, where: str, key: Any) -> Any:
    """Who refers, as a person finds it: "action A7", "playbook Support" (an item without an id
    by its name), "SMART objective"."""
    reg = REGISTER.get(where)
    if reg is None:
        return say("part." + where)
    if reg.by_id:
        return say("where.item", noun=noun(reg.model.noun), id=key)
    items = entries(plan, where) if isinstance(key, int) else ()
    item = items[key] if 0 <= key < len(items) else None
    name = next((getattr(item, f) for f in ("signal", "name", "title") if getattr(item, f, None)), None)
    return noun(reg.model.noun) if name is None else say("where.item", noun=noun(reg.model.noun), id=name)


def _parent_id(plan: Plan, reg: Register, parent: str | None) -> str:
    if parent is None:
        raise OpError(say("op.no_such", noun=noun(Kpi.noun), id="?"))
    return parent


def _parent_item(plan: Plan, reg: Register, parent: str | None) -> Any:
    assert reg.parent is not None
    parent_id = _parent_id(plan, reg, parent)
    owners = items_at(plan, REGISTER[reg.parent].path)
    return owners[ops._find(plan, reg.parent, parent_id)]


def _position(plan: Plan, reg: Register, items: tuple[Any, ...] | list[Any], key: Key) -> int:
    if reg.by_id:
        for index, item in enumerate(items):
            if item.id == key:
                return index
        return ops._find(plan, reg.key, str(key))  # raises, with a suggestion
    if isinstance(key, int) and 0 <= key < len(items):
        return key
    raise OpError(say("op.no_entry", noun=noun(reg.model.noun), position=key))


def _with_items(plan: Plan, reg: Register, items: tuple[Any, ...], parent: str | None) -> Plan:
    if reg.parent is not None:
        owner_reg = REGISTER[reg.parent]
        owners = items_at(plan, owner_reg.path)
        index = ops._find(plan, reg.parent, _parent_id(plan, reg, parent))
        owner = ops.replace(owners[index], {reg.path[0]: items or None})
        return _set_at(plan, owner_reg.path, (*owners[:index], owner, *owners[index + 1 :]))
    return _set_at(plan, reg.path, items)


def _set_at(plan: Plan, path: tuple[str, ...], value: Any) -> Plan:
    """The plan with ``value`` at ``path`` (None removes it), creating the parts on the way (health)."""
    if value == ():
        value = None  # an emptied register goes, rather than leave `risks: []` behind
    if len(path) == 1:
        return ops.replace(plan, {path[0]: value})
    head, rest = path[0], path[1:]
    container = getattr(plan, head)
    if container is None:
        if value is None:
            return plan
        container = Health() if head == "health" else None
    assert container is not None
    inner = ops.replace(container, {rest[0]: value})
    return ops.replace(plan, {head: inner if inner.model_fields_set else None})
