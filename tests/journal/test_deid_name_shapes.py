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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A nickname of no list before a person's verb, typed in lower case.
        ("bex reckons the rota is wrong again", "bex"),
        ("jhun-jhun said she would come", "jhun-jhun"),
        ("femi's mum rang twice, she wants him home", "femi"),
        # A nickname that is also a word, where a clause starts.
        ("then pinky said no", "pinky"),
        # After a cue, a question to a colleague, or a term of respect.
        ("pls remind jaz to sign the rota", "jaz"),
        ("can lwazi send me the form", "lwazi"),
        ("chị lan said the forms are old", "lan"),
        ("kuya ben says the van is late", "ben"),
        # A given name of two words, both in lower case; a verb's base form in casual English.
        ("had coffee with mei ling after", "mei ling"),
        ("jia hui say the letter come already", "jia hui"),
        ("mei yi say the form come back", "mei yi"),
        # A given name that is also a word, between a verb said to a person and what is asked.
        ("pls ask dimple to cover thurs", "dimple"),
        # A word that names a town somewhere, but rings and reckons.
        ("can ngozi ring the school", "ngozi"),
        # Tagalog's marker of a person's name.
        ("sabi ni nonoy the leaflets arrived na", "nonoy"),
    ],
)
def test_a_casual_name_in_lower_case_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "mum said it was fine",
        "nan rang twice about the tablets",
        "everyone reckons it will work",
        "the staff said no",
        "can someone send me the form",
        "had coffee with ice after",
        "ask questions about it first",
        # Roles and services typed small, and a role after "the".
        "the cpn said no",
        "camhs said they would ring",
        "amhp reckons we wait",
        "our ot rang back",
        "went with camhs to the meeting",
        # A medicine, a city, a term of respect alone.
        "olanzapine said to be working lol",
        "auckland said no to the transfer",
        "kuya said it was fine",
        "spoke to amhp about it",
        "remind staff to sign the rota",
    ],
)
def test_kin_and_everyday_words_before_a_verb_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chebet has moved to the other ward and is happier.", "Chebet"),
        ("Tevita did the session today and it went well.", "Tevita"),
        ("Dougal fae the team says hello.", "Dougal"),
        ("Wambui has been off since Friday.", "Wambui"),
        ("Segun handled the family meeting.", "Segun"),
        ("Afua gave the talk on grief.", "Afua"),
        # After a word that opens the sentence: the name is mid-sentence, the verb still says a person.
        ("Then Wanjiru handled the family.", "Wanjiru"),
        ("Yesterday Kiprotich covered the ward.", "Kiprotich"),
    ],
)
def test_a_single_name_doing_something_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A given name that is also a word, first in the sentence, before two more names,
        # a comma or a suffix, is the first name and no verb.
        ("Bobby Joe Hatfield Jr. was discharged home.", "Bobby Joe Hatfield Jr."),
        ("Grant Hollis, the porter, was kind.", "Grant Hollis"),
        ("Dean Pruitt, prison number A1234BC, was moved.", "Dean Pruitt"),
    ],
)
def test_a_first_name_that_is_also_a_word_stays_with_the_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_verb_first_is_still_no_part_of_the_name() -> None:
    assert _names("Meet Hemi Walker about the rota.") == ["Hemi Walker"]


def test_a_word_of_the_sentence_first_is_no_part_of_the_name() -> None:
    # "Because" before a name and a person's verb: the name alone, never "Because Kahurangi".
    assert _names("Because Kahurangi said so, we waited.") == ["Kahurangi"]
    assert _names("Rose Tremain said hello.") == ["Rose Tremain"]


