"""``planaction add PLAN KEY=VALUE...``: add an action; prints the id it was given."""

from __future__ import annotations

import argparse

from planaction.cli import editing
from planaction.words.cli import say

NAME = "add"
SUMMARY = "summary_add"
EXAMPLE = 'planaction add plan.yaml "title=Former les agents" owner=RH due=2025-06-30'


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    editing.plan_argument(parser, lang)
    parser.add_argument("assignments", nargs="*", metavar="KEY=VALUE", help=say("help_assignments", lang))
    editing.common_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from planaction.cli import assignments
    from planaction.core import ops
    from planaction.core.model import Action

    def change(plan):
        fields = assignments.parse(Action, args.assignments, plan.language)
        plan, new_id = ops.add_action(plan, fields, editing.today(args))
        return plan, new_id, new_id

    return editing.edit(args, None, change)
