"""The bundled plans and the templates are valid, strict, and cover the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from planaction import store
from planaction.core.model import Plan, PlanType
from planaction.yamlfile.diff import to_data
from tests.conftest import PLANS, TEMPLATES, example_plans


@pytest.mark.parametrize("path", example_plans() + sorted(TEMPLATES.glob("*.yaml")), ids=lambda p: p.name)
def test_valid_without_warnings(path: Path) -> None:
    result = store.read(path)
    assert result.problems == []


def test_one_template_per_plan_type() -> None:
    assert sorted(p.stem for p in TEMPLATES.glob("*.yaml")) == sorted(t.value for t in PlanType)
    for kind in PlanType:
        assert store.load(TEMPLATES / f"{kind.value}.yaml").plan.type == kind


def test_examples_cover_every_section_and_both_languages() -> None:
    plans = [store.load(p).plan for p in example_plans()]
    used = set()
    for plan in plans:
        used |= set(to_data(plan))
    sections = {info.alias or name for name, info in Plan.model_fields.items()}
    assert sections - used == set()
    assert {plan.language for plan in plans} == {"fr", "en"}
    assert len(plans) >= 6


def test_examples_point_editors_at_the_schema() -> None:
    for path in example_plans():
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schema/plan.schema.json\n"
        )
    assert (PLANS.parent / "schema" / "plan.schema.json").exists()


def test_every_field_is_documented() -> None:
    """The model is the documentation: the JSON Schema and hints quote these."""
    from planaction.core.diagnose import unwrap_types

    seen: set[type] = set()
    stack: list[type] = [Plan]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no description"
            stack.extend(
                t for t in unwrap_types(info.annotation) if isinstance(t, type) and issubclass(t, Plan.__mro__[1])
            )
    assert len(seen) > 20
