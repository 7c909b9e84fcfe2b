"""Finding what could identify a person in exported answers, and replacing it.

Reflective notes are not privileged, and details can identify clients and colleagues
even without names. Before anything leaves the journal, exported answers are scanned
for identifiers; each can be redacted with a stable placeholder or kept on purpose.
This is a safety net, not a guarantee: the stranger test still applies.

Names are the hard part: capital letters alone cannot tell "Bernadette" from "During".
Four signals are combined, each measured on the annotated corpus in
``tests/journal/deid_corpus.yaml``:

- names the person gave (support and allies answers, private ones too, and names.txt);
- a title before a name ("Dr. Okafor": one name, never the title alone);
- a gazetteer of about 63,000 given names (``given_names.txt``: US birth records and
  mortgage applications, public domain and CC0), where a given name that is also an
  everyday word ("Grace", "Will") needs a surname after it or a person's context, and
  the capitalised words after a given name are its surname;
- a word's neighbours: "… said", "told …" say a person; "in …", "the … room" a place.

A first or last name of a full name found anywhere in the export is then sought on its
own too, and gets the same placeholder as the full name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rct_workbook.preferences import default_region

KIND_LABELS = {
    "name": "name",
    "email": "email address",
    "phone": "phone number",
    "url": "web address",
    "ip": "IP address",
    "date": "date",
    "number": "long number",
    "record": "record number",
    "address": "street address",
    "postcode": "postcode",
    "place": "ward, unit or service name",
}
_PLACEHOLDER_WORD = {
    "email": "Email",
    "phone": "Phone",
    "url": "Link",
    "ip": "IP address",
    "date": "Date",
    "number": "Number",
    "record": "Record",
    "address": "Address",
    "postcode": "Postcode",
    "place": "Place",
}

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
#: Titles that go before a name in running text, in several languages; "Dr. Okafor" and
#: "Mme Lefebvre" are one name. Whatever capitalised word follows one of these is a name.
FORMAL_TITLES = (
    *("Dr", "Doctor", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "Professor", "Dame", "Sir", "Lady", "Lord"),
    *("Rev", "Revd", "Reverend", "Fr", "Sr", "Sra", "Srta", "Mme", "Mmes", "Mlle", "Madame", "Monsieur"),
    *("Herr", "Frau", "Señor", "Señora", "Signor", "Signora", "Sig", "Sgt", "Insp", "Det", "Cllr", "PC"),
    *("Rabbi", "Imam", "Sheikh", "Shaikh", "Pastor", "Chaplain", "Alhaji", "Alhaja", "Hajia", "Haji"),
    *("Shri", "Sri", "Smt", "Pandit", "Swami", "Ustadh", "Ustaz", "Maulana", "Mufti", "Dato", "Datuk"),
)
#: Titles and terms of respect or kinship that are everyday words too ("Sister", "Officer",
#: "Uncle", "Gogo", "Whaea"): before a word that is a given name or no English word, a
#: title; alone or before an everyday word ("Officer in charge", "Sister ward"), not a name.
WORD_TITLES = (
    *("Sister", "Father", "Mother", "Brother", "Officer", "Sergeant", "Constable", "Inspector", "Detective"),
    *("Judge", "Justice", "Chief", "Nurse", "Coach", "Captain", "Councillor", "Governor", "Warden"),
    *("Gogo", "Mkhulu", "Tata", "Baba", "Mama", "Aunty", "Auntie", "Aunt", "Uncle", "Nana", "Nani", "Dadi"),
    *("Amma", "Appa", "Ammi", "Abba", "Bibi", "Didi", "Whaea", "Matua", "Tía", "Tío", "Nonna", "Nonno"),
    *("Babcia", "Ouma", "Oupa", "Mzee", "Oga", "Mallam"),
)
HONORIFICS = (*FORMAL_TITLES, *WORD_TITLES)
_HONORIFIC = rf"(?:{'|'.join(HONORIFICS)})\.?"
#: Terms of respect that follow a name: "Iyer sir", "Raju bhai", "Siddharth-ji", "Tanaka-san".
_TITLE_AFTER = re.compile(
    r"^(?:\s+|-)(?:sir|ji|jee|bhai|bhaiya|didi|saab|sahib|sahab|madam|ma'am|aunty|auntie|uncle|san|sama|sensei|"
    r"kun|chan|dada|baba|mama|apa|abla|hanım|hanim|bey|efendi)\b(?!-)",
    re.IGNORECASE,
)

_STREET = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Court|Ct|Place|Pl|Way|Close|Crescent|"
    "Terrace|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Grove|Hill|Walk|Circle|Cir|Trail|Gate|Green"
)
_RECORD_LABEL = (
    r"MRN|UHID|NHI|SSN|(?-i:IP|OP)(?=\s+\d)|(?:NHS|CHI|HSC|IHI|PPSN?|SIN|Medicare|Medicaid|Aadhaar|case|file|folder|record|chart|"
    r"patient|client|account|referral|incident|ref(?:erence)?|ID|hospital|claim|policy|FPS|prisoner|inmate|"
    r"offender|student|staff|employee|payroll|court|docket|registration|reg|unit|booking|member(?:ship)?|bed|"
    # Any acronym before "number" or "no." is a scheme's name: "NI number", "OHIP no.", "TFN #".
    r"(?-i:[A-Z]{2,6})(?=\s*(?:number|no\.|num\b|#)))"
    r"(?:\s+(?:no\.?|number|num|#|ID|ref(?:erence)?|file))?"
)
#: Something shaped like a domain, with or without a path ("bit.ly/…", "forms.gle/…",
#: "waratahyouthhub.org.au"): a link only if its last labels are a public suffix (see _is_domain).
_DOMAIN_LIKE = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\.[a-z]{2,})*\b(?!\.\w)(?!@)"
    r"(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?",
    re.IGNORECASE,
)
#: A postcode written after a town: Eircodes, Indian PINs, four-digit codes after a state.
_POSTCODE = (
    r"[AC-FHKNPRTV-Y]\d{2}\s?[0-9AC-FHKNPRTV-Y]{4}|\d{6}|(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}|\d{4,5}"
    r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d"
)
#: Words of an address that has no street word, as in India ("Sector 14", "4th Cross").
_ADDRESS_WORDS = (
    r"Flat|Apt|Apartment|Apartments|Unit|Suite|House|H\.?\s?No|No|Plot|Door|Sector|Block|Phase|Cross|Main|"
    r"Layout|Nagar|Colony|Enclave|Society|Marg|Chowk|Towers?|Residency|Complex|Estate|Floor|Building"
)
_SEGMENT = r"[A-Z0-9][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*){0,4}"

#: (kind, pattern) in the order they claim text: an earlier match wins an overlap.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # A link ends before the punctuation after it: "see bit.ly/x, then" keeps its comma.
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.IGNORECASE)),
    ("url", _DOMAIN_LIKE),  # kept only where _is_domain says so
    ("ip", re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b")),
    (
        "record",
        re.compile(
            rf"(?<!\w)(?i:{_RECORD_LABEL})\.?(?:\s+(?:is|was|as|given\s+as|reads|of))?\s*(?:#|:)?\s*"
            r"(?:[A-Z]{1,3}\s(?=\d))?"
            # "QQ 12 34 56 C": groups of digits, and a letter after them, are one number.
            r"(?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9/-]|\s(?=\d)|\s(?=(?![AI]\s)[A-Z]\b(?!['’])))*[A-Z0-9]\b"
        ),
    ),
    # Capitals and four or more digits in one token, with or without a label: "RX7730215",
    # "A4721BK", "4567-123-890-XK", "CN-2025-11873"; not "B12", "HbA1c", "NEWS2", "COVID-19";
    # one before a group of digits is a prefix of the phone number found later ("MW-07700 900123").
    (
        "record",
        re.compile(
            r"(?<![\w/-])(?=[\w/-]*[A-Z])(?=(?:[A-Z/-]*\d){4})[A-Z0-9](?:[A-Z0-9]|[/-](?=[A-Z0-9]))+(?![\w/-])(?!\s\d)"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"
            rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b"
            rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
            rf"|\b(?:{_MONTHS})\.?\s+\d{{4}}\b"
            # A day with no month: "on the 21st", "Tuesday 14/10".
            r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b"
            r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{1,2}(?:[/.]\d{1,2}|st|nd|rd|th)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # An address of comma-separated parts that ends in a postcode: "Flat 12, Shanti
        # Apartments, Sector 14, Gurugram 122001"; "88 Buitenkant Street, Cape Town, 8001".
        "address",
        re.compile(
            rf"\b(?:(?:{_ADDRESS_WORDS})\.?\s+\d+[A-Za-z]?|\d{{1,5}}[A-Za-z]?(?:st|nd|rd|th)?\s+[A-Z][\w'’-]*)"
            rf"(?:\s+[A-Z][\w'’-]+){{0,4}}(?:,\s+{_SEGMENT}){{1,6}}?,?\s+(?:{_POSTCODE})\b"
        ),
    ),
    (
        "address",
        re.compile(
            r"(?:\b(?:Flat|Apt\.?|Apartment|Unit|Suite)\s+\d+[A-Za-z]?,?\s+)?"
            rf"\b\d{{1,5}}(?:/\d{{1,5}})?[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_STREET})\b\.?"
            r"(?:\s+(?:North|South|East|West|Upper|Lower|Extension))?"
            # A flat or suite after the street, as in North America: "12 Elm St, Apt 5, …".
            r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat|Fl|Floor|#)\.?\s*#?\d+[A-Za-z]?)?"
            # The town, and a postcode, after it: no part of an address is left in the clear.
            r"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?){0,2}"
            rf"(?:,?\s+(?:{_POSTCODE})\b)?"
        ),
    ),
    (
        "address",
        re.compile(
            r"\b(?:P\.?\s?O\.?\s?Box|PO Box|Private Bag)\s+\d+(?:-\d+)?(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
        ),
    ),
    # A number and a name with no street word, before a town: "2261 Kingsway, Vancouver".
    (
        "address",
        re.compile(
            r"\b\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?[A-Z][a-z][\w'’-]+"
            r"(?:\s+[A-Z][a-z][\w'’-]+)?(?=,\s+[A-Z][a-z])"
        ),
    ),
    ("place", re.compile(r"(?!)")),  # wards, units, clinics and programmes: see _places
    ("phone", re.compile(r"(?!)")),  # found by phonenumbers, see _phones
    (
        "postcode",
        re.compile(
            r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{5}(?:-\d{4})?\b"
            # Eircodes; Australian four-digit postcodes after a state.
            r"|\b[AC-FHKNPRTV-Y]\d{2}\s[0-9AC-FHKNPRTV-Y]{4}\b|\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b"
        ),
    ),
    ("number", re.compile(r"(?<!\w)\d{6,}(?!\w)")),
)

#: An internal number with its label: "bleep 4471", "ext. 2203", "pager 0715".
_EXTENSION = re.compile(r"\b(?i:bleep|pager|ext(?:ension)?\.?)\s*(?:#|:|no\.?)?\s*\d{2,6}\b")
#: Digit groups that look like a phone number in some other country's national format.
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,3}(?!\w)")

#: Capitalised words that are never a person's name on their own: function words,
#: calendar and number words, and the vocabulary of the paper and of clinical work.
_NOT_NAMES = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "a an and as at but by for from he her his i if in is it its me my no not of on or our she so "
        "the their them then there they this that these those to us we what when where which who why with "
        "you your yes after before during since until later today tomorrow yesterday tonight every each "
        "both all some any many most nobody everybody somebody anyone everyone nothing something "
        "also again still just only even once never always often sometimes maybe perhaps however "
        "colleague colleagues friend friends group groups team teams peer peers supervisor supervisors "
        "supervision manager managers director clinic clinics hospital unit ward wards center centre "
        "department staff nurse nurses doctor doctors therapist therapists clinician clinicians former "
        "client clients patient patients service services board trust union council "
        "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays "
        "fridays saturdays sundays weekend weekends "
        "january february march april may june july august september october november december "
        "spring summer autumn fall winter christmas easter "
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
        "hundred thousand first second third fourth fifth sixth seventh eighth ninth tenth half "
        "zest worth clarity productivity connection connections disconnection isolation mutuality "
        "empathy growth relational relationship relationships resilience power culture cultures "
        "grand rounds governance clinical stone wellesley meeting meetings session sessions "
        "honest i'm i've i'd i'll "
        # Festivals and seasons of many calendars, named like people at a sentence's start.
        "ramadan eid diwali deepavali holi navratri hanukkah chanukah passover pesach shabbat sabbath lent "
        "advent nowruz vesak matariki waitangi kwanzaa thanksgiving purim sukkot muharram ashura rakhi "
        "onam pongal chuseok songkran juneteenth hogmanay ugadi vaisakhi baisakhi "
    ).split()
)

#: Words after a capitalised word that say a person is meant.
_PERSON_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:said|says|told|tells|asked|asks|replied|wants|wanted|thinks|thought|noticed|"
    r"texted|emailed|phoned|called|rang|wrote|covered|brought|stayed|listened|recommended|presented|"
    r"reminded|suggested|admitted|laughed|cried|smiled|sighed|shrugged|agreed|refused|insisted|"
    r"explained|mentioned|offered|promised|is|was|has|had|did|does|never|always|and I|from (?:the )?[a-z]+|"
    r"came|comes|walked|drove|sat|spoke|rang|opened|ran|runs|signed|left|took|takes|knows|knew|watched|"
    r"escorted|chaired|stayed|interpreted|answered|joined|made|sent|gave|kept|held|went|will|would|can|could))\b"
)
#: Verbs after a word that only a person does ("Tusla has", "Medicaid will" are no people).
_HUMAN_AFTER = re.compile(
    r"^(?:\s+(?:said|says|told|tells|asked|asks|replied|thinks|thought|noticed|texted|emailed|phoned|rang|"
    r"covered|stayed|listened|laughed|cried|smiled|sighed|shrugged|agreed|insisted|explained|mentioned|"
    r"promised|came|walked|drove|sat|spoke|signed|took|knows|knew|watched|escorted|chaired|interpreted|"
    r"answered|joined|brought|went|wants|wanted|needs|needed|arrived|nodded|"
    r"stood|helped|hugged|waved|whispered|shouted|worried|decided|tried|apologi[sz]ed|thanked|missed|"
    r"and I|from (?:the )?[a-z]+)"
    r"|['’]s\s+(?:mum|mom|mother|dad|father|son|daughter|wife|husband|partner|brother|sister|family|baby|"
    r"children|kids|carer|friend|parents|grandmother|grandfather|nan|gran|granny|auntie|aunty|uncle|cousin))\b"
)
#: A role after a word says a person: "… at the front desk", "… from Campus Safety", "…, our porter,".
_ROLE_AFTER = re.compile(
    r"^(?:\s+(?:from|at|on|in|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?i:front desk|desk|reception|door|gate|"
    r"switchboard|team|service|office|ward|unit|clinic|department|safety|security|shift|crew|maintenance|pharmacy|"
    r"admin|HR|IT|liaison|interpreting|outreach|chaplaincy|school|church|mosque|temple|council)\b"
    r"|\s+from\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\b"
    r"|,\s+(?:our|my|the|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?,)"
)
_SPEECH = re.compile(r"^\s+(?:said|says|told|asked|replied)\b")
#: Words before a capitalised word that say a person is meant.
_PERSON_BEFORE = re.compile(
    r"\b(?:with|told|tell|asked|ask|thanked|thank|met|meet|called|phoned|texted|emailed|visited|"
    r"trust|miss|owe|owed|like|liked|love|loved|helped|supervised|mentor|colleague|manager|"
    r"supervisor|lead|son|daughter|mother|father|sister|brother|wife|husband|partner|client|"
    r"locum|consultant|said|says|thanks|dear|hi|hello|cc|spoke\s+(?:to|with)|talk(?:ed)?\s+(?:to|with)|"
    r"phone|ring|wants|wanted|needs|needed|saw|see|visit|support|supported|hugged|"
    r"(?:confide[ds]?|believed?|believes)\s+in),?\s+$",
    re.IGNORECASE,
)
#: Words before a word that say a person may be meant, or a place: "to", "from", "and", "by".
_MAYBE_PERSON_BEFORE = re.compile(r"\b(?:to|from|and|by|for|via|cc|&)\s+$", re.IGNORECASE)
#: A lowercase word after these, that is a given name and no English word, is a name: "ask deepa".
_LOWER_AFTER_CUE = re.compile(
    r"\b(?i:ask|asked|tell|told|with|thank|thanked|call|called|ring|rang|text|texted|email|emailed|meet|met|"
    r"see|saw|and|from|to)\s+(?P<name>[a-z][a-z'’-]+)\b"
)
#: In a text typed in lower case, the words after which a word of no list is a name.
_LOWER_CASUAL_CUE = re.compile(
    r"\b(?:with|ask|asked|tell|told|thank|thanked|call|called|ring|rang|text|texted|meet|met|see|saw|"
    r"cc|(?:talk|talked|speak|spoke|vent|vented|chat|chatted)\s+(?:to|with))\s+(?P<name>[a-z][a-z'’-]+)\b"
)


_LOWER_PAIR = re.compile(r"(?<![\w'’-])(?P<a>[a-z][a-z'’-]+)\s+(?:and|&)\s+(?P<b>[a-z][a-z'’-]+)\b")


def _casual(text: str) -> bool:
    """Typed without capitals ("ask kiri", "i told zanele"): no sentence starts with one."""
    return not re.search(r"(?:^|[.!?]\s+)[A-Z]", text)


#: Words of a place that are surnames too, after a given name ("Maya Ward", "Tom Lane").
_SURNAME_WORDS = frozenset({"Ward", "Lane", "Street", "Wing", "Hall", "Park", "Court", "House"})
#: After these a lowercase word that is no English word is a name ("ask tamati", "told zanele").
_LOWER_AFTER_VERB = re.compile(
    r"\b(?i:ask|asked|tell|told|thank|thanked|call|called|ring|rang|text|texted|email|emailed|meet|met|phone|"
    r"(?:talk|talked|speak|spoke|vent|vented|chat|chatted)\s+(?:to|with))\s+"
    r"(?P<name>[a-z][a-z'’-]+)\b"
)
#: Org words: a run that ends in one names an organisation, not a person ("Fraser Health").
_ORG_LAST = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "health service services trust board council authority department ministry agency institute foundation "
        "network partnership commission society association church mosque temple police court office centre center "
        "hospital clinic university college school group company fund"
    ).split()
)
#: The last word of a named ward, unit, clinic or programme: "Larchwood Unit", "Butterfly Ward".
_UNIT_WORDS = "Ward|Unit|Clinic|Programme|Program|Wing|Service"
_UNIT_NAME = re.compile(
    rf"\b(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_UNIT_WORDS})\b(?:\s+\d{{1,3}}[A-Z]?\b)?"
    rf"|\b(?:Ward|Unit|Wing|Bay|Pod|Block|Level|Floor)\s+\d{{1,3}}[A-Z]?\b"
    r"|\b\d{1,2}\s+(?:North|South|East|West)\b(?!\s+[A-Z])"
)

#: Words before a capitalised word that say a place is meant ("in Sydney", "near Leeds").
_PLACE_BEFORE = re.compile(r"\b(?i:in|near|across|around|throughout|outside|inside|within)\s+(?:the\s+)?$")
_PLACE_NOUNS = (
    "room|rooms|ward|wards|wing|building|centre|center|suite|unit|house|lounge|clinic|hospital|campus|site|"
    "street|road|lane|avenue|surgery|practice|library|chapel|floor|station|school|college|university|team|teams"
)
#: Words after one that say a place is meant ("the Grace room", "Faith ward", "Lincoln teams").
_PLACE_AFTER = re.compile(rf"^\s+(?:{_PLACE_NOUNS}|hall)\b")
#: The last word of a capitalised run that makes it a place ("Austin House", "Mercy Hospital");
#: not Ward, Wing, Lane, Street, Hall, Park or Court, which are surnames too ("Maya Lane").
_PLACE_LAST = frozenset(_PLACE_NOUNS.split("|")) - {"ward", "wing", "lane", "street", "team", "teams"}
#: A town in an address: after a street ("Mill Road, Cambridge") or before a postcode.
_STREET_END = re.compile(rf"\b(?:{_STREET})\.?,\s*$")
_TOWN = re.compile(r"^,?\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{5}(?:-\d{4})?)\b")

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")
_PARTICLES = frozenset(
    ["de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "van", "von", "ter", "bin", "ibn", "al", "el"]
)
_POSSESSIVE = re.compile(r"['’]s$")


#: Letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word as the name lists hold it: casefolded, without accents ("Sørensen" → "sorensen")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_UNACCENTED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _data_lines(filename: str) -> frozenset[str]:
    from importlib import resources

    text = (resources.files("rct_workbook.journal") / filename).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names, folded: US birth records and mortgage applications, public domain and
    CC0 (given_names.txt; its header and bench/make_name_lists.py say where from)."""
    return _data_lines("given_names.txt")


