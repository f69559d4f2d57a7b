"""``planaction completion bash|zsh|fish``: a completion script for the shell, from the registry."""

from __future__ import annotations

import argparse

from planaction.cli.output import EXIT_OK
from planaction.words.cli import say

NAME = "completion"
SUMMARY = "summary_completion"
EXAMPLE = "source <(planaction completion bash)"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help=say("help_shell", lang))


def run(args: argparse.Namespace) -> int:
    import sys

    from planaction.cli.completion import SHELLS

    sys.stdout.write(SHELLS[args.shell](args.ui))
    return EXIT_OK
