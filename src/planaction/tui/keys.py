"""Remapped keys from ``keys.toml``, checked: every problem is named with its file and line.

A keymap that does not read, an unknown binding id, a key Textual cannot
read (``ctrl+``, ``,,``) or a value that is not text used to be dropped in
silence, or worse, applied: ``cycle_status = "ctrl+"`` left the status with no
key at all. Each problem is now said (file:line, what to write), the entry is
left out and that key keeps its default; the good entries still apply.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
import unicodedata
from pathlib import Path

from textual.keys import Keys, _character_to_key

from planaction.store.userfiles import read_regular
from planaction.words.tui import say

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
#: Key names Textual reads: its named keys, and the names of the printable ASCII characters.
KEY_NAMES = {key.value for key in Keys} | {_character_to_key(chr(code)) for code in range(32, 127)}


def keys_file() -> Path:
    """Where remapped keys are read from: $PLANACTION_KEYS, else the XDG config folder."""
    explicit = os.environ.get("PLANACTION_KEYS")
    if explicit:
        return Path(explicit)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "planaction" / "keys.toml"


def is_key(text: str) -> bool:
    """Whether Textual can read ``text`` as one key: ``t``, ``é``, ``ctrl+s``, ``f2``, ``plus``, ``shift+tab``."""
    *modifiers, name = text.strip().split("+") if text.strip() != "+" else ["+"]
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace() and unicodedata.category(name) != "Co"
    return name in KEY_NAMES


def _line_of(text: str, binding_id: str) -> int:
    """The line of ``binding_id = ...`` in the file (1 if it cannot be found)."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(binding_id)}[\"']?\s*=", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def read_keymap(path: Path, groups: list[dict[str, str]], lang: str) -> tuple[dict[str, str], list[str]]:
    """The ``[keys]`` table as {binding id: keys}, and the problems found, worded in ``lang``.

    ``groups``: the bindings that share keys (one screen's, one widget's), as
    {binding id: default keys}; a key given to one binding that another of
    its group keeps is refused (Textual would silently take it from the other).
    """
    known = {binding_id for group in groups for binding_id in group}
    if not path.exists():
        return {}, []
    keep = say("keys_keep", lang)
    try:
        text = read_regular(path, 1024 * 1024).decode("utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        return {}, [f"{path}: {exc.strerror or exc}; {keep}"]
    except UnicodeDecodeError:
        return {}, [say("keys_not_utf8", lang, path=path, keep=keep)]
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"{found.group(1)}:{found.group(2)}" if found else "1:1"
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        return {}, [say("keys_not_toml", lang, path=path, where=where, detail=detail, keep=keep)]
    keys = data.get("keys")
    if not isinstance(keys, dict):
        return {}, [say("keys_no_table", lang, path=path, example='cycle_status = "t"', keep=keep)]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        where = f"{path}:{_line_of(text, binding_id)}"
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = say("keys_did_you_mean", lang, name=close[0]) if close else ""
            problems.append(say("keys_unknown_id", lang, where=where, id=binding_id, hint=hint))
            continue
        if not isinstance(value, str):
            problems.append(say("keys_not_text", lang, where=where, id=binding_id))
            continue
        bad = [part for part in value.split(",") if not is_key(part)]
        if bad:
            problems.append(say("keys_not_a_key", lang, where=where, key=bad[0].strip(), id=binding_id))
            continue
        keymap[binding_id] = ",".join(part.strip() for part in value.split(","))
    for binding_id, taken_from in _clashes(keymap, groups):
        key = next(k for k in keymap[binding_id].split(",") if k in _keys(taken_from, keymap, groups))
        where = f"{path}:{_line_of(text, binding_id)}"
        problems.append(say("keys_taken", lang, where=where, key=key, other=taken_from, id=binding_id))
        del keymap[binding_id]
    return keymap, problems


def _keys(binding_id: str, keymap: dict[str, str], groups: list[dict[str, str]]) -> set[str]:
    """The keys a binding has once the keymap applies."""
    if binding_id in keymap:
        return set(keymap[binding_id].split(","))
    return {k for group in groups if binding_id in group for k in group[binding_id].split(",")}


def _clashes(keymap: dict[str, str], groups: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(remapped binding, binding that holds one of its keys in the same group), first one per binding."""
    found: dict[str, str] = {}
    for group in groups:
        for binding_id in group:
            if binding_id not in keymap or binding_id in found:
                continue
            wanted = _keys(binding_id, keymap, groups)
            for other in group:
                if other != binding_id and other not in found and wanted & _keys(other, keymap, groups):
                    found[binding_id] = other
                    break
    return list(found.items())
