"""Changes between two plans, and plans themselves, as lines a person reads.

``changes(base, new)`` words the structural diff of ``diff`` ("A3 status:
in progress -> done", "new risk R4", "K1 measured 4.2 on 2025-06-30"); it
serves ``planaction diff``, the "since the last steering committee" part of
reports and the app. ``facts(plan)`` turns a plan into one line per value,
named by ids rather than positions, which is what git shows when
``planaction textconv`` is its diff filter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from enum import Enum
from typing import Any

from planaction.core.model import ID_SECTIONS, Coded, Plan
from planaction.words.changes import ENTRY_SECTIONS, say
from planaction.words.labels import WORDS, date_text, label, number, word
from planaction.words.safetext import one_line
from planaction.yamlfile import diff

#: Sections whose items have no id: they are named by their content.
_ENTRY_NOUNS = ENTRY_SECTIONS


def _field(key: str, lang: str) -> str:
    return word(key, lang).lower() if key in WORDS else key.replace("_", " ")


def show(value: Any, lang: str, *, limit: int = 60) -> str:
    """A value as it reads in a sentence."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, Enum):
        return label(value, lang)
    if isinstance(value, bool):
        return say("yes" if value else "no", lang)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    if isinstance(value, (int, float)):
        return number(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v, lang, limit=limit) for v in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show(v, lang, limit=20)}" for k, v in value.items()) + "}"
    text = one_line(str(value))
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return say("quoted", lang, text=text)


def _show_coded(section: str, key: str, value: Any, lang: str) -> str:
    """Codes read back as labels: status done -> Terminé."""
    model = ID_SECTIONS.get(section) or (Plan if section == "" else None)
    if model is not None and isinstance(value, str) and key in model.model_fields:
        from planaction.core.diagnose import unwrap_types

        for kind in unwrap_types(model.model_fields[key].annotation):
            if isinstance(kind, type) and issubclass(kind, Coded):
                try:
                    return kind(value).label(lang)
                except ValueError:
                    break
    return show(value, lang)


def _noun(section: str) -> str:
    """The section's noun (its model's), which names its words: ``new_item.action``."""
    model = ID_SECTIONS.get(section)
    return model.noun if model else section


def _name_at(plan: Plan, path: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """The human name of the item a path goes through ("A3", "K1"), and the rest of the path."""
    if len(path) >= 2 and isinstance(path[1], int):
        items = getattr(plan, str(path[0]), ())
        if path[1] < len(items):
            item = items[path[1]]
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str):
                return item_id, path[2:]
            return f"{path[0]}[{path[1] + 1}]", path[2:]
    return "", path


def changes(base: Plan, new: Plan, lang: str) -> list[str]:
    """Every change from ``base`` to ``new`` as a sentence, in document order.

    Items with ids are compared by id: moving an action up the list is not a
    change to report, and an action moved *and* edited reads as its edits.
    """
    lines = []
    for change in diff.changes(base, _in_base_order(base, new), whole_scalar_lists=True):
        lines.extend(_sentence(change, base, lang))
    return lines


def _in_base_order(base: Plan, new: Plan) -> Plan:
    """``new`` with the items of each id section in ``base``'s order (new items last, in their order)."""
    update = {}
    for section in ID_SECTIONS:
        items = getattr(new, section, None)
        if not items:
            continue
        position = {getattr(item, "id", None): index for index, item in enumerate(getattr(base, section, ()) or ())}
        ordered = sorted(
            enumerate(items), key=lambda pair: (position.get(getattr(pair[1], "id", None), len(position)), pair[0])
        )
        if [index for index, _item in ordered] != list(range(len(items))):
            update[section] = tuple(item for _index, item in ordered)
    return new.model_copy(update=update) if update else new


def new_plan(lang: str) -> str:
    """What changed in a plan that did not exist at the revision compared with."""
    return say("new_plan", lang)


def _sentence(change: diff.Change, base: Plan, lang: str) -> Iterator[str]:
    path = change.path
    section = str(path[0]) if path else ""
    name, rest = _name_at(base, path)
    if len(path) == 0 and change.key in (*ID_SECTIONS, *_ENTRY_NOUNS) and change.op == diff.INSERT:
        for value in change.value or ():  # a whole section appears: one line per item
            yield from _added(change.key, value, lang)
        return
    if change.op == diff.INSERT and len(path) == 0:
        yield say("new_field", lang, field=_field(change.key, lang), value=show(change.value, lang))
        return
    if change.op == diff.REMOVE and len(path) == 1 and section in (*ID_SECTIONS, *_ENTRY_NOUNS):
        for value in change.before or ():  # a whole section goes
            yield from _removed(section, value, lang)
        return
    if section == "kpis" and name and _is_measurements(change, rest):
        yield from _measurements(name, change, lang)
        return
    if change.op == diff.INSERT and len(path) == 1 and section in (*ID_SECTIONS, *_ENTRY_NOUNS):
        yield from _added(section, change.value, lang)
        return
    if change.op == diff.REMOVE and len(path) == 2 and section in (*ID_SECTIONS, *_ENTRY_NOUNS):
        yield from _removed(section, change.before or {}, lang)
        return
    # a field of an item (or of the plan)
    if change.op == diff.INSERT:
        field_path = (*rest, change.key)
        before, after = None, change.value
    elif change.op == diff.REMOVE:
        field_path = rest
        before, after = change.before, None
    else:
        field_path = rest
        before, after = change.before, change.value
    key = str(field_path[-1]) if field_path and isinstance(field_path[-1], str) else section
    inner = " ".join(_field(str(p), lang) for p in field_path[:-1])  # e.g. "période" for period.end
    subject = " ".join(part for part in (name, inner, _field(key, lang)) if part)
    context = section if name else ""
    if key == "progress":
        before_text, after_text = (say("percent", lang, value=show(v, lang)) for v in (before or 0, after or 0))
    else:
        before_text, after_text = _show_coded(context, key, before, lang), _show_coded(context, key, after, lang)
    yield say("field_changed", lang, subject=subject, before=before_text, after=after_text)


