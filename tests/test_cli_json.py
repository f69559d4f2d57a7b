"""``--format json`` on the commands that print: data a program reads with ``json.loads``."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from planaction import store
from planaction.core import ops
from tests.conftest import PLANS, run_cli
from tests.exchange.conftest import TODAY, edit_workbook

PLAN = "schema: 1\ntitle: Plan\nowner: Ana\nactions:\n  - id: A1\n    title: Former les agents\n    owner: RH\n    due: 2025-06-01\n    status: in_progress\n    progress: 40\n"


def write_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_set_describes_the_fields_before_and_after(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    done = run_cli("set", plan, "A1", "progress=60", "comment=\x1b[31mrouge", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["command"] == "set" and data["file"] == str(plan) and data["id"] == "A1" and data["changed"]
    assert data["fields"]["progress"] == {"before": 40, "after": 60}
    assert data["fields"]["comment"] == {"before": None, "after": "\x1b[31mrouge"}  # plan text stays text
    assert "\x1b" not in done.stdout  # escaped by JSON, never sent to the terminal
    assert store.load(plan).plan.action("A1").progress == 60
    again = json.loads(run_cli("set", plan, "A1", "progress=60", "--format", "json").stdout)
    assert again["changed"] is False and again["fields"] == {}


def test_add_and_log_describe_what_they_added(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    added = run_cli("add", plan, "title=Nouvelle", "owner=Léo", "--today", "2025-05-12", "--format", "json")
    assert added.returncode == 0, added.stderr
    data = json.loads(added.stdout)
    assert data["id"] == "A2" and data["fields"]["title"] == {"before": None, "after": "Nouvelle"}
    assert data["fields"]["owner"]["after"] == "Léo"
    logged = run_cli("log", plan, "A1", "Fait", "--date", "2025-05-10", "--format", "json")
    assert logged.returncode == 0, logged.stderr
    entry = json.loads(logged.stdout)
    assert entry["id"] == "A1" and entry["log"] == [{"date": "2025-05-10", "action": "A1", "result": "Fait"}]


def test_templates_as_json() -> None:
    done = run_cli("templates", "--format", "json")
    names = [item["name"] for item in json.loads(done.stdout)]
    assert "operational" in names and all(item["description"] for item in json.loads(done.stdout))


def test_diff_as_json(tmp_path: Path) -> None:
    old = write_plan(tmp_path)
    new = tmp_path / "new.yaml"
    new.write_text(PLAN.replace("progress: 40", "progress: 70"), encoding="utf-8")
    done = run_cli("diff", old, new, "--format", "json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["changes"] == ["A1 progress: 40% -> 70%"]
    assert data["edits"] == [
        {
            "op": "set",
            "section": "actions",
            "id": "A1",
            "path": ["actions", 0, "progress"],
            "field": "progress",
            "before": 40,
            "after": 70,
        }
    ]


def test_import_dry_run_as_json(tmp_path: Path) -> None:
    plan = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    book = Path(run_cli("export", plan, "--today", TODAY).stdout.strip())
    document = store.load(plan)
    document.save(ops.update_action(document.plan, "A2", {"comment": "Version du consultant"}, dt.date(2025, 5, 13)))
    edit_workbook(
        book,
        {"Actions": {"O3": "Version du client", "I4": "En cours", "J4": 0.3}},
        append={
            "Suivi": [[dt.date(2025, 5, 14), "A3", None, "Webinaire planifié", "Date fixée", "Client"]],
            "Mesures": [["K1", dt.date(2025, 5, 13), 5.5, "après le formulaire"]],
        },
    )
    before = plan.read_bytes()
    done = run_cli("import", plan, book, "--dry-run", "--format", "json", "--today", "2025-05-15")
    assert done.returncode == 1, done.stderr  # a conflict is left to resolve
    assert plan.read_bytes() == before
    data = json.loads(done.stdout)
    assert data["dry_run"] is True and data["saved"] is False
    changes = {(c["sheet"], c["cell"], c["id"], c["field"]): c for c in data["changes"]}
    assert changes[("Actions", "I4", "A3", "status")]["before"] == "todo"
    assert changes[("Actions", "I4", "A3", "status")]["after"] == "in_progress"
    assert changes[("Actions", "J4", "A3", "progress")]["after"] == 30
    log = next(c for c in data["changes"] if c["field"] == "log")
    assert (log["sheet"], log["id"], log["after"]["result"]) == ("Suivi", "A3", "Webinaire planifié")
    assert log["cell"].startswith("D")
    measurement = next(c for c in data["changes"] if c["field"] == "measurement")
    assert (measurement["sheet"], measurement["id"], measurement["after"]["value"]) == ("Mesures", "K1", 5.5)
    [conflict] = data["conflicts"]
    assert (conflict["sheet"], conflict["cell"], conflict["id"], conflict["field"]) == (
        "Actions",
        "O3",
        "A2",
        "comment",
    )
    assert (conflict["theirs"], conflict["ours"]) == ("Version du client", "Version du consultant")
    assert data["ignored"] == []


def test_import_saves_and_says_so_as_json(tmp_path: Path) -> None:
    plan = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    book = Path(run_cli("export", plan, "--today", TODAY).stdout.strip())
    edit_workbook(book, {"Actions": {"I4": "En cours"}}, append={"Actions": [[None, "Une action du client"]]})
    done = run_cli("import", plan, book, "--format", "json", "--today", "2025-05-15")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["saved"] is True and data["conflicts"] == []
    [ignored] = data["ignored"]
    assert "sans id" in ignored["text"] and set(ignored) >= {"sheet", "cell", "id", "field"}
    # the row without an id is named by its sheet and its (empty) id cell
    assert (ignored["sheet"], ignored["cell"][0], ignored["id"], ignored["field"]) == ("Actions", "A", None, "id")
    assert ignored["cell"][1:].isdigit() and int(ignored["cell"][1:]) > 2
    assert [(c["id"], c["field"], c["after"]) for c in data["changes"]] == [("A3", "status", "in_progress")]
    assert store.load(plan).plan.action("A3").status.value == "in_progress"
