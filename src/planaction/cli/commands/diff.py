"""``planaction diff OLD [NEW|REV]``: what changed between two plans, or since a git revision.

With ``--format json``: ``changes``, the sentences the text shows, and
``edits``, the same changes as data (operation, section, id, field, before,
after) for programs.
"""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, json_out, problems, refuse, tell
from planaction.words.cli import say

NAME = "diff"
SUMMARY = "summary_diff"
EXAMPLE = "planaction diff plans/support-it.yaml HEAD~1"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("old", metavar="OLD_OR_PLAN", help=say("help_diff_old", lang))
    parser.add_argument("new", nargs="?", metavar="NEW_OR_REV", help=say("help_diff_new", lang))
    options.language(parser, lang)
    options.output_format(parser, lang)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from planaction import store
    from planaction.present import describe
    from planaction.store.gitrev import RevisionError, read_at_revision

    first = Path(args.old)
    second = Path(args.new) if args.new and Path(args.new).is_file() else None
    if second is None and args.new and Path(args.new).suffix in (".yaml", ".yml"):
        tell(f"{args.new}:1:1: error: {say('no_such_file', args.ui)}")
        return EXIT_INVALID
    if second is not None:
        old_result, new_result = store.read(first, nodes=False), store.read(second, nodes=False)
        old_name, new_name = str(first), str(second)
    else:
        revision = args.new or "HEAD"
        try:
            text = read_at_revision(first, revision)
        except RevisionError as exc:
            refuse(exc)
            return EXIT_INVALID
        old_name, new_name = f"{first}@{revision}", str(first)
        old_result = store.parse(text, old_name, nodes=False)
        new_result = store.read(first, nodes=False)
    for result in (old_result, new_result):
        if result.document is None:
            problems(result.errors or result.problems)
            return EXIT_INVALID
    old_plan, new_plan = old_result.document.plan, new_result.document.plan
    lines = describe.changes(old_plan, new_plan, args.lang or new_plan.language)
    if options.wants_json(args):
        json_out({"old": old_name, "new": new_name, "changes": lines, "edits": edits(old_plan, new_plan)})
        return EXIT_OK
    for line in lines:
        print(line)
    return EXIT_OK


def edits(old, new) -> list[dict]:
    """The structural changes (``yamlfile.diff``) as data, items named by their id when they have one."""
    from planaction.cli.jsondata import plain
    from planaction.yamlfile import diff

    found = []
    for change in diff.changes(old, new, whole_scalar_lists=True):
        path = list(change.path)
        section = str(path[0]) if path else None
        item_id = None
        if section and len(path) > 1 and isinstance(path[1], int):
            items = getattr(old, section, None) or ()
            if path[1] < len(items):
                item_id = getattr(items[path[1]], "id", None)
        field = change.key if change.op == diff.INSERT else (path[-1] if path else None)
        found.append(
            {
                "op": change.op,
                "section": section,
                "id": item_id if isinstance(item_id, str) else None,
                "path": [str(part) if not isinstance(part, int) else part for part in path],
                "field": field,
                "before": plain(change.before),
                "after": plain(change.value),
            }
        )
    return found
