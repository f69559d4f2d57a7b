"""``planaction export PLAN -o FILE.pdf``: the one-page report printed by headless Chromium, read back by
pdftotext and pdfinfo (poppler), and what happens without Chromium: a message saying what to install,
exit 1, no file written and none damaged, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import PLANS, run_cli
from tests.export_page import chromium, pdf_pages, pdftotext

TODAY = "2026-10-15"


def test_the_onboarding_plan_prints_on_one_a4_page(tmp_path: Path) -> None:
    chromium()
    target = tmp_path / "onboarding.pdf"
    done = run_cli(
        "export", PLANS / "onboarding-client.yaml", "-o", target, "--today", TODAY,
        "--client", "Mutuelle Horizon", "--consultancy", "Cabinet Martin Conseil",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert target.read_bytes()[:5] == b"%PDF-"
    assert pdf_pages(target) == 1
    text = " ".join(pdftotext(target).replace("\xa0", " ").replace("\u202f", " ").split())
    for expected in (
        "Plan d'intégration client — Mutuelle Horizon",
        "MÉTÉO DU PLAN",  # headings are upper case in print (CSS), the words are the page's
        "88 %",
        "A12 Publier le rapport valeur mensuel",
        "R1 Sponsor peu",  # the risk's title wraps in its column
        "aujourd'hui 15/10/2026",
        "Total 123 700 € par an",
        "Client : Mutuelle Horizon",
        "Cabinet Martin Conseil · Mutuelle Horizon",  # the footer, printed in the page's margin
    ):
        assert expected in text, expected
    assert re.search(r"\b1 ?/ ?1\b", text)  # page 1 of 1, in the footer


def test_the_essms_plan_in_english(tmp_path: Path) -> None:
    chromium()
    target = tmp_path / "essms.pdf"
    done = run_cli("export", PLANS / "essms-qualite.yaml", "-o", target, "--today", TODAY, "--lang", "en")
    assert done.returncode == 0, done.stderr
    text = pdftotext(target)
    assert "PLAN RAG" in text and "OPEN ACTIONS" in text and "Made on 2026-10-15 with planaction" in text
    assert "Météo" not in text


def test_without_chromium_the_export_says_what_to_install(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the client's copy")
    done = run_cli(
        "export", PLANS / "onboarding-client.yaml", "-o", target,
        env={"PLANACTION_CHROMIUM": str(tmp_path / "no-such-chromium"), "PLANACTION_LANG": "en"},
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "apt-get install chromium" in done.stderr and "PLANACTION_CHROMIUM" in done.stderr
    assert target.read_bytes() == b"the client's copy"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]  # no temporary file left


def test_a_chromium_that_fails_is_reported_not_raised(tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    target = tmp_path / "report.pdf"
    done = run_cli(
        "export", PLANS / "onboarding-client.yaml", "-o", target, "--lang", "en",
        env={"PLANACTION_CHROMIUM": str(fake)},
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot open display" in done.stderr and not target.exists()
    assert shutil.which(str(fake))
