"""An output that is not a regular file (a pipe, /dev/null, /dev/stdout) is written into, never replaced.

The saves write a temporary file and rename it over the target, so that a file is always whole. Run
as root with ``-o /dev/null``, that rename replaced the machine's /dev/null with a file (seen during
the merge driver's benchmark). ``store.atomic.write_atomic`` now writes into such a target; a named
pipe stands for the devices here (replacing /dev/null to test it would break the machine).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_cli


def _read_pipe_while(pipe: Path, *command: str) -> tuple[bytes, object]:
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    done = run_cli(*command)
    reader.join(60)
    return (got[0] if got else b""), done


@pytest.mark.parametrize(
    ("command", "name", "starts_with"),
    [
        (("export", str(PLANS / "support-it.yaml"), "-o"), "out.xlsx", b"PK"),  # an XLSX is a zip archive
        (("ics", str(PLANS / "support-it.yaml"), "-o"), "out.ics", b"BEGIN:VCALENDAR"),
    ],
    ids=["export", "ics"],
)
def test_an_output_pipe_gets_the_bytes_and_stays_a_pipe(tmp_path: Path, command, name: str, starts_with: bytes) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    data, done = _read_pipe_while(pipe, *command, str(pipe), "--today", "2025-05-12")
    assert done.returncode == 0, done.stdout + done.stderr
    assert data.startswith(starts_with)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # still the pipe, no file put in its place
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # and no temporary file left beside it
