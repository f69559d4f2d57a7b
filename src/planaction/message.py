"""What the program says, as a code and values, below every floor.

The core, the YAML engine and the store find problems but choose no words:
they say ``Message("check.unknown_link", {"noun": ..., "value": "A9"})`` and
the words floor (``planaction.words.messages``) turns the code into a French
or English sentence. A value may itself be a ``Message`` (a noun, "above" or
"below"), rendered in the same language.

This module sits outside the floors so that every floor can build messages;
it imports nothing of planaction. The words floor installs the renderer when
it is imported, which ``planaction/__init__.py`` does first, so that
``str(message)`` (and so ``str(exc)`` of an error carrying one) is the English
sentence wherever the message was made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: The language of ``str(message)``: what logs, exceptions and the command line print by default.
DEFAULT_LANG = "en"

_renderer: Callable[[Message, str], str] | None = None


@dataclass(frozen=True)
class Message:
    """A sentence to say: its code in the words catalogue, and the values it is filled with."""

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The sentence in ``lang`` ("fr" or "en"; any other language reads English)."""
        if _renderer is None:  # pragma: no cover - planaction/__init__ installs it
            raise RuntimeError("planaction.words.messages is not imported: no words to say " + self.code)
        return _renderer(self, lang)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def say(code: str, /, **values: Any) -> Message:
    """``Message(code, values)``, written the way a sentence is asked for."""
    return Message(code, values)


def text_of(message: Message | str | None, lang: str = DEFAULT_LANG) -> str | None:
    """A message (or a text already chosen, or nothing) in ``lang``."""
    if message is None or isinstance(message, str):
        return message
    return message.text(lang)


class Spoken:
    """Something that says a message and perhaps a hint (``said``, ``hint_said``), read in English
    as ``message`` and ``hint``: the findings of the checks and the diagnoses of the schema."""

    said: Message
    hint_said: Message | None

    @property
    def message(self) -> str:
        return self.said.text()

    @property
    def hint(self) -> str | None:
        return None if self.hint_said is None else self.hint_said.text()


def install(renderer: Callable[[Message, str], str]) -> None:
    """Called once by ``planaction.words.messages``: how a code becomes a sentence."""
    global _renderer
    _renderer = renderer


class SaidError(Exception):
    """An error whose text is a message: ``str(exc)`` is the English sentence, ``exc.text("fr")`` the
    French one. A caller that already chose its words may give a text, which reads the same in every
    language."""

    def __init__(self, said: Message | str) -> None:
        super().__init__(str(said))
        self.said = said

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return self.said if isinstance(self.said, str) else self.said.text(lang)
