"""A catalogue of sentences in French and English, the one way code outside ``words/`` says something.

Each area of the program keeps its sentences in a module of ``words/`` (``words/cli.py``,
``words/tui.py``...) as a ``Catalog``; the code asks for a key and a language, never writes
a French or English sentence itself. Keys are checked when the module is imported (both
languages present, the same ``{placeholders}`` in both) so that a missing translation
fails the test run, not a user in front of a client.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

LANGS = ("fr", "en")


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class Catalog:
    """Sentences by key, each a ``(french, english)`` pair with the same placeholders."""

    def __init__(self, area: str, entries: Mapping[str, tuple[str, str]]) -> None:
        self.area = area
        self._entries = dict(entries)
        for key, pair in self._entries.items():
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(x, str) and x for x in pair)):
                raise ValueError(f"words/{area}: {key!r} needs a French and an English text")
            if _fields(pair[0]) != _fields(pair[1]):
                raise ValueError(f"words/{area}: {key!r} has different placeholders in French and English")

    def __call__(self, key: str, lang: str, /, **values: object) -> str:
        """The sentence ``key`` in ``lang`` (English for any language but French), filled with ``values``."""
        fr, en = self._entries[key]
        text = fr if lang == "fr" else en
        return text.format(**values) if values or "{" in text else text

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def keys(self) -> list[str]:
        return list(self._entries)

    def pair(self, key: str) -> tuple[str, str]:
        return self._entries[key]
