"""The detector: finds identifiers in one text by the patterns, then names by titles, the
name lists, the English dictionary and a word's neighbours.

Part of ``journal/deidentify.py`` (its docstring says how the parts fit together).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rct_workbook.journal.deid_address import addresses
from rct_workbook.journal.deid_cues import (
    _APPOSITION_AFTER,
    _AUXILIARY_BEFORE,
    _CALLED,
    _CAPITAL_BEFORE,
    _CREOLE_WORDS,
    _DETERMINER_BEFORE,
    _EPONYM_AFTER,
    _EPONYM_BEFORE,
    _GIVEN_ABBREVIATIONS,
    _GROUP_NOUN_AFTER,
    _HUMAN_AFTER,
    _HYPHENED_GIVEN,
    _HYPHENED_PAIR,
    _JI_JOINED,
    _JOINED_BEFORE,
    _KIN_APPOSITION,
    _KIN_BEFORE_GIVEN,
    _KIN_WORDS,
    _LANGUAGE_AFTER,
    _LANGUAGE_BEFORE,
    _LANGUAGE_FIRST,
    _LANGUAGE_LAST,
    _LANGUAGE_PAIR_BEFORE,
    _LOWER_AFTER_CUE,
    _LOWER_AFTER_VERB,
    _LOWER_ASKED,
    _LOWER_BEFORE_VERB,
    _LOWER_CASUAL_CUE,
    _LOWER_MODAL,
    _LOWER_OPENING_PERSON,
    _LOWER_PAIR,
    _LOWER_TITLE_BEFORE,
    _MAYBE_PERSON_BEFORE,
    _MEDICINE,
    _NAME_SUFFIX,
    _NAME_THE_ROLE,
    _OFFICE_COMPOUND,
    _ORG_BEFORE,
    _ORG_FIRST,
    _ORG_LAST,
    _PAIR_BEFORE,
    _PARTICLES,
    _PATRONYM_JOIN,
    _PERSON_AFTER,
    _PERSON_BEFORE,
    _PERSONAL_AFTER,
    _PLACE_AFTER,
    _PLACE_BEFORE,
    _PLACE_LAST,
    _PLURAL_AFTER,
    _PLURAL_HAVE_AFTER,
    _POSSESSIVE,
    _PREFIXED_CAPITAL,
    _QUOTED_AFTER,
    _QUOTED_NICKNAME,
    _ROLE_AFTER,
    _ROLE_WORDS,
    _SCHEME_AFTER,
    _SINGULAR_AFTER,
    _SPEECH,
    _SURNAME_WORDS,
    _SYLLABLE,
    _TITLE_AFTER,
    _WORD,
    _casual,
    _name_shaped,
    _sentence_start,
)
from rct_workbook.journal.deid_patterns import (
    _CITATION,
    _DATES_ABROAD,
    _EXTENSION,
    _OTHER_CALENDARS,
    _PHONE_LIKE,
    _PLACE_HEAD,
    _PLACE_TAIL,
    _STREET_END,
    _TOWN,
    _UNIT_NAME,
    _UNIT_WORDS_ABROAD,
    CHECKS,
    PATTERNS,
    UNIT_CODE_WORDS,
    UNIT_LAST,
    UNIT_WORDS_FOLDED,
    Span,
    _calendar_month_words,
    _other_calendars,
    _whole_token,
    dates_abroad,
)
from rct_workbook.journal.deid_words import (
    _NOT_NAMES,
    FORMAL_TITLES,
    WORD_TITLES,
    _is_honorific,
    english_word,
    english_words,
    fold,
    given_names,
    institution_words,
    is_medicine,
    lexicon,
    name_parts,
    name_pattern,
    name_words,
    peoples,
    place_names,
    strip_title,
)
from rct_workbook.preferences import default_region

_CAMEL_PART = re.compile(r"[A-Z][a-z]*|[a-z]+")


@functools.lru_cache(maxsize=1 << 14)
def _brand(word: str) -> bool:
    """A word run together from everyday words, each capitalised: an app or a product
    ("MyChart", "GoFundMe", "WhatsApp", "PowerPoint"), not a name ("McDonald", "DeShawn",
    "MacKenzie", "LaToya": a part of each is no word)."""
    parts = _CAMEL_PART.findall(word)
    if len(parts) < 2 or "".join(parts) != word or not any(c.isupper() for c in word[1:]):
        return False  # one word, or no capital inside it
    english = english_words()
    return all(p.casefold() in english or p.casefold() in ("my", "me", "go", "up", "in", "on") for p in parts)


#: The last part of a service's name run together from everyday words: "Headspace", "Telehealth",
#: "Lifeline", "Kidsline", "Carelink" (no surname ends so; "Goodwin", "Woodward" do not count).
_SERVICE_HEAD = re.compile(
    r"^(?P<first>[a-z]{3,})(?:space|health|care|line|link|net|works|watch|mind|minds|talk|chat|center|centre)$"
)


@functools.lru_cache(maxsize=1 << 14)
def _service(word: str) -> bool:
    """A service's name run together from an everyday word and a word of a service's ("Headspace",
    "Jobcentre"), or in two capitalised parts of which the last is one ("PhilHealth", "StudyLink")."""
    found = _SERVICE_HEAD.match(fold(word))
    if found is None or fold(word) in given_names():
        return False
    camel = _CAMEL_PART.findall(word)
    if len(camel) == 2 and "".join(camel) == word and camel[1][0].isupper():
        return True  # "PhilHealth": a capital inside before the service's word
    # "Telehealth", "Telecare", "Webchat": the prefixes of a service reached from afar count as words.
    return found.group("first") in english_words() or found.group("first") in ("tele", "web", "cyber", "info")


@functools.lru_cache(maxsize=1 << 14)
def _medicine(word: str) -> bool:
    """A medicine: by its international name's ending ("…apine", "…oxetine") or by name."""
    return bool(_MEDICINE.match(fold(word))) or is_medicine(word)


