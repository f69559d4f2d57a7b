"""Numbers and dates as a person types them: the inverse of ``labels.number`` and ``labels.date_text``.

A French user types ``55,5`` and ``1 234,5`` and reads dates as ``15/01/2027``;
an English one types ``55.5`` and ``1,234.5`` and reads ``2027-01-15``. The
app's fields, the command line's ``key=value`` and the client's workbook read
what a person typed through these functions, in the plan's language, so that
what is read is what was meant. What could mean two things (``1.234`` in a
French plan, ``05/06/2025`` in an English one) is refused with a message that
says how to write it, never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from planaction.core.fields import is_valid_id
from planaction.words.labels import input_problem

#: Spaces people and spreadsheets put between groups of thousands.
_GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
_MINUS = "-\u2212\u2013"
_DIGITS = re.compile(r"^\d+$")
_NOT_A_NUMBER = re.compile("[^0-9.,+eE" + re.escape(_MINUS + _GROUP_SPACES) + "]")


class UnreadableInput(ValueError):
    """Text that is not the value asked for; ``message`` and ``hint`` say why and how to write it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message} ({hint})")
        self.message = message
        self.hint = hint


def _refuse(code: str, text: str, lang: str, **example: str) -> UnreadableInput:
    message, hint = input_problem(code, lang, text=text, **example)
    return UnreadableInput(message, hint)


def _grouped(integer: str, separator: str) -> bool:
    return re.match(r"^\d{1,3}(?:" + re.escape(separator) + r"\d{3})+$", integer) is not None


def read_number(text: str, lang: str, *, low: float | None = None, high: float | None = None) -> float:
    """A number written in ``lang``'s way (or unambiguously in the other's); ``UnreadableInput`` otherwise.

    French: ``55,5``, ``1 234,5`` (any kind of space between thousands),
    ``55.5``; English: ``55.5``, ``1,234.5``, ``1 234.5``. Both: a leading
    ``+`` or ``-`` (or U+2212), an exponent (``1e6``).
    """
    raw = text
    body = text.strip()
    if not body:
        raise _refuse("number_empty", raw, lang)
    if _NOT_A_NUMBER.search(body):
        raise _refuse("number", raw, lang)  # letters or symbols: not a number, whatever else it looks like
    sign = ""
    if body[0] in _MINUS or body[0] == "+":
        sign = "-" if body[0] in _MINUS else ""
        body = body[1:].lstrip()
    exponent = ""
    match = re.match(r"^(.*?)([eE][+-]?\d+)$", body)
    if match and match.group(1):
        body, exponent = match.group(1), match.group(2)
    # spaces between digits group thousands, whatever kind of space they are
    if any(ch in body for ch in _GROUP_SPACES):
        head = re.split(r"[.,]", body, maxsplit=1)[0] if re.search(r"[.,]\d*$", body) else body
        if not _grouped(re.sub(f"[{_GROUP_SPACES}]", " ", head), " "):
            raise _refuse("number_spaces", raw, lang)
        body = re.sub(f"[{_GROUP_SPACES}]", "", body)
    commas, dots = body.count(","), body.count(".")
    decimal_mark = "," if lang == "fr" else "."
    group_mark = "." if lang == "fr" else ","
    if commas and dots:
        # both marks: the last one is the decimal mark, the other groups thousands
        last = "," if body.rfind(",") > body.rfind(".") else "."
        other = "." if last == "," else ","
        integer, _, fraction = body.rpartition(last)
        if integer.count(last) or not _grouped(integer, other):
            raise _refuse("number", raw, lang)
        body = integer.replace(other, "") + "." + fraction
    elif commas + dots == 1:
        mark = "," if commas else "."
        integer, _, fraction = body.partition(mark)
        looks_grouped = len(fraction) == 3 and integer.isdigit() and integer.lstrip("0") != "" and len(integer) <= 3
        if mark == decimal_mark:
            body = integer + "." + fraction
        elif looks_grouped:
            # "1,234" is 1234 in English and 1.234 in French: only the plan's own habit decides
            if mark == group_mark and lang == "en":
                body = integer + fraction
            else:
                raise _refuse(
                    "number_ambiguous", raw, lang, grouped=integer + fraction, decimal=f"{integer},{fraction}"
                )
        elif mark == "." or lang == "fr":
            body = integer + "." + fraction  # "55.5" in a French plan: a decimal point, nothing else it can be
        else:
            raise _refuse("number_comma", raw, lang, decimal=integer + "." + fraction)
    elif commas + dots > 1:
        mark = "," if commas else "."
        if mark != group_mark or not _grouped(body, mark):
            raise _refuse("number", raw, lang)
        body = body.replace(mark, "")
    integer, _, fraction = body.partition(".")
    if (
        not (integer or fraction)
        or (integer and not _DIGITS.match(integer))
        or (fraction and not _DIGITS.match(fraction))
    ):
        raise _refuse("number", raw, lang)
    try:
        value = float(sign + (integer or "0") + "." + (fraction or "0") + exponent)
    except (ValueError, OverflowError):
        raise _refuse("number", raw, lang) from None
    if not math.isfinite(value):
        raise _refuse("number_infinite", raw, lang)
    if low is not None and value < low:
        raise _refuse("too_small", raw, lang, low=editable_number(low, lang))
    if high is not None and value > high:
        raise _refuse("too_large", raw, lang, high=editable_number(high, lang))
    return value


