"""The three-way merge of plans by meaning: base, ours and theirs, item by id, field by field.

Git merges lines; a plan is items known by their ids (``registers.REGISTERS``) and fields. Two
people who edit two actions, or two fields of one action, changed different things, whatever
lines the YAML puts them on; two who set one field to two values did not, even if git would find
the lines apart. ``decide`` is the one rule, shared with the workbook import
(``exchange/xlsx``): changed on one side only, that side wins; on both, to the same value,
nothing to decide; to different values, a conflict.

The merge works on the plans' data (``to_data``: what the YAML says), so that every register
and every part is merged the same way:

* a mapping (a plan, an action, a part) field by field; a field removed on one side and changed
  on the other is a conflict;
* a register item by item, known by its id, or by its natural key where items have none (a
  measurement by its date, a follow-up entry by date, action and result, a person by name); an
  item deleted on one side and edited on the other is a conflict; the order is ours', or
  theirs' when only theirs reordered, and the other side's new items follow their neighbour;
* a list of plain values (co-owners, depends_on) as a set: each side's additions and removals.

Both sides adding an item with the same new id (two people adding "A7") is not a conflict:
theirs' item gets the next free id, and what refers to it in theirs (``registers.LINKS``)
follows; ``Merged.renumbered`` says so. A conflict leaves two plans: ``ours_side`` with ours'
value there, ``theirs_side`` with theirs'; the store writes the lines where they differ between
git's markers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planaction.core.model import Plan
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
}


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
    """The merged data: identical sides when there is no conflict."""

    ours_side: dict[str, Any]
    theirs_side: dict[str, Any]
    conflicts: list[Clash] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)

    def plans(self) -> tuple[Plan, Plan]:
        """Both sides as plans (``ValidationError`` when a side is not a valid plan)."""
        ours = Plan.model_validate(self.ours_side)
        theirs = ours if self.theirs_side == self.ours_side else Plan.model_validate(self.theirs_side)
        return ours, theirs


def merge_plans(base: Plan, ours: Plan, theirs: Plan) -> Merged:
    """Merge ``theirs``' changes since ``base`` into ``ours``."""
    return merge_data(to_data(base), to_data(ours), to_data(theirs))


