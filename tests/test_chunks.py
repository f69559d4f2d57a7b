"""The chunked reader of ``history``: piece by piece, it must give exactly what a whole parse gives,
version after version with one loader (its memory must never leak a piece into the wrong version),
or say it cannot (None)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planaction.yamlfile.chunks import ChunkedLoader
from planaction.yamlfile.nodes import load_data
from tests.conftest import PLANS

TEXTS = {path.name: path.read_text(encoding="utf-8") for path in sorted(PLANS.glob("*.yaml"))}


def whole(text: str):
    try:
        return load_data(text)
    except Exception:
        return "unreadable"


def test_every_example_reads_the_same_in_pieces() -> None:
    loader = ChunkedLoader()
    for text in TEXTS.values():
        assert loader.load(text) == load_data(text)
        assert loader.load(text) == load_data(text)  # from memory this time


EDITS = st.sampled_from(["value", "delete", "duplicate", "comment", "dedent", "swap", "alias", "tab"])


def edit(lines: list[str], kind: str, at: int) -> list[str]:
    at %= max(len(lines), 1)
    line = lines[at] if lines else ""
    if kind == "value" and ": " in line:
        key, _value = line.split(": ", 1)
        return [*lines[:at], f"{key}: changed {at}\n", *lines[at + 1 :]]
    if kind == "delete":
        return lines[:at] + lines[at + 1 :]
    if kind == "duplicate":
        return [*lines[: at + 1], line, *lines[at + 1 :]]
    if kind == "comment":
        return [*lines[:at], "# a note\n", *lines[at:]]
    if kind == "dedent":
        return [*lines[:at], line.lstrip(" "), *lines[at + 1 :]]
    if kind == "swap" and at + 1 < len(lines):
        return [*lines[:at], lines[at + 1], line, *lines[at + 2 :]]
    if kind == "alias":
        return [*lines[:at], "anchor: &a 1\n", *lines[at:], "again: *a\n"]
    if kind == "tab":
        return [*lines[:at], "\t" + line, *lines[at + 1 :]]
    return lines


@settings(max_examples=120, deadline=None)
@given(
    name=st.sampled_from(sorted(TEXTS)),
    edits=st.lists(st.tuples(EDITS, st.integers(min_value=0, max_value=10_000)), min_size=1, max_size=6),
)
def test_versions_in_a_row_read_as_a_whole_parse_would(name: str, edits: list[tuple[str, int]]) -> None:
    loader = ChunkedLoader()
    lines = TEXTS[name].splitlines(keepends=True)
    assert loader.load("".join(lines)) == load_data("".join(lines))
    for kind, at in edits:
        lines = edit(lines, kind, at)
        text = "".join(lines)
        pieces = loader.load(text)
        if pieces is not None:
            assert pieces == whole(text)


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(sorted(TEXTS)),
    edits=st.lists(
        st.tuples(st.sampled_from(["value", "delete", "duplicate", "comment"]), st.integers(0, 10_000)), max_size=4
    ),
)
def test_items_validated_once_give_the_plan_a_whole_validation_gives(name: str, edits: list[tuple[str, int]]) -> None:
    """``history`` reuses each item's model while its text is unchanged: the plan must be the same."""
    from pydantic import ValidationError

    from planaction.core.model import Plan
    from planaction.store.pieces import ItemCache

    loader, items = ChunkedLoader(), ItemCache()
    lines = TEXTS[name].splitlines(keepends=True)
    for kind, at in [("comment", 0), *edits]:
        lines = edit(lines, kind, at)
        data = loader.load("".join(lines))
        if not isinstance(data, dict):
            continue
        try:
            expected = Plan.model_validate(data)
        except ValidationError:
            continue
        assert Plan.model_validate(items.validated(data)) == expected


SPECIAL = st.text(alphabet=st.sampled_from(list("&*ab-:#[]{}, \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000")), max_size=30)


@settings(max_examples=400, deadline=None)
@given(SPECIAL)
def test_the_quick_anchor_and_break_checks_say_what_the_expressions_say(text: str) -> None:
    """The character-by-character checks replace regular expressions tried at each position: same answer."""
    import re

    from planaction.yamlfile.chunks import _ODD_BREAKS, has_odd_break, may_hold_anchor_or_alias

    assert may_hold_anchor_or_alias(text) == bool(re.search(r"(?:^|[\s\[{,])[&*]\S", text))
    assert has_odd_break(text) == bool(_ODD_BREAKS.search(text))


BLOCKS = st.lists(
    st.sampled_from(
        ["actions:\n", "  - id: A1\n", "    title: x\n", "  # note\n", "\n", "# c\n", "- top\n", "log:", "b: 1\r\n",
         "  - c\r\n", "\x85", "\u2028", "  \u00a0\n", " x\n", "-x\n", "#\n", "é: ü\n", "\r", "k:\n"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(BLOCKS)
def test_the_cuts_found_from_line_breaks_are_the_expressions_cuts(text: str) -> None:
    """``top_level`` and ``head_and_items`` find their cuts from line breaks, not by trying an expression
    at each character: the same pieces as the split, the same first line and items as the line cut."""
    from planaction.yamlfile.chunks import _EMPTY_VALUE, _TOP_LEVEL, _items, head_and_items, top_level

    assert top_level(text) == _TOP_LEVEL.split(text)
    for block in top_level(text):
        if block:
            lines = block.splitlines(keepends=True)
            assert head_and_items(block) == (lines[0], _items(lines) if _EMPTY_VALUE.match(lines[0]) else None)
