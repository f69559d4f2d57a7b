"""A plan file as it was at a git revision, for diffs and "since the last committee"."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from planaction.message import Message, SaidError, say


class RevisionError(SaidError):
    """The revision cannot be read; the message says why.

    ``absent`` tells the one case that is an answer rather than a failure: the
    revision exists but the file did not exist yet (a plan added since).
    """

    def __init__(self, message: Message | str, *, absent: bool = False) -> None:
        super().__init__(message)
        self.absent = absent


def read_at_revision(path: Path, revision: str) -> str:
    """The text of ``path`` at ``revision`` (any git revision: HEAD, HEAD~3, a tag, a hash).

    Raises ``RevisionError`` when git cannot give it, and ``TooLarge`` when it is
    larger than plans may be (its size is asked of git before anything is read).
    """
    answer = read_many_at_revision([path], revision)[path]
    if isinstance(answer, RevisionError):
        raise answer
    return answer


def read_many_at_revision(paths: list[Path], revision: str) -> dict[Path, str | RevisionError]:
    """The texts of many files at ``revision``, a few git processes per folder instead of some per file.

    A portfolio report with ``--since`` reads every plan of a folder: ``git
    cat-file --batch-check`` gives every size at once, then ``--batch`` the
    contents, never more than the size limit at a time. A blob above the
    limit is refused unread (``TooLarge``), as a file on disk is; a file git
    cannot give is asked again alone, so that its error says why (bad
    revision, new file…).
    """
    from planaction.store import MAX_FILE_BYTES  # read when called: PLANACTION_MAX_BYTES may be set by then

    _check(revision)
    if shutil.which("git") is None:
        raise RevisionError(say("git.not_installed"))
    results: dict[Path, str | RevisionError] = {}
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(path.resolve().parent, []).append(path)
    for folder, group in by_folder.items():
        found = _batch_check(folder, [f"{revision}:./{path.name}" for path in group])
        wanted: list[tuple[Path, str, int]] = []
        for path, blob in zip(group, found, strict=True):
            if blob is None:
                results[path] = _why_not(path, revision)
            elif blob[1] > MAX_FILE_BYTES:
                results[path] = TooLarge(
                    say(
                        "git.too_large",
                        name=path.name,
                        revision=revision,
                        size=_megabytes(blob[1]),
                        limit=_megabytes(MAX_FILE_BYTES),
                    )
                )
            else:
                wanted.append((path, blob[0], blob[1]))
        for chunk in _chunks(wanted, MAX_FILE_BYTES):
            contents = _batch(folder, [object_id for _path, object_id, _size in chunk])
            for (path, _object_id, _size), data in zip(chunk, contents, strict=True):
                results[path] = _why_not(path, revision) if data is None else _text(data)
    return results


class TooLarge(RevisionError):
    """The file at that revision is larger than a plan may be: refused before it is read."""


def _megabytes(size: int) -> Message:
    if size >= 1024 * 1024:
        return say("git.megabytes", count=f"{size / 1024 / 1024:.0f}")
    return say("git.bytes", count=size)


def _chunks(items: list[tuple[Path, str, int]], budget: int) -> list[list[tuple[Path, str, int]]]:
    """Groups of blobs whose sizes add up to at most ``budget`` (one blob alone may reach it)."""
    chunks: list[list[tuple[Path, str, int]]] = []
    total = budget + 1
    for item in items:
        if total + item[2] > budget:
            chunks.append([])
            total = 0
        chunks[-1].append(item)
        total += item[2]
    return chunks


def _git(folder: Path, args: list[str], data: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-C", str(folder), *args],
        input=data,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def _batch_check(folder: Path, names: list[str]) -> list[tuple[str, int] | None]:
    """``git cat-file --batch-check``: each name's blob (object id, size), or None when it is no blob."""
    if any("\n" in name for name in names):
        return [None] * len(names)
    try:
        done = _git(folder, ["cat-file", "--batch-check"], "".join(name + "\n" for name in names).encode("utf-8"))
    except (OSError, subprocess.TimeoutExpired):
        return [None] * len(names)
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    if done.returncode != 0 or len(lines) != len(names):
        return [None] * len(names)
    answers: list[tuple[str, int] | None] = []
    for line in lines:
        parts = line.rsplit(" ", 2)
        answers.append((parts[0], int(parts[2])) if len(parts) == 3 and parts[1] == "blob" else None)
    return answers


def _batch(folder: Path, object_ids: list[str]) -> list[bytes | None]:
    """``git cat-file --batch`` of blob ids (sizes already checked): each blob's bytes, or None."""
    try:
        done = _git(folder, ["cat-file", "--batch"], "".join(oid + "\n" for oid in object_ids).encode("ascii"))
    except (OSError, subprocess.TimeoutExpired):
        return [None] * len(object_ids)
    if done.returncode != 0:
        return [None] * len(object_ids)
    out, at, answers = done.stdout, 0, []
    for _oid in object_ids:
        end = out.find(b"\n", at)
        header = out[at:end].split(b" ") if end >= 0 else []
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            answers.append(out[end + 1 : end + 1 + size])
            at = end + 1 + size + 1
        else:
            answers.append(None)
            at = end + 1 if end >= 0 else len(out)
    return answers


