"""The ``.json`` export format: the steering report as JSON, as ``planaction report --format json`` prints it
(see ``report.files``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planaction.report import files

if TYPE_CHECKING:
    from planaction.exchange.formats import ExportRequest


def write(request: ExportRequest) -> Path:
    return files.write(request, "json")
