from __future__ import annotations

from pathlib import Path

import pytest

from rct_workbook.journal.deidentify import Redactor, fold, locate, names_in, scan
from rct_workbook.render.formats import JOURNAL
from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess, make_vignette

SAMPLES = [
    ("email", "write to ana.lopez+work@clinic.example.org today", "ana.lopez+work@clinic.example.org"),
    ("url", "see https://intranet.example.org/cases?id=7 for it", "https://intranet.example.org/cases?id=7"),
    ("url", "or www.example.com", "www.example.com"),
    ("ip", "the server 192.168.10.24 logs it", "192.168.10.24"),
    ("phone", "call (617) 555-0142 after five", "(617) 555-0142"),
    ("phone", "or +44 20 7946 0958", "+44 20 7946 0958"),
    ("date", "on 2026-03-12 we met", "2026-03-12"),
    ("date", "on 12/03/2026 we met", "12/03/2026"),
    ("date", "on 3rd March we met", "3rd March"),
    ("date", "on March 3, 2026 we met", "March 3, 2026"),
    ("date", "in March 2026 we met", "March 2026"),
    ("number", "the code 48213377 was wrong", "48213377"),
    ("record", "see MRN 48213377 first", "MRN 48213377"),
    ("record", "the case #2291-B review", "case #2291-B"),
    ("record", "NHS number 943 476 5919 was", "NHS number 943 476 5919"),
    ("phone", "the mobile 07700 900123 rang", "07700 900123"),
    ("phone", "or +1 415 555 0199 in the US", "+1 415 555 0199"),
    ("address", "she lives at 14 Larkspur Lane now", "14 Larkspur Lane"),
    ("address", "stays at Flat 3, 47 Rosebery Avenue with her aunt", "Flat 3, 47 Rosebery Avenue"),
    ("postcode", "lives near SW1A 1AA", "SW1A 1AA"),
    ("postcode", "zip 02139 area", "02139"),
    ("name", "Dr. Ramirez said no", "Dr. Ramirez"),
    ("name", "ask Prof Helen Wu", "Prof Helen Wu"),
    ("name", "yesterday Keisha Brathwaite said no", "Keisha Brathwaite"),
    ("name", "Bernadette covered my shift", "Bernadette"),
]


@pytest.mark.parametrize(("kind", "text", "value"), SAMPLES)
def test_each_kind_is_found(kind: str, text: str, value: str) -> None:
    found = scan([("here", text)], region="GB")
    assert [(f.kind, f.value) for f in found] == [(kind, value)]
    assert f"»{value}«" in found[0].context


def test_years_and_small_numbers_are_not_flagged() -> None:
    assert scan([("here", "In 2019 we had 12 staff and 3 teams; by 2021, 40 clients a week.")]) == []


def test_listed_names_are_found_anywhere() -> None:
    found = scan([("a", "Lunch with ana lopez and Bo"), ("b", "Ana Lopez's idea")], names=["Ana Lopez", "Bo"])
    assert [(f.kind, f.value, f.where) for f in found] == [("name", "ana lopez", "a"), ("name", "Bo", "a")]


def test_names_in_answers_that_list_people() -> None:
    assert names_in("A former classmate, Ana Lopez; my peer group and Dr Bo Chen") == ["Ana Lopez", "Dr Bo Chen"]
    assert names_in("The team and my supervisor") == []


def test_redactor_stable_placeholders_for_every_kind() -> None:
    r = Redactor(["Ana"], [("email", "a@b.org"), ("date", "12 March"), ("email", "c@d.org")])
    out = r.text("Ana wrote from a@b.org on 12 March; ANA's other address is c@d.org, again a@b.org")
    assert (
        out == "[Person A] wrote from [Email 1] on [Date 1]; [Person A]'s other address is [Email 2], again [Email 1]"
    )


@pytest.fixture
def flagged(rct_home: Path) -> str:
    return entry_id(
        make_assess(
            "2026-03-12",
            risks="Dr. Ramirez may call me at (617) 555-0142; see record 48213377.",
            allies="Bo Chen and Ana",
            kept_out="PRIVATE-SENTINEL about Ramirez",
        )
    )


