"""The merge driver reads ours whole (with its nodes) and remembers its pieces, so that base and theirs
parse only where they differ from it (``ChunkedLoader.prime``, ``PieceReader.remember``): what they
give must be exactly what a whole parse gives, for any edit; and the fast cut of a list into items
says what the line-by-line cut says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planaction.core.model import Plan
from planaction.store.pieces import PieceReader
from planaction.yamlfile import chunks
from planaction.yamlfile.chunks import ChunkedLoader
from planaction.yamlfile.nodes import compose, load_data
from tests.test_chunks import EDITS, TEXTS, edit, whole


@settings(max_examples=120, deadline=None)
@given(
    name=st.sampled_from(sorted(TEXTS)),
    edits=st.lists(st.tuples(EDITS, st.integers(min_value=0, max_value=10_000)), min_size=1, max_size=6),
)
def test_a_version_read_after_a_primed_one_reads_as_a_whole_parse(name: str, edits: list[tuple[str, int]]) -> None:
    lines = TEXTS[name].splitlines(keepends=True)
    for kind, at in edits[:1]:  # ours: the example, edited once
        lines = edit(lines, kind, at)
    ours = "".join(lines)
    try:
        data = load_data(ours)
    except Exception:
        return
    loader = ChunkedLoader()
    loader.prime(ours, data)
    for kind, at in edits[1:]:  # base and theirs: further edits
        lines = edit(lines, kind, at)
        text = "".join(lines)
        pieces = loader.load(text)
        if pieces is not None:
            assert pieces == whole(text)


def test_remember_gives_the_plan_and_base_reuses_its_items() -> None:
    text = TEXTS["support-it.yaml"]
    reader = PieceReader()
    data, _root = compose(text)
    ours = reader.remember(text, data)
    assert ours == Plan.model_validate(load_data(text))
    base_text = text.replace("status: done", "status: in_progress", 1)
    base = reader.plan(base_text)
    assert base == Plan.model_validate(load_data(base_text))
    same = [a for a in base.actions if a in ours.actions]
    assert same and all(
        any(a is b for b in ours.actions) for a in same
    )  # the very models: the merge compares by identity first


def test_an_anchor_leaves_nothing_remembered() -> None:
    text = "title: &t Plan\nother: *t\n"
    loader = ChunkedLoader()
    loader.prime(text, load_data(text))
    assert not loader._pieces and not loader._items


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(
        st.sampled_from(
            ["  - id: A1\n", "    title: x\n", "  # note\n", "\n", "   \n", "- top\n", "  -x\n", "    - deeper\n",
             "  - b\n", "other\n", "\t- tab\n", "  - c\r\n", "    d\r\n", "  \u00a0\n", "  - e", "# c\n"]
        ),
        max_size=12,
    )
)  # fmt: skip
def test_the_fast_cut_of_items_is_the_line_by_line_cut(items: list[str]) -> None:
    lines = ("actions:\n" + "".join(items)).splitlines(keepends=True)
    assert chunks._items(lines) == chunks._items_by_line(lines)
