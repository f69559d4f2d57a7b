"""A save killed at a random moment leaves the old or the new complete file, never less.

Children are forked from the test process (cheap: no interpreter start) and
SIGKILLed after a seeded random delay, hundreds of times; after each kill the
plan must read, validate and be byte for byte one of the complete versions the
child could have written. Temporary files left by the kills are counted, and
must never be taken for the plan.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import openpyxl
import pytest

from planaction import cli, store
from planaction.core import ops
from planaction.exchange.xlsx import export as xlsx_export
from planaction.store import document
from tests.conftest import PLANS, examples, planaction_command
from tests.hostile.conftest import crash_drain, crash_fork, crash_kill, crash_temp_files, fault_store_os

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

SEED = 20250512
TODAY = dt.date(2025, 5, 12)
MAX_DELAY = 0.040
VERSION = re.compile(r"v(\d+)")


class Versions:
    """The bytes of every complete version a child may write: the original, or A1 titled v{n}."""

    def __init__(self, path: Path) -> None:
        self.document = store.load(path)
        self.original = path.read_bytes()
        self._renders: dict[int, bytes] = {}

    def plan(self, n: int):
        return ops.update_action(self.document.base, "A1", {"title": f"v{n}"}, TODAY)

    def expected(self, n: int) -> bytes:
        if n not in self._renders:
            text = self.document.render(self.plan(n))
            self._renders[n] = ((store.BOM if self.document.bom else "") + text).encode("utf-8")
        return self._renders[n]

    def problem(self, path: Path) -> str | None:
        """None if the file is one complete version; otherwise what is wrong with it."""
        data = path.read_bytes()
        if data == self.original:
            return None
        result = store.read(path)
        if result.document is None:
            return f"the file does not read as a plan: {result.problems[:1]}"
        title = result.document.plan.action("A1").title
        found = VERSION.fullmatch(title)
        if found is None:
            return f"A1 title is {title!r}, neither the original nor a version"
        if data != self.expected(int(found[1])):
            return f"the file reads as v{found[1]} but is not exactly that version's text"
        return None


class Tally:
    """What the kills hit, read from marks the child writes to a pipe.

    ``s``/``e`` around each save (or import), ``w``/``W`` around ``write_atomic``
    (temp file, write, fsync, rename): the last mark before the kill tells where it landed.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.kills = self.inside = self.inside_write = self.completed = 0
        self.leftovers: set[Path] = set()
        self.losses: list[tuple[int, str]] = []

    def record(self, marks: bytes) -> None:
        self.kills += 1
        outer = marks.translate(None, b"wW")
        self.inside += outer.endswith(b"s")
        self.inside_write += marks.translate(None, b"se").endswith(b"w")
        self.completed += outer.count(b"e")

    def summary(self) -> str:
        return (
            f"\n[hostile] {self.what}: {self.kills} kills, {self.inside} during one {self.what} "
            f"({self.inside_write} between temp file and rename), {self.completed} {self.what}s completed, "
            f"{len(self.leftovers)} temp file(s) left, {len(self.losses)} loss(es)"
        )


def mark_writes(fd: int):
    """In a child: mark the start and end of every ``write_atomic``; returns the unmarked one."""
    real = document.write_atomic

    def marked(path, data: bytes, **options):
        os.write(fd, b"w")
        written = real(path, data, **options)
        os.write(fd, b"W")
        return written

    document.write_atomic = marked  # the module that saves plans
    return real


