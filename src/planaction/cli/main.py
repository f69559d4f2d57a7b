"""The ``planaction`` command: parses arguments, calls the layers, sets exit codes.

Exit codes: 0 success, 1 invalid input or refused operation, 2 usage error.
Heavy faces (the Textual app, the workbook) are imported only by the commands
that use them, so ``planaction validate`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from planaction import __version__
from planaction.words.problems import render

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(Exception):
    pass


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date; write YYYY-MM-DD, e.g. 2025-05-01') from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planaction",
        description="Action plans (plans d'action) as YAML: validate, edit, steer, export.",
    )
    parser.add_argument("--version", action="version", version=f"planaction {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="check plan files and folders")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")

    commands.add_parser("schema", help="print the JSON Schema of plan files")

    for name, help_text in (
        ("set", "change fields of an action"),
        ("add", "add an action (prints its id)"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("plan", metavar="PLAN")
        if name == "set":
            sub.add_argument("action_id", metavar="ACTION_ID")
        sub.add_argument("assignments", nargs="+" if name == "set" else "*", metavar="KEY=VALUE")
        sub.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")

    log = commands.add_parser("log", help="add a follow-up log entry for an action")
    log.add_argument("plan", metavar="PLAN")
    log.add_argument("action_id", metavar="ACTION_ID")
    log.add_argument("result", metavar="RESULT", help="the result observed")
    log.add_argument("--date", type=_date, help="date of the entry (default: today)")
    log.add_argument("--comment", help="a comment on the result")
    log.add_argument("--author", help="who writes the entry")
    log.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")

    export = commands.add_parser("export", help="write the client workbook (XLSX)")
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("-o", "--output", metavar="BOOK.xlsx", help="where to write it (default: beside the plan)")
    export.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")
    export.add_argument("--lang", choices=("fr", "en"), help="language of the workbook (default: the plan's)")
    export.add_argument(
        "--force",
        action="store_true",
        help="replace the workbook even if it changed since planaction wrote it (a client's edits not yet imported)",
    )

    merge = commands.add_parser("import", help="merge a client's edits of the workbook back into the plan")
    merge.add_argument("plan", metavar="PLAN")
    merge.add_argument("book", metavar="BOOK.xlsx")
    merge.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    side = merge.add_mutually_exclusive_group()
    side.add_argument("--theirs", action="store_true", help="on a conflict, take the workbook's value")
    side.add_argument("--ours", action="store_true", help="on a conflict, keep the plan's value")
    merge.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")

    report = commands.add_parser("report", help="the steering report of a plan, or the portfolio of a folder")
    report.add_argument("path", metavar="PATH")
    report.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")
    report.add_argument("--since", metavar="REV", help="add what changed since this git revision")
    report.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    report.add_argument("--lang", choices=("fr", "en"), help="language (default: the plan's)")

    due = commands.add_parser("due", help="each person's overdue and due-soon actions and milestones")
    due.add_argument("paths", nargs="+", metavar="PATH")
    due.add_argument(
        "--within", type=int, default=7, metavar="DAYS", help="days ahead that count as due soon (default 7)"
    )
    due.add_argument("--owner", metavar="NAME", help="only this person")
    due.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")
    due.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    due.add_argument("--lang", choices=("fr", "en"), default=None, help="language (default: the first plan's)")

    ics = commands.add_parser("ics", help="an iCalendar file of due dates and milestones")
    ics.add_argument("paths", nargs="+", metavar="PATH")
    ics.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    ics.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")

    changes = commands.add_parser("diff", help="what changed between two plans, or since a git revision")
    changes.add_argument("old", metavar="OLD_OR_PLAN")
    changes.add_argument(
        "new", nargs="?", metavar="NEW_OR_REV", help="a second plan file, or a git revision (default HEAD)"
    )
    changes.add_argument("--lang", choices=("fr", "en"), help="language (default: the plan's)")

    textconv = commands.add_parser("textconv", help="a plan as one line per value, for git's diff.textconv")
    textconv.add_argument("file", metavar="FILE")

    new = commands.add_parser("new", help="start a plan from a template")
    new.add_argument("file", metavar="FILE")
    new.add_argument("--template", default="operational", metavar="TYPE", help="plan type (see `planaction templates`)")
    new.add_argument("--title", help="the plan's title")

    commands.add_parser("templates", help="list the plan templates")
    return parser


COMMANDS = (
    "validate",
    "schema",
    "set",
    "add",
    "log",
    "export",
    "import",
    "report",
    "due",
    "ics",
    "diff",
    "textconv",
    "new",
    "templates",
)
EXIT_OVERDUE = 3


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planaction",
        usage="planaction [PATH] [--today DATE] [--lang fr|en] [--theme dark|light]\n"
        "       planaction COMMAND ... (validate, schema, set, add, log; see planaction --help)",
        description="Open the app on a plan file, or on a folder of plans (default: here).",
    )
    parser.add_argument("path", nargs="?", default=".", metavar="PATH", help="a plan file or a folder of plans")
    parser.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the app (default: the plan's)")
    parser.add_argument("--theme", choices=("dark", "light"), help="colour theme")
    return parser


class PrintableStream(io.TextIOBase):
    """stdout or stderr for the commands: what they print passes through ``safetext.printable``.

    Every message, report and reminder quotes plan or workbook text somewhere;
    making the stream itself safe means no command, present or future, can
    let an escape sequence, a C1 control or a bidi override reach the
    terminal. Rich's colours go to the real stream (``raw``) and the raw bytes
    that ``textconv`` passes to git go to ``buffer``.
    """

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        from planaction.words.safetext import printable

        self.raw.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def buffer(self):
        return self.raw.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.raw.encoding


class ColourStream(PrintableStream):
    """For Rich: its own colour codes (SGR sequences) pass, any other control character is replaced."""

    def write(self, text: str) -> int:
        from planaction.words.safetext import printable

        parts = _SGR.split(text)
        self.raw.write("".join(part if index % 2 else printable(part) for index, part in enumerate(parts)))
        return len(text)


_SGR = re.compile(r"(\x1b\[[0-9;]*m)")


@contextlib.contextmanager
def _printable_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = saved


def main(argv: Sequence[str] | None = None) -> int:
    with _printable_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")):
        return cmd_app(_app_parser().parse_args(args_list))
    parser = _parser()
    args = parser.parse_args(args_list)
    try:
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "schema":
            return cmd_schema()
        if args.command in ("set", "add", "log"):
            return cmd_edit(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "import":
            return cmd_import(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "due":
            return cmd_due(args)
        if args.command == "ics":
            return cmd_ics(args)
        if args.command == "diff":
            return cmd_diff(args)
        if args.command == "textconv":
            return cmd_textconv(args)
        if args.command == "new":
            return cmd_new(args)
        if args.command == "templates":
            return cmd_templates()
        parser.print_help()
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _out(text: str) -> None:
    if text:
        print(text)


def _tell(message: str) -> None:
    """A one-line message for the person, on stderr: a file name it quotes (which may hold a line
    break, and would then start a line of its own: a GitHub ``::error`` command, say) stays on it."""
    from planaction.words.safetext import one_line

    print(one_line(message), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    from planaction import store
    from planaction.words.problems import ERROR
    from planaction.words.safetext import json_text

    files = list(store.plan_files(args.paths))
    if not files:
        _no_plans(args.paths)
        return EXIT_INVALID
    all_problems = []
    invalid = 0
    for path in files:
        result = store.read(path, nodes=False)
        problems = result.problems
        if args.strict:
            problems = [
                p if p.level == ERROR else type(p)(p.file, p.line, p.col, ERROR, p.message, p.hint) for p in problems
            ]
        if any(p.level == ERROR for p in problems):
            invalid += 1
        all_problems.extend(problems)
    errors = sum(1 for p in all_problems if p.level == ERROR)
    warnings = len(all_problems) - errors
    if args.format == "json":
        print(
            json_text(
                {
                    "valid": invalid == 0,
                    "files": len(files),
                    "invalid_files": invalid,
                    "problems": json.loads(render(all_problems, "json")),
                }
            )
        )
    else:
        _out(render(all_problems, args.format))
        if args.format == "text":
            summary = f"{len(files)} plan{'s' if len(files) != 1 else ''} checked: "
            summary += f"{len(files) - invalid} valid, {invalid} invalid"
            if errors or warnings:
                summary += (
                    f" ({errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''})"
                )
            print(summary)
    return EXIT_INVALID if invalid else EXIT_OK


def _load_or_report(path: str, *, editing: bool):
    from planaction import store
    from planaction.words.problems import PlanError

    try:
        return store.load(Path(path), nodes=editing)
    except PlanError as exc:
        print(render(exc.problems, "text"), file=sys.stderr)
        return None


def cmd_export(args: argparse.Namespace) -> int:
    from planaction.exchange import formats
    from planaction.store import SaveError

    document = _load_or_report(args.plan, editing=False)
    if document is None:
        return EXIT_INVALID
    output = Path(args.output) if args.output else formats.default_path(document.path)
    fmt = formats.format_for(output)
    if fmt is None:
        known = ", ".join(formats.suffixes())
        print(f"planaction: {output}: the file's name must end in one of {known}", file=sys.stderr)
        return EXIT_USAGE
    request = formats.ExportRequest(
        plan=document.plan,
        plan_id=document.plan_id,
        plan_path=document.path,
        output=output,
        today=args.today or dt.date.today(),
        lang=args.lang or document.plan.language,
        replace=args.force,
    )
    try:
        fmt.write(request)
    except SaveError as exc:
        print(f"planaction: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(output)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from planaction.exchange.xlsx.importer import WorkbookRefused, conflict_lines, plan_import
    from planaction.store import SaveError

    document = _load_or_report(args.plan, editing=not args.dry_run)
    if document is None:
        return EXIT_INVALID
    lang = document.plan.language
    prefer = "theirs" if args.theirs else "ours" if args.ours else None
    try:
        result = plan_import(
            document.plan,
            Path(args.book),
            plan_id=document.plan_id,
            prefer=prefer,
            today=args.today or dt.date.today(),
            lang=lang,
            plan_path=document.path,
        )
    except WorkbookRefused as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        print(f"planaction: nothing was imported into {document.path}", file=sys.stderr)
        return EXIT_INVALID
    fr = lang == "fr"
    print(f"{args.book} → {document.path}")
    for line in result.changes:
        print(f"  {line}")
    if not result.changes:
        print("  aucun changement" if fr else "  no changes")
    if result.conflicts:
        print(
            "conflits, non appliqués (--theirs prend le classeur, --ours garde le plan) :"
            if fr
            else "conflicts, not applied (--theirs takes the workbook's, --ours keeps the plan's):"
        )
        for line in conflict_lines(result, lang):
            print(f"  {line}")
    if result.ignored:
        print("ignoré :" if fr else "ignored:")
        for line in result.ignored:
            print(f"  {line}")
    if args.dry_run:
        print("(essai : rien n'est écrit)" if fr else "(dry run: nothing written)")
        return EXIT_INVALID if result.conflicts else EXIT_OK
    if result.operations:
        try:
            document.save(result.apply(document.plan))
        except SaveError as exc:
            print(f"planaction: {exc}", file=sys.stderr)
            return EXIT_INVALID
        print(
            f"{len(result.changes)} changement(s) enregistré(s) dans {document.path}"
            if fr
            else f"{len(result.changes)} change(s) saved to {document.path}"
        )
    return EXIT_INVALID if result.conflicts else EXIT_OK


def _no_plans(paths: Sequence[str]) -> None:
    """What every command says of folders that hold no plan (exit 1, as for an invalid plan)."""
    _tell(f"planaction: no plan files (*.yaml, *.yml) in {', '.join(paths)}")
    _tell("  hint: give a plan file or a folder of plans; `planaction new FILE.yaml` starts one")


def _language_of(plans) -> str:
    """The language most of the plans are written in (French when there are none, or on a tie)."""
    from collections import Counter

    counts = Counter(plan.language for plan in plans)
    return "en" if counts["en"] > counts["fr"] else "fr"


def _read_plans(paths: list[str]) -> tuple[list[tuple[Path, object]], int]:
    """Valid documents of the plan files and folders given; invalid ones are reported on stderr."""
    from planaction import store

    documents = []
    invalid = 0
    for path in store.plan_files(paths):
        result = store.read(path, nodes=False)
        if result.document is None:
            invalid += 1
            print(render(result.errors or result.problems, "text"), file=sys.stderr)
            continue
        documents.append((path, result.document))
    return documents, invalid


def cmd_report(args: argparse.Namespace) -> int:
    from planaction import store
    from planaction.present import describe, views
    from planaction.report import steering as report
    from planaction.store.gitrev import RevisionError, TooLarge, read_at_revision, read_many_at_revision

    today = args.today or dt.date.today()
    target = Path(args.path)
    if not target.exists():
        _tell(f"{target}:1:1: error: no such file or folder")
        return EXIT_INVALID

    def plan_then(path: Path, text: str):
        old = store.parse(text, f"{path}@{args.since}", nodes=False)
        if old.document is None:
            raise RevisionError(f"{path.name} at {args.since} is not a valid plan ({old.problems[0].message})")
        return old.document.plan

    try:
        if target.is_dir():
            plans = []
            for path in store.plan_files([target]):
                result = store.read(path, nodes=False)
                plans.append((path, result.document.plan if result.document else None, result))
            if not plans:
                _no_plans([args.path])
                return EXIT_INVALID
            lang = args.lang or _language_of(plan for _path, plan, _result in plans if plan is not None)
            rows = []
            for path, plan, result in plans:
                first = None if plan is not None else (result.errors or result.problems)[0]
                error = f"{first.line}:{first.col} {first.message}" if first else ""
                rows.append(views.portfolio_row(path, plan, error, today, lang))
            since: dict[str, list[str]] = {}
            if args.since:
                valid = [(path, result.document) for path, plan, result in plans if plan is not None]
                texts = read_many_at_revision([path for path, _document in valid], args.since)
                for path, document in valid:
                    then, plan = texts[path], document.plan
                    if isinstance(then, TooLarge):  # that plan's past is refused, as a file would be
                        since[str(path)] = [str(then)]
                        continue
                    if isinstance(then, RevisionError) and not then.absent:
                        raise then
                    if isinstance(then, RevisionError):
                        since[str(path)] = [describe.new_plan(lang)]
                        continue
                    if then == document.text:  # most plans of a portfolio did not change: nothing to parse
                        since[str(path)] = []
                        continue
                    try:
                        since[str(path)] = describe.changes(plan_then(path, then), plan, lang)
                    except RevisionError as exc:
                        since[str(path)] = [str(exc)]
            built = report.PortfolioReport(str(target), today, lang, rows, since, args.since)
            invalid = any(plan is None for _path, plan, _result in plans)
        else:
            document = _load_or_report(str(target), editing=False)
            if document is None:
                return EXIT_INVALID
            lang = args.lang or document.plan.language
            previous = None
            if args.since:
                previous = (args.since, plan_then(target, read_at_revision(target, args.since)))
            built = report.plan_report(str(target), document.plan, today, lang, since=previous)
            invalid = False
    except RevisionError as exc:
        _tell(f"planaction: {exc}")
        return EXIT_INVALID
    if args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console

        stream = sys.stdout.raw if isinstance(sys.stdout, PrintableStream) else sys.stdout
        report.print_rich(built, Console(highlight=False, file=ColourStream(stream)))
    else:
        sys.stdout.write(report.render(built, args.format))
        if args.format == "json":
            sys.stdout.write("\n")
    return EXIT_INVALID if invalid else EXIT_OK  # a portfolio row says which plan and where


def cmd_due(args: argparse.Namespace) -> int:
    from planaction.report import due
    from planaction.words.folding import person_key

    if args.within < 0:
        print("planaction: --within must be 0 or more days", file=sys.stderr)
        return EXIT_USAGE
    if args.owner is not None and not person_key(args.owner):
        _tell(f"planaction: --owner {args.owner!r} is not a name")
        return EXIT_USAGE
    documents, invalid = _read_plans(args.paths)
    if not documents and not invalid:
        _no_plans(args.paths)
        return EXIT_INVALID
    today = args.today or dt.date.today()
    lang = args.lang or _language_of(doc.plan for _path, doc in documents)
    people = due.collect([(str(path), doc.plan) for path, doc in documents], today, args.within, args.owner)
    if args.format == "json":
        print(due.render_json(people, today, args.within))
    elif args.format == "markdown":
        sys.stdout.write(due.render_markdown(people, today, args.within, lang))
    else:
        sys.stdout.write(due.render_text(people, today, args.within, lang))
    if invalid:
        return EXIT_INVALID
    return EXIT_OVERDUE if due.anything_overdue(people) else EXIT_OK


def cmd_ics(args: argparse.Namespace) -> int:
    from planaction.exchange.ics import calendar, uid_prefix
    from planaction.store.atomic import SaveError, write_atomic
    from planaction.words.safetext import one_line

    output = Path(args.output)
    if output.suffix.lower() != ".ics":
        _tell(f"planaction: {output}: a calendar file ends in .ics")
        return EXIT_USAGE
    documents, invalid = _read_plans(args.paths)
    if invalid:
        print("planaction: no calendar written: fix the plans above first", file=sys.stderr)
        return EXIT_INVALID
    if not documents:
        _no_plans(args.paths)
        return EXIT_INVALID
    owners: dict[str, Path] = {}
    for path, doc in documents:
        other = owners.setdefault(uid_prefix(doc.plan_id), path)
        if other != path:
            line, col = doc.location(("id",))
            _tell(
                f"{path}:{line}:{col}: error: this plan and {other} have the same id {doc.plan_id!r}, so their events would"
                " overwrite each other in calendars"
            )
            _tell("  hint: give each plan its own `id:`")
            return EXIT_INVALID
    name = documents[0][1].plan.title if len(documents) == 1 else f"planaction — {', '.join(args.paths)}"
    text = calendar([(doc.plan_id, doc.plan) for _path, doc in documents], name, args.today or dt.date.today())
    try:
        write_atomic(output, text.encode("utf-8"))
    except SaveError as exc:
        _tell(f"planaction: {exc}")
        return EXIT_INVALID
    print(one_line(str(output)))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from planaction import store
    from planaction.present import describe
    from planaction.store.gitrev import RevisionError, read_at_revision

    first = Path(args.old)
    second = Path(args.new) if args.new and Path(args.new).is_file() else None
    if second is None and args.new and Path(args.new).suffix in (".yaml", ".yml"):
        _tell(f"{args.new}:1:1: error: no such file")
        return EXIT_INVALID
    if second is not None:
        old_result, new_result = store.read(first, nodes=False), store.read(second, nodes=False)
    else:
        revision = args.new or "HEAD"
        try:
            text = read_at_revision(first, revision)
        except RevisionError as exc:
            _tell(f"planaction: {exc}")
            return EXIT_INVALID
        old_result = store.parse(text, f"{first}@{revision}", nodes=False)
        new_result = store.read(first, nodes=False)
    for result in (old_result, new_result):
        if result.document is None:
            print(render(result.errors or result.problems, "text"), file=sys.stderr)
            return EXIT_INVALID
    new_plan = new_result.document.plan
    lines = describe.changes(old_result.document.plan, new_plan, args.lang or new_plan.language)
    for line in lines:
        print(line)
    return EXIT_OK


def cmd_textconv(args: argparse.Namespace) -> int:
    """For git: a plan as one line per value; anything unreadable passes through as it is."""
    from planaction import store
    from planaction.present import describe
    from planaction.store.userfiles import read_regular

    path = Path(args.file)
    result = store.read(path, nodes=False)
    if result.document is None:  # git shows the file as it is, byte for byte
        with contextlib.suppress(OSError):
            data = read_regular(path)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return EXIT_OK
    for line in describe.facts(result.document.plan):
        print(line)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from planaction import store
    from planaction.core import ops
    from planaction.core.model import is_valid_id
    from planaction.store import templates
    from planaction.words.safetext import one_line, shell_word

    target = Path(args.file)
    if target.suffix not in (".yaml", ".yml"):
        _tell(f"planaction: {target}: a plan file ends in .yaml")
        return EXIT_USAGE
    if target.exists():
        _tell(f"planaction: {target}: the file already exists; choose another name")
        return EXIT_INVALID
    try:
        text = templates.text(args.template)
    except KeyError:
        print(
            f"planaction: no template {args.template!r}; choose one of: {', '.join(templates.names())}", file=sys.stderr
        )
        return EXIT_USAGE
    document = store.parse(text, str(target), path=target).document
    assert document is not None, "templates are valid (tested)"
    changes = {"id": target.stem} if is_valid_id(target.stem) else {}
    if args.title:
        changes["title"] = args.title
    try:
        plan = ops.replace(document.plan, changes)
    except ops.OpError as exc:
        print(f"planaction: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""), file=sys.stderr)
        return EXIT_USAGE
    try:
        store.write_new(target, document.render(plan))
    except store.SaveError as exc:
        _tell(f"planaction: {exc}")
        return EXIT_INVALID
    print(f"{one_line(str(target))}: created; open it with: planaction {shell_word(str(target))}")
    return EXIT_OK


def cmd_templates() -> int:
    from planaction.store import templates

    for name in templates.names():
        print(f"{name:<24} {templates.describe(name)}")
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    """Open the Textual app; an invalid plan file is reported like `validate` does."""
    from planaction import store

    target = Path(args.path)
    if not target.exists():
        _tell(f"{target}:1:1: error: no such file or folder")
        return EXIT_INVALID
    if not target.is_dir():
        result = store.read(target, nodes=False)
        if result.document is None:
            print(render(result.problems, "text"), file=sys.stderr)
            return EXIT_INVALID
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "planaction: the app needs a terminal; `planaction validate PATH` checks plans without one",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from planaction.tui.app import run

    theme = {"dark": "textual-dark", "light": "textual-light"}.get(args.theme or "")
    try:
        return run(target, today=args.today, lang=args.lang, theme=theme)
    except KeyboardInterrupt:
        return 130


def cmd_schema() -> int:
    from planaction.core.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _print_problem(name: str, line: int, col: int, message: str, hint: str | None) -> None:
    _tell(f"{name}:{line}:{col}: error: {message}")
    if hint:
        _tell(f"  hint: {hint}")


def cmd_edit(args: argparse.Namespace) -> int:
    from planaction import store
    from planaction.cli import assignments
    from planaction.core import ops
    from planaction.core.model import Action
    from planaction.words.problems import PlanError

    today = args.today or dt.date.today()
    try:
        document = store.load(Path(args.plan))
    except PlanError as exc:
        print(render(exc.problems, "text"), file=sys.stderr)
        return EXIT_INVALID
    plan = document.plan
    location = (1, 1)
    try:
        if args.command == "add":
            fields = assignments.parse(Action, args.assignments, plan.language)
            plan, new_id = ops.add_action(plan, fields, today)
            message = new_id
        else:
            index = next((i for i, a in enumerate(plan.actions) if a.id == args.action_id), None)
            if index is not None:
                location = document.location(("actions", index))
            if args.command == "set":
                fields = assignments.parse(Action, args.assignments, plan.language)
                plan = ops.update_action(plan, args.action_id, fields, today)
                message = None
            else:
                plan = ops.append_log(
                    plan,
                    args.action_id,
                    args.result,
                    args.date or today,
                    comment=args.comment,
                    author=args.author,
                )
                message = None
    except ops.OpError as exc:
        _print_problem(document.name, *location, exc.message, exc.hint)
        return EXIT_INVALID
    try:
        changed = document.save(plan)
    except store.SaveError as exc:
        _tell(f"planaction: {exc}")
        return EXIT_INVALID
    if message:
        print(message)
    if not changed:
        _tell(f"{document.name}: nothing to change")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
