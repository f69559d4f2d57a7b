"""What the office documents (the QBR deck, the Word canvas) share: plan text made storable, the RAG
colours, and the atomic write.

Plan text is data: it goes into runs as text (never a field, a formula or markup), and the characters
XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF: lxml refuses them) show as U+FFFD.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planaction.core.model import Rag
from planaction.report import build
from planaction.store.atomic import write_atomic

if TYPE_CHECKING:
    from planaction.exchange.formats import ExportRequest

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: The RAG fills and text colours of the workbook, so that every document a client keeps agrees.
RAG_FILLS = {Rag.GREEN: "C6EFCE", Rag.AMBER: "FFEB9C", Rag.RED: "FFC7CE"}
RAG_FONTS = {Rag.GREEN: "006100", Rag.AMBER: "9C5700", Rag.RED: "9C0006"}
NEUTRAL_FILL, NEUTRAL_FONT = "EDEDED", "404040"
HEADER_FILL, ACCENT = "1F4E78", "1F4E78"
#: Arial: every Office has it, and LibreOffice draws it with Liberation Sans, metric-compatible, so
#: a line breaks at the same word everywhere (Calibri falls back to a wider font without Carlito).
FONT = "Arial"


def text(value: object) -> str:
    """Plan text (or a figure) as an XML run can hold it; line breaks are kept."""
    shown = "" if value is None else str(value)
    return _NOT_IN_XML.sub("\ufffd", shown.replace("\r\n", "\n").replace("\r", "\n"))


def short(value: object, limit: int) -> str:
    """``text`` cut at ``limit`` characters with an ellipsis: a slide or a table cell has no scroll bar."""
    shown = text(value)
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"


def rag_colours(rag: Rag | None) -> tuple[str, str]:
    """(fill, text) hex colours of a RAG cell."""
    if rag is None:
        return NEUTRAL_FILL, NEUTRAL_FONT
    return RAG_FILLS[rag], RAG_FONTS[rag]


def report_for(request: ExportRequest) -> build.PlanReport:
    """The steering report the document shows: the same object every face lays out, with the request's
    options (``build.for_request``)."""
    return build.for_request(request)


def save(request: ExportRequest, document: Any) -> Path:
    """Save a python-pptx or python-docx document atomically: a reader sees the old file or the new one."""
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(request.output, buffer.getvalue())
    return request.output
