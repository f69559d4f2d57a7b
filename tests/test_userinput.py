"""What a person types is read as they meant it, in the plan's language, or refused with how to write it."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planaction.words.folding import fold, person_key, same_person
from planaction.words.labels import date_text, number
from planaction.words.userinput import UnreadableInput, read_date, read_number, read_percent, read_whole

LANGS = st.sampled_from(["fr", "en"])


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=2), LANGS)
def test_every_number_the_app_shows_reads_back(cents: int, decimals: int, lang: str) -> None:
    value = round(cents / 100, decimals)
    shown = number(value, lang, decimals=decimals)
    assert read_number(shown, lang) == pytest.approx(value)


@given(st.dates(), LANGS)
def test_every_date_the_app_shows_reads_back(day: dt.date, lang: str) -> None:
    assert read_date(date_text(day, lang), lang) == day
    assert read_date(day.isoformat(), lang) == day


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("55,5", "fr", 55.5),  # the defect: read as 555
        ("55.5", "fr", 55.5),
        ("1 234,5", "fr", 1234.5),
        ("1\u00a0234,5", "fr", 1234.5),
        ("1\u202f234\u202f567", "fr", 1234567),
        ("1.234,5", "fr", 1234.5),
        ("0.125", "fr", 0.125),
        (",5", "fr", 0.5),
        ("\u22123,5", "fr", -3.5),
        ("1,234", "en", 1234),
        ("1,234.5", "en", 1234.5),
        ("1 234.5", "en", 1234.5),
        ("-0.5", "en", -0.5),
        ("2e3", "en", 2000),
    ],
)
def test_numbers_in_the_plans_language(text: str, lang: str, expected: float) -> None:
    assert read_number(text, lang) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "lang", "says"),
    [
        ("1.234", "fr", "1234"),  # thousands or a decimal point: refused, not guessed
        ("55,5", "en", "55.5"),  # a French comma in an English plan: said how to write it
        ("12 34", "fr", "trois chiffres"),
        ("abc", "en", "not a number"),
        (" (suivi OK)", "fr", "n'est pas un nombre"),  # letters: not "spaces between groups"
        ("12 km", "fr", "n'est pas un nombre"),
        ("1e400", "en", "too large"),
        ("", "fr", "aucun nombre"),
        ("1,2,3", "en", "not a number"),
    ],
)
def test_numbers_that_could_be_misread_are_refused_with_how_to_write_them(text: str, lang: str, says: str) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_number(text, lang)
    assert says in str(caught.value)


def test_whole_numbers_and_percentages() -> None:
    assert read_whole("1 000", "fr") == 1000
    assert read_percent("55 %", "fr") == 55
    assert read_percent("55%", "en") == 55
    for bad in ("2,5", "101", "-1"):
        with pytest.raises(UnreadableInput):
            read_percent(bad, "fr")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("15/01/2027", "fr", dt.date(2027, 1, 15)),
        ("2027-01-15", "fr", dt.date(2027, 1, 15)),
        ("5/6/2025", "fr", dt.date(2025, 6, 5)),
        ("15.01.2027", "fr", dt.date(2027, 1, 15)),
        ("15/01/2027", "en", dt.date(2027, 1, 15)),  # only one reading
        ("01/15/2027", "en", dt.date(2027, 1, 15)),
        ("06/06/2025", "en", dt.date(2025, 6, 6)),
        ("31/12/9999", "fr", dt.date(9999, 12, 31)),
        ("01/01/0205", "fr", dt.date(205, 1, 1)),
    ],
)
def test_dates_as_shown_or_iso(text: str, lang: str, expected: dt.date) -> None:
    assert read_date(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "says"),
    [
        ("05/06/2025", "en", "2025-06-05 or 2025-05-06"),
        ("31/02/2025", "fr", "n'existe pas"),
        ("15/1/27", "fr", "n'est pas une date"),
        ("demain", "en", "not a date"),
    ],
)
def test_dates_that_could_be_misread_are_refused(text: str, lang: str, says: str) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_date(text, lang)
    assert says in str(caught.value)


# -- people ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        unicodedata.normalize("NFC", "Léa Fontaine"),
        unicodedata.normalize("NFD", "Léa Fontaine"),
        "LÉA FONTAINE",
        "Léa\u00a0Fontaine",
        "  léa   fontaine ",
        "Lea Fontaine",
    ],
)
def test_one_person_whatever_the_spelling(spelling: str) -> None:
    assert same_person(spelling, "Léa Fontaine")


def test_names_in_every_script() -> None:
    assert same_person("İPEK YILMAZ", "İpek Yılmaz")
    assert same_person("АННА ПЕТРОВА", "Анна Петрова")
    assert person_key("王小明") == "王小明"
    assert not same_person("Léa Fontaine", "Léo Fontaine")
    assert not same_person("", "")


@given(st.text())
def test_folding_is_stable(text: str) -> None:
    assert fold(fold(text)) == fold(text)
