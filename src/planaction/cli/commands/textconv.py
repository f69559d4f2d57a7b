"""``planaction textconv FILE``: a plan as one line per value, for git's ``diff.textconv``.

Anything unreadable passes through byte for byte: git shows the file as it is.
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
