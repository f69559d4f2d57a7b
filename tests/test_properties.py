"""Property tests: any sequence of operations keeps the file valid, keeps every
comment it did not delete, and leaves untouched actions byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.core import ops
from planaction.core.model import Status
from planaction.yamlfile.diff import to_data
from planaction.yamlfile.emit import Style, block_lines, flow, scalar
from planaction.yamlfile.nodes import compose
from planaction.yamlfile.patch import Patcher
from tests.conftest import TODAY, example_plans, examples, odd_files

# Any text a user might type, quotes, colons, hashes, newlines, emoji and control characters included.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
TRICKY = st.sampled_from(
    [
        "yes",
        "null",
        "~",
        "123",
        "0755",
        "1e3",
        "2025-01-01",
        "- dash",
        "#hash",
        "a #b",
        "k: v",
        "ends:",
        "'quoted'",
        '"dq"',
        "[x]",
        "{y}",
        "@at",
        "`tick",
        " lead",
        "trail ",
        "multi\nline",
        "trailing newline\n",
        "tab\there",
        "\x00nul",
        "\u2028sep",
        "\ufeffbom",
        "é à ç 🚀",
        "שלום עולם",
        "e\u0301",
        "%percent",
        "!bang",
        "&amp",
        "*star",
        "|pipe",
        ">gt",
        "?q",
        ",comma",
    ]
)
ANY_TEXT = st.one_of(TEXT, TRICKY)
DATES = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))


@given(ANY_TEXT)
@settings(max_examples=examples(400), deadline=None)
def test_any_scalar_reads_back(text: str) -> None:
    style = Style()
    data, _ = compose("k: " + scalar(text, style) + "\n")
    assert data["k"] == text
    data, _ = compose("k: [" + scalar(text, style, flow=True) + ", other]\n")
    assert data["k"] == [text, "other"]
    for quote in ("'", '"'):
        data, _ = compose("k: " + scalar(text, Style(quote=quote), prefer=quote) + "\n")
        assert data["k"] == text


@given(
    st.dictionaries(
        st.sampled_from(["title", "owner", "comment", "a b", "x"]),
        st.one_of(
            ANY_TEXT,
            st.lists(ANY_TEXT, max_size=3),
            st.integers(),
            st.floats(allow_nan=False),
            DATES,
        ),
        min_size=1,
        max_size=4,
    )
)
@settings(max_examples=examples(300), deadline=None)
def test_any_block_reads_back(value: dict) -> None:
    for style in (
        Style(),
        Style(map_indent=4, seq_indent=0),
        Style(flow_scalar_lists=True, quote="'"),
    ):
        text = "root:\n" + "\n".join(block_lines({"item": [value]}, style.map_indent, style)) + "\n"
        data, _ = compose(text)
        assert data["root"]["item"] == [value], text
        data, _ = compose("k: " + flow(value, style) + "\n")
        assert data["k"] == value


# -- operations on real files -----------------------------------------------------

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("title"), st.integers(0, 50), ANY_TEXT),
        st.tuples(st.just("comment"), st.integers(0, 50), ANY_TEXT),
        st.tuples(st.just("status"), st.integers(0, 50), st.sampled_from(list(Status))),
        st.tuples(st.just("progress"), st.integers(0, 50), st.integers(0, 100)),
        st.tuples(st.just("due"), st.integers(0, 50), DATES),
        st.tuples(st.just("add"), ANY_TEXT, ANY_TEXT),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("log"), st.integers(0, 50), ANY_TEXT),
        st.tuples(st.just("measure"), st.integers(0, 50), st.floats(-1e6, 1e6, allow_nan=False), DATES),
        st.tuples(st.just("risk"), ANY_TEXT),
    ),
    min_size=1,
    max_size=8,
)


def apply(plan, step, touched: set[str], deleted: set[str]):
    kind = step[0]
    actions = plan.actions
    if kind in ("title", "comment", "status", "progress", "due", "delete", "log") and not actions:
        return plan
    if kind in ("title", "comment", "status", "progress", "due"):
        action = actions[step[1] % len(actions)]
        if kind == "due" and action.start and step[2] < action.start:
            return plan
        touched.add(action.id)
        return ops.update_action(plan, action.id, {kind: step[2]}, TODAY)
    if kind == "add":
        new_plan, new_id = ops.add_action(plan, {"title": step[1], "owner": step[2], "due": dt.date(2026, 1, 1)}, TODAY)
        touched.add(new_id)
        return new_plan
    if kind == "delete":
        action = actions[step[1] % len(actions)]
        try:
            new_plan = ops.delete_action(plan, action.id, unlink=True)
        except ops.OpError:
            return plan  # referred to by the log or a risk: refused, as it should be
        deleted.add(action.id)
        touched.update(a.id for a in plan.actions if action.id in a.depends_on)
        return new_plan
    if kind == "log":
        action = actions[step[1] % len(actions)]
        return ops.append_log(plan, action.id, step[2], TODAY)
    if kind == "measure":
        if not plan.kpis:
            return plan
        kpi = plan.kpis[step[1] % len(plan.kpis)]
        return ops.record_measurement(plan, kpi.id, step[3], step[2])
    if kind == "risk":
        new_plan, _ = ops.add_risk(plan, {"title": step[1], "probability": "M", "impact": "H"})
        return new_plan
    raise AssertionError(kind)


def action_blocks(document: store.PlanDocument, *, with_comments: bool = False) -> dict[str, str]:
    """Each action's own text, from its dash to the end of its last value
    (and, ``with_comments``, the comment lines indented under it)."""
    patcher = Patcher(document.text, document.root, document.style)
    sequence = document.root.get("actions")
    blocks = {}
    if sequence is None or sequence.flow:
        return blocks
    for item, action in zip(sequence.value, document.base.actions, strict=True):
        start = patcher.line_start(item.start) if item.flow else patcher.line_start(patcher.dash_before(item))
        end = patcher.line_end(patcher.content_end(item))
        if with_comments:
            end = patcher.extent_end(item, patcher.column_of(patcher.dash_before(item)))
        blocks[action.id] = document.text[start:end]
    return blocks


def comment_lines(text: str) -> list[tuple[int, str]]:
    return [(i, line.strip()) for i, line in enumerate(text.splitlines()) if line.strip().startswith("#")]


FILES = example_plans() + odd_files()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@given(steps=OPS)
@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_operations_keep_file_valid_comments_and_untouched_text(path: Path, steps) -> None:
    document = store.load(path)
    plan = document.plan
    touched: set[str] = set()
    deleted: set[str] = set()
    for step in steps:
        try:
            plan = apply(plan, step, touched, deleted)
        except ops.OpError:
            continue  # a refused operation leaves the plan as it was
    text = document.render(plan)
    result = store.parse(text, str(path))
    assert result.document is not None, result.problems
    assert to_data(result.document.plan) == to_data(plan)
    # untouched actions keep their exact text (an alias may receive a moved anchor)
    for action_id, block in action_blocks(document).items():
        if action_id not in touched and action_id not in deleted and "*" not in block:
            assert block in text, f"{action_id} changed"
    # every comment outside deleted actions is still there
    blocks = action_blocks(document, with_comments=True)
    removed_text = "".join(blocks[a] for a in deleted if a in blocks)
    remaining = text
    for _line, comment in comment_lines(document.text):
        if comment in removed_text:
            continue
        assert comment in remaining, comment
