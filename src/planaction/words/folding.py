"""Comparing text the way a person reads it: one way, used everywhere.

"Léa Fontaine" typed in NFC or NFD, in capitals, with a no-break space, or
"İPEK YILMAZ" for "İpek Yılmaz", is one person. A name in Cyrillic or Chinese
is a name. Every comparison of people (``due`` and its ``--owner``, the app's
filter, the owner suggestions) and every search as you type goes through
``fold``; nothing else compares names.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters that case folding leaves apart although readers take them for the same letter.
_SAME_LETTER = str.maketrans({"ı": "i", "ß": "ss", "ſ": "s", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l"})
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """``text`` without case, accents, punctuation or spacing differences: words joined by one space.

    Letters of every script are kept (``fold("Анна Петрова") == "анна петрова"``);
    compatibility forms (full-width letters, ligatures) read as their plain letters.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFKC", bare.casefold()).translate(_SAME_LETTER)
    return _SEPARATORS.sub(" ", folded).strip()


def person_key(name: str) -> str:
    """The key that tells whether two spellings name the same person ("" for no name at all)."""
    return fold(name)


def same_person(a: str, b: str) -> bool:
    key = person_key(a)
    return bool(key) and key == person_key(b)
