"""The three-way merge of plans by meaning: base, ours and theirs, item by id, field by field.

Git merges lines; a plan is items known by their ids (``registers.REGISTERS``) and fields. Two
people who edit two actions, or two fields of one action, changed different things, whatever
lines the YAML puts them on; two who set one field to two values did not, even if git would find
the lines apart. ``decide`` is the one rule, shared with the workbook import
(``exchange/xlsx``): changed on one side only, that side wins; on both, to the same value,
nothing to decide; to different values, a conflict.

The merge walks the three plans' models, so that every register and every part is merged the
same way, and what did not change stays the very object ours read (the save's diff then skips
it by identity: a merge of two edits in 1,000 actions compares objects, it rewrites no text but
the edits'):

* a mapping (a plan, an action, a part) field by field; a field removed on one side and changed
  on the other is a conflict;
* a register item by item, known by its id, or by its natural key where items have none (a
  measurement by its date, a follow-up entry by date, action and result, a person by name); an
  item deleted on one side and edited on the other is a conflict; the order is ours', or
  theirs' when only theirs reordered, and the other side's new items follow their neighbour;
* a list of plain values (co-owners, depends_on) as a set: each side's additions and removals.

Both sides adding an item with the same new id (two people adding "A7") is not a conflict:
theirs' new items get the next free ids, after ours' (as if added after them), and what refers
to them in theirs (``registers.LINKS``) follows; ``Merged.renumbered`` says so. The same item
added on both sides, id and all, is one item. A conflict leaves two plans: ``ours_side`` with ours'
value there, ``theirs_side`` with theirs'; the store writes the lines where they differ between
git's markers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from planaction.core import ops
from planaction.core.model import Action, Plan
from planaction.core.ops import ID_PREFIXES, next_id
from planaction.core.registers import LINKS, PARTS, REGISTERS, Register
from planaction.yamlfile.diff import to_data

#: Which side wins a field changed on both sides: "ours", "theirs", or None (a conflict).
Prefer = str | None
DataPath = tuple[str, ...]

#: How items without an id are known, by register (else: by their whole content).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("name",),
    "partners": ("name",),
    "log": ("date", "action", "result"),
    "measurements": ("date",),
    "dimensions": ("name",),
    "playbooks": ("signal", "level"),
    "raci": ("activity",),
    "rituals": ("name",),
    "retros": ("date",),
    "lessons": ("title",),
}


#: Fields that only make sense together (``ops`` keeps an action's status, progress and completion
#: date consistent): when one of them conflicts, each side of the conflict keeps all of its own.
COUPLED: dict[type, tuple[tuple[str, ...], ...]] = {Action: (("status", "progress", "completed"),)}


def _equal(a: Any, b: Any) -> bool:
    return a == b


def decide(
    base: Any, theirs: Any, ours: Any, prefer: Prefer = None, *, same: Callable[[Any, Any], bool] = _equal
) -> str:
    """ "apply", "keep" or "conflict": the one rule of every three-way merge, for every field."""
    if same(theirs, base) or same(theirs, ours):
        return "keep"
    if same(ours, base) or prefer == "theirs":
        return "apply"
    if prefer == "ours":
        return "keep"
    return "conflict"


@dataclass(frozen=True)
class Clash:
    """A field (or an item) changed on both sides to different values, or deleted on one and edited on
    the other. ``path`` names it by keys and ids: ``("actions", "A2", "status")``; None is absent."""

    path: DataPath
    base: Any
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class Renumbered:
    """Theirs' new item ``old`` of ``register`` became ``new``: ours added another item with that id."""

    register: str
    old: str
    new: str


@dataclass
class Merged:
    """The merged plans: one plan twice when there is no conflict."""

    ours_side: Plan
    theirs_side: Plan
    conflicts: list[Clash] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)

    def plans(self) -> tuple[Plan, Plan]:
        return self.ours_side, self.theirs_side


def merge_plans(base: Plan, ours: Plan, theirs: Plan) -> Merged:
    """Merge ``theirs``' changes since ``base`` into ``ours`` (``ValidationError`` when the merged
    values do not make a plan, such as a field both sides left valid alone but not together)."""
    renumbered = _renumber(base, ours, theirs)
    if renumbered:
        theirs = _renamed(theirs, renumbered)
    merger = _Merger()
    ours_side, theirs_side = merger.value(base, ours, theirs, ())
    return Merged(ours_side, theirs_side, merger.conflicts, renumbered)


# -- same new ids --------------------------------------------------------------------------------


def _top_registers() -> list[Register]:
    return [r for r in REGISTERS if r.parent is None]


def _items(plan: Any, path: tuple[str, ...]) -> tuple[Any, ...]:
    value = plan
    for step in path:
        value = getattr(value, step, None) if value is not None else None
    return value or ()


