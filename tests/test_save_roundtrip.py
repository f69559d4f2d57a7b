"""Property tests of exact saves on plans laid out in every way a person writes YAML.

Random plans (indentation steps, indentless lists, flow and block lists, every
scalar style, block scalars with every chomping and indentation indicator,
comments after values and between items, blank lines, CRLF, with and without
a final newline, the edited item last in the file) receive random edits
through ``ops`` (set, add and remove of every kind of field, multi-line
values, values holding ``#``, ``: ``, quotes and leading spaces, new and
deleted actions, log entries). Each time the saved text must read back as
exactly the plan intended, and every line outside the change must be the
line it was.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from planaction import store
from planaction.core import ops
from planaction.core.model import Status
from planaction.store import savecheck
from planaction.yamlfile.diff import to_data
from planaction.yamlfile.emit import double_quoted, plain_ok, quoted
from planaction.yamlfile.patch import Edit, Patched
from tests.conftest import TODAY, examples
from tests.test_properties import action_blocks

WORDS = [
    "Ana",
    "Léo Dupont",
    "plan",
    "a: b",
    "x #y",
    "# pas un commentaire",
    "'q'",
    '"dq"',
    "- tiret",
    "[x]",
    "{y}",
    "yes",
    "123",
    "2025-01-01",
    "null",
    "é à ç",
    "🚀",
    "100 %",
    "|pipe",
    ">gt",
    "&amp",
    "*star",
    "!bang",
    "%pc",
    "@at",
]
WORD = st.sampled_from(WORDS)
#: Values a person types: one line or several, with what YAML treats specially.
TYPED = st.one_of(
    st.lists(WORD, min_size=1, max_size=3).map(" ".join),
    st.lists(st.lists(WORD, min_size=1, max_size=2).map(" ".join), min_size=2, max_size=3).map("\n".join),
    st.sampled_from(
        [
            "Ligne 1\nLigne 2",
            "fin de ligne\n",
            "deux fins\n\n",
            "  espaces devant",
            "espaces derrière  ",
            "\nligne vide devant",
            "a\n\nb",
            "tab\tdedans",
            "x: y # z",
            "'",
            '"',
            "\\",
            "#",
            " # ",
            "--- ",
            "...",
        ]
    ),
)
LINE = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
DATES = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 12, 31))
COMMENT = st.sampled_from(["", "", "  # à revoir", " #x", "   # note: a"])


@st.composite
def layouts(draw) -> dict:
    return {
        "map_indent": draw(st.sampled_from([2, 4])),
        "seq_indent": draw(st.sampled_from([0, 2, 4])),
        "item_offset": draw(st.sampled_from([2, 4])),
        "newline": draw(st.sampled_from(["\n", "\r\n"])),
        "final_newline": draw(st.booleans()),
        "blank_between_items": draw(st.booleans()),
    }


@st.composite
def scalar_text(draw, value: str, col: int, layout: dict) -> list[str]:
    """``value`` written in a random style for a key at column ``col``: the text after ``key:`` on the
    first line, then any further lines. Block scalars are drawn as text, so their value is whatever
    they read as (every chomping and indentation indicator)."""
    styles = ["single", "double"]
    if plain_ok(value):
        styles += ["plain", "plain"]
    styles += ["block"]
    style = draw(st.sampled_from(styles))
    comment = draw(COMMENT)
    if style == "plain":
        return [f" {value}{comment}"]
    if style == "single":
        return [f" {quoted(value, chr(39))}{comment}"]
    if style == "double":
        return [f" {double_quoted(value)}{comment}"]
    indicator = draw(st.sampled_from(["|", ">"]))
    chomp = draw(st.sampled_from(["", "-", "+"]))
    explicit = draw(st.sampled_from([None, 1, 2, layout["map_indent"]]))
    indent = col + (explicit or layout["map_indent"])
    header = indicator + (f"{explicit}{chomp}" if explicit and draw(st.booleans()) else chomp + str(explicit or ""))
    lines = draw(st.lists(LINE, min_size=1, max_size=3))
    body = []
    for i, line in enumerate(lines):
        if i and draw(st.integers(0, 3)) == 0:
            body.append("")  # a blank line inside
        extra = " " * draw(st.sampled_from([0, 0, 0, 2])) if (i or explicit) else ""
        body.append(" " * indent + extra + line)
    body += [""] * draw(st.integers(0, 2))  # trailing blank lines: kept with "+"
    return [f" {header}{comment}", *body]


@st.composite
def list_text(draw, values: list[str], col: int, layout: dict) -> list[str]:
    comment = draw(COMMENT)
    if draw(st.booleans()):
        return [" [" + ", ".join(v if plain_ok(v, flow=True) else double_quoted(v) for v in values) + "]" + comment]
    dash = " " * (col + layout["seq_indent"]) + "-" + " " * (layout["item_offset"] - 1)
    return [comment, *[dash + (v if plain_ok(v) else double_quoted(v)) for v in values]]


def entry(key: str, value_lines: list[str]) -> list[str]:
    """``key:`` followed by a value's lines (the first goes on the key's line)."""
    return [key + ":" + value_lines[0], *value_lines[1:]]


@st.composite
def action_lines(draw, number: int, dash_col: int, layout: dict) -> list[str]:
    col = dash_col + layout["item_offset"]
    fields = [[f"id: A{number}"], entry("title", draw(scalar_text(draw(LINE), col, layout)))]
    fields.append([f"owner: {draw(st.sampled_from(['Ana', 'Léo', 'Zoé Martin']))}{draw(COMMENT)}"])
    optional: list[list[str]] = []
    if draw(st.booleans()):
        start = draw(DATES)
        optional.append([f"start: {start.isoformat()}"])
        optional.append([f"due: {(start + dt.timedelta(days=draw(st.integers(0, 90)))).isoformat()}"])
    if draw(st.booleans()):
        optional.append([f"status: {draw(st.sampled_from(['todo', 'in_progress', 'En cours', 'blocked']))}"])
    if draw(st.booleans()):
        optional.append([f"progress: {draw(st.integers(0, 90))}{draw(COMMENT)}"])
    if draw(st.booleans()):
        optional.append(entry("co_owners", draw(list_text(draw(st.lists(WORD, min_size=1, max_size=3)), col, layout))))
    if draw(st.booleans()):
        optional.append(entry("indicators", draw(list_text(draw(st.lists(LINE, min_size=1, max_size=2)), col, layout))))
    if draw(st.booleans()):
        optional.append(entry("comment", draw(scalar_text(draw(TYPED), col, layout))))
    fields += draw(st.permutations(optional))
    lines = [" " * dash_col + "-" + " " * (layout["item_offset"] - 1) + fields[0][0]]
    for field in fields[1:]:
        lines += [" " * col + field[0], *field[1:]]
    if draw(st.integers(0, 4)) == 0:
        lines.append(" " * (col + draw(st.sampled_from([0, 2]))) + "# un commentaire sous l'action")
    return lines


@st.composite
def plan_texts(draw) -> str:
    layout = draw(layouts())
    lines = ["# plan généré", "schema: 1", "title: Plan", "owner: Ana"]
    if draw(st.booleans()):
        lines += entry("synthesis", draw(scalar_text(draw(TYPED), 0, layout)))
    dash_col = layout["seq_indent"]
    actions = ["actions:"]
    count = draw(st.integers(1, 4))
    for number in range(1, count + 1):
        if number > 1 and layout["blank_between_items"]:
            actions.append("")
        actions += draw(action_lines(number, dash_col, layout))
    sections = [actions]
    if draw(st.booleans()):
        log = ["log:"]
        for _ in range(draw(st.integers(1, 2))):
            dash = " " * dash_col + "-" + " " * (layout["item_offset"] - 1)
            col = dash_col + layout["item_offset"]
            log.append(f"{dash}date: 2025-05-01")
            log.append(" " * col + "action: A1")
            result = entry("result", draw(scalar_text(draw(LINE), col, layout)))
            log += [" " * col + result[0], *result[1:]]
        sections.append(log)
    for section in draw(st.permutations(sections)):
        lines += section
    text = layout["newline"].join(lines)
    return text + layout["newline"] if layout["final_newline"] else text


FIELD_VALUES = {
    "title": TYPED.filter(lambda s: s.strip() != ""),
    "owner": LINE,
    "comment": st.one_of(TYPED, st.none()),
    "status": st.sampled_from(list(Status)),
    "progress": st.integers(0, 100),
    "due": st.one_of(DATES, st.none()),
    "co_owners": st.one_of(st.lists(WORD, max_size=3).map(tuple), st.none()),
    "indicators": st.one_of(st.lists(LINE, max_size=2).map(tuple), st.none()),
    "priority": st.one_of(st.sampled_from(["low", "medium", "high"]), st.none()),
    "budget": st.one_of(st.integers(0, 10_000), st.floats(0, 1e6, allow_nan=False), st.none()),
    "resources": st.one_of(TYPED, st.none()),
    "imperative": st.one_of(st.booleans(), st.none()),
    "impact": st.one_of(st.integers(0, 5), st.none()),
    "start": st.one_of(DATES, st.none()),
}
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(0, 9), st.sampled_from(sorted(FIELD_VALUES)), st.data()),
        st.tuples(st.just("add"), LINE, TYPED),
        st.tuples(st.just("delete"), st.integers(0, 9)),
        st.tuples(st.just("log"), st.integers(0, 9), LINE, st.one_of(TYPED, st.none())),
        st.tuples(st.just("synthesis"), st.one_of(TYPED, st.none())),
    ),
    min_size=1,
    max_size=4,
)


def apply_edit(plan, edit, touched: set[str]):
    kind = edit[0]
    actions = plan.actions
    if kind == "set" and actions:
        action = actions[edit[1] % len(actions)]
        field = edit[2]
        value = edit[3].draw(FIELD_VALUES[field])
        if field == "due" and value is not None and action.start and value < action.start:
            return plan
        touched.add(action.id)
        return ops.update_action(plan, action.id, {field: value}, TODAY)
    if kind == "add":
        plan, new_id = ops.add_action(plan, {"title": edit[1], "owner": "Zoé", "comment": edit[2]}, TODAY)
        touched.add(new_id)
        return plan
    if kind == "delete" and actions:
        action = actions[edit[1] % len(actions)]
        touched.add(action.id)
        return ops.delete_action(plan, action.id, unlink=True)
    if kind == "log" and actions:
        action = actions[edit[1] % len(actions)]
        return ops.append_log(plan, action.id, edit[2], TODAY, comment=edit[3])
    if kind == "synthesis":
        return ops.replace(plan, {"synthesis": edit[1]})
    return plan


def stripped_last_header(block: str) -> str:
    """``block`` with its last block scalar header made ``|-``: the one change a save makes outside
    the edit, when it writes after a file's last line and that line had no newline (the value would
    otherwise gain one)."""
    lines = block.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        match = re.match(r"^(.*?: [|>])([1-9]?)([+-]?)([1-9]?)(.*)$", lines[i])
        if match:
            head, digit, chomp, digit2, rest = match.groups()
            lines[i] = f"{head}{digit}{'-'}{digit2}{rest}" if chomp != "-" else lines[i]
            break
    return "\n".join(lines)


@given(text=plan_texts(), edits=EDITS)
@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_random_edits_of_random_layouts_save_exactly(text: str, edits) -> None:
    read = store.parse(text, "plan.yaml")
    assume(read.document is not None)  # the generator's own slips (a status/progress mismatch is a warning)
    document = read.document
    plan = document.plan
    touched: set[str] = set()
    for edit in edits:
        try:
            plan = apply_edit(plan, edit, touched)
        except ops.OpError:
            continue
    patched = document.patched(plan)
    saved = document.text if patched is None else patched.text
    if patched is not None:
        event(f"checked by re-reading the {savecheck.check(patched, document.root, document.base, plan)}")
    reread = store.parse(saved, "plan.yaml")
    assert reread.document is not None, (reread.problems, saved)
    assert to_data(reread.document.plan) == to_data(plan), saved
    # lines outside the change are the lines they were: untouched actions, and the head of the file
    for action_id, block in action_blocks(document, with_comments=True).items():
        if action_id not in touched:
            block = block.rstrip("\r\n")
            assert block in saved or stripped_last_header(block) in saved, (action_id, saved)
    head = text[: text.index("schema: 1")] + "schema: 1" + document.style.newline + "title: Plan"
    assert saved.startswith(head)


def splice(patched: Patched, edits: list[Edit]) -> str:
    """The text ``edits`` make of ``patched.source``, as the patcher assembles it."""
    out, position = [], 0
    for edit in edits:
        out += [patched.source[position : edit.start], edit.text]
        position = edit.end
    text = "".join(out) + patched.source[position:]
    old = patched.old_length
    if len(patched.source) > old and all(e.end <= old and e.start < old for e in edits):
        text = text[: len(text) - (len(patched.source) - old)]  # the final newline it did not have stays missing
    return text


SLIPS = st.sampled_from(
    ["\n", "\r\n", " ", "  ", "#", " #", ": ", "'", '"', "-", "- ", "|", "|+", "[", "{", "\n\n", "x"]
)


@given(text=plan_texts(), edits=EDITS, data=st.data())
@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_the_check_of_a_save_is_never_fooled(text: str, edits, data) -> None:
    """A patcher slip (a character more or less in what it writes) either fails the check or reads back
    as intended: the regional proof never passes a text that a whole re-read would refuse."""
    read = store.parse(text, "plan.yaml")
    assume(read.document is not None)
    document = read.document
    plan = document.plan
    for edit in edits:
        try:
            plan = apply_edit(plan, edit, set())
        except ops.OpError:
            continue
    patched = document.patched(plan)
    assume(patched is not None)
    slipped = list(patched.edits)
    index = data.draw(st.integers(0, len(slipped) - 1))
    victim = slipped[index]
    at = data.draw(st.integers(0, len(victim.text)))
    if victim.text and data.draw(st.booleans()):
        new_text = victim.text[:at] + victim.text[at + 1 :]  # a character lost
    else:
        new_text = victim.text[:at] + data.draw(SLIPS) + victim.text[at:]  # a character too many
    assert splice(patched, slipped) == patched.text
    slipped[index] = Edit(victim.start, victim.end, new_text, victim.order)
    wrong = Patched(splice(patched, slipped), patched.source, tuple(slipped), patched.old_length)
    try:
        savecheck._Regions(wrong, document.root, document.base, plan).prove()
    except savecheck._Unproved:
        event("the slip is caught (or left to the whole re-read)")
        return
    event("the slip is harmless")
    reread = store.parse(wrong.text, "plan.yaml")
    assert reread.document is not None, (reread.problems, wrong.text)
    assert to_data(reread.document.plan) == to_data(plan), wrong.text


@st.composite
def json_plans(draw) -> str:
    """A plan written as JSON (which YAML reads), laid out on one line or indented."""
    actions = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        action = {"id": f"A{number}", "title": draw(LINE), "owner": draw(st.sampled_from(["Ana", "Léo"]))}
        if draw(st.booleans()):
            action["due"] = draw(DATES).isoformat()
        if draw(st.booleans()):
            action["progress"] = draw(st.integers(0, 90))
            action["status"] = "in_progress"
        if draw(st.booleans()):
            action["co_owners"] = draw(st.lists(WORD, min_size=1, max_size=3))
        if draw(st.booleans()):
            action["comment"] = draw(TYPED)
        actions.append(action)
    plan = {"schema": 1, "title": "Plan", "owner": "Ana", "actions": actions}
    if draw(st.booleans()):
        plan["synthesis"] = draw(TYPED)
    # ensure_ascii=False: libyaml refuses JSON's surrogate pairs (\\ud83d\\ude80), which are not YAML escapes
    return json.dumps(plan, indent=draw(st.sampled_from([None, 2, 4])), ensure_ascii=False) + "\n"


@given(text=json_plans(), edits=EDITS)
@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_random_edits_of_json_style_plans_save_exactly(text: str, edits) -> None:
    """A JSON-style plan stays JSON, reads back as intended, and a change to one action changes no line
    outside that action's object."""
    document = store.parse(text, "plan.yaml").document
    assert document is not None
    plan = document.plan
    touched: set[str] = set()
    for edit in edits:
        try:
            plan = apply_edit(plan, edit, touched)
        except ops.OpError:
            continue
    saved = document.render(plan)
    reread = store.parse(saved, "plan.yaml")
    assert reread.document is not None, (reread.problems, saved)
    assert to_data(reread.document.plan) == to_data(plan), saved
    json.loads(saved)  # still JSON: new keys, texts and dates in double quotes
    if len(edits) == 1 and edits[0][0] == "set" and touched and "\n  " in text:
        index = next(i for i, a in enumerate(document.base.actions) if a.id in touched)
        node = document.root.get("actions").value[index]
        first, last = node.line, text.count("\n", 0, node.end)
        matcher = difflib.SequenceMatcher(None, text.splitlines(), saved.splitlines(), autojunk=False)
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag != "equal":
                assert first <= i1 and max(i1, i2 - 1) <= last, (first, last, i1, i2, saved)
