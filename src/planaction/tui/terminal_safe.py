"""The app's last line of defence: no control character from a plan reaches the terminal.

Widgets show plan text through ``safetext.printable`` already, but some draw
what they are given (an Input's value, a TextArea, the palette, a toast), and
the next widget may forget. A line filter sees every segment Textual writes,
whatever widget made it, so one mechanism covers them all: escape, OSC, C1 and
bidi characters are replaced by marks of the same width (zero-width ones are
dropped), which keeps every line exactly as wide as Textual laid it out.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from planaction.words.safetext import CONTROL_CHARACTERS


@lru_cache(maxsize=256)
def _mark(character: str) -> str:
    return "\ufffd" * cell_len(character)


def _replace(match) -> str:
    return _mark(match.group())


class PrintableFilter(LineFilter):
    """Replaces control characters in the text of every segment (styles and control codes untouched)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        search = CONTROL_CHARACTERS.search
        if not any(not segment.control and search(segment.text) for segment in segments):
            return segments
        sub = CONTROL_CHARACTERS.sub
        return [
            segment
            if segment.control or not search(segment.text)
            else Segment(sub(_replace, segment.text), segment.style)
            for segment in segments
        ]
