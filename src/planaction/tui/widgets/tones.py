"""How a panel colours and joins what ``views`` computed: RAG tones, sparklines, lines of plain text.

Shared by the detail pane, the dashboard, the timeline, the tree and the register tables; plan
text always goes in as plain text (never markup), and a colour always sits beside a word or symbol.
"""

from __future__ import annotations

from textual.content import Content

from planaction.core.model import Rag
from planaction.words.labels import rag_symbol
from planaction.words.safetext import printable

TONES = {Rag.GREEN: "$success", Rag.AMBER: "$warning", Rag.RED: "$error", None: "$text-muted"}
SPARKS = "▁▂▃▄▅▆▇█"


def tone(rag: Rag | None) -> str:
    return TONES.get(rag, "$text-muted")


def rag_text(rag: Rag | None, text: str) -> Content:
    return Content.styled(f"{rag_symbol(rag)} {printable(text)}", f"bold {tone(rag)}")


def sparkline(values: tuple[float, ...]) -> str:
    if len(values) < 2:
        return ""
    scale = max(abs(v) for v in values) or 1.0  # scaled first: high - low of huge figures overflows
    scaled = [v / scale for v in values]
    low, high = min(scaled), max(scaled)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in scaled[-12:])


def lines(*parts: Content | str) -> Content:
    """Join pieces with line breaks; plain strings are plan text, shown literally."""
    pieces = [p if isinstance(p, Content) else Content(printable(p)) for p in parts]
    return Content("\n").join(pieces)
