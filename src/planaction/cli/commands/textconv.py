"""``planaction textconv FILE``: a plan as one line per value, for git's ``diff.textconv``.

Anything unreadable passes through byte for byte: git shows the file as it is. A plan left
with merge conflicts shows as its facts, each conflict's differing facts between the markers
(``<<<<<<< ours``, ``=======``, ``>>>>>>> theirs``): the diff then shows the conflict, not the
whole plan removed and written again.
"""

from __future__ import annotations

import argparse

from planaction.cli.output import EXIT_OK
from planaction.words.cli import say

NAME = "textconv"
SUMMARY = "summary_textconv"
EXAMPLE = "git config diff.planaction.textconv 'planaction textconv'"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("file", metavar="FILE", help=say("help_textconv_file", lang))


def run(args: argparse.Namespace) -> int:
    import contextlib
    import sys
    from pathlib import Path

    from planaction import store
    from planaction.present import describe
    from planaction.store.userfiles import read_regular

    path = Path(args.file)
    result = store.read(path, nodes=False)
    if result.document is None and (conflicted := _conflicted(path)) is not None:
        sys.stdout.write(conflicted)
        return EXIT_OK
    if result.document is None:
        with contextlib.suppress(OSError):
            data = read_regular(path)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return EXIT_OK
    for line in describe.facts(result.document.plan):
        print(line)
    return EXIT_OK


def _conflicted(path) -> str | None:
    """The facts of a plan with conflict markers, both sides' differences marked; None if it is not one."""
    from planaction import store
    from planaction.present import describe
    from planaction.store import conflict_markers
    from planaction.store.plan_merge import marked
    from planaction.store.userfiles import read_regular

    try:
        text = read_regular(path, store.MAX_FILE_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    found = conflict_markers.sides(text)
    if not found:
        return None
    ours_text, theirs_text, ours_name, theirs_name = found
    facts = []
    for side in (ours_text, theirs_text):
        document = store.parse(side, str(path), nodes=False).document
        if document is None:
            return None
        facts.append("".join(line + "\n" for line in describe.facts(document.plan)))
    return marked(facts[0], facts[1], (ours_name or "ours", theirs_name or "theirs"))[0]
