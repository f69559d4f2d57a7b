"""``planaction templates``: the plan templates ``planaction new --template`` starts from."""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_OK, json_out

NAME = "templates"
SUMMARY = "summary_templates"
EXAMPLE = "planaction templates --format json"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    options.output_format(parser, lang)


def run(args: argparse.Namespace) -> int:
    from planaction.store import templates

    if options.wants_json(args):
        json_out([{"name": name, "description": templates.describe(name)} for name in templates.names()])
        return EXIT_OK
    for name in templates.names():
        print(f"{name:<24} {templates.describe(name)}")
    return EXIT_OK
