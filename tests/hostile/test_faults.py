"""An environment that fails: full disk, read-only file or folder, a file changed or
replaced behind planaction's back, two editors at once, a lock held by someone else.

Each time: a clear message (no traceback, names the file, says why), a non-zero
exit for the CLI, the edits kept in the app, and nothing half-written (the
folder's files byte for byte as they were, no temp file left).
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
import resource
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from planaction import cli, store
from planaction.core import ops
from planaction.core.model import Status
from planaction.exchange.xlsx import export as xlsx_export
from planaction.store import atomic, reading, savecheck
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.questions import ChoiceModal
from tests.conftest import PLANS, examples, planaction_command, run_cli
from tests.hostile.conftest import (
    NOBODY,
    crash_fork,
    crash_kill,
    crash_temp_files,
    crash_wait,
    fault_can_write_despite_permissions,
    fault_run_in_child,
    fault_store_os,
)
from tests.tui.conftest import SIZE, make_app

TODAY = "2025-05-12"
PLAN = "support-it.yaml"
FSIZE_LIMIT = 512  # bytes: smaller than anything planaction writes here


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder (hidden ones too) and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def make_folder(folder: Path) -> None:
    """A plan, a client's edited workbook, and the outputs of an earlier export and calendar."""
    plan = folder / PLAN
    shutil.copyfile(PLANS / PLAN, plan)
    document = store.load(plan)
    book = folder / "client.xlsx"
    xlsx_export.export(
        document.plan,
        book,
        plan_id=document.plan_id,
        file_name=PLAN,
        today=dt.date(2025, 5, 12),
        lang=document.plan.language,
    )
    workbook = openpyxl.load_workbook(book)
    workbook["Actions"]["I3"] = "Terminé"
    workbook["Suivi"].append([dt.date(2025, 5, 14), "A3", None, "Webinaire planifié", "Date fixée", "Client"])
    workbook.save(book)
    (folder / "support-it.xlsx").write_bytes(b"an earlier export")
    (folder / "plans.ics").write_bytes(b"an earlier calendar")


#: command -> (its arguments in a folder, the file it writes)
COMMANDS = {
    "set": lambda d: (["set", d / PLAN, "A1", "title=Nouveau titre", "--today", TODAY], d / PLAN),
    "import": lambda d: (["import", d / PLAN, d / "client.xlsx", "--today", TODAY], d / PLAN),
    "export": lambda d: (["export", d / PLAN, "-o", d / "support-it.xlsx", "--today", TODAY], d / "support-it.xlsx"),
    "ics": lambda d: (["ics", d / PLAN, "-o", d / "plans.ics", "--today", TODAY], d / "plans.ics"),
    "new": lambda d: (["new", d / "nouveau.yaml", "--title", "Nouveau plan"], d / "nouveau.yaml"),
}


def assert_refused_cleanly(done, target: Path, reason: str, before: dict[str, bytes], folder: Path) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output, output
    assert str(target) in done.stderr, done.stderr  # names the file
    assert reason in done.stderr, done.stderr  # says why
    assert any(advice in done.stderr for advice in ("elsewhere", "writable", "Free some")), done.stderr  # what to do
    assert snapshot(folder) == before  # nothing half-written, nothing new, no temp file


# -- full disk ----------------------------------------------------------------------


def _fsize_limited() -> None:  # runs in the child, before exec
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_LIMIT, FSIZE_LIMIT))


