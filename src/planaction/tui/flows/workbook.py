"""Exports and the client workbook's import, as the plan screen runs them.

An export goes through the format registry (``exchange.formats``): ``x`` writes the default
format beside the plan; "Export to…" asks for a path whose suffix picks the format (an unknown
suffix is refused beside the field, naming the suffixes known). The plan is saved first: an
export must match the file. Writing runs in a thread worker; a workbook that holds a client's
edits not yet imported (``WorkbookChanged``, .xlsx) is never replaced without asking. An import
shows what it would change before anything applies.

In a browser page (``textual serve``), the file is still written beside the plan, on the server,
where ``import`` and the guard against replacing a client's edits look for it, and it is also
offered to the browser as a download: the person at the page is the one who sends it to the client.
"""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from planaction.exchange import formats
from planaction.store import SaveError
from planaction.tui.modals.changes import ChangesModal
from planaction.tui.modals.path import PathModal
from planaction.tui.widgets.questions import ChoiceModal
from planaction.words.exchange import say as say_format
from planaction.words.safetext import printable
from planaction.words.tui import say
from planaction.words.web import say as say_web

if TYPE_CHECKING:
    from planaction.tui.screens.plan import PlanScreen


def known_formats(lang: str) -> str:
    """The formats the registry knows, each named with its suffix: "classeur Excel (.xlsx)"."""
    names = []
    for fmt in formats.FORMATS:
        name = say_format(fmt.name_key, lang)
        names.append(name if fmt.suffix in name else f"{name} ({fmt.suffix})")
    return ", ".join(names)


def format_problem(path: Path, lang: str) -> str | None:
    """Why ``path`` cannot be exported to (its suffix names no format), or None."""
    if formats.format_for(path) is not None:
        return None
    return say("unknown_suffix", lang, suffix=path.suffix or path.name, known=known_formats(lang))


def export(screen: PlanScreen, target: Path | None = None) -> None:
    """Save first if need be (asking), then write ``target`` (default: the default format beside the plan)."""
    if not screen.session.dirty:
        start(screen, target)
        return

    def chosen(choice: str | None) -> None:
        if choice == "save":
            screen.action_save(then=lambda: start(screen, target))

    choices = [
        ("save", say("save_and_export", screen.lang), "primary"),
        ("cancel", say("cancel", screen.lang), "default"),
    ]
    screen.app.push_screen(ChoiceModal(say("export_save_first", screen.lang), choices, focus="save"), chosen)


def export_to(screen: PlanScreen) -> None:
    """Ask where to export; the suffix typed picks the format."""
    lang = screen.lang
    question = say("export_to_question", lang, known=known_formats(lang))

    def chosen(path: str | None) -> None:
        if path:
            export(screen, Path(path))

    modal = PathModal(
        question,
        str(formats.default_path(screen.session.path)),
        lang,
        must_exist=False,
        check=lambda path: format_problem(path, lang),
        ok="export_button",
    )
    screen.app.push_screen(modal, chosen)


def start(screen: PlanScreen, target: Path | None = None, *, replace: bool = False) -> None:
    """Write ``target`` in a thread; ``replace`` a workbook the client changed."""
    target = target or formats.default_path(screen.session.path)
    problem = format_problem(target, screen.lang)
    if problem is not None:
        screen.notify(printable(problem), severity="error", markup=False)
        return
    screen.notify(printable(say("exporting", screen.lang, name=target.name)), markup=False)
    screen.run_worker(partial(_write, screen, target, replace), thread=True, exclusive=True, group="export")


def _write(screen: PlanScreen, target: Path, replace: bool) -> None:
    """In the worker thread: build and write the file, then say so (or ask) on the app's thread."""
    from planaction.exchange.xlsx.overwrite import WorkbookChanged

    document, lang = screen.session.document, screen.lang
    fmt = formats.format_for(target)
    assert fmt is not None  # checked by ``start``
    request = formats.ExportRequest(
        plan=screen.session.plan,
        plan_id=screen.session.plan_id,
        plan_path=document.path,
        output=target,
        today=screen.today,
        lang=lang,
        replace=replace,
    )
    try:
        fmt.write(request)
    except WorkbookChanged as exc:
        screen.app.call_from_thread(_ask_replace, screen, target, exc.pending is not None)
        return
    except SaveError as exc:
        screen.app.call_from_thread(screen.notify, printable(str(exc)), severity="error", markup=False)
        return
    screen.app.call_from_thread(_written, screen, target, fmt.suffix)


