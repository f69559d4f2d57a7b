"""Plan text is data on the one-page report too: the hostile plan of ``tests/hostile/test_injection.py``
(HTML, Markdown, markup, escapes, bidi overrides in every field) exported to ``.html`` and ``.pdf``.

Read back by html.parser, by Chromium's own DOM of the file, and by pdftotext: no element, attribute or
script comes from the plan; the payloads stay text, whole where the page shows a field whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.export_page import pdftotext, read_page, rendered_dom
from tests.hostile.test_injection import LITERALS, TODAY, hostile_plan

#: The page's own elements: anything else came from the plan.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "main", "section", "span",
    "p", "strong", "table", "tr", "th", "td", "ul", "li", "footer",
    # the charts (pygal's SVG): numbers and dates only
    "svg", "defs", "g", "rect", "path", "circle", "text", "desc",
}  # fmt: skip
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile-page") / "evil.yaml"
    path.write_text(hostile_plan(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page_file(hostile: Path) -> Path:
    target = hostile.with_name("evil.html")
    done = run_cli("export", hostile, "-o", target, "--today", TODAY, "--client", "<b>client</b>")
    assert done.returncode == 0, done.stderr
    return target


def test_html_parser_finds_only_the_pages_own_elements(page_file: Path) -> None:
    page = read_page(page_file)
    assert {tag for tag, _attrs in page.tags} <= OWN_TAGS
    for _tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    for literal in (*LITERALS, "<img src=x onerror=alert(1)>", "<http://evil>", "<b>client</b>"):
        assert literal in page.text, literal
    assert not BIDI & set(page.text)  # overrides shown as marks, never reordering the page
    assert "\x1b" not in page.text


def test_chromium_builds_no_element_from_plan_text(page_file: Path, tmp_path: Path) -> None:
    dom = rendered_dom(page_file, tmp_path)
    assert "<script" not in dom and "<img" not in dom and "<a " not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_pdf_keeps_payloads_as_text(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "evil.pdf"
    done = run_cli("export", hostile, "-o", target, "--today", TODAY)
    if done.returncode == 1 and "Chromium" in done.stderr:
        pytest.skip("no Chromium here")  # export_pdf's own message; test_export_pdf requires it on CI
    assert done.returncode == 0, done.stderr
    text = pdftotext(target)
    assert "<script>alert(1)</script>" in text
    assert "[bold red]X[/]" in text
