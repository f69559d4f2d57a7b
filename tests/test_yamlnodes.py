"""Our event composer reads YAML exactly as ruamel's own loader does, and gives
each node the span of its text."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from planaction.yamlfile.nodes import MAP, SEQ, YamlProblem, compose, node_at
from tests.conftest import example_plans, examples, odd_files

REFERENCE = YAML(typ="safe", pure=True)  # ruamel's pure-Python loader, independent of our composer


def reference_load(text: str):
    return REFERENCE.load(text)


@pytest.mark.parametrize("path", example_plans() + odd_files(), ids=lambda p: p.name)
def test_same_data_as_ruamel_on_real_files(path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    data, _root = compose(text)
    assert data == reference_load(text)


SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4),
    ),
    max_leaves=20,
)


@given(TREES, st.booleans())
@settings(max_examples=examples(300), deadline=None)
def test_same_data_as_ruamel_on_generated_documents(tree, flow) -> None:
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = flow
    writer.allow_unicode = True
    buffer = io.StringIO()
    writer.dump({"root": tree}, buffer)
    text = buffer.getvalue()
    try:
        data, _ = compose(text)
    except YamlProblem as problem:
        if "read by YAML as a line break" in problem.message:
            # ruamel's emitter writes NEL, LS and PS raw in quotes; we refuse them (test_line_breaks.py)
            assert any(char in text for char in "\x85\u2028\u2029\r"), text
            return
        # libyaml (under both ruamel's C loader and us) refuses a few flow forms,
        # such as [0:0], that ruamel's pure-Python emitter writes: same verdict
        with pytest.raises(Exception):  # noqa: B017
            YAML(typ="safe", pure=False).load(text)
        return
    assert data == reference_load(text)


def test_spans_point_at_the_text() -> None:
    text = "title: Réorganiser été 🚀\nactions:\n  - id: A1\n    owner: 'Léo'\n    co_owners: [Ana, Zoé]\n"
    _data, root = compose(text)
    title = node_at(root, ("title",))
    assert text[title.start : title.end] == "Réorganiser été 🚀"
    owner = node_at(root, ("actions", 0, "owner"))
    assert text[owner.start : owner.end] == "'Léo'"
    assert (owner.line, owner.col) == (3, 11)
    co_owners = node_at(root, ("actions", 0, "co_owners"))
    assert co_owners.kind == SEQ and co_owners.flow
    assert text[co_owners.start : co_owners.end] == "[Ana, Zoé]"
    assert node_at(root, ("actions", 0)).kind == MAP


def test_crlf_spans() -> None:
    text = "a: 1\r\nb: deux\r\n"
    _data, root = compose(text)
    b = node_at(root, ("b",))
    assert text[b.start : b.end] == "deux"
    assert b.line == 1


def test_plain_scalars_resolve_as_yaml_1_2() -> None:
    data, _ = compose("a: yes\nb: 2025-05-01\nc: 1_000\nd: 0x1F\ne: .inf\nf: ~\ng: '12'\nh: 4,2\n")
    assert data == {
        "a": "yes",
        "b": dt.date(2025, 5, 1),
        "c": 1000,
        "d": 31,
        "e": float("inf"),
        "f": None,
        "g": "12",
        "h": "4,2",
    }


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "- " * 100_000 + "x",
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 200)),
    ],
    ids=["flow", "block-dashes", "block-indent"],
)
def test_deep_nesting_is_refused_fast_without_crashing(text: str) -> None:
    with pytest.raises(YamlProblem, match="nests deeper"):
        compose(text)
