"""The operations that change a plan, shared by the CLI, the app and the importer.

Each operation is a pure function: it takes a plan and returns a new plan
that shares every unchanged part with the old one (so undo is a stack of
plans, and the store finds what changed by identity). Each keeps the plan
valid, or raises ``OpError`` with a message and a hint, leaving nothing half
done. Status and progress are kept consistent here, in one place: marking an
action done fills its completion date and progress, moving progress to 100
marks it done.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from planaction.core import checks
from planaction.core.diagnose import a_noun, allowed_keys, diagnose, noun
from planaction.core.model import (
    ID_SECTIONS,
    Action,
    Kpi,
    LogEntry,
    Measurement,
    Plan,
    PlanStatus,
    Status,
)
from planaction.message import DEFAULT_LANG, Message, say

#: The prefix of new ids, by section.
ID_PREFIXES = {
    "actions": "A",
    "risks": "R",
    "kpis": "K",
    "milestones": "M",
    "decisions": "D",
    "value": "V",
    "stakes": "E",
    "objectives": "O",
    "streams": "S",
}


#: What ``cycle_status`` steps through (the ``s`` key of the app).
STATUS_CYCLE = (Status.TODO, Status.IN_PROGRESS, Status.DONE)


class OpError(ValueError):
    """An operation refused; ``message`` says why, ``hint`` what to do (English texts).

    Both are given as messages (codes and values, ``said``/``hint_said``) so that
    ``text(lang)``, ``message_in(lang)`` and ``hint_in(lang)`` say them in French; a caller
    that already chose its words may still give texts, which read the same in every language.
    """

    def __init__(self, message: Message | str, hint: Message | str | None = None) -> None:
        self.said = message
        self.hint_said = hint
        self.message = str(message)
        self.hint = None if hint is None else str(hint)
        super().__init__(self.text())

    def message_in(self, lang: str) -> str:
        return self.said if isinstance(self.said, str) else self.said.text(lang)

    def hint_in(self, lang: str) -> str | None:
        hint = self.hint_said
        return hint if hint is None or isinstance(hint, str) else hint.text(lang)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """Why, and what to do in brackets: ``str(exc)`` in English."""
        hint = self.hint_in(lang)
        return self.message_in(lang) + (f" ({hint})" if hint else "")


def replace(model: BaseModel, changes: Mapping[str, Any], *, prefix: Message | str | None = None) -> Any:
    """A validated copy of ``model`` with ``changes`` (a None value removes the key).

    Unchanged nested values are the same objects as before.
    """
    fields = type(model).model_fields
    data = {fields[name].alias or name: getattr(model, name) for name in model.model_fields_set}
    for key, value in changes.items():
        name = _field_name(type(model), key)
        yaml_key = fields[name].alias or name
        if value is None:
            data.pop(yaml_key, None)
        else:
            data[yaml_key] = value
    return _validate(type(model), data, prefix=prefix or _noun_of(model))


def _noun_of(model: BaseModel) -> Message:
    item_id = getattr(model, "id", None)
    model_noun = getattr(type(model), "noun", "plan")
    return say("where.item", noun=noun(model_noun), id=item_id) if isinstance(item_id, str) else noun(model_noun)


def _field_name(model: type[BaseModel], key: str) -> str:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return name
    choices = allowed_keys(model)
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    model_noun = getattr(model, "noun", "plan")
    hint = say("did_you_mean", value=close[0]) if close else say("schema.allowed", allowed=", ".join(choices))
    if not key:
        raise OpError(say("op.key_missing", a_noun=a_noun(model_noun)), hint)
    raise OpError(say("op.unknown_key", key=key, a_noun=a_noun(model_noun)), hint)


def _validate(model: type[BaseModel], data: dict[str, Any], *, prefix: Message, fields: Any = None) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        diagnosis = diagnose(error, data, root=model, prefix=prefix)
        raise OpError(diagnosis.said, diagnosis.hint_said) from None


_KNOWN_ERRORS: list[tuple[Plan, set[tuple[Any, str]]]] = []


def _errors_of(plan: Plan) -> set[tuple[Any, str]]:
    """The plan's cross-check errors, remembered for the last few plans (the
    plan an operation returns is the one the next operation starts from)."""
    for known, found in _KNOWN_ERRORS:
        if known is plan:
            return found
    found = {(f.path, f.message) for f in checks.errors(checks.check(plan))}
    _KNOWN_ERRORS.insert(0, (plan, found))
    del _KNOWN_ERRORS[4:]
    return found


def _checked(before: Plan, after: Plan) -> Plan:
    """``after`` if it adds no cross-check error to ``before``; OpError otherwise."""
    old = _errors_of(before)
    found = checks.errors(checks.check(after))
    for finding in found:
        if (finding.path, finding.message) not in old:
            raise OpError(finding.said, finding.hint_said)
    _KNOWN_ERRORS.insert(0, (after, {(f.path, f.message) for f in found}))
    del _KNOWN_ERRORS[4:]
    return after


def _with_section(plan: Plan, section: str, items: tuple[Any, ...]) -> Plan:
    return replace(plan, {section: items})


def _find(plan: Plan, section: str, item_id: str) -> int:
    for index, item in enumerate(getattr(plan, section)):
        if item.id == item_id:
            return index
    known = [item.id for item in getattr(plan, section)]
    section_noun = ID_SECTIONS[section].noun
    close = difflib.get_close_matches(item_id, known, n=1, cutoff=0.5)
    if close:
        hint = say("did_you_mean", value=close[0])
    elif known:
        hint = say("op.known", ids=", ".join(known[:10]))
    else:
        hint = say("op.none_yet", nouns=say("nouns." + section))
    raise OpError(say("op.no_such", noun=noun(section_noun), id=item_id), hint)


def next_id(existing: Iterable[str], prefix: str) -> str:
    """The next id in the plan's own numbering: A9 -> A10, R-007 -> R-008."""
    best: tuple[int, str, int] | None = None
    for item_id in existing:
        match = re.match(r"^(.*?)(\d+)$", item_id)
        if match:
            number = int(match.group(2))
            if best is None or number > best[0]:
                best = (number, match.group(1), len(match.group(2)))
    if best is None:
        return f"{prefix}1"
    number, head, width = best
    return f"{head}{number + 1:0{width}d}"


