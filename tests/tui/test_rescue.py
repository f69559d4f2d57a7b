"""A stop that cannot ask keeps the unsaved edits beside the plan, and the next open offers them back.

The terminal closing (SIGHUP), a ``kill`` (SIGTERM) or a crash in a widget
used to lose every unsaved edit. The real app runs here in a pseudo-terminal,
receives keys and then the signal; the plan file must be untouched (no one
confirmed a save) and ``plan.yaml.unsaved`` must hold the edit.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from pathlib import Path

import pytest

from planaction import store
from planaction.core import ops
from planaction.core.model import Status
from planaction.present.session import EditSession, find_rescued
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.dashboard import DashboardView
from planaction.tui.widgets.questions import ChoiceModal
from tests.conftest import planaction_command
from tests.tui.conftest import SIZE, TODAY, make_app


class Terminal:
    """The real ``planaction`` in a pseudo-terminal: keys in, screen bytes drained, signals sent."""

    def __init__(self, *args: str, cwd: Path) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        env.pop("TEXTUAL_DRIVER", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes planaction
            os.chdir(cwd)
            command = planaction_command()
            os.execve(command[0], [*command, *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.screen = b""

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        if self.fd < 0:  # the terminal is closed: nothing to read, just wait
            time.sleep(seconds)
            return
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.screen += chunk

    def wait_for(self, text: str, seconds: float = 20.0) -> None:
        end = time.monotonic() + seconds
        while text.encode() not in self.screen and time.monotonic() < end:
            self.drain(0.1)
        assert text.encode() in self.screen, f"{text!r} never drawn"

    def keys(self, data: str) -> None:
        os.write(self.fd, data.encode())
        self.drain(1.0)

    def exit_status(self, seconds: float = 20.0) -> int | None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self.drain(0.1)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "terminal closed"])
def test_a_stop_without_a_question_keeps_the_edits_beside_the_plan(plan_copy, how: str) -> None:
    path = plan_copy()
    before = path.read_bytes()
    terminal = Terminal(path.name, "--today", TODAY.isoformat(), cwd=path.parent)
    try:
        terminal.wait_for("Optimisation support IT")
        terminal.keys("s")  # A1: done -> to do, unsaved
        terminal.wait_for("modifi")  # the title bar's "● modifié"
        if how == "terminal closed":
            terminal.close()
        else:
            os.kill(terminal.pid, getattr(signal, how))
        status = terminal.exit_status()
    finally:
        terminal.close()
    assert status is not None, "the app did not stop"
    assert path.read_bytes() == before  # no one confirmed a save
    rescued = path.with_name(path.name + ".unsaved")
    assert rescued.exists(), f"edits lost on {how}"
    kept = store.parse(rescued.read_text(encoding="utf-8"), str(rescued)).document
    assert kept is not None and kept.plan.action("A1").status == Status.TODO


async def test_the_next_open_offers_the_edits_back(plan_copy) -> None:
    path = plan_copy()
    session = EditSession.open(path, TODAY)
    session.apply(lambda plan: ops.cycle_status(plan, "A1", TODAY))
    rescued = session.rescue()
    assert rescued is not None and rescued.name == "support-it.yaml.unsaved"
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#restore")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen) and screen.session.dirty
        assert screen.plan.action("A1").status == Status.TODO
        assert not rescued.exists()
        await pilot.press("ctrl+z")  # the restored edits are one undoable step
        assert not screen.session.dirty
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    assert path.read_bytes() != before
    assert store.load(path).plan.action("A1").status == Status.TODO


async def test_edits_made_on_an_older_file_are_not_offered_as_they_are(plan_copy) -> None:
    path = plan_copy()
    session = EditSession.open(path, TODAY)
    session.apply(lambda plan: ops.cycle_status(plan, "A1", TODAY))
    rescued = session.rescue()
    path.write_text(path.read_text(encoding="utf-8").replace("Développeur", "Développeuse"), encoding="utf-8")
    assert find_rescued(store.load(path)).current is False
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChoiceModal)
        assert not app.screen.query("#restore")  # only later or delete: comparing is said in the question
        assert "planaction diff support-it.yaml support-it.yaml.unsaved" in str(app.screen.question)
        await pilot.click("#later")
        await pilot.pause()
        assert not app.screen.session.dirty
    assert rescued.exists()


async def test_a_crash_in_a_widget_keeps_the_edits(plan_copy, monkeypatch) -> None:
    path = plan_copy()
    before = path.read_bytes()

    def broken(*_args, **_kwargs) -> None:
        raise RuntimeError("a bug in a panel")

    monkeypatch.setattr(DashboardView, "show", broken)
    app = make_app(path)
    with pytest.raises(RuntimeError, match="a bug in a panel"):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s", "2")
            await pilot.pause()
    assert app.return_code == 1
    assert path.read_bytes() == before
    kept = path.with_name(path.name + ".unsaved")
    assert kept.exists(), "the crash lost the unsaved edit"
    assert any(str(kept) in sentence for sentence in app.rescued)