def _is_measurements(change: diff.Change, rest: tuple[Any, ...]) -> bool:
    """Whether a change is to a KPI's measurements: one added or removed, or the first ones."""
    if rest == ("measurements",) and change.op in (diff.INSERT, diff.REMOVE):
        return True
    if rest == () and change.key == "measurements":
        return True
    return len(rest) == 2 and rest[0] == "measurements" and change.op == diff.REMOVE


def _measurements(name: str, change: diff.Change, lang: str) -> Iterator[str]:
    """ "K1 mesuré 4,2 le 13/05/2025" for each measurement added, "… supprimée" for each removed."""
    before, after = change.before, change.value
    added = after if isinstance(after, list) else [after] if change.op == diff.INSERT else []
    removed = before if isinstance(before, list) else [before] if change.op == diff.REMOVE else []
    if change.op == diff.SET and isinstance(before, list) and isinstance(after, list):
        added = [m for m in after if m not in before]
        removed = [m for m in before if m not in after]
    for m in removed:
        if isinstance(m, dict):
            when, value = show(m.get("date"), lang), show(m.get("value"), lang)
            yield say("measurement_removed", lang, name=name, when=when, value=value)
    for m in added:
        if isinstance(m, dict):
            when, value = show(m.get("date"), lang), show(m.get("value"), lang)
            yield say("measured", lang, name=name, value=value, when=when)


def _log_parts(entry: dict[str, Any], lang: str) -> tuple[str, str, str]:
    """A log entry's date, action (or "plan") and result, as they read."""
    when = entry.get("date")
    if isinstance(when, str):
        with contextlib.suppress(ValueError):
            when = dt.date.fromisoformat(when)
    return show(when, lang), str(entry.get("action") or "plan"), show(entry.get("result"), lang)


def _added(section: str, value: dict[str, Any], lang: str) -> Iterator[str]:
    """A new item of a section: "nouveau risque R4 « … »", "suivi 12/05/2025 A3 : « … »"."""
    if section == "log":
        when, target, result = _log_parts(value, lang)
        yield say("log_added", lang, when=when, target=target, result=result)
    elif section in _ENTRY_NOUNS:
        yield say(f"new_entry.{section}", lang, value=show(value, lang))
    else:
        title = value.get("title") or value.get("name") or value.get("hypothesis") or ""
        noun = _noun(section)
        key = f"new_item.{noun}" if f"new_item.{noun}" in say else "new_other"
        yield say(key, lang, noun=noun, id=value.get("id"), title=show(title, lang)).rstrip()


def _removed(section: str, value: dict[str, Any], lang: str) -> Iterator[str]:
    """An item that went: "risque R4 supprimé", "removed log entry: …"."""
    if section == "log":
        when, target, result = _log_parts(value, lang)
        yield say("log_removed", lang, when=when, target=target, result=result)
        return
    if section in _ENTRY_NOUNS:
        yield say(f"removed_entry.{section}", lang, value=show(value, lang))
        return
    noun = _noun(section)
    key = f"removed_item.{noun}" if f"removed_item.{noun}" in say else "removed_other"
    yield say(key, lang, noun=noun, id=value.get("id"))


# ---------------------------------------------------------------------------
# Facts: a plan as lines, for git


def facts(plan: Plan) -> list[str]:
    """One line per value, named by ids: what `git diff` shows through textconv."""
    lines: list[str] = []
    data = diff.to_data(plan)
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value, 1):
                name, named_by = _item_name(key, item)
                _flatten(f"{key} {name or index}", item, lines, skip=named_by)
        else:
            _flatten(key, value, lines)
    return lines


def _item_name(section: str, item: dict[str, Any]) -> tuple[str, str]:
    """What names an item in the lines, and the key it comes from (not repeated as a line of its own)."""
    if section == "log":
        return f"{item.get('date')} {item.get('action') or 'plan'}", ""
    for key in ("id", "name", "activity", "signal", "date", "kind"):
        if isinstance(item.get(key), (str, dt.date)):
            return one_line(str(item[key])), key
    return "", ""


def _flatten(prefix: str, value: Any, lines: list[str], *, skip: str = "") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key != skip:
                _flatten(f"{prefix} {key}" if prefix else key, item, lines)
        return
    if isinstance(value, list) and value and isinstance(value[0], dict):
        for index, item in enumerate(value, 1):
            name, named_by = _item_name("", item)
            _flatten(f"{prefix} {name or index}", item, lines, skip=named_by)
        return
    if isinstance(value, list):
        text = ", ".join(one_line(str(v)) for v in value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = one_line(str(value))
    lines.append(f"{prefix}: {text}")
