"""``planaction close PLAN [--on DATE]``: a plan is done with; it stops reminding people.

The status and the closing date are written in the plan through ``ops.close_plan``
and the store's minimal save, as every edit is: two lines appear in the file.
"""

from __future__ import annotations

import argparse

from planaction.cli import editing, options
from planaction.words.closing import say as said

NAME = "close"
SUMMARY = "summary_close"
EXAMPLE = "planaction close plans/support-it.yaml --on 2025-07-01"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    editing.plan_argument(parser, lang)
    parser.add_argument("--on", type=options.date_type(lang), metavar="DATE", help=said("help_on", lang))
    editing.common_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from planaction.core import ops
    from planaction.words.labels import date_text
    from planaction.words.safetext import one_line

    def change(plan):
        on = args.on or editing.today(args)
        done = said("closed", plan.language, title=one_line(plan.title), date=date_text(on, plan.language))
        return ops.close_plan(plan, on), None, done

    return editing.edit(args, None, change)
