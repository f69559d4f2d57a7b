"""``planaction log PLAN ID RESULT``: add a follow-up log entry for an action."""

from __future__ import annotations

import argparse

from planaction.cli import editing, options
from planaction.words.cli import say

NAME = "log"
SUMMARY = "summary_log"
EXAMPLE = 'planaction log plan.yaml A3 "12 agents trained" --comment "2 absent"'


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    editing.plan_argument(parser, lang)
    parser.add_argument("action_id", metavar="ACTION_ID", help=say("help_action_id", lang))
    parser.add_argument("result", metavar="RESULT", help=say("help_result", lang))
    parser.add_argument("--date", type=options.date_type(lang), metavar="DATE", help=say("help_log_date", lang))
    parser.add_argument("--comment", help=say("help_comment", lang))
    parser.add_argument("--author", help=say("help_author", lang))
    editing.common_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from planaction.core import ops

    def change(plan):
        day = args.date or editing.today(args)
        new = ops.append_log(plan, args.action_id, args.result, day, comment=args.comment, author=args.author)
        return new, args.action_id, None

    return editing.edit(args, args.action_id, change)
