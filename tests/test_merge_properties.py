"""The merge by meaning, as a property: edits that do not conflict merge to both edits applied.

Each side draws edits from a list of targets; a target is given to one side at most (two sides
editing one field is a conflict, tested elsewhere), except additions, which both sides may make
(two new actions get distinct ids: theirs follows ours', as applying both edits in turn numbers
them; the same action added on both sides, id and all, is one action). The merged file, read back, must be the plan with ours' edits then theirs' applied.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.core import entries, ops
from planaction.store.plan_merge import merge_bytes
from planaction.yamlfile.diff import to_data
from tests.conftest import TODAY, examples
from tests.merge_helpers import PLAN

NAMES = ("base.yaml", "ours.yaml", "theirs.yaml")
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàç ABCDEF", min_size=1, max_size=24).map(str.strip).filter(bool)
DAYS = st.dates(min_value=dt.date(2025, 5, 2), max_value=dt.date(2025, 12, 31))

#: Exclusive targets: (name, value strategy, edit).
TARGETS = [
    ("A1 progress", st.integers(0, 99), lambda p, v: ops.update_action(p, "A1", {"progress": v}, TODAY)),
    ("A1 title", WORDS, lambda p, v: ops.update_action(p, "A1", {"title": v}, TODAY)),
    ("A2 owner", WORDS, lambda p, v: ops.update_action(p, "A2", {"owner": v}, TODAY)),
    ("A2 due", DAYS, lambda p, v: ops.update_action(p, "A2", {"due": v}, TODAY)),
    ("A3 comment", WORDS, lambda p, v: ops.update_action(p, "A3", {"comment": v}, TODAY)),
    ("R1 mitigation", WORDS, lambda p, v: entries.update_entry(p, "risks", "R1", {"mitigation": v}, TODAY)),
    ("K1 unit", WORDS, lambda p, v: entries.update_entry(p, "kpis", "K1", {"unit": v}, TODAY)),
    ("title", WORDS, lambda p, v: entries.set_part(p, "header", {"title": v})),
]


def _add_action(side):
    def edit(plan, title):
        return ops.add_action(plan, {"title": f"{side} {title}", "owner": "Zoé"}, TODAY)[0]

    return edit


def _add_log(side):
    def edit(plan, value):
        day, text = value
        return ops.append_logs(plan, [{"date": day, "action": "A1", "result": f"{side} {text}"}])

    return edit


def _side_edits(draw, owner: str, taken: list[str]):
    edits = []
    for (_name, values, edit), who in zip(TARGETS, taken, strict=True):
        if who == owner:
            edits.append((edit, draw(values)))
    for _ in range(draw(st.integers(0, 2))):
        edits.append((_add_action(owner), draw(WORDS)))
    for _ in range(draw(st.integers(0, 2))):
        edits.append((_add_log(owner), draw(st.tuples(DAYS, WORDS))))
    return edits


@st.composite
def two_sides(draw):
    taken = [draw(st.sampled_from(["", "ours", "theirs"])) for _ in TARGETS]
    return _side_edits(draw, "ours", taken), _side_edits(draw, "theirs", taken)


def _apply(plan, edits):
    for edit, value in edits:
        plan = edit(plan, value)
    return plan


def _comparable(plan) -> dict:
    data = to_data(plan)
    if "log" in data:  # entries are kept in date order by the app; the merge places theirs after their neighbour
        data["log"] = sorted(data["log"], key=lambda e: (e["date"], e.get("action", ""), e["result"]))
    return data


@settings(max_examples=examples(40), deadline=None)
@given(two_sides())
def test_non_conflicting_edits_merge_to_both_edits_applied(sides) -> None:
    ours_edits, theirs_edits = sides
    document = store.parse(PLAN, "base.yaml").document
    assert document is not None
    base = document.plan
    ours_text = document.render(_apply(base, ours_edits))
    theirs_text = document.render(_apply(base, theirs_edits))
    result = merge_bytes(PLAN.encode(), ours_text.encode(), theirs_text.encode(), NAMES)
    assert result.clean, (result.conflicts, result.problems, result.invalid)
    merged = store.parse(result.data.decode("utf-8"), "merged.yaml").document
    assert merged is not None
    expected = _apply(_apply(base, ours_edits), theirs_edits)
    assert _comparable(merged.plan) == _comparable(expected)
    if not theirs_edits:
        assert result.data == ours_text.encode()
    # what ours wrote is still there: its comments, byte for byte
    for comment in ("# Plan suivi en comité : commentaire d'en-tête gardé", "  # A2 attend le tri"):
        assert comment in result.data.decode("utf-8")


@settings(max_examples=examples(20), deadline=None)
@given(two_sides())
def test_merging_an_unchanged_theirs_gives_ours_byte_for_byte(sides) -> None:
    ours_edits, _theirs = sides
    document = store.parse(PLAN, "base.yaml").document
    ours = document.render(_apply(document.plan, ours_edits)).encode()
    assert merge_bytes(PLAN.encode(), ours, PLAN.encode(), NAMES).data == ours
    if ours == PLAN.encode():
        return  # ours unchanged: theirs' text is the result (tested with git)
    # theirs unchanged in meaning only (the same plan written another way): ours still, byte for byte
    same_meaning = PLAN.replace("depends_on: [A1]", "depends_on:\n      - A1").encode()
    assert merge_bytes(PLAN.encode(), ours, same_meaning, NAMES).data == ours