def test_check_lists_and_exits_1(run: Run, flagged: str, rct_home: Path) -> None:
    before = {p.name: p.read_bytes() for p in (rct_home / "journal").iterdir()}
    result = run("journal", "export", flagged, "--check")
    assert result.exit_code == 1
    out = result.stdout
    for line in (
        "phone number: (617) 555-0142",
        "record number: record 48213377",
        "name: Dr. Ramirez",
        "name: Bo Chen",
        "name: Ana",
    ):
        assert line in out, line
    assert out.rstrip().endswith("decide with --redact-flagged or --keep-flagged, or review in a terminal.")
    assert "PRIVATE-SENTINEL" not in out  # private answers are not exported, so not scanned
    assert {p.name: p.read_bytes() for p in (rct_home / "journal").iterdir()} == before


def test_check_resolved_and_clean(run: Run, flagged: str, rct_home: Path) -> None:
    assert run("journal", "export", flagged, "--check", "--redact-flagged").exit_code == 0
    clean_id = entry_id(make_vignette("2026-04-01", "paula", own_setting_echo="Our unit is calm now."))
    result = run("journal", "export", clean_id, "--check")
    assert result.exit_code == 0
    assert result.stdout == "No possible identifiers found.\n"


def test_non_interactive_export_needs_a_decision(run: Run, flagged: str) -> None:
    result = run("journal", "export", flagged)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("rct: 5 possible identifiers need a decision before export:")


def test_redact_flagged_removes_every_identifier(run: Run, flagged: str) -> None:
    result = run("journal", "export", flagged, "--redact-flagged")
    assert result.exit_code == 0, result.stderr
    doc = result.stdout
    for secret in ("Ramirez", "555-0142", "48213377", "Bo Chen", "PRIVATE-SENTINEL"):
        assert secret not in doc, secret
    assert "Reviewed for identifying details on " in doc and ": 5 found and redacted." in doc
    assert "private answer" in doc  # the footer says private answers were withheld


def test_include_private_adds_private_answers(run: Run, flagged: str) -> None:
    result = run("journal", "export", flagged, "--keep-flagged", "--include-private")
    assert "PRIVATE-SENTINEL" in result.stdout
    assert "withheld" not in result.stdout


def test_names_file_in_data_root_is_watched(run: Run, rct_home: Path) -> None:
    ident = entry_id(make_assess("2026-03-12", risks="Talking with Quentin is hard"))
    (rct_home / "names.txt").write_text("# people to watch for\nQuentin\n")
    out = run("journal", "export", ident, "--check").stdout
    assert "name: Quentin" in out


# -- regression tests, one per defect of issue 12 ----------------------------------------


def test_a_title_alone_is_never_a_name() -> None:
    found = scan([("here", "Ms and Mr on the forms. I asked the Dr on call. Ms. Then Dr Okafor came.")])
    assert [(f.kind, f.value) for f in found] == [("name", "Dr Okafor")]


def test_title_and_name_redact_as_one_person() -> None:
    r = Redactor(["Dr. Okafor", "Ms Lindqvist"])
    out = r.text("Dr. Okafor agreed. Ms Lindqvist, the psychologist, did not; Okafor's reply came later.")
    assert out == "[Person A] agreed. [Person B], the psychologist, did not; [Person A]'s reply came later."


def test_one_person_one_placeholder() -> None:
    found = scan([("a", "My supervisor Jonah Reyes listens."), ("b", "When Jonah asks, Reyes waits.")])
    names = [f.value for f in found if f.kind == "name"]
    assert names == ["Jonah Reyes", "Jonah", "Reyes"]
    r = Redactor(names)
    assert r.text("Jonah Reyes, Jonah, Dr Reyes") == "[Person A], [Person A], [Person A]"


def test_placeholders_follow_people_not_spellings() -> None:
    r = Redactor(["Maya", "Keisha Brathwaite", "Brathwaite", "Keisha", "Bo"])
    assert r.text("Keisha and Maya; Bo; Ms Brathwaite") == "[Person B] and [Person A]; [Person C]; [Person B]"


def test_uk_mobile_is_one_phone_number_not_a_postcode() -> None:
    for region in ("GB", "US"):
        found = scan([("here", "She called on 07700 900123 to cancel.")], region=region)
        assert [(f.kind, f.value) for f in found] == [("phone", "07700 900123")]


