"""What changed between two values of a plan, as a list of located changes.

One walker serves two faces: the store turns the changes into text patches
(exact saves), and ``planaction diff`` turns them into sentences. Paths use
the YAML keys and the *base* list positions, so they point into the file the
base was read from.

Because operations share unchanged sub-values, the walker skips identical
objects by identity first: a one-field edit of a 10,000-action plan compares
10,000 references and one action, not two whole plans.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

Path = tuple[str | int, ...]

SET = "set"
REMOVE = "remove"
INSERT = "insert"


@dataclass(frozen=True)
class Change:
    """``set`` a value at ``path``; ``remove`` the key or item at ``path``;
    ``insert`` ``value`` into the container at ``path`` under ``key`` (a key
    name, or the base position before which a list item goes)."""

    op: str
    path: Path
    value: Any = None
    before: Any = None
    key: str | int | None = None
    after: str | None = None  # for a mapping insert: the existing key it follows


def to_data(value: Any) -> Any:
    """Plain YAML-ready data: dicts with YAML keys, lists, scalars; None means absent."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        data = {}
        for name in fields:
            if name not in value.model_fields_set:
                continue
            item = getattr(value, name)
            if item is None:
                continue
            data[fields[name].alias or name] = to_data(item)
        return data
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    return value


def _present(model: BaseModel, name: str) -> bool:
    return name in model.model_fields_set and getattr(model, name) is not None


def _same_scalar(a: Any, b: Any) -> bool:
    if isinstance(a, Enum) or isinstance(b, Enum):
        return str(getattr(a, "value", a)) == str(getattr(b, "value", b))
    if type(a) is not type(b) and not (
        isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool)
    ):
        return False
    if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
        return False
    return a == b


class _Walker:
    def __init__(self, coarse: Callable[[Path], bool] | None, whole_scalar_lists: bool = False) -> None:
        self.coarse = coarse
        self.whole_scalar_lists = whole_scalar_lists
        self.changes: list[Change] = []
        self._frozen: dict[int, Any] = {}

    def value(self, base: Any, new: Any, path: Path) -> None:
        if base is new:
            return
        if isinstance(base, BaseModel) and type(base) is type(new):
            if self.coarse is not None and self.coarse(path):
                if self._freeze(base) != self._freeze(new):
                    self.changes.append(Change(SET, path, to_data(new), to_data(base)))
                return
            self.model(base, new, path)
        elif isinstance(base, tuple) and isinstance(new, tuple):
            whole = self.whole_scalar_lists and not any(isinstance(v, BaseModel) for v in (*base, *new))
            if whole or (self.coarse is not None and self.coarse(path)):
                if self._freeze(base) != self._freeze(new):
                    self.changes.append(Change(SET, path, to_data(new), to_data(base)))
                return
            self.sequence(base, new, path)
        elif not _same_scalar(base, new):
            self.changes.append(Change(SET, path, to_data(new), to_data(base)))

    def model(self, base: BaseModel, new: BaseModel, path: Path) -> None:
        fields = type(new).model_fields
        last_present: str | None = None
        for name, info in fields.items():
            key = info.alias or name
            in_base = _present(base, name)
            in_new = _present(new, name)
            if in_base and in_new:
                self.value(getattr(base, name), getattr(new, name), (*path, key))
            elif in_base:
                self.changes.append(Change(REMOVE, (*path, key), before=to_data(getattr(base, name))))
            elif in_new:
                self.changes.append(Change(INSERT, path, to_data(getattr(new, name)), key=key, after=last_present))
            if in_base:
                last_present = key

    def _freeze(self, value: Any) -> Any:
        """A hashable, comparable image of a value (cached per object)."""
        if isinstance(value, (BaseModel, tuple)):
            cached = self._frozen.get(id(value))
            if cached is not None and cached[0] is value:
                return cached[1]
            if isinstance(value, tuple):
                image = ("t", *(self._freeze(v) for v in value))
            else:
                image = (
                    type(value).__name__,
                    *((k, self._freeze(v)) for k, v in sorted(to_data_items(value))),
                )
            self._frozen[id(value)] = (value, image)
            return image
        if isinstance(value, Enum):
            return value.value
        return (type(value).__name__, value)

    def _key(self, item: Any) -> Any:
        item_id = getattr(item, "id", None) if isinstance(item, BaseModel) else None
        if isinstance(item_id, str):
            return ("id", item_id)
        return self._freeze(item)

    def sequence(self, base: tuple, new: tuple, path: Path) -> None:
        if not base or not new:
            self.changes.append(Change(SET, path, to_data(new), to_data(base)))
            return
        low = 0
        limit = min(len(base), len(new))
        while low < limit and base[low] is new[low]:
            low += 1
        high_b, high_n = len(base), len(new)
        while high_b > low and high_n > low and base[high_b - 1] is new[high_n - 1]:
            high_b -= 1
            high_n -= 1
        if low == high_b and low == high_n:
            return
        base_keys = [self._key(item) for item in base[low:high_b]]
        new_keys = [self._key(item) for item in new[low:high_n]]
        matcher = difflib.SequenceMatcher(None, base_keys, new_keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            i1, i2, j1, j2 = i1 + low, i2 + low, j1 + low, j2 + low
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    self.value(base[i], new[j], (*path, i))
                continue
            pairable = (
                tag == "replace"
                and i2 - i1 == j2 - j1
                and all(
                    type(base[i]) is type(new[j]) and not isinstance(getattr(base[i], "id", None), str)
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                )
            )
            if pairable:
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    self.value(base[i], new[j], (*path, i))
                continue
            for i in range(i1, i2):
                self.changes.append(Change(REMOVE, (*path, i), before=to_data(base[i])))
            for j in range(j1, j2):
                self.changes.append(Change(INSERT, path, to_data(new[j]), key=i2))


def to_data_items(model: BaseModel) -> list[tuple[str, Any]]:
    return [(name, getattr(model, name)) for name in model.model_fields_set if getattr(model, name) is not None]


def changes(
    base: Any, new: Any, *, coarse: Callable[[Path], bool] | None = None, whole_scalar_lists: bool = False
) -> list[Change]:
    """The changes that turn ``base`` into ``new``, in document order.

    ``coarse(path)`` may ask for a whole-value ``set`` at a path instead of
    finer changes inside it (the store does so where the text cannot be
    patched piecemeal, such as inside ``[a, b]`` flow lists or aliases);
    ``whole_scalar_lists`` does so for every list of plain values (co-owners,
    skills), which reads better in a change list.
    """
    walker = _Walker(coarse, whole_scalar_lists)
    walker.value(base, new, ())
    return walker.changes
