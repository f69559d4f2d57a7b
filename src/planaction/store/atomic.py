"""Replacing a file so that it is always the old or the new version, never a mix, never lost.

Every file planaction writes (plans, workbooks, calendars) goes through
``write_atomic``: the bytes go to a temporary file beside the target, are
flushed to disk, and the temporary file is renamed over the target. A crash at
any moment leaves the old file or the new one.

Two writers must not interleave their check and their rename, or the second
silently replaces what the first just saved. Writers therefore take an
exclusive lock on the *folder* (a lock on the file itself would be swapped
away by the rename) and run the caller's ``check`` (has the file changed since
it was read?) under that lock, right before the rename. The lock also tells
which temporary files are stale: while it is held no other planaction is
writing in the folder, so any temporary file of the target is left over from
a killed process and is removed. planaction's temporary files are named
``.<name>.planaction-<8 hex digits>.tmp``, and only names of exactly that shape
are ever removed: another program's ``.plan.yaml.swp.tmp`` is not ours.

The new file keeps the old one's permissions, owner (when allowed) and
extended attributes (tags, ACLs, a sync client's marks). A file with several
names (hard links) is refused rather than saved: the rename gives the saved
name a new file, and the other names would silently keep the old plan.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from planaction.message import SaidError, say

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no folder locks, renames still atomic
    fcntl = None  # type: ignore[assignment]

#: How long a save waits for another planaction saving in the same folder.
LOCK_WAIT_SECONDS = 10.0
#: Without a lock, a temporary file older than this is taken for a leftover.
STALE_AFTER_SECONDS = 600.0


class SaveError(SaidError):
    """A save that did not happen; the message says why and what to do (``text(lang)``)."""


def temp_prefix(target: Path) -> str:
    """The start of the names of a target's temporary files (hidden, marked as planaction's, ending in .tmp)."""
    return f".{target.name}.planaction-"


def is_temp_of(name: str, target: Path) -> bool:
    """Whether ``name`` is one of planaction's temporary files for ``target``, and nothing else's."""
    return re.fullmatch(re.escape(temp_prefix(target)) + r"[0-9a-f]{8}\.tmp", name) is not None


def _create_temp(directory: Path, target: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``target``, readable by its owner only until it is ready."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        name = os.path.join(directory, f"{temp_prefix(target)}{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name")


#: What the user can do about the errors a save meets in practice.
_WHAT_TO_DO = {
    errno.ENOSPC: "save.advice.disk_full",
    errno.EDQUOT: "save.advice.quota",
    errno.EFBIG: "save.advice.too_large",
    errno.EROFS: "save.advice.read_only_disk",
    errno.EACCES: "save.advice.folder_writable",
    errno.EPERM: "save.advice.folder_writable",
}


def write_atomic(path: Path, data: bytes, *, check: Callable[[], None] | None = None) -> os.stat_result:
    """Replace ``path`` with ``data``; the file is always the old or the new version.

    ``check`` runs under the folder lock just before the rename and may raise
    (a conflict) to leave the file untouched. Returns the status of the file
    written (from its own descriptor, after the rename), so that a caller can
    recognise its own write and nothing else.
    """
    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        # /dev/null, /dev/stdout, a pipe: written into, never replaced (as root, renaming over
        # /dev/null replaced the device with a file for every program on the machine)
        return _write_into(target, data, path)
    if st is not None and (not os.access(target, os.W_OK) or not st.st_mode & 0o222):
        raise SaveError(say("save.read_only", path=str(path)))
    if st is not None and st.st_nlink > 1:
        raise SaveError(say("save.hard_links", path=str(path), count=st.st_nlink, name=target.name))
    directory = target.parent
    with _folder_lock(path, directory) as locked:
        _remove_leftovers(target, everything=locked)
        try:
            fd, tmp_name = _create_temp(directory, target)
        except OSError as exc:
            raise SaveError(
                say("save.cannot_write_in", path=str(path), folder=str(directory), reason=exc.strerror)
            ) from None
        replaced = False
        try:
            try:
                with os.fdopen(fd, "wb", closefd=False) as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                if st is not None:
                    os.chmod(tmp_name, stat.S_IMODE(st.st_mode))
                    with contextlib.suppress(PermissionError, AttributeError):
                        os.chown(tmp_name, st.st_uid, st.st_gid)
                    _copy_attributes(path, target, tmp_name)
                else:
                    os.chmod(tmp_name, 0o666 & ~_umask())
                if check is not None:
                    check()
                os.replace(tmp_name, target)
                replaced = True
                written = os.fstat(fd)  # the file just written, whatever is at the path by now
            finally:
                os.close(fd)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if exc.errno in _WHAT_TO_DO:
                said = say("save.failed_advice", path=str(path), reason=reason, advice=say(_WHAT_TO_DO[exc.errno]))
            else:
                said = say("save.failed", path=str(path), reason=reason)
            raise SaveError(said) from None
        finally:
            if not replaced:  # an error, a conflict, Ctrl+C: leave no trace
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
        _sync_folder(directory)
    return written


def _write_into(target: Path, data: bytes, path: Path) -> os.stat_result:
    try:
        with target.open("wb") as stream:
            stream.write(data)
            return os.fstat(stream.fileno())
    except OSError as exc:
        raise SaveError(
            say("save.cannot_write_in", path=str(path), folder=str(target.parent), reason=exc.strerror)
        ) from None


@contextlib.contextmanager
def _folder_lock(path: Path, directory: Path) -> Iterator[bool]:
    """Hold an exclusive lock on ``directory`` (True), or go on without one where locks do not exist (False)."""
    fd = None
    if fcntl is not None:
        with contextlib.suppress(OSError):  # unreadable folder: mkstemp will say why it cannot be written
            fd = os.open(directory, os.O_RDONLY)
    locked = fd is not None and _lock(fd, path, directory)
    try:
        yield locked
    finally:
        if fd is not None:
            if locked:
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _lock(fd: int, path: Path, directory: Path) -> bool:
    """Wait for the folder lock; False on a file system without locks."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise SaveError(
                    say("save.locked", path=str(path), folder=str(directory), seconds=f"{LOCK_WAIT_SECONDS:.0f}")
                ) from None
            time.sleep(0.01)
        except OSError:
            return False


def _remove_leftovers(target: Path, *, everything: bool) -> None:
    """Remove temporary files of ``target`` left by a killed save (all of them when the folder is locked)."""
    prefix = temp_prefix(target)
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and is_temp_of(entry.name, target)):
                continue
            with contextlib.suppress(OSError):
                if not entry.is_file(follow_symlinks=False):
                    continue
                if everything or now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS:
                    os.unlink(entry.path)


#: Attributes the system sets itself on a new file (SELinux labels, capabilities): not copied.
_SYSTEM_ASSIGNED = ("security.",)


def _copy_attributes(path: Path, source: Path, destination: str) -> None:
    """Give the new file the old one's extended attributes (ACLs included); SaveError if one cannot be kept."""
    if not hasattr(os, "listxattr"):  # pragma: no cover - not on Linux
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return  # a file system without extended attributes: nothing to keep
    for name in names:
        if name.startswith(_SYSTEM_ASSIGNED):
            continue
        try:
            os.setxattr(destination, name, os.getxattr(source, name))
        except OSError as exc:
            raise SaveError(
                say("save.xattr", path=str(path), name=name, reason=exc.strerror, file=source.name)
            ) from None


def _sync_folder(directory: Path) -> None:
    """Make the rename itself durable (a crash right after it must not bring the old file back)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