@pytest.mark.parametrize(
    "text",
    [
        "Two colleagues have left. Three asked if I was all right.",
        "Monday was the worst day; Grand Rounds ran over by 15 minutes.",
        "I rated zest 3 of 5, up from two in March. Since 2019 the clinic has shrunk.",
        "Growth happens in connection (Miller, 1986), as Hartling and Sparks describe.",
        "Hartling & Sparks (2002) and Jordan et al. name the cost.",
        "CBT, DBT and EMDR were in the plan. During handover I rushed.",
        "Today I sat in the car. Later, on Tuesday, I went in. Hope is hard.",
        "Will you come? May was a blur. In June the rota changes.",
        # Look-alikes of the record and link shapes: lab tests, scores, codes, a missing space.
        "B12 was low, NEWS2 was 3 and COVID-19 is still about.",
        "I was tired.so I went home; e.g. the rota, i.e. nights.",
    ],
)
def test_decoys_are_not_identifiers(text: str) -> None:
    assert scan([("here", text)], not_names=["Hartling", "Sparks", "Miller", "Jordan"]) == []


def _names(text: str) -> list[str]:
    return [f.value for f in scan([("here", text)]) if f.kind == "name"]


@pytest.mark.parametrize(
    "text",
    [
        "I was in Sydney for the conference and slept badly.",
        "We met in the Grace room again; the Faith room was booked all week.",
        "The Hope room and the Faith suite are both on the second floor.",
        "Hope, Faith and Charity are the rooms nobody books.",
        "The letter went to 3 Elm Street, Cambridge by mistake.",
        "She moved near Austin last spring, and the team in Chelsea took over.",
        "Victoria station was shut again. In Dublin the same service has twice the staff.",
        "The board meets in Austin House; the Lincoln team is merging with ours.",
    ],
)
def test_places_and_rooms_named_like_people_are_not_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("I talked with Grace after the meeting.", ["Grace"]),
        ("Faith said she would cover the late clinic.", ["Faith"]),
        ("I confided in Maya, which I rarely do.", ["Maya"]),
        ("Sydney said she was worried about me.", ["Sydney"]),
        ("I asked Grace Hall and Maya Lane to the group.", ["Grace Hall", "Maya Lane"]),
    ],
)
def test_people_with_those_names_are_still_found(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Nguyen said the rota was fixed.", ["Nguyen"]),
        ("Nguyen Van Minh from pharmacy stayed late.", ["Nguyen Van Minh"]),
        ("Nguyen Thi Mai was kind to the family.", ["Nguyen Thi Mai"]),
    ],
)
def test_a_vietnamese_name_at_a_sentence_start_is_found_whole(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_a_name_no_list_knows_keeps_its_surname_before_a_verb() -> None:
    # "Thabo" is in no list of the workbook; the verb after says both words are one person.
    assert _names("Thabo Nkosi was admitted overnight.") == ["Thabo Nkosi"]
    assert _names("Keep Maya and the group close.") == ["Maya"]


def test_given_names_are_found_with_or_without_accents() -> None:
    assert _names("On nights, Tomás flagged it and Zoë agreed.") == ["Tomás", "Zoë"]
    assert fold("Sørensen") == "sorensen" and fold("Łukasz") == "lukasz"


# -- Issue 21: names of any origin, places and units, records, no partial catches, look-alikes.


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in scan([("here", text)], region="GB")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A capitalised word that is no English word, after a cue or before a role.
        ("I spent the evening with Eithne going over the notes.", "Eithne"),
        ("I handed the file to Wairimu before I left.", "Wairimu"),
        ("Zawadi at the front desk saw him come in.", "Zawadi"),
        ("Tipene from Housing Support rang back.", "Tipene"),
        # Two such words in a row, wherever they stand.
        ("Then Tiihoni Marangai stayed late with me.", "Tiihoni Marangai"),
        # A title and initials; titles of several languages, before and after the name.
        ("Dr. K. V. Raghunathan took the family meeting.", "Dr. K. V. Raghunathan"),
        ("Mme Brossard from the school phoned.", "Mme Brossard"),
        ("Gogo Ndlovu brought the children.", "Gogo Ndlovu"),
        ("Officer Wiśniewski stayed for the whole assessment.", "Officer Wiśniewski"),
        ("I went to see Chaudhary sir about the leave.", "Chaudhary"),
        ("Whaea Ripeka opened with a karakia.", "Whaea Ripeka"),
        ("Frau Oberholzer was there too.", "Frau Oberholzer"),
        ("I told Prakash-ji that I needed a day.", "Prakash"),
        # The verb that starts a sentence is not part of the name.
        ("Meet Ataahua Paewai about the rota.", "Ataahua Paewai"),
        # Kin after a possessive, a name set off by commas after a role, a person's verb.
        ("Nkosana's dad phoned the unit.", "Nkosana"),
        ("The interpreter, Shabnam, caught what I missed.", "Shabnam"),
        ("Tsegaye arrived an hour early.", "Tsegaye"),
    ],
)
def test_names_of_any_origin_are_found_whole(text: str, name: str) -> None:
    assert ("name", name) in _found(text)