@functools.lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Given names that are also everyday English words ("grace", "will")."""
    return _data_lines("name_words.txt")


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Everyday English words, folded (SCOWL, english_words.txt): a capitalised word
    mid-sentence that is none of these is likely a name, whatever its origin."""
    return _data_lines("english_words.txt")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries, US states, continents and cities of 15,000 people or more, folded
    (GeoNames, CC BY 4.0; place_names.txt): "from Oaxaca" is a place."""
    return _data_lines("place_names.txt")


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str
    where: str
    context: str

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def key(self) -> tuple[str, str]:
        return self.kind, " ".join(self.value.split()).casefold()


_TITLES = frozenset(HONORIFICS)


def _is_honorific(word: str) -> bool:
    return word.rstrip(".") in _TITLES


def strip_title(name: str) -> str:
    """The name without the titles in front ("Dr. Helen Wu" → "Helen Wu"); "" for a title alone."""
    words = name.split()
    while words and _is_honorific(words[0]):
        words.pop(0)
    return " ".join(words)


def names_in(text: str) -> list[str]:
    """Names in an answer that lists people: runs of capitalised words that are not
    everyday words, with their titles ("Dr Bo Chen"); never a title alone."""
    found = []
    for match in re.finditer(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)*", text):
        words = [w.rstrip(".,") for w in match.group().split()]
        run: list[str] = []
        for w in [*words, ""]:
            keep = (
                w
                and w[0].isupper()
                and len(w.strip("'’.")) > 1
                and w.casefold().strip("'’.") not in _NOT_NAMES
                and not (w.isupper() and len(w) > 1 and not _is_honorific(w))
            )
            if keep:
                run.append(w)
                continue
            if run and strip_title(" ".join(run)):
                found.append(" ".join(run))
            run = []
    return found


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{'…' if start > width else ''}{left}»{text[start:end]}«{right}{'…' if end + width < len(text) else ''}"
    return " ".join(snippet.split())


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'(*_-•")
    return not before or before[-1] in ".!?:;\n"


@functools.lru_cache(maxsize=1)
def _suffixes() -> Any:
    """The Public Suffix List as tldextract ships it (MPL 2.0), never fetched: no network."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)


