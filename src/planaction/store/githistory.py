"""A plan at each revision of its git history, for ``planaction history``: committees in a row.

The points are the commits that changed the file (from ``--since REV`` or the first), or the
commits a tag pattern names (``--tags 'copil-*'``: one point per committee). Three git processes
per file whatever the length of the history: the commits with their dates, the blobs' ids and
sizes (a blob above the size limit is refused unread), and the texts, each distinct blob read
once: a revision that did not change the text costs nothing more.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from planaction.message import say
from planaction.store.gitrev import (
    RevisionError,
    TooLarge,
    _batch,
    _batch_check,
    _check,
    _git,
    _megabytes,
    _text,
    start_commit,
)


@dataclass(frozen=True)
class Revision:
    """The plan's text at one point of its history."""

    commit: str
    label: str  # the tag, else the short commit id
    date: dt.date  # the commit's date: the day the figures are read as of
    text: str


def revisions(path: Path, *, since: str | None = None, tags: str | None = None) -> list[Revision]:
    """``path`` at each point of its history, oldest first (see the module's docstring)."""
    from planaction.store import MAX_FILE_BYTES

    for name in (since, tags):
        if name is not None:
            _check(name)
    if shutil.which("git") is None:
        raise RevisionError(say("git.not_installed"))
    folder = path.resolve().parent
    points = _tagged(folder, tags) if tags is not None else _changes(path, since)
    blobs = _batch_check(folder, [f"{commit}:./{path.name}" for commit, _label, _date in points])
    wanted = [(point, blob) for point, blob in zip(points, blobs, strict=True) if blob is not None]
    for _point, (_oid, size) in wanted:
        if size > MAX_FILE_BYTES:
            raise TooLarge(
                say("git.too_large", name=path.name, revision=_point[1], size=_megabytes(size),
                    limit=_megabytes(MAX_FILE_BYTES))
            )  # fmt: skip
    distinct = list(dict.fromkeys(oid for _point, (oid, _size) in wanted))
    texts = {oid: data for oid, data in zip(distinct, _batch(folder, distinct), strict=True) if data is not None}
    return [
        Revision(commit, label, date, _text(texts[oid]))
        for (commit, label, date), (oid, _size) in wanted
        if oid in texts
    ]


def _changes(path: Path, since: str | None) -> list[tuple[str, str, dt.date]]:
    """The commits that changed ``path`` (after ``since``, which is the first point), oldest first."""
    folder = path.resolve().parent
    points: list[tuple[str, str, dt.date]] = []
    span = "HEAD"
    if since is not None:
        start, _day = start_commit(path, since)
        points.append(_dated(folder, start, since))
        span = f"{start}..HEAD"
    done = _git(folder, ["log", "--format=%H %h %cs", "--reverse", span, "--", f"./{path.name}"])
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if reason and "not a git repository" in reason[-1]:
            raise RevisionError(say("git.not_a_repository", path=str(path)))
        if reason and "does not have any commits" in reason[-1]:
            return points
        raise RevisionError(say("git.cannot_read", name=path.name, revision=span, reason=reason[-1] if reason else ""))
    for line in done.stdout.decode("ascii", "replace").splitlines():
        commit, short, day = line.split(" ")
        points.append((commit, short, dt.date.fromisoformat(day)))
    return points


def _dated(folder: Path, commit: str, label: str) -> tuple[str, str, dt.date]:
    done = _git(folder, ["log", "-1", "--format=%cs", commit])
    return commit, label, dt.date.fromisoformat(done.stdout.decode("ascii", "replace").strip())


def _tagged(folder: Path, pattern: str) -> list[tuple[str, str, dt.date]]:
    """The commits of the tags ``pattern`` matches (a glob: ``copil-*``), by their commit's date."""
    done = _git(
        folder,
        ["for-each-ref", "--format=%(refname:short) %(*objectname) %(objectname)", f"refs/tags/{pattern}"],
    )
    if done.returncode != 0:
        raise RevisionError(say("git.not_a_repository", path=str(folder)))
    tagged: list[tuple[str, str]] = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        name, *ids = line.split(" ")
        commit = next((i for i in ids if i), "")
        if commit:
            tagged.append((commit, name))
    if not tagged:
        return []
    dates = _git(folder, ["log", "--no-walk=unsorted", "--format=%H %cs", *[c for c, _n in tagged]])
    by_commit = {}
    for line in dates.stdout.decode("ascii", "replace").splitlines():
        commit, day = line.split(" ")
        by_commit[commit] = dt.date.fromisoformat(day)
    points = [(c, name, by_commit[c]) for c, name in tagged if c in by_commit]
    return sorted(points, key=lambda p: (p[2], p[1]))
