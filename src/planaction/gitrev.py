"""A plan file as it was at a git revision, for diffs and "since the last committee"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class RevisionError(Exception):
    """The revision cannot be read; the message says why."""


def read_at_revision(path: Path, revision: str) -> str:
    """The text of ``path`` at ``revision`` (any git revision: HEAD, HEAD~3, a tag, a hash)."""
    if shutil.which("git") is None:
        raise RevisionError("git is not installed")
    folder = path.resolve().parent
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "show", f"{revision}:./{path.name}"],
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
        if "exists on disk, but not in" in reason or "does not exist in" in reason:
            raise RevisionError(f"{path.name} did not exist at {revision}")
        raise RevisionError(f"cannot read {path.name} at {revision}: {reason.removeprefix('fatal: ')}")
    data = done.stdout
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="replace")