def _written(screen: PlanScreen, target: Path, suffix: str) -> None:
    """Say where the file is; in a browser page, also hand it to the browser as a download.

    The download is the bytes written now (read at once, a workbook is small), not the file as it
    may be by the time the browser asks for it (a second export could be writing it)."""
    written = "workbook_written" if suffix == ".xlsx" else "export_written"
    screen.notify(printable(say(written, screen.lang, path=target)), markup=False, timeout=8)
    if not screen.app.is_web:
        return
    try:
        written_bytes = target.read_bytes()
    except OSError as exc:  # gone or unreadable since it was written: the browser gets nothing
        screen.notify(printable(str(exc)), severity="error", markup=False)
        return
    screen.app.deliver_binary(io.BytesIO(written_bytes), save_filename=target.name)
    screen.notify(printable(say_web("download_offered", screen.lang, name=target.name)), markup=False, timeout=8)


def _ask_replace(screen: PlanScreen, target: Path, importable: bool) -> None:
    """The workbook changed since planaction wrote it: import it first, write another name, or replace."""
    from planaction.exchange.xlsx.overwrite import free_name

    lang = screen.lang
    other = free_name(target, screen.today)
    choices = [
        ("import", say("import_first", lang), "primary"),
        ("other", say("other_name", lang), "default"),
        ("replace", say("replace", lang), "warning"),
    ]
    if not importable:  # not a workbook planaction wrote: importing it makes no sense
        choices.pop(0)

    def chosen(choice: str | None) -> None:
        if choice == "import":
            import_from(screen, str(target))
        elif choice == "other":
            start(screen, other)
        elif choice == "replace":
            start(screen, target, replace=True)

    question = say("workbook_changed", lang, name=target.name, other=other.name)
    screen.app.push_screen(ChoiceModal(question, choices, focus=choices[0][0]), chosen)


def ask_import(screen: PlanScreen) -> None:
    default = formats.default_path(screen.session.path)
    question = say("import_question", screen.lang)
    screen.app.push_screen(PathModal(question, str(default), screen.lang), lambda path: import_from(screen, path))


def import_from(screen: PlanScreen, path: str | None, prefer: str | None = None) -> None:
    """Read the workbook at ``path`` and show what it would change; apply on the person's word."""
    if not path:
        return
    from planaction.exchange.xlsx.importer import WorkbookRefused, conflict_lines, plan_import

    lang = screen.lang
    try:
        result = plan_import(
            screen.plan,
            Path(path),
            plan_id=screen.session.plan_id,
            prefer=prefer,
            today=screen.today,
            lang=lang,
            plan_path=screen.session.path,
        )
    except WorkbookRefused as exc:
        screen.notify(
            printable("\n".join(str(p) for p in exc.problems[:6])),
            title=say("workbook_refused", lang),
            severity="error",
            timeout=12,
            markup=False,
        )
        return
    if not result.operations and not result.conflicts:
        screen.notify(say("nothing_to_import", lang))
        return
    sections = [
        (say("changes", lang), result.changes),
        (say("conflicts_kept", lang), conflict_lines(result, lang)),
        (say("ignored", lang), result.ignored),
    ]

    def chosen(choice: str | None) -> None:
        if choice == "apply":
            screen.edit(result.apply)
            screen.notify(say("imported", lang))
        elif choice == "theirs":
            import_from(screen, path, prefer="theirs")

    title = say("import_title", lang, name=Path(path).name)
    modal = ChangesModal(title, sections, lang, conflicts=bool(result.conflicts) and prefer is None)
    screen.app.push_screen(modal, chosen)