def test_killed_save_leaves_the_old_or_the_new_file(copy_to_tmp) -> None:
    path = copy_to_tmp(PLANS / "support-it.yaml")
    versions = Versions(path)
    document = versions.document
    rng = random.Random(SEED)
    tally = Tally("save")

    for trial in range(examples(200)):
        read_end, write_end = os.pipe()

        def saver(write_end: int = write_end) -> None:
            mark_writes(write_end)
            n = 0
            while True:  # alternately modified versions, until killed
                n += 1
                plan = versions.plan(n)
                os.write(write_end, b"s")
                document.save(plan)
                os.write(write_end, b"e")

        pid = crash_fork(saver)
        os.close(write_end)
        time.sleep(rng.uniform(0, MAX_DELAY))
        status = crash_kill(pid)
        tally.record(crash_drain(read_end))
        assert os.WIFSIGNALED(status), f"trial {trial}: the saver stopped by itself (status {status})"
        problem = versions.problem(path)
        if problem is not None:
            tally.losses.append((trial, problem))
        tally.leftovers.update(crash_temp_files(path))
        path.write_bytes(versions.original)  # the next child starts from the original again

    print(tally.summary())
    assert not tally.losses, tally.losses[:5]
    assert tally.inside_write > 0 and tally.completed > 0, "no kill landed inside a write: the test checks nothing"
    # temp files left by kills are never taken for a plan, and never break the next read or save
    assert list(store.plan_files([path.parent])) == [path]
    assert store.read(path).document is not None
    assert store.load(path).save(versions.plan(1)) is True
    assert path.read_bytes() == versions.expected(1)


@pytest.fixture
def edited_book(tmp_path: Path) -> tuple[Path, Path, bytes, float]:
    """A plan, its workbook edited by the client (two statuses, a log row), the merged bytes, an import's time."""
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    document = store.load(plan)
    book = tmp_path / "support-it.xlsx"
    xlsx_export.export(
        document.plan, book, plan_id=document.plan_id, file_name=plan.name, today=TODAY, lang=document.plan.language
    )
    workbook = openpyxl.load_workbook(book)
    workbook["Actions"]["I3"] = "Terminé"
    workbook["Actions"]["I4"] = "En cours"
    workbook["Suivi"].append([dt.date(2025, 5, 14), "A3", None, "Webinaire planifié", "Date fixée", "Client"])
    workbook.save(book)
    # the fully merged result: the import run to completion on a copy
    copy_dir = tmp_path / "complete"
    copy_dir.mkdir()
    copy = copy_dir / plan.name
    shutil.copyfile(plan, copy)
    started = time.perf_counter()
    assert cli.main(["import", str(copy), str(book), "--today", "2025-05-15"]) == 0
    duration = time.perf_counter() - started
    merged = copy.read_bytes()
    assert merged != plan.read_bytes()
    return plan, book, merged, duration


def test_killed_import_leaves_the_old_or_the_merged_file(edited_book) -> None:
    plan, book, merged, duration = edited_book
    original = plan.read_bytes()
    argv = ["import", str(plan), str(book), "--today", "2025-05-15"]
    rng = random.Random(SEED + 1)
    max_delay = max(MAX_DELAY, 3 * duration)  # a slow machine still gets kills after complete imports
    tally = Tally("import")

    for trial in range(examples(100)):
        read_end, write_end = os.pipe()

        def importer(write_end: int = write_end) -> None:
            unmarked_write = mark_writes(write_end)
            while True:  # import (the CLI's own code), then put the original back, until killed
                os.write(write_end, b"s")
                if cli.main(argv) != 0:
                    raise SystemExit("the import failed")
                os.write(write_end, b"e")
                unmarked_write(plan, original)

        pid = crash_fork(importer)
        os.close(write_end)
        time.sleep(rng.uniform(0, max_delay))
        status = crash_kill(pid)
        tally.record(crash_drain(read_end))
        assert os.WIFSIGNALED(status), f"trial {trial}: the import stopped by itself (status {status})"
        data = plan.read_bytes()
        if data not in (original, merged):
            result = store.read(plan)
            tally.losses.append((trial, "valid but partly merged" if result.document else "invalid"))
        tally.leftovers.update(crash_temp_files(plan))
        plan.write_bytes(original)

    print(tally.summary())
    assert not tally.losses, tally.losses[:5]
    assert tally.inside_write > 0 and tally.completed > 0
    assert list(store.plan_files([plan.parent])) == [plan]


