"""Merging files that are not good plans: a clear message, never a traceback, the output never damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.merge_helpers import PLAN, branch_edit, cli, git, replace, repository

OURS = PLAN.replace("progress: 40", "progress: 50")
THEIRS = PLAN.replace("owner: Lina", "owner: Lina Martin")
MERGED = OURS.replace("owner: Lina", "owner: Lina Martin")


def _files(tmp_path: Path, base: bytes, ours: bytes, theirs: bytes) -> list[Path]:
    paths = []
    for name, data in zip(("base", "ours", "theirs"), (base, ours, theirs), strict=True):
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(data)
        paths.append(path)
    return paths


@pytest.mark.parametrize(
    ("side", "bad", "said"),
    [
        ("base", PLAN.replace("schema: 1", "schema: 1\n  : ["), "the common base does not read as a plan"),
        ("theirs", THEIRS.replace("owner: Lina Martin", "owner: [Lina"), "theirs does not read as a plan"),
        ("theirs", THEIRS.replace("title: Trier", "titel: Trier"), "theirs does not read as a plan"),
    ],
)
def test_a_side_that_is_not_a_plan_is_merged_line_by_line_and_said(tmp_path: Path, side, bad, said) -> None:
    texts = {"base": PLAN, "ours": OURS, "theirs": THEIRS, side: bad}
    base, ours, theirs = _files(tmp_path, *(texts[k].encode() for k in ("base", "ours", "theirs")))
    done = cli("merge", base, ours, theirs, "-o", ours)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert said in done.stderr
    assert f"{side}.yaml" in done.stderr or f"({side})" in done.stderr  # the problem names its file and line
    assert ":" in done.stderr.splitlines()[0]
    # what git's own line merge gives, never a half-written file
    merged = ours.read_text(encoding="utf-8")
    assert "progress: 50" in merged


def test_crlf_files_merge_in_crlf(tmp_path: Path) -> None:
    crlf = [t.replace("\n", "\r\n").encode() for t in (PLAN, OURS, THEIRS)]
    base, ours, theirs = _files(tmp_path, *crlf)
    out = tmp_path / "out.yaml"
    done = cli("merge", base, ours, theirs, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == MERGED.replace("\n", "\r\n").encode()


def test_crlf_conflict_markers_are_crlf_too(tmp_path: Path) -> None:
    texts = (PLAN, OURS, PLAN.replace("progress: 40", "progress: 60"))
    base, ours, theirs = _files(tmp_path, *(t.replace("\n", "\r\n").encode() for t in texts))
    out = tmp_path / "out.yaml"
    assert cli("merge", base, ours, theirs, "-o", out).returncode == 1
    data = out.read_bytes()
    assert b"<<<<<<< ours\r\n    progress: 50\r\n=======\r\n    progress: 60\r\n>>>>>>> theirs\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_a_bom_is_kept(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    base, ours, theirs = _files(tmp_path, bom + PLAN.encode(), bom + OURS.encode(), bom + THEIRS.encode())
    out = tmp_path / "out.yaml"
    assert cli("merge", base, ours, theirs, "-o", out).returncode == 0
    assert out.read_bytes() == bom + MERGED.encode()


def test_binary_and_missing_files_are_refused_with_a_message(tmp_path: Path) -> None:
    base, ours, theirs = _files(tmp_path, PLAN.encode(), OURS.encode(), b"\xff\xfe\x00\x01garbage")
    done = cli("merge", base, ours, theirs, "-o", tmp_path / "out.yaml")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "theirs does not read as a plan" in done.stderr
    missing = cli("merge", base, tmp_path / "nope.yaml", theirs, "-o", tmp_path / "out2.yaml")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert not (tmp_path / "out2.yaml").exists()


def test_a_merge_that_breaks_a_link_is_written_and_said(tmp_path: Path) -> None:
    ours = PLAN.replace("  - id: A3\n    title: Former les agents\n    owner: Lina\n", "")
    theirs = PLAN.replace("depends_on: [A1]", "depends_on: [A1, A3]")
    base, ours_path, theirs_path = _files(tmp_path, PLAN.encode(), ours.encode(), theirs.encode())
    done = cli("merge", base, ours_path, theirs_path, "-o", ours_path)
    assert done.returncode == 1
    assert 'unknown action "A3"' in done.stderr
    assert "the merged plan has errors" in done.stderr


def test_git_merge_with_a_broken_theirs_stops_and_keeps_git_working(tmp_path: Path) -> None:
    folder = repository(tmp_path)
    branch_edit(folder, "theirs", lambda p: replace(p, "owner: Lina\n", "owner: [Lina\n"))
    branch_edit(folder, "main", lambda p: replace(p, "progress: 40", "progress: 50"))
    done = git(folder, "merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0
    assert "CONFLICT" in done.stdout
    assert "theirs does not read as a plan" in done.stderr and "Traceback" not in done.stderr
    # git's merge is still in progress, resolvable as usual
    assert git(folder, "merge", "--abort").returncode == 0
    assert "progress: 50" in (folder / "plans" / "plan.yaml").read_text(encoding="utf-8")


def test_an_output_that_is_not_a_regular_file_is_written_to_not_replaced(tmp_path: Path) -> None:
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    base, ours, theirs = _files(tmp_path, PLAN.encode(), OURS.encode(), THEIRS.encode())
    import threading

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    done = cli("merge", base, ours, theirs, "-o", fifo)
    reader.join(30)
    assert done.returncode == 0, done.stderr
    assert got == [MERGED.encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, not a file put in its place
