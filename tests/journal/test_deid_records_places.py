"""Record numbers under a scheme's name, and units named by a word and a code (issue 21).

Every number and place here is made up for this file; none comes from a measured set.
"""

from __future__ import annotations

import pytest

from rct_workbook.journal.deidentify import locate


def _found(text: str) -> list[tuple[str, str]]:
    (spans,) = locate([text], region="GB")
    return [(s.kind, text[s.start : s.end]) for s in spans]


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("His PhilHealth 12-503318447-9 was wrong.", "PhilHealth 12-503318447-9"),
        ("Centrelink 204 118 553K is on the letter.", "Centrelink 204 118 553K"),
        ("Her Medibank: 4412 5513 09 is new.", "Medibank: 4412 5513 09"),
        ("The SocialSeguro 880-1234-5521 card came.", "SocialSeguro 880-1234-5521"),
        # An acronym's number in groups with dots (a Brazilian CPF's shape).
        ("Her CPF 321.654.987-00 is on the form.", "CPF 321.654.987-00"),
        # A leading 0 looks dialled, but "no." says the number is the scheme's.
        ("His PhilHealth no. 01-234567890-1 was wrong.", "PhilHealth no. 01-234567890-1"),
    ],
)
def test_a_schemes_name_goes_with_its_number(text: str, record: str) -> None:
    assert ("record", record) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ring 07700 900318 after six.",  # a phone number as dialled, not a record
        "Around 12,000 people came in 2024.",
    ],
)
def test_a_phone_or_a_count_is_no_schemes_record(text: str) -> None:
    assert all(kind != "record" for kind, _ in _found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Encik Hafiz is on Wad 7B now.", "Wad 7B"),
        ("He was moved to Houseblock 2 overnight.", "Houseblock 2"),
        ("She went back to Pavilion 3 after lunch.", "Pavilion 3"),
        ("Die Patientin liegt auf Station 4.", "Station 4"),
        ("Está en la Sala 6 desde ayer.", "Sala 6"),
        ("Spur C was locked down again.", "Spur C"),
        ("He's on Ward 4 East since Monday.", "Ward 4 East"),
    ],
)
def test_a_unit_word_and_its_code_is_a_place(text: str, place: str) -> None:
    assert ("place", place) in _found(text)


@pytest.mark.parametrize("text", ["The Sala family rang.", "Pavilion staff were kind.", "Station staff helped."])
def test_a_unit_word_without_a_code_is_no_place(text: str) -> None:
    assert all(kind != "place" for kind, _ in _found(text))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The family meeting is on 5/12 in the day room.", "5/12"),
        ("She stays until 27/03, then goes home.", "27/03"),
        ("Review by 10/21 for the board.", "10/21"),
        ("Termin am 7.10. in der Ambulanz.", "7.10."),
        ("Seen Thurs 3/4 with her aunt.", "3/4"),
        ("We meet 6/8 at 2pm.", "6/8"),
    ],
)
def test_a_day_and_month_with_no_year_after_a_dates_word_is_a_date(text: str, date: str) -> None:
    assert ("date", date) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He scored 3/5 on the mood scale.",
        "Her vision is 20/20 again.",
        "On 2/3 of shifts we were short.",
        "Staffing was cut by 1/3 this winter.",
        "He was on 4/7 days of leave.",
        "She is on 2.5 mg now.",
        "Intake on 14/14 is not a date.",
    ],
)
def test_a_score_ratio_fraction_or_dose_is_no_date(text: str) -> None:
    assert not [f for f in _found(text) if f[0] == "date"]


@pytest.mark.parametrize(
    "number",
    ["0152 3318 2207", "0000 5512 8843"],
)
def test_a_foreign_number_read_in_part_by_the_uk_plan_is_taken_whole(number: str) -> None:
    found = _found(f"Her mobile {number}. Call after five.")
    assert any(kind in ("phone", "record", "number") and value == number for kind, value in found)


def test_a_ward_code_with_its_letter_apart_is_one_place() -> None:
    assert ("place", "Ward 12 C") in _found("She moved to Ward 12 C. Her sister rang.")


def test_an_article_after_a_ward_code_is_no_part_of_it() -> None:
    assert ("place", "Ward 3") in _found("She is on Ward 3 A patient there shouted.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She is on Piso 2, Ala Sur now.", "Piso 2, Ala Sur"),
        ("Review at the Tagesklinik Süd.", "Tagesklinik Süd"),
        ("He stays on Ala Oeste till Friday.", "Ala Oeste"),
    ],
)
def test_a_ward_word_and_a_point_of_the_compass_is_a_place(text: str, place: str) -> None:
    # A floor before it may make it an address's part; either way it is flagged whole.
    assert any(kind in ("place", "address") and value == place for kind, value in _found(text))


def test_a_station_and_a_point_of_the_compass_is_no_ward() -> None:
    assert not [f for f in _found("Take the Station North exit.") if f[0] == "place"]