#: Words before a people's word that make its speech or its way, in Māori and Samoan: "Te Reo
#: Māori" (the language), "Kaupapa Māori" (an approach), "Tikanga", "Mātauranga" (custom,
#: knowledge), "Fa'a Samoa" (the Samoan way). Folded.
_PEOPLE_WAY = frozenset({"te", "reo", "kaupapa", "tikanga", "matauranga", "fa'a", "fa’a", "faa"})
#: A saint's title: what follows names a church, a school, a charity or a place, not a person here.
_SAINTS = frozenset({"St", "Saint", "Ste", "Sainte", "Sankt", "São", "Sao", "Santo", "Santa", "Sta", "Sto"})
#: Last words of a named period that is no person: "Golden Week", "Holy Week", "Fashion Week".
#: Ranks of police, prisons, courts and the forces, which go before a surname.
_RANKS = frozenset(
    {"Officer", "Sergeant", "Constable", "Inspector", "Detective", "Captain", "Judge", "Justice", "Warden"}
)
_PERIODS = frozenset({"week", "weekend", "fortnight", "season", "term", "semester"})

#: Words that describe what a service does or whom it serves, not which one it is: a centre,
#: service or programme named by these alone is any town's ("Community Mental Health Service").
_SERVICE_DESCRIPTORS = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "community day health mental wellbeing wellness youth young family families child children adult adults "
        "adolescent older people women women's men men's crisis recovery resource resources support treatment "
        "counselling counseling employee employees staff student students acute psychiatric psychiatry psychology "
        "psychological therapy therapies therapeutic medical learning disability disabilities homeless outreach "
        "liaison forensic secure local national regional district city county public general specialist "
        "integrated home early intervention assessment rehabilitation addiction addictions substance alcohol drug "
        "drugs eating disorder disorders memory perinatal maternal primary care social probation prison court "
        "correctional ambulance interpreting interpreter translation legal advice citizens housing benefits "
        "employment victim victims refugee refugees asylum migrant migrants veterans carers carer parent parents "
        "baby mother mothers neighbourhood neighborhood sexual violence domestic abuse trauma bereavement grief "
        "suicide prevention emergency urgent out hours of and the for with drop-in walk-in respite residential "
        "aboriginal indigenous native insurance royal doctor doctors nursing nurse gp"
    ).split()
)

#: The words without which a text names no ward, unit, centre or programme (before a code or a
#: name, or last in one), casefolded: a quick look before the long pattern.
_UNIT_TRIGGERS = UNIT_WORDS_FOLDED | UNIT_LAST | {"programme", "program", "service", "clinic"}
_DIGIT_OR_UNIT = re.compile(
    r"\d|\b(?i:" + "|".join(sorted(_UNIT_TRIGGERS | set(_UNIT_WORDS_ABROAD.split("|")), key=len, reverse=True)) + r")\b"
    # A German clinic's or ward's compound: "Tagesklinik Nord".
    r"|(?:klinik|station|ambulanz|abteilung)\s"
)

_DERIVED = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:ness|ment|ship|ing|ful|less|hood)$")


def _derived(word: str) -> bool:
    """An English word made from another by a common ending, which the word list may not hold:
    "wellness", "befriending", "peership" ("Employee Wellness Programme" is any workplace's)."""
    found = _DERIVED.match(word)
    return found is not None and found.group("stem") in english_words()


#: A capitalised word beside a number, without which no month of another calendar is sought.
_CAPITAL_BESIDE_DIGIT = re.compile(r"\d\s+(?:of\s+)?([A-Z][\w'’]*)|(?<![\w'’-])([A-Z][\w'’-]*),?\s+\d")


