"""The export options the one-page report reads from git and from the plan: ``--since REV`` (what changed
since the last committee, and the progress at each commit since, drawn as a chart) and the plan's
``branding:`` (client, consultancy, a logo beside the plan), which the command line's options override."""

from __future__ import annotations

import base64
import os
import re
import subprocess
from pathlib import Path

from tests.conftest import PLANS, run_cli
from tests.export_page import read_page

TODAY = "2026-10-15"


def git(folder: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_since_adds_what_changed_and_the_progress_history(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    full = (PLANS / "onboarding-client.yaml").read_text(encoding="utf-8")
    git(tmp_path, "init", "-q")
    for step, day in enumerate(("2026-09-01", "2026-09-15", "2026-10-01"), 1):
        early = re.sub(r"progress: (\d+)", lambda m, n=step: f"progress: {int(m.group(1)) * n // 4}", full)
        plan.write_text(early.replace("status: done", "status: in_progress"), encoding="utf-8")
        git(tmp_path, "add", "plan.yaml")
        git(tmp_path, "commit", "-qm", f"v{step}", day=day)
    plan.write_text(full, encoding="utf-8")
    git(tmp_path, "commit", "-qam", "now", day="2026-10-10")
    target = tmp_path / "page.html"
    done = run_cli("export", plan, "-o", target, "--today", TODAY, "--since", "HEAD~3")
    assert done.returncode == 0, done.stderr
    page = read_page(target)
    assert "Avancement dans le temps" in page.sections
    changes = page.sections["Depuis le dernier comité (HEAD~3)"]
    assert "A1 statut : En cours → Terminé" in changes
    svg = target.read_text(encoding="utf-8").split('id="chart-progress"', 1)[1].split("</svg>", 1)[0]
    assert svg.count('class="dot') >= 4  # the four commits' days (and today's, the same figure as the last)
    # a revision git does not know: said, exit 1, nothing written
    bad = run_cli("export", plan, "-o", tmp_path / "bad.html", "--since", "no-such-tag")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "no-such-tag" in bad.stderr
    assert not (tmp_path / "bad.html").exists()


def test_branding_from_the_plan_and_over_it(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    (tmp_path / "brand").mkdir()
    logo = tmp_path / "brand" / "logo.png"
    logo.write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    ))  # fmt: skip
    text = (PLANS / "support-it.yaml").read_text(encoding="utf-8")
    plan.write_text(
        text + "branding:\n  client: Servicia\n  consultancy: Cabinet Martin\n  logo: brand/logo.png\n",
        encoding="utf-8",
    )
    assert run_cli("validate", plan).returncode == 0
    target = tmp_path / "page.html"
    assert run_cli("export", plan, "-o", target, "--today", "2025-05-20").returncode == 0
    page = read_page(target)
    assert "Client : Servicia" in page.text and "Préparé par Cabinet Martin" in page.text
    images = [attrs["src"] for tag, attrs in page.tags if tag == "img"]
    assert images == ["data:image/png;base64," + base64.b64encode(logo.read_bytes()).decode()]
    # the command line's branding wins; the plan's fills what it leaves out
    done = run_cli("export", plan, "-o", target, "--today", "2025-05-20", "--client", "Autre client")
    assert done.returncode == 0
    page = read_page(target)
    assert "Client : Autre client" in page.text and "Préparé par Cabinet Martin" in page.text
    assert "Servicia" not in page.text
