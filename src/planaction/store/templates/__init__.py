"""Plan templates, one per plan type, built from the method guides.

Each is a commented YAML file that validates as it is; `planaction new`
copies one and sets its id and title. The comments are the method, so the
listing reads its purpose from the template itself rather than keeping a
second copy here.
"""

from __future__ import annotations

from importlib import resources

from planaction.core.model import PlanType


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