def read_id(text: str, lang: str) -> str:
    """An id as a plan writes them (A3, K1, R-007): letters, digits, ``-``, ``_``, ``.``; empty: the next free one."""
    body = text.strip()
    if body and not is_valid_id(body):
        raise _refuse("id", text, lang)
    return body


def editable_number(value: float | int | None, lang: str) -> str:
    """A number as the person would type it back: every digit kept, the plan's decimal mark, no grouping."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = repr(value)
    return text.replace(".", ",") if lang == "fr" else text


def read_whole(text: str, lang: str, *, low: int | None = None, high: int | None = None) -> int:
    """A whole number (``1 000`` reads as 1000; ``2,5`` is refused), within ``low``..``high`` when given."""
    value = read_number(text, lang)
    if not value.is_integer():
        raise _refuse("whole", text, lang)
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise _refuse("range", text, lang, low=str(low), high=str(high))
    return number


def read_percent(text: str, lang: str) -> int:
    """Progress as people write it: ``55``, ``55 %``, ``55%`` (whole points from 0 to 100)."""
    body = text.strip()
    if body.endswith("%"):
        body = body[:-1].rstrip(_GROUP_SPACES)
    return read_whole(body, lang, low=0, high=100)


#: Day-first numeric dates: 15/01/2027, 15.01.2027, 15-01-2027.
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def read_date(text: str, lang: str) -> dt.date:
    """A date as shown (``15/01/2027`` in French) or ISO (``2027-01-15``); ``UnreadableInput`` otherwise.

    In English, where the app shows ISO dates, ``15/01/2027`` and ``01/15/2027``
    can only be read one way and are accepted; ``05/06/2025`` could be either
    and is refused. Years are written in full.
    """
    body = text.strip()
    if not body:
        raise _refuse("date_empty", text, lang)
    iso = _ISO.match(body)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return _date(year, month, day, text, lang)
    slashed = _DAY_FIRST.match(body)
    if slashed is None:
        raise _refuse("date", text, lang)
    first, second, year = (int(g) for g in slashed.groups())
    if lang == "fr":
        return _date(year, second, first, text, lang)
    if first > 12 >= second:
        return _date(year, second, first, text, lang)
    if second > 12 >= first:
        return _date(year, first, second, text, lang)
    if first == second:
        return _date(year, first, first, text, lang)
    raise _refuse(
        "date_ambiguous",
        text,
        lang,
        day_first=f"{year:04d}-{second:02d}-{first:02d}",
        month_first=f"{year:04d}-{first:02d}-{second:02d}",
    )


def _date(year: int, month: int, day: int, text: str, lang: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _refuse("date_impossible", text, lang) from None
