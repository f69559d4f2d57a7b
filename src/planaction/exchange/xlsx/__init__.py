"""The client workbook: written with openpyxl (spec, export, rows, hidden_sheet, identity, overwrite) and read
back with python-calamine (book, cells, sheet_xml), merged three ways (merge, action/log/measurement merges,
merge_words) by the importer."""
