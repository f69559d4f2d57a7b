"""The commands of ``planaction``: one line each, one module each under ``cli/commands/``.

The parser, the dispatch, ``--help``, the "is this word a command?" test and
shell completion all read ``COMMANDS``; a test checks that every module in
``cli/commands/`` is listed here and every line has its module. A command
module declares:

- ``NAME``: the word typed after ``planaction``;
- ``SUMMARY``: the key of its one-line summary in ``words/cli.py``;
- ``EXAMPLE``: one command line showing it in use;
- ``arguments(parser, lang)``: its arguments (help texts from ``words/cli.py``);
- ``run(args) -> int``: the exit code; it imports what it needs inside, so
  that a command never pays for another's imports.
"""

from __future__ import annotations

import argparse
import importlib
import keyword
from types import ModuleType

#: In the order ``planaction --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "validate",
    "schema",
    "set",
    "add",
    "log",
    "export",
    "import",
    "report",
    "due",
    "ics",
    "remind",
    "close",
    "reopen",
    "diff",
    "history",
    "textconv",
    "merge",
    "git-setup",
    "new",
    "templates",
    "completion",
)


def module_name(command: str) -> str:
    """``import`` lives in ``commands/import_.py``: a Python keyword gets a trailing underscore;
    ``git-setup`` lives in ``commands/git_setup.py``."""
    command = command.replace("-", "_")
    return command + "_" if keyword.iskeyword(command) else command


def load(command: str) -> ModuleType:
    return importlib.import_module(f"planaction.cli.commands.{module_name(command)}")


def parser_for(command: str, lang: str) -> argparse.ArgumentParser:
    """The parser of one command: only its module is imported."""
    from planaction.cli.parsing import Parser
    from planaction.words.cli import say

    module = load(command)
    parser = Parser(
        prog=f"planaction {command}",
        description=say(module.SUMMARY, lang),
        epilog=say("example", lang) + f"\n  {module.EXAMPLE}",
        lang=lang,
    )
    module.arguments(parser, lang)
    return parser
