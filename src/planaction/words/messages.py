"""Every sentence the core, the YAML engine and the files say, by code, in French and English.

The floors below ``words`` say ``Message(code, values)`` (``planaction.message``)
and choose no words; this module turns a code into a sentence. Its catalogues
are split by who speaks (``words/said_core.py``: the checks, operations and
schema diagnoses; ``words/said_files.py``: YAML, reading, saving), and merged
here into one ``Catalog``, checked when imported: every code has a French and an
English text with the same placeholders.

The language: a caller that knows its reader passes ``lang`` (``message.text(lang)``,
``problem.as_text(lang)``, ``exc.text(lang)``): the app passes the app's language,
the command line its ``--lang`` (or the environment). Without one, a message reads
in English (``str(message)``), which is what ``str(exc)`` and the command line's
defaults print, word for word as before the codes.

To add a message: a key in the catalogue of the floor that says it, with its French
and English texts, and ``Message("that.key", {"name": value})`` (or ``say("that.key",
name=value)``) where it is said.
"""

from __future__ import annotations

from planaction import message as _message
from planaction.message import Message
from planaction.words.advice import ADVICE
from planaction.words.catalog import Catalog
from planaction.words.improvement import SAID as IMPROVEMENT
from planaction.words.playbooks import PLAYBOOKS
from planaction.words.said_core import CORE
from planaction.words.said_files import FILES
from planaction.words.structures import MESSAGES as STRUCTURES

assert not CORE.keys() & FILES.keys(), "a message code is said by two floors"
assert not ADVICE.keys() & (CORE.keys() | FILES.keys()), "an advice code is said elsewhere too"
assert not PLAYBOOKS.keys() & (CORE.keys() | FILES.keys() | ADVICE.keys()), "a playbook code is said elsewhere too"
assert not IMPROVEMENT.keys() & (CORE.keys() | FILES.keys() | ADVICE.keys() | PLAYBOOKS.keys()), "said twice"
say = Catalog("messages", {**CORE, **FILES, **ADVICE, **PLAYBOOKS, **IMPROVEMENT, **STRUCTURES})


def render(message: Message, lang: str) -> str:
    """The message's sentence in ``lang``; values that are messages read in the same language.

    ``Message("figure", {"value": 6.1, "unit": "h"})`` is a number with its unit, written as the
    language writes numbers (6,1 h / 6.1 h; 30 % / 30%): the core says figures, not how to print them."""
    if message.code == "figure":
        return figure(message.values["value"], message.values.get("unit"), lang)
    values = {
        key: render(value, lang) if isinstance(value, Message) else value for key, value in message.values.items()
    }
    return say(message.code, lang, **values)


def figure(value: float, unit: str | None, lang: str) -> str:
    from planaction.words.labels import number  # when said: labels reads the model, which a start must not load yet

    text = number(value, lang)
    if not unit:
        return text
    if unit == "%":
        return f"{text}\u00a0%" if lang == "fr" else f"{text}%"
    return f"{text} {unit}"


_message.install(render)
