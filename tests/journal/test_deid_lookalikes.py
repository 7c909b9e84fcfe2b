"""Look-alikes of names that are no person: languages and peoples, organisations, places (issue 21).

The examples are made up for this file and none comes from the measured sets: languages and
peoples come from CLDR through Babel, organisations from the words around them.
"""

from __future__ import annotations

import pytest

from rct_workbook.journal.deidentify import locate, peoples


def _names(*texts: str) -> list[str]:
    located = locate(list(texts), region="GB")
    return [t[s.start : s.end] for t, spans in zip(texts, located, strict=True) for s in spans if s.kind == "name"]


def test_languages_and_peoples_come_from_cldr() -> None:
    words = peoples()
    # Languages of several continents, and peoples made from CLDR's country names.
    for word in ("german", "dutch", "yoruba", "xhosa", "maori", "tagalog", "kenyan", "nigerian", "scottish"):
        assert word in words
    # A language that is a common given name too stays a possible name.
    assert "swati" not in words
    assert "shona" not in words


@pytest.mark.parametrize(
    "text",
    [
        "Portuguese was the language at home, and Danish at school.",
        "Dutch bluntness, he calls it.",
        "Kenyan nurses covered the whole night.",
        "Leeds was quiet, and Berlin felt cold.",
        "She is Yoruba and her husband is Igbo.",
        "We found a Tagalog interpreter in the end.",
    ],
)
def test_a_language_or_people_is_no_name(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "NHS Grampian wrote to us again.",
        "HSE South sent the forms twice.",
        "Veterans Affairs called back on Friday.",
        "Oregon Medicaid refused the claim.",
        "The Department of Social Development phoned about it.",
        "Ministerio de Sanidad sent new guidance.",
        "Hauora Tairāwhiti asked for the numbers.",
        "Kāinga Ora were slow to answer.",
        # Two everyday words, neither a given name, at a sentence's start; a role.
        "Legal Aid said no to the appeal.",
        "Registrar said to wait for the bloods.",
        "Medicare Levy went up again.",
    ],
)
def test_an_organisation_is_no_name(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Medicines by their international names' endings, which no dictionary lists.
        "Quetiapine and Venlafaxine were both reviewed.",
        "Paliperidone was started, then Aripiprazole was stopped.",
        # A condition named after someone, after "his", "my", "their".
        "His Parkinson's was worse by the spring.",
        "Their Asperger's assessment took a year.",
        "My Crohn's flared the week of the audit.",
    ],
)
def test_medicines_and_eponymous_conditions_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A family name first, as in Chinese, Korean or Vietnamese, is no verb to drop.
        ("Zhou Wei and Li Na joined the group.", "Zhou Wei"),
        # "in" after "loop" or "bring" is no place.
        ("We need to loop in Ifeoma before Friday.", "Ifeoma"),
    ],
)
def test_whole_names_in_other_orders_and_phrases(text: str, name: str) -> None:
    assert name in _names(text)


def test_an_own_name_after_my_is_still_a_name() -> None:
    assert _names("My Siobhan's always there for me.") == ["Siobhan"]


