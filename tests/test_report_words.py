"""Every sentence the report, the exports and the views say comes from ``words/``: none of their modules
chooses between French and English itself (no ``t(fr, en)``, no ``"x" if lang == "fr" else "y"``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planaction.words import exchange, report

SRC = Path(__file__).resolve().parents[1] / "src" / "planaction"
VIEWS = ("views", "action_rows", "action_detail", "dashboard", "registers", "timeline", "stakes", "portfolio")
MODULES = sorted(
    [
        *(SRC / "report").rglob("*.py"),
        *(SRC / "exchange").rglob("*.py"),
        *(SRC / "present" / f"{name}.py" for name in VIEWS),
    ]
)
INLINE = re.compile(r"""lang\s*==\s*["']fr["']|\bfr\s*=\s*lang\b|def _?t\(|\b(ctx|self|report)\.t\(|\b_t\(""")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_inline_french_or_english_choice(path: Path) -> None:
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE.search(line)
    ]
    assert not found, "words belong in words/report.py or words/exchange.py:\n" + "\n".join(found)


def test_the_pattern_does_catch_an_inline_choice() -> None:
    for line in ('x = "a" if lang == "fr" else "b"', "fr = lang == 'fr'", "def t(self, fr, en):", "ctx.t('a', 'b')"):
        assert INLINE.search(line), line


@pytest.mark.parametrize("catalog", [report.say, exchange.say], ids=lambda c: c.area)
def test_every_sentence_differs_by_language_or_is_meant_to(catalog) -> None:
    """A pair whose French is its English is a forgotten translation, unless it is a code or a format."""
    keys = catalog.keys()
    same = [key for key in keys if catalog.pair(key)[0] == catalog.pair(key)[1]]
    assert keys and not same, same
