"""Reading one cell of a client's workbook: the value a person meant by what they typed or chose.

calamine gives each cell as Python: a float, a date, a string, "" for an
empty cell. A number or a date cell is taken as the client sees it. Text is
read through ``planaction.userinput`` in the *workbook's* language (the one
the export wrote): ``4,5`` is four and a half in a French workbook and refused
in an English one, ``05/06/2025`` is 5 June in French and refused in English.
Whatever cannot be read as meant raises ``UnreadableInput``, worded in that
language with an example in its notation, for the caller to refuse the cell
by name. Nothing is guessed.

Progress has one more rule. The column is a percent cell, so a number is a
share (0.8 shows, and reads, as 80 %, rounded as the cell shows it); text is
in points (``80``, ``80 %``). A fraction typed as text (``0,5``, ``0.8``)
could be either and is refused, saying how to write it.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from planaction.exchange.xlsx import spec
from planaction.exchange.xlsx.spec import text
from planaction.words.exchange import say
from planaction.words.userinput import UnreadableInput, read_date, read_number

EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Excel serial numbers taken as dates in a cell without a date format: 1970-01-01 to 2099-12-31.
SERIAL_DATES = (25569, 73051)
#: Spaces a spreadsheet or a person puts before a percent sign.
_SPACES = " \u00a0\u202f\u2009"


def cell_text(value: Any) -> str:
    """A cell as free text, as the export writes plan text (so that an untouched cell compares equal)."""
    return spec.cell_text(text(value))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def date(value: Any, lang: str) -> dt.date | None:
    """A date cell, or a date typed as text in ``lang``; None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if _is_number(value):
        # a date typed into a cell without date format is an Excel serial number; one outside
        # the years a plan can hold (5, 45) is a slip of another column, not a date
        if not (math.isfinite(value) and SERIAL_DATES[0] <= value < SERIAL_DATES[1]):
            raise UnreadableInput(say("number_not_date", lang, text=text(value)), say("write_a_date", lang))
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    if isinstance(value, str):
        return read_date(value, lang) if value.strip() else None
    raise UnreadableInput(say("not_a_date", lang, text=text(value)), say("write_a_date", lang))


def figure(value: Any, lang: str) -> float:
    """A number cell, or a number typed as text in ``lang``; never infinite or NaN."""
    if _is_number(value):
        try:
            result = float(value)
        except OverflowError:
            result = math.inf
        if math.isfinite(result):
            return result
    elif isinstance(value, str):
        return read_number(value, lang)
    raise UnreadableInput(say("not_a_number", lang, text=text(value)), say("write_a_number", lang))


def progress(value: Any, lang: str) -> int:
    """Whole points from 0 to 100: a percent cell as it shows, or points typed as text."""
    if _is_number(value):
        points = _shown_points(value)
        if points is not None and 0 <= points <= 100:
            return points
        raise UnreadableInput(say("not_a_progress", lang, text=_shown(value, lang)), say("write_a_percentage", lang))
    typed = text(value).strip()
    body = typed.removesuffix("%").rstrip(_SPACES)
    try:
        points_typed = read_number(body, lang) if isinstance(value, str) and body else math.nan
    except UnreadableInput:
        points_typed = math.nan
    if not math.isnan(points_typed) and not points_typed.is_integer():
        # "0,5" may be half (50 %) or half a point: ask for points
        meant = say("percent", lang, value=round(points_typed * 100))
        hint = say("write_half", lang) + (say("or_meant", lang, meant=meant) if 0 < points_typed < 1 else "")
        raise UnreadableInput(say("progress_in_points", lang, text=typed), hint)
    if not math.isnan(points_typed) and 0 <= points_typed <= 100:
        return int(points_typed)
    raise UnreadableInput(say("not_a_progress", lang, text=typed), say("write_a_percentage_eg", lang))


def _shown_points(share: float) -> int | None:
    """The whole points a percent cell shows for ``share``: 0.125 shows 13 %, as spreadsheets round.

    Spreadsheets round the decimal they display (15 significant digits), not
    the binary double: 0.145 shows 15 %, although 0.145 * 100 is 14.4999….
    """
    try:
        scaled = float(share) * 100
    except OverflowError:
        return None
    if not -1e9 < scaled < 1e9:  # no progress, and past what Decimal quantizes
        return None
    return int(Decimal(f"{scaled:.15g}").quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _shown(share: float, lang: str) -> str:
    points = _shown_points(share)
    if points is None:
        return text(share)
    return say("percent", lang, value=points)
