"""``report --baseline REV``: each open action's due date at a committee's tag, how far it slipped, how often
it was re-planned, from the plan's own git history (a real repository)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.merge_helpers import PLAN, cli, git, replace


def _repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    (folder / "plans").mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    (folder / "plans" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "comité de mai")
    git(folder, "tag", "comite-mai")
    return folder


def _commit(folder: Path, old: str, new: str, message: str) -> None:
    replace(folder / "plans" / "plan.yaml", old, new)
    git(folder, "commit", "-qam", message)


def test_baseline_gives_due_then_slip_and_replanning(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    _commit(folder, "due: 2025-06-15", "due: 2025-06-20", "A2 glisse")
    _commit(folder, "title: Former les agents", "title: Former tous les agents", "A3 titre")
    _commit(folder, "due: 2025-06-20", "due: 2025-06-30", "A2 glisse encore")
    replace(folder / "plans" / "plan.yaml", "due: 2025-06-01", "due: 2025-05-25")  # not committed: counts too
    done = cli(
        "report", "plans/plan.yaml", "--baseline", "comite-mai", "--format", "json", "--today", "2025-05-12", cwd=folder
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["baseline"] == "comite-mai"
    actions = {a["id"]: a for a in data["open_actions"]}
    assert (actions["A2"]["baseline_due"], actions["A2"]["slipped_days"], actions["A2"]["replanned"]) == (
        "2025-06-15",
        15,
        2,
    )
    assert (actions["A1"]["slipped_days"], actions["A1"]["replanned"]) == (-7, 1)
    assert (actions["A3"]["baseline_due"], actions["A3"]["slipped_days"], actions["A3"]["replanned"]) == (None, None, 0)
    text = cli(
        "report", "plans/plan.yaml", "--baseline", "comite-mai", "--lang", "en", "--today", "2025-05-12", cwd=folder
    )
    assert "Slippage since the baseline comite-mai" in text.stdout
    assert "A2 Relancer les demandes: due 2025-06-15 → 2025-06-30 (+15 days), re-planned 2 times" in text.stdout
    # a date stands for the last commit before that day: tomorrow's is the last commit
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    by_date = cli("report", "plans/plan.yaml", "--baseline", tomorrow, "--format", "json", cwd=folder)
    assert by_date.returncode == 0, by_date.stderr
    late = {a["id"]: a for a in json.loads(by_date.stdout)["open_actions"]}
    assert (late["A2"]["baseline_due"], late["A2"]["replanned"], late["A1"]["replanned"]) == ("2025-06-30", 0, 1)


def test_without_baseline_the_json_is_unchanged_and_errors_are_said(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    plain = json.loads(cli("report", "plans/plan.yaml", "--format", "json", cwd=folder).stdout)
    assert "baseline" not in plain and "slipped_days" not in plain["open_actions"][0]
    bad = cli("report", "plans/plan.yaml", "--baseline", "no-such-tag", cwd=folder)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "no-such-tag" in bad.stderr
    folder_report = cli("report", "plans", "--baseline", "comite-mai", cwd=folder)
    assert folder_report.returncode != 0 and "one plan" in folder_report.stderr
