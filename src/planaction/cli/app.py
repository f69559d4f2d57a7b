"""``planaction [PATH]``: open the Textual app on a plan file or a folder of plans.

Textual is imported only here, and only once the path is known to be
readable and a terminal is there to show it: a real one, or the page of a browser
(``textual serve "planaction plans/"``), whose web driver talks through pipes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_USAGE, complain, problems, tell
from planaction.cli.parsing import Parser
from planaction.words.cli import say


def usage(lang: str) -> str:
    from planaction.cli.registry import COMMANDS

    return (
        "planaction [PATH] [--today DATE] [--lang fr|en] [--theme dark|light] [--baseline REV]\n"
        f"       planaction COMMAND ... ({', '.join(COMMANDS)}; {say('see_help', lang)})"
    )


def parser(lang: str) -> argparse.ArgumentParser:
    built = Parser(prog="planaction", usage=usage(lang), description=say("app_description", lang), lang=lang)
    built.add_argument("path", nargs="?", default=".", metavar="PATH", help=say("help_app_path", lang))
    options.today(built, lang)
    options.language(built, lang, "help_lang_app")
    built.add_argument("--theme", choices=("dark", "light"), help=say("help_theme", lang))
    built.add_argument("--baseline", metavar="REV", help=say("help_app_baseline", lang))
    return built


def in_browser() -> bool:
    """Run by textual-serve (or textual-web): its web driver draws in a browser page through pipes,
    so stdin and stdout are no terminal there. Textual picks the driver named by ``TEXTUAL_DRIVER``."""
    return os.environ.get("TEXTUAL_DRIVER", "").startswith("textual.drivers.web_driver:")


def run(argv: Sequence[str], lang: str) -> int:
    """Open the app; an invalid plan file is reported like ``validate`` does."""
    from planaction import store

    args = parser(lang).parse_args(list(argv))
    target = Path(args.path)
    if not target.exists():
        tell(f"{target}:1:1: error: {say('no_such_path', lang)}")
        return EXIT_INVALID
    if not target.is_dir():
        result = store.read(target, nodes=False)
        if result.document is None:
            problems(result.problems)
            return EXIT_INVALID
    baseline = None
    if args.baseline is not None:
        from planaction.cli.output import refuse
        from planaction.present.history import plan_at
        from planaction.store.gitrev import RevisionError

        if target.is_dir():
            tell(f"{target}:1:1: error: {say('baseline_needs_plan', lang)}")
            return EXIT_INVALID
        try:
            baseline = (args.baseline, plan_at(target, args.baseline))
        except RevisionError as exc:
            refuse(exc)
            return EXIT_INVALID
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and not in_browser():
        complain(say("needs_terminal", lang))
        return EXIT_USAGE
    from planaction.tui.app import run as run_app

    theme = {"dark": "textual-dark", "light": "textual-light"}.get(args.theme or "")
    try:
        return run_app(target, today=args.today, lang=args.lang, theme=theme, baseline=baseline)
    except KeyboardInterrupt:
        return 130
