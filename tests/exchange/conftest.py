"""Helpers for workbook tests: export a plan, edit the workbook as a client would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PLANS, run_cli

TODAY = "2025-05-12"


@pytest.fixture
def exported(tmp_path: Path):
    """Copy a plan and export it; returns (plan path, workbook path)."""

    def make(name: str = "support-it.yaml", *extra: str) -> tuple[Path, Path]:
        plan = tmp_path / name
        shutil.copyfile(PLANS / name, plan)
        done = run_cli("export", plan, "--today", TODAY, *extra)
        assert done.returncode == 0, done.stderr
        return plan, Path(done.stdout.strip())

    return make


def edit_workbook(
    book: Path,
    edits: dict[str, dict[str, object]],
    *,
    append: dict[str, list[list[object]]] | None = None,
    target: Path | None = None,
) -> Path:
    """Change cells (sheet -> {cell: value}) and append rows, as a client would."""
    workbook = openpyxl.load_workbook(book)
    for sheet, cells in edits.items():
        for ref, value in cells.items():
            workbook[sheet][ref] = value
    for sheet, rows in (append or {}).items():
        ws = workbook[sheet]
        for row in rows:
            ws.append(row)
    out = target or book
    workbook.save(out)
    return out


def soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("PLANACTION_REQUIRE_SOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) is required here: apt-get install libreoffice-calc-nogui")
    return found


def convert_with_libreoffice(book: Path | list[Path], out_dir: Path, target: str) -> None:
    """Have LibreOffice open the workbook (or each of a list, in one run) and write it as ``target``
    (a --convert-to filter) in ``out_dir``."""
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, book if isinstance(book, list) else [book]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def resave_with_libreoffice(book: Path, out_dir: Path) -> Path:
    """Open and save the workbook with LibreOffice, as a client's spreadsheet would."""
    convert_with_libreoffice(book, out_dir, "xlsx")
    result = out_dir / book.name
    assert result.exists()
    return result