def _renumber(base: Plan, ours: Plan, theirs: Plan) -> list[Renumbered]:
    """When both sides added an item with one id: theirs' new items, in theirs' order, numbered after
    ours' (as if theirs were added after), and any other colliding id given the next free one."""
    found = []
    for register in _top_registers():
        if not register.by_id:
            continue
        base_ids = {item.id for item in _items(base, register.path)}
        ours_new = {item.id: item for item in _items(ours, register.path) if item.id not in base_ids}
        theirs_new = [item for item in _items(theirs, register.path) if item.id not in base_ids]
        if not any(item.id in ours_new and ours_new[item.id] != item for item in theirs_new):
            continue
        kept = {item.id for item in theirs_new if not item.id[-1:].isdigit()} - set(ours_new)
        used = base_ids | set(ours_new) | kept
        for item in theirs_new:
            if item.id in kept or (item.id in ours_new and ours_new[item.id] == item):
                continue  # an id of its own, or the very item ours added too
            new = next_id(used, ID_PREFIXES.get(register.key, "X"))
            used.add(new)
            if new != item.id:
                found.append(Renumbered(register.key, item.id, new))
    return found


def _renamed(theirs: Plan, renumbered: list[Renumbered]) -> Plan:
    """Theirs with each renumbered item's id, and every link to it, changed (all at once: A4 -> A5
    and A5 -> A6 do not chain)."""
    by_register: dict[str, dict[str, str]] = {}
    for change in renumbered:
        by_register.setdefault(change.register, {})[change.old] = change.new
    for register_key, mapping in by_register.items():
        register = next(r for r in REGISTERS if r.key == register_key)
        theirs = _with(
            theirs,
            register.path,
            tuple(
                ops.replace(item, {"id": mapping[item.id]}) if item.id in mapping else item
                for item in _items(theirs, register.path)
            ),
        )
        for link in LINKS:
            if link.section != register_key:
                continue
            for holder in _top_registers():
                if holder.model is link.model:
                    renamed = tuple(_relinked(item, link.field, mapping) for item in _items(theirs, holder.path))
                    theirs = _with(theirs, holder.path, renamed)
            for part in PARTS:
                if part.model is link.model and part.path:
                    value = _items(theirs, part.path) or None
                    if value is not None:
                        theirs = _with(theirs, part.path, _relinked(value, link.field, mapping))
    return theirs


def _relinked(item: Any, name: str, mapping: dict[str, str]) -> Any:
    value = getattr(item, name, None)
    if isinstance(value, str) and value in mapping:
        return ops.replace(item, {name: mapping[value]})
    if isinstance(value, tuple) and any(v in mapping for v in value):
        return ops.replace(item, {name: tuple(mapping.get(v, v) for v in value)})
    return item


def _with(plan: Any, path: tuple[str, ...], value: Any) -> Any:
    """``plan`` with ``value`` at ``path`` (the same plan when it is already there)."""
    if getattr(plan, path[0]) is value:
        return plan
    if len(path) == 1:
        return ops.replace(plan, {path[0]: value})
    return ops.replace(plan, {path[0]: _with(getattr(plan, path[0]), path[1:], value)})


# -- the merge -----------------------------------------------------------------------------------

_REGISTER_OF_FIELD = {r.path[-1]: r for r in REGISTERS}