def merge_data(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> Merged:
    """The same on the plans' data (``to_data``); ``theirs`` is not modified."""
    renumbered = _renumber(base, ours, theirs)
    if renumbered:
        theirs = _renamed(theirs, renumbered)
    merger = _Merger()
    ours_side, theirs_side = merger.value(base, ours, theirs, ())
    return Merged(ours_side, theirs_side, merger.conflicts, renumbered)


# -- same new ids --------------------------------------------------------------------------------


def _key(model: Any, name: str) -> str:
    info = model.model_fields[name]
    return info.alias or name


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data


def _top_registers() -> list[Register]:
    return [r for r in REGISTERS if r.parent is None]


def _renumber(base: dict, ours: dict, theirs: dict) -> list[Renumbered]:
    """When both sides added an item with one id: theirs' new items, in theirs' order, numbered after
    ours' (as if theirs were added after), and any other colliding id given the next free one."""
    found = []
    for register in _top_registers():
        if not register.by_id:
            continue
        items = [_at(side, register.path) or [] for side in (base, ours, theirs)]
        base_ids = {item.get("id") for item in items[0]}
        ours_new = {item.get("id"): item for item in items[1] if item.get("id") not in base_ids}
        theirs_new = [item for item in items[2] if item.get("id") not in base_ids]
        if not any(item.get("id") in ours_new and ours_new[item.get("id")] != item for item in theirs_new):
            continue
        used = {i for i in base_ids | set(ours_new) if isinstance(i, str)}
        kept = {item.get("id") for item in theirs_new if not _numbered(item.get("id"))} - set(ours_new)
        used |= kept
        for item in theirs_new:
            old = item.get("id")
            if old in kept or (old in ours_new and ours_new[old] == item):
                continue  # an id of its own, or the very item ours added too
            new = next_id(used, ID_PREFIXES.get(register.key, "X"))
            used.add(new)
            if new != old:
                found.append(Renumbered(register.key, old, new))
    return found


def _numbered(item_id: Any) -> bool:
    return isinstance(item_id, str) and item_id[-1:].isdigit()


def _renamed(theirs: dict, renumbered: list[Renumbered]) -> dict:
    """A copy of theirs with each renumbered item's id, and every link to it, changed (all at once:
    A4 -> A5 and A5 -> A6 do not chain)."""
    import copy

    theirs = copy.deepcopy(theirs)
    by_register: dict[str, dict[str, str]] = {}
    for change in renumbered:
        by_register.setdefault(change.register, {})[change.old] = change.new
    for register_key, mapping in by_register.items():
        register = next(r for r in REGISTERS if r.key == register_key)
        for item in _at(theirs, register.path) or []:
            if item.get("id") in mapping:
                item["id"] = mapping[item["id"]]
        for holder_item, key in _link_holders(theirs, register_key):
            value = holder_item.get(key)
            if isinstance(value, str) and value in mapping:
                holder_item[key] = mapping[value]
            elif isinstance(value, list):
                holder_item[key] = [mapping.get(v, v) for v in value]
    return theirs


def _link_holders(data: dict, section: str) -> list[tuple[dict, str]]:
    """(item or part, key) of every field that holds an id of ``section`` (``registers.LINKS``)."""
    found = []
    for link in LINKS:
        if link.section != section:
            continue
        key = _key(link.model, link.field)
        for holder in _top_registers():
            if holder.model is link.model:
                found.extend((item, key) for item in _at(data, holder.path) or [] if isinstance(item, dict))
        for part in PARTS:
            if part.model is link.model and part.path:
                value = _at(data, part.path)
                if isinstance(value, dict):
                    found.append((value, key))
    return found


# -- the merge -----------------------------------------------------------------------------------

_REGISTER_OF_KEY = {r.path[-1]: r for r in REGISTERS}


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Clash] = []

    def value(self, base: Any, ours: Any, theirs: Any, path: DataPath) -> tuple[Any, Any]:
        """(ours' side, theirs' side) of one value; the same value twice when nothing conflicts."""
        if ours == theirs or decide(base, theirs, ours) == "keep":
            return ours, ours
        if decide(base, theirs, ours) == "apply":
            return theirs, theirs
        if isinstance(ours, dict) and isinstance(theirs, dict) and isinstance(base, dict | None):
            return self.mapping(base or {}, ours, theirs, path)
        if isinstance(ours, list) and isinstance(theirs, list) and isinstance(base, list | None):
            if all(isinstance(v, dict) for v in (*ours, *theirs, *(base or ()))):
                return self.items(base or [], ours, theirs, path)
            if not any(isinstance(v, dict | list) for v in (*ours, *theirs, *(base or ()))):
                merged = self.plain_list(base or [], ours, theirs)
                return merged, merged
        self.conflicts.append(Clash(path, base, ours, theirs))
        return ours, theirs

    def mapping(self, base: dict, ours: dict, theirs: dict, path: DataPath) -> tuple[dict, dict]:
        keys = (
            list(ours) + [k for k in theirs if k not in ours] + [k for k in base if k not in ours and k not in theirs]
        )
        ours_side: dict[str, Any] = {}
        theirs_side: dict[str, Any] = {}
        for key in keys:
            mine, other = self.value(base.get(key), ours.get(key), theirs.get(key), (*path, key))
            if mine is not None:
                ours_side[key] = mine
            if other is not None:
                theirs_side[key] = other
        if ours_side == theirs_side:
            return ours_side, ours_side
        return ours_side, theirs_side

    @staticmethod
    def plain_list(base: list, ours: list, theirs: list) -> list:
        """Values added by either side, without those removed by either: ours' order, theirs' additions after."""
        removed = [v for v in base if v not in ours or v not in theirs]
        kept = [v for v in ours if v not in removed]
        return kept + [v for v in theirs if v not in base and v not in kept]

    def items(self, base: list, ours: list, theirs: list, path: DataPath) -> tuple[list, list]:
        register = _REGISTER_OF_KEY.get(path[-1]) if path else None
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
                self.conflicts.append(Clash(item_path, b, o, t))
                if o is not None:
                    ours_side.append(o)
                if t is not None:
                    theirs_side.append(t)
                continue
            mine, other = (o, o) if t is None else (t, t) if o is None else self.value(b, o, t, item_path)
            ours_side.append(mine)
            theirs_side.append(other)
        if ours_side == theirs_side:
            return ours_side, ours_side
        return ours_side, theirs_side


def _identity(register: Register | None) -> Callable[[dict], tuple[str, ...]]:
    if register is not None and register.by_id:
        return lambda item: (str(item.get("id")),)
    keys = NATURAL_KEYS.get(register.key) if register is not None else None
    if keys:
        return lambda item: tuple("" if item.get(k) is None else str(item.get(k)) for k in keys)
    return lambda item: ("", repr(sorted(item.items())))  # by content: an edit is a removal and an addition


def _keyed(items: list[dict], identity: Callable[[dict], tuple[str, ...]]) -> dict[Any, dict]:
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
    in_base = set(base)
    ours_kept = [k for k in ours if k in in_base]
    theirs_kept = [k for k in theirs if k in in_base]
    base_ours = [k for k in base if k in set(ours)]
    base_theirs = [k for k in base if k in set(theirs)]
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
