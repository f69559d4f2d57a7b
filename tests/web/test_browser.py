"""The app in a browser page: ``textual serve "planaction plans/"``, driven in headless Chromium.

textual-serve runs the app in a child process whose stdin and stdout are pipes (the web driver
speaks a packet protocol on them), so the command line must let the web driver through while it
still refuses a plain pipe. The test starts the real ``textual serve`` on a free localhost port
over a copy of ``plans/``, opens the page in the Debian ``chromium`` (Playwright drives it; it
downloads no browser of its own), reads what the page's terminal holds, presses keys as a person
would, and takes the export the browser downloads back with openpyxl.

The page's xterm.js draws on a canvas, so its text is not in the DOM: an init script keeps the
page's ``Terminal`` object when xterm.js builds it (the moment it sets ``_addonManager`` on
itself), and ``window.__screen()`` reads its visible rows, the characters the page shows.

Without Chromium the browser test is skipped, unless ``PLANACTION_REQUIRE_CHROMIUM=1`` (CI sets it
in ``.ci/run``), which makes it fail instead. Every process started here (the server, the app it
runs, the browser) is ended at the end, and the test checks that none is left.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from planaction import store
from planaction.words.tui import say as say_tui
from tests.conftest import PLANS, planaction_command

TODAY = "2025-05-14"
WAIT_MS = 30_000

# Keeps the page's xterm.js Terminal (see the module docstring) and reads its visible rows.
PAGE_SCRIPT = """
Object.defineProperty(Object.prototype, '_addonManager', {
  configurable: true,
  set(value) {
    window.__term = this;
    Object.defineProperty(this, '_addonManager', {value, writable: true, configurable: true, enumerable: true});
  },
});
window.__screen = () => {
  const term = window.__term;
  if (!term) return '';
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : '');
  }
  return rows.join('\\n');
};
"""


def chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("PLANACTION_REQUIRE_CHROMIUM") == "1":
        pytest.fail("Chromium is required here: apt-get install chromium")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@contextlib.contextmanager
def served(folder: Path, log: Path) -> Iterator[str]:
    """``textual serve "planaction plans/ --today ..."`` in a process group of its own, on a free
    port; yields the page's URL. The whole group (server, shell, app) is ended afterwards."""
    port = free_port()
    # the README's command, with this environment's bin/ first on PATH as an activated one has it
    # (textual serve runs a path to a Python script as `python SCRIPT` and drops its arguments)
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                str(bin_dir / "textual"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                f"planaction plans/ --today {TODAY}",
            ],
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"textual serve did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)  # reaped, or its group would look alive
        deadline = time.monotonic() + 10
        while group_alive(server.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if group_alive(server.pid):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
            pytest.fail("textual serve or the app it ran did not stop on SIGTERM")


def test_a_plain_pipe_is_still_refused(tmp_path: Path) -> None:
    """Only the web driver gets through without a terminal: a pipe, or another driver, is refused."""
    for driver in (None, "textual.drivers.linux_driver:LinuxDriver"):
        env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
        if driver:
            env["TEXTUAL_DRIVER"] = driver
        done = subprocess.run(
            [*planaction_command(), str(PLANS)],
            stdin=subprocess.PIPE,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert "the app needs a terminal" in done.stderr
        assert done.stdout == ""


async def test_a_closed_page_keeps_unsaved_edits_and_a_quit_does_not(tmp_path: Path) -> None:
    """textual-serve tells the web driver to quit when the page closes: an ExitApp no way of
    leaving asked for. No one can be asked, so the edits go beside the plan, as when a terminal
    closes; an exit the app chose (after asking) keeps nothing."""
    from textual import messages

    from planaction.tui.app import PlanactionApp

    plan = tmp_path / "support-it.yaml"
    shutil.copyfile(PLANS / "support-it.yaml", plan)
    before = plan.read_bytes()
    rescued = plan.with_name(plan.name + ".unsaved")

    app = PlanactionApp(plan, today=dt.date.fromisoformat(TODAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.exit()  # as the quit question's "leave without saving" does
        await pilot.pause()
    assert not rescued.exists()

    app = PlanactionApp(plan, today=dt.date.fromisoformat(TODAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.post_message(messages.ExitApp())  # what the web driver posts on textual-serve's "quit"
        await pilot.pause()
    assert rescued.exists()
    assert plan.read_bytes() == before
    assert any(rescued.name in sentence for sentence in app.rescued)


class Page:
    """A browser tab on the served app, read through its terminal's text."""

    def __init__(self, context, url: str, log: Path) -> None:
        self.page = context.new_page()
        self.page.add_init_script(PAGE_SCRIPT)
        self.page.goto(url)
        self.log = log

    def screen(self) -> str:
        return self.page.evaluate("window.__screen()")

    def wait_for(self, *texts: str, any_of: bool = False) -> str:
        """Wait until the page's terminal shows every one of ``texts`` (or one, ``any_of``)."""
        check = "some" if any_of else "every"
        try:
            self.page.wait_for_function(
                f"() => {list(texts)!r}.{check}((text) => window.__screen && window.__screen().includes(text))",
                timeout=WAIT_MS,
            )
        except Exception:  # the page's text and the server's log say more than Playwright's timeout
            pytest.fail(f"the page never showed {texts!r}; it shows:\n{self.screen()}\nserver:\n{self.log.read_text()}")
        return self.screen()

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)


def wait_until(condition, what: str, tab: Page) -> None:
    """Poll ``condition``; while the tab is open, through Playwright, which delivers its events then."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while not condition():
        if time.monotonic() > deadline:
            shown = "(closed)" if tab.page.is_closed() else tab.screen()
            pytest.fail(f"{what}; the page shows:\n{shown}\nserver:\n{tab.log.read_text()}")
        if tab.page.is_closed():
            time.sleep(0.1)
        else:
            tab.page.wait_for_timeout(100)


def test_the_app_runs_in_a_browser_page_and_an_export_is_downloaded(tmp_path: Path) -> None:
    browser_path = chromium()
    if browser_path is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); CI requires it")
    from playwright.sync_api import sync_playwright

    plans = tmp_path / "served" / "plans"
    shutil.copytree(PLANS, plans)
    # every plan the portfolio shows: all but the closed example, hidden until asked for (issue 16)
    loaded = {path.name: store.load(path).plan for path in sorted(plans.glob("*.yaml"))}
    titles = {name: plan.title for name, plan in loaded.items() if not plan.closed}
    log = tmp_path / "server.log"
    started = time.monotonic()

    with served(plans.parent, log) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
            downloads = []
            # textual-serve opens each download in a new tab (window.open): listen on every page
            context.on("page", lambda page: page.on("download", lambda download: downloads.append(download)))
            tab = Page(context, url, log)

            # the portfolio: every plan of the folder, one row each
            tab.wait_for(*(title[:30] for title in titles.values()))
            shown_after = time.monotonic() - started

            # enter opens the highlighted plan: its file name and title head the screen
            tab.page.locator("#terminal").click()
            tab.press("Enter")
            opened = next(name for name in titles if name in tab.wait_for(*titles, any_of=True))
            tab.wait_for(titles[opened][:30])
            plan = plans / opened
            before = plan.read_bytes()

            # x exports the client workbook: written beside the plan and offered as a download
            tab.press("x")
            wait_until(lambda: downloads, "no download", tab)
            workbook_name = plan.with_suffix(".xlsx").name
            assert downloads[0].suggested_filename == workbook_name
            got = Path(downloads[0].path()).read_bytes()
            assert got == (plans / workbook_name).read_bytes()
            book = openpyxl.load_workbook(io.BytesIO(got), read_only=True)
            summary = [value for row in book.worksheets[0].iter_rows(values_only=True) for value in row if value]
            assert titles[opened] in summary
            tab.wait_for(workbook_name)  # the notifications name it

            # an edit left unsaved, then the tab closed: no one to ask, the edits are kept beside
            # the plan (as when a terminal closes), the plan itself untouched
            tab.press("s")
            tab.wait_for(*say_tui.pair("unsaved_marker"), any_of=True)
            tab.page.close()
            rescued = plan.with_name(plan.name + ".unsaved")
            wait_until(rescued.exists, f"{rescued.name} was never written", tab)
            assert plan.read_bytes() == before

            # another tab is another app: q quits it and the page says the session is over
            tab = Page(context, url, log)
            tab.wait_for(*(title[:30] for title in titles.values()))
            tab.page.locator("#terminal").click()
            tab.press("q")
            tab.page.wait_for_function("() => document.body.classList.contains('-closed')", timeout=WAIT_MS)
        finally:
            browser.close()
    assert shown_after < 20, f"the portfolio took {shown_after:.1f} s to appear in the page"