@pytest.mark.parametrize("command", COMMANDS)
def test_full_disk_cli(command: str, tmp_path: Path) -> None:
    """Writes fail with EFBIG past 512 bytes (RLIMIT_FSIZE), as they would on a full disk."""
    make_folder(tmp_path)
    argv, target = COMMANDS[command](tmp_path)
    before = snapshot(tmp_path)
    done = subprocess.run(
        [*planaction_command(), *map(str, argv)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        preexec_fn=_fsize_limited,
        timeout=120,
    )
    assert_refused_cleanly(done, target, os.strerror(errno.EFBIG), before, tmp_path)
    assert "unchanged" in done.stderr or "nothing" in done.stderr


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / PLAN
    shutil.copyfile(PLANS / PLAN, path)
    return path


def error_messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
async def test_full_disk_in_the_app_keeps_the_edits(plan_path: Path, monkeypatch, where: str) -> None:
    before = plan_path.read_bytes()
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("s")  # A1 done -> to do
        fault_store_os(monkeypatch, where, errno.ENOSPC)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.dirty
        assert screen.session.plan.action("A1").status == Status.TODO
        messages = error_messages(app)
        assert messages, "no error shown"
        assert str(plan_path) in messages[-1] and os.strerror(errno.ENOSPC) in messages[-1]
        assert "unchanged" in messages[-1]
        assert plan_path.read_bytes() == before
        assert crash_temp_files(plan_path) == []
        monkeypatch.setattr(atomic, "os", os)  # space again: the same edits save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.session.dirty
    assert store.load(plan_path).plan.action("A1").status == Status.TODO


async def test_full_disk_during_the_apps_export(plan_path: Path, monkeypatch) -> None:
    before = snapshot(plan_path.parent)
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        fault_store_os(monkeypatch, "write", errno.ENOSPC)
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = error_messages(app)
        assert messages and "support-it.xlsx" in messages[-1] and os.strerror(errno.ENOSPC) in messages[-1]
    assert snapshot(plan_path.parent) == before  # no workbook, no temp file


async def test_apps_export_when_the_temp_folder_fails(plan_path: Path, monkeypatch) -> None:
    """The workbook is built in memory (openpyxl's temporary files are not used): an unusable system temp
    folder does not stop the export, and the plan's folder gains the workbook and nothing else."""
    before = snapshot(plan_path.parent)
    monkeypatch.setattr(tempfile, "tempdir", str(plan_path.parent / "gone"))  # the system temp folder is unusable
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert error_messages(app) == []
        assert isinstance(app.screen, PlanScreen)  # still running, nothing lost
    after = snapshot(plan_path.parent)
    book = plan_path.with_name("support-it.xlsx")
    assert set(after) - set(before) == {book.name} and {k: after[k] for k in before} == before
    sheets = CalamineWorkbook.from_path(str(book)).sheet_names
    assert len(sheets) > 3 and "_planaction" in sheets


# -- read-only file -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["set", "import", "export", "ics"])
def test_read_only_file_cli(command: str, tmp_path: Path) -> None:
    """planaction reads the mode bits, so this holds for root too."""
    make_folder(tmp_path)
    argv, target = COMMANDS[command](tmp_path)
    target.chmod(0o444)
    before = snapshot(tmp_path)
    done = run_cli(*argv)
    assert_refused_cleanly(done, target, "read-only", before, tmp_path)
    assert "chmod u+w" in done.stderr  # what to do
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


async def test_read_only_file_in_the_app_keeps_the_edits(plan_path: Path) -> None:
    before = plan_path.read_bytes()
    plan_path.chmod(0o444)
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.dirty
        messages = error_messages(app)
        assert messages and str(plan_path) in messages[-1] and "read-only" in messages[-1]
        assert plan_path.read_bytes() == before and crash_temp_files(plan_path) == []
        plan_path.chmod(0o644)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.session.dirty
    assert store.load(plan_path).plan.action("A1").status == Status.TODO


# -- read-only folder -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["set", "import", "export", "ics", "new"])
def test_read_only_folder_cli(command: str, fault_shared_dir: Path) -> None:
    """The folder is 0555; the files in it are the user's. Root ignores permissions,
    so as root the command runs as `nobody` (the files are then given to nobody)."""
    folder = fault_shared_dir / "plans"
    folder.mkdir()
    make_folder(folder)
    user = None
    if fault_can_write_despite_permissions(folder):
        if os.geteuid() != 0:
            pytest.skip("permissions are not enforced here and we cannot run as another user")
        user = NOBODY
        for path in [folder, *folder.iterdir()]:
            os.chown(path, NOBODY, NOBODY)
    argv, target = COMMANDS[command](folder)
    before = snapshot(folder)
    folder.chmod(0o555)
    try:
        done = fault_run_in_child([str(a) for a in argv], user=user)
    finally:
        folder.chmod(0o755)
    if done.returncode == 71 and "PermissionError" in done.stderr and user is not None:
        pytest.skip(f"cannot run as nobody here: {done.stderr.splitlines()[-1]}")
    assert_refused_cleanly(done, target, os.strerror(errno.EACCES), before, folder)
    assert str(folder) in done.stderr  # says which folder cannot be written


# -- the file changed, replaced or deleted behind the app's back ---------------------------


def colleague_cli_set(path: Path) -> None:
    done = run_cli("set", path, "A2", "owner=Collègue", "--today", TODAY)
    assert done.returncode == 0, done.stderr


def colleague_mv_over(path: Path) -> None:
    other = path.with_name("other.yaml.part")
    other.write_text(path.read_text(encoding="utf-8").replace("Développeur", "Collègue"), encoding="utf-8")
    os.replace(other, path)  # what `mv other support-it.yaml` does


def colleague_delete(path: Path) -> None:
    path.unlink()


COLLEAGUES = {"cli-set": colleague_cli_set, "mv-over": colleague_mv_over, "delete": colleague_delete}


def assert_valid_if_present(path: Path) -> None:
    if path.exists():
        assert store.read(path).document is not None, "the file on disk is not a valid plan"


@pytest.fixture
def disk_looked_at_only_on_save(monkeypatch):
    """These stories are about the save's own check: the 2-second look at the disk must not come first
    on a slow machine (it asks its own question, also right, but another story)."""
    from planaction.tui.screens import plan as plan_screen

    monkeypatch.setattr(plan_screen, "DISK_CHECK_SECONDS", 3600)


@pytest.mark.usefixtures("disk_looked_at_only_on_save")
@pytest.mark.parametrize("choice", ["keep", "reload"])
@pytest.mark.parametrize("how", list(COLLEAGUES))
async def test_file_replaced_while_open_then_saved(plan_path: Path, how: str, choice: str) -> None:
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await pilot.press("s")  # my edit: A1 done -> to do
        COLLEAGUES[how](plan_path)
        theirs = plan_path.read_bytes() if plan_path.exists() else None
        await pilot.press("ctrl+s")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ChoiceModal), "the save did not ask"
        assert PLAN in modal.question
        assert (plan_path.read_bytes() if plan_path.exists() else None) == theirs  # not overwritten
        assert screen.session.dirty and screen.session.plan.action("A1").status == Status.TODO
        await pilot.click(f"#{choice}")
        await pilot.pause()
        assert_valid_if_present(plan_path)
        if choice == "keep":  # mine replaces theirs, as chosen
            assert store.load(plan_path).plan.action("A1").status == Status.TODO
            assert store.load(plan_path).plan.action("A2").owner == "Développeur"
            assert not screen.session.dirty
        elif how == "delete":  # nothing to reload: said so, and my edits are still there to save
            assert any(PLAN in m for m in error_messages(app))
            assert not plan_path.exists()
            assert screen.session.dirty and screen.session.plan.action("A1").status == Status.TODO
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert store.load(plan_path).plan.action("A1").status == Status.TODO
        else:  # theirs, my edits dropped as chosen
            assert plan_path.read_bytes() == theirs
            assert not screen.session.dirty
            assert screen.session.plan.action("A2").owner == "Collègue"
            assert screen.session.plan.action("A1").status == Status.DONE


