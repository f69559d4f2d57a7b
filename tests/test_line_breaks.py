"""Line breaks: what an editor and git show is what planaction reads.

libyaml (YAML 1.1) ends a line at LF, CRLF, a lone CR, NEL (U+0085), LS
(U+2028) and PS (U+2029); editors, git and diff tools agree only on LF and
CRLF. A plan holding one of the others reads differently from how it looks
(a key hidden in a comment comes alive, a quoted NEL reads as a space) and
lines are counted differently by planaction and by everybody else, so they
are refused where they are, with what to do; written escaped inside double
quotes (``"\\u2028"``) they are fine, and that is how planaction writes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planaction import store
from planaction.core import ops
from tests.conftest import TODAY, run_cli

HEAD = "schema: 1\ntitle: Plan\nowner: Ana\n"
ACTION = "actions:\n  - id: A1\n    title: t\n    owner: o\n    due: 2025-01-01\n"

#: (file text, line, col, words in the message) — line and column as an editor counts them
CASES = {
    "LS in a comment hides a key": (
        HEAD + ACTION + "    status: todo  # note\u2028    progress: 100\n",
        9,
        25,
        "U+2028",
    ),
    "PS in a comment": (HEAD + "# a note\u2029sponsor: Léa\n", 4, 9, "U+2029"),
    "NEL in a plain value": (HEAD + "sponsor: Léa\x85Fontaine\n", 4, 13, "U+0085"),
    "NEL in quoted text reads as a space": (HEAD + 'sponsor: "Léa\x85Fontaine"\n', 4, 14, "U+0085"),
    "LS in quoted text": (HEAD + "sponsor: 'Léa\u2028Fontaine'\n", 4, 14, "U+2028"),
    "LS in a block scalar": (HEAD + "synthesis: |\n  un\u2028deux\n", 5, 5, "U+2028"),
    "CR-only line endings": ((HEAD + ACTION).replace("\n", "\r"), 1, 10, "carriage return"),
    "a lone CR in an LF file": (HEAD + "sponsor: Léa\rFontaine\n", 4, 13, "carriage return"),
    "a lone CR after CRLF lines": ((HEAD + "sponsor: x\r").replace("\n", "\r\n"), 4, 11, "carriage return"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_unusual_line_break_is_refused_where_it_is(tmp_path: Path, case: str) -> None:
    text, line, col, words = CASES[case]
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = store.read(path)
    assert result.document is None, "a file that reads differently from how it looks was accepted"
    first = result.errors[0]
    assert (first.line, first.col) == (line, col), first
    assert words in first.message, first
    assert "line break" in first.message and first.hint, first
    done = run_cli("validate", path)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{path}:{line}:{col}: error: " in done.stdout


def big_plan(actions: int, newline: str) -> str:
    body = "".join(
        f"  - id: A{i}\n    title: Action {i}\n    owner: Ana\n    due: 2025-06-01\n    comment: 'Point n°{i}'\n"
        for i in range(1, actions + 1)
    )
    text = HEAD + "actions:\n" + body + "log:\n  - date: 2025-05-01\n    action: A1\n    result: ok\n"
    return text.replace("\n", newline)


@pytest.mark.parametrize("actions", [10, 3000], ids=["small", "above 256 KB"])
@pytest.mark.parametrize("newline", ["\r", "\u2028", "\x85"], ids=["CR", "LS", "NEL"])
def test_add_never_writes_into_another_section(tmp_path: Path, actions: int, newline: str) -> None:
    """Reported: on a CR-only plan above 256 KB `add` wrote the action into the log and exited 0."""
    path = tmp_path / "plan.yaml"
    path.write_bytes(big_plan(actions, newline).encode("utf-8"))
    before = path.read_bytes()
    done = run_cli("add", path, "title=Nouvelle", "owner=Zoé", "due=2025-09-30", "--today", TODAY.isoformat())
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "report this" not in done.stderr
    assert f"{path}:1:" in done.stderr and "line break" in done.stderr, done.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\r"], ids=["LS", "PS", "NEL", "CR"])
def test_typed_line_breaks_are_written_escaped_and_read_back(tmp_path: Path, char: str) -> None:
    """What planaction writes never holds them raw: a value keeps them, escaped in double quotes."""
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD + ACTION, encoding="utf-8")
    document = store.load(path)
    title = f"avant{char}après"
    document.save(ops.update_action(document.plan, "A1", {"title": title, "comment": f"x{char}"}, TODAY))
    assert store.load(path).plan.action("A1").title == title
    assert store.load(path).plan.action("A1").comment == f"x{char}"
    assert char not in path.read_text(encoding="utf-8")
