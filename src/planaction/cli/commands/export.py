"""``planaction export PLAN [-o FILE]``: write the plan in an export format (``exchange/formats.py``).

The options every format honours (``ExportRequest``): ``--today``, ``--lang``; ``--since REV`` (what
changed since the last committee, and the progress at each commit since, for the one-page report's
chart); ``--owner``, ``--status``, ``--imperative``, ``--stream`` to keep only some actions in the
tables; ``--client``, ``--consultancy``, ``--logo`` over the plan's ``branding:``.
"""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, complain, refuse
from planaction.words.baseline import say as told
from planaction.words.cli import say
from planaction.words.onepage import say as page

NAME = "export"
SUMMARY = "summary_export"
EXAMPLE = "planaction export plans/support-it.yaml -o support-it.xlsx"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("plan", metavar="PLAN", help=say("help_plan", lang))
    parser.add_argument("-o", "--output", metavar="BOOK.xlsx", help=say("help_export_output", lang))
    options.today(parser, lang)
    options.language(parser, lang, "help_lang_book")
    parser.add_argument("--force", action="store_true", help=say("help_force", lang))
    parser.add_argument("--since", metavar="REV", help=page("help_since", lang))
    parser.add_argument("--baseline", metavar="REV", help=say("help_baseline", lang))
    parser.add_argument("--tags", metavar="PATTERN", help=told("help_tags", lang))
    parser.add_argument("--owner", metavar="NAME", help=page("help_owner", lang))
    parser.add_argument("--status", metavar="STATUS", help=page("help_status", lang))
    parser.add_argument("--imperative", action="store_true", help=page("help_imperative", lang))
    parser.add_argument("--stream", metavar="STREAM", help=page("help_stream", lang))
    parser.add_argument("--client", metavar="NAME", help=page("help_client", lang))
    parser.add_argument("--consultancy", metavar="NAME", help=page("help_consultancy", lang))
    parser.add_argument("--logo", metavar="IMAGE", help=page("help_logo", lang))


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from planaction.cli.plans import load_or_report
    from planaction.exchange import formats
    from planaction.store import SaveError
    from planaction.store.gitrev import RevisionError

    document = load_or_report(args.plan, editing=False)
    if document is None:
        return EXIT_INVALID
    output = Path(args.output) if args.output else formats.default_path(document.path)
    fmt = formats.format_for(output)
    if fmt is None:
        complain(say("export_suffix", args.ui, output=output, known=", ".join(formats.suffixes())))
        return EXIT_USAGE
    rows = _row_filter(args, document.plan)
    if isinstance(rows, str):
        complain(rows)
        return EXIT_USAGE
    try:
        since, history = _since(args, document.path, document.plan) if args.since else (None, ())
        baseline = (args.baseline, _slippage(args, document.path, document.plan)) if args.baseline else None
        past = _past(args, document.path, args.lang or document.plan.language) if args.since or args.tags else None
    except RevisionError as exc:
        refuse(exc)
        return EXIT_INVALID
    branding = formats.Branding(
        args.client or "", args.consultancy or "", Path(args.logo).resolve() if args.logo else None
    )
    request = formats.ExportRequest(
        plan=document.plan,
        plan_id=document.plan_id,
        plan_path=document.path,
        output=output,
        today=args.today or dt.date.today(),
        lang=args.lang or document.plan.language,
        replace=args.force,
        since=since,
        rows=rows,
        branding=branding,
        history=history,
        baseline=baseline,
        past=past,
        past_tags=args.tags,
    )
    try:
        fmt.write(request)
    except SaveError as exc:
        refuse(exc)
        return EXIT_INVALID
    print(output)
    return EXIT_OK


def _row_filter(args: argparse.Namespace, plan):
    """The tables' filter from ``--owner``/``--status``/``--imperative``/``--stream``: None when none is
    given, a sentence when a value cannot be read (an unknown status or stream)."""
    from planaction.core.model import Status
    from planaction.present.action_rows import RowFilter

    if not (args.owner or args.status or args.imperative or args.stream):
        return None
    status = None
    if args.status:
        try:
            status = Status(args.status)
        except ValueError:
            known = ", ".join(s.value for s in Status)
            return page("unknown_status", args.ui, status=args.status, known=known)
    stream = None
    if args.stream:
        wanted = args.stream.casefold()
        stream = next((s.id for s in plan.streams if wanted in (s.id.casefold(), s.name.casefold())), None)
        if stream is None:
            known = ", ".join(f"{s.id} ({s.name})" for s in plan.streams) or "—"
            return page("unknown_stream", args.ui, stream=args.stream, known=known)
    return RowFilter(owner=args.owner or None, status=status, imperative=args.imperative, stream=stream)


def _slippage(args: argparse.Namespace, path, plan):
    """Each action's slip since ``--baseline``, read as ``report --baseline`` reads it."""
    from planaction.present.history import slips_since

    return slips_since(path, args.baseline, plan, args.ui)


def _past(args: argparse.Namespace, path, lang: str):
    """The plan's history across committees (``--since`` or ``--tags``) for the page's burn-up and RAG
    trail; None when git cannot give it (a plan outside git): the page leaves the section out."""
    from planaction.present.history import history
    from planaction.store.gitrev import RevisionError

    try:
        return history(path, since=args.since, tags=args.tags, lang=lang)
    except RevisionError:
        return None


def _since(args: argparse.Namespace, path, plan):
    """The plan at ``--since`` (for what changed) and the overall progress at each commit since then,
    by day (for the progress chart): one git history read for both."""
    from planaction import store
    from planaction.core import rules
    from planaction.store.gitrev import RevisionError, commit_days, history

    versions = history(path, args.since)
    then = store.parse(versions[0][1], f"{path}@{args.since}", nodes=False) if versions else None
    if then is None or then.document is None:
        problems = (then.errors or then.problems) if then is not None else []
        problem = problems[0].message if problems else ""
        raise RevisionError(say("not_valid_then", args.ui, name=path.name, rev=args.since, problem=problem))
    days = commit_days(path, [commit for commit, _text in versions])
    progress: dict = {}
    for commit, text in versions:
        version = then if commit == versions[0][0] else store.parse(text, f"{path}@{commit[:10]}", nodes=False)
        document = version.document
        value = rules.overall_progress(document.plan) if document is not None else None
        if value is not None and commit in days:
            progress[days[commit]] = value  # the last commit of a day tells that day
    return (args.since, then.document.plan), tuple(sorted(progress.items()))