def _why_not(path: Path, revision: str) -> RevisionError:
    """Why git has no blob for ``path`` at ``revision``, asked of git alone so that it says."""
    try:
        done = _git(path.resolve().parent, ["cat-file", "-t", f"{revision}:./{path.name}"], timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return RevisionError(say("git.could_not_run", reason=str(exc)))
    message = done.stderr.decode("utf-8", "replace").strip().splitlines()
    reason = message[-1] if message else ""
    if done.returncode == 0:
        kind = done.stdout.decode("ascii", "replace").strip()
        if kind == "blob":
            return RevisionError(say("git.could_not_give", name=path.name, revision=revision))
        return RevisionError(say("git.not_a_file", name=path.name, revision=revision, kind=kind))
    if "not a git repository" in reason:
        return RevisionError(say("git.not_a_repository", path=str(path)))
    if "invalid object name" in reason or "unknown revision" in reason or "Not a valid object name" in reason:
        return RevisionError(say("git.unknown_revision", revision=repr(revision)))
    if "exists on disk, but not in" in reason or "does not exist in" in reason:
        return RevisionError(say("git.absent", name=path.name, revision=revision), absent=True)
    said = reason.removeprefix("fatal: ")
    return RevisionError(say("git.cannot_read", name=path.name, revision=revision, reason=said or say("git.failed")))


def _text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="replace")


def _check(revision: str) -> None:
    """A revision is a name, never an option: ``--output=x`` would make git write a file."""
    if not revision or revision.startswith("-") or any(ch in revision for ch in "\n\r\0"):
        raise RevisionError(say("git.not_a_revision", revision=repr(revision)))


def start_commit(path: Path, baseline: str) -> tuple[str, dt.date | None]:
    """The commit ``baseline`` names, and the day it was given as (None for a revision): any
    revision (a committee's tag), or a date (``2025-05-01``: the last commit before that day)."""
    folder = path.resolve().parent
    try:
        day = dt.date.fromisoformat(baseline)
    except ValueError:
        day = None
    if day is not None:
        found = _git(folder, ["rev-list", "-1", f"--before={day.isoformat()} 00:00", "HEAD"])
        start = found.stdout.decode("ascii", "replace").strip()
        if found.returncode != 0 or not start:
            raise RevisionError(say("git.unknown_revision", revision=repr(baseline)))
    else:
        found = _git(folder, ["rev-parse", "--verify", "--quiet", f"{baseline}^{{commit}}"])
        start = found.stdout.decode("ascii", "replace").strip()
        if found.returncode != 0 or not start:
            raise _why_not(path, baseline)
    return start, day


def history(path: Path, baseline: str) -> list[tuple[str, str]]:
    """``path`` at ``baseline`` and at each commit that changed it since, oldest first: (commit, text).

    ``baseline`` is any revision (a committee's tag), or a date (``2025-05-01``: the last commit
    before that day). Three git processes whatever the length of the history: the commits, their
    sizes (``--batch-check``, so that a blob above the limit is refused unread) and their texts.
    """
    from planaction.store import MAX_FILE_BYTES

    _check(baseline)
    if shutil.which("git") is None:
        raise RevisionError(say("git.not_installed"))
    folder = path.resolve().parent
    start, day = start_commit(path, baseline)
    log = _git(folder, ["log", "--format=%H", "--reverse", f"{start}..HEAD", "--", f"./{path.name}"])
    commits = [start, *log.stdout.decode("ascii", "replace").split()]
    blobs = _batch_check(folder, [f"{commit}:./{path.name}" for commit in commits])
    if blobs[0] is None:
        raise _why_not(path, start if day is not None else baseline)
    wanted = [(commit, blob) for commit, blob in zip(commits, blobs, strict=True) if blob is not None]
    for _commit, (_oid, size) in wanted:
        if size > MAX_FILE_BYTES:
            raise TooLarge(
                say("git.too_large", name=path.name, revision=baseline, size=_megabytes(size),
                    limit=_megabytes(MAX_FILE_BYTES))
            )  # fmt: skip
    texts = _batch(folder, [oid for _commit, (oid, _size) in wanted])
    return [(commit, _text(data)) for (commit, _blob), data in zip(wanted, texts, strict=True) if data is not None]


def commit_days(path: Path, commits: list[str]) -> dict[str, dt.date]:
    """The day each commit was made (its committer date), for a history drawn on a date axis
    (the one-page report's progress over time); commits git cannot date are left out."""
    wanted = [commit for commit in commits if commit and not commit.startswith("-") and commit.isalnum()]
    if not wanted or shutil.which("git") is None:
        return {}
    try:
        done = _git(path.resolve().parent, ["show", "-s", "--format=%H %cs", *wanted])
    except (OSError, subprocess.TimeoutExpired):
        return {}
    days = {}
    for line in done.stdout.decode("ascii", "replace").splitlines():
        commit, _, day = line.partition(" ")
        try:
            days[commit] = dt.date.fromisoformat(day)
        except ValueError:
            continue
    return days
