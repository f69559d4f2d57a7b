"""Reading the plans a command is given, reporting the invalid ones on stderr as ``validate`` would."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from planaction.cli.output import problems


def load_or_report(path: str, *, editing: bool):
    """The document of a plan file, or None after printing its problems."""
    from planaction import store
    from planaction.words.problems import PlanError

    try:
        return store.load(Path(path), nodes=editing)
    except PlanError as exc:
        problems(exc.problems)
        return None


def read_plans(paths: Iterable[str]) -> tuple[list[tuple[Path, object]], int]:
    """Valid documents of the plan files and folders given; invalid ones are reported on stderr."""
    from planaction import store

    documents = []
    invalid = 0
    for path in store.plan_files(list(paths)):
        result = store.read(path, nodes=False)
        if result.document is None:
            invalid += 1
            problems(result.errors or result.problems)
            continue
        documents.append((path, result.document))
    return documents, invalid


def language_of(plans) -> str:
    """The language most of the plans are written in (French when there are none, or on a tie)."""
    from collections import Counter

    counts = Counter(plan.language for plan in plans)
    return "en" if counts["en"] > counts["fr"] else "fr"
