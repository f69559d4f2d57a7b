"""Plan text is data in every face: never markup, formula or terminal escape.

One hostile plan carries, in every text field a face can reach, the payloads
an attacker (or a careless copy-paste) would put in a plan: Rich / Textual
markup (with Textual's ``[@click=...]`` actions), ANSI CSI and OSC sequences
(OSC 8 hyperlinks, OSC 52 clipboard writes, OSC 0 window titles), C1 controls,
BEL, backspace, a carriage return that overwrites, bidi overrides, zero-width
characters, spreadsheet formulas and DDE, HTML, Markdown and iCalendar
syntax, and line breaks in one-line fields. Each payload starts some cell of
every column (payload ``i + k`` for the ``k``-th field of item ``i``), so that
a face that cuts long text still shows each one.

Each face is read back by what its reader would use: the bytes a terminal
would receive (for the app: the segments Textual's compositor hands to the
driver, with their styles), markdown-it for Markdown, icalendar for the
calendar, openpyxl, python-calamine and LibreOffice for the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import icalendar
import openpyxl
import pytest
from markdown_it import MarkdownIt
from python_calamine import CalamineWorkbook
from rich.console import Console
from rich.segment import Segment

from planaction.exchange.xlsx.spec import cell_text
from planaction.tui.app import PlanactionApp
from planaction.tui.forms.action import ActionForm
from planaction.tui.forms.entries import LogForm, MeasurementForm
from planaction.tui.modals.changes import ChangesModal
from planaction.tui.modals.path import PathModal
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.screens.portfolio import PortfolioScreen
from planaction.tui.widgets.questions import ConfirmModal
from tests.conftest import planaction_command, run_cli
from tests.exchange.conftest import convert_with_libreoffice
from tests.test_report_due import inline_text, walk

TODAY = "2025-05-12"
TODAY_DATE = dt.date(2025, 5, 12)
SIZE = (120, 40)

FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", '=HYPERLINK("http://evil","x")', "\t=1+1", " =1+1"]
PAYLOADS = [
    "[bold red]X[/]",
    "[link=http://evil]x[/link]",
    "[@click=app.quit]x[/]",
    "<script>alert(1)</script>",
    "\x1b[31mred",
    "**b** [l](http://evil) ![i](http://evil/x.png) | pipe",
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]0;pwned\x07title",
    "<http://evil>",
    "\x9b31mc1",
    "safe\rEVIL",
    "\u202eevil\u2066x\u2069",
    "<img src=x onerror=alert(1)>",
    "\x1b[2Jclear",
    "\x1b]52;c;ZXZpbA==\x07clip",
    "bel\x07bs\x08",
    "zero\u200bwidth\u200d\ufeff",
    *FORMULAS,
    "line1\nline2",
    "x\nBEGIN:VEVENT\nEND:VCALENDAR",
    ";,\\",
]
N = len(PAYLOADS)
#: What must stay readable, literally, wherever the field is shown whole.
LITERALS = ("[bold red]X[/]", "[link=http://evil]x[/link]", "[@click=app.quit]x[/]", "<script>alert(1)</script>")
#: The objective's unit and the budget's currency are tested on their own (see the xfailed tests below).
SAFE_UNIT = "jours [b]j[/b] <i>"
CURRENCY = 'EUR";[Red]0;"'

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar made only of printable ASCII: every other character as an escape."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\x1b":
            out.append("\\e")
        elif ch in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[ch])
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif code > 0x7E:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def p(index: int, payloads: list[str] = PAYLOADS) -> str:
    return payloads[index % len(payloads)]


def hostile_plan(*, unit: str = SAFE_UNIT, currency: str = CURRENCY, payloads: list[str] = PAYLOADS) -> str:
    """The plan: N actions, log entries, risks, milestones and decisions, each field a payload."""

    def q(index: int) -> str:
        return quoted(p(index, payloads))

    lines = [
        "schema: 1",
        "id: evil-._x",
        f"title: {quoted(p(0, payloads) + ' T')}",
        "type: strategic",
        "language: fr",
        f"owner: {q(1)}",
        f"sponsor: {q(2)}",
        "period: {start: 2025-04-01, end: 2025-07-31}",
        "context:",
        f"  what: {q(3)}",
        f"  why: {q(4)}",
        "objective:",
        f"  statement: {q(5)}",
        f"  indicator: {q(6)}",
        f"  unit: {quoted(unit)}",
        "  baseline: 10",
        "  target: 5",
        "  kpi: K1",
        f"synthesis: {q(8)}",
        f"recommendations: [{q(9)}]",
        "people:",
    ]
    for i in range(N):
        lines += [f"  - name: {q(i)}", f"    email: {q(i + 3)}", f"    role: {q(i + 4)}"]
    lines += [
        "stakes:",
        "  - id: E1",
        f"    title: {q(10)}",
        f"    holders: [{q(11)}]",
        "objectives:",
        "  - id: O1",
        f"    title: {q(12)}",
        "    stake: E1",
        f"    owner: {q(13)}",
        "streams:",
    ]
    for i in range(3):
        lines += [f"  - id: S{i}", f"    name: {q(i * 5)}", f"    description: {q(i * 5 + 1)}"]
    lines += ["partners:", f"  - name: {q(14)}", f"    brings: {q(15)}", "actions:"]
    statuses = ["todo", "in_progress", "blocked", "done", "in_progress"]
    for i in range(N):
        status = statuses[i % 5]
        lines += [
            f"  - id: A{i + 1}",
            f"    title: {q(i)}",
            f"    owner: {q(i + 1)}",
            f"    co_owners: [{q(i + 2)}]",
            f"    stream: S{i % 3}",
            "    objective: O1",
            f"    origins: [{{kind: audit, ref: {q(i + 3)}, note: {q(i + 4)}}}]",
            "    priority: high",
            f"    start: 2025-04-{i % 28 + 1:02d}",
            f"    due: {dt.date(2025, 5, 1) + dt.timedelta(days=i)}",
            f"    status: {status}",
        ]
        if status == "done":
            lines += ["    progress: 100", "    completed: 2025-05-02"]
        elif status == "in_progress":
            lines.append("    progress: 40")
        lines += [
            f"    resources: {q(i + 5)}",
            "    budget: 100",
            f"    skills: [{q(i + 6)}]",
            f"    partners: [{q(i + 7)}]",
            f"    indicators: [{q(i + 8)}, {q(i + 9)}]",
            "    kpi: K1",
            f"    comment: {q(i + 10)}",
        ]
        if i % 7 == 0:
            lines.append("    imperative: true")
    lines.append("log:")
    for i in range(N):
        lines += [
            f"  - date: 2025-05-{i % 11 + 1:02d}",
            f"    action: A{i + 1}",
            f"    result: {q(i)}",
            f"    comment: {q(i + 1)}",
            f"    author: {q(i + 2)}",
        ]
    lines.append("kpis:")
    for i, kpi_id in enumerate(("K1", "007", "1E3")):  # ids a spreadsheet would take for numbers
        lines += [
            f'  - id: "{kpi_id}"',
            f"    name: {q(i * 9)}",
            f"    unit: {q(i * 9 + 1)}",
            f"    source: {q(i * 9 + 2)}",
            f"    owner: {q(i * 9 + 3)}",
            "    direction: down",
            "    baseline: 10",
            "    target: 5",
            "    frequency: weekly",
            "    measurements:",
            "      - date: 2025-04-01",
            "        value: 9",
            f"        comment: {q(i * 9 + 4)}",
            "      - date: 2025-05-01",
            "        value: 7",
            f"        comment: {q(i * 9 + 5)}",
        ]
    lines.append("risks:")
    for i in range(N):
        lines += [
            f"  - id: R{i + 1}",
            f"    title: {q(i)}",
            "    probability: high",
            "    impact: high",
            f"    mitigation: {q(i + 1)}",
            f"    owner: {q(i + 2)}",
            f"    action: A{i + 1}",
        ]
    lines.append("milestones:")
    for i in range(N):
        lines += [
            f"  - id: J{i + 1}",
            f"    title: {q(i)}",
            f"    due: {dt.date(2025, 5, 8) + dt.timedelta(days=i)}",
            f"    deliverables: [{q(i + 1)}]",
            f"    evidence: [{q(i + 2)}]",
            f"    criteria: {q(i + 3)}",
        ]
    lines += ["health:", "  dimensions:"]
    for i in range(3):
        lines += [
            f"    - name: {q(i + 16)}",
            f"      weight: {34 if i == 0 else 33}",
            "      rating: 3",
            f"      description: {q(i + 17)}",
        ]
    lines += [
        "playbooks:",
        f"  - signal: {q(18)}",
        "    level: red",
        f"    trigger: {q(19)}",
        f"    action: {q(20)}",
        f"    owner: {q(21)}",
        "value:",
    ]
    for i in range(3):
        lines += [
            f"  - id: V{i + 1}",
            f"    hypothesis: {q(i * 9 + 2)}",
            f"    indicator: {q(i * 9 + 3)}",
            "    direction: down",
            "    baseline: 10",
            "    actual: 8",
            "    volume: 100",
            "    margin: 30",
            f"    notes: {q(i * 9 + 4)}",
        ]
    lines += [
        "budget:",
        "  amount: 5000",
        f"  currency: {quoted(currency)}",
        f"  note: {q(22)}",
        "raci:",
        f"  - activity: {q(23)}",
        f"    responsible: [{q(24)}]",
        f"    accountable: {q(25)}",
        "decisions:",
    ]
    for i in range(N):
        lines += [
            f"  - id: D{i + 1}",
            f"    title: {q(i)}",
            f"    owner: {q(i + 1)}",
            f"    due: {dt.date(2025, 5, 20) + dt.timedelta(days=i)}",
            f"    outcome: {q(i + 2)}",
        ]
    lines += [
        "rituals:",
        f"  - name: {q(26)}",
        "    frequency: weekly",
        f"    participants: [{q(0)}]",
        f"    purpose: {q(1)}",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "evil.yaml"
    path.write_text(hostile_plan(), encoding="utf-8")
    assert all(line.isprintable() for line in path.read_text(encoding="ascii").splitlines())  # plain ASCII
    return path


@pytest.fixture
def plan_copy(hostile: Path, tmp_path: Path) -> Path:
    target = tmp_path / "evil.yaml"
    shutil.copyfile(hostile, target)
    return target


# ---------------------------------------------------------------------------
# What a terminal must never receive


def controls(text: str, *, allow: str = "\n") -> list[str]:
    """The characters a terminal would act on: C0 (but those allowed), DEL, C1, bidi controls."""
    return sorted(
        {repr(ch) for ch in text if (ord(ch) < 0x20 and ch not in allow) or 0x7F <= ord(ch) <= 0x9F or ch in BIDI}
    )


def assert_terminal_safe(text: str, face: str, *, allow: str = "\n") -> None:
    found = controls(text, allow=allow)
    assert found == [], f"{face}: control characters reach the output: {found}"


def visible(text: str) -> str:
    """Plan text as the faces are meant to show it: escapes and controls as U+FFFD, on one line."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return "".join("\ufffd" if controls(ch, allow="") else ch for ch in text)


# ---------------------------------------------------------------------------
# The app: what Textual's compositor hands to the terminal driver


def _segments(item):
    if isinstance(item, Segment):
        yield item
    else:
        for part in item:
            yield from _segments(part)


class Shot:
    """The whole screen as the terminal would receive it: segments with their styles, and the raw bytes."""

    def __init__(self, app: PlanactionApp) -> None:
        update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
        console = Console(
            file=io.StringIO(),
            force_terminal=True,
            color_system="truecolor",
            width=app.size.width,
            height=app.size.height,
            legacy_windows=False,
            safe_box=False,
        )
        self.raw = update.render_segments(console)
        self.rows: list[list[Segment]] = [list(_segments(strip)) for strip in update.strips]
        self.lines = ["".join(segment.text for segment in row) for row in self.rows]
        self.text = "\n".join(self.lines)

    def actions(self) -> list[tuple[str, str, str]]:
        """Links and click actions carried by the styles: (kind, target, text)."""
        found = []
        for row in self.rows:
            for segment in row:
                style = segment.style
                if style is None:
                    continue
                if style.link:
                    found.append(("link", style.link, segment.text))
                for key, value in (style.meta or {}).items():
                    if key == "@click":
                        found.append((key, str(value), segment.text))
        return found

    def check(self, face: str) -> None:
        for row in self.rows:
            for segment in row:
                assert not segment.control, f"{face}: a control segment reaches the terminal"
        assert_terminal_safe(self.text, face)
        assert "\x1b]" not in self.raw, f"{face}: an OSC sequence (hyperlink, clipboard, title) reaches the terminal"
        assert self.actions() == [], f"{face}: plan text became a link or an action: {self.actions()[:5]}"


def app_for(path: Path) -> PlanactionApp:
    return PlanactionApp(path, today=TODAY_DATE, lang=None)


@pytest.fixture(autouse=True)
def no_user_keymap(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANACTION_KEYS", str(tmp_path / "no-keys.toml"))


def assert_titles_safe(app: PlanactionApp) -> None:
    for name, value in (
        ("app.title", app.title),
        ("app.sub_title", app.sub_title),
        ("screen.title", app.screen.title),
        ("screen.sub_title", app.screen.sub_title),
    ):
        assert_terminal_safe(str(value or ""), name, allow="")


TAB_LITERALS = {
    "1": (
        "[bold red]X[/]",
        "[link=http://evil]x[/link]",
        "[@click=app.quit]x[/]",
        "safe EVIL",
        "=1+1",
    ),
    "2": ("[bold red]X[/]",),
    "3": ("[bold red]X[/]", "[link=http://evil]x[/link]", "[@click=app.quit]x[/]", "<script>alert(1)</script>"),
    "4": ("[bold red]X[/]", "[link=http://evil]x"),
    "5": ("[bold red]X[/]", "[link=http://evil]x[/link]", "[@click=app.quit]x[/]", "<script>alert(1)</script>"),
    "6": ("[bold red]X[/]", "[@click=app.quit]x[/]"),
    "7": ("[bold red]X[/] T",),
}


async def test_app_every_tab_the_detail_pane_and_the_titles(plan_copy: Path) -> None:
    app = app_for(plan_copy)
    # 160 columns: the detail pane shows beside the table (from 140; under it, `i` brings it), and the
    # risk table's two text columns are wide enough for each payload whole (narrower, they end in "…")
    async with app.run_test(size=(160, 40), notifications=True, tooltips=True) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, PlanScreen)
        for key, literals in TAB_LITERALS.items():
            await pilot.press(key)
            await pilot.pause(0.1)
            shot = Shot(app)
            shot.check(f"tab {key}")
            for literal in literals:
                assert literal in shot.text, f"tab {key}: {literal!r} is not shown literally"
        assert app.is_running
        # The header shows the plan's title literally; no window-title sequence is ever sent.
        await pilot.press("1")
        await pilot.pause(0.3)
        shot = Shot(app)
        assert "[bold red]X[/] T — evil.yaml" in shot.lines[0]
        assert '100\u00a0EUR";[Red]0;"' in shot.text  # the currency, literally, in the detail pane
        # Clicking plan text that reads as a Textual action runs nothing.
        for literal in ("[@click=app.quit]x[/]", "[link=http://evil]x[/link]"):
            y, line = next((y, line) for y, line in enumerate(shot.lines) if literal in line)
            await pilot.click(offset=(line.index(literal) + 2, y))
            await pilot.pause(0.1)
            assert app.is_running, f"clicking {literal!r} ran an action"
        assert app.screen.title == "[bold red]X[/] T"
        assert_titles_safe(app)
        # The detail pane follows the cursor: walk it over actions whose every field is a payload.
        for step in range(4):
            await pilot.press("down")
            await pilot.pause(0.15)
            shot = Shot(app)
            shot.check(f"detail pane, row {step + 2}")
        await pilot.press("i")  # hide and show it again
        await pilot.press("i")
        await pilot.pause(0.15)
        Shot(app).check("detail pane shown again")
        # Filter by typing: the status line echoes the filter.
        await pilot.press("slash", *"red")
        await pilot.pause(0.1)
        Shot(app).check("filter")
        await pilot.press("escape")
        assert app.is_running


