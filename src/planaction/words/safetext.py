"""Text from a plan or a workbook made safe to show: one place, used by every face.

A plan is data typed by people and sometimes pasted from elsewhere; it must
never act on the terminal that shows it (escape sequences can recolour,
clear, retitle, write the clipboard or hide text) nor read other than it is
stored (bidi overrides). This module has no dependencies so that the lowest
layers (problem messages) can use it too.
"""

from __future__ import annotations

import json
import re
import shlex

#: What must never reach a terminal from a plan: C0 controls but tab and line feed (ESC starts
#: every escape sequence), DEL, C1 controls (U+009B is a one-character CSI), line and paragraph
#: separators, and the bidi marks and overrides that make text read other than it is stored.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to show in a terminal: escapes and control characters
    (ESC, bidi overrides...) become visible replacement marks."""
    return CONTROL_CHARACTERS.sub("\ufffd", text)


def one_line(text: str) -> str:
    """``printable`` text on one line: line breaks and tabs become spaces."""
    return printable(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " "))


def json_text(data: object) -> str:
    """JSON for scripts that a terminal can also show: the data round-trips exactly, but the
    characters ``printable`` replaces are written as ``\\uXXXX`` escapes (``json.dumps`` escapes
    C0 controls only, so a C1 CSI or a bidi override would otherwise reach the terminal raw)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return CONTROL_CHARACTERS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def shell_word(text: str) -> str:
    """``text`` as one shell word a person can copy, on one line: ``shlex.quote`` when that is
    printable on one line, else bash's ``$'...'`` with escapes (a file name can hold a line break)."""
    if one_line(text) == text:
        return shlex.quote(text)
    escaped = []
    for ch in text:
        if ch in "\\'":
            escaped.append("\\" + ch)
        elif ch in _C_ESCAPES:
            escaped.append(_C_ESCAPES[ch])
        elif CONTROL_CHARACTERS.match(ch) or ch == "\t":
            escaped.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            escaped.append(ch)
    return "$'" + "".join(escaped) + "'"


_C_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
