"""Markdown reports never turn plan text into a link, a mention or an emoji on GitHub.

GitHub renders Markdown with cmark-gfm, whose autolink extension links bare
URLs, ``www.`` and e-mail addresses; it then links ``@mentions`` (and
notifies those people), ``#123`` and ``GH-123`` references and replaces
``:emoji:`` shortcodes in the text it produced. The reports are rendered
here by cmark-gfm itself (the ``cmarkgfm`` package, GitHub's own C library)
and the text nodes of its HTML are searched with the patterns of GitHub's
mention, reference and emoji filters.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm  # a [test] dependency: GitHub's own renderer, never skipped
import pytest

from planaction.words.markdown_text import WORD_JOINER, md
from tests.conftest import run_cli

TODAY = "2025-05-12"
LINKY = [
    "https://evil.example/x?a=1",
    "voir http://evil.example",
    "www.evil.example/page",
    "WWW.EVIL.EXAMPLE",
    "HTTPS://EVIL.EXAMPLE",
    "ftp://evil.example/f",
    "écrire à a.b@evil.example",
    "mailto:c@evil.example",
    "cc @octocat et @org/team",
    "voir #123 et GH-42",
    ":smile: :+1: :rocket:",
    "<http://evil.example>",
    "xmpp:d@evil.example",
]

#: GitHub's filters, as html-pipeline writes them (MentionFilter, IssueReferenceFilter, EmojiFilter).
MENTION = re.compile(r"(?:^|\W)@[a-z0-9][a-z0-9-]*", re.IGNORECASE)
REFERENCE = re.compile(r"(?:^|\W)(?:#\d+|GH-\d+)\b", re.IGNORECASE)
EMOJI = re.compile(r":[a-z0-9_+-]+:", re.IGNORECASE)


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def linky_plan() -> str:
    lines = [
        "schema: 1",
        f"title: {q(LINKY[0])}",
        f"owner: {q(LINKY[8])}",
        f"sponsor: {q(LINKY[6])}",
        "language: fr",
        "period: {start: 2025-01-01, end: 2025-12-31}",
        "objective:",
        f"  statement: {q(LINKY[1])}",
        "  baseline: 10",
        "  target: 5",
        "  kpi: K1",
        "streams:",
        f"  - {{id: S1, name: {q(LINKY[2])}}}",
        "actions:",
    ]
    for index, text in enumerate(LINKY):
        lines += [
            f"  - id: A{index + 1}",
            f"    title: {q(text)}",
            f"    owner: {q(LINKY[(index + 1) % len(LINKY)])}",
            "    stream: S1",
            f"    due: 2025-05-{index + 5:02d}",
            "    status: in_progress",
            "    progress: 10",
        ]
    lines += ["kpis:", f"  - {{id: K1, name: {q(LINKY[9])}, unit: {q(LINKY[10])}, baseline: 10, target: 5}}"]
    lines += ["risks:"]
    for index, text in enumerate(LINKY[:3]):
        lines += [
            f"  - {{id: R{index + 1}, title: {q(text)}, probability: high, impact: high, mitigation: {q(LINKY[index + 3])}}}"
        ]
    lines += ["milestones:", f"  - {{id: J1, title: {q(LINKY[11])}, due: 2025-06-01}}"]
    lines += ["decisions:", f"  - {{id: D1, title: {q(LINKY[12])}, owner: {q(LINKY[7])}, due: 2025-06-01}}"]
    return "\n".join(lines) + "\n"


class TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def github_html(markdown: str) -> TextNodes:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    nodes = TextNodes()
    nodes.feed(html)
    return nodes


def assert_nothing_links(markdown: str) -> str:
    nodes = github_html(markdown)
    assert "a" not in nodes.tags and "img" not in nodes.tags, markdown
    for text in nodes.texts:
        for pattern in (MENTION, REFERENCE, EMOJI):
            assert pattern.search(text) is None, (pattern.pattern, text)
    return "".join(nodes.texts).replace(WORD_JOINER, "")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "liens.yaml"
    path.write_text(linky_plan(), encoding="utf-8")
    assert run_cli("validate", path).returncode == 0
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_report_markdown_links_nothing_and_reads_the_same(plan: Path, lang: str) -> None:
    done = run_cli("report", plan, "--today", TODAY, "--format", "markdown", "--lang", lang)
    assert done.returncode == 0, done.stderr
    text = assert_nothing_links(done.stdout)
    for literal in LINKY:
        if literal not in (LINKY[4], LINKY[5]):  # neither a title, owner nor stream shown on the page
            assert literal in text, literal


def test_due_markdown_links_nothing(plan: Path) -> None:
    done = run_cli("due", plan, "--today", TODAY, "--within", "60", "--format", "markdown")
    assert done.returncode == 3, done.stderr
    text = assert_nothing_links(done.stdout)
    for literal in LINKY:
        assert literal in text, literal


def test_portfolio_markdown_links_nothing(plan: Path) -> None:
    done = run_cli("report", plan.parent, "--today", TODAY, "--format", "markdown")
    text = assert_nothing_links(done.stdout)
    assert LINKY[0] in text and LINKY[8] in text


def test_plain_text_and_json_are_untouched(plan: Path) -> None:
    """The joiner is for Markdown only: the text report and JSON keep plan text as it is."""
    for fmt in ("text", "json"):
        done = run_cli("report", plan, "--today", TODAY, "--format", fmt)
        assert WORD_JOINER not in done.stdout
        assert "www.evil.example/page" in done.stdout


def test_md_of_any_text_renders_as_that_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tests.conftest import examples

    alphabet = st.sampled_from([*"aZ09 .:/@#_-+*`[]()<>&|~!\\wWgGhH", "www.", "http://", "GH-1", ":x:"])

    @settings(max_examples=examples(200), deadline=None)
    @given(st.lists(alphabet, max_size=30).map("".join))
    def check(text: str) -> None:
        shown = assert_nothing_links(f"x {md(text)}")
        assert " ".join(shown.split()) == " ".join(f"x {text}".split())

    check()
