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
        ("Ραντεβού στις 14 Μαρτίου.", "14 Μαρτίου"),  # Greek
        ("उन्हें 9 अप्रैल को भेजा गया।", "9 अप्रैल"),  # Hindi, whose vowel signs are marks
        ("Приём назначен на 3 марта.", "3 марта"),  # Russian
        ("Jövő héten, május 6-án jön.", "május 6-án"),  # a Hungarian day's case ending
    ],
)
def test_a_day_and_a_month_in_another_language_is_a_date(text: str, date: str) -> None:
    found = [text[a:b] for a, b in dates_abroad(text)]
    assert any(date in span for span in found), found


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


def test_a_unit_beside_a_number_reads_no_month_names() -> None:
    from rct_workbook.journal import deid_patterns

    deid_patterns._dates_abroad.cache_clear()
    assert dates_abroad("Seen at 3pm for 2 hrs, 5 mg, on 5 May.") == []
    assert deid_patterns._dates_abroad.cache_info().currsize == 0  # Babel's data never read
    assert dates_abroad("Suivi le 3 mars.") == [(6, 15)]  # a month that is an English word too, after "le"


def test_the_article_before_a_date_goes_with_it() -> None:
    text = "Suivi le 14 novembre."
    assert [text[a:b] for a, b in dates_abroad(text)] == ["le 14 novembre"]


def test_an_ordinal_day_takes_the_month_after_it() -> None:
    assert ("date", "the 9th of Feb") in _found("Seen again on the 9th of Feb, late as usual.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The parts and site of a ward written after it with a comma.
        ("She was moved to Ward 12, Rosewood Annex overnight.", "Ward 12, Rosewood Annex"),
        ("He is back on Ward 3 South, Ardgowan since Monday.", "Ward 3 South, Ardgowan"),
        ("They found him a bed in Harbour Unit, Pod D at last.", "Harbour Unit, Pod D"),
        ("The clinic is in Memory Unit, 2nd floor, past the lifts.", "Memory Unit, 2nd floor"),
        # A site named before the ward's code.
        ("He stays on Te Rau Aroha, Unit 4 for now.", "Te Rau Aroha, Unit 4"),
        # Words after the code, and a speciality in brackets.
        ("Transferred to Wad 9B Perubatan today.", "Wad 9B Perubatan"),
        ("She came back to Ward 12 (Neurology) again.", "Ward 12 (Neurology)"),
        ("We met on 6 East Transitional Care that evening.", "6 East Transitional Care"),
        ("He is on 52 Ward now.", "52 Ward"),
        # Words for a ward in other languages, before a code or a name, any case.
        ("Elle est à l'unité 2 Sud depuis lundi.", "l'unité 2 Sud"),
        ("Está en la Planta 5 Norte.", "Planta 5 Norte"),
        ("Dia dirawat di Ruang Anggrek sejak Senin.", "Ruang Anggrek"),
        ("Leżała na Oddziale Neurologicznym nr 3 od wtorku.", "Oddziale Neurologicznym nr 3"),
        ("Ingresó al Pabellón 2 de Salud Mental anoche.", "Pabellón 2 de Salud Mental"),
        # An English word for a ward before a name of no English.
        ("He went back to Ward Gwydir after lunch.", "Ward Gwydir"),
        ("The meeting was outside OPD Room 7 as usual.", "OPD Room 7"),
    ],
)
def test_a_ward_is_found_whole(text: str, place: str) -> None:
    found = [span for kind, span in _found(text) if kind in ("place", "address")]
    assert place in found, found


@pytest.mark.parametrize(
    ("text", "place", "person"),
    [
        ("On Ward 6, Maya said the beds were full.", "Ward 6", "Maya"),
        ("He was on Ward 7 when Sipho rang.", "Ward 7", "Sipho"),
    ],
)
def test_a_person_after_a_ward_stays_a_person(text: str, place: str, person: str) -> None:
    found = _found(text)
    assert ("place", place) in found and ("name", person) in found


@pytest.mark.parametrize(
    "text",
    [
        "The Ward Manager signed it off.",  # a role
        "The Employee Wellness Programme number is on the fridge.",  # any workplace has one
        "Ward C was full so we used the day room.",
    ],
)
def test_roles_and_generic_programmes_are_no_named_ward(text: str) -> None:
    assert [span for kind, span in _found(text) if kind == "place"] in ([], ["Ward C"])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Seen again on the 14th of Shawwal, after Eid.", "the 14th of Shawwal"),  # another calendar's month
        ("She rang on Tuesday the 4th and again later.", "Tuesday the 4th"),
    ],
)
def test_an_ordinal_day_with_a_weekday_or_any_month_is_a_date(text: str, date: str) -> None:
    assert ("date", date) in _found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He attends the Sunflower Programme on Thursdays.", "Sunflower Programme"),
        ("Met her at the Willow Day Centre.", "Willow Day Centre"),
    ],
)
def test_a_programme_or_centre_with_a_name_is_a_place(text: str, place: str) -> None:
    assert ("place", place) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "She goes to the Community Mental Health Centre.",  # what it does, not which one
        "The Early Intervention Programme took him.",
        "The Scottish Youth Hub rang.",  # a people's word and what it does
    ],
)
def test_a_programme_or_centre_named_by_what_it_does_is_any_towns(text: str) -> None:
    assert [v for k, v in _found(text) if k == "place"] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Next visit 9 Tahsas, after the holiday.", "9 Tahsas"),
        ("She came on Ordibehesht 21 with her son.", "Ordibehesht 21"),
        ("Born 2079 Falgun 3 in Pokhara.", "2079 Falgun 3"),
        ("His review is 4 Kislev.", "4 Kislev"),
        ("Seen on the 12th of Shawwal.", "the 12th of Shawwal"),
        ("Born Ter 11, 2015 E.C. in Bahir Dar.", "Ter 11, 2015 E.C."),
        ("次回は令和7年11月5日です。", "令和7年11月5日"),
        ("Review 114/12/01 at the clinic.", "114/12/01"),
    ],
)
def test_dates_of_other_calendars_are_found(text: str, date: str) -> None:
    (spans,) = locate([text], region="GB")
    assert any(s.kind == "date" and date in text[s.start : s.end] for s in spans), spans


@pytest.mark.parametrize("text", ["I gave Mehr 3 tablets.", "BP was 120/80 today.", "Sene 12 patients came."])
def test_a_month_word_of_another_calendar_before_a_count_is_no_date(text: str) -> None:
    (spans,) = locate([text], region="GB")
    assert not [s for s in spans if s.kind == "date"]


def test_a_date_in_kinyarwanda_is_found_by_cldrs_months() -> None:
    (spans,) = locate(["Review on 4 Ugushyingo with the family."], region="GB")
    assert any(s.kind == "date" for s in spans)
