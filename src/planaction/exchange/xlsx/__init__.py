"""The client workbook: written with openpyxl (export, sheet, styles, one builder per sheet: summary_sheet,
action_sheet, kpi_sheet, register_sheets; rows, hidden_sheet, identity, overwrite; spec for the shape) and
read back with python-calamine (book, cells, sheet_xml), merged three ways (merge, action/log/measurement
merges, merge_words) by the importer."""

# openpyxl's first import is shaped here (its writer, what it skips): before any module below imports it.
from planaction.exchange.xlsx import openpyxl_import as _openpyxl_import  # noqa: F401
