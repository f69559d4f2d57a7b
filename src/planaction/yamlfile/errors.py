"""Explaining what in a YAML text a person must be told about, where it is.

Two jobs, both about the text rather than the plan: refusing characters that
make a file read differently from how it looks (line breaks only YAML sees),
and turning libyaml's syntax errors into a place to look and a thing to do.
"""

from __future__ import annotations

import re
from typing import Any

from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import ScalarEvent
from ruamel.yaml.reader import ReaderError

from planaction.message import Message, Spoken, say


class YamlProblem(Spoken, Exception):
    """A YAML-level problem at a 0-based line and column of the text: what it is and what to do,
    as messages (``message`` and ``hint`` are their English texts)."""

    def __init__(
        self, said: Message, line: int, col: int, hint: Message | None = None, extra: dict[str, Any] | None = None
    ) -> None:
        super().__init__(said, line, col, hint)
        self.said = said
        self.line = line
        self.col = col
        self.hint_said = hint
        self.extra = extra or {}

    def __str__(self) -> str:
        return f"{self.line + 1}:{self.col + 1}: {self.message}"


#: libyaml's words (English, from the C library) -> the code of what to do about them.
_PARSE_HINTS = (
    ("tab", "yaml.hint.tab"),
    ("mapping values are not allowed", "yaml.hint.colon_in_value"),
    ("did not find expected key", "yaml.hint.align_key"),
    ("did not find expected '-' indicator", "yaml.hint.align_item"),
    ("could not find expected ':'", "yaml.hint.key_colon"),
    ("escape", "yaml.hint.backslash"),
    ("hexdecimal number", "yaml.hint.backslash"),
    ("found unexpected end of stream", "yaml.hint.quote_never_closed"),
    ("while scanning a quoted scalar", "yaml.hint.quote_never_closed"),
    ("cannot start any token", "yaml.hint.special_start"),
    ("did not find expected ',' or ']'", "yaml.hint.close_list"),
    ("did not find expected ',' or '}'", "yaml.hint.close_map"),
    ("did not find expected node content", "yaml.hint.value_missing"),
    ("expected <block end>", "yaml.hint.indentation"),
    ("found undefined tag handle", "yaml.hint.tag"),
)

#: What libyaml refuses to read. Compiled where a file has one (``re`` keeps it then): compiling the
#: class costs ~10 ms, at every start of every command otherwise.
_NOT_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index)
    line_start = text.rfind("\n", 0, index) + 1
    return line, index - line_start


