"""``planaction validate PATH...``: check plan files and folders, as people and CI read problems."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, json_out, no_plans, out
from planaction.words.cli import counted, say

NAME = "validate"
SUMMARY = "summary_validate"
EXAMPLE = "planaction validate plans/ --strict"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=say("help_paths", lang))
    parser.add_argument("--strict", action="store_true", help=say("help_strict", lang))
    options.today(parser, lang)
    options.output_format(parser, lang, ("text", "json", "github"))
    options.language(parser, lang, "help_lang_messages")


def run(args: argparse.Namespace) -> int:
    import dataclasses
    import datetime as dt
    import json

    from planaction import store
    from planaction.present.structures import stage_problems
    from planaction.store.reading import advice
    from planaction.words.problems import ERROR, Problem, render

    files = list(store.plan_files(args.paths))
    if not files:
        no_plans(args.paths, args.ui)
        return EXIT_INVALID
    today = args.today or dt.date.today()
    # each problem with the language it speaks: the command's, or for the method's advice the
    # plan's (a quality manager reads her plan's words), unless --lang says
    found: list[tuple[Problem, str]] = []
    invalid = 0
    for path in files:
        result = store.read(path, nodes=False)
        problems = [(p, args.ui) for p in result.problems]
        if result.document is not None:
            lang = args.lang or result.document.base.language
            problems += [(p, lang) for p in advice(result.document, today)]
            problems += [(p, args.ui) for p in stage_problems(result.document)]  # the stage it continues (issue 18)
        if args.strict:
            problems = [(p if p.level == ERROR else dataclasses.replace(p, level=ERROR), lang) for p, lang in problems]
        if any(p.level == ERROR for p, _ in problems):
            invalid += 1
        found.extend(problems)
    all_problems = [p for p, _ in found]
    errors = sum(1 for p in all_problems if p.level == ERROR)
    warnings = len(all_problems) - errors
    if args.format == "json":
        json_out(
            {
                "valid": invalid == 0,
                "files": len(files),
                "invalid_files": invalid,
                "problems": [row for p, lang in found for row in json.loads(render([p], "json", lang))],
            }
        )
    else:
        out("\n".join(render([p], args.format, lang) for p, lang in found))
        if args.format == "text":
            print(_summary(len(files), invalid, errors, warnings, args.ui))
    return EXIT_INVALID if invalid else EXIT_OK


def _summary(files: int, invalid: int, errors: int, warnings: int, lang: str) -> str:
    """``3 plans checked: 2 valid, 1 invalid (1 error, 0 warnings)``, in ``lang``."""

    valid = files - invalid
    text = say("checked_one" if files == 1 else "checked_many", lang, files=files)
    text += say(
        "checked_counts",
        lang,
        valid=valid,
        valid_word=counted("valid", valid, lang),
        invalid=invalid,
        invalid_word=counted("invalid", invalid, lang),
    )
    if errors or warnings:
        text += say(
            "checked_problems",
            lang,
            errors=errors,
            error_word=counted("error", errors, lang),
            warnings=warnings,
            warning_word=counted("warning", warnings, lang),
        )
    return text
