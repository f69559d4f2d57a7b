"""A plan file as it was at a git revision, for diffs and "since the last committee"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class RevisionError(Exception):
    """The revision cannot be read; the message says why.

    ``absent`` tells the one case that is an answer rather than a failure: the
    revision exists but the file did not exist yet (a plan added since).
    """

    def __init__(self, message: str, *, absent: bool = False) -> None:
        super().__init__(message)
        self.absent = absent


def read_at_revision(path: Path, revision: str) -> str:
    """The text of ``path`` at ``revision`` (any git revision: HEAD, HEAD~3, a tag, a hash)."""
    _check(revision)
    if shutil.which("git") is None:
        raise RevisionError("git is not installed")
    folder = path.resolve().parent
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "show", "--end-of-options", f"{revision}:./{path.name}"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RevisionError(f"git could not run ({exc})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else "git failed"
        if "not a git repository" in reason:
            raise RevisionError(f"{path} is not in a git repository")
        if "invalid object name" in reason or "unknown revision" in reason:
            raise RevisionError(f"{revision!r} is not a revision of this git repository (try HEAD~1, a tag or a hash)")
        if "exists on disk, but not in" in reason or "does not exist in" in reason:
            raise RevisionError(f"{path.name} did not exist at {revision}", absent=True)
        raise RevisionError(f"cannot read {path.name} at {revision}: {reason.removeprefix('fatal: ')}")
    return _text(done.stdout)


def read_many_at_revision(paths: list[Path], revision: str) -> dict[Path, str | RevisionError]:
    """The texts of many files at ``revision``, one git process per folder instead of one per file.

    A portfolio report with ``--since`` reads every plan of a folder; ``git
    cat-file --batch`` answers them all at once. A file git cannot give is
    asked again alone, so that its error says why (bad revision, new file…).
    """
    _check(revision)
    results: dict[Path, str | RevisionError] = {}
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(path.resolve().parent, []).append(path)
    for folder, group in by_folder.items():
        answers = _batch(folder, [f"{revision}:./{path.name}" for path in group])
        for path, data in zip(group, answers, strict=True):
            if data is None:
                try:
                    results[path] = read_at_revision(path, revision)
                except RevisionError as exc:
                    results[path] = exc
            else:
                results[path] = _text(data)
    return results


def _batch(folder: Path, names: list[str]) -> list[bytes | None]:
    """``git cat-file --batch`` of object names: each blob's bytes, or None when git has none."""
    if shutil.which("git") is None or any("\n" in name for name in names):
        return [None] * len(names)
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "cat-file", "--batch"],
            input="".join(name + "\n" for name in names).encode("utf-8"),
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return [None] * len(names)
    if done.returncode != 0:
        return [None] * len(names)
    out, at, answers = done.stdout, 0, []
    for _name in names:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            answers.append(out[at : at + size])
            at += size + 1
        elif len(header) == 3:  # a tree or commit: skip its content too
            at += int(header[2]) + 1
            answers.append(None)
        else:  # "<name> missing" or "ambiguous"
            answers.append(None)
    return answers


def _text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="replace")


def _check(revision: str) -> None:
    """A revision is a name, never an option: ``--output=x`` would make git write a file."""
    if not revision or revision.startswith("-") or any(ch in revision for ch in "\n\r\0"):
        raise RevisionError(f"{revision!r} is not a git revision (try HEAD~1, a tag or a hash)")
