"""argparse, speaking the command line's language: its headings, ``-h`` and the frame of its errors.

argparse words its own parts in English (``usage:``, ``options:``,
``show this help message and exit``); ``Parser`` takes them from
``words/cli.py`` so that ``planaction validate --help`` reads in one language.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from planaction.words.cli import say


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
            return super().add_usage(usage, actions, groups, prefix=say("usage", lang) + " ")

    return Formatter


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words come from ``words/cli.py`` in ``lang``."""

    def __init__(self, *, lang: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(add_help=False, formatter_class=_formatter(lang), **kwargs)
        self.lang = lang
        self._positionals.title = say("arguments", lang)
        self._optionals.title = say("options_heading", lang)
        self.add_argument("-h", "--help", action="help", help=say("help_help", lang))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {say('error', self.lang)}: {message}\n")
