"""Dates, wards, names and look-alikes as people write them in other languages and
orders (issue 21): each rule is general (CLDR's month names, the shapes of unit names,
family names written first), tested on sentences made up for this file; none comes from
a measured set.
"""

from __future__ import annotations

import pytest

from rct_workbook.journal.deid_patterns import dates_abroad
from rct_workbook.journal.deidentify import locate


def _found(text: str) -> list[tuple[str, str]]:
    (spans,) = locate([text], region="GB")
    return [(s.kind, text[s.start : s.end]) for s in spans]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Elle est revenue le 14 avril avec son frère.", "14 avril"),  # French
        ("Przyszła 9 czerwca po południu.", "9 czerwca"),  # Polish, the genitive CLDR gives
        ("Chegou em 22 de outubro de 2024 sozinho.", "22 de outubro de 2024"),  # Portuguese
        ("Seit dem 7. Oktober ist er hier.", "7. Oktober"),  # German, the day's full stop
        ("Hazatért szeptember 8. óta.", "szeptember 8."),  # Hungarian, month first
        ("Dia datang 17 Agustus bersama ibunya.", "17 Agustus"),  # Indonesian
        ("Nhập viện ngày 9 tháng 3 vì mất ngủ.", "ngày 9 tháng 3"),  # Vietnamese, its word for day
        ("예약은 3월 14일이었다.", "3월 14일"),  # Korean, the month by number with its word
        ("Il 1er mars, rien.", "1er mars"),  # an ordinal day
    ],
)
def test_a_day_and_a_month_in_another_language_is_a_date(text: str, date: str) -> None:
    assert date in [text[a:b] for a, b in dates_abroad(text)]


@pytest.mark.parametrize(
    "text",
    [
        "She took 5 mg at night and 3 set of stairs.",  # an abbreviation that is English says nothing
        "Room 3, then 4 more came.",
        "Ring her on 3/4 about it.",  # numbers alone are the English pattern's to judge
    ],
)
def test_numbers_beside_words_are_no_foreign_date(text: str) -> None:
    assert dates_abroad(text) == []


def test_an_ordinal_day_takes_the_month_after_it() -> None:
    assert ("date", "the 9th of Feb") in _found("Seen again on the 9th of Feb, late as usual.")
