"""``planaction export PLAN [-o FILE]``: write the plan in an export format (``exchange/formats.py``)."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, complain, refuse
from planaction.words.cli import say

NAME = "export"
SUMMARY = "summary_export"
EXAMPLE = "planaction export plans/support-it.yaml -o support-it.xlsx"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("plan", metavar="PLAN", help=say("help_plan", lang))
    parser.add_argument("-o", "--output", metavar="BOOK.xlsx", help=say("help_export_output", lang))
    options.today(parser, lang)
    options.language(parser, lang, "help_lang_book")
    parser.add_argument("--force", action="store_true", help=say("help_force", lang))


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from planaction.cli.plans import load_or_report
    from planaction.exchange import formats
    from planaction.store import SaveError

    document = load_or_report(args.plan, editing=False)
    if document is None:
        return EXIT_INVALID
    output = Path(args.output) if args.output else formats.default_path(document.path)
    fmt = formats.format_for(output)
    if fmt is None:
        complain(say("export_suffix", args.ui, output=output, known=", ".join(formats.suffixes())))
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
        refuse(exc)
        return EXIT_INVALID
    print(output)
    return EXIT_OK
