"""Addresses, postcodes and record numbers with a scheme's acronym (issue 21).

Every example here is made up for this file, in the shapes people write in each country,
and none comes from the measured sets: the detector is held to shapes, not to a list.
"""

from __future__ import annotations

import pytest

from rct_workbook.journal.deidentify import Redactor, locate, scan


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in locate([text], region="GB")[0]]


def _kinds(text: str, kind: str) -> list[str]:
    return [value for k, value in _found(text) if k == kind]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # United States: a suite, unit or "#" after the street, then town, state and ZIP (+4).
        (
            "Send the letter to 350 W 5th Ave Ste 200, Denver, CO 80204 please.",
            "350 W 5th Ave Ste 200, Denver, CO 80204",
        ),
        ("She lives at 77 Lakeview Dr #12B, Madison WI 53703-1234 now.", "77 Lakeview Dr #12B, Madison WI 53703-1234"),
        ("He stays at 9 Orchard Lane, Apartment 3C, Tulsa, OK 74103.", "9 Orchard Lane, Apartment 3C, Tulsa, OK 74103"),
        ("Our old office was 210 N Main St, Fl 4, Akron, OH 44308.", "210 N Main St, Fl 4, Akron, OH 44308"),
        # Canada: unit after the street, or unit-number joined by a hyphen; French street words.
        (
            "Moved to 88 Queen St W, Unit 1203, Toronto, ON M5H 2N2 in May.",
            "88 Queen St W, Unit 1203, Toronto, ON M5H 2N2",
        ),
        ("Mail goes to 1203-88 Queen St W, Toronto, ON M5H 2N2.", "1203-88 Queen St W, Toronto, ON M5H 2N2"),
        (
            "Apt 4, 1550 rue Sainte-Catherine O, Montréal, QC H3G 1P1 is the flat.",
            "Apt 4, 1550 rue Sainte-Catherine O, Montréal, QC H3G 1P1",
        ),
        # United Kingdom: a flat first, a Scottish flat "2/1", postcode after the town.
        ("Flat 3, 27 Mill Road, Cambridge CB1 2AD was her last address.", "Flat 3, 27 Mill Road, Cambridge CB1 2AD"),
        (
            "Flat 2/1, 45 Hyndland Road, Glasgow G12 9UX is where he stays.",
            "Flat 2/1, 45 Hyndland Road, Glasgow G12 9UX",
        ),
        # Ireland: a county and an Eircode.
        ("12 Main Street, Ennis, Co. Clare V95 T3K6 is the family home.", "12 Main Street, Ennis, Co. Clare V95 T3K6"),
        # Australia: unit/number, a level, state and four-digit postcode.
        (
            "Unit 4/12 Banksia Street, Parramatta NSW 2150 was on the form.",
            "Unit 4/12 Banksia Street, Parramatta NSW 2150",
        ),
        ("Level 3, 200 George St, Sydney NSW 2000 is the office.", "Level 3, 200 George St, Sydney NSW 2000"),
        # New Zealand and South Africa: four digits after the town, with or without a comma.
        ("Flat 2, 19 Kowhai Road, Hamilton 3204 was the address.", "Flat 2, 19 Kowhai Road, Hamilton 3204"),
        (
            "Unit 7, 15 Jacaranda Avenue, Sunnyside, Pretoria, 0002 is his gran's.",
            "Unit 7, 15 Jacaranda Avenue, Sunnyside, Pretoria, 0002",
        ),
        # India: no street word, a PIN of six digits, a dash before it.
        (
            "Flat 202, Sai Residency, 3rd Cross, Indiranagar, Bengaluru 560038 is the flat.",
            "Flat 202, Sai Residency, 3rd Cross, Indiranagar, Bengaluru 560038",
        ),
        (
            "H.No. 12-3-456, Banjara Hills, Hyderabad - 500034 is the house.",
            "H.No. 12-3-456, Banjara Hills, Hyderabad - 500034",
        ),
        # Germany and the Netherlands: one word with a street ending, the postcode before the town.
        ("She wrote Lindenstraße 12, 10969 Berlin on the form.", "Lindenstraße 12, 10969 Berlin"),
        ("He gave Keizersgracht 123, 1015 CJ Amsterdam as his address.", "Keizersgracht 123, 1015 CJ Amsterdam"),
        # France, Spain, Poland, Brazil: the street word before or after the number.
        ("They live at 12 rue de la Paix, 75002 Paris now.", "12 rue de la Paix, 75002 Paris"),
        ("Calle Mayor 12, 3º B, 28013 Madrid was the old flat.", "Calle Mayor 12, 3º B, 28013 Madrid"),
        ("ul. Marszałkowska 10/12, 00-590 Warszawa is her mother's.", "ul. Marszałkowska 10/12, 00-590 Warszawa"),
        (
            "Rua das Flores, 123, apto 45, São Paulo - SP, 01310-100 is on file.",
            "Rua das Flores, 123, apto 45, São Paulo - SP, 01310-100",
        ),
        # Uganda, Kenya, Mozambique: a plot, flat or house with the number, a street with none.
        ("Plot 23, Kampala Road, Kampala is where she stays.", "Plot 23, Kampala Road, Kampala"),
        ("Apartment 3, Block C, Westlands Road, Nairobi.", "Apartment 3, Block C, Westlands Road, Nairobi"),
        ("Casa 12, Rua da Paz, Maputo, for the letters.", "Casa 12, Rua da Paz, Maputo"),
        # Malaysia: the street word first, the town after the postcode, the full stop left.
        ("No. 7, Jalan Ampang, 50450 Kuala Lumpur.", "No. 7, Jalan Ampang, 50450 Kuala Lumpur"),
        # Singapore: a block, a "#floor-unit", six digits.
        (
            "Blk 123 Ang Mo Kio Ave 3, #05-67, Singapore 560123 is her block.",
            "Blk 123 Ang Mo Kio Ave 3, #05-67, Singapore 560123",
        ),
    ],
)
def test_an_address_is_caught_whole(text: str, address: str) -> None:
    assert _kinds(text, "address") == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # No commas between the street, the town and the postcode.
        ("She lives at 14 Oak Street Leeds LS6 2QT now.", "14 Oak Street Leeds LS6 2QT"),
        ("Send it to 3/45 Smith Street Fitzroy VIC 3065 please.", "3/45 Smith Street Fitzroy VIC 3065"),
        # Typed all in lower case: with a flat or a postcode it is an address.
        ("i moved to 12 kauri road, hamilton 3204 last year", "12 kauri road, hamilton 3204"),
        ("she is at 88 birch avenue, suite 210, dayton oh 45402 now", "88 birch avenue, suite 210, dayton oh 45402"),
    ],
)
def test_an_address_with_no_commas_or_no_capitals_is_caught_whole(text: str, address: str) -> None:
    assert _kinds(text, "address") == [address]


