"""The words of exports and imports: format names and what the exchange says to people."""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "exchange",
    {
        "format_xlsx": ("classeur Excel (.xlsx)", "Excel workbook (.xlsx)"),
        "format_md": ("rapport de pilotage en Markdown (.md)", "steering report in Markdown (.md)"),
        "format_json": ("rapport de pilotage en JSON (.json)", "steering report as JSON (.json)"),
    },
)