def test_same_size_change_within_one_timestamp_tick_is_noticed(plan_path: Path) -> None:
    document = store.load(plan_path)
    st = plan_path.stat()
    text = plan_path.read_text(encoding="utf-8")
    assert "progress: 80\n" in text
    plan_path.write_text(text.replace("progress: 80\n", "progress: 90\n", 1), encoding="utf-8")  # same size
    os.utime(plan_path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same timestamp, as a coarse clock gives
    theirs = plan_path.read_bytes()
    mine = ops.update_action(document.plan, "A1", {"title": "Mon titre"}, dt.date(2025, 5, 12))
    with pytest.raises(store.ConflictError):
        document.save(mine)
    assert plan_path.read_bytes() == theirs


# -- the file replaced while it is being read -------------------------------------------------

#: Run by the real command's interpreter (on PYTHONPATH as ``sitecustomize``): the colleague's file
#: is renamed over the plan once planaction has read the plan's bytes and is parsing them, which is
#: what a `mv`, `cp -p`, `rsync -a` or a sync client does at an unlucky moment.
REPLACE_DURING_PARSE = """
import os
from planaction.store import reading

_parse = reading.parse


def parse(*args, **kwargs):
    source, target = os.environ["PLANACTION_TEST_REPLACE"].split(os.pathsep)
    if os.path.exists(source):
        os.replace(source, target)
    return _parse(*args, **kwargs)


reading.parse = parse  # where store.read finds it
"""


def colleague_version(path: Path, how: str) -> Path:
    """The colleague's plan, ready to be renamed over ``path``: an older timestamp (`mv`, `cp -p`,
    `rsync -a`), or the very same timestamp and size, so that only the inode tells them apart."""
    text = path.read_text(encoding="utf-8")
    theirs = path.with_name(".colleague.yaml")
    if how == "older mtime":
        theirs.write_text(text.replace("Développeur", "Collègue"), encoding="utf-8")
        os.utime(theirs, (1_600_000_000, 1_600_000_000))
    else:
        theirs.write_text(text.replace("Développeur", "Développeux"), encoding="utf-8")
        assert theirs.stat().st_size == path.stat().st_size
        os.utime(path, (1_600_000_000, 1_600_000_000))  # an old file, so its timestamp could vouch
        os.utime(theirs, (1_600_000_000, 1_600_000_000))
    return theirs


@pytest.mark.parametrize("how", ["older mtime", "same mtime and size"])
def test_cli_set_when_the_file_is_replaced_while_read(plan_path: Path, tmp_path: Path, how: str) -> None:
    theirs = colleague_version(plan_path, how)
    expected = theirs.read_bytes()
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(REPLACE_DURING_PARSE, encoding="utf-8")
    done = run_cli(
        "set",
        plan_path,
        "A1",
        "title=Mon titre",
        "--today",
        TODAY,
        env={"PYTHONPATH": str(hook), "PLANACTION_TEST_REPLACE": f"{theirs}{os.pathsep}{plan_path}"},
    )
    assert not theirs.exists(), "the hook did not run"
    assert done.returncode == 1, done.stdout + done.stderr
    assert "changed on disk" in done.stderr and str(plan_path) in done.stderr
    assert "Traceback" not in done.stderr
    assert plan_path.read_bytes() == expected  # the colleague's version, intact
    assert crash_temp_files(plan_path) == []


@pytest.mark.parametrize("how", ["older mtime", "same mtime and size"])
async def test_app_save_when_the_file_was_replaced_while_read(plan_path: Path, monkeypatch, how: str) -> None:
    theirs = colleague_version(plan_path, how)
    expected = theirs.read_bytes()
    real_parse = store.parse

    def parse_while_colleague_saves(*args, **kwargs):
        if theirs.exists():
            os.replace(theirs, plan_path)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(reading, "parse", parse_while_colleague_saves)  # where store.read finds it
    app = make_app(plan_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert not theirs.exists(), "the replacement did not happen during the read"
        await pilot.press("s")  # my edit
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal), "the save did not ask"
        assert plan_path.read_bytes() == expected
        assert screen.session.dirty


# -- the CLI: the file changes between its read and its write --------------------------------


def test_cli_set_when_the_file_changes_before_its_save(plan_path: Path, monkeypatch, capsys) -> None:
    real_update = ops.update_action

    def update_then_colleague_saves(*args, **kwargs):
        result = real_update(*args, **kwargs)
        colleague_mv_over(plan_path)
        return result

    monkeypatch.setattr(ops, "update_action", update_then_colleague_saves)
    code = cli.main(["set", str(plan_path), "A1", "title=Mon titre", "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 1
    assert str(plan_path) in err and "changed on disk" in err
    plan = store.load(plan_path).plan
    assert plan.action("A2").owner == "Collègue" and plan.action("A1").title != "Mon titre"
    assert crash_temp_files(plan_path) == []


def test_a_change_during_the_save_itself_is_not_overwritten(plan_path: Path, monkeypatch) -> None:
    """Another program writes the plan while planaction is saving it (after its check, before its rename)."""
    document = store.load(plan_path)
    real_check = savecheck.check

    def colleague_saves_meanwhile(*args, **kwargs):
        colleague_mv_over(plan_path)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(savecheck, "check", colleague_saves_meanwhile)
    mine = ops.update_action(document.plan, "A1", {"title": "Mon titre"}, dt.date(2025, 5, 12))
    with pytest.raises(store.ConflictError):
        document.save(mine)
    assert store.load(plan_path).plan.action("A2").owner == "Collègue"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_concurrent_saves_never_lose_an_acknowledged_edit(plan_path: Path) -> None:
    """Four savers (forked, as four `planaction set` runs) load the plan, then save different actions at once.

    Each may win or get a ConflictError; a saver told "saved" must find its edit in the file."""
    original = plan_path.read_bytes()
    rounds = examples(20)
    lost: list[str] = []
    outcomes = {"saved": 0, "conflict": 0}
    for r in range(rounds):
        plan_path.write_bytes(original)
        ready_r, ready_w = os.pipe()
        go_r, go_w = os.pipe()
        pids = {}
        for i in range(1, 5):

            def saver(i: int = i, r: int = r, ready_w: int = ready_w, go_r: int = go_r) -> int:
                document = store.load(plan_path)
                plan = ops.update_action(document.plan, f"A{i}", {"title": f"r{r}-{i}"}, dt.date(2025, 5, 12))
                os.write(ready_w, b"r")
                os.read(go_r, 1)
                try:
                    document.save(plan)
                except store.ConflictError:
                    return 3
                return 0

            pids[i] = crash_fork(saver)
        os.close(ready_w)
        os.close(go_r)
        assert len(b"".join(os.read(ready_r, 1) for _ in pids)) == len(pids)
        os.write(go_w, b"g" * len(pids))
        codes = {i: crash_wait(pid) for i, pid in pids.items()}
        for fd in (ready_r, go_w):
            os.close(fd)
        result = store.read(plan_path)
        assert result.document is not None, "the file is not a valid plan"
        final = result.document.plan
        for i, code in codes.items():
            assert code in (0, 3), f"saver {i} failed with {code}"
            outcomes["saved" if code == 0 else "conflict"] += 1
            if code == 0 and final.action(f"A{i}").title != f"r{r}-{i}":
                lost.append(f"round {r}: A{i}")
        assert crash_temp_files(plan_path) == []
    print(f"\n[hostile] concurrent saves: {outcomes}, {len(lost)} acknowledged edit(s) lost")
    assert not lost, lost[:8]


# -- two app instances on the same plan -------------------------------------------------------


@pytest.mark.usefixtures("disk_looked_at_only_on_save")
@pytest.mark.parametrize("choice", ["keep", "reload"])
async def test_two_apps_on_the_same_plan(plan_path: Path, choice: str) -> None:
    """Textual runs two apps nested in one test: A and B open the plan, A saves, then B saves."""
    a, b = make_app(plan_path), make_app(plan_path)
    async with a.run_test(size=SIZE) as pa, b.run_test(size=SIZE) as pb:
        screen_a, screen_b = a.screen, b.screen
        await pa.press("s")  # A: A1 done -> to do
        await pa.press("ctrl+s")
        await pa.pause()
        assert not screen_a.session.dirty
        after_a = plan_path.read_bytes()
        assert store.load(plan_path).plan.action("A1").status == Status.TODO
        await pb.press("down", "s")  # B: A2 in progress -> done
        await pb.press("ctrl+s")
        await pb.pause()
        assert isinstance(b.screen, ChoiceModal), "B overwrote A's save without asking"
        assert plan_path.read_bytes() == after_a
        assert screen_b.session.dirty
        await pb.click(f"#{choice}")
        await pb.pause()
        assert_valid_if_present(plan_path)
        plan = store.load(plan_path).plan
        if choice == "keep":  # B's version, as B chose; A is then told its file changed
            assert plan.action("A2").status == Status.DONE and plan.action("A1").status == Status.DONE
            a.call_later(screen_a.check_disk)  # in A's own loop (nested, the active app is B)
            await pa.pause()
            assert isinstance(a.screen, ChoiceModal)
        else:  # A's version, in B too
            assert plan_path.read_bytes() == after_a
            assert screen_b.session.plan.action("A1").status == Status.TODO
            assert screen_b.session.plan.action("A2").status == Status.IN_PROGRESS
            assert not screen_b.session.dirty


# -- an advisory lock held by another process --------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_save_while_another_process_holds_a_flock(plan_path: Path) -> None:
    """Observed: planaction neither takes nor waits for advisory locks. The save succeeds at once;
    the rename leaves the holder's lock on the old, now unlinked, inode, so the new file is unlocked."""
    read_end, write_end = os.pipe()

    def holder() -> None:
        fd = os.open(plan_path, os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(write_end, b"l")
        time.sleep(60)

    pid = crash_fork(holder)
    os.close(write_end)
    try:
        assert os.read(read_end, 1) == b"l"
        started = time.perf_counter()
        done = run_cli("set", plan_path, "A1", "title=Sous verrou", "--today", TODAY)
        assert done.returncode == 0, done.stderr
        assert time.perf_counter() - started < 30  # did not wait for the lock
        assert store.load(plan_path).plan.action("A1").title == "Sous verrou"
        fd = os.open(plan_path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the new file is not locked
        finally:
            os.close(fd)
    finally:
        crash_kill(pid)
        os.close(read_end)
    assert crash_temp_files(plan_path) == []
