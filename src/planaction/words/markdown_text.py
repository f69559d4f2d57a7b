"""Plan text in Markdown: shown literally by GitHub, by any CommonMark reader and in a raw e-mail.

Markdown gives meaning to characters a plan uses every day. Escaping the
syntax (``*``, ``[``, ``|``, ``<``...) keeps a title from becoming emphasis,
a link, HTML or a broken table; but GitHub also turns plain text into links
and notifications with no syntax at all: bare URLs (``https://…``,
``www.…``, ``ftp://``), e-mail addresses, ``@mentions``, ``#123`` and
``GH-123`` references and ``:emoji:`` shortcodes. Escaping cannot stop
those (GitHub's renderer drops the escape, then links the text), so a WORD
JOINER (U+2060, invisible and of no width) is put where each pattern
would start matching: after ``@``, ``#`` and a ``:`` that touches the next
word, and between ``www`` and its dot. The text reads the same, rendered or
raw, and links nothing.
"""

from __future__ import annotations

import re

from planaction.words.safetext import one_line

#: What could start emphasis, code, a link, a table cell or strikethrough inside a line, and "#",
#: which a heading drops at its end. Other line-start markers (+, -, 1.) need no escape: plan
#: text never starts a line of the report.
_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
#: Invisible, no width, no line break: splits a pattern without changing what a person reads.
WORD_JOINER = "\u2060"
#: Where a linkifier's pattern starts: "@" (mentions, e-mails), "#" (issues), ":" touching a word
#: (":emoji:", "https://", "mailto:"), "www." and "GH-123".
_LINK_START = re.compile(r"(?<=[@#:])(?=\S)|(?<=www)(?=\.)|(?<=GH-)(?=\d)", re.IGNORECASE)


def md(text: str) -> str:
    """Plan text as Markdown shows it literally: no emphasis, link, mention, table break or HTML."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _LINK_START.sub(WORD_JOINER, _SPECIAL.sub(r"\\\1", text))
