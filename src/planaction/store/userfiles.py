"""Reading a file the user named, whatever is at that path.

A path can name a FIFO, a device or a socket as easily as a file: ``open()``
of a FIFO blocks until a writer comes, and ``/dev/zero`` never ends. Every read
of a user's plan or workbook goes through ``read_regular``, which opens
without blocking, looks at what it opened (not at the path, which can be
swapped between a check and an open) and reads at most ``limit`` bytes.

``read_snapshot`` also gives the status of the descriptor the bytes came from,
taken before reading them: a save checks "has the file changed since it was
read?" against exactly those bytes, even if the file is renamed over while
it is being parsed (``mv``, ``cp -p``, ``rsync -a`` and sync clients bring an
older timestamp, which a status taken later would wrongly vouch for).
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from planaction.message import Message, say


class NotAFile(OSError):
    """The path names something other than a regular file; ``kind`` says what (``said``: to say it in French)."""

    def __init__(self, path: Path, kind: Message) -> None:
        self.said = say("file.not_a_file", path=str(path), kind=kind)
        super().__init__(self.said.text())
        self.kind = kind.text()
        self.kind_said = kind


def kind_said(mode: int) -> Message:
    """What a non-regular file is, as a message."""
    if stat.S_ISDIR(mode):
        return say("file.kind.folder")
    if stat.S_ISFIFO(mode):
        return say("file.kind.fifo")
    if stat.S_ISSOCK(mode):
        return say("file.kind.socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("file.kind.device")
    return say("file.kind.other")


def kind_of(mode: int) -> str:
    """What a non-regular file is, in English words for a message."""
    return kind_said(mode).text()


@dataclass(frozen=True)
class Snapshot:
    """Bytes read from a file, and what the file was when they were read."""

    data: bytes
    stat: os.stat_result  # of the open descriptor, before the bytes were read: inode, size, times
    seen_ns: int  # the wall clock just before the file was opened


def read_snapshot(path: Path, limit: int | None = None) -> Snapshot:
    """The regular file at ``path``: at most ``limit + 1`` bytes (one more tells the caller it is too big).

    Raises ``NotAFile`` for anything else and ``OSError`` when it cannot be read.
    """
    seen_ns = time.time_ns()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotAFile(path, kind_said(status.st_mode))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    finally:
        os.close(fd)
    return Snapshot(data, status, seen_ns)


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``read_snapshot``."""
    return read_snapshot(path, limit).data


def is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file, without opening it (a FIFO would block)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
