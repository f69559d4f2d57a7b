"""The client workbook: written with openpyxl (export, sheet, styles, one builder per sheet: summary_sheet,
action_sheet, kpi_sheet, register_sheets; rows, hidden_sheet, identity, overwrite; spec for the shape) and
read back with python-calamine (book, cells, sheet_xml), merged three ways (merge, action/log/measurement
merges, merge_words) by the importer."""

import os

# openpyxl switches to lxml whenever lxml is installed, and python-pptx / python-docx (the deck and the
# canvas) bring it: then it writes an uncomputed formula as <v></v>, raises lxml's own error on a full
# disk, and reads some foreign parts differently. The workbook keeps the writer it was built and
# tested with, whatever else is installed (set before openpyxl is first imported; a caller's own
# setting wins).
os.environ.setdefault("OPENPYXL_LXML", "False")
