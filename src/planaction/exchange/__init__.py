"""Faces that exchange plans with other programs: the client workbook (XLSX). Only this package imports openpyxl."""
