"""``planaction due PATH...``: each person's overdue and due-soon actions and milestones (exit 3 if overdue)."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_OVERDUE, EXIT_USAGE, complain, no_plans, tell
from planaction.words.cli import say

NAME = "due"
SUMMARY = "summary_due"
EXAMPLE = "planaction due plans/ --within 14 --owner Ana"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=say("help_paths", lang))
    parser.add_argument("--within", type=int, default=7, metavar="DAYS", help=say("help_within", lang))
    parser.add_argument("--owner", metavar="NAME", help=say("help_owner", lang))
    options.today(parser, lang)
    options.output_format(parser, lang, ("text", "markdown", "json"))
    options.language(parser, lang, "help_lang_plans")


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    import sys

    from planaction.cli.plans import language_of, read_plans
    from planaction.report import due
    from planaction.words.folding import person_key

    if args.within < 0:
        complain(say("within_negative", args.ui))
        return EXIT_USAGE
    if args.owner is not None and not person_key(args.owner):
        tell("planaction: " + say("owner_not_a_name", args.ui, owner=repr(args.owner)))
        return EXIT_USAGE
    documents, invalid = read_plans(args.paths)
    if not documents and not invalid:
        no_plans(args.paths, args.ui)
        return EXIT_INVALID
    today = args.today or dt.date.today()
    lang = args.lang or language_of(doc.plan for _path, doc in documents)
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
