"""Exact saves: untouched bytes stay, each edit changes only its own lines."""

from __future__ import annotations

import difflib
import json
import os
import stat
from pathlib import Path

import pytest

from planaction import store
from planaction.core import ops
from planaction.store import ConflictError, SaveError
from tests.conftest import TODAY, example_plans, odd_files, run_cli

ALL_FILES = example_plans() + odd_files()


def hunks(before: str, after: str) -> list[tuple[str, int, int, int, int]]:
    """The non-equal blocks between two texts, line by line."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(True), after.splitlines(True), autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(True), after.splitlines(True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_unchanged_plan_saves_byte_identical(path: Path, copy_to_tmp) -> None:
    target = copy_to_tmp(path)
    before = target.read_bytes()
    document = store.load(target)
    assert document.render() == document.text
    mtime = target.stat().st_mtime_ns
    assert document.save() is False  # nothing to write
    assert target.read_bytes() == before
    assert target.stat().st_mtime_ns == mtime
    # an edit undone is no edit: the bytes come back
    first = document.plan.actions[0]
    edited = ops.update_action(document.plan, first.id, {"title": first.title + " (v2)"}, TODAY)
    restored = ops.update_action(edited, first.id, {"title": first.title}, TODAY)
    document.save(restored)
    assert target.read_bytes() == before


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_one_field_changes_one_line(path: Path, copy_to_tmp) -> None:
    target = copy_to_tmp(path)
    document = store.load(target)
    before = target.read_text(encoding="utf-8-sig")
    action = document.plan.actions[-1]
    plan = ops.update_action(document.plan, action.id, {"title": "Titre modifié: avec deux-points"}, TODAY)
    assert document.save(plan)
    after = target.read_text(encoding="utf-8-sig")
    removed, added = changed_lines(before, after)
    assert len(removed) == 1 and len(added) == 1, (removed, added)
    assert [op[0] for op in hunks(before, after)] == ["replace"]
    assert "Titre modifié: avec deux-points" in added[0]
    assert store.load(target).plan.actions[-1].title == "Titre modifié: avec deux-points"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_added_action_is_appended_in_the_files_style(path: Path, copy_to_tmp) -> None:
    target = copy_to_tmp(path)
    document = store.load(target)
    before = target.read_text(encoding="utf-8-sig")
    plan, new_id = ops.add_action(
        document.plan,
        {
            "title": "Nouvelle action",
            "owner": "Zoé",
            "due": "2025-09-30",
            "co_owners": ("Ana", "Léo"),
        },
        TODAY,
    )
    document.save(plan)
    after = target.read_text(encoding="utf-8-sig")
    if not before.endswith("\n"):
        before += "\n"  # appending to a file without a final newline ends its last line
    removed, _added = changed_lines(before, after)
    assert removed == []
    reread = store.load(target)
    assert reread.plan.actions[-1].id == new_id
    assert reread.plan.actions[-1].co_owners == ("Ana", "Léo")
    # the new item's dash sits where the other items' dashes sit
    sequence = reread.root.get("actions")
    dash_columns = {
        reread.text.rfind("-", 0, item.start) - reread.text.rfind("\n", 0, item.start) - 1
        for item in sequence.value
        if not item.flow
    }
    assert len(dash_columns) == 1
    # the added lines are one block
    assert [op[0] for op in hunks(before, after)] == ["insert"]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_deleted_action_takes_only_its_lines(path: Path, copy_to_tmp) -> None:
    target = copy_to_tmp(path)
    document = store.load(target)
    plan = document.plan
    # take an action nothing refers to
    referenced = {e.action for e in plan.log} | {r.action for r in plan.risks}
    referenced |= {d for a in plan.actions for d in a.depends_on}
    candidates = [a for a in plan.actions if a.id not in referenced]
    if not candidates:
        pytest.skip("every action is referred to")
    victim = candidates[0]
    before = target.read_text(encoding="utf-8-sig")
    document.save(ops.delete_action(plan, victim.id))
    after = target.read_text(encoding="utf-8-sig")
    removed, added = changed_lines(before, after)
    if len(plan.actions) == 1:
        assert [line.strip() for line in added] == ["actions: []"]
        assert store.load(target).plan.actions == ()
        return
    assert added == []
    assert any(f"id: {victim.id}" in line for line in removed)
    # the removed lines were one contiguous block of the original
    assert [op[0] for op in hunks(before, after)] == ["delete"]
    assert [a.id for a in store.load(target).plan.actions] == [a.id for a in plan.actions if a.id != victim.id]


def test_crlf_and_bom_survive_edits(copy_to_tmp) -> None:
    target = copy_to_tmp(Path(__file__).parent / "fixtures" / "odd" / "crlf-bom.yaml")
    document = store.load(target)
    plan = ops.set_status(document.plan, "A2", "done", TODAY)
    plan, _ = ops.add_action(plan, {"title": "Encore", "owner": "Ana", "due": "2025-06-01"}, TODAY)
    plan = ops.append_log(plan, "A2", "Fini", TODAY, comment="deux\nlignes")
    document.save(plan)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:]
    assert body.count(b"\n") == body.count(b"\r\n")
    reread = store.load(target)
    assert reread.plan.log[-1].comment == "deux\nlignes"
    assert reread.plan.action("A2").completed == TODAY


def test_anchor_used_elsewhere_survives_deleting_its_owner(copy_to_tmp) -> None:
    target = copy_to_tmp(Path(__file__).parent / "fixtures" / "odd" / "aliases.yaml")
    document = store.load(target)
    plan = ops.delete_action(document.plan, "A2")
    document.save(plan)
    reread = store.load(target).plan
    assert reread.action("A3").due.isoformat() == "2025-03-01"
    assert reread.action("A1").owner == "Ana Lopez"


def test_editing_an_anchored_value_keeps_the_aliases(copy_to_tmp) -> None:
    target = copy_to_tmp(Path(__file__).parent / "fixtures" / "odd" / "aliases.yaml")
    document = store.load(target)
    plan = ops.update_action(document.plan, "A2", {"due": "2025-03-15"}, TODAY)
    document.save(plan)
    reread = store.load(target).plan
    assert str(reread.action("A2").due) == "2025-03-15"
    assert str(reread.action("A3").due) == "2025-03-01"


def test_save_keeps_mode_and_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    document = store.load(link)
    document.save(ops.replace(document.plan, {"title": "Renamed"}))
    assert link.is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert "title: Renamed" in real.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_file_changed_on_disk_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    document = store.load(path)
    path.write_text("schema: 1\ntitle: Changed by a colleague\nowner: Ana\n")
    with pytest.raises(ConflictError, match="changed on disk"):
        document.save(ops.replace(document.plan, {"title": "Mine"}))
    assert "Changed by a colleague" in path.read_text()
    # an explicit decision can still overwrite
    document.save(ops.replace(document.plan, {"title": "Mine"}), force=True)
    assert "title: Mine" in path.read_text()


def test_read_only_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    document = store.load(path)
    path.chmod(0o444)
    with pytest.raises(SaveError, match="read-only"):
        document.save(ops.replace(document.plan, {"title": "Mine"}))
    assert path.read_text() == "schema: 1\ntitle: Plan\nowner: Ana\n"


def test_unwritable_folder_keeps_the_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere")
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    document = store.load(path)
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="cannot write"):
            document.save(ops.replace(document.plan, {"title": "Mine"}))
    finally:
        folder.chmod(0o755)
    assert path.read_text() == "schema: 1\ntitle: Plan\nowner: Ana\n"


def test_new_plan_is_never_written_over_an_existing_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("keep me")
    with pytest.raises(SaveError, match="already exists"):
        store.write_new(path, "schema: 1\n")
    assert path.read_text() == "keep me"


def test_empty_value_reads_as_default_and_is_filled_in_place(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "schema: 1\ntitle: Plan\nowner: Ana\nactions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-06-01\n    status:\n    progress:\n"
    )
    document = store.load(path)
    assert document.plan.actions[0].status.value == "todo"
    document.save(ops.set_status(document.plan, "A1", "in_progress", TODAY))
    assert path.read_text().endswith("    status: in_progress\n    progress:\n")


# -- values the patcher used to write into the wrong place ------------------------------------

FILLER = "".join(
    f"  - id: F{i}\n    title: Action de remplissage {i}\n    owner: Ana\n    due: 2025-06-01\n" for i in range(1, 4001)
)


def plan_text(actions: str, *, big: bool) -> str:
    """A plan whose actions end with ``actions``; ``big`` puts 4,000 actions before them (330 KB)."""
    return "schema: 1\ntitle: Plan\nowner: Ana\nactions:\n" + (FILLER if big else "") + actions


@pytest.mark.parametrize("big", [False, True], ids=["small", "above 256 KB"])
def test_multi_line_value_over_an_inline_comment(tmp_path: Path, big: bool) -> None:
    """Reported: below 256 KB the save was refused ("please report this"); above, the comment
    became part of the saved value."""
    path = tmp_path / "plan.yaml"
    action = "  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    comment: Premier jet   # à revoir\n"
    path.write_text(plan_text(action + "  - id: A2\n    title: u\n    owner: o\n    due: 2025-01-01\n", big=big))
    done = run_cli("set", path, "A1", "comment=Ligne 1\nLigne 2", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    document = store.load(path)
    assert document.plan.action("A1").comment == "Ligne 1\nLigne 2"
    assert "# à revoir" in document.text  # the person's comment stays, and stays a comment
    assert document.plan.action("A2").title == "u"


@pytest.mark.parametrize("big", [False, True], ids=["small", "above 256 KB"])
@pytest.mark.parametrize("command", ["add", "log"])
def test_keep_chomped_block_ending_the_last_action(tmp_path: Path, big: bool, command: str) -> None:
    """Reported: a `|+` value ending the last action lost its trailing newlines on `add` and `log`."""
    path = tmp_path / "plan.yaml"
    action = "  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    comment: |+\n      garder\n\n\n"
    path.write_text(plan_text(action, big=big))
    argv = ["title=Nouvelle", "owner=Zoé", "due=2025-09-30"] if command == "add" else ["A1", "Fait"]
    done = run_cli(command, path, *argv, "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    plan = store.load(path).plan
    assert plan.action("A1").comment == "garder\n\n\n"
    if command == "add":
        assert plan.actions[-1].title == "Nouvelle"
    else:
        assert plan.log[-1].result == "Fait"


#: Slips a patcher could make in the text of an edit (start, end, text) -> (start, end, text).
SLIPS = {
    "a key in the wrong place": lambda s, e, text: (s, e, text.replace("\n", "\n  priority: high\n", 1)),
    "a quote left open": lambda s, e, text: (s, e, '"' + text),
    "a line glued to the next": lambda s, e, text: (s, e + 1, text + " "),
}


@pytest.mark.parametrize("big", [False, True], ids=["small", "above 256 KB"])
@pytest.mark.parametrize("slip", list(SLIPS))
def test_a_save_that_would_not_read_back_is_refused(tmp_path: Path, monkeypatch, big: bool, slip: str) -> None:
    """Whatever goes wrong in the patcher, the check of each save refuses it: nothing is written, and the
    message says where and what, never a pydantic dump."""
    from planaction.yamlfile import patch

    path = tmp_path / "plan.yaml"
    action = "  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n    comment: avant\n"
    path.write_text(plan_text(action + "  - id: A2\n    title: u\n    owner: o\n    due: 2025-01-01\n", big=big))
    before = path.read_bytes()
    real = patch.Patcher.merged_edits

    def slipping(self):
        edits = real(self)
        first = edits[0]
        return [patch.Edit(*SLIPS[slip](first.start, first.end, first.text), first.order), *edits[1:]]

    monkeypatch.setattr(patch.Patcher, "merged_edits", slipping)
    document = store.load(path)
    edited = ops.update_action(document.plan, "A1", {"comment": "après\nsur deux lignes"}, TODAY)
    with pytest.raises(SaveError) as refused:
        document.save(edited)
    message = str(refused.value)
    assert message.startswith(f"{path}:")  # the file and the line of the change
    line = int(message.split(":")[1])
    assert path.read_text().splitlines()[line - 1].strip() == "comment: avant"
    assert "nothing was written" in message and "text editor" in message
    for pydantic_words in ("validation error", "type=", "pydantic", "input_value"):
        assert pydantic_words not in message
    assert path.read_bytes() == before


# -- what a save leaves around the plan: other programs' files, links, attributes ------------


def test_a_save_removes_only_its_own_leftovers(tmp_path: Path) -> None:
    """Reported: every save deleted any `.<plan>.*.tmp` in the folder, whoever had made it."""
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    others = [tmp_path / ".plan.yaml.swp.tmp", tmp_path / ".plan.yaml.backup-2025.tmp", tmp_path / ".plan.yaml.x.tmp"]
    for other in others:
        other.write_text("someone else's")
    leftover = tmp_path / ".plan.yaml.planaction-5f3a9c1e.tmp"  # what a killed save leaves
    leftover.write_text("half a plan")
    document = store.load(path)
    document.save(ops.replace(document.plan, {"title": "Renamed"}))
    assert all(other.read_text() == "someone else's" for other in others)
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plan.yaml", *(o.name for o in others)])


def test_a_plan_with_several_hard_links_is_not_split_silently(tmp_path: Path) -> None:
    """Reported: a save replaced the file, so the plan's other names kept the old version, silently.
    A save writes a new file (that is what makes it old-or-new on a crash): it is refused, saying why."""
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\nactions:\n  - id: A1\n    title: t\n    owner: o\n")
    other = tmp_path / "shared-copy.yaml"
    os.link(path, other)
    before = path.read_bytes()
    done = run_cli("set", path, "A1", "title=Mon titre", "--today", TODAY.isoformat())
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr and "hard link" in done.stderr and "ln -s" in done.stderr, done.stderr
    assert path.read_bytes() == before and other.read_bytes() == before
    assert os.stat(path).st_ino == os.stat(other).st_ino
    # made a file of its own, as the message says, it saves
    copy = tmp_path / "plan.yaml.copy"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)
    assert run_cli("set", path, "A1", "title=Mon titre", "--today", TODAY.isoformat()).returncode == 0


def test_a_save_keeps_extended_attributes(tmp_path: Path) -> None:
    """Reported: a save dropped the file's extended attributes (tags, ACLs, sync clients' marks)."""
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    try:
        os.setxattr(path, "user.planaction.test", b"tag rouge")
    except (OSError, AttributeError):
        pytest.skip("no extended attributes on this file system")
    document = store.load(path)
    document.save(ops.replace(document.plan, {"title": "Renamed"}))
    assert "title: Renamed" in path.read_text()
    assert os.getxattr(path, "user.planaction.test") == b"tag rouge"


JSON_PLAN = """{
  "schema": 1,
  "title": "Plan JSON",
  "owner": "Ana",
  "actions": [
    {"id": "A1", "title": "Première", "owner": "Léo", "due": "2025-06-01", "status": "todo"},
    {
      "id": "A2",
      "title": "Seconde",
      "owner": "Zoé",
      "due": "2025-07-01",
      "progress": 10
    }
  ]
}
"""


@pytest.mark.parametrize(
    ("argv", "changed"),
    [
        (["A2", "title=Nouveau titre"], '      "title": "Nouveau titre",\n'),
        (["A2", "due=2025-08-15"], '      "due": "2025-08-15",\n'),
        (["A2", "progress=40"], '      "progress": 40, "status": "in_progress"\n'),
        (["A1", "title=Un: deux # trois"], '"title": "Un: deux # trois"'),
        (["A1", "status=in_progress"], '"status": "in_progress"'),
    ],
    ids=["title", "date", "number", "special characters", "status"],
)
def test_one_field_of_a_json_style_plan_changes_one_line(tmp_path: Path, argv: list[str], changed: str) -> None:
    """Reported: a one-field `set` rewrote a JSON-style plan whole, on one line."""
    path = tmp_path / "plan.yaml"
    path.write_text(JSON_PLAN, encoding="utf-8")
    done = run_cli("set", path, *argv, "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(JSON_PLAN, after)
    assert len(removed) == 1 and len(added) == 1, (removed, added)
    assert changed in added[0]
    json.loads(after)  # still JSON
    assert store.load(path).plan.action(argv[0]).model_dump()[argv[1].split("=")[0]] is not None


def test_json_style_plan_takes_new_fields_and_actions_as_json(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(JSON_PLAN, encoding="utf-8")
    assert run_cli("set", path, "A1", "status=done", "--today", TODAY.isoformat()).returncode == 0
    assert run_cli("add", path, "title=Troisième", "owner=Ana", "due=2025-09-01").returncode == 0
    after = path.read_text(encoding="utf-8")
    data = json.loads(after)  # still JSON: new keys and dates in double quotes
    assert data["actions"][0]["status"] == "done" and data["actions"][0]["completed"] == TODAY.isoformat()
    assert data["actions"][2]["title"] == "Troisième"
    removed, _added = changed_lines(JSON_PLAN, after)
    assert len(removed) <= 3, removed


def test_the_same_bytes_written_again_are_not_a_conflict(tmp_path: Path) -> None:
    """A sync client or `cp -p` that rewrites the plan with the very same bytes (a new file, another
    timestamp) is not a change: the save goes through instead of asking for nothing."""
    path = tmp_path / "plan.yaml"
    path.write_text("schema: 1\ntitle: Plan\nowner: Ana\n")
    document = store.load(path)
    again = tmp_path / ".sync-tmp"
    again.write_bytes(path.read_bytes())
    os.utime(again, (1_600_000_000, 1_600_000_000))
    os.replace(again, path)
    document.save(ops.replace(document.plan, {"title": "Renamed"}))
    assert "title: Renamed" in path.read_text()
