"""The ``.html`` export format: the one-page steering report (``report/html.py``) as a file.

``page(request)`` is also what the ``.pdf`` format prints, so that the PDF is this page, not a
second layout. The file is written atomically, as every export is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planaction.store import SaveError
from planaction.store.atomic import write_atomic

if TYPE_CHECKING:
    from planaction.exchange.formats import ExportRequest


def page(request: ExportRequest) -> str:
    """The page for ``request``: its options (since, filter, branding, history) applied."""
    from planaction.report import build, html

    report = build.for_request(request)
    brand = request.brand()
    try:
        return html.page_html(
            report,
            client=brand.client,
            consultancy=brand.consultancy,
            logo=brand.logo,
            history=request.history,
            past=request.past,
            past_since=request.since[0] if request.since is not None else None,
            past_tags=request.past_tags,
        )
    except html.LogoError as exc:
        raise SaveError(str(exc)) from None


def write(request: ExportRequest) -> Path:
    write_atomic(request.output, page(request).encode("utf-8"))
    return request.output
