"""The one-page report with what git knows of the plan, on real repositories: ``export --baseline REV``
gives the open actions their due date at the baseline, the days they slipped and how often they were
re-planned; ``--tags``/``--since`` add the history across committees (burn-up and RAG trail). Read
back with html.parser, printed by Chromium on one A4 page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import PLANS, run_cli
from tests.export_page import chromium, pdf_pages, pdftotext, read_page
from tests.merge_helpers import cli
from tests.test_baseline import _commit, _repo
from tests.test_history import repo  # noqa: F401  (the fixture: support-it.yaml at three committees)

OPEN_FR = "Actions ouvertes"


def _open_rows(page_path: Path) -> dict[str, list[str]]:
    page = read_page(page_path)
    [heading] = [h for h in page.rows if h.startswith(OPEN_FR) or h.startswith("Open actions")]
    rows = page.rows[heading]
    return {"head": rows[0], **{row[1].split()[0]: row for row in rows[1:]}}


def test_baseline_columns_say_the_due_date_then_the_slip_and_the_replannings(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    _commit(folder, "due: 2025-06-15", "due: 2025-06-20", "A2 glisse")
    _commit(folder, "due: 2025-06-20", "due: 2025-06-30", "A2 glisse encore")
    done = cli(
        "export", "plans/plan.yaml", "-o", "page.html", "--baseline", "comite-mai", "--today", "2025-05-12",
        "--lang", "fr", cwd=folder,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = _open_rows(folder / "page.html")
    head = rows["head"]
    assert head[3:7] == ["Quand", "Échéance à la réf.", "Glissement", "Replanifiée"]
    assert rows["A2"][3:7] == ["30/06/2025", "15/06/2025", "+15 j", "2"]
    assert rows["A1"][5:7] == ["0", "0"]
    # the same figures as report --baseline's JSON: one reading of the history for both
    english = cli(
        "export", "plans/plan.yaml", "-o", "en.html", "--baseline", "comite-mai", "--today", "2025-05-12",
        "--lang", "en", cwd=folder,
    )  # fmt: skip
    assert english.returncode == 0, english.stderr
    rows = _open_rows(folder / "en.html")
    assert rows["head"][4:7] == ["Baseline due", "Slipped", "Re-planned"]
    assert rows["A2"][5] == "+15 d"
    # the report's own files say it too, as report --baseline does
    as_json = cli(
        "export", "plans/plan.yaml", "-o", "report.json", "--baseline", "comite-mai", "--today", "2025-05-12",
        cwd=folder,
    )  # fmt: skip
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    a2 = next(a for a in data["open_actions"] if a["id"] == "A2")
    assert (data["baseline"], a2["baseline_due"], a2["slipped_days"], a2["replanned"]) == (
        "comite-mai", "2025-06-15", 15, 2,
    )  # fmt: skip


def test_without_baseline_the_table_is_unchanged_and_a_bad_baseline_is_said(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    assert cli("export", "plans/plan.yaml", "-o", "page.html", "--lang", "fr", cwd=folder).returncode == 0
    assert _open_rows(folder / "page.html")["head"][4] == "Statut"
    bad = cli("export", "plans/plan.yaml", "-o", "bad.html", "--baseline", "no-such-tag", cwd=folder)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "no-such-tag" in bad.stderr
    assert not (folder / "bad.html").exists()


def test_tags_add_the_history_across_committees(repo: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "page.html"
    done = run_cli("export", repo / "support-it.yaml", "-o", target, "--tags", "copil-*", "--today", "2025-05-20")
    assert done.returncode == 0, done.stderr
    page = read_page(target)
    section = page.sections["Au fil des comités"]
    assert "3 comités (copil-*) du 05/05/2025 au 19/05/2025" in section
    assert "Burn-up : périmètre et actions faites" in section
    # the RAG trail: one badge a committee, its symbol and its date (it reads printed in black and white)
    for day in ("05/05/2025", "12/05/2025", "19/05/2025"):
        assert day in section
    html_text = target.read_text(encoding="utf-8")
    assert html_text.count('class="step"') == 3
    assert html_text.count("<svg") >= 1 and 'id="chart-burnup"' in html_text
    assert "<script" not in html_text


def test_since_adds_the_history_since_that_revision(repo: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "page.html"
    done = run_cli("export", repo / "support-it.yaml", "-o", target, "--since", "copil-2", "--lang", "en")
    assert done.returncode == 0, done.stderr
    section = read_page(target).sections["Across committees"]
    assert "2 points from 12/05/2025 to 19/05/2025, since copil-2" in section or "since copil-2" in section


def test_a_plan_outside_git_leaves_the_history_out_without_error(tmp_path: Path) -> None:
    alone = tmp_path / "alone.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", alone)
    target = tmp_path / "page.html"
    done = run_cli("export", alone, "-o", target, "--tags", "copil-*")
    assert done.returncode == 0, done.stderr
    assert "Au fil des comités" not in read_page(target).sections
    assert 'class="step"' not in target.read_text(encoding="utf-8")


def test_baseline_and_history_still_print_on_one_a4_page(repo: Path, tmp_path: Path) -> None:  # noqa: F811
    chromium()
    plan = repo / "support-it.yaml"
    assert run_cli("set", plan, "A4", "due=2025-06-30", "--today", "2025-05-20").returncode == 0
    target = tmp_path / "page.pdf"
    done = run_cli(
        "export", plan, "-o", target, "--baseline", "copil-1", "--tags", "copil-*", "--since", "copil-2",
        "--today", "2025-05-20", "--client", "Mutuelle Horizon", "--consultancy", "Cabinet Martin Conseil",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert pdf_pages(target) == 1
    text = " ".join(pdftotext(target).replace("\xa0", " ").replace("\u202f", " ").split())
    assert "AU FIL DES COMITÉS" in text and "Glissement" in text