def test_lower_case_words_before_a_street_word_are_no_address_alone() -> None:
    assert _kinds("we walked 5 miles down the road, and then home", "address") == []


def test_no_digit_of_an_address_is_left_after_redaction() -> None:
    text = "Her flat is Suite 300, 1055 West Georgia Street, Vancouver, BC V6E 3P3, near the clinic."
    findings = scan([("answer", text)])
    redacted = Redactor(others=[(f.kind, f.value) for f in findings]).text(text)
    assert redacted == "Her flat is [Address 1], near the clinic."


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She grew up in Hamilton 3204 and left at sixteen.", "Hamilton 3204"),
        ("The form said 10969 Berlin and nothing more.", "10969 Berlin"),
        ("Her post goes to Pretoria, 0002 these days.", "Pretoria, 0002"),
        ("A card came from 1100-048 Lisboa last week.", "1100-048 Lisboa"),
    ],
)
def test_a_postcode_beside_a_known_town_goes_with_it(text: str, place: str) -> None:
    assert _kinds(text, "address") == [place]


@pytest.mark.parametrize(
    "text",
    [
        "In Sydney 2000 people marched, and Paris 2024 was on the news.",
        "By 2030 Berlin will have more of these clinics.",
        "We read chapter 12 Main Ideas, then 3 Big Questions.",
        "Via Zoom 3 times a week is too much.",
        "She scored 27 on the PHQ 9 and her BP 120/80 was fine.",
        "Route 66 is the song she hums in the corridor.",
        "The group met in Room 12 at 3 pm.",
    ],
)
def test_numbers_beside_capitals_that_are_no_address_are_kept(text: str) -> None:
    assert [k for k, _ in _found(text) if k in ("address", "record", "postcode")] == []


