"""Plan templates, one per plan type, built from the method guides.

Each is a commented YAML file that validates as it is; `planaction new`
copies one and sets its id and title. The comments are the method, so the
listing reads its purpose from the template itself rather than keeping a
second copy here.

``create`` is the one way a new plan file is made, by the command line
(``planaction new``) and by the app's portfolio alike: from a template with
its example content, from a template's header and method only, or empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from planaction.core import ops
from planaction.core.model import Plan, PlanType, is_valid_id
from planaction.store.document import PLAN_SUFFIXES, write_new
from planaction.store.reading import parse

#: The choice of no template at all: a plan with only its header.
EMPTY = "empty"
#: What an empty plan is parsed from before the typed header replaces its placeholders.
_SKELETON = "schema: 1\ntitle: x\nowner: x\n"


def names() -> list[str]:
    return [kind.value for kind in PlanType]


def text(name: str) -> str:
    """The template of a plan type (its code, or a French or English label); KeyError if there is none."""
    try:
        kind = PlanType(name)
    except ValueError:
        raise KeyError(name) from None
    return resources.files(__package__).joinpath(f"{kind.value}.yaml").read_text(encoding="utf-8")


def describe(name: str) -> str:
    """The plan type's label and the first sentence of the template's "But :" (purpose) comment."""
    kind = PlanType(name)
    purpose: list[str] = []
    for line in text(name).splitlines():
        if not line.startswith("#"):
            break
        words = line.lstrip("#").strip()
        if words.startswith("But :"):
            purpose.append(words.removeprefix("But :").strip())
        elif purpose and words:
            purpose.append(words)
        elif purpose:
            break
    sentence = " ".join(purpose).split(". ")[0].rstrip(".")
    return f"{kind.fr} : {sentence}" if sentence else kind.fr


class Refused(Exception):
    """Why ``create`` made no file: ``reason`` is "suffix" or "exists" (each face says it in its words)."""

    def __init__(self, reason: str, target: Path) -> None:
        super().__init__(f"{target}: {reason}")
        self.reason, self.target = reason, target


def _head(template_text: str) -> str:
    """The comment block a template opens with (its purpose and method), blank lines included."""
    lines = template_text.splitlines(keepends=True)
    end = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), len(lines))
    return "".join(lines[:end])


def plan_text(
    template: str, target: Path, changes: Mapping[str, Any] | None = None, *, examples: bool = True
) -> tuple[str, Plan]:
    """The text of a new plan at ``target`` and its plan; ``OpError`` if ``changes`` do not fit the plan.

    ``template``: a plan type (code or label) or ``EMPTY``; KeyError if it is neither.
    With ``examples``, the template as it is (comments, example actions...) with its id
    (the file name, when it can be an id) and ``changes``; without, the template's opening
    comments and header only (``ops.without_examples``): a plan to fill, that validates
    with no warning. ``changes`` are header fields (title, owner, language...), None
    values ignored.
    """
    wanted = {key: value for key, value in (changes or {}).items() if value is not None}
    if is_valid_id(target.stem):
        wanted = {"id": target.stem, **wanted}
    if template == EMPTY:
        source, head = _SKELETON, ""
    else:
        source = text(template)
        head = "" if examples else _head(source)
    document = parse(source, str(target), path=target).document
    assert document is not None, "templates are valid (tested)"
    if examples and template != EMPTY:
        plan = ops.replace(document.plan, wanted)
        return document.render(plan), plan
    plan = ops.replace(ops.without_examples(document.plan), wanted)
    skeleton = parse(head + _SKELETON, str(target), path=target).document
    assert skeleton is not None
    return skeleton.render(plan), plan


def create(target: Path, template: str, changes: Mapping[str, Any] | None = None, *, examples: bool = True) -> Plan:
    """Write a new plan file at ``target`` (see ``plan_text``); never replaces a file.

    ``Refused`` if the name does not end in .yaml / .yml or the file exists; KeyError
    for an unknown template; ``ops.OpError`` for changes that do not fit; ``SaveError``
    if the file cannot be written (a missing folder, a file made meanwhile).
    """
    if target.suffix not in PLAN_SUFFIXES:
        raise Refused("suffix", target)
    if target.exists() or target.is_symlink():
        raise Refused("exists", target)
    content, plan = plan_text(template, target, changes, examples=examples)
    write_new(target, content)
    return plan