async def test_app_confirmation_and_the_log_and_measure_forms(plan_copy: Path) -> None:
    app = app_for(plan_copy)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause(0.1)
        # The question of a deletion quotes the action's title: A1 (markup), A6 (Markdown), A27 (;,\\).
        for keys, literal in (
            (("home",), "[bold red]X[/]"),
            (("down",) * 5, "**b** [l](http://evil)"),
            (("end",), ";,\\"),
        ):
            await pilot.press(*keys, "d")
            await pilot.pause(0.1)
            assert isinstance(app.screen, ConfirmModal)
            shot = Shot(app)
            shot.check("delete confirmation")
            assert literal in shot.text
            await pilot.press("escape")
            await pilot.pause(0.1)
        for key, form in (("m", MeasurementForm),):
            await pilot.press(key)
            await pilot.pause(0.1)
            assert isinstance(app.screen, form)
            Shot(app).check(form.__name__)
            await pilot.press("escape")
            await pilot.pause(0.1)
        assert isinstance(app.screen, PlanScreen) and not app.screen.session.dirty
        assert app.is_running


async def test_app_forms_show_plan_text_inertly(plan_copy: Path) -> None:
    app = app_for(plan_copy)
    problems: list[str] = []

    def look(face: str) -> None:
        try:
            Shot(app).check(face)
        except AssertionError as exc:
            problems.append(str(exc).splitlines()[0])

    async with app.run_test(size=(120, 100), notifications=True, tooltips=True) as pilot:  # the whole form
        await pilot.pause(0.1)
        for row in range(2):  # A1, A2: a payload of each kind lands in some field of these forms
            await pilot.press("e")
            await pilot.pause(0.1)
            assert isinstance(app.screen, ActionForm)
            look(f"edit form of A{row + 1}")
            await pilot.press("escape")
            await pilot.pause(0.1)
            await pilot.press("down")
        await pilot.press("l")
        await pilot.pause(0.15)
        assert isinstance(app.screen, LogForm)
        look("log form")
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert app.is_running and not app.screen.session.dirty
    assert problems == []


async def test_app_palette_lists_plan_text_literally(plan_copy: Path) -> None:
    app = app_for(plan_copy)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause(0.1)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert app.is_running
        shot = Shot(app)
        shot.check("palette")
        for query, literal in (("link=http", "[link=http://evil]x[/link]"), ("responsable ;", ";,\\ ")):
            await pilot.press(*query)
            await pilot.pause(0.3)
            shot = Shot(app)
            shot.check(f"palette search {query!r}")
            assert literal in shot.text, f"{literal!r} not shown literally when searching {query!r}"
            for _ in query:
                await pilot.press("backspace")
    assert app.return_code in (None, 0)


async def test_app_palette_click_never_runs_an_action_from_plan_text(tmp_path: Path) -> None:
    path = tmp_path / "click.yaml"
    path.write_text(
        'schema: 1\ntitle: "[@click=app.quit]T[/]"\nowner: "[@click=app.quit]QUIT[/]"\n'
        'streams:\n  - id: S1\n    name: "[@click=app.quit]STREAM[/]"\n'
        'actions:\n  - id: A1\n    title: "[@click=app.quit]ACT[/]"\n    owner: "[@click=app.quit]QUIT[/]"\n'
        "    stream: S1\n    due: 2025-06-01\n",
        encoding="utf-8",
    )
    app = app_for(path)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause(0.1)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"QUIT")  # the palette lists more commands than fit: find the plan's own text
        await pilot.pause(0.3)
        shot = Shot(app)
        (y, line) = next((y, line) for y, line in enumerate(shot.lines) if "QUIT" in line and "[@click" in line)
        await pilot.click(offset=(line.index("QUIT") + 1, y))
        await pilot.pause(0.3)
        assert app.is_running, "clicking plan text in the palette quit the app"
        assert [a for a in shot.actions() if "quit" in a[1]] == []
        assert "[@click=app.quit]QUIT[/]" in shot.text