def test_a_word_before_a_place_noun_is_a_place_in_the_whole_export() -> None:
    texts = ("The transfer letter came from Taranaki.", "Taranaki hospital discharged her late.")
    assert _names(*texts) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Swati said she would cover the group.", "Swati"),
        ("I planned the session with Shona.", "Shona"),
        ("Jordan said the rota was wrong.", "Jordan"),
        ("Baker said the rota was wrong.", "Baker"),
        ("Grace Wood said she would cover.", "Grace Wood"),
        ("Tom and Wiremu were late again.", "Wiremu"),
        ("Ngozi and Kemal are both leaving.", "Kemal"),
        ("We spoke German with Kemal's mum.", "Kemal"),
        ("Tamati came back from Rotorua school.", "Tamati"),
        ("Ask Sione from Corrections about the visit.", "Sione"),
        # Only a person feels, or is the charge nurse, even with a town's name somewhere.
        ("Aigul was upset after the round.", "Aigul"),
        ("Ngozi, the charge nurse, backed me up.", "Ngozi"),
        ("Tui laughed at the new rota.", "Tui"),
    ],
)
def test_names_beside_these_cues_are_still_found(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_name_given_on_purpose_is_never_taken_for_a_place() -> None:
    texts = ("Mahina school was where we met.", "Mahina said hello.")
    located = locate(list(texts), ["Mahina"], region="GB")
    assert [texts[1][s.start : s.end] for s in located[1]] == ["Mahina"]


@pytest.mark.parametrize(
    "text",
    [
        "Balochistan and Khyber Pakhtunkhwa figures are kept apart.",
        "Nyanza cases rose, and Gauteng stayed flat.",
        "Referrals from Oromiya rose again.",
        # A word of no list joined by "and" to a region, with no person's cue, is a place too.
        "Mpumalanga and Karamoja figures differ.",
    ],
)
def test_a_countrys_region_is_no_name(text: str) -> None:
    assert _names(text) == []


def test_a_region_that_is_a_given_name_stays_a_possible_name() -> None:
    assert _names("Clare said the group had moved.") == ["Clare"]


def test_bantu_languages_with_their_prefix_come_from_cldr() -> None:
    words = peoples()
    for word in ("kiswahili", "isizulu", "sesotho", "kinyarwanda", "luganda"):
        assert word in words


@pytest.mark.parametrize(
    "text",
    [
        # A language by its neighbours, where no list knows it or it is a given name too.
        "She speaks Cantonese and Teochew with her gran.",
        "He is fluent in Pashto and some Hazaragi.",
        "We need a Tigrinya interpreter, or Saho.",
        "Her mum is Shona-speaking.",
        # A language by its words.
        "The leaflet is in Bahasa Indonesia now.",
        "The boys speak Kimberley Kriol at home.",
        "Her dad speaks Jamaican Patois.",
        "Signs went up in Scots and Ulster Scots.",
        # A public body of another language, a programme, an app.
        "Kementerian Kesihatan sent the letter.",
        "Pradhan Mantri Awas Yojana paid for the roof.",
        "Hauora Tairāwhiti and Whānau Ora both came.",
        "Medicare said the claim was late.",
        "We talked on WhatsApp, then Signal, then Teams.",
        # A word run together from everyday words is a product, whatever its name.
        "She checks MyChart and shared the GoFundMe.",
        # Offices of other languages, and languages by what is done in them.
        "Sozialamt came on Monday, then the Krankenkasse rang.",
        "Previdência Sociale said no.",
        "Alberta Works cut her cheque.",
        "He translates into Hiri Motu and Bislama.",
        "She switched to Kreyòl with her mum.",
        "He always prays in Gurmukhi.",
        # Two words joined by "and" before a verb for one: one body, not two people.
        "Because Swansea and Neath never says thank you, we said it.",
    ],
)
def test_languages_bodies_and_apps_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I spoke with Dari Haidari after the group.", "Dari Haidari"),
        ("Shona and Tendai were both there.", "Shona"),
        ("Hannah English rang about the rota.", "Hannah English"),
        ("Tom and Maya were late again.", "Maya"),
        # Names with a capital inside, a part of each no word.
        ("I met DeShawn McDonald and LaToya MacKenzie.", "DeShawn McDonald"),
        ("I met DeShawn McDonald and LaToya MacKenzie.", "LaToya MacKenzie"),
    ],
)
def test_a_name_beside_a_language_word_is_still_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Subutex and Narcan were both in his bag.",  # brand names, in no dictionary
        "She asked whether Clonazepam would help.",
        "Tomó Quetiapina toda la semana.",  # the Spanish form of quetiapine
        "O Lítio foi suspenso na terça.",  # Portuguese lithium, "t" for "th"
        "Er nimmt Sertralin seit Mai.",  # the German form
    ],
)
def test_a_medicine_is_no_name(text: str) -> None:
    assert _names(text) == []


def test_a_medicine_that_is_a_given_name_stays_a_possible_name() -> None:
    from rct_workbook.journal.deid_words import is_medicine, medicine_names

    # Brand names that are given names somewhere are left out of the list when it is read.
    assert "camila" not in medicine_names()
    assert not is_medicine("Camila")
    assert _names("Then Camila rang me back.") == ["Camila"]


