"""Write YAML values the way the file around them is written.

The store patches a plan's text where it changed; the new pieces must read
back as exactly the value the model holds and look like their neighbours:
same indentation steps, same list style, same quotes. This module renders a
scalar or a block of plain data (dicts, lists, scalars) for one place in a
file, given the file's ``Style``. It is ours rather than ruamel's emitter
because the pieces are small, must match a style read from the file, and are
checked against our reader (``yamlnodes``) by property tests.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ruamel.yaml.resolver import VersionedResolver

from planaction.yamlfile.scalars import resolve_plain


@dataclass(frozen=True)
class Style:
    """How a file lays out nested blocks (columns are relative)."""

    map_indent: int = 2  # child key column - parent key column
    seq_indent: int = 2  # dash column - parent key column (0 for "indentless" lists)
    item_offset: int = 2  # first key column - dash column
    quote: str = '"'  # quote used when a string must be quoted
    flow_scalar_lists: bool = False  # write [a, b] rather than one "- a" per line
    newline: str = "\n"
    json: bool = False  # a JSON-style file: texts, dates and keys in flow values go in double quotes


_YAML11 = VersionedResolver(version=(1, 1)).versioned_resolver
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = set(",[]{}:?#")
_NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")


def _resolves_as_text(text: str) -> bool:
    if resolve_plain(text) != "str":
        return False
    # also stay text for YAML 1.1 readers (yes, no, on, off, 0755...)
    return all(not regexp.match(text) for _tag, regexp in _YAML11.get(text[0], ()))


def plain_ok(text: str, *, flow: bool = False) -> bool:
    """Whether a string can be written unquoted and read back unchanged."""
    if not text or text != text.strip(" \t") or text[0] in _INDICATORS:
        return False
    if _LINE_BREAKS.search(text) or _NEEDS_ESCAPE.search(text) or "\t" in text:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(ch in _FLOW_UNSAFE for ch in text):
        return False
    return _resolves_as_text(text)


def double_quoted(text: str, *, json: bool = False) -> str:
    """``text`` in double quotes, escaped so that YAML (and, with ``json``, JSON too) reads it back."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _NEEDS_ESCAPE.match(ch) or ch in "\x85\u2028\u2029":
            code = ord(ch)
            if code < 0x100 and not json:
                out.append(f"\\x{code:02X}")
            elif code < 0x10000:
                out.append(f"\\u{code:04X}")
            else:
                out.append(f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def quoted(text: str, quote: str) -> str:
    if quote == "'" and not _LINE_BREAKS.search(text) and not _NEEDS_ESCAPE.search(text) and "\t" not in text:
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def scalar(value: Any, style: Style, *, prefer: str = "", flow: bool = False) -> str:
    """One scalar on one line. ``prefer`` is the style the old value had."""
    if isinstance(value, Enum):
        value = value.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        if prefer in ("'", '"') or (flow and style.json):  # it was written as text: it stays text
            return quoted(value.isoformat(), prefer or '"')
        return value.isoformat()
    text = str(value)
    if flow and style.json:
        return double_quoted(text, json=True)
    if prefer in ("'", '"'):
        return quoted(text, prefer)
    if plain_ok(text, flow=flow):
        return text
    return quoted(text, style.quote)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list, tuple))


def literal_block(text: str, indent: int) -> list[str] | None:
    """A multi-line string as a ``|`` block (header + lines), or None if it cannot be one."""
    if _NEEDS_ESCAPE.search(text) or "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return None
    if text.endswith("\n\n") or text.startswith((" ", "\n")) or "\t" in text.split("\n", 1)[0][:1]:
        return None
    if text.endswith("\n"):
        header, body = "|", text[:-1]
    else:
        header, body = "|-", text
    pad = " " * indent
    return [header, *[(pad + line) if line else "" for line in body.split("\n")]]


def flow(value: Any, style: Style) -> str:
    """A value on one line, in flow style: [a, b] or {k: v}."""
    if isinstance(value, dict):
        inner = ", ".join(f"{scalar(k, style, flow=True)}: {flow(v, style)}" for k, v in value.items() if v is not None)
        return "{" + inner + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v, style) for v in value) + "]"
    return scalar(value, style, flow=True)


def _multiline(value: Any) -> bool:
    return isinstance(value, str) and "\n" in value


def entry_lines(key: str, value: Any, col: int, style: Style) -> list[str]:
    """``key: value`` at column ``col``, with nested blocks below it."""
    pad = " " * col
    head = f"{pad}{scalar(key, style)}:"
    if _is_scalar(value):
        if _multiline(value):
            block = literal_block(value, col + style.map_indent)
            if block is not None:
                return [f"{head} {block[0]}", *block[1:]]
        return [f"{head} {scalar(value, style)}"]
    if not value:
        return [f"{head} {'{}' if isinstance(value, dict) else '[]'}"]
    if isinstance(value, dict):
        return [head, *block_lines(value, col + style.map_indent, style)]
    if style.flow_scalar_lists and all(_is_scalar(v) and not _multiline(v) for v in value):
        return [f"{head} {flow(value, style)}"]
    return [head, *block_lines(value, col + style.seq_indent, style)]


def item_lines(value: Any, col: int, style: Style) -> list[str]:
    """``- value`` with its dash at column ``col``."""
    dash = " " * col + "-" + " " * max(style.item_offset - 1, 1)
    content_col = col + max(style.item_offset, 2)
    if _is_scalar(value):
        if _multiline(value):
            block = literal_block(value, content_col)
            if block is not None:
                return [dash + block[0], *block[1:]]
        return [dash + scalar(value, style)]
    if not value:
        return [dash + ("{}" if isinstance(value, dict) else "[]")]
    inner = block_lines(value, content_col, style)
    return [dash + inner[0][content_col:], *inner[1:]]


def block_lines(value: Any, col: int, style: Style) -> list[str]:
    """A dict or list as block lines whose keys (or dashes) sit at column ``col``."""
    if isinstance(value, dict):
        lines: list[str] = []
        for key, item in value.items():
            if item is not None:
                lines.extend(entry_lines(key, item, col, style))
        return lines
    lines = []
    for item in value:
        lines.extend(item_lines(item, col, style))
    return lines
