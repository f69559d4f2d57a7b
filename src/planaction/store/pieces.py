"""Versions of one plan read piece by piece: what ``history`` and the merge driver read many times.

Two versions of a plan (two commits, the base and a side of a merge) differ by a few items; the
YAML pieces that did not change are not parsed again (``yamlfile.chunks``) and their items' models
are not validated again (``ItemCache``). The plan is the same as a whole reading gives (a property
test checks it); anything the pieces cannot say is left to the whole reading.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from planaction.core.model import Plan
from planaction.yamlfile.chunks import ChunkedLoader
from planaction.yamlfile.errors import YamlProblem
from planaction.yamlfile.nodes import load_data


class PieceReader:
    """Reads versions of one plan; None for a version whose data or schema does not read (the
    caller then reads it whole, which says where the problem is)."""

    def __init__(self) -> None:
        self.loader = ChunkedLoader()
        self.items = ItemCache()

    def plan(self, text: str) -> Plan | None:
        data = self.loader.load(text)
        if data is None:
            try:
                data = load_data(text)
            except YamlProblem:
                return None
        if not isinstance(data, dict):
            return None
        try:
            return Plan.model_validate(self.items.validated(data))
        except ValidationError:
            return None

    def remember(self, text: str, data: Any) -> Plan:
        """The plan of ``data``, the whole parse of ``text`` (read with its nodes elsewhere), validated
        item by item, its pieces and items' models remembered: a version read after it (the base of
        a merge after ours) parses and validates only what differs. Raises ``ValidationError``."""
        plan = Plan.model_validate(self.items.validated(data) if isinstance(data, dict) else data)
        self.loader.prime(text, data)
        return plan


class ItemCache:
    """Each list item of a plan validated once: the chunked loader hands back the same dict for
    an item whose text did not change, so its model is reused, and pydantic takes a model as it is.
    A hundred versions of a plan then cost the items that changed, not a hundred plans' worth."""

    def __init__(self) -> None:
        self._models: dict[int, tuple[Any, Any]] = {}  # id(dict) -> (the dict, kept alive; its model)
        self._item_models = {
            name: args[0]
            for name, info in Plan.model_fields.items()
            if typing.get_origin(info.annotation) is tuple
            and (args := typing.get_args(info.annotation))
            and isinstance(args[0], type)
            and issubclass(args[0], BaseModel)
        }

    def validated(self, data: dict[str, Any]) -> dict[str, Any]:
        out = dict(data)
        for name, model in self._item_models.items():
            items = data.get(name)
            if isinstance(items, list) and all(isinstance(item, dict) for item in items):
                out[name] = [self._model(model, item) for item in items]
        return out

    def _model(self, model: type[BaseModel], item: dict[str, Any]) -> Any:
        known = self._models.get(id(item))
        if known is not None and known[0] is item:
            return known[1]
        try:
            validated = model.model_validate(item)
        except Exception:
            return item
        self._models[id(item)] = (item, validated)
        return validated