@pytest.mark.parametrize(
    "text",
    ["Sertraline did nothing for her.", "Zoom has crashed again.", "Everyone said no."],
)
def test_things_that_do_something_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He calls himself 'Motti' now.", "Motti"),
        ("She goes by Bex at school.", "Bex"),
        ('He is known as "Tama" to the boys.', "Tama"),
    ],
)
def test_a_name_given_or_chosen_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A family name of one syllable written first, before a romanised given name.
        ("Choi Min-jun came back on Thursday.", "Choi Min-jun"),
        ("Song Ha-eun asked for the leaflet.", "Song Ha-eun"),  # an English word as a family name
        ("Lim Wei Jie signed the form at the desk.", "Lim Wei Jie"),
        ("Lau Wing Yan signed the form.", "Lau Wing Yan"),  # a ward's word inside a name
        # "Md.", "Mohd.": Muhammad abbreviated, as Bangladesh and Malaysia write it.
        ("Her husband Md. Rafiqul Alam came too.", "Md. Rafiqul Alam"),
        ("Mohd. Firdaus bin Salleh signed it.", "Mohd. Firdaus bin Salleh"),
        # A nickname in quotes inside a name.
        ('Carl "Sonny" Wieczorek rang the unit.', 'Carl "Sonny" Wieczorek'),
        # Kin and those one cares for before a name, in English and other languages.
        ("His granddaughter Tiponi drove him in.", "Tiponi"),
        ("Her aunty Mele lives nearby.", "Mele"),
        ("Trajo a su hija Nayeli a la cita.", "Nayeli"),
        ("Patient Mugisha was seen on Monday.", "Mugisha"),
        ("Grandma Tsosie brought fry bread.", "Tsosie"),
        # Terms of respect after a name, of South Asia, Korea and Hungary.
        ("Suresh anna, the driver, waited outside.", "Suresh"),
        ("Ram Prasad dai noticed first.", "Ram Prasad"),
        ("Szabó doktor úr disagreed.", "Szabó"),
        # What only a person does or has done to them, after a word of no list or a name-word.
        ("Thandiwe wouldn't come in.", "Thandiwe"),
        ("Tinotenda stopped taking it in June.", "Tinotenda"),
        ("Blessing was discharged on Friday.", "Blessing"),
        ("Precious is the only one of us who remembers.", "Precious"),
        ("Tawanda, who trained with me, thinks so too.", "Tawanda"),
        # A day's name that speaks is a person named for the day.
        ("Monday said he would come back.", "Monday"),
        # A name typed small after words said to a person, in otherwise capitalised text.
        ("It ran over, sorry fiachra. He was kind.", "fiachra"),
    ],
)
def test_names_with_these_cues_are_found(text: str, name: str) -> None:
    assert any(name in found for found in _names(text)), _names(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ring Mei Ling after lunch.", "Ring"),  # a verb before a romanised name
        ("Ask Ji-ho about the rota.", "Ask"),
        ("I came in on Monday and left.", "Monday"),
        ("The session with sertraline went fine.", "sertraline"),
        ("A chat with whanau helped.", "whanau"),
        ("We shared ugali with aroha and tikanga. It was good.", "aroha"),  # "with" and words of other languages
    ],
)
def test_words_beside_those_cues_are_no_names(text: str, kept: str) -> None:
    assert not any(kept in name for name in _names(text)), _names(text)


def test_a_name_that_runs_into_a_ward_keeps_its_part() -> None:
    text = "Trajo a su nieto Beto al Pabellón 4 de Psiquiatría."
    assert _names(text) == ["Beto"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Khun Somsak waited by the door.", "Khun Somsak"),
        ("Daw Khin Myint brought the forms.", "Daw Khin Myint"),
        ("Woizero Tigist translated for us.", "Woizero Tigist"),
        ("Bu Ratna and Pak Hendra came together.", "Bu Ratna"),
        ("Ask Dra. Lucía Pérez about the letter.", "Dra. Lucía Pérez"),
        ("Mwalimu Juma rang the school.", "Mwalimu Juma"),
    ],
)
def test_titles_of_more_regions_go_with_the_name(text: str, name: str) -> None:
    assert name in _names(text), _names(text)


