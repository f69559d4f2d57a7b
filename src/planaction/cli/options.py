"""Options several commands share, declared once: ``--today``, ``--lang``, ``--format``; and the
language of the command line's own sentences.

A command asks for them by name (``options.today(parser, lang)``), so the
option is spelled, typed and explained the same way everywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Sequence

from planaction.present.language import LANGS, locale_language
from planaction.words.cli import say

__all__ = ["LANGS", "date_type", "language", "output_format", "today", "ui_language"]


def ui_language(argv: Sequence[str]) -> str:
    """The language of the CLI's own sentences: ``--lang`` when given, else the locale
    (``present.language.locale_language``: PLANACTION_LANG, LC_ALL, LC_MESSAGES, LANG; ``fr*`` is French)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGS:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[len("--lang=") :] in LANGS:
            return arg[len("--lang=") :]
    return locale_language()


def date_type(lang: str) -> Callable[[str], dt.date]:
    """An argparse type for YYYY-MM-DD dates, refusing anything else with an example."""

    def read(text: str) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(say("not_a_date", lang, text=text)) from None

    return read


def today(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--today", type=date_type(lang), metavar="DATE", help=say("help_today", lang))


def language(parser: argparse.ArgumentParser, lang: str, help_key: str = "help_lang_plan") -> None:
    parser.add_argument("--lang", choices=LANGS, help=say(help_key, lang))


def output_format(parser: argparse.ArgumentParser, lang: str, choices: Sequence[str] = ("text", "json")) -> None:
    parser.add_argument(
        "--format", choices=tuple(choices), default=choices[0], help=say("help_format", lang, default=choices[0])
    )


def wants_json(args: argparse.Namespace) -> bool:
    return getattr(args, "format", "text") == "json"
