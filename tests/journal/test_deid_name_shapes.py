"""Names of many origins found whole, and casual names typed in lower case (issue 21).

Every name and sentence here is made up for this file; none comes from a measured set. Each
case is one shape of a name (a particle, a suffix, tone marks, a name of no list after a
cue), so a name of another origin in the same shape is found the same way.
"""

from __future__ import annotations

import pytest

from rct_workbook.journal.deidentify import locate


def _names(text: str) -> list[str]:
    (spans,) = locate([text], region="GB")
    return [text[s.start : s.end] for s in spans if s.kind == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Welsh "ap"/"ab", Malay "bin"/"binti", Tamil-Malaysian "a/l"/"a/p", Arabic "al-"/"el-".
        ("Gareth ap Huw took the early shift.", "Gareth ap Huw"),
        ("Then Owain ab Iorwerth took over.", "Owain ab Iorwerth"),
        ("Siti Rohana binti Ismail came to the clinic.", "Siti Rohana binti Ismail"),
        ("Rajendran a/l Subramaniam signed the form.", "Rajendran a/l Subramaniam"),
        ("Kavitha a/p Raman was the interpreter.", "Kavitha a/p Raman"),
        ("Yusuf al-Rashid joined the call.", "Yusuf al-Rashid"),
        ("I rang Tariq el-Masri about the notes.", "Tariq el-Masri"),
        # Portuguese "dos … e …", Dutch "van der", Irish "Ní".
        ("Maria Clara dos Santos e Oliveira rang.", "Maria Clara dos Santos e Oliveira"),
        ("Pieter van der Berg wrote it down.", "Pieter van der Berg"),
        # Suffixes and a Filipino short form of Maria.
        ("Robert Lee Pruitt III was discharged.", "Robert Lee Pruitt III"),
        ("I met Delbert Crane Jr. at the door.", "Delbert Crane Jr."),
        ("Ma. Teresa Villanueva joined us.", "Ma. Teresa Villanueva"),
        # Tone marks typed as combining characters, Vietnamese, Polish, Tongan ʻokina.
        ("Adébáyọ̀ Ọládípọ̀ was on call.", "Adébáyọ̀ Ọládípọ̀"),
        ("Nguyễn Thị Hạnh covered the shift.", "Nguyễn Thị Hạnh"),
        ("Grzegorz Wiśniewski-Kowal signed it.", "Grzegorz Wiśniewski-Kowal"),
        ("ʻIlaisa Fifita rang.", "ʻIlaisa Fifita"),
    ],
)
def test_a_name_is_found_whole(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "We went from the van to the door.",
        "The notes are in the al-Noor file? no, in the blue one.",
        "Part III of the form was blank.",
    ],
)
def test_particles_and_numerals_alone_are_no_names(text: str) -> None:
    assert _names(text) == []
