"""``planaction import PLAN BOOK.xlsx``: merge a client's edits of the workbook back into the plan.

The text lists the changes, the conflicts (not applied unless ``--theirs`` or
``--ours`` says which side wins) and what was ignored, in the plan's language;
``--format json`` gives the same as data (see ``cli/import_data.py``).
"""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, complain, json_out, refuse
from planaction.words.cli import say

NAME = "import"
SUMMARY = "summary_import"
EXAMPLE = "planaction import plans/support-it.yaml support-it.xlsx --dry-run"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("plan", metavar="PLAN", help=say("help_plan", lang))
    parser.add_argument("book", metavar="BOOK.xlsx", help=say("help_book", lang))
    parser.add_argument("--dry-run", action="store_true", help=say("help_dry_run", lang))
    side = parser.add_mutually_exclusive_group()
    side.add_argument("--theirs", action="store_true", help=say("help_theirs", lang))
    side.add_argument("--ours", action="store_true", help=say("help_ours", lang))
    options.today(parser, lang)
    options.output_format(parser, lang)


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    import sys
    from pathlib import Path

    from planaction.cli.plans import load_or_report
    from planaction.exchange.xlsx.importer import WorkbookRefused, plan_import
    from planaction.store import SaveError

    document = load_or_report(args.plan, editing=not args.dry_run)
    if document is None:
        return EXIT_INVALID
    lang = document.plan.language
    try:
        result = plan_import(
            document.plan,
            Path(args.book),
            plan_id=document.plan_id,
            prefer="theirs" if args.theirs else "ours" if args.ours else None,
            today=args.today or dt.date.today(),
            lang=lang,
            plan_path=document.path,
        )
    except WorkbookRefused as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        complain(say("nothing_imported", args.ui, plan=document.path))
        return EXIT_INVALID
    before = document.plan
    as_json = options.wants_json(args)
    if not as_json:
        _print_result(args, document, result, lang)
    saved = False
    if not args.dry_run and result.operations:
        try:
            document.save(result.apply(document.plan))
        except SaveError as exc:
            refuse(exc)
            return EXIT_INVALID
        saved = True
        if not as_json:
            print(say("changes_saved", lang, count=len(result.changes), plan=document.path))
    if as_json:
        from planaction.cli.import_data import describe

        data = describe(result, before, Path(args.book), lang)
        json_out({"plan": str(document.path), "book": args.book, "dry_run": args.dry_run, "saved": saved, **data})
    return EXIT_INVALID if result.conflicts else EXIT_OK


def _print_result(args: argparse.Namespace, document, result, lang: str) -> None:
    from planaction.exchange.xlsx.importer import conflict_lines

    print(f"{args.book} → {document.path}")
    for line in result.changes:
        print(f"  {line}")
    if not result.changes:
        print("  " + say("no_changes", lang))
    if result.conflicts:
        print(say("conflicts_heading", lang))
        for line in conflict_lines(result, lang):
            print(f"  {line}")
    if result.ignored:
        print(say("ignored_heading", lang))
        for line in result.ignored:
            print(f"  {line}")
    if args.dry_run:
        print(say("dry_run_note", lang))