@pytest.mark.parametrize(
    ("text", "record"),
    [
        # A scheme's acronym and its number go together, whatever the scheme.
        ("The card for her health plan read QHIP 5512-908-114-RT.", "QHIP 5512-908-114-RT"),
        ("His TFN: 321 654 987 is on the letter.", "TFN: 321 654 987"),
        ("UR 0077145 is the number on the wristband.", "UR 0077145"),
        ("Her NHI WXB4402 came up on the screen.", "NHI WXB4402"),
        ("The plan number NDIS 430 112 889 was wrong.", "NDIS 430 112 889"),
    ],
)
def test_an_acronym_before_a_number_is_one_record(text: str, record: str) -> None:
    assert record in _kinds(text, "record")


@pytest.mark.parametrize(
    "text",
    [
        "Her BP 145/95 worried the nurse.",
        "PHQ 9 of 21 and GAD 7 of 18 at the last review.",
        "NEWS2 5 at handover.",
    ],
)
def test_a_measure_with_an_acronym_is_no_record(text: str) -> None:
    assert _kinds(text, "record") == []


def test_a_phone_number_after_an_acronym_stays_a_phone_number() -> None:
    found = _found("Ring the GP 07700 900461 tomorrow.")
    assert ("phone", "07700 900461") in found
    assert not [v for k, v in found if k == "record"]


def test_a_record_label_does_not_swallow_an_address() -> None:
    # "file is 1420" looks like a file number: the address after it wins, whole.
    text = "The address on file is 6 Birchwood Street, Apt 2, Peoria, IL 61602."
    assert _kinds(text, "address") == ["6 Birchwood Street, Apt 2, Peoria, IL 61602"]
    redacted = Redactor(others=[("address", _kinds(text, "address")[0])]).text(text)
    assert redacted == "The address on file is [Address 1]."


def test_a_social_media_handle_is_a_contact_detail() -> None:
    assert _found("She messaged me from @tane_w88 on Instagram.") == [("handle", "@tane_w88")]
    assert _found("Write to a.rangi@example.org today.") == [("email", "a.rangi@example.org")]
    assert _found("See you @ 3 in the staff room.") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Seen in clinic on 3-Jun-24 with her son.", "3-Jun-24"),
        ("The letter is dated 2024/06/03 at the top.", "2024/06/03"),
        ("Admitted Thurs 4th, home by the weekend.", "Thurs 4th"),
        ("Her next review is 04/2025, she thinks.", "04/2025"),
    ],
)
def test_more_shapes_of_a_date(text: str, date: str) -> None:
    assert _kinds(text, "date") == [date]


