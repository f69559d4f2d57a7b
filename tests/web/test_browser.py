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


def test_the_app_runs_in_a_browser_page_and_an_export_is_downloaded(tmp_path: Path) -> None:
    browser_path = chromium()
    if browser_path is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); CI requires it")
    from playwright.sync_api import sync_playwright

    folder = tmp_path / "served"
    shutil.copytree(PLANS, folder / "plans")
    titles = {path.name: store.load(path).plan.title for path in sorted((folder / "plans").glob("*.yaml"))}
    started = time.monotonic()

    with served(folder, tmp_path / "server.log") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
            downloads = []
            # textual-serve opens each download in a new tab (window.open): listen on every page
            context.on("page", lambda page: page.on("download", lambda download: downloads.append(download)))
            page = context.new_page()
            page.add_init_script(PAGE_SCRIPT)
            page.goto(url)

            def screen() -> str:
                return page.evaluate("window.__screen()")

            def wait_for(*texts: str) -> str:
                texts_js = repr(list(texts))
                try:
                    page.wait_for_function(
                        f"() => {texts_js}.every((text) => window.__screen && window.__screen().includes(text))",
                        timeout=WAIT_MS,
                    )
                except Exception:  # the page's text says more than Playwright's timeout
                    log = (tmp_path / "server.log").read_text()
                    pytest.fail(f"the page never showed {texts!r}; it shows:\n{screen()}\nserver:\n{log}")
                return screen()

            # the portfolio: every plan of the folder, one row each
            wait_for(*(title[:30] for title in titles.values()))
            shown_at = time.monotonic() - started

            # enter opens the highlighted plan: its file name and title head the screen
            page.locator("#terminal").click()
            page.keyboard.press("Enter")
            page.wait_for_function(
                f"() => {list(titles)!r}.some((name) => window.__screen().includes(name))", timeout=WAIT_MS
            )
            opened = next(name for name in titles if name in screen())
            wait_for(titles[opened][:30])

            # x exports the client workbook: written beside the plan and offered as a download
            page.keyboard.press("x")
            deadline = time.monotonic() + WAIT_MS / 1000
            while not downloads and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert downloads, f"no download; the page shows:\n{screen()}"
            download = downloads[0]
            workbook_name = opened.removesuffix(".yaml") + ".xlsx"
            assert download.suggested_filename == workbook_name
            got = Path(download.path()).read_bytes()
            assert got == (folder / "plans" / workbook_name).read_bytes()
            book = openpyxl.load_workbook(io.BytesIO(got), read_only=True)
            summary = [value for row in book.worksheets[0].iter_rows(values_only=True) for value in row if value]
            assert titles[opened] in summary
            wait_for(workbook_name)  # the notifications name it

            # q quits: the app ends and the page says the session is over
            page.keyboard.press("q")
            page.wait_for_function("() => document.body.classList.contains('-closed')", timeout=WAIT_MS)
        finally:
            browser.close()
    assert shown_at < 20, f"the portfolio took {shown_at:.1f} s to appear in the page"
