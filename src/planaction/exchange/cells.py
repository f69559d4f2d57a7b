"""Reading one cell of a client's workbook: the value a person meant by what they typed or chose.

calamine gives each cell as Python: a float, a date, a string, "" for an
empty cell. These functions turn that into what the plan holds, or raise
``ValueError`` for the caller to refuse the cell by name.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip("\n") if isinstance(value, str) else str(value)


#: Excel serial numbers taken as dates: 1970-01-01 to 2099-12-31.
SERIAL_DATES = (25569, 73051)
_DATE_FR = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def date(value: Any) -> dt.date | None:
    """A date cell, an ISO date, or a French DD/MM/YYYY; None if empty; ValueError otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a date typed into a cell without date format is an Excel serial number; one outside
        # the years a plan can hold (5, 45) is a slip of another column, not a date
        if not SERIAL_DATES[0] <= value < SERIAL_DATES[1]:
            raise ValueError("a number, not a date")
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    text = str(value).strip()
    match = _DATE_FR.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text[:10])


def number(value: Any) -> float:
    """A number cell, or a number typed as text ("4,2", "1 500"); ValueError for anything else,
    including what ``float`` reads but no plan figure is (inf, nan, beyond 1.8e308)."""
    if isinstance(value, str):
        value = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("not a number")
    try:
        result = float(value)
    except OverflowError:
        raise ValueError("too large") from None
    if not math.isfinite(result):
        raise ValueError("not a finite number")
    return result


def progress(value: Any) -> int:
    """Percentage points from a percent cell (0.45) or typed text ("45 %", "45%", "45").

    A number is what a percent cell holds: 1.5 is 150 %, not 1.5 %.
    """
    if isinstance(value, str):
        return round(number(value.strip().removesuffix("%")))
    return round(number(number(value) * 100))
