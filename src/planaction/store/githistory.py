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
    return revisions_of([path], since=since, tags=tags)[path]


def revisions_of(paths: list[Path], *, since: str | None = None, tags: str | None = None) -> dict[Path, list[Revision]]:
    """Each of ``paths`` at each point of its history: three git processes per folder, whatever
    the number of plans in it and the length of their history."""
    for name in (since, tags):
        if name is not None:
            _check(name)
    if shutil.which("git") is None:
        raise RevisionError(say("git.not_installed"))
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(path.resolve().parent, []).append(path)
    found: dict[Path, list[Revision]] = {}
    for folder, group in by_folder.items():
        if tags is not None:
            tagged = _tagged(folder, tags)
            points = {path: tagged for path in group}
        else:
            points = _changes(folder, group, since)
        found.update(_texts(folder, points))
    return found


def _texts(folder: Path, points: dict[Path, list[tuple[str, str, dt.date]]]) -> dict[Path, list[Revision]]:
    """The texts at those points: one ``--batch-check`` (sizes: a blob above the limit is refused
    unread) and one ``--batch`` of the distinct blobs."""
    from planaction.store import MAX_FILE_BYTES

    asked = [(path, point) for path, path_points in points.items() for point in path_points]
    blobs = _batch_check(folder, [f"{commit}:./{path.name}" for path, (commit, _label, _date) in asked])
    wanted = [(path, point, blob) for (path, point), blob in zip(asked, blobs, strict=True) if blob is not None]
    for path, point, (_oid, size) in wanted:
        if size > MAX_FILE_BYTES:
            raise TooLarge(
                say("git.too_large", name=path.name, revision=point[1], size=_megabytes(size),
                    limit=_megabytes(MAX_FILE_BYTES))
            )  # fmt: skip
    distinct = list(dict.fromkeys(oid for _path, _point, (oid, _size) in wanted))
    texts = {oid: _text(data) for oid, data in zip(distinct, _batch(folder, distinct), strict=True) if data is not None}
    found: dict[Path, list[Revision]] = {path: [] for path in points}
    for path, (commit, label, date), (oid, _size) in wanted:
        if oid in texts:
            found[path].append(Revision(commit, label, date, texts[oid]))
    return found


def _changes(folder: Path, paths: list[Path], since: str | None) -> dict[Path, list[tuple[str, str, dt.date]]]:
    """The commits that changed each of ``paths`` (after ``since``, which is everyone's first
    point), oldest first: one ``git log`` for the folder."""
    first: list[tuple[str, str, dt.date]] = []
    span = "HEAD"
    if since is not None:
        start, _day = start_commit(paths[0], since)
        first.append(_dated(folder, start, since))
        span = f"{start}..HEAD"
    names = {f"{path.name}": path for path in paths}
    done = _git(
        folder,
        [
            "log",
            "--format=%x01%H %h %cs",
            "--name-only",
            "--relative",
            "--reverse",
            span,
            "--",
            *(f"./{n}" for n in names),
        ],
    )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if reason and "not a git repository" in reason[-1]:
            raise RevisionError(say("git.not_a_repository", path=str(paths[0])))
        if reason and "does not have any commits" in reason[-1]:
            return {path: list(first) for path in paths}
        raise RevisionError(
            say("git.cannot_read", name=paths[0].name, revision=span, reason=reason[-1] if reason else "")
        )
    found: dict[Path, list[tuple[str, str, dt.date]]] = {path: list(first) for path in paths}
    for entry in done.stdout.decode("utf-8", "replace").split("\x01")[1:]:
        header, *changed = entry.strip("\n").split("\n")
        commit, short, day = header.split(" ")
        for name in changed:
            path = names.get(name.strip())
            if path is not None:
                found[path].append((commit, short, dt.date.fromisoformat(day)))
    return found


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