def test_a_lowercase_name_after_a_cue_or_named_elsewhere_is_found() -> None:
    assert ("name", "deepa") in _found("need to ask deepa about the rota.")
    found = scan([("a", "Nomsa Zulu covered the clinic."), ("b", "thank nomsa on monday")], region="GB")
    assert {f.value for f in found if f.kind == "name"} >= {"Nomsa Zulu", "nomsa"}


def test_a_lowercase_name_in_casual_typing_and_a_one_word_name_elsewhere_are_found() -> None:
    # Typed without capitals: after "with" a word of no list, and one joined to it by "and".
    assert {v for k, v in _found("catch up with sipho and naledi tomorrow") if k == "name"} == {"sipho", "naledi"}
    # A one-word name of no English word, found once, is found again in lower case.
    text = "Talk to Whetu about cover. Later whetu said the rota is fine."
    spans = locate([text], region="GB")[0]
    assert [text[s.start : s.end] for s in spans if s.kind == "name"] == ["Whetu", "whetu"]


@pytest.mark.parametrize(
    "text",
    ["swapped olanzapine and sertraline, with food", "went to tesco and asda with the kids then home"],
)
def test_casual_typing_keeps_drugs_and_shops_with_no_persons_cue(text: str) -> None:
    assert _found(text) == []


def test_two_words_at_a_sentence_start_the_second_of_no_list_are_a_name() -> None:
    # The first word is a town somewhere too; the second is no word, place or given name.
    assert ("name", "Rewa Tipoki") in _found("Rewa Tipoki disagreed with me in front of everyone.")


@pytest.mark.parametrize(
    "text",
    [
        "I went back to the Warden about the lockdown.",
        "The Dean's cabinet meets on Friday.",
        "It landed on the Principal's head, as always.",
        "The Correctional Service review is due in the spring.",
        "I've told the police twice that we need a liaison officer.",
        "Her English is better than my French.",
        "The family from Oaxaca came back; Nairobi is far away.",
        "Medicaid will not cover the second assessment.",
        "Amma said I should rest.",
        "Diwali leave was approved.",
    ],
)
def test_roles_institutions_places_and_festivals_are_not_people(text: str) -> None:
    assert [v for k, v in _found(text) if k == "name"] == []


