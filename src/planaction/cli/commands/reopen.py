"""``planaction reopen PLAN``: a closed plan is run again; its status and closing date leave the file."""

from __future__ import annotations

import argparse

from planaction.cli import editing
from planaction.words.closing import say as said

NAME = "reopen"
SUMMARY = "summary_reopen"
EXAMPLE = "planaction reopen plans/support-it.yaml"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    editing.plan_argument(parser, lang)
    editing.common_options(parser, lang)


def run(args: argparse.Namespace) -> int:
    from planaction.core import ops
    from planaction.words.safetext import one_line

    def change(plan):
        key = "reopened" if plan.closed else "was_open"
        return ops.reopen_plan(plan), None, said(key, plan.language, title=one_line(plan.title))

    return editing.edit(args, None, change)
