"""A real ``git merge`` with planaction's driver, set up by ``planaction git-setup``: what a team sees."""

from __future__ import annotations

from pathlib import Path

from planaction import store
from tests.merge_helpers import PLAN, branch_edit, cli, git, replace, repository


def _merge(folder: Path) -> object:
    return git(folder, "merge", "--no-edit", "theirs", check=False)


def _plan(folder: Path):
    result = store.read(folder / "plans" / "plan.yaml")
    assert result.document is not None, result.problems
    return result.document.plan


def test_edits_to_different_actions_merge_clean(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    branch_edit(folder, "theirs", lambda p: cli("set", p, "A3", "status=in_progress"))
    branch_edit(folder, "main", lambda p: cli("set", p, "A1", "progress=60"))
    done = _merge(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "merged by meaning, no conflict" in done.stderr
    plan = _plan(folder)
    assert plan.action("A1").progress == 60
    assert plan.action("A3").status.value == "in_progress"
    text = (folder / "plans" / "plan.yaml").read_text(encoding="utf-8")
    assert "# Plan suivi en comité : commentaire d'en-tête gardé" in text
    assert "  # A2 attend le tri" in text


def test_different_fields_of_one_action_merge_even_on_adjacent_lines(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    # status and progress are on adjacent lines: git's line merge would call this a conflict
    branch_edit(folder, "theirs", lambda p: replace(p, "    status: in_progress\n", "    status: blocked\n"))
    branch_edit(folder, "main", lambda p: replace(p, "    progress: 40\n", "    progress: 45\n"))
    done = _merge(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    action = _plan(folder).action("A1")
    assert (action.status.value, action.progress) == ("blocked", 45)


def test_both_sides_adding_an_action_keep_both_and_references_follow(tmp_path: Path) -> None:
    folder = repository(tmp_path)

    def theirs(path: Path) -> None:
        assert cli("add", path, "title=Mettre à jour la FAQ", "owner=Paul").stdout.strip() == "A4"
        assert cli("set", path, "A2", "depends_on=A1,A4").returncode == 0
        assert cli("log", path, "A4", "FAQ en ligne", "--today", "2025-05-20").returncode == 0

    branch_edit(folder, "theirs", theirs)
    branch_edit(folder, "main", lambda p: cli("add", p, "title=Former les nouveaux", "owner=Lina"))
    done = _merge(folder)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "both sides added an action A4; theirs is now A5" in done.stderr
    plan = _plan(folder)
    assert [(a.id, a.title) for a in plan.actions[3:]] == [
        ("A4", "Former les nouveaux"),
        ("A5", "Mettre à jour la FAQ"),
    ]
    assert plan.action("A2").depends_on == ("A1", "A5")
    assert [e.action for e in plan.log] == ["A5"]


def test_a_true_conflict_stops_the_merge_with_markers_at_the_field_line(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    branch_edit(folder, "theirs", lambda p: cli("set", p, "A1", "status=blocked"))
    branch_edit(folder, "main", lambda p: cli("set", p, "A1", "status=done", "--today", "2025-05-12"))
    done = _merge(folder)
    assert done.returncode != 0
    assert "CONFLICT (content): Merge conflict in plans/plan.yaml" in done.stdout
    assert "plans/plan.yaml: conflict: actions A1 status: ours done, theirs blocked" in done.stderr
    text = (folder / "plans" / "plan.yaml").read_text(encoding="utf-8")
    block = text[text.index("<<<<<<<") : text.index(">>>>>>>")]
    # status, progress and completion date go together (ops keeps them consistent): each side keeps its own
    assert block.splitlines()[1:] == [
        "    status: done",
        "    progress: 100",
        "=======",
        "    status: blocked",
        "    progress: 40",
    ]
    assert "<<<<<<< ours\n    completed: 2025-05-12\n=======\n>>>>>>> theirs\n" in text  # written after due:
    line = text[: text.index("<<<<<<<")].count("\n") + 1
    checked = cli("validate", "plans/plan.yaml", cwd=folder)
    assert checked.returncode == 1
    assert f"plans/plan.yaml:{line}:1: error: unresolved merge conflict" in checked.stdout
    assert '"status: done"' in checked.stdout and '"status: blocked"' in checked.stdout


def test_deleted_on_one_side_and_edited_on_the_other_is_a_conflict(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    branch_edit(folder, "theirs", lambda p: cli("set", p, "A3", "progress=20"))

    def ours(path: Path) -> None:
        replace(path, "  - id: A3\n    title: Former les agents\n    owner: Lina\n", "")

    branch_edit(folder, "main", ours)
    done = _merge(folder)
    assert done.returncode != 0
    assert "conflict: actions A3: ours (deleted), theirs Former les agents" in done.stderr
    text = (folder / "plans" / "plan.yaml").read_text(encoding="utf-8")
    block = text[text.index("<<<<<<<") : text.index(">>>>>>>")].splitlines()
    assert block[1] == "======="
    assert "  - id: A3" in block


def test_a_file_edited_on_one_side_only_is_that_side_byte_for_byte(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    (folder / "other.txt").write_text("x\n")
    git(folder, "add", "other.txt")
    git(folder, "commit", "-qm", "other")
    branch_edit(folder, "theirs", lambda p: replace(p, "title: Support IT", "title: Support  IT  # fait main"))
    git(folder, "checkout", "-q", "main")
    (folder / "other.txt").write_text("y\n")
    git(folder, "commit", "-qam", "ours")
    theirs = git(folder, "show", "theirs:plans/plan.yaml").stdout
    assert _merge(folder).returncode == 0
    assert (folder / "plans" / "plan.yaml").read_text(encoding="utf-8") == theirs
    # and by hand: the same byte for byte, without reading the plans
    base = tmp_path / "base.yaml"
    base.write_text(PLAN, encoding="utf-8")
    edited = tmp_path / "theirs.yaml"
    edited.write_text(theirs, encoding="utf-8")
    out = tmp_path / "out.yaml"
    done = cli("merge", base, base, edited, "-o", out)
    assert done.returncode == 0
    assert out.read_bytes() == edited.read_bytes()
    assert "only one side changed" in done.stderr


def test_merge_by_hand_prints_the_result_without_o(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    ours = tmp_path / "ours.yaml"
    theirs = tmp_path / "theirs.yaml"
    for path in (base, ours, theirs):
        path.write_text(PLAN, encoding="utf-8")
    replace(ours, "    progress: 40\n", "    progress: 50\n")
    replace(theirs, "    owner: Lina\n", "    owner: Lina Martin\n")
    done = cli("merge", base, ours, theirs)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ours.read_text().replace("owner: Lina\n", "owner: Lina Martin\n")
    assert ours.read_text(encoding="utf-8").count("progress: 50") == 1  # OURS itself untouched without -o


def test_a_conflicted_plan_diffs_readably_through_textconv(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    branch_edit(folder, "theirs", lambda p: cli("set", p, "A1", "status=blocked"))
    branch_edit(folder, "main", lambda p: cli("set", p, "A3", "comment=Planifié"))
    branch_edit(folder, "main", lambda p: cli("set", p, "A1", "status=todo", "progress=0"))
    assert git(folder, "merge", "--no-edit", "theirs", check=False).returncode != 0
    shown = git(folder, "diff", "HEAD", "--", "plans/plan.yaml").stdout
    changed = [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == [
        "+<<<<<<< ours",
        "+=======",
        "+actions A1 status: blocked",
        "+actions A1 progress: 40",
        "+>>>>>>> theirs",
    ]
    # the merged part (A3's comment, ours; A1's progress) is not shown as changed, the rest of the plan neither
    assert "A3 comment" not in shown