def problem_from_yaml_error(exc: YAMLError, text: str) -> YamlProblem:
    """libyaml's error as a problem at the place a person must look, with what to do.

    libyaml reports where it gave up, which is often not where the slip is: a
    no-break space or a byte order mark at the start of a line reads as text
    and fails a line or two later; a quote left open reads everything up to
    the next quote, or the end of the file, as its text. Those are found and
    reported where they are.
    """
    if isinstance(exc, ReaderError):
        match = re.search(_NOT_PRINTABLE, text)
        index = match.start() if match else 0
        line, col = line_col(text, index)
        char = text[index] if match else "?"
        return YamlProblem(say("yaml.bad_char", code=f"{ord(char):04X}"), line, col, say("yaml.bad_char.hint"))
    if isinstance(exc, MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        found = _odd_space_at_line_start(text, mark.line) or _quote_closed_too_late(text, mark.line)
        if found is not None:
            return found
        problem = exc.problem or "invalid YAML"
        context = exc.context
        message = say("yaml.syntax", problem=problem)
        line, col = mark.line, mark.column
        if context and exc.context_mark is not None:
            cm = exc.context_mark
            message = say("yaml.syntax_context", problem=problem, context=context, at=f"{cm.line + 1}:{cm.column + 1}")
            if context == "while scanning a quoted scalar" and "end of stream" in problem:
                line, col = cm.line, cm.column  # the quote that never closes, as the hint says
        haystack = f"{problem} {context or ''}"
        hint = next((h for needle, h in _PARSE_HINTS if needle in haystack), "yaml.hint.fix_here")
        return YamlProblem(message, line, col, say(hint))
    return YamlProblem(say("yaml.syntax", problem=str(exc)), 0, 0, say("yaml.hint.fix"))


#: Characters that look like spaces (or nothing) at the start of a line but are text to YAML.
_ODD_SPACES = {
    "\u00a0": "yaml.char.nbsp",
    "\u202f": "yaml.char.narrow_nbsp",
    "\u2007": "yaml.char.figure_space",
    "\u3000": "yaml.char.ideographic_space",
    "\ufeff": "yaml.char.bom",
}
_ODD_INDENT = re.compile("^[ \t]*([\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff])", re.MULTILINE)
#: How many lines above an error a character at a line's start may have caused it.
_LOOK_BACK_LINES = 3


def _odd_space_at_line_start(text: str, error_line: int) -> YamlProblem | None:
    """A space YAML does not take for one (a no-break space from a word processor), or a byte order
    mark left by joining two files, in the indentation of the error's line or of the lines above it."""
    lines = text.split("\n", error_line + 1)[: error_line + 1]
    for number in range(max(0, error_line - _LOOK_BACK_LINES), min(error_line + 1, len(lines))):
        match = _ODD_INDENT.match(lines[number])
        if match is None:
            continue
        char = match.group(1)
        what = say(_ODD_SPACES[char]) if char in _ODD_SPACES else say("yaml.char.space", code=f"{ord(char):04X}")
        if char == "\ufeff":
            message, hint = say("yaml.bom_inside", what=what), say("yaml.bom_inside.hint")
        else:
            message, hint = say("yaml.odd_indent", what=what), say("yaml.odd_indent.hint")
        return YamlProblem(message, number, match.start(1), hint)
    return None


_LOOKS_LIKE_A_KEY = re.compile(r"\n[ \t]*(?:- |[^\s:#'\"][^:\n]*:(?: |\n|$))")


def _quote_closed_too_late(text: str, error_line: int) -> YamlProblem | None:
    """A quote left open reads the lines below it as its text up to the next quote, and the error
    comes after that one: the quoted text just before the error spans lines that look like keys."""
    parser = CParser(text)
    last = None
    try:
        while parser.check_event():
            event = parser.get_event()
            if event.__class__ is ScalarEvent and event.style in ("'", '"'):
                last = event
    except YAMLError:
        pass
    if last is None or last.start_mark.line == last.end_mark.line:
        return None
    if not last.end_mark.line <= error_line <= last.end_mark.line + 1:
        return None
    if not _LOOKS_LIKE_A_KEY.search(text, last.start_mark.index, last.end_mark.index):
        return None
    start = last.start_mark
    return YamlProblem(
        say("yaml.quote_closed_late", line=last.end_mark.line + 1),
        start.line,
        start.column,
        say("yaml.quote_closed_late.hint"),
    )


#: What libyaml (YAML 1.1) takes for a line break and git, diff tools and most editors do not.
_UNUSUAL_BREAKS = {
    "\x85": "yaml.char.nel",
    "\u2028": "yaml.char.line_separator",
    "\u2029": "yaml.char.paragraph_separator",
}
_LONE_CR = re.compile("\r(?!\n)")


def refuse_unusual_line_breaks(text: str) -> None:
    """Refuse, where it first is, a character libyaml reads as a line break and editors do not.

    libyaml ends lines at LF, CRLF, a lone CR, NEL, LS and PS, even inside a
    comment or quotes; git, diff tools and most editors end them at LF and CRLF
    only. A file holding one of the others reads differently from how it looks
    (``status: todo  # note<LS>progress: 100`` sets a progress nobody sees, a
    quoted NEL reads as a space) and its lines are numbered differently by
    planaction and by everyone else, so that a save would patch the wrong place.
    They are refused rather than handled: nothing a person edits produces them
    (planaction writes them escaped in double quotes), and the fix is one edit.
    Counting characters costs a millisecond on a 5 MB plan; the location is
    only searched for when there is one.
    """
    found = [(index, char) for char in _UNUSUAL_BREAKS if (index := text.find(char)) >= 0]
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        match = _LONE_CR.search(text)
        assert match is not None
        found.append((match.start(), "\r"))
    if not found:
        return
    index, char = min(found)
    line, col = line_col(text, index)
    what = say("yaml.char.lone_cr" if char == "\r" else _UNUSUAL_BREAKS[char])
    if char == "\r":
        hint = say("yaml.unusual_break.hint_cr")
    else:
        hint = say("yaml.unusual_break.hint", code=f"{ord(char):04X}")
    raise YamlProblem(say("yaml.unusual_break", what=what), line, col, hint)
