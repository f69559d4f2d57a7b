"""The report's text formats by name: ``planaction report --format NAME``.

A new format is one module with ``render(report) -> str`` and one line in ``RENDERERS``
(and its name in ``cli``'s ``--format`` choices). Rich is not here: it prints to a
terminal (``console.print(report)``), it does not make a string.
"""

from __future__ import annotations

from collections.abc import Callable

from planaction.report import json, markdown, text
from planaction.report.build import Report

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "markdown": markdown.render,
    "json": json.render,
}


def render(report: Report, fmt: str) -> str:
    """The report as text (plain, the default for any unknown name), markdown or json."""
    return RENDERERS.get(fmt, text.render)(report)