def test_a_surname_that_is_a_title_elsewhere_stays_in_the_name() -> None:
    assert _names("Shirin Begum and her son came in.") == ["Shirin Begum"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kalani's tutu rang on Tuesday.", "Kalani"),  # kin in the words of other languages
        ("Yaretzi's abuela came in.", "Yaretzi"),
    ],
)
def test_a_name_before_kin_of_other_languages_is_found(text: str, name: str) -> None:
    assert name in _names(text), _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Yerlan was quiet all session.", "Yerlan"),  # how a person seems
        ("Mthunzi seemed flat today.", "Mthunzi"),
        ("Gulnara and her mother came in.", "Gulnara"),  # her own kin after "and"
        ("I worry about Losana.", "Losana"),  # a worry about someone
    ],
)
def test_a_single_name_is_found_by_how_a_person_seems(text: str, name: str) -> None:
    assert name in _names(text), _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lisbon feels very far from here.",  # feeling alone says nothing: a town may feel far
        "Honesty felt dangerous in that room.",
    ],
)
def test_a_word_that_feels_is_not_therefore_a_person(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # How others call a person.
        ("At home they call her Lulu, and she laughs.", "Lulu"),
        ("He goes by Ah-Kit on the ward.", "Ah-Kit"),
        # A nickname in quotes just after a name.
        ('Jean-Luc ("JL") came early.', "JL"),
        ('The boy is Sushanta Das, "Bapi" to his family.', "Bapi"),
        # Kin before a given name that is an everyday word, a day or a season.
        ("Her granddaughter Summer rang twice.", "Summer"),
        # A name with kin after it, set off by commas.
        ("Hazel Brook, his niece, drove him in.", "Hazel Brook"),
        # A name and the job that tells who they are.
        ("Then Monday the cleaner found the note.", "Monday"),
        # A term of respect run into a name.
        ("I asked Guptaji about the lift.", "Guptaji"),
        # A given name of two parts joined by a hyphen.
        ("Marie-Claire brought the forms.", "Marie-Claire"),
    ],
)
def test_a_name_told_by_the_words_around_it_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the cleaner found the note.",
        "We called them Tuesday about it.",
        "Our daughter Service is a charity's name here.",
        "He said, 'Sorry' and left.",
    ],
)
def test_a_day_or_a_word_with_no_strong_cue_is_no_name(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A profession as a title.
        ("Call Engr. Adebayo after four.", "Engr. Adebayo"),
        ("Atty. Villanueva sent the papers.", "Atty. Villanueva"),
        # A Chinese term of respect after a surname.
        ("Zhou laoshi met the family.", "Zhou"),
        # A particle inside a name after initials; an initial of two letters after a title.
        ("Dr. M. Ó Súilleabháin came in.", "Dr. M. Ó Súilleabháin"),
        ("Dr. Gh. Rostami signed it.", "Dr. Gh. Rostami"),
        # Malay "binte" between a given name and a father's.
        ("Siti Hajar binte Osman joined the group.", "Siti Hajar binte Osman"),
        # A rank before a surname that names a place too.
        ("Sergeant Lancaster was at the gate.", "Sergeant Lancaster"),
    ],
)
def test_titles_particles_and_initials_of_more_languages_go_with_the_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_sentence_after_a_short_surname_is_no_part_of_it() -> None:
    assert _names("We saw Dr Wu. Then we left.") == ["Dr Wu"]


def test_a_name_typed_small_where_a_sentence_starts_before_a_persons_verb_is_found() -> None:
    assert "jussi" in _names("We talked it through. jussi from days said the same.")


@pytest.mark.parametrize("text", ["It was fine. staff said no.", "Done. amhp rang back.", "Done. he said no."])
def test_a_word_or_a_role_typed_small_where_a_sentence_starts_is_no_name(text: str) -> None:
    assert _names(text) == []