async def test_app_import_modal_and_refusal_notification(plan_copy: Path, tmp_path: Path) -> None:
    done = run_cli("export", plan_copy, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    book = Path(done.stdout.strip())
    workbook = openpyxl.load_workbook(book)
    actions = workbook["Actions"]
    actions["O3"] = "client \x9b31m said \u202eok _x001B_[2J done\rEVIL"  # A2's comment
    workbook["Suivi"].append([dt.date(2025, 5, 13), "A3", None, "res _x001B_]0;pwned_x0007_ \u202egnp", "c", "a"])
    actions["O5"] = "\u202eclient side\x9b31m _x001B_[2J"  # A4's comment, changed in the plan too: a conflict
    edited = tmp_path / "client.xlsx"
    workbook.save(edited)
    actions["I4"] = "\x9b2JFinished _x001B_]0;pwned_x0007_"  # A3's status: refused
    refused = tmp_path / "refused.xlsx"
    workbook.save(refused)

    assert run_cli("set", plan_copy, "A4", "comment=plan side", "--today", TODAY).returncode == 0

    app = app_for(plan_copy)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause(0.1)
        screen = app.screen
        for book_path, expected in ((edited, ChangesModal), (refused, PlanScreen)):
            screen.action_import_workbook()
            await pilot.pause(0.1)
            assert isinstance(app.screen, PathModal)
            app.screen.query_one("#path").value = str(book_path)
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert isinstance(app.screen, expected), type(app.screen)
            shot = Shot(app)
            shot.check(f"import of {book_path.name}")
            if expected is PlanScreen:
                assert "Classeur refusé" in shot.text and "Actions!I4" in shot.text  # the notification
            else:
                assert "client" in shot.text and "Conflits" in shot.text and "A4 commentaire (O5)" in shot.text
                await pilot.press("escape")
                await pilot.pause(0.1)
        assert app.is_running and not screen.session.dirty


async def test_app_portfolio_of_hostile_and_invalid_plans(hostile: Path, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(hostile, folder / "evil.yaml")
    (folder / "broken.yaml").write_text(VALIDATE_BAD, encoding="utf-8")
    app = app_for(folder)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, PortfolioScreen)
        shot = Shot(app)
        shot.check("portfolio")
        assert "[bold red]X[/] T" in shot.text
        assert_titles_safe(app)
        table = app.screen.query_one("#portfolio-table")
        await pilot.press("home")
        if table.current.path.name != "broken.yaml":
            await pilot.press("down")
        assert table.current.path.name == "broken.yaml"
        await pilot.press("enter")  # the invalid plan: a notification says why, echoing the hostile key
        await pilot.pause(0.2)
        assert isinstance(app.screen, PortfolioScreen)
        shot = Shot(app)
        shot.check("invalid plan notification")
        assert "Plan invalide" in shot.text and "[bold]x[/]" in shot.text
        assert app.is_running


# ---------------------------------------------------------------------------
# The objective's unit and the budget's currency: formatted into figures, past the usual guards

UNIT_PAYLOAD = "\x1b]0;pwned\x07jours \x1b[2J\x9b31m\u202e"


async def test_objective_unit_is_plan_text_in_every_face(tmp_path: Path) -> None:
    from planaction import store
    from planaction.report import steering as report

    path = tmp_path / "unit.yaml"
    path.write_text(hostile_plan(unit=UNIT_PAYLOAD), encoding="utf-8")
    problems = []
    text = run_cli("report", path, "--today", TODAY)
    problems += [("report text", c) for c in controls(text.stdout)]
    document = store.load(path, nodes=False)
    built = report.plan_report(str(path), document.plan, TODAY_DATE, "fr")
    buffer = io.StringIO()
    report.print_rich(built, Console(file=buffer, force_terminal=True, color_system="truecolor", width=200))
    out = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())  # Rich's own colours
    problems += [("report rich", c) for c in controls(out)]
    app = app_for(path)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("2")
        await pilot.pause(0.1)
        shot = Shot(app)
        problems += [("app dashboard", c) for c in controls(shot.text)]
        problems += [("app dashboard", "OSC")] if "\x1b]" in shot.raw else []
    assert problems == []