def test_a_score_is_no_date() -> None:
    assert _kinds("I scored 3/10 and then 12/20 on it.", "date") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Welsh street words after the number, and a house name between flat and street.
        ("She lives at 7 Heol y Dderwen, Aberystwyth SY23 1AB now.", "7 Heol y Dderwen, Aberystwyth SY23 1AB"),
        (
            "Post it to Flat 2, Tŷ Mawr, 18 Ffordd yr Afon, Caernarfon LL55 1AA please.",
            "Flat 2, Tŷ Mawr, 18 Ffordd yr Afon, Caernarfon LL55 1AA",
        ),
        # Filipino: a tower, a barangay, a city and its four digits.
        (
            "New address: Unit 12B, Tower 3, Dahlia Residences, Barangay Pinagbuhatan, Pasig City 1602.",
            "Unit 12B, Tower 3, Dahlia Residences, Barangay Pinagbuhatan, Pasig City 1602",
        ),
        ("He moved to Barangay San Roque, Quezon City 1109 last year.", "Barangay San Roque, Quezon City 1109"),
        # Polish: the flat after the number ("m.", "lok.").
        ("Write to ul. Długa 5 m. 12, 00-238 Warszawa for the forms.", "ul. Długa 5 m. 12, 00-238 Warszawa"),
        ("Her flat is ul. Ogrodowa 9 lok. 3, 61-821 Poznań.", "ul. Ogrodowa 9 lok. 3, 61-821 Poznań"),
        # Vietnamese: number, lane, street, ward, district, city.
        (
            "Nhà ở Số 12, ngõ 45 phố Huế, Hai Bà Trưng, Hà Nội từ tháng trước.",
            "Số 12, ngõ 45 phố Huế, Hai Bà Trưng, Hà Nội",
        ),
        (
            "They live at 88 đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh.",
            "88 đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
        ),
        # A box with its town and postcode; a Caribbean lot in a parish named for a saint.
        ("Send the letter to Box 552, Moose Factory, ON P0L 1W0 by Friday.", "Box 552, Moose Factory, ON P0L 1W0"),
        (
            "Home is Lot 9, Hibiscus Close, Old Harbour, St. Catherine.",
            "Lot 9, Hibiscus Close, Old Harbour, St. Catherine",
        ),
        # Mexican: an abbreviated street word first, then the colonia.
        (
            "They moved to Av. Reforma Norte 455, Col. Guerrero, CDMX 06300 in May.",
            "Av. Reforma Norte 455, Col. Guerrero, CDMX 06300",
        ),
    ],
)
def test_addresses_of_more_countries_are_caught_whole(text: str, address: str) -> None:
    assert _kinds(text, "address") == [address]


@pytest.mark.parametrize(
    "text",
    ["We put Box 3 of the files in the cupboard.", "It was 5 m. 20 cm long.", "Barangay health workers came."],
)
def test_their_words_alone_are_no_address(text: str) -> None:
    assert _kinds(text, "address") == []


def test_a_phone_after_a_word_that_names_a_town_is_no_address() -> None:
    # "Mobile" is a town in Alabama and "07700" could be its ZIP: the digits after say a phone.
    assert _kinds("Mobile 07700 900318 after six.", "address") == []
    assert ("phone", "07700 900318") in _found("Mobile 07700 900318 after six.")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Parts that are a word and a number, as in the Gulf and South Asia.
        ("They live at Villa 9, Street 14, Al Wasl 3, Dubai now.", "Villa 9, Street 14, Al Wasl 3, Dubai"),
        ("Send it to House 22, Road 7, Gulshan, Dhaka 1212 please.", "House 22, Road 7, Gulshan, Dhaka 1212"),
        # Turkish: neighbourhood, street, door and flat; a capital İ outside A–Z.
        (
            "Adres: Cumhuriyet Mah. Lale Sok. No: 4 D: 2, Üsküdar, İstanbul",
            "Cumhuriyet Mah. Lale Sok. No: 4 D: 2, Üsküdar, İstanbul",
        ),
    ],
)
def test_addresses_of_numbered_parts_are_caught_whole(text: str, address: str) -> None:
    assert _kinds(text, "address") == [address]


