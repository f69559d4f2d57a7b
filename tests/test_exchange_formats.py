"""The export-format registry: ``planaction export PLAN -o FILE.<suffix>`` writes the format the suffix names.

Run as a user runs it (the installed command), and the file read back.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from planaction.exchange import formats
from planaction.words.catalog import LANGS
from planaction.words.exchange import say
from tests.conftest import PLANS, run_cli

PLAN = PLANS / "support-it.yaml"


def test_markdown_export_is_the_steering_report(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    done = run_cli("export", PLAN, "-o", out, "--today", "2025-05-12", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("## Optimisation support IT\n")
    assert "### Open actions (3)" in text
    # the same page as `planaction report --format markdown`, byte for byte
    printed = run_cli("report", PLAN, "--format", "markdown", "--today", "2025-05-12", "--lang", "en")
    assert text.replace(str(PLAN), "") == printed.stdout.replace(str(PLAN), "")


def test_json_export_is_the_report_json(tmp_path: Path) -> None:
    out = tmp_path / "report.JSON"  # the suffix is read whatever its case
    done = run_cli("export", PLAN, "-o", out, "--today", "2025-05-12")
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind"] == "plan"
    assert data["id"] == "support-it"
    assert data["title"] == "Optimisation support IT"
    assert data["today"] == "2025-05-12"
    assert [a["id"] for a in data["open_actions"]] == ["A2", "A3", "A4"]


def test_export_replaces_a_report_atomically_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("old report\n", encoding="utf-8")
    done = run_cli("export", PLAN, "-o", out, "--today", "2025-05-12")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("## Optimisation support IT")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_an_unknown_suffix_names_every_format(tmp_path: Path) -> None:
    done = run_cli("export", PLAN, "-o", tmp_path / "out.txt")
    assert done.returncode == 2
    for suffix in (".xlsx", ".md", ".json"):
        assert suffix in done.stderr
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("fmt", formats.FORMATS, ids=lambda f: f.suffix)
def test_every_format_has_a_writer_and_a_name(fmt: formats.ExportFormat) -> None:
    module = importlib.import_module(fmt.module)
    assert callable(getattr(module, "write", None)), f"{fmt.module} has no write(request)"
    assert fmt.name_key in say
    for lang in LANGS:
        assert fmt.suffix in fmt.name(lang)
    assert fmt.suffix == fmt.suffix.lower() and fmt.suffix.startswith(".")
    assert formats.format_for(Path(f"x{fmt.suffix.upper()}")) is fmt


def test_suffixes_are_unique() -> None:
    assert len(set(formats.suffixes())) == len(formats.FORMATS)