def test_currency_is_never_number_format_code(hostile: Path, tmp_path: Path) -> None:
    book = tmp_path / "evil.xlsx"
    done = run_cli("export", hostile, "-o", book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    workbook = openpyxl.load_workbook(book)
    formats = {cell.number_format for ws in workbook.worksheets for row in ws.iter_rows() for cell in row}
    for code in formats:
        # Outside quoted literals and backslash escapes, a plan's text adds no section (;) and no colour ([..]).
        bare = re.sub(r'"[^"]*"|\\.', "", code)
        assert ";" not in bare and "[" not in bare, f"number format {code!r} carries plan text as code"


# ---------------------------------------------------------------------------
# validate: the hostile plan, and error messages that echo a hostile key or value

VALIDATE_BAD = r"""schema: 1
title: ok
owner: Ana
"\e[31mownr[bold]x[/]\u202e": 1
actions:
  - id: A1
    title: t
    owner: Ana
    status: "\e]8;;http://evil\e\\done\u202e\x9b2J"
    due: "\e[2J12/05/2025"
    progress: "\e]0;pwned\a50"
    imperative: "[@click=app.quit]x[/]\e[1m"
  - id: "A\e[31m2"
    title: t
    owner: Ana
    priority: "\x9b31mhigh"
"""


def test_validate_hostile_plan_is_valid_and_quiet(hostile: Path) -> None:
    for fmt in ("text", "json", "github"):
        done = run_cli("validate", hostile, "--format", fmt)
        assert done.returncode == 0, done.stdout + done.stderr
        assert_terminal_safe(done.stdout + done.stderr, f"validate --format {fmt}")


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_validate_error_messages_echo_hostile_text_inertly(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(VALIDATE_BAD, encoding="utf-8")
    duplicate = tmp_path / "dup.yaml"
    duplicate.write_text(
        'schema: 1\ntitle: a\nowner: b\n"\\e[31mk\\u202e": 1\n"\\e[31mk\\u202e": 2\n', encoding="utf-8"
    )
    done = run_cli("validate", path, duplicate, "--format", fmt)
    assert done.returncode == 1
    out = done.stdout + done.stderr
    # The messages are found and located, the hostile text shown literally with its escapes visible...
    assert "unknown key" in out and "is not a valid status" in out and "duplicate key" in out
    assert "[bold]x[/]" in out and "[@click=app.quit]x[/]" in out
    # ...and nothing a terminal (or GitHub's log viewer) would act on.
    assert_terminal_safe(out, f"validate --format {fmt}")


# ---------------------------------------------------------------------------
# report, due: text, Markdown, JSON, Rich


def test_report_and_due_text_and_rich_show_plan_text_literally(hostile: Path) -> None:
    from planaction import store
    from planaction.report import steering as report

    text = run_cli("report", hostile, "--today", TODAY)
    assert text.returncode == 0, text.stderr
    assert_terminal_safe(text.stdout + text.stderr, "report text")
    for literal in (*LITERALS, "**b** [l](http://evil) ![i](http://evil/x.png) | pipe", "<http://evil>"):
        assert literal in text.stdout, literal
    assert "safe EVIL" in text.stdout  # the carriage return cannot overwrite "safe"

    due = run_cli("due", hostile, "--today", TODAY)
    assert due.returncode == 3, due.stderr
    assert_terminal_safe(due.stdout + due.stderr, "due text")
    for literal in LITERALS:
        assert literal in due.stdout, literal

    document = store.load(hostile, nodes=False)
    built = report.plan_report(str(hostile), document.plan, TODAY_DATE, "fr")
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=220, highlight=False)
    report.print_rich(built, console)
    out = buffer.getvalue()
    assert "\x1b[" in out  # Rich did style it: the checks are not vacuous
    assert "\x1b]" not in out  # no OSC: no hyperlink, clipboard or title from plan text
    assert_terminal_safe(re.sub(r"\x1b\[[0-9;]*m", "", out), "report rich")
    for literal in LITERALS:
        assert literal in out, literal

    folder = hostile.parent
    portfolio = run_cli("report", folder, "--today", TODAY)
    assert_terminal_safe(portfolio.stdout + portfolio.stderr, "portfolio report")
    assert "[bold red]X[/] T" in portfolio.stdout


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _spans(tokens, kind: str) -> set[str]:
    found = set()
    flat = list(walk(tokens))
    for index, token in enumerate(flat):
        if token.type == f"{kind}_open":
            found.add(flat[index + 1].content)
    return found


@pytest.mark.parametrize("command", ["report", "due"])
def test_markdown_keeps_plan_text_inert(hostile: Path, command: str) -> None:
    done = run_cli(command, hostile, "--today", TODAY, "--format", "markdown")
    assert done.returncode in (0, 3), done.stderr
    tokens = MD.parse(done.stdout)
    kinds = {t.type for t in walk(tokens)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "s_open"}, kinds
    text = "\n".join(inline_text(t) for t in tokens if t.type == "inline")
    assert_terminal_safe(text, f"{command} markdown")
    for literal in (
        *LITERALS,
        "**b** [l](http://evil) ![i](http://evil/x.png) | pipe",
        "<http://evil>",
        "<img src=x onerror=alert(1)>",
    ):
        assert literal in text, literal
    # Emphasis comes from the outputs' own labels and ids, never from plan text.
    strong = _spans(tokens, "strong")
    if command == "report":
        assert strong <= {
            "Responsable",
            "Sponsor",
            "Période",
            "Météo du plan",
            "Avancement",
            "Objectif",
            "Score de santé",
            "Décision attendue",
        }, strong
        assert _spans(tokens, "em") == {"Rapport du 12/05/2025 — planaction"}
    else:
        # the ids of actions, milestones, decisions and KPIs (their measurements are due: issue 16)
        assert all(re.fullmatch(r"[AJD]\d+|K1|007|1E3", s) for s in strong), strong
        assert _spans(tokens, "em") == {visible(p(0) + " T")}
    # Tables keep their columns whatever `|` the plan holds.
    widths: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            widths.append([])
        elif token.type == "tr_open":
            widths[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1][-1] += 1
    assert all(len(set(table)) == 1 for table in widths), widths


def test_json_keeps_plan_text_exactly(hostile: Path) -> None:
    report = json.loads(run_cli("report", hostile, "--today", TODAY, "--format", "json").stdout)
    assert report["title"] == p(0) + " T"
    assert {a["title"] for a in report["open_actions"]} <= set(PAYLOADS)
    due = json.loads(run_cli("due", hostile, "--today", TODAY, "--format", "json").stdout)
    assert p(1) in json.dumps(due, ensure_ascii=False)


@pytest.mark.parametrize("command", ["report", "due", "validate"])
def test_json_escapes_what_a_terminal_would_act_on(hostile: Path, tmp_path: Path, command: str) -> None:
    if command == "validate":
        bad = tmp_path / "bad.yaml"
        bad.write_text(VALIDATE_BAD, encoding="utf-8")
        done = run_cli("validate", bad, "--format", "json")
    else:
        done = run_cli(command, hostile, "--today", TODAY, "--format", "json")
    json.loads(done.stdout)
    assert_terminal_safe(done.stdout, f"{command} --format json")


# ---------------------------------------------------------------------------
# ics: no injected event, no escape


def test_ics_has_exactly_the_expected_events(hostile: Path, tmp_path: Path) -> None:
    output = tmp_path / "evil.ics"
    done = run_cli("ics", hostile, "-o", output, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    data = output.read_bytes()
    text = data.decode("utf-8")
    assert_terminal_safe(text, "ics", allow="\r\n\t")  # CRLF line ends; RFC 5545 TEXT may hold a tab
    assert all(line.endswith("\r") for line in text.split("\n")[:-1]), "a bare LF in the calendar"
    begins = [line for line in text.split("\r\n") if line.startswith(("BEGIN:", "END:"))]
    assert begins.count("BEGIN:VCALENDAR") == 1 and begins.count("END:VCALENDAR") == 1
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert begins.count("BEGIN:VEVENT") == len(events)
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events)
    # one per action (all dated), milestone and decision, the ritual, each weekly KPI's measurements, and
    # (issue 16) the daily reminders of overdue items: each UID of a form planaction writes, nothing injected
    forms = [
        re.fullmatch(r"evil-\._x-(action|milestone|decision|ritual|measure|overdue-milestone|overdue)-.+@planaction", u)
        for u in uids
    ]
    assert all(forms), uids
    kinds = Counter(form.group(1) for form in forms if form)
    assert (kinds["action"], kinds["milestone"], kinds["decision"], kinds["ritual"], kinds["measure"]) == (
        N,
        N,
        N,
        1,
        3,
    )
    assert kinds["overdue"] <= N and kinds["overdue-milestone"] <= N
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("BEGIN:VEVENT" in s for s in summaries)  # the payload stayed inside its text
    assert any(";,\\" in s for s in summaries)
    for event in events:
        for key in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            if key in event:
                assert_terminal_safe(str(event[key]), f"ics {key}", allow="\n\t")


# ---------------------------------------------------------------------------
# diff and textconv: what git prints


def _rotated_plan(shift: int) -> str:
    return hostile_plan(payloads=PAYLOADS[shift:] + PAYLOADS[:shift])


def test_diff_and_textconv_lines_are_inert(hostile: Path, tmp_path: Path) -> None:
    rotated = tmp_path / "rotated.yaml"
    rotated.write_text(_rotated_plan(5), encoding="utf-8")
    minimal = tmp_path / "minimal.yaml"
    minimal.write_text("schema: 1\nid: evil-._x\ntitle: t\nowner: o\n", encoding="utf-8")
    for old, new in ((hostile, rotated), (minimal, hostile), (hostile, minimal)):
        done = run_cli("diff", old, new)
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("\n") > 20
        assert_terminal_safe(done.stdout + done.stderr, f"diff {old.name} {new.name}")
    assert "[@click=app.quit]x[/]" in run_cli("diff", minimal, hostile).stdout
    textconv = run_cli("textconv", hostile)
    assert textconv.returncode == 0
    assert_terminal_safe(textconv.stdout, "textconv")
    assert "title: [bold red]X[/] T" in textconv.stdout.splitlines()
    assert "actions A11 title: safe EVIL" in textconv.stdout.splitlines()


def test_git_diff_through_textconv_and_report_since(hostile: Path, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    plan = repo / "evil.yaml"
    shutil.copyfile(hostile, plan)
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    (repo / ".gitattributes").write_text("*.yaml diff=planaction\n", encoding="utf-8")
    command = shlex.join(planaction_command()) + " textconv"

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.decode("utf-8", "replace")

    git("init", "-q")
    git("config", "diff.planaction.textconv", command)
    git("add", ".")
    git("commit", "-q", "-m", "one")
    plan.write_text(_rotated_plan(3), encoding="utf-8")
    shown = git("diff", "--no-color")
    assert "+title: <script>alert(1)</script> T" in shown.splitlines()  # textconv lines, not YAML
    assert_terminal_safe(shown, "git diff (textconv)", allow="\n")
    since = run_cli("report", plan, "--today", TODAY, "--since", "HEAD", cwd=repo)
    assert since.returncode == 0, since.stderr
    assert_terminal_safe(since.stdout, "report --since")
    diff_head = run_cli("diff", plan, cwd=repo)
    assert diff_head.returncode == 0 and diff_head.stdout
    assert_terminal_safe(diff_head.stdout, "diff PLAN HEAD")


# ---------------------------------------------------------------------------
# The workbook: every cell from the plan is text, for openpyxl, calamine and LibreOffice


def _export(plan: Path, book: Path) -> Path:
    done = run_cli("export", plan, "-o", book, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    return book


def test_workbook_cells_from_the_plan_are_text(hostile: Path, tmp_path: Path) -> None:
    book = _export(hostile, tmp_path / "evil.xlsx")
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name
            assert "vbaProject" not in name and "externalLink" not in name, name
    workbook = openpyxl.load_workbook(book)
    payload_cells = 0
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t", "\r", "\n")):
                    payload_cells += 1
                    assert cell.data_type == "s", f"{ws.title}!{cell.coordinate}"
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate}: {cell.value!r} has no quote prefix"
    assert payload_cells > 50
    # Column by column, each action's text is the plan's, as a workbook cell holds it.
    actions = workbook["Actions"]
    heading = [c.value for c in actions[1]]
    columns = {"Titre": 0, "Responsable": 1, "Co-pilotes": 2, "Commentaire": 10}
    for name, shift in columns.items():
        col = heading.index(name) + 1
        for i in range(N):
            cell = actions.cell(row=i + 2, column=col)
            assert cell.data_type == "s"
            assert cell.value == cell_text(p(i + shift)), (name, i)
    # An independent reader agrees, and sees no formula.
    calamine = CalamineWorkbook.from_path(str(book))
    rows = calamine.get_sheet_by_name("Actions").to_python()
    for i in range(N):
        assert rows[i + 1][1] == cell_text(p(i))
    assert rows[1][0] == "A1"
    measures = calamine.get_sheet_by_name("Mesures").to_python()
    assert {r[0] for r in measures[1:]} == {"K1", "007", "1E3"}  # ids stay text, not numbers
    assert calamine.get_sheet_by_name("Synthèse").to_python()[0][0] == cell_text(p(0) + " T")


def test_workbook_formulas_stay_text_in_libreoffice(hostile: Path, tmp_path: Path) -> None:
    book = _export(hostile, tmp_path / "evil.xlsx")
    out = tmp_path / "csv"
    # every sheet, UTF-8, formulas as their results (so a formula would show "2", not "=1+1")
    convert_with_libreoffice(book, out, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
    with (out / "evil-Actions.csv").open(encoding="utf-8", newline="") as handle:
        actions = list(csv.reader(handle))
    titles = [row[1] for row in actions[1:]]
    for text in FORMULAS:
        i = PAYLOADS.index(text)
        assert titles[i] == text, (text, titles[i])
    with (out / "evil-Suivi.csv").open(encoding="utf-8", newline="") as handle:
        log = list(csv.reader(handle))
    results = {row[3] for row in log[1:]}
    assert set(FORMULAS) <= results
    with (out / "evil-Mesures.csv").open(encoding="utf-8", newline="") as handle:
        assert {row[0] for row in list(csv.reader(handle))[1:]} == {"K1", "007", "1E3"}


def test_untouched_hostile_workbook_imports_as_no_change(plan_copy: Path, tmp_path: Path) -> None:
    book = _export(plan_copy, tmp_path / "evil.xlsx")
    before = plan_copy.read_bytes()
    done = run_cli("import", plan_copy, book, "--today", TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "aucun changement" in done.stdout
    assert plan_copy.read_bytes() == before
    assert_terminal_safe(done.stdout + done.stderr, "import")


def test_import_messages_echo_workbook_text_inertly(plan_copy: Path, tmp_path: Path) -> None:
    book = _export(plan_copy, tmp_path / "evil.xlsx")
    before = plan_copy.read_bytes()
    workbook = openpyxl.load_workbook(book)
    # Excel writes the characters XML cannot hold as _xHHHH_; readers decode them.
    workbook["Actions"]["O3"] = "client \x9b31m said \u202eok _x001B_[2J done"  # A2's comment
    workbook["Suivi"].append([dt.date(2025, 5, 13), "A3", None, "res _x001B_]0;pwned_x0007_ \u202egnp\rEVIL", "c", "a"])
    accepted = tmp_path / "accepted.xlsx"
    workbook.save(accepted)
    workbook["Actions"]["I4"] = "\x9b2JFinished _x001B_]0;pwned_x0007_"
    refused = tmp_path / "refused.xlsx"
    workbook.save(refused)

    no = run_cli("import", plan_copy, refused, "--today", TODAY)
    assert no.returncode == 1 and "Actions!I4" in no.stderr and "is not a status" in no.stderr
    assert plan_copy.read_bytes() == before
    yes = run_cli("import", plan_copy, accepted, "--today", TODAY, "--dry-run")
    assert "+ suivi 13/05/2025 A3" in yes.stdout and "A2 commentaire" in yes.stdout
    assert_terminal_safe(no.stderr, "import refusal")
    assert_terminal_safe(yes.stdout, "import changes")
    assert any(line.strip().startswith("+ suivi 13/05/2025 A3") for line in yes.stdout.splitlines())
