"""Readers for the one-page report's tests: the HTML as html.parser reads it, as Chromium renders it, and
the PDF as pdftotext reads it. Independent of planaction's own code: a page is judged by what a reader
gets from the file.

Without Chromium (or pdftotext) the tests that need it are skipped, unless
``PLANACTION_REQUIRE_CHROMIUM=1`` (CI sets it in ``.ci/run``), which makes them fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest


@dataclass
class Page:
    """What html.parser finds: every start tag with its attributes, the text, the text under each h2."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[list[str]]] = field(default_factory=dict)  # the table rows under each h2
    lang: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.parts: list[str] = []
        self.heading: str | None = None
        self.in_h2 = False
        self.h2_text: list[str] = []
        self.skip = 0  # inside <style> or <title>
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.page.tags.append((tag, dict(attrs)))
        if tag == "html":
            self.page.lang = dict(attrs).get("lang") or ""
        if tag in ("style", "title", "svg"):
            self.skip += 1
        if tag == "h2":
            self.in_h2, self.h2_text = True, []
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("style", "title", "svg"):
            self.skip -= 1
        if tag == "h2":
            self.in_h2 = False
            self.heading = "".join(self.h2_text).strip()
            self.page.sections[self.heading] = ""
            self.page.rows[self.heading] = []
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        if tag == "tr" and self.row is not None and self.heading is not None:
            self.page.rows[self.heading].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.skip:
            return
        data = data.replace("\xa0", " ").replace("\u202f", " ")  # French figures' (narrow) no-break spaces
        self.parts.append(data)
        if self.in_h2:
            self.h2_text.append(data)
        elif self.heading is not None:
            self.page.sections[self.heading] += data
        if self.cell is not None:
            self.cell.append(data)


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    reader.page.text = "".join(reader.parts)
    return reader.page


def chromium() -> str:
    """The Chromium program, or skip (fail when PLANACTION_REQUIRE_CHROMIUM=1)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("PLANACTION_REQUIRE_CHROMIUM") == "1":
            pytest.fail("Chromium is required here: apt-get install chromium")
        pytest.skip("no Chromium here")
    return found


def _chromium_run(page: Path, tmp: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp / 'chromium-profile'}",
            *flags,
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def rendered_dom(page: Path, tmp: Path) -> str:
    """The DOM as Chromium built it from the file (``--dump-dom``)."""
    done = _chromium_run(page, tmp, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.decode("utf-8")


def screenshot(page: Path, tmp: Path, name: str = "page.png") -> Path:
    """A screenshot of the page at A4 width, kept in ``tmp`` as the test's artefact."""
    target = tmp / name
    done = _chromium_run(page, tmp, "--window-size=800,1130", "--hide-scrollbars", f"--screenshot={target}")
    assert done.returncode == 0 and target.is_file(), done.stderr[-2000:]
    return target


def pdftotext(pdf: Path) -> str:
    """The PDF's text, as poppler's pdftotext lays it out."""
    program = shutil.which("pdftotext")
    if program is None:
        if os.environ.get("PLANACTION_REQUIRE_CHROMIUM") == "1":
            pytest.fail("pdftotext is required here: apt-get install poppler-utils")
        pytest.skip("no pdftotext here")
    done = subprocess.run([program, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def pdf_pages(pdf: Path) -> int:
    """The number of pages, read by pdfinfo."""
    program = shutil.which("pdfinfo")
    if program is None:
        pytest.skip("no pdfinfo here")
    done = subprocess.run([program, str(pdf)], capture_output=True, check=True, timeout=60, text=True)
    return int(next(line.split()[-1] for line in done.stdout.splitlines() if line.startswith("Pages:")))
