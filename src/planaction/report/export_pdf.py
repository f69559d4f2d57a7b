"""The ``.pdf`` export format: the one-page report (``export_html.page``) printed by headless Chromium.

Why Chromium rather than WeasyPrint: it is the engine the HTML page is checked against (the tests
take its screenshot), so the PDF is that page and not a second rendering of it; it draws the
inline SVG charts and the ``@page`` margin boxes (the footer on every page); it is a system
package CI already installs (``.ci/run``) where WeasyPrint would add pango and a dozen Python
packages, for a slower start. Chromium is looked for as ``$PLANACTION_CHROMIUM``, then
``chromium``, ``chromium-browser``, ``google-chrome`` on the PATH; without it the export stops
with a message saying what to install, and writes nothing.

Chromium runs with a profile of its own in a temporary folder (two exports at once do not share
one), no network, no sandbox (it refuses to start as root otherwise; the page has no script and
fetches nothing: its Content-Security-Policy says so), and a time limit. The PDF is written
atomically beside nothing else: a reader sees the old file or the new one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from planaction.store import SaveError
from planaction.store.atomic import write_atomic
from planaction.words.onepage import say

if TYPE_CHECKING:
    from planaction.exchange.formats import ExportRequest

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 60  # seconds: a cold Chromium prints the page in one or two


def chromium() -> str | None:
    """The Chromium program to print with, or None."""
    given = os.environ.get("PLANACTION_CHROMIUM")
    if given:
        return shutil.which(given)
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def print_pdf(page: str, name: str, lang: str) -> bytes:
    """The PDF of the HTML ``page``; ``SaveError`` saying what to do when Chromium is missing or fails."""
    program = chromium()
    if program is None:
        raise SaveError(say("no_chromium", lang, name=name))
    with tempfile.TemporaryDirectory(prefix="planaction-pdf-") as folder:
        source, target = Path(folder) / "page.html", Path(folder) / "page.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-extensions",
            "--disable-sync",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT, check=False, cwd=folder
            )
        except subprocess.TimeoutExpired:
            raise SaveError(
                say("chromium_failed", lang, name=name, reason=say("chromium_timeout", lang, seconds=TIMEOUT))
            ) from None
        except OSError as exc:
            raise SaveError(say("chromium_failed", lang, name=name, reason=exc.strerror or exc)) from None
        data = target.read_bytes() if target.is_file() else b""
        if not data.startswith(b"%PDF"):
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = said[-1] if said else f"exit {done.returncode}"
            raise SaveError(say("chromium_failed", lang, name=name, reason=reason))
        return data


def write(request: ExportRequest) -> Path:
    from planaction.report.export_html import page

    data = print_pdf(page(request), request.output.name, request.lang)
    write_atomic(request.output, data)
    return request.output
