"""The steering report as a file: what the ``.md`` and ``.json`` export formats write.

``exchange.formats`` names ``report.export_markdown`` and ``report.export_json`` by module name and
imports them only when asked: the report and the exchange stay on one floor and know nothing of each
other (``lint-imports``); the registry is where they meet. The file is written atomically, as a plan
is: a reader sees the old file or the new one, never half of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planaction.report import build, renderers
from planaction.store.atomic import write_atomic

if TYPE_CHECKING:
    from planaction.exchange.formats import ExportRequest


def write(request: ExportRequest, fmt: str) -> Path:
    """Build the plan's report for ``request`` and write it in ``fmt`` (a name in ``renderers.RENDERERS``)."""
    report = build.for_request(request)
    text = renderers.render(report, fmt)
    if not text.endswith("\n"):  # a text file ends with a line break, as ``planaction report`` prints it
        text += "\n"
    write_atomic(request.output, text.encode("utf-8"))
    return request.output