def test_a_name_found_once_never_rewrites_the_everyday_word_elsewhere() -> None:
    redactor = Redactor(["Principal", "Faith"])
    text = "I replaced the principal worry; I have faith in the team. Principal Okafor and Faith agreed."
    assert redactor.text(text) == (
        "I replaced the principal worry; I have faith in the team. [Person A] Okafor and [Person B] agreed."
    )


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("He was moved to Ward 7B overnight.", "place", "Ward 7B"),
        ("Our team moved to Larchwood Unit in the autumn.", "place", "Larchwood Unit"),
        ("She was on 5 West for a week.", "place", "5 West"),
        ("The Butterfly Ward staff made a card.", "place", "Butterfly Ward"),
        ("the Riverside Clinic waiting room", "place", "Riverside Clinic"),
        ("His FPS number is 348921D.", "record", "FPS number is 348921D"),
        ("It is in folder KH 0087/19 somewhere.", "record", "folder KH 0087/19"),
        ("Prisoner A4721BK was moved.", "record", "Prisoner A4721BK"),
        ("Her NHS No. 943 812 7705 is on the letter.", "record", "NHS No. 943 812 7705"),
        ("Medicare 2953 41872 1 on the card.", "record", "Medicare 2953 41872 1"),
        ("His student number 20418837 is on file.", "record", "student number 20418837"),
        ("The page is bit.ly/3xKq9Lm, for the carers.", "url", "bit.ly/3xKq9Lm"),
        ("See waratahyouthhub.org.au for times.", "url", "waratahyouthhub.org.au"),
        ("We spoke on the 21st about it.", "date", "the 21st"),
        ("I rang on Tuesday 14/10 and again later.", "date", "Tuesday 14/10"),
        # The town goes with the street: no part of an address is left in the clear.
        ("She lives at 2261 Kingsway, Vancouver, now.", "address", "2261 Kingsway, Vancouver"),
        (
            "Visit at No. 23, 4th Cross, Indiranagar, Bengaluru 560038 postponed.",
            "address",
            "No. 23, 4th Cross, Indiranagar, Bengaluru 560038",
        ),
        ("Her Eircode is D02 X285, she said.", "postcode", "D02 X285"),
        ("Write to P.O. Box 1180-80100, Mombasa for now.", "address", "P.O. Box 1180-80100, Mombasa"),
        ("She lives at 2/17 Hinemoa Street, Whanganui, with her son.", "address", "2/17 Hinemoa Street, Whanganui"),
        ("His IP 31/0092 went missing.", "record", "IP 31/0092"),
        ("They moved to 9 Macquarie Place, Dubbo NSW 2830 last month.", "address", "9 Macquarie Place, Dubbo NSW 2830"),
        # Any public suffix, not a short list of them: ".gle", ".page", ".ie", a path or none.
        ("The sign-up is forms.gle/Qw81tZ, sent to all.", "url", "forms.gle/Qw81tZ"),
        ("Book at booking.kauri-wellbeing.nz today.", "url", "booking.kauri-wellbeing.nz"),
        ("The notes are at clinicnotes.page/r/77x.", "url", "clinicnotes.page/r/77x"),
        # Any scheme's acronym before "number" or "no." is a record label; a letter after the digits goes too.
        ("His NI number AB 12 34 56 D was wrong.", "record", "NI number AB 12 34 56 D"),
        ("TFN no. 123 456 782 on the form.", "record", "TFN no. 123 456 782"),
        ("The hospital no. given as K0012345 was old.", "record", "hospital no. given as K0012345"),
        ("She is in bed 7C now.", "record", "bed 7C"),
        # Capitals and four digits in one token: a record number with no label at all.
        ("Quote XJ20419 when you ring.", "record", "XJ20419"),
        ("The card says 5521-880-417-MB on it.", "record", "5521-880-417-MB"),
        # A suite or flat after the street, then town, state and ZIP: the whole address.
        (
            "She moved to 88 Birch Avenue, Suite 210, Dayton, OH 45402 last year.",
            "address",
            "88 Birch Avenue, Suite 210, Dayton, OH 45402",
        ),
    ],
)
def test_places_units_records_links_days_and_addresses(text: str, kind: str, value: str) -> None:
    assert (kind, value) in _found(text)


def test_maya_ward_is_a_person_and_the_stone_center_no_place() -> None:
    assert ("name", "Maya Ward") in _found("Yesterday Maya Ward said the rota was fixed.")
    assert _found("The Stone Center tradition holds that growth happens in connection.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She moved to 1150 W Baseline, Tempe, AZ 85281 last year.", "She moved to [Address 1] last year."),
        ("The number MW-07700 900123 was on the file.", "The number [Phone 1] was on the file."),
        ("Maya2 said hi, then Maya left.", "[Person A] said hi, then [Person A] left."),
        ("Links: see bit.ly/3xKq9Lm, then stop.", "Links: see [Link 1], then stop."),
        ("Go to https://example.org/a, then stop.", "Go to [Link 1], then stop."),
    ],
)
def test_no_partial_catches(text: str, expected: str) -> None:
    found = scan([("here", text)], region="GB")
    redactor = Redactor(
        [f.value for f in found if f.kind == "name"], [(f.kind, f.value) for f in found if f.kind != "name"]
    )
    assert redactor.text(text) == expected


def test_the_role_line_printed_on_every_handout_page_is_de_identified(run: Run) -> None:
    ident = entry_id(make_assess("2026-03-12", role="Lead psychologist on Harbourview Ward 9, bleep 4471"))
    check = run("journal", "export", ident, "--check")
    assert "ward, unit or service name: Harbourview Ward 9\n" in check.stdout
    assert "phone number: bleep 4471\n" in check.stdout
    for form in JOURNAL.names():
        shared = run("journal", "export", ident, "--redact-flagged", "--format", form)
        assert shared.exit_code == 0, shared.stderr
        shown = " ".join(shared.stdout.split())  # as read, whatever the format's line breaks
        assert "Harbourview" not in shown and "4471" not in shown
        assert "Lead psychologist on" in shown