def _present(model: BaseModel | None, name: str) -> Any:
    """A field's value, None when the model is absent or the field is not written."""
    if model is None or name not in model.model_fields_set:
        return None
    return getattr(model, name)


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Clash] = []

    def clash(self, path: DataPath, base: Any, ours: Any, theirs: Any) -> None:
        self.conflicts.append(Clash(path, *(None if v is None else to_data(v) for v in (base, ours, theirs))))

    def value(self, base: Any, ours: Any, theirs: Any, path: DataPath) -> tuple[Any, Any]:
        """(ours' side, theirs' side) of one value; the same value twice when nothing conflicts."""
        decision = decide(base, theirs, ours)  # the one rule; each comparison is a deep one, made once
        if decision == "keep":
            return ours, ours
        if decision == "apply":
            return theirs, theirs
        kinds = {type(v) for v in (base, ours, theirs) if v is not None}
        if len(kinds) == 1 and issubclass(next(iter(kinds)), BaseModel) and ours is not None and theirs is not None:
            return self.model(base, ours, theirs, path)
        if kinds == {tuple} and ours is not None and theirs is not None:
            values = (*(base or ()), *ours, *theirs)
            if all(isinstance(v, BaseModel) for v in values):
                return self.items(base or (), ours, theirs, path)
            if not any(isinstance(v, BaseModel | tuple) for v in values):
                merged = self.plain_list(base or (), ours, theirs)
                return merged, merged
        self.clash(path, base, ours, theirs)
        return ours, theirs

    def model(self, base: BaseModel | None, ours: BaseModel, theirs: BaseModel, path: DataPath) -> tuple[Any, Any]:
        cls = type(ours)
        mine: dict[str, Any] = {}
        other: dict[str, Any] = {}
        clashed: set[str] = set()
        for name, info in cls.model_fields.items():
            key = info.alias or name
            b, o, t = _present(base, name), _present(ours, name), _present(theirs, name)
            if o is None and t is None:
                continue
            before = len(self.conflicts)
            o_side, t_side = self.value(b, o, t, (*path, key))
            if len(self.conflicts) > before:
                clashed.add(name)
            if o_side is not None:
                mine[key] = o_side
            if t_side is not None:
                other[key] = t_side
        for group in COUPLED.get(cls, ()):
            if clashed & set(group):  # each side keeps its own consistent values, all in the conflict
                for name in group:
                    key = cls.model_fields[name].alias or name
                    for side, values in ((ours, mine), (theirs, other)):
                        value = _present(side, name)
                        if value is None:
                            values.pop(key, None)
                        else:
                            values[key] = value
        made = cls.model_validate(mine)
        if other.keys() == mine.keys() and all(other[k] is mine[k] for k in mine):
            return made, made
        return made, cls.model_validate(other)

    @staticmethod
    def plain_list(base: tuple, ours: tuple, theirs: tuple) -> tuple:
        """Values added by either side, without those removed by either: ours' order, theirs' additions after."""
        removed = [v for v in base if v not in ours or v not in theirs]
        kept = [v for v in ours if v not in removed]
        return (*kept, *(v for v in theirs if v not in base and v not in kept))

    def items(self, base: tuple, ours: tuple, theirs: tuple, path: DataPath) -> tuple[tuple, tuple]:
        register = _REGISTER_OF_FIELD.get(path[-1]) if path else None
        identity = _identity(register)
        by_base, by_ours, by_theirs = (_keyed(side, identity) for side in (base, ours, theirs))
        order = _order(list(by_base), list(by_ours), list(by_theirs))
        ours_side: list[Any] = []
        theirs_side: list[Any] = []
        for key in order:
            b, o, t = by_base.get(key), by_ours.get(key), by_theirs.get(key)
            item_path = (*path, _label(key))
            if b is not None and (o is None or t is None):
                if o is None and t is None:
                    continue
                kept = o if o is not None else t
                if kept == b:
                    continue  # deleted on one side, untouched on the other
                self.clash(item_path, b, o, t)
                if o is not None:
                    ours_side.append(o)
                if t is not None:
                    theirs_side.append(t)
                continue
            mine, other = (o, o) if t is None else (t, t) if o is None else self.value(b, o, t, item_path)
            ours_side.append(mine)
            theirs_side.append(other)
        mine_tuple = tuple(ours_side)
        if len(ours_side) == len(theirs_side) and all(a is b for a, b in zip(ours_side, theirs_side, strict=True)):
            return mine_tuple, mine_tuple
        return mine_tuple, tuple(theirs_side)


def _identity(register: Register | None) -> Callable[[Any], tuple[str, ...]]:
    if register is not None and register.by_id:
        return lambda item: (str(item.id),)
    keys = NATURAL_KEYS.get(register.key) if register is not None else None
    if keys:
        return lambda item: tuple("" if getattr(item, k) is None else str(_plain(getattr(item, k))) for k in keys)
    return lambda item: ("", repr(to_data(item)))  # by content: an edit is a removal and an addition


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)  # an enum's code


def _keyed(items: tuple, identity: Callable[[Any], tuple[str, ...]]) -> dict[Any, Any]:
    """Items by their key; a key met again gets its occurrence number (two equal entries stay two)."""
    found: dict[Any, dict] = {}
    for item in items:
        key = identity(item)
        number = 0
        while (key, number) in found:
            number += 1
        found[(key, number)] = item
    return found


def _label(key: tuple[tuple[str, ...], int]) -> str:
    """How an item is named in a conflict's path: its id, or its natural key."""
    inner, number = key
    if inner and inner[0] == "":
        return f"#{number + 1}"
    return " ".join(part for part in inner if part) + (f" #{number + 1}" if number else "")


def _order(base: list, ours: list, theirs: list) -> list:
    """The keys in the merged order: ours' (theirs' when only theirs reordered), then the other side's
    new items each after its nearest neighbour before it on its side."""
    in_base, in_ours, in_theirs = set(base), set(ours), set(theirs)
    ours_kept = [k for k in ours if k in in_base]
    theirs_kept = [k for k in theirs if k in in_base]
    base_ours = [k for k in base if k in in_ours]
    base_theirs = [k for k in base if k in in_theirs]
    if ours_kept == base_ours and theirs_kept != base_theirs:
        skeleton, other = theirs, ours
    else:
        skeleton, other = ours, theirs
    order = list(skeleton)
    placed = set(order)
    skeleton_new = set(skeleton) - in_base
    for index, key in enumerate(other):
        if key in placed:
            continue
        at = 0
        for before in reversed(other[:index]):
            if before in placed:
                at = order.index(before) + 1
                break
        while at < len(order) and order[at] in skeleton_new:
            at += 1  # after the skeleton side's own new items there
        order.insert(at, key)
        placed.add(key)
    for index, key in enumerate(base):  # deleted on one side or both (the caller decides), at its place
        if key not in placed:
            at = next((order.index(b) + 1 for b in reversed(base[:index]) if b in placed), 0)
            order.insert(at, key)
            placed.add(key)
    return order
