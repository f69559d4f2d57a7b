"""``planaction ics PATH... -o FILE.ics [--owner NAME]``: an iCalendar file of due dates, milestones,
decisions, rituals and measurements, everyone's or one person's; ``-o -`` writes it to standard output."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, complain, no_plans, refuse, tell
from planaction.words.cli import say
from planaction.words.remind import say as said

NAME = "ics"
SUMMARY = "summary_ics"
EXAMPLE = "planaction ics plans/ --owner 'Grace Kim' -o grace.ics"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=say("help_paths", lang))
    parser.add_argument("-o", "--output", required=True, metavar="FILE.ics", help=say("help_ics_output", lang))
    parser.add_argument("--owner", metavar="NAME", help=said("help_ics_owner", lang))
    options.today(parser, lang)


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    import sys
    from pathlib import Path

    from planaction.cli.plans import read_plans
    from planaction.exchange.ics import calendar, uid_prefix
    from planaction.store.atomic import SaveError, write_atomic
    from planaction.words.folding import person_key
    from planaction.words.safetext import one_line

    lang = args.ui
    output = Path(args.output)
    if args.owner is not None and not person_key(args.owner):
        tell("planaction: " + say("owner_not_a_name", lang, owner=repr(args.owner)))
        return EXIT_USAGE
    if args.output != "-" and output.suffix.lower() != ".ics":
        tell("planaction: " + say("ics_suffix", lang, output=output))
        return EXIT_USAGE
    documents, invalid = read_plans(args.paths)
    if invalid:
        complain(say("ics_fix_first", lang))
        return EXIT_INVALID
    if not documents:
        no_plans(args.paths, lang)
        return EXIT_INVALID
    owners: dict[str, Path] = {}
    for path, doc in documents:
        other = owners.setdefault(uid_prefix(doc.plan_id), path)
        if other != path:
            line, col = doc.location(("id",))
            tell(f"{path}:{line}:{col}: error: " + say("ics_same_id", lang, other=other, id=repr(doc.plan_id)))
            tell("  hint: " + say("ics_same_id_hint", lang))
            return EXIT_INVALID
    name = documents[0][1].plan.title if len(documents) == 1 else f"planaction — {', '.join(args.paths)}"
    if args.owner:
        name = said("calendar_of", lang, name=args.owner)
    plans = [(doc.plan_id, doc.plan) for _path, doc in documents]
    text = calendar(plans, name, args.today or dt.date.today(), owner=args.owner)
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return EXIT_OK
    try:
        write_atomic(output, text.encode("utf-8"))
    except SaveError as exc:
        refuse(exc)
        return EXIT_INVALID
    print(one_line(str(output)))
    return EXIT_OK