def _is_domain(token: str) -> bool:
    """A token that ends in a public suffix ("forms.gle", "bit.ly/x", "trust.org.uk"); but
    two everyday words run together at a missing space ("tired.so", "end.life") only
    with a path after them."""
    host, _, path = token.partition("/")
    parts = _suffixes()(host.rstrip("."))
    if not parts.suffix or not (parts.domain or "." in parts.suffix):
        return False
    if path or "." in parts.suffix or parts.subdomain:
        return True
    english = english_words()
    return not (fold(parts.domain) in english and fold(parts.suffix) in english)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def _whole_token(text: str, span: Span) -> Span:
    """A number is never caught in part: "MW-07700 900123" takes its file prefix with it."""
    if span.kind not in ("phone", "number", "record", "postcode", "address"):
        return span
    start, end = span.start, span.end
    while start > 0 and (
        text[start - 1].isalnum() or (text[start - 1] in "-/" and start > 1 and text[start - 2].isalnum())
    ):
        start -= 1
    while end < len(text) and (
        text[end].isalnum() or (text[end] in "-/" and end + 1 < len(text) and text[end + 1].isalnum())
    ):
        end += 1
    return Span(start, end, span.kind)


@dataclass
class Detector:
    """Finds identifiers in one export's texts.

    ``names``: names the person gave (found anywhere, in any case); ``not_names``:
    words that are not people here (the authors the content cites); ``region``: the
    phone numbering region for national formats (GB, US …).
    """

    names: Sequence[str] = ()
    not_names: Iterable[str] = ()
    region: str | None = None
    _listed: re.Pattern[str] | None = field(default=None, repr=False)
    _authors: frozenset[str] = field(default_factory=frozenset, repr=False)

    def __post_init__(self) -> None:
        self.region = (self.region or default_region()).upper()
        self._authors = frozenset(w.casefold() for w in self.not_names)
        self._listed = name_pattern(self._variants(self.names))

    def _variants(self, names: Iterable[str]) -> list[str]:
        """Each name, and the first and last name of each full name."""
        out: list[str] = []
        for raw in names:
            name = " ".join(raw.split())
            if not strip_title(name):
                continue
            out.append(name)
            out.extend(part for part in name_parts(name) if part.casefold() not in _NOT_NAMES)
        return list(dict.fromkeys(out))

    # -- the passes -------------------------------------------------------------------

    def spans(self, text: str, also: re.Pattern[str] | None = None) -> list[Span]:
        taken: list[Span] = []

        def claim(kind: str, start: int, end: int) -> None:
            # Earlier detectors win an overlap (an email is not also a name).
            if start < end and not any(start < s.end and s.start < end for s in taken):
                taken.append(Span(start, end, kind))

        for kind, pattern in PATTERNS:
            if kind == "phone":
                for start, end in self._phones(text):
                    claim("phone", start, end)
                # Digit groups in some other country's national format, if not in this one's.
                for match in _PHONE_LIKE.finditer(text):
                    if sum(c.isdigit() for c in match.group()) >= 7:
                        claim("phone", *match.span())
                for match in _EXTENSION.finditer(text):
                    claim("phone", *match.span())
                continue
            if kind == "place":
                for start, end in self._places(text):
                    claim("place", start, end)
                continue
            for match in pattern.finditer(text):
                if pattern is _DOMAIN_LIKE and not _is_domain(match.group()):
                    continue
                claim(kind, *match.span())
        # Every source of names, merged: a listed "Oluwaseun" inside "Oluwaseun Adeyemi"
        # makes one name, not a name and a stray surname.
        candidates = [m.span("name") for p in (self._listed, also) if p is not None for m in p.finditer(text)]
        citations = [m.span() for m in _CITATION.finditer(text)]
        candidates += [(a, b) for a, b in self._names(text) if not any(a < d and c < b for c, d in citations)]
        merged: list[list[int]] = []
        for start, end in sorted(candidates):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            while end < len(text) and text[end].isdigit():
                end += 1  # "Maya2": the whole token, or the digit would be left in the clear
            claim("name", start, end)
        return sorted((_whole_token(text, s) for s in taken), key=lambda s: s.start)

    def _places(self, text: str) -> list[tuple[int, int]]:
        """Named wards, units, clinics and programmes ("Larchwood Unit", "Ward 7B", "5 West");
        not an organisation of a country ("Correctional Service") nor a person ("Maya Ward")."""
        given, english = given_names(), english_words()
        found = []
        for match in _UNIT_NAME.finditer(text):
            words = match.group().split()
            start = match.start()
            # Leading words that only start the sentence or say "the" are not the name.
            while len(words) > 2 and (words[0].casefold() in _NOT_NAMES or _is_honorific(words[0])):
                start += len(words[0]) + 1
                words.pop(0)
            if words[0][0].isdigit() or words[0] in ("Ward", "Unit", "Wing", "Bay", "Pod", "Block", "Level", "Floor"):
                found.append((start, match.end()))
                continue
            modifiers = [fold(w) for w in words[:-1] if not w[0].isdigit()]
            last = words[-1] if not words[-1][0].isdigit() else words[-2]
            if last == "Service" or all(m in _NOT_NAMES for m in modifiers):
                continue  # "Correctional Service", "the Stone Center": an institution, not one place
            if last == "Ward" and any(m in given and m not in english for m in modifiers):
                continue  # "Maya Ward" is a person; "Butterfly Ward" a place
            generic = all(m in english and m not in given for m in modifiers)
            if generic and last in ("Centre", "Center", "House", "Service", "Hub"):
                continue  # "the Community Centre", "the Wellbeing Hub": any town has one
            found.append((start, match.end()))
        return found

    def _phones(self, text: str) -> list[tuple[int, int]]:
        import phonenumbers

        found = []
        try:
            matches = phonenumbers.PhoneNumberMatcher(text, self.region, leniency=phonenumbers.Leniency.POSSIBLE)
            for m in matches:
                raw = m.raw_string
                # An unbroken run of digits is a phone number only when dialled like one
                # (0…, +…); otherwise it is a long number, found as such below.
                if sum(c.isdigit() for c in raw) >= 7 and (not raw.isdigit() or raw[0] == "0"):
                    found.append((m.start, m.end))
        except Exception:  # noqa: S110 - an unknown region must not stop an export; the regex still runs
            pass
        return found

    def _names(self, text: str) -> list[tuple[int, int]]:
        """Name spans found from titles, the gazetteer, the dictionary and context."""
        given, everyday = given_names(), name_words()
        words: list[tuple[int, int]] = []
        titled_after: set[int] = set()
        for m in _WORD.finditer(text):
            start, end = m.start(), m.end()
            if p := _POSSESSIVE.search(m.group()):
                end -= len(p.group())
            # "Siddharth-ji", "Tanaka-san": the name, and a title after it.
            hyphen = text.rfind("-", start, end)
            if hyphen > start and _TITLE_AFTER.match(text[hyphen:end] + " "):
                end = hyphen
                titled_after.add(start)
            words.append((start, end))
        runs: list[list[tuple[int, int]]] = []
        for start, end in words:
            word = text[start:end]
            capital = word[0].isupper() and not (word.isupper() and len(word) > 1)
            if runs and runs[-1]:
                last_start, last_end = runs[-1][-1]
                gap = text[last_end:start]
                joined = gap in (" ", ". ") and (capital or word.casefold() in _PARTICLES)
                initial = last_end - last_start == 1 and text[last_start].isupper()
                if gap == ". " and not (_is_honorific(text[last_start:last_end]) or initial):
                    joined = False
                if joined and word.rstrip(".") not in FORMAL_TITLES:  # a title starts a name of its own
                    runs[-1].append((start, end))
                    continue
            runs.append([(start, end)] if capital else [])
        spans: list[tuple[int, int] | None] = []
        kept: list[list[tuple[int, int]]] = []
        for run in runs:
            while run and text[run[-1][0] : run[-1][1]].casefold() in _PARTICLES:
                run.pop()
            if run:
                kept.append(run)
                spans.append(self._judge(text, run, given, everyday, titled_after))
        # "Aroha and Wiremu Tane": a word that looks like a name, joined by "and" to a name.
        for i, run in enumerate(kept):
            if spans[i] is not None or len(run) > 2:
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(kept) or spans[j] is None:
                    continue
                a, b = (run[-1][1], kept[j][0][0]) if j > i else (kept[j][-1][1], run[0][0])
                if re.fullmatch(r"\s+(?:and|&|or)\s+|,\s+", text[a:b]) and all(
                    self._namelike(text[x:y]) for x, y in run
                ):
                    spans[i] = (run[0][0], run[-1][1])
                    break
        found = [span for span in spans if span is not None]
        # "ask deepa", "with zanele": a given name in lower case after a name cue.
        english = english_words()
        for m in _LOWER_AFTER_CUE.finditer(text):
            low = fold(m.group("name"))
            if low in given and low not in english and low not in everyday and low not in _NOT_NAMES:
                found.append(m.span("name"))
        for m in _LOWER_AFTER_VERB.finditer(text):
            low = fold(m.group("name"))
            if low not in english and low not in place_names() and low not in _NOT_NAMES and len(low) > 2:
                found.append(m.span("name"))
        if _casual(text):
            # Typed all in lower case, capitals say nothing: after "with", "and" or another
            # person's cue, a word of no English nor place list is a name ("with zanele and thabo").
            def lone(word: str) -> bool:
                low = fold(word)
                return low not in english and low not in place_names() and low not in _NOT_NAMES and len(low) > 2

            for m in _LOWER_CASUAL_CUE.finditer(text):
                if lone(m.group("name")):
                    found.append(m.span("name"))
            # "with zanele and thabo": such a word joined by "and" to a name found is a name too
            # ("olanzapine and sertraline", with no person's cue, stays as written).
            for m in _LOWER_PAIR.finditer(text):
                if lone(m.group("a")) and lone(m.group("b")):
                    if m.span("a") in found:
                        found.append(m.span("b"))
                    elif m.span("b") in found:
                        found.append(m.span("a"))
        return found

    def _namelike(self, word: str) -> bool:
        """A word that can be a name: a given name, or no English word nor place, nor a word
        this export treats as no person."""
        low = fold(word)
        if low in _NOT_NAMES or low in self._authors or len(low) < 2:
            return False
        return low in given_names() or (low not in english_words() and low not in place_names())

    def _judge(
        self,
        text: str,
        run: list[tuple[int, int]],
        given: frozenset[str],
        everyday: frozenset[str],
        titled_after: set[int] = frozenset(),  # type: ignore[assignment]
    ) -> tuple[int, int] | None:
        english, places = english_words(), place_names()

        def w(i: int) -> str:
            return text[run[i][0] : run[i][1]]

        def initial_letter(i: int) -> bool:
            return len(w(i)) == 1 and w(i).isupper() and text[run[i][1] : run[i][1] + 1] == "."

        def blocked(i: int) -> bool:
            if initial_letter(i):
                return False  # "A. K. Rao": an initial, not the word "a"
            low = w(i).casefold()
            return low in _NOT_NAMES or low in self._authors or len(low) < 2

        def unknown(i: int) -> bool:
            """No English word, no place, no given name: a name of an origin the lists miss."""
            f = fold(w(i))
            return not blocked(i) and f not in english and f not in given and f not in places and len(f) > 1

        lo, hi = 0, len(run) - 1
        while lo <= hi and blocked(lo) and not _is_honorific(w(lo)):
            lo += 1
        if lo > hi:
            return None
        initial = _sentence_start(text, run[lo][0])
        # A title and what follows: one name; a title alone is none. A title that is an
        # everyday word too ("Officer", "Uncle", "Sister") only before a name-like word.
        if _is_honorific(w(lo)):
            last = lo
            while last + 1 <= hi and (not blocked(last + 1) or w(last + 1).casefold() in self._authors):
                last += 1
            if last > lo and w(lo).rstrip(".") in WORD_TITLES and fold(w(lo).rstrip(".")) in english:
                first = next((i for i in range(lo + 1, last + 1) if not initial_letter(i)), None)
                if first is None or not self._namelike(w(first)):
                    return None
            return (run[lo][0], run[last][1]) if last > lo else None
        last_word = w(len(run) - 1)
        if (
            len(run) > 1
            and last_word.casefold() in _PLACE_LAST | _ORG_LAST
            and not _is_honorific(w(lo))
            and not (len(run) == 2 and last_word in _SURNAME_WORDS)
        ):
            return None  # "Kenyatta Hospital sends": a place or an institution
        while hi >= lo and blocked(hi):
            if hi > lo and w(hi) in _SURNAME_WORDS and fold(w(hi - 1)) in given:
                break  # "Maya Ward", "Tom Lane": a surname, not a place
            hi -= 1
        if lo > hi:
            return None
        whole = " ".join(fold(w(i)) for i in range(lo, hi + 1))
        # "Meet Hemi Walker", "Ask Mbali Khumalo": a verb starting the sentence is no part of the name.
        while (
            initial
            and lo < hi
            and fold(w(lo)) in english
            and (fold(w(lo)) not in given or fold(w(lo)) in everyday)
            and not initial_letter(lo)
            and not _PERSON_AFTER.match(text[run[hi][1] : run[hi][1] + 24])
        ):
            lo += 1
        after = text[run[hi][1] : run[hi][1] + 40]
        if (
            lo == 0
            and initial
            and lo < hi
            and fold(w(0)) not in given
            and fold(w(1)) in given
            and not _PERSON_AFTER.match(after)
        ):
            # "Keep Maya and the group": the verb at the start goes, the name stays; but
            # "Thabo Nkosi was admitted" is one person, whatever the lists know of "Thabo".
            lo = 1
        span = (run[lo][0], run[hi][1])
        before = text[max(0, span[0] - 24) : span[0]]
        person_before = bool(_PERSON_BEFORE.search(before))  # "confided in Maya" is no place
        title_after = run[hi][0] in titled_after or bool(_TITLE_AFTER.match(after))
        if title_after and self._namelike(w(hi)):
            return span  # "Iyer sir", "Raju bhai"
        place = (_PLACE_BEFORE.search(before) and not person_before) or _PLACE_AFTER.match(after)
        if place or w(hi).casefold() in _PLACE_LAST or _TOWN.match(after) or _STREET_END.search(before):
            return None  # "in Sydney", "the Grace room", "Mill Road, Cambridge CB1 2AD": a place
        idx = range(lo, hi + 1)
        folded = {i: fold(w(i)) for i in idx if not blocked(i)}
        # A given name that is also a word ("Hope") is weak: it needs a surname or context; one
        # that is the name of a people or language ("English", "Spanish") is no name here.
        strong = [i for i, f in folded.items() if f in given and f not in everyday and f not in english]
        weak = [i for i, f in folded.items() if f in given and f in everyday]
        speech = bool(_SPEECH.match(after))
        human = bool(_HUMAN_AFTER.match(after))
        if not (speech or (strong and (human or person_before))) and (
            whole in places
            or " ".join(fold(w(i)) for i in idx) in places
            or (hi > lo and fold(w(hi)) in places and not (strong or weak))
        ):
            return None  # "Berlin", "São Paulo", "Santé Québec"; but "Fatima spoke"
        if hi > lo and fold(w(hi)) in _ORG_LAST:
            return None  # "Fraser Health", "Legal Aid Board"
        if re.search(r"(?i:\bthe)\s+$", before) and not (strong and hi > lo):
            return None  # "the Warden", "the Dean's cabinet", "the Mater": a role or a place
        # "The youth worker, Kahurangi, noticed": a name set off by commas after a role.
        apposition = bool(re.search(r"\b[a-z]{3,},\s+$", before) and after.startswith(","))
        role_after = bool(_ROLE_AFTER.match(after)) or apposition
        context = bool(_PERSON_AFTER.match(after) or person_before or role_after)
        if strong:
            return span
        # A given name that is also a word ("Hope", "Faith") needs a surname after it or
        # a person's context around it: on its own it is as often a room or a virtue.
        if weak and hi > lo:
            return span
        unknowns = [i for i in idx if unknown(i)]
        # Two name-like words in a row, one of them of no list: "Fiachra Breathnach".
        if hi > lo and unknowns and all(self._namelike(w(i)) or initial_letter(i) for i in idx):
            return span
        # Two words, the second of no list and the first no English word, even where the
        # first is also a town somewhere ("Mandla Zungu disagreed"): a given name and a surname.
        if hi == lo + 1 and unknown(hi) and not blocked(lo) and fold(w(lo)) not in english:
            return span
        maybe = bool(_MAYBE_PERSON_BEFORE.search(before))
        # No given name, or only one that is also a word: only the neighbours can tell.
        if initial and lo == 0:
            # At a sentence start capitals say nothing; a verb after says a person ("Kwame
            # Mensah was admitted"), for one word only a verb of speech ("Okonkwo said"),
            # or, for a word of no list or a given name, any person's verb or a role.
            if speech:
                return span
            if (unknowns or weak) and hi == lo and (human or role_after):
                return span
            return span if hi > lo and _PERSON_AFTER.match(after) else None
        if weak or unknowns:
            # Mid-sentence: a cue before or after ("told Gosia", "with Tamati", "Bill from
            # Campus Safety"); "to" and "from" only for a word of no list.
            return span if context or (unknowns and maybe) else None
        return None