# ---------------------------------------------------------------------------
# Actions


def _reconcile(old: Action | None, changes: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Make status, progress and completion date agree with what the user changed."""
    changes = dict(changes)
    status_given = "status" in changes and changes["status"] is not None
    progress_given = "progress" in changes and changes["progress"] is not None
    status = Status(changes["status"]) if status_given else (old.status if old else Status.TODO)
    if progress_given:
        try:
            progress = int(changes["progress"])
        except (TypeError, ValueError):
            return changes  # let validation say what is wrong
    else:
        progress = old.progress if old else 0
    if status_given and not progress_given:
        if status == Status.DONE:
            changes["progress"] = 100
        elif status == Status.TODO and progress:
            changes["progress"] = 0
    elif progress_given and not status_given:
        if progress == 100 and status not in (Status.DONE, Status.CANCELLED):
            status = changes["status"] = Status.DONE
        elif 0 < progress < 100 and status in (Status.TODO, Status.DONE):
            status = changes["status"] = Status.IN_PROGRESS
        elif progress == 0 and status == Status.DONE:
            status = changes["status"] = Status.TODO
    final_status = Status(changes.get("status", status))
    # Only a change of status or progress moves the completion date: editing a
    # comment must not fill or clear a date the person did not touch.
    if "completed" not in changes and (old is None or status_given or progress_given):
        had_completion = old is not None and old.completed is not None
        if final_status == Status.DONE and not had_completion:
            changes["completed"] = today
        elif final_status != Status.DONE and had_completion:
            changes["completed"] = None
    return changes


def _normalise_status(changes: dict[str, Any]) -> dict[str, Any]:
    if changes.get("status") is not None and not isinstance(changes["status"], Status):
        try:
            changes["status"] = Status(changes["status"])
        except ValueError:
            from planaction.core.diagnose import enum_choices

            raise OpError(
                say("op.bad_status", status=changes["status"]), say("schema.allowed", allowed=enum_choices(Status))
            ) from None
    return changes


def add_action(plan: Plan, fields: Mapping[str, Any], today: dt.date) -> tuple[Plan, str]:
    """Append an action; returns the new plan and the action's id."""
    changes = _normalise_status({k: v for k, v in fields.items() if v is not None})
    action_id = changes.get("id") or next_id((a.id for a in plan.actions), ID_PREFIXES["actions"])
    if plan.action(action_id) is not None:
        raise OpError(say("op.action_exists", id=action_id), say("op.action_exists.hint"))
    changes["id"] = action_id
    changes = _reconcile(None, changes, today)
    changes = {k: v for k, v in changes.items() if v is not None}
    action = _validate(
        Action,
        {_field_name(Action, k): v for k, v in changes.items()},
        prefix=say("where.new_item", noun=noun("action"), id=action_id),
    )
    return _checked(plan, _with_section(plan, "actions", (*plan.actions, action))), action_id


def update_action(plan: Plan, action_id: str, changes: Mapping[str, Any], today: dt.date) -> Plan:
    """Change fields of an action (a None value removes the field)."""
    return update_actions(plan, {action_id: changes}, today)


def update_actions(plan: Plan, changes: Mapping[str, Mapping[str, Any]], today: dt.date) -> Plan:
    """Change fields of several actions at once: one check of the whole plan, not one per action."""
    positions = {a.id: i for i, a in enumerate(plan.actions)}
    actions = list(plan.actions)
    for action_id, fields in changes.items():
        if action_id not in positions:
            _find(plan, "actions", action_id)  # raises, with a suggestion
        index = positions[action_id]
        old = actions[index]
        fields = _normalise_status(dict(fields))
        if "id" in fields and fields["id"] != action_id:
            raise OpError(say("op.id_fixed"), say("op.id_fixed.hint"))
        actions[index] = replace(old, _reconcile(old, fields, today))
    return _checked(plan, _with_section(plan, "actions", tuple(actions)))


def set_status(plan: Plan, action_id: str, status: Status | str, today: dt.date) -> Plan:
    return update_action(plan, action_id, {"status": status}, today)


def cycle_status(plan: Plan, action_id: str, today: dt.date) -> Plan:
    """The next status in to do -> in progress -> done -> to do."""
    current = plan.actions[_find(plan, "actions", action_id)].status
    position = STATUS_CYCLE.index(current) if current in STATUS_CYCLE else -1
    return set_status(plan, action_id, STATUS_CYCLE[(position + 1) % len(STATUS_CYCLE)], today)


def step_progress(plan: Plan, action_id: str, delta: int, today: dt.date) -> Plan:
    """Move progress by ``delta`` points, within 0-100 (10 by 10 in the app)."""
    current = plan.actions[_find(plan, "actions", action_id)].progress
    target = max(0, min(100, current + delta))
    if target == current:
        return plan
    return update_action(plan, action_id, {"progress": target}, today)


def delete_action(plan: Plan, action_id: str, *, unlink: bool = False) -> Plan:
    """Remove an action nothing else refers to.

    Log entries and risks that refer to it keep it (cancel it instead); with
    ``unlink``, other actions' ``depends_on`` links to it are removed too.
    """
    index = _find(plan, "actions", action_id)
    log_refs = sum(1 for entry in plan.log if entry.action == action_id)
    risk_refs = [r.id for r in plan.risks if r.action == action_id]
    dependents = [a.id for a in plan.actions if action_id in a.depends_on]
    reasons: list[Message] = []
    if log_refs:
        reasons.append(say("op.ref.log_entry" if log_refs == 1 else "op.ref.log_entries", count=log_refs))
    if risk_refs:
        reasons.append(say("op.ref.risk", ids=", ".join(risk_refs)))
    if dependents and not unlink:
        reasons.append(say("op.ref.dependent", ids=", ".join(dependents)))
    retro_refs = [str(r.date) for r in plan.retros if action_id in (r.process_action, r.content_action, r.risk_action)]
    if retro_refs:  # the improvement loop: what a retro's item became
        reasons.append(say("op.ref.retro", dates=", ".join(retro_refs)))
    if reasons:
        by = reasons[0]
        for reason in reasons[1:]:
            by = say("schema.and", first=by, second=reason)
        raise OpError(say("op.referred", id=action_id, by=by), say("op.referred.hint"))
    actions = list(plan.actions[:index] + plan.actions[index + 1 :])
    if unlink:
        for i, action in enumerate(actions):
            if action_id in action.depends_on:
                remaining = tuple(d for d in action.depends_on if d != action_id)
                actions[i] = replace(action, {"depends_on": remaining or None})
    return _checked(plan, _with_section(plan, "actions", tuple(actions)))


# ---------------------------------------------------------------------------
# Log, KPIs, risks


def append_log(
    plan: Plan,
    action_id: str | None,
    result: str,
    date: dt.date,
    *,
    comment: str | None = None,
    author: str | None = None,
) -> Plan:
    """Add a follow-up entry (for an action, or for the plan when action_id is None)."""
    return append_logs(
        plan, [{"date": date, "action": action_id, "result": result, "comment": comment, "author": author}]
    )


def append_logs(plan: Plan, entries: Iterable[Mapping[str, Any]]) -> Plan:
    """Add follow-up entries (date, action, result, comment, author) after the existing ones."""
    known = {a.id for a in plan.actions}
    new = []
    for fields in entries:
        action_id = fields.get("action")
        if action_id is not None and action_id not in known:
            _find(plan, "actions", action_id)  # raises, with a suggestion
        new.append(
            _validate(LogEntry, {k: v for k, v in fields.items() if v is not None}, prefix=say("where.new_log_entry"))
        )
    if not new:
        return plan
    return _checked(plan, _with_section(plan, "log", (*plan.log, *new)))


def record_measurement(plan: Plan, kpi_id: str, date: dt.date, value: float, *, comment: str | None = None) -> Plan:
    """Record a KPI value; a value on the same date replaces the earlier one."""
    return record_measurements(plan, [(kpi_id, date, value, comment)])


def record_measurements(plan: Plan, measurements: Iterable[tuple[str, dt.date, float, str | None]]) -> Plan:
    """Record (KPI id, date, value, comment) measurements, each in date order within its KPI."""
    kpis = list(plan.kpis)
    positions = {k.id: i for i, k in enumerate(kpis)}
    for kpi_id, date, value, comment in measurements:
        if kpi_id not in positions:
            _find(plan, "kpis", kpi_id)  # raises, with a suggestion
        index = positions[kpi_id]
        kpi: Kpi = kpis[index]
        fields = {"date": date, "value": value, "comment": comment}
        measurement = _validate(
            Measurement,
            {k: v for k, v in fields.items() if v is not None},
            prefix=say("where.kpi_measurement", id=kpi_id),
        )
        kept = [m for m in kpi.measurements if m.date != measurement.date]
        position = len(kept)
        while position > 0 and kept[position - 1].date > measurement.date:
            position -= 1
        kept.insert(position, measurement)
        kpis[index] = replace(kpi, {"measurements": tuple(kept)})
    return _checked(plan, _with_section(plan, "kpis", tuple(kpis)))


def add_item(plan: Plan, section: str, fields: Mapping[str, Any]) -> tuple[Plan, str]:
    """Append an item with an id (risk, milestone, decision, KPI...) to its section."""
    model = ID_SECTIONS[section]
    items = getattr(plan, section)
    item_id = fields.get("id") or next_id((i.id for i in items), ID_PREFIXES[section])
    data = {_field_name(model, k): v for k, v in fields.items() if v is not None}
    data["id"] = item_id
    item = _validate(model, data, prefix=say("where.new_item", noun=noun(model.noun), id=item_id))
    return _checked(plan, _with_section(plan, section, (*items, item))), item_id


def add_risk(plan: Plan, fields: Mapping[str, Any]) -> tuple[Plan, str]:
    """Add a risk to the register; returns the plan and the risk's id."""
    return add_item(plan, "risks", fields)


def update_item(plan: Plan, section: str, item_id: str, changes: Mapping[str, Any]) -> Plan:
    """Change fields of an item with an id (a None value removes the field)."""
    if section == "actions":
        raise OpError(say("op.use_update_action"))
    index = _find(plan, section, item_id)
    items = getattr(plan, section)
    new = replace(items[index], changes)
    return _checked(plan, _with_section(plan, section, (*items[:index], new, *items[index + 1 :])))


#: The fields that say what a plan is and whose it is; everything else is content a template gives as an example.
HEADER_FIELDS = ("version", "id", "title", "type", "language", "owner")


def without_examples(plan: Plan) -> Plan:
    """The plan's header (schema, id, title, type, language, owner) and nothing else.

    A template's period, objective, people, actions, KPIs, risks, log... are a
    fictitious case that shows how to fill the plan: a new plan started "without
    examples" keeps what the template says the plan is and drops all of that. It is
    here, not in the template code, because it is a change of plan like any other:
    pure, valid by construction (only required fields are kept) and usable on an
    open plan as well as on a template.
    """
    return replace(plan, {name: None for name in plan.model_fields_set if name not in HEADER_FIELDS})


def close_plan(plan: Plan, on: dt.date) -> Plan:
    """The plan closed on ``on``: it stops reminding its people and leaves the portfolio's default view.

    Only the status and the date change; actions keep their own status, so the
    plan's history reads as it was when it was closed.
    """
    return replace(plan, {"status": PlanStatus.CLOSED, "closed_on": on})


def reopen_plan(plan: Plan) -> Plan:
    """The plan open again: its status and closing date leave the file, as if it had never been closed."""
    return replace(plan, {"status": None, "closed_on": None})
