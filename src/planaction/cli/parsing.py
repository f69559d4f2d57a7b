"""argparse, speaking the command line's language: its headings, ``-h`` and its errors.

argparse words its own parts in English (``usage:``, ``options:``,
``show this help message and exit``, ``the following arguments are
required``); ``Parser`` takes them from ``words/cli.py`` so that
``planaction validate --help`` and its usage errors read in one language.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from planaction.words.cli import say

#: argparse's error messages (Python 3.11-3.13), each with the key that says it in words/cli.py.
_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "argparse_required"),
    (
        re.compile(r"argument (?P<arg>\S+): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"),
        "argparse_choice",
    ),
    (re.compile(r"unrecognized arguments: (?P<values>.+)"), "argparse_unrecognized"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "argparse_expected_one"),
    (re.compile(r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)"), "argparse_not_with"),
    (re.compile(r"argument (?P<arg>\S+): invalid (?P<kind>\w+) value: (?P<value>.+)"), "argparse_invalid_value"),
    (re.compile(r"argument (?P<arg>\S+): (?P<message>.+)"), "argparse_argument"),
)


def translate(message: str, lang: str) -> str:
    """argparse's ``message`` in ``lang``; one it does not know stays as argparse wrote it."""
    for pattern, key in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return say(key, lang, **match.groupdict())
    return message


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
        self.exit(2, f"{self.prog}: {say('error', self.lang)}: {translate(message, self.lang)}\n")
