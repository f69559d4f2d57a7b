"""Unresolved merge conflicts: found in a plan's text before YAML reads it.

After a conflicting ``git merge`` a plan holds git's marker lines. YAML
reads them as a syntax error at some line of one side (with a hint about
``:`` that helps no one) or, inside a multi-line quoted string, as text: the
plan then validates and the pre-commit hook lets the conflict through. So
the text is searched for the markers first, and a conflict is always an
error at its ``<<<<<<<`` line that says what it is, what the two sides hold
and how to resolve it.

A conflict starts with a ``<<<<<<<`` line: git writes it at the start of a
line, followed by a space and the side's name, or nothing. An ``=======`` or
``>>>>>>>`` line with no ``<<<<<<<`` before it is not taken for a conflict:
it can be text (a heading underlined in a quoted string, a quoted e-mail
reply), and YAML reads it as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planaction.message import Message, say
from planaction.words.problems import ERROR, Problem
from planaction.words.safetext import one_line, shell_word

#: A marker line: seven or more of one character at the start of a line, then a space or the line's end
#: (git writes longer markers for the conflicts of a recursive merge's virtual base).
_MARKER = re.compile(r"(<{7,}|\|{7,}|={7,}|>{7,})(?:[ \t](.*))?\r?$")
#: How much of a differing line the message quotes.
_QUOTE = 50


@dataclass(frozen=True)
class Conflict:
    """One conflict block: where it starts, the two sides' names and their first differing lines."""

    line: int  # 1-based line of the <<<<<<< marker
    end_line: int | None  # 1-based line of the >>>>>>> marker, None when it is missing
    ours: str  # the name after <<<<<<< (HEAD in a merge), or ""
    theirs: str  # the name after >>>>>>> (the merged branch), or ""
    ours_line: str | None  # the first line where the sides differ, None when that side has no more lines
    theirs_line: str | None


def find(text: str) -> list[Conflict]:
    """Every conflict block of ``text``, in order; empty when there is none (the common case, one regex)."""
    if not (text.startswith("<<<<<<<") or "\n<<<<<<<" in text):  # a plain substring search: fast
        return []
    found = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        start = _marker(lines[index])
        if start is None or start[0] != "<":
            index += 1
            continue
        begin, ours_name = index, start[1]
        sides: dict[str, list[str]] = {"ours": [], "base": [], "theirs": []}
        side, theirs_name, end = "ours", "", None
        index += 1
        while index < len(lines):
            marker = _marker(lines[index])
            if marker is not None and marker[0] == "|" and side == "ours":
                side = "base"
            elif marker is not None and marker[0] == "=" and side in ("ours", "base"):
                side = "theirs"
            elif marker is not None and marker[0] == ">" and side == "theirs":
                theirs_name, end = marker[1], index
                break
            elif marker is not None and marker[0] == "<":
                break  # a new conflict starts: this one was left without its end
            else:
                sides[side].append(lines[index].rstrip("\r"))
            index += 1
        ours_line, theirs_line = _first_difference(sides["ours"], sides["theirs"])
        found.append(
            Conflict(
                begin + 1,
                None if end is None else end + 1,
                ours_name,
                theirs_name,
                ours_line,
                theirs_line,
            )
        )
        if end is not None:
            index = end + 1
    return found


def sides(text: str) -> tuple[str, str, str, str] | None:
    """(ours' text, theirs' text, ours' name, theirs' name): each conflict resolved to one side (the
    base section of a diff3 conflict dropped); None when a conflict is left without its end."""
    conflicts = find(text)
    if any(c.end_line is None for c in conflicts):
        return None
    lines = text.splitlines(keepends=True)
    ours: list[str] = []
    theirs: list[str] = []
    index = 0
    for conflict in conflicts:
        start, end = conflict.line - 1, (conflict.end_line or 0) - 1
        ours += lines[index:start]
        theirs += lines[index:start]
        side = ours
        for line in lines[start + 1 : end]:
            marker = _marker(line.rstrip("\n"))
            if marker is not None and marker[0] == "|":
                side = []  # the base, in neither side
            elif marker is not None and marker[0] == "=" and side is not theirs:
                side = theirs
            else:
                side.append(line)
        index = end + 1
    ours += lines[index:]
    theirs += lines[index:]
    names = (conflicts[0].ours, conflicts[0].theirs) if conflicts else ("", "")
    return "".join(ours), "".join(theirs), *names


def _marker(line: str) -> tuple[str, str] | None:
    """(marker character, the name after it) when ``line`` is a conflict marker line."""
    match = _MARKER.match(line)
    if match is None:
        return None
    return match.group(1)[0], (match.group(2) or "").strip()


def _first_difference(ours: list[str], theirs: list[str]) -> tuple[str | None, str | None]:
    for mine, other in zip(ours, theirs, strict=False):
        if mine.strip() != other.strip():
            return mine, other
    shorter = min(len(ours), len(theirs))
    return (
        ours[shorter] if shorter < len(ours) else None,
        theirs[shorter] if shorter < len(theirs) else None,
    )


def _quote(line: str | None) -> Message:
    if line is None or not line.strip():
        return say("conflict.nothing")
    text = one_line(line.strip())
    return say("conflict.quoted", text=text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…")


def problems(text: str, name: str) -> list[Problem]:
    """An error at each conflict's ``<<<<<<<`` line, saying what each side holds and how to resolve it."""
    found = []
    for conflict in find(text):
        ours = conflict.ours or say("conflict.one_side")
        theirs = conflict.theirs or say("conflict.other_side")
        message = say(
            "conflict.unresolved",
            ours=ours,
            ours_line=_quote(conflict.ours_line),
            theirs=theirs,
            theirs_line=_quote(conflict.theirs_line),
        )
        file = shell_word(name)
        if conflict.end_line:
            hint = say(
                "conflict.hint_lines", first=conflict.line, last=conflict.end_line, file=file, ours=ours, theirs=theirs
            )
        else:
            hint = say("conflict.hint", file=file, ours=ours, theirs=theirs)
        found.append(Problem.of(name, conflict.line, 1, ERROR, message, hint))
    return found
