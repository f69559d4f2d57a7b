"""Faces that exchange plans with other programs: the export formats (``formats``), the client workbook (XLSX)
and the calendar (ICS). Only this package imports openpyxl. Words come from ``words/exchange.py``."""
