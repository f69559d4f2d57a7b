"""Reading a file the user named, whatever is at that path.

A path can name a FIFO, a device or a socket as easily as a file: ``open()``
of a FIFO blocks until a writer comes, and ``/dev/zero`` never ends. Every read
of a user's plan or workbook goes through ``read_regular``, which opens
without blocking, looks at what it opened (not at the path, which can be
swapped between a check and an open) and reads at most ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotAFile(OSError):
    """The path names something other than a regular file; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: this is {kind}, not a file")
        self.kind = kind


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words for a message."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The regular file at ``path``: at most ``limit + 1`` bytes (one more tells the caller it is too big).

    Raises ``NotAFile`` for anything else and ``OSError`` when it cannot be read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotAFile(path, kind_of(mode))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file, without opening it (a FIFO would block)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
