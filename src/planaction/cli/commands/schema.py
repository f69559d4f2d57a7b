"""``planaction schema``: the JSON Schema of plan files, for editors that complete and check YAML."""

from __future__ import annotations

import argparse

from planaction.cli.output import EXIT_OK

NAME = "schema"
SUMMARY = "summary_schema"
EXAMPLE = "planaction schema > schema/plan.schema.json"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    import json

    from planaction.core.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK
