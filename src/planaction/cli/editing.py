"""What ``set``, ``add`` and ``log`` share: load the plan, apply one operation, save, say what changed.

Each command gives ``edit`` a function from the plan to (new plan, action id,
id to print); the file is saved by the store (minimal YAML diff) and, with
``--format json``, the change is described as data: the file, the action's
id and each field before and after.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, json_out, problem, problems, refuse, tell
from planaction.words.cli import say

#: plan -> (new plan, id of the action concerned, what to print on success or None)
Edit = Callable[[Any], tuple[Any, str, str | None]]


def plan_argument(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("plan", metavar="PLAN", help=say("help_plan", lang))


def common_options(parser: argparse.ArgumentParser, lang: str) -> None:
    options.today(parser, lang)
    options.output_format(parser, lang)


def today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


def edit(args: argparse.Namespace, action_id: str | None, change: Edit) -> int:
    from planaction import store
    from planaction.core import ops
    from planaction.words.problems import PlanError

    try:
        document = store.load(Path(args.plan))
    except PlanError as exc:
        problems(exc.problems)
        return EXIT_INVALID
    before = document.plan
    location = (1, 1)
    index = next((i for i, a in enumerate(before.actions) if a.id == action_id), None)
    if index is not None:
        location = document.location(("actions", index))
    try:
        after, changed_id, message = change(before)
    except ops.OpError as exc:
        problem(document.name, *location, exc.message, exc.hint)
        return EXIT_INVALID
    try:
        changed = document.save(after)
    except store.SaveError as exc:
        refuse(exc)
        return EXIT_INVALID
    if options.wants_json(args):
        json_out(describe(args.command, str(document.path), changed_id, before, after, changed))
        return EXIT_OK
    if message:
        print(message)
    if not changed:
        tell(say("nothing_to_change", args.ui, file=document.name))
    return EXIT_OK


def describe(command: str, file: str, action_id: str, before, after, changed: bool) -> dict[str, Any]:
    """The change as data: each field of the action (and the new log entries) before and after."""
    old = _action(before, action_id)
    new = _action(after, action_id)
    fields = {
        key: {"before": old.get(key), "after": new.get(key)}
        for key in dict.fromkeys([*old, *new])
        if old.get(key) != new.get(key) and (old.get(key) or new.get(key))  # an empty list is no change
    }
    entries = [_dump(entry) for entry in after.log[len(before.log) :]] if len(after.log) > len(before.log) else []
    data: dict[str, Any] = {"command": command, "file": file, "id": action_id, "changed": changed, "fields": fields}
    if entries:
        data["log"] = entries
    return data


def _action(plan, action_id: str) -> dict[str, Any]:
    action = next((a for a in plan.actions if a.id == action_id), None)
    return _dump(action) if action is not None else {}


def _dump(model) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)
