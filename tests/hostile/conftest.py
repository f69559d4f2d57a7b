"""Helpers for hostile tests: processes killed mid-save, and an environment that fails.

``crash_*`` helpers run code in forked children that get SIGKILLed; ``fault_*``
helpers make the disk, the permissions or the file itself misbehave.
"""

from __future__ import annotations

import contextlib
import errno as errno_codes
import os
import shutil
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from planaction.store import atomic

NOBODY = 65534


@pytest.fixture(autouse=True)
def fault_no_user_keymap(tmp_path: Path, monkeypatch) -> None:
    """Apps started here never read the keys.toml of whoever runs the tests."""
    monkeypatch.setenv("PLANACTION_KEYS", str(tmp_path / "no-keys.toml"))


def crash_temp_files(plan: Path) -> list[Path]:
    """Temporary files a save of ``plan`` creates beside it (``.<name>.*.tmp``)."""
    return sorted(plan.parent.glob(f".{plan.name}.*.tmp"))


def crash_fork(body: Callable[[], object]) -> int:
    """Run ``body`` in a forked child that never returns into pytest; returns the pid.

    The child leaves with ``os._exit`` whatever happens (0 if ``body`` returned,
    70 if it raised), so no pytest teardown, atexit hook or buffered output of
    the parent ever runs twice.
    """
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 70
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            sys.stdout = sys.stderr = open(devnull, "w", closefd=False)  # noqa: SIM115 - not pytest's capture
            result = body()
            code = result if isinstance(result, int) else 0
        except BaseException:  # anything: the child must still _exit
            code = 70
        finally:
            os._exit(code)
    return pid


def crash_kill(pid: int) -> int:
    """SIGKILL a child (if still running) and reap it; returns its wait status."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _pid, status = os.waitpid(pid, 0)
    return status


def crash_wait(pid: int, timeout: float = 60.0) -> int:
    """Reap a child, SIGKILLing it if it still runs after ``timeout`` s; its exit code (-9: killed)."""
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            return os.waitstatus_to_exitcode(crash_kill(pid))
        time.sleep(0.002)


def crash_drain(fd: int) -> bytes:
    """Everything a dead child wrote to a pipe (its write end must be closed here)."""
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def fault_run_in_child(argv: list[str], *, user: int | None = None) -> SimpleNamespace:
    """Run ``planaction argv`` (the real ``cli.main``) in a forked child, optionally as ``user``.

    Forked rather than executed: the interpreter may live where an unprivileged
    user cannot run it (``/root/.pyenv``), but a forked child already has it.
    Returns ``returncode``, ``stdout`` and ``stderr`` like ``subprocess.run``.
    """
    # what the commands import lazily, imported while the interpreter's files are still readable
    import importlib.readers  # noqa: F401 - `new` reads its templates through it

    from planaction import cli
    from planaction.core import ops  # noqa: F401
    from planaction.exchange import ics  # noqa: F401
    from planaction.exchange.xlsx import export, importer  # noqa: F401
    from planaction.yamlfile import emit, patch  # noqa: F401

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            code = 70
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                # pytest's capture replaced sys.stdout / sys.stderr: print to the new fds instead
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                if user is not None:
                    os.setgroups([])
                    os.setgid(user)
                    os.setuid(user)
                code = cli.main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 71
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        returncode = crash_wait(pid)
        out.seek(0)
        err.seek(0)
        return SimpleNamespace(
            returncode=returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


@pytest.fixture
def fault_shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is 0700): 0755 under the system temp dir."""
    folder = Path(tempfile.mkdtemp(prefix="planaction-hostile-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for dirpath, dirnames, _files in os.walk(folder):
            for name in dirnames:
                with contextlib.suppress(OSError):
                    os.chmod(os.path.join(dirpath, name), 0o755)
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def fault_can_write_despite_permissions(folder: Path) -> bool:
    """Whether this process writes in a 0555 folder anyway (root, CAP_DAC_OVERRIDE)."""
    probe = folder / ".probe"
    folder.chmod(0o555)
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return False
    finally:
        folder.chmod(0o755)
    probe.unlink()
    return True


class _FaultyHandle:
    def __init__(self, handle, fail: Callable[[], None]) -> None:
        self._handle, self._fail = handle, fail

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._fail()
        return self._handle.write(data)

    def __getattr__(self, name: str):
        return getattr(self._handle, name)


def fault_store_os(monkeypatch, where: str, code: int = errno_codes.ENOSPC, raises: type | None = None) -> None:
    """Make the disk writes of ``planaction.atomic`` (every save) fail at ``where``, with OSError(``code``) or ``raises``.

    ``where``: ``"write"`` (the temp file's write, as on a full disk),
    ``"fsync"`` (the data cannot be flushed) or ``"replace"`` (the rename).
    Only that module sees the faulty ``os``; the rest of the process keeps the real one.
    """

    def fail(*_args) -> None:
        if raises is not None:
            raise raises()
        raise OSError(code, os.strerror(code))

    class FaultyOs:
        def __getattr__(self, name: str):
            return getattr(os, name)

        def fdopen(self, fd, *args, **kwargs):
            handle = os.fdopen(fd, *args, **kwargs)
            return _FaultyHandle(handle, fail) if where == "write" else handle

        def fsync(self, fd) -> None:
            if where == "fsync" and stat.S_ISREG(os.fstat(fd).st_mode):
                fail()
            os.fsync(fd)

        def replace(self, src, dst) -> None:
            if where == "replace":
                fail()
            os.replace(src, dst)

    monkeypatch.setattr(atomic, "os", FaultyOs())
