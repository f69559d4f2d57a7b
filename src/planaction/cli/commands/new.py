"""``planaction new FILE.yaml``: start a plan from a template (``planaction templates`` lists them)."""

from __future__ import annotations

import argparse

from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, complain, refuse, tell
from planaction.words.cli import say

NAME = "new"
SUMMARY = "summary_new"
EXAMPLE = 'planaction new plans/onboarding.yaml --template operational --title "Onboarding"'


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("file", metavar="FILE", help=say("help_new_file", lang))
    parser.add_argument("--template", default="operational", metavar="TYPE", help=say("help_template", lang))
    parser.add_argument("--title", help=say("help_title", lang))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from planaction import store
    from planaction.core import ops
    from planaction.store import templates
    from planaction.words.safetext import one_line, shell_word

    lang = args.ui
    target = Path(args.file)
    try:
        templates.create(target, args.template, {"title": args.title})  # the app's "New plan" makes plans here too
    except templates.Refused as exc:
        tell("planaction: " + say("new_suffix" if exc.reason == "suffix" else "new_exists", lang, target=target))
        return EXIT_USAGE if exc.reason == "suffix" else EXIT_INVALID
    except KeyError:
        complain(say("no_template", lang, name=repr(args.template), names=", ".join(templates.names())))
        return EXIT_USAGE
    except ops.OpError as exc:
        complain(exc.message + (f" ({exc.hint})" if exc.hint else ""))
        return EXIT_USAGE
    except store.SaveError as exc:
        refuse(exc)
        return EXIT_INVALID
    print(say("created", lang, target=one_line(str(target)), command=f"planaction {shell_word(str(target))}"))
    return EXIT_OK
