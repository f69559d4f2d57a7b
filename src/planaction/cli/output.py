"""Where the commands print: stdout and stderr made safe, and the few ways every command speaks.

Every message, report and reminder quotes plan or workbook text somewhere;
making the streams themselves safe (``PrintableStream``) means no command,
present or future, can let an escape sequence, a C1 control or a bidi override
reach the terminal.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_OVERDUE = 3


class PrintableStream(io.TextIOBase):
    """stdout or stderr for the commands: what they print passes through ``safetext.printable``.

    Rich's colours go to the real stream (``raw``) and the raw bytes that
    ``textconv`` passes to git go to ``buffer``.
    """

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        from planaction.words.safetext import printable

        self.raw.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def buffer(self):
        return self.raw.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.raw.encoding


class ColourStream(PrintableStream):
    """For Rich: its own colour codes (SGR sequences) pass, any other control character is replaced."""

    def write(self, text: str) -> int:
        from planaction.words.safetext import printable

        parts = _SGR.split(text)
        self.raw.write("".join(part if index % 2 else printable(part) for index, part in enumerate(parts)))
        return len(text)


_SGR = re.compile(r"(\x1b\[[0-9;]*m)")


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = saved


def out(text: str) -> None:
    if text:
        print(text)


def tell(message: str) -> None:
    """A one-line message for the person, on stderr: a file name it quotes (which may hold a line
    break, and would then start a line of its own: a GitHub ``::error`` command, say) stays on it."""
    from planaction.words.safetext import one_line

    print(one_line(message), file=sys.stderr)


#: The language of this run's own messages (``options.ui_language``), set once by ``main``.
_language = "en"


def speak(lang: str) -> None:
    """Problems and refusals printed from now on are in ``lang``."""
    global _language
    _language = lang


def said(exc: BaseException) -> str:
    """An exception's message in this run's language (English ``str`` for one that has no other)."""
    text = getattr(exc, "text", None)
    return text(_language) if callable(text) else str(exc)


def refuse(exc: BaseException) -> None:
    """``planaction: message`` for an error raised below, in this run's language, on one line."""
    tell(f"planaction: {said(exc)}")


def complain(message: str) -> None:
    """``planaction: message`` on stderr, as every command refuses something."""
    print(f"planaction: {message}", file=sys.stderr)


def problem(name: str, line: int, col: int, message: str, hint: str | None = None) -> None:
    """A located problem, ``file:line:col: error: message`` as compilers and editors read it."""
    tell(f"{name}:{line}:{col}: error: {message}")
    if hint:
        tell(f"  hint: {hint}")


def problems(found) -> None:
    """Problems of a plan (``words.problems``), on stderr."""
    from planaction.words.problems import render

    print(render(found, "text", _language), file=sys.stderr)


def no_plans(paths: Sequence[str], lang: str) -> None:
    """What every command says of folders that hold no plan (exit 1, as for an invalid plan)."""
    from planaction.words.cli import say

    tell("planaction: " + say("no_plans", lang, paths=", ".join(map(str, paths))))
    tell("  hint: " + say("no_plans_hint", lang))


def json_out(data: object) -> None:
    """Data for programs: plan text stays text, escaped by ``json``, never turned into terminal codes."""
    from planaction.words.safetext import json_text

    print(json_text(data))
