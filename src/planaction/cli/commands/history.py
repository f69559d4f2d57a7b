"""``planaction history PATH``: a plan's figures at each revision of its git history, or at each
committee's tag (``--tags 'copil-*'``): progress, RAG, health, scope and done, each KPI's value;
a burn-up and the RAG trail in the terminal, ``points`` in JSON. A folder gives each plan's."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, json_out, refuse
from planaction.words.cli import say

NAME = "history"
SUMMARY = "summary_history"
EXAMPLE = "planaction history plans/onboarding-client.yaml --tags 'copil-*'"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("path", metavar="PATH", help=say("help_history_path", lang))
    parser.add_argument("--since", metavar="REV", help=say("help_history_since", lang))
    parser.add_argument("--tags", metavar="PATTERN", help=say("help_tags", lang))
    options.language(parser, lang)
    options.output_format(parser, lang, ("text", "markdown", "json"))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from planaction import store
    from planaction.cli.output import no_plans
    from planaction.present.history import histories
    from planaction.report import history as laid_out
    from planaction.store.gitrev import RevisionError

    files = list(store.plan_files([args.path]))
    if not files:
        no_plans([args.path], args.ui)
        return EXIT_INVALID
    try:
        found = histories([Path(path) for path in files], since=args.since, tags=args.tags, lang=args.lang)
    except RevisionError as exc:
        refuse(exc)
        return EXIT_INVALID
    if options.wants_json(args):
        data = [laid_out.data(h) for h in found]
        json_out(data[0] if Path(args.path).is_file() else {"plans": data})
        return EXIT_OK
    render = laid_out.markdown if args.format == "markdown" else laid_out.text
    print("\n\n".join(render(h) for h in found))
    return EXIT_OK
