"""The export formats: one entry each, chosen by the output file's suffix.

``planaction export PLAN -o FILE.<suffix>`` and the app's export both go
through ``export``; a new format is one module with a ``write(request)``
function plus one line in ``FORMATS`` (and its name in ``words/exchange.py``).
Modules are imported only when their format is asked for, so that a command
that exports nothing never pays for openpyxl.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planaction.words.exchange import say

if TYPE_CHECKING:
    from planaction.core.model import Plan
    from planaction.core.slippage import Slip
    from planaction.present.action_rows import RowFilter
    from planaction.present.history import History


@dataclass(frozen=True)
class Branding:
    """Who a deliverable is for and who made it, for its header and footer: the plan's ``branding:``
    with what the command line gave laid over it (``ExportRequest.brand``). Empty: nothing shown."""

    client: str = ""
    consultancy: str = ""
    logo: Path | None = None  # an image file (PNG, JPEG, SVG), already resolved against the plan's folder

    def over(self, below: Branding) -> Branding:
        """This branding, each empty field taken from ``below``."""
        return Branding(self.client or below.client, self.consultancy or below.consultancy, self.logo or below.logo)


@dataclass(frozen=True)
class ExportRequest:
    """What every format is given: the plan, where it comes from, where to write, for when and whom.

    The fields after ``replace`` are the options every format honours (``planaction export``'s
    ``--since``, ``--owner``/``--status``/``--imperative``/``--stream``, ``--client``/``--consultancy``/``--logo``);
    their defaults change nothing, so a format that ignores them still writes what it wrote before.
    """

    plan: Plan
    plan_id: str
    plan_path: Path
    output: Path
    today: dt.date
    lang: str
    replace: bool = False  # write over a file that changed since planaction wrote it
    # (revision, the plan at that revision): "what changed since the last committee"; None: not asked
    since: tuple[str, Plan] | None = None
    # the filter of the action tables (present.action_rows.RowFilter: owner, status, imperative, stream);
    # None: every action. Figures (RAG, progress, KPIs) stay those of the whole plan.
    rows: RowFilter | None = None
    # what the command line says of the client, the consultancy and the logo; ``brand()`` adds the plan's own
    branding: Branding | None = None
    # the plan's overall progress (0-100) at earlier dates, oldest first, when git knows them (``--since``)
    history: tuple[tuple[dt.date, float], ...] = ()
    # (revision, each action's core.slippage.Slip by id): the open actions' slippage since ``--baseline``
    baseline: tuple[str, dict[str, Slip]] | None = None
    # the plan's history across committees (``--since REV`` or ``--tags PATTERN``): None outside git or not asked
    past: History | None = None
    past_tags: str | None = None  # the committees' tag pattern the history was read at, if any

    def brand(self) -> Branding:
        """The branding to show: the command line's, else the plan's ``branding:`` (its logo read
        against the plan's folder)."""
        given = self.branding or Branding()
        own = self.plan.branding
        if own is None:
            return given
        logo = (self.plan_path.parent / own.logo) if own.logo else None
        return given.over(Branding(own.client or "", own.consultancy or "", logo))


@dataclass(frozen=True)
class ExportFormat:
    suffix: str  # with its dot, lower case
    name_key: str  # its name for people, in ``words/exchange.py``
    module: str  # the module whose ``write(request) -> Path`` writes it

    def write(self, request: ExportRequest) -> Path:
        return importlib.import_module(self.module).write(request)

    def name(self, lang: str) -> str:
        """What people call it, in ``lang``."""
        return say(self.name_key, lang)


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(".xlsx", "format_xlsx", "planaction.exchange.xlsx.export"),
    # the QBR deck and the Word canvas (python-pptx, python-docx: imported only when asked for)
    ExportFormat(".pptx", "format_pptx", "planaction.report.export_pptx"),
    ExportFormat(".docx", "format_docx", "planaction.report.export_docx"),
    # the steering report as a file; report/ and exchange/ meet here only, by module name
    ExportFormat(".md", "format_md", "planaction.report.export_markdown"),
    ExportFormat(".json", "format_json", "planaction.report.export_json"),
    ExportFormat(".html", "format_html", "planaction.report.export_html"),
    ExportFormat(".pdf", "format_pdf", "planaction.report.export_pdf"),
)

#: The format ``export`` writes when no output is named.
DEFAULT = FORMATS[0]


def format_for(path: Path) -> ExportFormat | None:
    """The format whose suffix ``path`` ends in, or None."""
    suffix = path.suffix.lower()
    return next((fmt for fmt in FORMATS if fmt.suffix == suffix), None)


def suffixes() -> list[str]:
    return [fmt.suffix for fmt in FORMATS]


def default_path(plan_path: Path, fmt: ExportFormat = DEFAULT) -> Path:
    """Beside the plan, with the format's suffix: the name the app and the CLI propose."""
    return plan_path.with_suffix(fmt.suffix)