@pytest.mark.parametrize(
    "text",
    [
        # A generic head of a body's, scheme's or therapy's name, first or last, in several languages.
        "The referral went to Solent Talking Therapies last week.",
        "We started Cognitive Processing Therapy on Monday.",
        "Police Wales brought her in after midnight.",
        "La Secretaría de Bienestar manda el formato.",
        "Çalışma ve Sosyal Güvenlik Bakanlığı rules changed again.",
        "The JKN Kesehatan card was accepted.",
        "Bolsa Escola paid for the uniform.",
        # The rest of a ministry's name after "and", and a scheme one is covered under.
        "The Ministry of Labour and Social Protection sent a letter.",
        "They are covered under Pradhan Mantri Yojana now.",
        "The Sehat Insaf card covers it.",
        # A service's name run together from everyday words, with its region after.
        "Telecare Manitoba rang back within the hour.",
        "Telehealth Yukon was the first call.",  # a prefix of a service reached from afar
        "She found Headline through a poster.",
        # A title and everyday words that end in a role; a named period.
        "The Lady Health Visitor knew the family.",
        "Everything stops for Golden Week here.",
        # A body named beside another.
        "Medicaid and Medi-Plus both said no.",
    ],
)
def test_institutions_schemes_and_therapies_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She spoke mostly in Ndau with her sister.",  # an adverb between the verb and "in"
        "Her Ndau is still rusty, she says.",  # how well one speaks it
        "He told me, in Ndau and then in English, to sit.",
        "We heard Te Reo Tongan and Kaupapa Samoan at the fono.",  # a people's word after words of no name
        "They spoke Sichuanese at home.",  # the speech of a region, by its ending
        "She speaks Central Atlas Tamazight and French.",
        "Our team counselor and the Behavioral Health nurse met.",  # American spellings are English
    ],
)
def test_languages_and_everyday_words_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jamie English said he would call.", "Jamie English"),  # a given name before a people's word
        ("I told Goodwin about the plan.", "Goodwin"),  # words run together that no service ends with
        ("Lady Amelia Hartwell visited on Friday.", "Lady Amelia Hartwell"),  # a title and a person
    ],
)
def test_people_near_those_words_are_still_people(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_surname_that_is_a_peoples_word_stays_a_name() -> None:
    assert _names("Thandeka Zulu covered the clinic.") == ["Thandeka Zulu"]


@pytest.mark.parametrize(
    "text",
    [
        "KiwiSaver and StudyLink both wrote.",  # a capital inside before a service's word
        "Arbeitsamt and Jobcentre both wanted forms.",  # offices joined by "and"
        "Ngāti Kahungunu and Ngāi Te Rangi hui were held.",  # iwi: the descendants of …
        "The St Brigid's choir sang; Saint Anselm's was shut.",  # a saint's name is a church's
    ],
)
def test_services_offices_peoples_and_saints_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Oranga refused the referral twice.",  # what a body does with papers
        "Sickfund stopped paying in March.",
        "Workcover won't cover the sessions.",
    ],
)
def test_a_body_that_refuses_papers_or_money_is_no_person(text: str) -> None:
    assert _names(text) == []


def test_a_body_named_like_a_person_with_a_plural_verb_is_no_person() -> None:
    assert _names("Hywel Dda have a new lead for the unit.") == []
    # One person in a question, after a modal, or spoken to.
    assert _names("Did Maya Patel have her lunch?") == ["Maya Patel"]
    assert _names("Maya Patel have you seen her?") == ["Maya Patel"]


@pytest.mark.parametrize(
    "text",
    [
        # A body's name before a plural verb with an adverb between.
        "Cwm Taf Morgannwg still haven't sent the forms.",
        # A body's name ending in a word for care or a service, in English and German.
        "West Cork Community Healthcare owe us a letter.",
        "Der Sozialmedizinischer Dienst rang back.",
        # A body, a word for a body inside and its country last.
        "Tanya from Veterans Affairs Canada said no.",
        # A group or its worker named after a people or a place.
        "The Pasifika liaison came at ten.",
        "Tongan association meets on Sunday.",
    ],
)
def test_bodies_and_groups_named_by_peoples_and_places_are_no_people(text: str) -> None:
    lookalike = {
        "Cwm Taf Morgannwg",
        "West Cork Community Healthcare",
        "Sozialmedizinischer Dienst",
        "Veterans Affairs Canada",
        "Pasifika",
        "Tongan",
    }
    (spans,) = locate([text], region="GB")
    assert not [text[s.start : s.end] for s in spans if any(x in text[s.start : s.end] for x in lookalike)]


@pytest.mark.parametrize("text", ["Kai from Medicina Preventiva rang.", "Der Ambulante Dienst kam spät."])
def test_a_body_named_first_or_last_by_a_service_word_of_another_language_is_no_person(text: str) -> None:
    assert not [n for n in _names(text) if "Medicina" in n or "Dienst" in n]
