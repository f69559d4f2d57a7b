"""The ``planaction`` command: parses arguments, calls the layers, sets exit codes.

Exit codes: 0 success, 1 invalid input or refused operation, 2 usage error.
Heavy faces (the Textual app, the workbook) are imported only by the commands
that use them, so ``planaction validate`` starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from planaction import __version__

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

    merge = commands.add_parser("import", help="merge a client's edits of the workbook back into the plan")
    merge.add_argument("plan", metavar="PLAN")
    merge.add_argument("book", metavar="BOOK.xlsx")
    merge.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    side = merge.add_mutually_exclusive_group()
    side.add_argument("--theirs", action="store_true", help="on a conflict, take the workbook's value")
    side.add_argument("--ours", action="store_true", help="on a conflict, keep the plan's value")
    merge.add_argument("--today", type=_date, help="the date to use as today (YYYY-MM-DD)")
    return parser


COMMANDS = ("validate", "schema", "set", "add", "log", "export", "import")


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


def main(argv: Sequence[str] | None = None) -> int:
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
        parser.print_help()
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _out(text: str) -> None:
    if text:
        print(text)


def cmd_validate(args: argparse.Namespace) -> int:
    from planaction import store
    from planaction.problems import ERROR, render

    files = list(store.plan_files(args.paths))
    if not files:
        print(f"planaction: no plan files (*.yaml, *.yml) in {', '.join(args.paths)}", file=sys.stderr)
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
            json.dumps(
                {
                    "valid": invalid == 0,
                    "files": len(files),
                    "invalid_files": invalid,
                    "problems": json.loads(render(all_problems, "json")),
                },
                ensure_ascii=False,
                indent=2,
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
    from planaction.problems import PlanError, render

    try:
        return store.load(Path(path), nodes=editing)
    except PlanError as exc:
        print(render(exc.problems, "text"), file=sys.stderr)
        return None


def cmd_export(args: argparse.Namespace) -> int:
    from planaction.exchange.xlsx_export import default_path, export
    from planaction.store import SaveError

    document = _load_or_report(args.plan, editing=False)
    if document is None:
        return EXIT_INVALID
    output = Path(args.output) if args.output else default_path(document.path)
    if output.suffix.lower() != ".xlsx":
        print(f"planaction: {output}: the workbook's name must end in .xlsx", file=sys.stderr)
        return EXIT_USAGE
    try:
        export(
            document.plan,
            output,
            plan_id=document.plan_id,
            file_name=document.path.name,
            today=args.today or dt.date.today(),
            lang=args.lang or document.plan.language,
        )
    except SaveError as exc:
        print(f"planaction: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(output)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from planaction.exchange.xlsx_import import WorkbookRefused, conflict_lines, plan_import
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


def cmd_app(args: argparse.Namespace) -> int:
    """Open the Textual app; an invalid plan file is reported like `validate` does."""
    from planaction import store
    from planaction.problems import render

    target = Path(args.path)
    if not target.exists():
        print(f"{target}:1:1: error: no such file or folder", file=sys.stderr)
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
        return run(target, today=args.today or dt.date.today(), lang=args.lang, theme=theme)
    except KeyboardInterrupt:
        return 130


def cmd_schema() -> int:
    from planaction.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _print_problem(name: str, line: int, col: int, message: str, hint: str | None) -> None:
    print(f"{name}:{line}:{col}: error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def cmd_edit(args: argparse.Namespace) -> int:
    from planaction import ops, store
    from planaction.model import Action
    from planaction.problems import PlanError, render

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
            fields = ops.parse_assignments(Action, args.assignments)
            plan, new_id = ops.add_action(plan, fields, today)
            message = new_id
        else:
            index = next((i for i, a in enumerate(plan.actions) if a.id == args.action_id), None)
            if index is not None:
                location = document.location(("actions", index))
            if args.command == "set":
                fields = ops.parse_assignments(Action, args.assignments)
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
        print(f"planaction: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if message:
        print(message)
    if not changed:
        print(f"{document.name}: nothing to change", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
