"""What the tests of the client documents share: LibreOffice's PDF of a file, and that PDF's text.

A client prints the deck, the canvas and the workbook; LibreOffice converting each to PDF without
error, and poppler reading the pages back, is that print, independent of the code that wrote them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exchange.conftest import convert_with_libreoffice


def to_pdf(document: Path, out_dir: Path) -> Path:
    """The document printed to PDF by LibreOffice (Impress, Writer or Calc, by its suffix)."""
    convert_with_libreoffice(document, out_dir, "pdf")
    pdf = out_dir / document.with_suffix(".pdf").name
    assert pdf.exists(), f"LibreOffice wrote no PDF for {document.name} (is its Impress / Writer / Calc installed?)"
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it (with the layout kept)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