_CITATION = re.compile(
    r"\(\s*[A-Z][\w'’-]+(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)*(?:\s+et\s+al\.?)?,?\s*\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et\s+al\.?)?,?\s*\(\s*\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w'’-]+\s+et\s+al\.?"
)


def name_parts(name: str) -> list[str]:
    """The first and last name of a full name ("Dr Helen Wu" → Helen, Wu); [] for one word."""
    from nameparser import HumanName

    bare = strip_title(name)
    if len(bare.split()) < 2:
        return []
    parsed = HumanName(bare)
    parts = [p for p in (parsed.first, parsed.last) if p and len(p) > 1]
    return list(dict.fromkeys(parts))


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for these names, whole words, with any title before them and possessives
    after; a one-word name that is also an everyday word ("Grace") only when capitalised."""
    alternatives = []
    everyday, english = name_words(), english_words()
    # A name given on purpose that is only a title ("Miss") is still that word.
    for value in sorted({_bare(n) for n in names} - {""}, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in value.split())
        if " " not in value and (fold(value) in everyday or fold(value) in english or value.casefold() in _NOT_NAMES):
            # As given, or capitalised: "Grace" the person, never "grace" the word, and
            # "the Principal" found once never makes "the principal" a person elsewhere.
            alternatives.append(f"{re.escape(value)}|{re.escape(value[0].upper())}(?i:{re.escape(value[1:])})")
        else:
            alternatives.append(f"(?i:{body})")
    if not alternatives:
        return None
    return re.compile(
        rf"(?<![\w@.])(?P<name>(?:{_HONORIFIC}\s+)?(?:{'|'.join(alternatives)}))"
        # A digit stuck to a name goes with it ("Maya2"): no part of it is left behind.
        rf"(?:\d+(?!\w)|(?P<poss>['’]s\b|s['’]|['’](?!\w))?(?!\w))"
    )


def _bare(name: str) -> str:
    """A name without its titles, spacing or a digit stuck to its end ("Dr. Maya2" → "Maya")."""
    return " ".join((strip_title(name) or name).split()).rstrip("0123456789")


def locate(
    texts: Sequence[str],
    names: Iterable[str] = (),
    *,
    region: str | None = None,
    not_names: Iterable[str] = (),
) -> list[list[Span]]:
    """The identifiers' spans in each text of one export.

    Two passes: the first finds full names anywhere in the export; the second also seeks
    each full name's first and last name on their own ("Jonah Reyes" … "Jonah").
    """
    detector = Detector(list(names), list(not_names), region)
    first = [detector.spans(text) for text in texts]
    full = [text[s.start : s.end] for text, spans in zip(texts, first, strict=True) for s in spans if s.kind == "name"]
    blocked = _NOT_NAMES | detector._authors
    parts = [p for n in full for p in name_parts(n) if p.casefold() not in blocked]
    # A one-word name of no English word, found once, is that person wherever it stands and
    # in any case ("asked kiri …, Kiri said"); an everyday word stays a word elsewhere.
    english = english_words()
    single = [b for n in full if " " not in (b := _bare(n)) and fold(b) not in english and b.casefold() not in blocked]
    also = name_pattern([*parts, *single])
    if also is None:
        return first
    return [detector.spans(text, also) for text in texts]


def scan(
    texts: Iterable[tuple[str, str]],
    names: Iterable[str] = (),
    *,
    region: str | None = None,
    not_names: Iterable[str] = (),
) -> list[Finding]:
    """Identifiers in each (where, text), each kind and value once, in reading order."""
    texts = list(texts)
    located = locate([t for _, t in texts], names, region=region, not_names=not_names)
    findings: dict[tuple[str, str], Finding] = {}
    for (where, text), spans in zip(texts, located, strict=True):
        for s in spans:  # in the order a person reads them
            finding = Finding(s.kind, text[s.start : s.end], where, _context(text, s.start, s.end))
            findings.setdefault(finding.key(), finding)
    return list(findings.values())


def placeholder(n: int) -> str:
    """[Person A] … [Person Z], then [Person AA], [Person AB] …"""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"[Person {letters}]"


def people(names: Iterable[str]) -> dict[str, int]:
    """Each name (title stripped, casefolded) → a person number, in order of first mention.

    One person, one number: a first or last name that belongs to a full name in the list
    is that person ("Jonah" and "Dr. Reyes" are "Jonah Reyes").
    """
    bare = [b for b in (_bare(n) for n in names) if b]
    number: dict[str, int] = {}
    full = [b for b in bare if " " in b]
    part_of: dict[str, str] = {}
    for f in full:
        for p in name_parts(f):
            part_of.setdefault(p.casefold(), f.casefold())
    count = 0
    for b in bare:
        key = b.casefold()
        if key in number:
            continue
        owner = part_of.get(key) if " " not in b else None
        if owner is not None and owner in number:
            number[key] = number[owner]
            continue
        number[key] = count
        if owner is not None:
            number[owner] = count
        if " " in b:
            for p in name_parts(b):
                if part_of.get(p.casefold()) == key:
                    number.setdefault(p.casefold(), count)
        count += 1
    return number


@dataclass
class Redactor:
    """Replaces names (whole words, any case, possessives too) and other identifiers.

    Each value gets a stable placeholder: people [Person A], [Person B] … in the order
    given, one per person (a title goes with the name; a first or last name of a full
    name is that person); other kinds [Email 1], [Date 1] …. Everything is matched in
    one pass, longest first, and a placeholder is never redacted again.
    """

    names: Sequence[str] = ()
    others: Sequence[tuple[str, str]] = ()
    count: int = 0
    _names: re.Pattern[str] | None = field(default=None, repr=False)
    _others: re.Pattern[str] | None = field(default=None, repr=False)
    _people: dict[str, int] = field(default_factory=dict, repr=False)
    _stand_ins: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._people = people(self.names)
        self._names = name_pattern(self.names)
        numbered: dict[str, int] = {}
        values = []
        for kind, raw in self.others:
            value = " ".join(raw.split())
            key = value.casefold()
            if not value or key in self._stand_ins:
                continue
            numbered[kind] = numbered.get(kind, 0) + 1
            self._stand_ins[key] = f"[{_PLACEHOLDER_WORD.get(kind, kind.title())} {numbered[kind]}]"
            values.append(value)
        if values:
            alternatives = "|".join(
                r"\s+".join(re.escape(w) for w in v.split()) for v in sorted(values, key=len, reverse=True)
            )
            self._others = re.compile(rf"(?<!\w)(?P<value>{alternatives})(?!\w)", re.IGNORECASE)

    def __bool__(self) -> bool:
        return self._names is not None or self._others is not None

    def _person(self, found: str) -> str:
        bare = _bare(found).casefold()
        return placeholder(self._people.get(bare, self._people.get(" ".join(found.split()).casefold(), 0)))

    def text(self, value: str) -> str:
        if self._others is not None:

            def swap_other(match: re.Match[str]) -> str:
                return self._stand_ins[" ".join(match.group("value").split()).casefold()]

            value, n = self._others.subn(swap_other, value)
            self.count += n
        if self._names is not None:

            def swap_name(match: re.Match[str]) -> str:
                return self._person(match.group("name")) + (match.group("poss") or "")

            value, n = self._names.subn(swap_name, value)
            self.count += n
        return value

    def data(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(v) for v in value]
        if isinstance(value, dict):
            return {k: self.data(v) for k, v in value.items()}
        return value