def test_a_person_after_numbered_parts_is_no_part_of_the_address() -> None:
    found = _found("I saw her on Ward 5, Bay 3, Bed 2, Dr Patel said.")
    assert ("name", "Dr Patel") in found
    assert all("Patel" not in value for kind, value in found if kind == "address")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Parts that are a word and a number, in a chain, whatever the words are.
        (
            "They live in Kifle 04, Gott 11, House No. 208, Arada; ring first.",
            "Kifle 04, Gott 11, House No. 208, Arada",
        ),
        ("Tent 9, Block D-3, Row 12 is where she sleeps.", "Tent 9, Block D-3, Row 12"),
        # One such part before a known town.
        ("They are at Plot 14, Kubwa Extension, Abuja this month.", "Plot 14, Kubwa Extension, Abuja"),
        # A building's or estate's name standing for the street.
        ("Home: Flat 2204, Wah Lok House, Kwai Shing Estate.", "Flat 2204, Wah Lok House, Kwai Shing Estate"),
        # A number and a street with no street word, then a flat.
        ("He gave 2240 Lakeshore, apt B as his address.", "2240 Lakeshore, apt B"),
        ("Post to 14 Te Awa, Ōwairaka, Auckland 1025 please.", "14 Te Awa, Ōwairaka, Auckland 1025"),
        # A house's name before the rest, after a word that gives an address.
        ("She lives at Ty Gwyn, 4 Bridge Road, Bala LL23 7AA with her son.", "Ty Gwyn, 4 Bridge Road, Bala LL23 7AA"),
        # Mail kept at the post office, a box on a rural route, a house known to all.
        ("Mail: General Delivery, Fort Hope, ON P0T 1L0.", "General Delivery, Fort Hope, ON P0T 1L0"),
        ("Write to RR 3 Box 118, Tuba City, AZ 86045.", "RR 3 Box 118, Tuba City, AZ 86045"),
        ("Domicilio conocido, San Pedro Amuzgos, and nothing else.", "Domicilio conocido, San Pedro Amuzgos"),
        # Flats in other languages, a numbered Turkish street, a Japanese block and lot.
        ("Rua Augusta 18, ap. 7, and the bell does not work.", "Rua Augusta 18, ap. 7"),
        ("Kızılay Mah. 214. Sok. No: 3/5, Çankaya, Ankara.", "Kızılay Mah. 214. Sok. No: 3/5, Çankaya, Ankara"),
        ("She is at 2-8-11 Nishiogi, Suginami-ku now.", "2-8-11 Nishiogi, Suginami-ku"),
    ],
)
def test_an_address_of_parts_is_caught_whole(text: str, address: str) -> None:
    assert address in _kinds(text, "address"), _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "She moved from Band 5, Band 6 to Band 7 in two years.",  # one word repeated is a list
        "We met in March 2024, June 2025 and again since.",
        "Step 1, Step 2 and Step 3 are on the sheet.",
    ],
)
def test_numbered_words_that_are_no_address_are_kept(text: str) -> None:
    assert _kinds(text, "address") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Her mobile is (21) 98888-0173 now.", "phone", "(21) 98888-0173"),  # the area code in brackets
        ("Her number is 8 (727) 555-12-09.", "phone", "8 (727) 555-12-09"),  # a trunk digit before it
        ("Ring the desk on x5512 after two.", "phone", "x5512"),  # an extension with an x alone
        ("HKID Y771204(3) is on the form.", "", "Y771204(3)"),  # a check digit in brackets (an Eircode's shape too)
        ("Tribal chart: IHS Chart 441-2290 from last year.", "record", "IHS Chart 441-2290"),
        ("My Number 5512 9034 7781 was on the card.", "record", "My Number 5512 9034 7781"),
        ("Add her on WeChat lin_xq88 tonight.", "handle", "lin_xq88"),
        ("LINE: somchai.k1 is how he talks to us.", "handle", "somchai.k1"),
    ],
)
def test_numbers_and_ids_are_caught_whole(text: str, kind: str, value: str) -> None:
    found = _found(text)
    assert any(kind in ("", k) and value in v for k, v in found), found