@functools.lru_cache(maxsize=256)
def _cued_names(text: str) -> tuple[tuple[int, int], ...]:
    """Names told by the words around them, whatever their origin, even everyday words. It rests on
    the text and the shipped lists alone, so the second pass over an export asks it again for free."""
    given, english, places = given_names(), english_words(), place_names()
    found: list[tuple[int, int]] = []

    def person(word: str, *, everyday: bool) -> bool:
        low = fold(word)
        if low in _KIN_WORDS or _is_honorific(word) or _medicine(low) or (low in _NOT_NAMES and not everyday):
            return False  # a day or a season ("Sunday", "Autumn") is a name only after a strong cue
        # An everyday word ("Summer", "Will") only where the cue allows it, and then a given name.
        return low in given if low in english else everyday or low in given or low not in places

    for m in _CALLED.finditer(text):
        group = "name" if m.group("name") else "also"
        if person(m.group(group), everyday=False):
            found.append(m.span(group))
    for m in _QUOTED_AFTER.finditer(text):
        if _CAPITAL_BEFORE.search(text, 0, m.start()) and fold(m.group("name")) not in english:
            found.append(m.span("name"))
    for m in _KIN_BEFORE_GIVEN.finditer(text):
        if fold(m.group("name")) in given and person(m.group("name"), everyday=True):
            found.append(m.span("name"))
    for m in _KIN_APPOSITION.finditer(text):
        words = m.group("name").split()
        if all(fold(w) in given or (fold(w) not in english and fold(w) not in places) for w in words) and not any(
            _is_honorific(w) for w in words
        ):
            found.append(m.span("name"))
    for m in _NAME_THE_ROLE.finditer(text):
        word = m.group("name")
        # "on Sunday the nurse came" is a day; "and Sunday the porter kept" a person.
        if re.fullmatch(r"(?i:on|by|until|till|since|last|next|this|every|from|of|each)\s+", m.group("before")):
            continue
        if fold(word) in given and person(word, everyday=True) and m.group("before"):
            found.append(m.span("name"))
    for m in _LOWER_OPENING_PERSON.finditer(text):
        low = m.group("name")
        if low not in english and not english_word(low) and low not in places and person(low, everyday=False):
            found.append(m.span("name"))
    for m in _JI_JOINED.finditer(text):
        stem = fold(m.group("name")).removesuffix("jee").removesuffix("ji")
        if stem in given and fold(m.group("name")) not in english and fold(m.group("name")) not in places:
            found.append(m.span("name"))
    for m in _HYPHENED_PAIR.finditer(text):
        first, second = fold(m.group("first")), fold(m.group("second"))
        if first in given and second in given and not {first, second} & english and fold(m.group()) not in places:
            found.append(m.span())
    return tuple(found)


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

        def widen(start: int, end: int) -> None:
            # A ward that runs on past an address found first is one: "Ward 9, Nile View Unit".
            for i, span in enumerate(taken):
                if span.kind == "address" and start < span.end and span.start < end:
                    taken[i] = Span(min(start, span.start), max(end, span.end), "address")
                    return
            claim("place", start, end)

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
            if kind == "address":
                for start, end in addresses(text):
                    claim("address", start, end)
                continue
            if pattern is _OTHER_CALENDARS:
                firsts = _calendar_month_words()
                if any(w in firsts for m in _CAPITAL_BESIDE_DIGIT.finditer(text) for w in m.groups() if w):
                    for match in _other_calendars().finditer(text):
                        claim("date", *match.span())
                continue
            if pattern is _DATES_ABROAD:
                for start, end in dates_abroad(text):
                    claim("date", start, end)
                continue
            if kind == "place":
                for start, end in self._places(text):
                    widen(start, end)
                continue
            for match in pattern.finditer(text):
                if (check := CHECKS.get(pattern)) is not None and not check(match):
                    continue
                claim(kind, *match.span("only" if "only" in pattern.groupindex else 0))
        # Every source of names, merged: a listed "Oluwaseun" inside "Oluwaseun Adeyemi"
        # makes one name, not a name and a stray surname.
        candidates = [m.span("name") for p in (self._listed, also) if p is not None for m in p.finditer(text)]
        citations = [m.span() for m in _CITATION.finditer(text)]
        candidates += [(a, b) for a, b in self._names(text) if not any(a < d and c < b for c, d in citations)]
        given, english = given_names(), english_words()
        # Dale "Bud" Kowalski: a nickname in quotes between a given name and a surname.
        candidates += [
            m.span()
            for m in _QUOTED_NICKNAME.finditer(text)
            if fold(m.group("first")) in given and fold(m.group("last")) not in english
        ]
        merged: list[list[int]] = []
        for start, end in sorted(candidates):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            while end < len(text) and text[end].isdigit():
                end += 1  # "Maya2": the whole token, or the digit would be left in the clear
            # "hijo Lalo al Pabellón 3": a name that runs into a place found first keeps its part
            # before it, whole words only.
            ahead = min((s.start for s in taken if start < s.start < end), default=end)
            if ahead < end and not any(s.start <= start < s.end for s in taken):
                cut = re.match(r".*?[^\W\d_](?=(?:\s+(?:" + "|".join(_PARTICLES) + r"))*\s+$)", text[start:ahead], re.S)
                end = start + cut.end() if cut else start
            claim("name", start, end)
        return sorted((_whole_token(text, s) for s in taken), key=lambda s: s.start)

    def _places(self, text: str) -> list[tuple[int, int]]:
        """Named wards, units, clinics and programmes ("Larchwood Unit", "Ward 7B", "5 West");
        not an organisation of a country ("Correctional Service") nor a person ("Maya Ward")."""
        given, english = given_names(), english_words()
        found = []
        # The long pattern runs only on a text with a ward's word in it or a number ("5 West").
        if not _DIGIT_OR_UNIT.search(text):
            return []
        for match in _UNIT_NAME.finditer(text):
            words = match.group().split()
            start = match.start()
            # Leading words that only start the sentence or say "the" are not the name.
            while (
                len(words) > 2
                and words[0] not in UNIT_CODE_WORDS
                and (words[0].casefold() in _NOT_NAMES or _is_honorific(words[0]))
            ):
                start += len(words[0]) + 1
                words.pop(0)
            named = words[1].isalpha() and words[1][1:].islower() and len(words[1]) > 1  # not "Ward C"
            if len(words) == 2 and words[0] in ("Ward", "Unit", "Wing", "Pavilion", "Block") and named:
                # "Ward Tegid": a ward named by a word of no English nor given name after it.
                name = fold(words[1])
                if name not in english and name not in given:
                    found.append((start, match.end()))
                continue
            if words[0][0].isdigit() or words[0] in UNIT_CODE_WORDS or words[0].isupper() or not words[0][0].isupper():
                found.append((start, self._ward_end(text, match.end(), words)))
                continue
            modifiers = [fold(w) for w in words[:-1] if not w[0].isdigit()]
            last = words[-1] if not words[-1][0].isdigit() else words[-2]
            if last == "Service" or all(m in _NOT_NAMES for m in modifiers):
                # "Royal Flying Doctor Service", "the Stone Center": an institution, not one place.
                continue
            if last == "Ward" and any(m in given and m not in english for m in modifiers):
                continue  # "Maya Ward" is a person; "Butterfly Ward" a place
            if last in ("Ward", "Wing") and re.match(r"\s+[A-Z][a-z]", text[match.end() :]):
                continue  # "Ho Wing Kei", "Maya Ward Bennett": a name goes on after it
            if last in ("Centre", "Center", "House", "Hub", "Programme", "Program") and all(
                m in _SERVICE_DESCRIPTORS or m in _NOT_NAMES or m in peoples() or m in place_names() for m in modifiers
            ):
                # "the Community Centre", "the Employee Wellness Programme": any town has one.
                # "the Kaleidoscope Programme" is named: a place.
                continue
            found.append((start, match.end()))
        return self._joined_places(text, found)

    def _ward_end(self, text: str, end: int, words: list[str]) -> int:
        """Where a ward found by its code ends: "Wad 7A Psikiatri", "Ward 7 Female Psychiatry" take
        the words after the code, but not a person ("… on Ward 7 Maya said") or a word of the
        sentence after them ("Ward 3 Then")."""
        given, english = given_names(), english_words()
        code = next((i for i, w in enumerate(words) if w[0].isdigit()), None)
        if code is None:
            return end
        after = words[code + 1 :]
        for i, word in enumerate(after):
            low = fold(word)
            if low in UNIT_LAST or low in UNIT_WORDS_FOLDED:
                continue  # "71 Ward", "Pavilion 2 Acute Ward"
            if word[0].isupper() and (low in _NOT_NAMES or (low in given and low not in english)):
                end -= len(" ".join(after[i:])) + 1  # "Ward 7 Maya Jones": the ward ends at the code
                return end
        while after and after[-1][0].isupper() and _PERSON_AFTER.match(text[end : end + 24]):
            end -= len(after.pop()) + 1
        return end

    def _joined_places(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A ward with the parts and site written after it, or before its code, is one place:
        "Ward 6, Kiwatule Annex", "Jacaranda Unit, Pod C", "Ward 4 North, Knockbracken", "on Te
        Whare Ahuru, Unit 2"; never a person after the comma ("Ward 6, Maya said")."""
        given, english = given_names(), english_words()

        def site(words: list[str], after: str) -> bool:
            """A site or building: not a person (a given name that is no English word, a title,
            a person's verb after) nor a word that starts a clause ("Then", "The")."""
            if fold(words[0]) in _NOT_NAMES or _is_honorific(words[0]) or _PERSON_AFTER.match(after):
                return False
            last_is_place = fold(words[-1]) in UNIT_LAST
            return last_is_place or not any(fold(w) in given and fold(w) not in english for w in words)

        joined: list[tuple[int, int]] = []
        for start, end in sorted(found):
            for _ in range(3):  # "Female Ward 3B, Annex Block, 2nd floor"
                tail = _PLACE_TAIL.match(text, end)
                if tail is None:
                    break
                if tail.group("name") and not site(tail.group("name").split(), text[tail.end() : tail.end() + 24]):
                    break
                end = tail.end()
            window = text[max(0, start - 60) : start]
            head = _PLACE_HEAD.search(window)
            first = fold(text[start:end].split()[0])
            if head and first in UNIT_WORDS_FOLDED and site(head.group("head").split(), ""):
                start -= len(window) - head.start("head")
            if joined and (start <= joined[-1][1] or re.fullmatch(r",\s+", text[joined[-1][1] : start])):
                joined[-1] = (joined[-1][0], max(end, joined[-1][1]))  # "Khoa 3, Nhà B": one place
            else:
                joined.append((start, end))
        return joined

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
            # A number of another country read by this one's plan may be matched in part ("0151 2239
            # 4471" as "2239 4471" in the UK): the whole group of digits around it is the number.
            groups = (
                [g.span() for g in _PHONE_LIKE.finditer(text) if sum(c.isdigit() for c in g.group()) >= 7]
                if found
                else []
            )
            found = [next(((a, b) for a, b in groups if a <= start and end <= b), (start, end)) for start, end in found]
        except Exception:  # noqa: S110 - an unknown region must not stop an export; the regex still runs
            pass
        return found

    def _names(self, text: str) -> list[tuple[int, int]]:
        """Name spans found from titles, the gazetteer, the dictionary and context."""
        given, everyday = given_names(), name_words()
        words: list[tuple[int, int]] = []
        titled_after: set[int] = set()
        # "Rajendran a/l Subramaniam": the "son of" between two names is no word of its own.
        joins = [m.span() for m in _PATRONYM_JOIN.finditer(text)]
        for m in _WORD.finditer(text):
            start, end = m.start(), m.end()
            if any(a < start < b for a, b in joins):
                continue
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
            capital = capital or bool(_PREFIXED_CAPITAL.match(word))  # "al-Rashid", "ʻAna"
            if runs and runs[-1]:
                last_start, last_end = runs[-1][-1]
                gap = text[last_end:start]
                patronym = bool(_PATRONYM_JOIN.fullmatch(gap)) and capital
                joined = patronym or (gap in (" ", ". ") and (capital or word.casefold() in _PARTICLES))
                initial = last_end - last_start == 1 and text[last_start].isupper()
                short = text[last_start:last_end] in _GIVEN_ABBREVIATIONS  # "Ma. Teresa"
                # "Dr. Sh. Mohammadi": an initial of two letters, after a title or an initial, before
                # a word of no English.
                short = short or (
                    len(runs[-1]) > 1
                    and re.fullmatch(r"[A-Z][a-z]", text[last_start:last_end]) is not None
                    and fold(word) not in english_words()
                )
                if gap == ". " and not (_is_honorific(text[last_start:last_end]) or initial or short):
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
                lead = text[max(0, run[0][0] - 24) : run[0][0]]
                tail = text[run[-1][1] : run[-1][1] + 40]
                if (
                    re.fullmatch(r"\s+(?:and|&|or)\s+|,\s+", text[a:b])
                    and all(self._namelike(text[x:y]) for x, y in run)
                    and not self._language(text, run, 0, len(run) - 1, lead, tail)
                ):
                    spans[i] = (run[0][0], run[-1][1])
                    break
        found = []
        for span in spans:
            if span is not None:
                # "Billy Ray Tidwell Jr.", "Robert Pruitt III": the suffix is part of the name.
                suffix = _NAME_SUFFIX.match(text, span[1])
                found.append((span[0], suffix.end()) if suffix else span)
        # "ask deepa", "with zanele": a given name in lower case after a name cue.
        english = english_words()
        for m in _LOWER_AFTER_CUE.finditer(text):
            low = fold(m.group("name"))
            if low in given and low not in english and low not in everyday and low not in _NOT_NAMES:
                found.append(m.span("name"))
        for m in _LOWER_AFTER_VERB.finditer(text):
            low = fold(m.group("name"))
            if low in _KIN_WORDS or not _name_shaped(low) or _medicine(low) or english_word(low):
                continue  # "spoke to amhp": a service typed small; "with sertraline", "with behavior"
            if low not in english and low not in place_names() and low not in _NOT_NAMES and len(low) > 2:
                found.append(m.span("name"))
        if _casual(text):
            # Typed all in lower case, capitals say nothing: after "with", "and" or another
            # person's cue, a word of no English nor place list is a name ("with zanele and thabo").
            def lone(word: str) -> bool:
                low = fold(word)
                if low in _KIN_WORDS or not _name_shaped(low):
                    return False  # "with camhs", "spoke to amhp": a service typed small
                return low not in english and low not in place_names() and low not in _NOT_NAMES and len(low) > 2

            for m in _LOWER_CASUAL_CUE.finditer(text):
                if lone(m.group("name")):
                    found.append(m.span("name"))
            # "shaz reckons", "can jaz send", "anh minh said": a person's verb after, a question
            # to a colleague, or a term of respect before; a nickname that is also a word
            # ("pinky said") only where a sentence or clause starts, never a kin word ("nan rang").
            for pattern in (_LOWER_BEFORE_VERB, _LOWER_MODAL, _LOWER_TITLE_BEFORE):
                for m in pattern.finditer(text):
                    low = fold(m.group("name"))
                    start = m.start("name")
                    if low in _KIN_WORDS or low in _NOT_NAMES or not _name_shaped(low):
                        continue
                    if _DETERMINER_BEFORE.search(text[max(0, start - 8) : start]):
                        continue  # "the cpn said", "our ot rang": a role
                    opening = re.search(r"(?:^|[\n.!?,;:]|\b(?:and|then|but|so|cos|coz))\s*$", text[:start])
                    # A town does not reckon or ring: a word that names one somewhere is a name here.
                    agent = low not in english and len(low) > 2 and not _medicine(low)
                    agent = agent and (low in given or low not in place_names())  # not "auckland said"
                    # "xin yi say": a short second part of a given name, after a first part.
                    prev = re.search(r"(?<![\w'’-])([a-z][a-z'’-]+)\s+$", text[max(0, start - 24) : start])
                    short = len(low) == 2 and low in given and low not in english
                    if short and prev and fold(prev.group(1)) in given and fold(prev.group(1)) not in english:
                        agent = True
                    if agent or (low in given and low in everyday and opening):
                        found.append(m.span("name"))
            # "ask dimple to cover", "tell joy about it": a given name that is also a word, after
            # a verb said to a person and before what is asked or told.
            for m in _LOWER_ASKED.finditer(text):
                low = fold(m.group("name"))
                if low in given and low not in _KIN_WORDS and low not in _NOT_NAMES:
                    found.append(m.span("name"))
            # "mei ling say": a first word of a given name, of no English word, goes with the second.
            titled = {m.start("name") for m in _LOWER_TITLE_BEFORE.finditer(text)}
            for i, (a, b) in enumerate(found):
                if a in titled:
                    continue  # "sabi ni nonoy": the word before is the cue, not a name
                less = re.search(r"(?<![\w'’-])([a-z][a-z'’-]+)\s+$", text[max(0, a - 24) : a])
                first = fold(less.group(1)) if less else ""
                if less and first in given and not any(first in s for s in (english, _NOT_NAMES, place_names())):
                    found[i] = (a - len(less.group(0)), b)
            # "with xin yi": a second word of a given name, of no English word, goes with the first.
            for i, (a, b) in enumerate(found):
                more = re.match(r"\s+([a-z][a-z'’-]+)\b", text[b:])
                second = fold(more.group(1)) if more else ""
                if more and second in given and not any(second in s for s in (english, _NOT_NAMES, place_names())):
                    found[i] = (a, b + more.end())
            # "with zanele and thabo": such a word joined by "and" to a name found is a name too
            # ("olanzapine and sertraline", with no person's cue, stays as written).
            for m in _LOWER_PAIR.finditer(text):
                if lone(m.group("a")) and lone(m.group("b")):
                    if m.span("a") in found:
                        found.append(m.span("b"))
                    elif m.span("b") in found:
                        found.append(m.span("a"))
        found += _cued_names(text)
        return found

    def _language(self, text: str, run: list[tuple[int, int]], lo: int, hi: int, before: str, after: str) -> bool:
        """A language, by its neighbours or its words: "speaks Hokkien", "Mandarin and Hokkien",
        "a Dari interpreter", "Bahasa Melayu", "Yolŋu Matha", "Ulster Scots" (a place and a language)."""
        words = [fold(text[a:b]) for a, b in run[lo : hi + 1]]
        if _LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(after):
            return True
        pair = _LANGUAGE_PAIR_BEFORE.search(before)
        if pair:
            # "Mandarin and Hokkien"; "speaks Hokkien and Dari", the first known by its cue.
            start = run[lo][0] - len(before) + pair.start("other")
            if fold(pair.group("other")) in peoples() or _LANGUAGE_BEFORE.search(text[max(0, start - 40) : start]):
                return True
            # "Bahasa Melayu and Hokkien": the other is a language by its first word.
            first = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 20) : start])
            if first and fold(first.group(1)) in _LANGUAGE_FIRST:
                return True
        if len(words) > 1 and (words[0] in _LANGUAGE_FIRST or words[-1] in _LANGUAGE_LAST):
            return True
        places, languages = place_names(), peoples()
        # "Ulster Scots", "Te Reo Māori", "Kaupapa Māori", "Fa'a Samoa": a people's or language's word
        # after places, languages or words that make a speech or a way of a people; "Nomsa Zulu" and
        # "Jamie English" stay people.
        return (
            len(words) > 1
            and (words[-1] in languages or words[-1] in places)
            and all(x in places or x in languages or x in _PEOPLE_WAY for x in words[:-1])
            and (words[-1] in languages or words[0] in _PEOPLE_WAY)
        )

    def _namelike(self, word: str) -> bool:
        """A word that can be a name: a given name, or no English word nor place, nor a word
        this export treats as no person."""
        low = fold(word)
        if low in _NOT_NAMES or low in self._authors or len(low) < 2 or _brand(word):
            return False
        if low in peoples() or _medicine(low):
            return False  # "German and Turkish", "Sertraline and Olanzapine": no people
        if low in _ORG_FIRST | _ORG_LAST | institution_words() and low not in given_names():
            return False  # "Medicare and Medi-Cal": a public body
        if _OFFICE_COMPOUND.match(word) or _service(word):
            return False  # "Sozialamt and Jobcenter": offices
        return low in given_names() or (low not in english_words() and low not in place_names())

    def _judge(
        self,
        text: str,
        run: list[tuple[int, int]],
        given: frozenset[str],
        everyday: frozenset[str],
        titled_after: set[int] = frozenset(),  # type: ignore[assignment]
    ) -> tuple[int, int] | None:
        # Languages and peoples count as everyday words here: "German was her first language".
        english, places = lexicon(), place_names()

        def w(i: int) -> str:
            return text[run[i][0] : run[i][1]]

        def initial_letter(i: int) -> bool:
            return len(w(i)) == 1 and w(i).isupper() and text[run[i][1] : run[i][1] + 1] == "."

        def blocked(i: int) -> bool:
            if initial_letter(i):
                return False  # "A. K. Rao": an initial, not the word "a"
            low = w(i).casefold()
            if low in _PARTICLES and i + 1 < len(run):
                return False  # "C. Ó Buachalla", "M. van Dijk": a particle inside the name
            return low in _NOT_NAMES or low in self._authors or len(low) < 2 or _brand(w(i)) or _service(w(i))

        def unknown(i: int) -> bool:
            """No English word, no place, no given name: a name of an origin the lists miss."""
            f = fold(w(i))
            if _medicine(f):
                return False  # "Olanzapine was stopped": a medicine
            known = f in english or english_word(f)  # "Counseling", "Behavioral": American spellings
            # "Follow-up", "Check-in": everyday words joined by a hyphen.
            known = known or ("-" in f and all(p in english for p in f.split("-") if p))
            return not blocked(i) and not known and f not in given and f not in places and len(f) > 1

        def family_first(i: int) -> bool:
            """A short family name of one syllable before a given name romanised from Korean or
            Chinese: a hyphened one ("Park Ji-hoon", "Oh Seung-ah") or two given syllables ("Tan
            Mei Ling"). An English word is a family name only where it is a name somewhere too
            ("Park", "Tan", "Song"; not "Ring Mei Ling"), or, before a hyphened name, of two letters.
            """
            if i + 1 >= len(run) or not _SYLLABLE.match(w(i)) or len(w(i)) > 5 or fold(w(i)) in _NOT_NAMES:
                return False
            low = fold(w(i))
            hyphened = bool(_HYPHENED_GIVEN.match(w(i + 1)))
            if low in english and low not in given and not (hyphened and len(low) <= 2):
                return False
            if hyphened:
                return True
            rest = [w(j) for j in range(i + 1, len(run))]
            return (
                len(rest) == 2
                and all(_SYLLABLE.match(x) and len(x) <= 4 for x in rest)
                and all(fold(x) in given or fold(x) not in english for x in rest)
            )

        lo, hi = 0, len(run) - 1
        if hi == 0 and blocked(0) and fold(w(0)) in given and _SPEECH.match(text[run[0][1] : run[0][1] + 16]):
            return run[0]  # "Sunday said he would come": a day never speaks, a person named for one does
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
                # A rank goes before a surname, which may also name a place ("Officer Delgado").
                rank = w(lo).rstrip(".") in _RANKS and fold(w(first)) not in english if first is not None else False
                if first is None or not (rank or self._namelike(w(first))):
                    return None
            role = all(fold(w(i)) in english and fold(w(i)) not in given for i in range(lo + 1, last + 1))
            if last > lo and role and fold(w(last)) in _ROLE_WORDS:
                return None  # "Lady Health Worker": a title and everyday words ending in a role
            return (run[lo][0], run[last][1]) if last > lo else None
        last_word = w(len(run) - 1)
        if (
            len(run) > 1
            and last_word.casefold() in _PLACE_LAST | _ORG_LAST
            and not _is_honorific(w(lo))
            and not (len(run) == 2 and last_word in _SURNAME_WORDS)
        ):
            return None  # "Kenyatta Hospital sends": a place or an institution
        heads = institution_words()
        if len(run) > 1 and _service(w(0)):
            return None  # "Telehealth Ontario": a service's name run together, then its region
        if hi > lo and w(lo).rstrip(".") in _SAINTS:
            return None  # "St Vincent de Paul", "St Mary's": a saint's name is a church's, a school's or a place's
        if hi > lo and (fold(w(lo)) in heads or fold(last_word) in heads or fold(last_word) in _PERIODS):
            return None  # "Talking Therapies", "Police Scotland", "Secretaría de Salud", "Sağlık Bakanlığı"
        if hi == lo and fold(w(lo)) in heads:
            return None  # "BPJS Kesehatan": the acronym is no word of the run
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
            # A person's verb after keeps a first word that is a given name too ("Rose Tremain
            # said"); one of no given name is a word of the sentence ("Because Tusla never …").
            and (fold(w(lo)) not in given or not _PERSON_AFTER.match(text[run[hi][1] : run[hi][1] + 24]))
            # "Grant Hollis, the porter", "Bobby Joe Hatfield Jr.": a given name before a comma
            # or a suffix is the first name, not a verb ("Meet Hemi Walker about" stays a verb).
            and not (
                fold(w(lo)) in given
                and (_APPOSITION_AFTER.match(text, run[hi][1]) or _APPOSITION_AFTER.fullmatch(w(hi)))
            )
            # "Park Ji-hoon", "Tan Mei Ling": a family name written first, before a given name of
            # the same origin; "Ram Bahadur dai": a name before a term of respect.
            and not family_first(lo)
            and not (run[hi][0] in titled_after or _TITLE_AFTER.match(text[run[hi][1] : run[hi][1] + 24]))
        ):
            lo += 1
        after = text[run[hi][1] : run[hi][1] + 40]
        if _GROUP_NOUN_AFTER.match(after):
            return None  # "the Torres Strait Islander worker", "Cape Verdean association"
        if hi - lo >= 2 and fold(w(hi)) in places and any(fold(w(i)) in _ORG_LAST for i in range(lo + 1, hi)):
            return None  # "Indigenous Services Canada", "Veterans Affairs Canada": a body and its country
        if (
            lo == 0
            and initial
            and lo < hi
            and fold(w(0)) not in given
            and fold(w(0)) in english
            and fold(w(1)) in given
            and not _PERSON_AFTER.match(after)
            and not family_first(0)
        ):
            # "Keep Maya and the group": the verb at the start goes, the name stays; but
            # "Thabo Nkosi was admitted" is one person, whatever the lists know of "Thabo",
            # and so is "Zhou Wei", the family name first, which is no English word.
            lo = 1
        span = (run[lo][0], run[hi][1])
        before = text[max(0, span[0] - 24) : span[0]]
        if _PAIR_BEFORE.search(before) and _SINGULAR_AFTER.match(after):
            pair = _PAIR_BEFORE.search(before)
            if pair and fold(pair.group("left")) not in given:
                return None  # "Cardiff and Vale never says": one body named by two words
        if self._language(text, run, lo, hi, before, after):
            return None  # "speaks Hokkien", "Farsi and some Dari", "Bahasa Melayu", "Ulster Scots"
        if hi == lo and fold(w(lo)) in _ORG_LAST | _ORG_FIRST and fold(w(lo)) not in given:
            return None  # "Medicaid said no": a public body's word alone
        if hi == lo and (_OFFICE_COMPOUND.match(w(lo)) or fold(w(lo)) in _CREOLE_WORDS):
            return None  # "Jugendamt came", "switched to Kriolu": an office, a language
        if _EPONYM_BEFORE.search(before) and _EPONYM_AFTER.match(after) and fold(w(hi)) not in given:
            return None  # "his Parkinson's", "my Crohn's": a condition named after someone; not "my Siobhan's"
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
        human = bool(_HUMAN_AFTER.match(after)) or bool(_PERSONAL_AFTER.match(after))
        # "The youth worker, Kahurangi, noticed": a name set off by commas after a role.
        apposition = bool(re.search(r"\b[a-z]{3,},\s+$", before) and after.startswith(","))
        role_after = bool(_ROLE_AFTER.match(after)) or apposition
        # Only a person feels, or is "the charge nurse": "Ngozi, the charge nurse, …" is no town.
        personal = bool(_PERSONAL_AFTER.match(after)) or bool(_ROLE_AFTER.match(after) and after.startswith(","))
        if not (speech or personal or (strong and (human or person_before))) and (
            whole in places
            or " ".join(fold(w(i)) for i in idx) in places
            or (hi > lo and fold(w(hi)) in places and not (strong or weak))
        ):
            return None  # "Berlin", "São Paulo", "Santé Québec"; but "Fatima spoke"
        if hi > lo and (fold(w(hi)) in _ORG_LAST or fold(w(lo)) in _ORG_FIRST):
            return None  # "Fraser Health", "Legal Aid Board", "Santé Québec", "Ministry of …"
        if _ORG_BEFORE.search(before) or _SCHEME_AFTER.match(after):
            return None  # "NHS Lothian", "Department of Home Affairs", "the Ayushman Bharat card"
        plural_have = _PLURAL_HAVE_AFTER.match(after) and not _AUXILIARY_BEFORE.search(before) and hi > lo
        if (_PLURAL_AFTER.match(after) or plural_have) and not _JOINED_BEFORE.search(before):
            return None  # "Oranga Tamariki were called": more than one person, or a body
        if re.search(r"(?i:\bthe)\s+$", before) and not (strong and hi > lo):
            return None  # "the Warden", "the Dean's cabinet", "the Mater": a role or a place
        context = bool(_PERSON_AFTER.match(after) or human or person_before or role_after)
        if strong:
            return span
        if personal and all(i in folded and folded[i] not in english for i in idx):
            return span  # "Tui laughed", "Ngozi was upset": a town's name, but a person feels
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
            # Two everyday words, neither a given name ("Legal Aid said", "Citizens Advice
            # helped"), are a service, not a person; one word ("Okonkwo said") may be a surname.
            nameish = hi == lo or unknowns or weak or any(f in given for f in folded.values())
            if speech and nameish:
                return span
            if (unknowns or weak) and hi == lo and (human or role_after):
                return span
            return span if hi > lo and nameish and _PERSON_AFTER.match(after) else None
        if weak or unknowns:
            # Mid-sentence: a cue before or after ("told Gosia", "with Tamati", "Bill from
            # Campus Safety"); "to" and "from" only for a word of no list. A word joined by
            # "and" to a place and nothing else is a place too ("Gauteng and Limpopo figures").
            pair = re.search(r"([^\W\d_][\w'’-]*)\s+(?:and|or|&)\s+$", before)
            if maybe and not context and pair and fold(pair.group(1)) in places and fold(pair.group(1)) not in given:
                return None
            # "Medicare and Medi-Cal": a word joined to a public body's is one too.
            if maybe and not context and pair and fold(pair.group(1)) in _ORG_FIRST | _ORG_LAST | heads:
                return None
            return span if context or (unknowns and maybe) else None
        return None