def test_killed_cli_set_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    """The real command, killed with SIGKILL around the moment it saves; three plans at a time."""
    plans = []
    for i in range(3):
        folder = tmp_path / f"p{i}"
        folder.mkdir()
        plans.append(folder / "support-it.yaml")
        shutil.copyfile(PLANS / "support-it.yaml", plans[-1])
    command = [*planaction_command(), "set"]
    env = {**os.environ, "NO_COLOR": "1"}

    def spawn(path: Path, n: int) -> subprocess.Popen:
        return subprocess.Popen(
            [*command, str(path), "A1", f"title=v{n}", "--today", TODAY.isoformat()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    durations = []  # how long runs take, three at a time: kills aim at their end, where the save is
    for _ in range(2):
        started = time.perf_counter()
        processes = [spawn(p, 0) for p in plans]
        for process in processes:
            assert process.wait(timeout=60) == 0
            durations.append(time.perf_counter() - started)
    duration = min(durations)
    for p in plans:
        shutil.copyfile(PLANS / "support-it.yaml", p)

    rng = random.Random(SEED + 2)
    rounds = max(1, examples(30) // len(plans))
    outcomes = {"old": 0, "new": 0}
    losses: list[tuple[int, str]] = []
    left: set[Path] = set()
    for trial in range(rounds):
        before = [(p.read_bytes(), store.load(p)) for p in plans]
        n = trial + 1
        expected_new = [
            doc.render(ops.update_action(doc.plan, "A1", {"title": f"v{n}"}, TODAY)).encode() for _b, doc in before
        ]
        start = time.perf_counter()
        processes = [spawn(p, n) for p in plans]
        kill_at = sorted((rng.uniform(0.85, 1.15) * duration, i) for i in range(len(plans)))
        for at, i in kill_at:
            time.sleep(max(0.0, start + at - time.perf_counter()))
            processes[i].send_signal(signal.SIGKILL)
        for process in processes:
            process.wait(timeout=60)
        for i, p in enumerate(plans):
            data = p.read_bytes()
            if data == before[i][0]:
                outcomes["old"] += 1
            elif data == expected_new[i]:
                outcomes["new"] += 1
            else:
                losses.append((trial, f"{p}: neither the old nor the new file"))
            left.update(crash_temp_files(p))

    print(
        f"\n[hostile] cli set: {rounds * len(plans)} kills (run {duration * 1000:.0f} ms), "
        f"{outcomes['old']} left the old file, {outcomes['new']} the new, {len(left)} temp file(s) left, "
        f"{len(losses)} loss(es)"
    )
    assert not losses, losses[:5]
    for p in plans:
        assert store.read(p).document is not None


def test_a_stale_temp_file_of_a_killed_save_is_removed_by_the_next_save(copy_to_tmp) -> None:
    path = copy_to_tmp(PLANS / "support-it.yaml")
    versions = Versions(path)
    read_end, write_end = os.pipe()

    def stuck_saver() -> None:
        # stop inside the save, after the temp file is written, like a machine that dies there
        real_fsync = os.fsync

        def fsync_then_hang(fd: int) -> None:
            real_fsync(fd)
            os.write(write_end, b"t")
            time.sleep(60)

        os.fsync = fsync_then_hang
        versions.document.save(versions.plan(1))

    pid = crash_fork(stuck_saver)
    os.close(write_end)
    assert os.read(read_end, 1) == b"t"
    crash_kill(pid)
    os.close(read_end)
    stale = crash_temp_files(path)
    assert len(stale) == 1, stale
    assert path.read_bytes() == versions.original  # killed before the rename: the old file, whole
    an_hour_ago = time.time() - 3600
    os.utime(stale[0], (an_hour_ago, an_hour_ago))

    store.load(path).save(versions.plan(2))  # the next save, an hour later

    assert path.read_bytes() == versions.expected(2)
    assert crash_temp_files(path) == [], "the killed save's temp file is still beside the plan"


def test_ctrl_c_during_a_cli_save_leaves_no_trace(copy_to_tmp, monkeypatch, capsys) -> None:
    path = copy_to_tmp(PLANS / "support-it.yaml")
    before = path.read_bytes()
    fault_store_os(monkeypatch, "fsync", raises=KeyboardInterrupt)
    code = cli.main(["set", str(path), "A1", "title=Interrompu", "--today", TODAY.isoformat()])
    err = capsys.readouterr().err
    assert code == 130 and "Traceback" not in err
    assert path.read_bytes() == before
    assert crash_temp_files(path) == []
