"""``planaction set PLAN ID KEY=VALUE...``: change fields of an action, as the app would."""

from __future__ import annotations

import argparse

from planaction.cli import editing
from planaction.words.cli import say

NAME = "set"
SUMMARY = "summary_set"
EXAMPLE = "planaction set plan.yaml A3 status=done progress=100"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    editing.plan_argument(parser, lang)
    parser.add_argument("action_id", metavar="ACTION_ID", help=say("help_action_id", lang))
    parser.add_argument("assignments", nargs="+", metavar="KEY=VALUE", help=say("help_assignments", lang))
    editing.common_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from planaction.cli import assignments
    from planaction.core import ops
    from planaction.core.model import Action

    def change(plan):
        fields = assignments.parse(Action, args.assignments, plan.language)
        return ops.update_action(plan, args.action_id, fields, editing.today(args)), args.action_id, None

    return editing.edit(args, args.action_id, change)
