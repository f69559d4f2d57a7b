"""``planaction report PATH``: the steering report of a plan, or the portfolio of a folder."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, no_plans, refuse, tell
from planaction.words.cli import say
from planaction.words.structures import say as say_structures

NAME = "report"
SUMMARY = "summary_report"
EXAMPLE = "planaction report plans/ --since HEAD~5 --format markdown"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("path", metavar="PATH", help=say("help_report_path", lang))
    options.today(parser, lang)
    parser.add_argument("--since", metavar="REV", help=say("help_since", lang))
    parser.add_argument("--baseline", metavar="REV", help=say("help_baseline", lang))
    options.output_format(parser, lang, ("text", "markdown", "json"))
    options.language(parser, lang)
    parser.add_argument("--structure", metavar="NAME", help=say_structures("help_structure", lang))  # issue 18


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    import os
    import sys
    from pathlib import Path

    from planaction.cli.output import ColourStream, PrintableStream
    from planaction.cli.plans import load_or_report
    from planaction.report import build, renderers
    from planaction.store.gitrev import RevisionError, read_at_revision

    today = args.today or dt.date.today()
    target = Path(args.path)
    if not target.exists():
        tell(f"{target}:1:1: error: {say('no_such_path', args.ui)}")
        return EXIT_INVALID
    try:
        if target.is_dir() and args.baseline:
            tell(f"planaction: {say('baseline_one_plan', args.ui)}")
            return EXIT_USAGE
        if target.is_dir():
            built, invalid = _portfolio(args, target, today)
            if built is None:
                return EXIT_INVALID
        else:
            document = load_or_report(str(target), editing=False)
            if document is None:
                return EXIT_INVALID
            lang = args.lang or document.plan.language
            previous = None
            if args.since:
                previous = (args.since, _plan_then(args, target, read_at_revision(target, args.since)))
            baseline = None
            if args.baseline:
                baseline = (args.baseline, _slippage(args, target, document.plan))
            kept = _structure(args, document.plan, lang)
            if kept is False:
                return EXIT_USAGE
            stage = _previous_stage(target, document.plan)
            built = build.plan_report(
                str(target),
                document.plan,
                today,
                lang,
                since=previous,
                baseline=baseline,
                previous=stage,
                structure=kept,
            )
            invalid = False
    except RevisionError as exc:
        refuse(exc)
        return EXIT_INVALID
    if args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console

        stream = sys.stdout.raw if isinstance(sys.stdout, PrintableStream) else sys.stdout
        from planaction.report.rich import print_rich

        print_rich(built, Console(highlight=False, file=ColourStream(stream)))
    else:
        sys.stdout.write(renderers.render(built, args.format))
        if args.format == "json":
            sys.stdout.write("\n")
    return EXIT_INVALID if invalid else EXIT_OK  # a portfolio row says which plan and where


def _structure(args: argparse.Namespace, plan, lang: str):
    """The id of the structure ``--structure`` names (id or name), None without the option, False (after
    saying which structures the plan has) when the plan has no such structure."""
    if args.structure is None:
        return None
    from planaction.core.structures import find

    found = find(plan, args.structure)
    if found is None:
        known = ", ".join(f"{s.id} ({s.name})" for s in plan.structures) or say_structures("none", args.ui)
        tell(f"planaction: {say_structures('unknown_structure', args.ui, name=args.structure, known=known)}")
        return False
    return found.id


def _previous_stage(path, plan):
    """The plan of the stage this one continues, to say which structures joined at this stage."""
    from planaction.present.structures import previous_stage

    found = previous_stage(path, plan)
    return found[1] if found is not None else None


def _plan_then(args: argparse.Namespace, path, text: str):
    from planaction import store
    from planaction.store.gitrev import RevisionError

    old = store.parse(text, f"{path}@{args.since}", nodes=False)
    if old.document is None:
        raise RevisionError(
            say("not_valid_then", args.ui, name=path.name, rev=args.since, problem=old.problems[0].message)
        )
    return old.document.plan


def _slippage(args: argparse.Namespace, path, plan):
    """Each action's slip since ``--baseline`` (read in ``present.history.slips_since``, as ``export`` does)."""
    from planaction.present.history import slips_since

    return slips_since(path, args.baseline, plan, args.ui)


def _portfolio(args: argparse.Namespace, target, today):
    """The portfolio report of a folder and whether a plan in it is invalid; (None, True) if it holds none."""
    from planaction import store
    from planaction.cli.plans import language_of
    from planaction.present import describe, views
    from planaction.present.portfolio import group_stages
    from planaction.report import build
    from planaction.store.gitrev import RevisionError, TooLarge, read_many_at_revision

    plans = []
    for path in store.plan_files([target]):
        result = store.read(path, nodes=False)
        plans.append((path, result.document.plan if result.document else None, result))
    if not plans:
        no_plans([args.path], args.ui)
        return None, True
    lang = args.lang or language_of(plan for _path, plan, _result in plans if plan is not None)
    rows = []
    for path, plan, result in plans:
        first = None if plan is not None else (result.errors or result.problems)[0]
        error = f"{first.line}:{first.col} {first.message}" if first else ""
        rows.append(views.portfolio_row(path, plan, error, today, lang))
    rows = group_stages(rows)  # a project's stages together, in order (issue 18)
    since: dict[str, list[str]] = {}
    if args.since:
        valid = [(path, result.document) for path, plan, result in plans if plan is not None]
        texts = read_many_at_revision([path for path, _document in valid], args.since)
        for path, document in valid:
            then, plan = texts[path], document.plan
            if isinstance(then, TooLarge):  # that plan's past is refused, as a file would be
                since[str(path)] = [str(then)]
                continue
            if isinstance(then, RevisionError) and not then.absent:
                raise then
            if isinstance(then, RevisionError):
                since[str(path)] = [describe.new_plan(lang)]
                continue
            if then == document.text:  # most plans of a portfolio did not change: nothing to parse
                since[str(path)] = []
                continue
            try:
                since[str(path)] = describe.changes(_plan_then(args, path, then), plan, lang)
            except RevisionError as exc:
                since[str(path)] = [exc.text(lang)]
    built = build.PortfolioReport(str(target), today, lang, rows, since, args.since)
    return built, any(plan is None for _path, plan, _result in plans)
