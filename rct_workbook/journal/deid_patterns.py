"""The patterns for contact details, record numbers, dates, addresses, postcodes and named
wards or units, in the order they claim text; and the span they mark.

Part of ``journal/deidentify.py`` (its docstring says how the parts fit together).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rct_workbook.journal.deid_address import STREET
from rct_workbook.journal.deid_words import english_words, fold

KIND_LABELS = {
    "name": "name",
    "email": "email address",
    "handle": "social media handle",
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
    "handle": "Handle",
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

_RECORD_LABEL = (
    r"MRN|UHID|NHI|SSN|(?-i:IP|OP)(?=\s+\d)|(?:NHS|CHI|HSC|IHI|PPSN?|SIN|Medicare|Medicaid|Aadhaar|case|file|folder|record|chart|"
    r"patient|client|account|referral|incident|ref(?:erence)?|ID|hospital|claim|policy|FPS|prisoner|inmate|"
    r"offender|student|staff|employee|payroll|court|docket|registration|reg|unit|booking|member(?:ship)?|bed|"
    # Words for an identity card, a number or a patient's file in other languages: "cédula",
    # "expediente", "prontuário", "dossier", "Personnummer", "kimlik", "iqama", "Omang".
    r"cédula|cedula|documento|identidad|identidade|carteira|cartão|cartao|número|numero|numéro|nummer|"
    r"expediente|historia\s+clínica|prontuário|prontuario|dossier|matrícula|matricula|ficha|tessera|"
    r"personnummer|kennitala|henkilötunnus|isikukood|kimlik|iqama|omang|huduma|ausweis|"
    # Any acronym before "number" or "no." is a scheme's name: "NI number", "OHIP no.", "TFN #".
    r"(?-i:[A-Z]{2,6})(?=\s*(?:number|no\.|num\b|#))"
    # A capitalised word and "Number" is one too: "My Number" (Japan), "Status Number".
    r"|(?-i:[A-Z][a-z]+\s+Number))"
    r"(?:\s+(?:no\.?|number|num|#|ID|ref(?:erence)?|file))?"
)
#: Something shaped like a domain, with or without a path ("bit.ly/…", "forms.gle/…",
#: "waratahyouthhub.org.au"): a link only if its last labels are a public suffix (see _is_domain).
_DOMAIN_LIKE = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\.[a-z]{2,})*\b(?!\.\w)(?!@)"
    r"(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?",
    re.IGNORECASE,
)
#: A scheme's acronym before its number, the two together: "OHIP 4567-123-890-XK", "TFN: 123 456
#: 782", "UR 0088213". Kept only where _is_acronym_record says the number is one (no "BP 120/80").
_ACRONYM_RECORD = re.compile(
    r"(?<![\w&/-])(?P<label>[A-Z]{2,6})(?:\s*(?:#|:|no\.)\s*|\s+)"
    r"(?P<value>(?=[A-Z]{0,3}\d)[A-Z0-9]+(?:(?:[-/]|\.(?=\d)|\s(?=\d)|\s(?=[A-Z]\b(?![\'’])))[A-Z0-9]+)*)\b(?![\w/-])"
)


def _is_acronym_record(match: re.Match[str]) -> bool:
    """A number long enough to name one person: five digits or more, or four with letters; not
    a measurement written as a ratio ("BP 120/80"), not a phone number as dialled ("GP 07700
    900461", left to the phone finder), and no shouted word as the label ("CALL 0800…")."""
    label, value = match.group("label"), match.group("value")
    digits = sum(c.isdigit() for c in value)
    letters = any(c.isalpha() for c in value)
    if len(label) > 3 and fold(label) in english_words():
        return False
    if not (digits >= 5 or (digits >= 4 and letters)):
        return False
    if "/" in value and not letters and digits < 6:
        return False
    return not (value[0] in "0+" and digits >= 10 and not letters)


#: A scheme's name as a word, capitalised or run together, before a long number in digit
#: groups: "PhilHealth 12-503318447-9", "Centrelink 204 118 553K", "Medibank 4412 55130".
_NAMED_RECORD = re.compile(
    r"(?<![\w&/-])(?P<label>[A-Z][a-z]+(?:[A-Z][a-z]+)*)(?:\s*(?:#|:|no\.)\s*|\s+)"
    r"(?P<value>\d[\d]*(?:[ -]\d+)*(?:[ -]?[A-Z])?)\b(?![\w/-])"
)


def _is_named_record(match: re.Match[str]) -> bool:
    """Eight digits or more after a word of no English: a scheme's number ("PhilHealth …"),
    not a phone number as dialled ("Mobile 07700 900318") nor a sum or a year."""
    label, value = match.group("label"), match.group("value")
    digits = sum(c.isdigit() for c in value)
    if digits < 8 or fold(label) in english_words():
        return False
    if match.group().count(":") or "#" in match.group() or "no." in match.group():
        return True  # "PhilHealth no. 01-…": a number given as the scheme's
    last = re.split(r"[ -]", value)[-1]
    return not (value[0] in "0+" and digits >= 10 and len(last) >= 3)


#: Languages whose dates a clinician may copy into a reflection beside English ("3 février", "12
#: maja", "3 de fevereiro de 2025", "3. März", "5 Mei", "11월 5일"): the languages of the regions
#: the app is used in and of the people its users work with. Their month names and the order
#: of day, month and year come from the Unicode CLDR through Babel, never typed here.
_DATE_LOCALES = (
    *("fr", "es", "pt", "it", "de", "nl", "pl", "ro", "cs", "sk", "sl", "hr", "bs", "sr_Latn", "hu", "sq"),
    *("sv", "da", "nb", "nn", "fi", "et", "lv", "lt", "is", "ga", "cy", "gd", "kw", "mt", "ca", "eu", "gl"),
    *("tr", "az", "uz", "id", "ms", "fil", "vi", "sw", "af", "zu", "xh", "yo", "ha", "ig", "so", "mi", "to"),
    *("haw", "ko", "ja", "zh"),
    # More of Southern and Eastern Africa: Shona, Kinyarwanda, Kirundi, Luganda, Chichewa, Sesotho,
    # Setswana, Northern Ndebele, Swati, Venda, Tsonga, Sepedi, Oromo, Tigrinya.
    *("sn", "rw", "rn", "lg", "ny", "st", "tn", "nd", "ss", "ve", "ts", "nso", "om", "ti"),
    # Other scripts: Greek, Cyrillic, Arabic, Hebrew, the scripts of South and South-East Asia.
    *("el", "ru", "uk", "bg", "sr", "mk", "ar", "fa", "ur", "he", "hi", "bn", "pa", "gu", "mr", "ne", "ta", "te"),
    *("kn", "ml", "si", "th", "my", "km", "lo", "am", "ka", "hy"),
)
#: The slot in PATTERNS that dates_abroad fills (a pattern of its own, so it can be told apart).
_DATES_ABROAD = re.compile(r"(?!)(?#dates abroad)")


#: Where a month's name goes in a shape, full or short; filled once all languages are read.
_WIDE, _SHORT = "\x00W", "\x00S"


def _cldr_shape(pattern: str) -> str | None:
    """A CLDR date pattern ("d 'de' MMMM 'de' y", "y년 MMMM d일", "M月d日") as a regex: the day,
    the month by name (_WIDE or _SHORT, filled later) or by number where a word marks it (as
    月 and 월 do), and the year."""
    out = []
    tokens = re.findall(r"'[^']*'|d+|M+|L+|y+|\s+|.", pattern)
    if not any(t[0] in "ML" for t in tokens) or not any(t[0] == "d" for t in tokens):
        return None
    numeric_month = False
    for token in tokens:
        if token[0] == "d":
            # "1er", "1º"; a case ending joined by a hyphen, as Hungarian writes it ("9-én").
            out.append(r"\d{1,2}(?:er|º|ª|-[^\W\d_]{1,3})?")
        elif token[0] in "ML":
            numeric_month = len(token) < 3
            out.append(r"(?:0?[1-9]|1[0-2])" if numeric_month else (_WIDE if len(token) == 4 else _SHORT))
        elif token[0] == "y":
            out.append(r"\d{4}")
        elif token[0] == "'":
            out.append(re.escape(token[1:-1]) if len(token) > 2 else "'")
        elif token.isspace():
            out.append(r"\s*" if numeric_month else r"\s+")
        elif token in (",", "."):
            out.append(re.escape(token) + "?")
        else:
            out.append(re.escape(token))
    shape = "".join(out)
    # A month by number is a date only with a word beside it ("5월", "11月"), never "3/4".
    marked = re.search(r"[^\W\d_]", re.sub(r"\\.|\(\?:[^)]*\)|\\d", "", shape))
    return None if numeric_month and not marked else shape


@functools.lru_cache(maxsize=1)
def _dates_abroad() -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of dates_abroad, and the month names it knows (casefolded, for a quick look)."""
    from babel import Locale
    from babel.units import format_unit

    english = english_words()
    # Each shape of date with the months of every language that writes it so: few shapes, each
    # with one alternation of names, rather than one per language.
    shapes: dict[str, tuple[set[str], set[str]]] = {}
    day_words: set[str] = set()
    month_words: set[str] = set()
    for code in _DATE_LOCALES:
        locale = Locale.parse(code)
        months: dict[str, set[str]] = {"wide": set(), "abbreviated": set()}
        for width, names in months.items():
            for context in ("format", "stand-alone"):
                for name in locale.months[context][width].values():
                    name = name.rstrip(".")
                    # An abbreviation that is an English word ("Set", "Sun", "Mat") or of two
                    # letters says nothing after a number; a full name ("mars", "mayo") does.
                    if (len(name) > 2 or name[0].isdigit()) and (width == "wide" or fold(name) not in english):
                        names.add(re.escape(name) + (r"\.?" if width == "abbreviated" else ""))
                        # Looked up to find where to search: a whole name ("mars"), or the
                        # words of one that are no English ("Iuchar", not "An" of "An t-Iuchar").
                        parts = _MONTH_WORD.findall(name)
                        if len(parts) == 1:
                            month_words.add(parts[0].casefold())
                        else:
                            month_words.update(w.casefold() for w in parts if len(w) > 2 and fold(w) not in english)
        for skeleton in ("yMMMMd", "yMMMd", "MMMMd", "MMMd"):
            found = locale.datetime_skeletons.get(skeleton)
            if found is not None and (shape := _cldr_shape(found.pattern)) is not None:
                wide, short = shapes.setdefault(shape, (set(), set()))
                wide.update(months["wide"])
                short.update(months["abbreviated"] | months["wide"])
        day = re.sub(r"[\d\s\u00a0]+", " ", format_unit(1, "duration-day", locale=locale)).strip()
        if day and " " not in day and day.isalpha():
            day_words.add(re.escape(day))

    def either(found: set[str]) -> str:
        return "(?i:" + "|".join(sorted(found, key=len, reverse=True)) + ")"

    filled = [shape.replace(_WIDE, either(w)).replace(_SHORT, either(s)) for shape, (w, s) in shapes.items()]
    days = "|".join(sorted(day_words, key=len, reverse=True))
    # A month by number with its word ("5月", "11월") is looked for by its word.
    month_words.update(("月", "월"))
    # What ends a date: no more letters of a Latin word; Korean and Japanese join particles
    # straight on ("3월 14일이었다").
    end = r"(?![\dA-Za-zÀ-ÖØ-öø-ɏ])"
    # The article some languages put before a date goes with it: "le 14 novembre", "el 3 de mayo".
    article = r"(?:(?i:le|el|il|am|den|dem|vom|o|a)\s+)?"
    pattern = re.compile(rf"(?<![\w/.-]){article}(?:(?i:{days})\s+)?(?:{'|'.join(filled)}){end}")
    return pattern, frozenset(month_words)


#: The English months, which the date pattern above finds in English shapes.
_ENGLISH_MONTHS = frozenset(m.casefold() for m in _MONTHS.split("|"))
#: A word as month names are looked up: letters and the marks that join them ("मार्च", "ইউনি"),
#: or the sign for a month after its number (月, 월).
_MONTH_WORD = re.compile(
    r"[^\W\d_][^\W\d_\u0300-\u036f]*(?:[\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u0300-\u036f]+[^\W\d_]*)*|[月월]"
)


_DIGIT = re.compile(r"\d")
_BESIDE_NUMBER = re.compile(
    r"(?<=\d)(?:er|º|ª)?\.?\s*(?:de\s+)?([^\W\d_][^\s\d.,;:!?]*)|([^\W\d_][^\s\d.,;:!?]*)(?=\s+\d)"
)


_DATE_HINT = re.compile(r"\b(?i:le|el|il|am|dem|den|vom|del|al|du)\s+\d{1,2}\b|\b\d{1,2}(?:er|º|ª)\s|\b\d{1,2}\s+de\s")


def dates_abroad(text: str) -> list[tuple[int, int]]:
    """Days with a month written in the languages of _DATE_LOCALES, the year optional, in the
    order and with the words each language uses: "3 février", "12 maja 2025", "3 de fevereiro",
    "3. März", "február 3.", "11월 5일", "5月3日", "ngày 5 tháng 11" (the word for a day first,
    as Vietnamese writes it, is CLDR's too). Sought only around a month's name: one long
    alternation tried at every word would cost more than all the other patterns."""
    if not _DIGIT.search(text):
        return []
    # Babel's data for eighty languages is read only for a text that has a word of no English
    # beside a number ("3 février", "मार्च 5"), or a month's sign: "3 patients" reads none.
    english = english_words()
    beside = (w for m in _BESIDE_NUMBER.finditer(text) for w in m.groups() if w)
    # Not a unit ("3pm", "5 mg", "2 hrs"): a month's name has three letters or more and a vowel.
    foreign = any(
        len(w) > 2
        and (not w.isascii() or re.search(r"[aeiouyAEIOUY]", w))
        and fold(w) not in english
        and w.casefold() not in _ENGLISH_MONTHS
        for w in beside
    )
    # A month that is an English word too ("mars", "mayo") is sought after the words that go
    # before a date in those languages: "le 3 mars", "el 3 de mayo", "1er mars".
    if not foreign and "月" not in text and "월" not in text and not _DATE_HINT.search(text):
        return []
    pattern, month_words = _dates_abroad()
    found: list[tuple[int, int]] = []
    for word in _MONTH_WORD.finditer(text):
        low = word.group().casefold()
        if low in month_words and low not in _ENGLISH_MONTHS and not (found and word.start() < found[-1][1]):
            lo = max(0, word.start() - 24)
            if not any(c.isdigit() for c in text[lo : word.end() + 24]):
                continue
            found += [
                m.span()
                for m in pattern.finditer(text, lo, min(len(text), word.end() + 24))
                if m.start() <= word.start() < m.end() and not (found and m.start() < found[-1][1])
            ]
    return found


# A day and month with no year ("on 2/11", "until 23/10", "am 14.11.") only after the words that
# put a date in a sentence, or before a time ("2/11 at 10"): alone, "3/5", "20/20", "2/3 of staff"
# are scores, ratios and fractions. Either order (day/month or the American month/day) must be a
# real date; a fraction of something ("on 2/3 of shifts", "on 3/5 days") or a change ("cut by 1/3")
# stays as written.
_DAY_MONTH = re.compile(
    r"(?<![\w/.])(?P<only>(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})|\.(?P<c>\d{1,2})\.(?!\S)))(?![\w/.,]\d|\d|%)"
    r"(?P<after>\s+(?:of\b|[a-z]+s\b)|\s*(?i:mg|mcg|ml|g|kg|mmol|units?|tabs?|x)\b)?"
    r"(?P<time>\s+at\s+\d{1,2}(?::\d\d|\s*(?:am|pm)|h\d\d)\b)?"
)
#: The words before such a date; sought back from the digits, so the pattern starts only at a digit.
_DAY_MONTH_CUE = re.compile(
    r"(?:\b(?i:on|by|from|until|till|til|since|dated|before|after|due|am|vom|bis|ab|le|el|desde|hasta|até|tot|op)"
    r"|\b(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?)\s+$"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?i:reduced|increased|cut|down|up|dropped|rose|fell|improved|divided|multiplied)\s+by\s+$"
)


def _is_day_month(match: re.Match[str]) -> bool:
    if match.group("after"):
        return False
    before = match.string[max(0, match.start() - 24) : match.start()]
    if _CHANGE_BEFORE.search(before) or not (match.group("time") or _DAY_MONTH_CUE.search(before)):
        return False
    first, second = int(match.group("a")), int(match.group("b") or match.group("c"))
    return 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12


def _calendar_month_names() -> list[str]:
    from importlib import resources

    text = (resources.files("rct_workbook.journal") / "calendar_months.txt").read_text(encoding="utf-8")
    return [n.strip() for n in text.splitlines() if n.strip() and not n.startswith("#")]


@functools.lru_cache(maxsize=1)
def _calendar_month_words() -> frozenset[str]:
    """The first word of each such month, and the short ones sought only with an era: a text with
    none of them beside a number holds no such date."""
    return frozenset({n.split()[0].split("'")[0] for n in _calendar_month_names()} | {"Tir", "Ter", "Dey", "Av"})


@functools.lru_cache(maxsize=1)
def _other_calendars() -> re.Pattern[str]:
    """A day or a year beside a month of the Ethiopian, Persian, Nepali, Hebrew or Islamic calendar
    (calendar_months.txt): "14 Azar", "Meskerem 17", "2083 Mangsir 12", "Tir 3, 2018 E.C."."""
    names = sorted(_calendar_month_names(), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    # A year of these calendars, with its era: "2018 E.C.", "1403 AP", "2081 BS", "1446 AH".
    year = r"(?:,?\s+\d{4}(?:\s+(?:E\.C\.?|EC|AP|SH|HS|BS|B\.S\.?|VS|AH|A\.H\.?|AM))?)"
    return re.compile(
        rf"(?<![\w-])(?:\d{{4}}\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\b{year}?"
        rf"|(?<![\w-])(?:\d{{4}}\s+)?{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:mg|ml|%|/)|\s+[a-z]+s\b)(?:{year})?"
        # "Tir 3, 2018 E.C." above; also a month and a year with its era alone: "Tir 2018 E.C.".
        rf"|(?<![\w-]){month}\s+\d{{4}}\s+(?:E\.C\.?|AP|SH|BS|B\.S\.?|AH|A\.H\.?)"
        # "Tir 3" with a short name: only with a year and its era after.
        r"|(?<![\w-])(?:Tir|Ter|Dey|Av)\s+\d{1,2},?\s+\d{4}\s+(?:E\.C\.?|AP|SH|AH|A\.H\.?)"
    )


#: Dates written as Japan's and Taiwan's eras and in Chinese characters: "令和8年4月3日",
#: "民國115年1月20日", "4月3日"; Taiwan's year of the Republic in figures: "115/03/02".
_EAST_ASIAN_DATE = re.compile(
    r"(?:(?:令和|平成|昭和|大正|民國|民国|中華民國)\s?)?(?:\d{1,4}\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?[日号]"
    r"|(?<![\d/.])1[0-2]\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/])"
)
_OTHER_CALENDARS = re.compile(r"(?!)(?#other calendars)")


#: (kind, pattern) in the order they claim text: an earlier match wins an overlap. Where a pattern
#: has a group named "only", only that group is claimed (the ID, not the app's name before it).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # An ID on a messaging app, after its name: "WeChat qiuml_1987", "LINE: somchai.k88", "Zalo
    # id thu_ng"; only a token no word is (a digit, a dot or an underscore in it).
    (
        "handle",
        re.compile(
            r"\b(?:WeChat|Weixin|LINE|Line|Zalo|KakaoTalk|Kakao|Viber|Telegram|Skype|Signal|Snapchat|Threema)"
            r"(?:\s+(?:ID|id|handle))?:?\s(?P<only>(?=[\w.-]*[\d_.])[A-Za-z][\w.-]{2,30}[A-Za-z0-9])(?![\w@])"
        ),
    ),
    # A social media handle: "@kiri_m", "@dr.wu" (an email is claimed above, first).
    ("handle", re.compile(r"(?<![\w.@/])@(?=[\w.]*[A-Za-z])\w(?:[\w.]{0,28}\w)?(?![\w@])")),
    # A link ends before the punctuation after it: "see bit.ly/x, then" keeps its comma.
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.IGNORECASE)),
    ("url", _DOMAIN_LIKE),  # kept only where _is_domain says so
    # Each part of an IPv4 address is 255 at most: "1.023.456.789" is a number in groups (a cédula).
    (
        "ip",
        re.compile(
            r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])|\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b"
        ),
    ),
    # Before records: "Unit 4/12 Banksia Street, …" is one address, not a unit number and a street.
    ("address", re.compile(r"(?!)")),  # found by deid_address.addresses
    (
        "record",
        re.compile(
            # An acronym before the label names the scheme: "IHS Chart 555-7721", "NHS number".
            rf"(?<!\w)(?:(?-i:[A-Z]{{2,5}})\s+(?=(?i:{_RECORD_LABEL})))?"
            rf"(?i:{_RECORD_LABEL})\.?(?:\s+(?:is|was|as|given\s+as|reads|of))?\s*(?:#|:)?\s*"
            r"(?:[A-Z]{1,3}\s(?=\d))?"
            # "QQ 12 34 56 C": groups of digits, and a letter after them, are one number.
            r"(?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9/-]|\.(?=\d)|\s(?=\d)|\s(?=(?![AI]\s)[A-Z]\b(?!['’])))*[A-Z0-9]\b"
        ),
    ),
    ("record", _ACRONYM_RECORD),  # kept only where _is_acronym_record says so
    ("record", _NAMED_RECORD),  # kept only where _is_named_record says so
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
            # "3-Jun-24", "2024/06/03", "04/2025" (a month and year).
            rf"|\b\d{{1,2}}[-/](?:{_MONTHS})[-/](?:\d{{4}}|\d{{2}})\b"
            r"|\b\d{4}[/.]\d{1,2}[/.]\d{1,2}\b|\b(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}\b"
            # A day with no month: "on the 21st", "Tuesday 14/10", "Thurs 4th".
            # "the 3rd of Oct"; a month of another calendar too: "the 3rd of Ramadan".
            rf"|\bthe\s+\d{{1,2}}(?:st|nd|rd|th)\b(?:\s+of\s+(?:(?:{_MONTHS})\b\.?|(?-i:[A-Z][a-z]{{3,}})\b))?"
            r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:the\s+)?\d{1,2}(?:[/.]\d{1,2}|st|nd|rd|th)\b"
            r"|\b(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)\.?\s+\d{1,2}(?:st|nd|rd|th)\b",
            re.IGNORECASE,
        ),
    ),
    ("date", _DAY_MONTH),  # kept only where _is_day_month says so
    ("date", _EAST_ASIAN_DATE),
    ("date", _OTHER_CALENDARS),  # built when first needed, from calendar_months.txt
    ("date", _DATES_ABROAD),  # dates written in other languages, built when first needed
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
_EXTENSION = re.compile(
    r"\b(?i:bleep|pager|ext(?:ension)?\.?)\s*(?:#|:|no\.?)?\s*\d{2,6}\b"
    # "x4471": an extension written with an x alone, three digits or more (not "3x500", "x2").
    r"|(?<![\w.])x\d{3,6}\b"
)
#: Digit groups that look like a phone number in some other country's national format.
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,3}(?!\w)")

#: Words before a code that name a ward, unit or block, in several languages and services:
#: "Ward 7B", "Wad 5A" (Malay), "Houseblock 4" (a prison), "Pavilion 2", "Station 3" (German),
#: "Sala 4" (Spanish, Portuguese), "Reparto 2" (Italian), "Afdeling 5" (Dutch).
UNIT_CODE_WORDS = (
    *("Ward", "Wad", "Unit", "Wing", "Bay", "Pod", "Block", "Houseblock", "Level", "Floor", "Landing", "Spur"),
    *("Pavilion", "Pavillon", "Pabellón", "Pavilhão", "Padiglione", "Station", "Sala", "Reparto", "Afdeling"),
    *("Oddział", "Servicio", "Enfermaria", "Kamar", "Bilik", "Cottage", "Villa", "Suite", "Annexe", "Annex"),
    *("Building", "Room"),
)
#: The same in other languages, in any case and before a code or a name: French "l'unité 4 Nord",
#: "pavillon Les Tilleuls"; Spanish "Planta 3", "Ala B", "Unidad 2"; Portuguese "Ala", "Bloco";
#: Italian "Padiglione"; Polish "Oddziale" (its cases); Turkish "Servis", "Blok", "Kat"; Malay
#: and Indonesian "Ruang", "Bangsal", "Wad", "Gedung"; Vietnamese "Khoa", "Nhà"; Hebrew
#: "Mahlaka"; Swahili "Wodi"; German "Station", "Abteilung"; Dutch "Afdeling", "Paviljoen".
_UNIT_WORDS_ABROAD = (
    "unité|unite|pavillon|bâtiment|pabellón|pabellon|planta|ala|unidad|módulo|modulo|sala|servicio|pavilhão|"
    "pavilhao|bloco|enfermaria|unidade|reparto|padiglione|oddział|oddziale|oddziału|oddzial|pawilon|servis|"
    "blok|kat|ruang|bangsal|wad|gedung|khoa|nhà|mahlaka|wodi|station|abteilung|afdeling|paviljoen|"
    # A floor, as "Level" and "Floor" are: Spanish and Portuguese "piso", "andar", French "étage".
    "piso|andar|étage|etage"
)
#: Of those, the ones that before a capitalised name alone (no code) say a ward: "Ruang Cempaka",
#: "Pabellón Charcot", "Mahlaka Bet", "pavillon Les Tilleuls" (not "Ala", "Sala" or "Station",
#: which start other names, nor Vietnamese "Khoa", before a speciality as often as a name).
_UNIT_NAMED_ABROAD = (
    "unité|pavillon|pabellón|pabellon|pavilhão|pavilhao|padiglione|reparto|oddział|oddziale|oddziału|pawilon|"
    "ruang|bangsal|wad|mahlaka|wodi|abteilung|afdeling|paviljoen"
)
_UNIT_CODE_WORDS = "|".join(UNIT_CODE_WORDS)
#: A ward's code: "7B", "B3", "12", "C-7", "III".
# A letter may stand apart from the number ("Ward 14 B"), but not "A" or "I", which start a sentence.
_UNIT_CODE = r"(?:\d{1,3}(?:[A-Z]|\s[B-HJ-Z](?![\w’'-]))?|[A-Z]\d{0,2}(?:-\d{1,2})?|[IVX]{1,4})\b(?![’'-])"
#: Points of the compass after a code, in several languages: "4 North", "l'unité 4 Nord",
#: "Planta 3 Norte", "Station 12 Süd", "Ala Sur", "Blok Timur" (Malay, Indonesian).
DIRECTIONS = (
    "North|South|East|West|Upper|Lower|Nord|Sud|Süd|Est|Ouest|Ost|Norte|Sur|Sul|Este|Oeste|Leste|Noord|Zuid|"
    "Oost|Utara|Selatan|Timur|Barat"
)
#: The last word of a named ward, unit, clinic or programme: "Larchwood Unit", "Butterfly Ward".
_UNIT_WORDS = "Ward|Unit|Clinic|Programme|Program|Wing|Service|Annex|Annexe|Block|Building|Pavilion|Centre|Center|Hub"
_PARTICLE = r"(?:de|del|de\s+la|des|du|di|della|da|do|dos|das|la|le|les|nr\.?)"
_UNIT_NAME = re.compile(
    rf"\b(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_UNIT_WORDS})\b(?![’'-])(?:\s+\d{{1,3}}[A-Z]?\b)?"
    # "Ward 7B", "OPD Room 4", "l'unité 4 Nord", "Wad 7A Psikiatri", "Pabellón 3 de Psiquiatría".
    rf"|(?:\b[A-Z]{{2,5}}\s+(?=(?:{_UNIT_CODE_WORDS})\s))?(?:\b[lL]['’])?"
    rf"\b(?:{_UNIT_CODE_WORDS}|(?i:{_UNIT_WORDS_ABROAD}))\s+{_UNIT_CODE}"
    rf"(?:\s+(?:{DIRECTIONS})\b(?:[-\s][A-Z][\w'’-]+)?|\s+{_PARTICLE}\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"|(?:\s+[A-Z][\w'’-]+){1,3})?"
    # "Ward 14 (Psychiatry)": a ward's speciality in brackets after its code.
    r"(?:\s*\([A-Z][\w'’ -]{2,30}\))?"
    # "Ruang Cempaka 3", "Pabellón Charcot", "Oddziale Psychiatrycznym nr 2": a word of another
    # language for a ward before its name.
    rf"|\b(?i:{_UNIT_NAMED_ABROAD})\s+(?:{_PARTICLE}\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}"
    rf"(?:\s+(?:{_PARTICLE}\s+)?{_UNIT_CODE})?"
    # "Ala Norte", "Tagesklinik Nord": a ward's word, or a German clinic's or ward's compound, and a
    # point of the compass, with no code ("Station North" is a railway's exit as often).
    rf"|\b(?!(?i:station)\s)(?:{_UNIT_CODE_WORDS}|(?i:{_UNIT_WORDS_ABROAD})|[A-ZÄÖÜ][a-zäöüß]+(?:klinik|station|ambulanz|abteilung))"
    rf"\s+(?:{DIRECTIONS})\b(?![’'-])"
    # "Ward Tegid": an English word for a ward before a name (judged where it is used).
    r"|\b(?:Ward|Unit|Wing|Pavilion|Block)\s+[A-Z][\w'’-]+\b(?![’'-])"
    # "71 Ward", "5 West", "8 North Step-Down", "4 West Behavioral Health".
    r"|\b\d{1,3}[A-Z]?\s+(?:Ward|Unit|Wing)\b"
    rf"|\b\d{{1,2}}\s+(?:{DIRECTIONS})\b(?:[-\s][A-Z][\w'’-]+){{0,3}}"
)
#: Every word for a ward or unit before its code, in every language above, folded.
UNIT_WORDS_FOLDED = frozenset(fold(w) for w in (*UNIT_CODE_WORDS, *_UNIT_WORDS_ABROAD.split("|")))
#: Words that end the name of a building or a ward: "Kiwatule Annex", "Sakura Building".
UNIT_LAST = frozenset(w.casefold() for w in _UNIT_WORDS.split("|")) | {"centre", "center", "hospital", "house"}
#: What may follow a ward after a comma and is part of it: another part ("Ward 6, Kiwatule Annex",
#: "Jacaranda Unit, Pod C", "Pabellón B, Ala Sur", "Psychiatry Day Unit, 3rd floor") or its
#: building or site ("Ward 4 North, Knockbracken"), judged where it is used.
_PLACE_TAIL = re.compile(
    rf",\s+(?:(?P<part>(?:{_UNIT_CODE_WORDS}|(?i:{_UNIT_WORDS_ABROAD}))\s+(?:{_UNIT_CODE}|(?:{DIRECTIONS})\b)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)\s+(?i:floor)\b|(?i:level|floor|planta|piso|étage|kat|tầng)\s+\d{{1,3}}\b)"
    rf"|(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:{_PARTICLE}\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]*){{0,3}}))"
    r"(?=[\s.,;:)!?]|$)"
)
#: A site or building named before a ward's code after a comma: "on Te Whare Ahuru, Unit 2".
_PLACE_HEAD = re.compile(
    r"\b(?:on|in|at|to|from|off|into|onto)\s+(?:the\s+)?"
    r"(?P<head>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3}),\s+$"
)

#: A town in an address: after a street ("Mill Road, Cambridge") or before a postcode.
_STREET_END = re.compile(rf"\b(?:{STREET})\.?,\s*$")
_TOWN = re.compile(r"^,?\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{5}(?:-\d{4})?)\b")


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


#: An area code in brackets before a phone number: "(11) 95550-1427" (found from its national part).
_AREA_CODE_BEFORE = re.compile(r"\(\+?\d{1,4}\)\s?$")
#: A trunk digit before an area code in brackets: "8 (701) 555-12-34", as Russia and Kazakhstan dial.
_TRUNK_BEFORE = re.compile(r"(?<![\w.,])\d\s?$")
#: A check digit in brackets after a record: "K482913(5)", a Hong Kong identity card's.
_CHECK_AFTER = re.compile(r"\([0-9A-Z]\)(?!\w)")


def _whole_token(text: str, span: Span) -> Span:
    """A number is never caught in part: "MW-07700 900123" takes its file prefix with it, a phone
    number its area code in brackets, a record its check digit."""
    if span.kind not in ("phone", "number", "record", "postcode", "address"):
        return span
    start, end = span.start, span.end
    if span.kind == "phone" and (code := _AREA_CODE_BEFORE.search(text, max(0, start - 9), start)):
        start = code.start()
    if span.kind == "phone" and text[start] == "(" and (trunk := _TRUNK_BEFORE.search(text, max(0, start - 3), start)):
        start = trunk.start()
    if span.kind in ("record", "number", "address") and (check := _CHECK_AFTER.match(text, end)):
        end = check.end()
    while start > 0 and (
        text[start - 1].isalnum() or (text[start - 1] in "-/" and start > 1 and text[start - 2].isalnum())
    ):
        start -= 1
    while end < len(text) and (
        text[end].isalnum() or (text[end] in "-/" and end + 1 < len(text) and text[end + 1].isalnum())
    ):
        end += 1
    return Span(start, end, span.kind)


_CITATION = re.compile(
    r"\(\s*[A-Z][\w'’-]+(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)*(?:\s+et\s+al\.?)?,?\s*\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et\s+al\.?)?,?\s*\(\s*\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w'’-]+\s+et\s+al\.?"
)


#: Patterns whose finds are kept only where a check says so.
CHECKS: dict[re.Pattern[str], Callable[[re.Match[str]], bool]] = {
    _DOMAIN_LIKE: lambda m: _is_domain(m.group()),
    _ACRONYM_RECORD: _is_acronym_record,
    _NAMED_RECORD: _is_named_record,
    _DAY_MONTH: _is_day_month,
}