def test_a_messaging_app_named_with_no_id_is_kept() -> None:
    assert _kinds("She will phone through LINE after the weekend.", "handle") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Dirección: Carrera 22 # 41-18, Cali.", "Carrera 22 # 41-18, Cali"),  # Colombia
        ("Vive en Calle 8 Sur # 3-55.", "Calle 8 Sur # 3-55"),
        ("He lives at ul. Mira, d. 17, kv. 4, Kazan.", "ul. Mira, d. 17, kv. 4, Kazan"),  # Russian in Latin letters
        ("Адрес: ул. Садовая, д. 9, кв. 31.", "ул. Садовая, д. 9, кв. 31"),  # and in Cyrillic
        ("Str. Florilor nr. 8, bl. C2, ap. 14, Cluj.", "Str. Florilor nr. 8, bl. C2, ap. 14, Cluj"),  # Romania
        ("Odos Patision 61, Athens 10434 is the flat.", "Odos Patision 61, Athens 10434"),  # Greek in Latin letters
        # Brazil's dashes between the parts.
        (
            "Rua Bahia, 410 - Savassi, Belo Horizonte - MG, 30160-011.",
            "Rua Bahia, 410 - Savassi, Belo Horizonte - MG, 30160-011",
        ),
        # A named street with no number, then a town and a postcode.
        (
            "At Al Malqa District, Anas Bin Malik Road, Riyadh 13521.",
            "Al Malqa District, Anas Bin Malik Road, Riyadh 13521",
        ),
    ],
)
def test_addresses_of_colombia_russia_romania_greece_brazil_are_whole(text: str, address: str) -> None:
    assert address in _kinds(text, "address"), _found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her cédula is 52.813.447 on the card.", "52.813.447"),  # digits in groups with dots
        ("Expediente 73310 del hospital.", "Expediente 73310"),
        ("Prontuário 88412 no sistema.", "Prontuário 88412"),
        ("Kimlik 34718 on file.", "Kimlik 34718"),
    ],
)
def test_a_record_under_a_label_of_another_language_is_caught(text: str, value: str) -> None:
    assert any(value in v for v in _kinds(text, "record")), _found(text)


def test_a_dotted_number_with_a_part_over_255_is_no_ip_address() -> None:
    assert _kinds("It read 1.023.456.789 on the slip.", "ip") == []
    assert _kinds("The server was 10.0.0.12 then.", "ip") == ["10.0.0.12"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Ireland: a house's name, its townland and county before the Eircode, with no number.
        (
            "She lives at Cnoc Álainn, Ballyvourney, Co. Cork P12 X3Y4 now.",
            "Cnoc Álainn, Ballyvourney, Co. Cork P12 X3Y4",
        ),
        # Tanzania: a town whose name has a small word inside ("es", "el", "al").
        ("Home is House No. 9, Sinza C, Block 2, Dar es Salaam today.", "House No. 9, Sinza C, Block 2, Dar es Salaam"),
        # Nigeria: a close off a crescent, written with "off" between the parts.
        (
            "He stays at No. 3 Kolo Close, off Ahmadu Bello Way, Garki 2, Abuja.",
            "No. 3 Kolo Close, off Ahmadu Bello Way, Garki 2, Abuja",
        ),
        # Taiwan: numbered parts with abbreviations' dots, then the city and its code.
        (
            "Address No. 8, Ln. 45, Sec. 2, Heping E. Rd., Xinyi Dist., Taipei City 110. Call",
            "No. 8, Ln. 45, Sec. 2, Heping E. Rd., Xinyi Dist., Taipei City 110",
        ),
        # Japan: the postal mark, a ward and the block, lot and flat.
        ("Address 〒150-0002 Shibuya-ku Shibuya 2-21-1-804. Mother", "〒150-0002 Shibuya-ku Shibuya 2-21-1-804"),
        # Colombia: a flat and the neighbourhood after the crossing street.
        (
            "Dirección: Carrera 7 # 45-12, apto 501, Teusaquillo, Bogotá. Tel",
            "Carrera 7 # 45-12, apto 501, Teusaquillo, Bogotá",
        ),
        # Portugal: the floor and side ("3.º Dto.") between the street and the postcode.
        ("Morada Rua do Carmo 14, 3.º Dto., 1200-093 Lisboa; phone", "Rua do Carmo 14, 3.º Dto., 1200-093 Lisboa"),
    ],
)
def test_addresses_with_no_street_number_or_with_parts_between_are_caught_whole(text: str, address: str) -> None:
    assert any(kind == "address" and address in value for kind, value in _found(text))


@pytest.mark.parametrize(
    "text",
    [
        "We met off and on near the end, 2 times.",
        "Dr Byrne, Cork, and I spoke.",
    ],
)
def test_words_between_parts_and_towns_alone_make_no_address(text: str) -> None:
    assert _kinds(text, "address") == []
