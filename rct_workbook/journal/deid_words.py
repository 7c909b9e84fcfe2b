"""The words that de-identification knows: titles, words that are never names, the name,
English-word and place lists, and patterns for names already found.

Part of ``journal/deidentify.py`` (its docstring says how the parts fit together).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

#: Titles that go before a name in running text, in several languages; "Dr. Okafor" and
#: "Mme Lefebvre" are one name. Whatever capitalised word follows one of these is a name.
FORMAL_TITLES = (
    *("Dr", "Doctor", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "Professor", "Dame", "Sir", "Lady", "Lord"),
    *("Rev", "Revd", "Reverend", "Fr", "Sr", "Sra", "Srta", "Mme", "Mmes", "Mlle", "Madame", "Monsieur"),
    *("Herr", "Frau", "Señor", "Señora", "Signor", "Signora", "Sig", "Sgt", "Insp", "Det", "Cllr", "PC"),
    *("Rabbi", "Imam", "Sheikh", "Shaikh", "Pastor", "Chaplain", "Alhaji", "Alhaja", "Hajia", "Haji"),
    *("Shri", "Sri", "Smt", "Pandit", "Swami", "Ustadh", "Ustaz", "Maulana", "Mufti", "Dato", "Datuk"),
    # Of South-East Asia ("Khun", Burmese "Daw", Malay and Indonesian "Encik", "Puan", "Pak", "Bu",
    # Filipino "Aling", "Manong"), Africa (Amharic "Woizero", Swahili "Bwana", "Mwalimu", Igbo "Nne",
    # Yoruba "Ogbeni"), the Middle East and South Asia ("Sheikha", "Hajjah", "Sushri"), Korea
    # ("Ajumma"), Europe and Latin America ("Pani", "Seu", "Rav", "Reb", "Dra", "Dottoressa",
    # "Lic", "Ing", "Arq"). Only words that are neither a given name nor an English word, nor a
    # surname too ("Begum", "Agha", "Effendi"): a title alone is no name, and it starts a name of
    # its own, so "Tuan said" and "Rokeya Begum" must stay people.
    *("Khun", "Daw", "Encik", "Puan", "Cik", "Pak", "Bu", "Ibu", "Bapak", "Mbak", "Aling", "Manong", "Manang"),
    *("Woizero", "Weizero", "Bwana", "Mwalimu", "Nne", "Ogbeni", "Sheikha", "Hajjah", "Hajja"),
    *("Ustazah", "Sushri", "Ahjumma", "Ajumma"),
    *("Pani", "Seu", "Rav", "Reb", "Dra", "Dottoressa", "Lic", "Licda", "Ing", "Arq", "Mtro", "Señorita"),
    # Professions as titles, as Nigeria, Ghana and the Philippines write them: "Engr. Bello", "Atty.
    # Reyes", "Barr. Eze".
    *("Engr", "Atty", "Barr"),
)
#: Titles and terms of respect or kinship that are everyday words too ("Sister", "Officer",
#: "Uncle", "Gogo", "Whaea"): before a word that is a given name or no English word, a
#: title; alone or before an everyday word ("Officer in charge", "Sister ward"), not a name.
WORD_TITLES = (
    *("Sister", "Father", "Mother", "Brother", "Officer", "Sergeant", "Constable", "Inspector", "Detective"),
    *("Judge", "Justice", "Chief", "Nurse", "Coach", "Captain", "Councillor", "Governor", "Warden"),
    *("Gogo", "Mkhulu", "Tata", "Baba", "Mama", "Aunty", "Auntie", "Aunt", "Uncle", "Nana", "Nani", "Dadi"),
    *("Amma", "Appa", "Ammi", "Abba", "Bibi", "Didi", "Whaea", "Matua", "Tía", "Tío", "Nonna", "Nonno"),
    *("Babcia", "Ouma", "Oupa", "Mzee", "Oga", "Mallam", "Grandma", "Grandpa", "Granny", "Grandad", "Kokum"),
)
HONORIFICS = (*FORMAL_TITLES, *WORD_TITLES)
_HONORIFIC = rf"(?:{'|'.join(HONORIFICS)})\.?"

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
        # Roles of clinical and school work, named like people at a sentence's start ("Registrar said").
        "registrar registrars matron consultant consultants psychiatrist psychologist counsellor counselor "
        "caseworker keyworker receptionist pharmacist paramedic paramedics midwife headteacher lecturer "
        "coordinator administrator interpreter psychotherapist physiotherapist dietitian trainee volunteer "
        "safeguarding "
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
        # Apps and platforms people message and meet on, capitalised like names.
        "whatsapp facebook instagram snapchat tiktok youtube telegram viber skype zoom teams messenger "
        "wechat imessage facetime linkedin twitter discord reddit signal "
    ).split()
)

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
    (GeoNames, CC BY 4.0; place_names.txt): "from Oaxaca" is a place. With them the
    first-level regions of every country (countryinfo, MIT; region_names.txt: "Punjab",
    "Sindh", "Rift Valley"), but not a region that is also a given name ("Clare", "Devon"),
    which stays a possible name."""
    given = given_names()
    return _data_lines("place_names.txt") | {r for r in _data_lines("region_names.txt") if r not in given}


@functools.lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    """The generic heads of the names of public bodies, schemes, services and therapies, in
    several languages, folded (institution_words.txt says why each is there), less any that
    is a given name too."""
    given = given_names()
    return frozenset(w for w in _data_lines("institution_words.txt") if w not in given)


#: British spellings of the endings that American English writes otherwise: "counseling",
#: "behavior", "center", "organize", "analyze", "catalog", "defense" are English words too,
#: though the word list is British.
_AMERICAN: tuple[tuple[str, str], ...] = (
    *(("eling", "elling"), ("eled", "elled"), ("or", "our"), ("ors", "ours"), ("er", "re"), ("ize", "ise")),
    *(("izes", "ises"), ("ized", "ised"), ("izing", "ising"), ("ization", "isation"), ("yze", "yse")),
    *(("og", "ogue"), ("ense", "ence"), ("am", "amme"), ("ams", "ammes")),
)


@functools.lru_cache(maxsize=1 << 14)
def english_word(word: str) -> bool:
    """An everyday English word, in British or American spelling."""
    low = fold(word)
    english = english_words()
    if low in english:
        return True
    return any(low.endswith(us) and low[: -len(us)] + uk in english for us, uk in _AMERICAN)


@functools.lru_cache(maxsize=1)
def medicine_names() -> frozenset[str]:
    """Names of medicines, generic and brand, folded (medicine_names.txt; its header and
    bench/make_medicine_names.py say where from), less any that is also a given name ("Camila")."""
    given = given_names()
    return frozenset(w for w in (fold(n) for n in _data_lines("medicine_names.txt")) if w not in given)


#: How a medicine's English name ends in the Romance languages and German, as (theirs, English):
#: "Lítio" lithium, "Sertralina" sertraline, "Sertralin", "Fluoxetina", "Ácido".
_ROMANCE_ENDINGS = (("io", "ium"), ("ina", "ine"), ("in", "ine"), ("ona", "one"), ("ol", "ole"), ("o", "e"), ("a", "e"))


@functools.lru_cache(maxsize=1 << 14)
def is_medicine(word: str) -> bool:
    """A medicine's name, in English or as the Romance languages and German write it: "Suboxone",
    "Lítio" (lithium), "Quetiapina". Spelt with "t" for "th" and "f" for "ph" as they do."""
    low = fold(word)
    known = medicine_names()
    if low in known:
        return True
    for theirs, ours in _ROMANCE_ENDINGS:
        if low.endswith(theirs) and len(low) >= len(theirs) + 3:
            stem = low[: -len(theirs)]
            forms = {stem + ours, stem.replace("t", "th", 1) + ours, stem.replace("f", "ph") + ours}
            if forms & known:
                return True
    return False


#: Endings of a word for a people or a language ("German", "Danish", "Dutch", "Kenyan",
#: "Congolese"): such a word that is also a given name is as a rule the people or language.
_PEOPLE_ENDINGS = ("ish", "ese", "ian", "an", "ch")


#: Noun-class prefixes that name a language in Bantu and Nilotic languages (Ki-, Chi-,
#: isi-, Se-, Lu-, Dho-, Oshi-, Kinya-, Otji-, Ru-, Tshi-, Xi-, Si-).
_LANGUAGE_PREFIXES = ("ki", "chi", "isi", "se", "lu", "dho", "oshi", "kinya", "otji", "ru", "tshi", "xi", "si")


def _demonyms(country: str) -> set[str]:
    """The usual English forms for the people of a country, by the common endings ("Kenya"
    → Kenyan, "Italy" → Italian, "Japan" → Japanese, "Pakistan" → Pakistani); forms that
    are no word are harmless, as they are only looked up."""
    stem, last = country[:-1], country[-1]
    if last == "a":
        return {country + "n", stem + "ian", stem + "ese", stem + "an"}
    if last == "y":
        return {stem + "ian", stem + "ish"}
    if last == "o":
        return {stem + "an", country + "an", stem + "ese"}
    if last == "e":
        return {country + "an", stem + "ian", stem + "ese"}
    if country.endswith("land"):
        return {country + "er", country[:-4] + "ish"}
    return {country + "ian", country + "i", country + "ese", country + "an"}


@functools.lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """Languages and peoples, folded: the English names of languages in the Unicode CLDR, as
    Babel ships them offline, and the people of each country CLDR names ("German", "Yoruba",
    "Māori", "Kenyan", "Scottish Gaelic"). A capitalised word of these is a language or a
    people, not a person; one that is also a given name ("Shona", "Swati") stays a possible
    name unless it has the ending of a people's word ("German", "Dutch", "Danish"; not "Shan")."""
    from babel import Locale

    english = Locale("en")
    given = given_names()
    words: set[str] = set()
    for name in english.languages.values():
        words.add(name)
        words.update(w for w in name.split()[:-1] if w.endswith(_PEOPLE_ENDINGS))  # "Scottish" Gaelic
        # "Central Atlas Tamazight", "Southern Sotho": the language's own word alone, if no English.
        if " " in name and name.split()[-1].isalpha() and fold(name.split()[-1]) not in english_words():
            words.add(name.split()[-1])
        # Bantu languages as their speakers write them, with the noun-class prefix for a
        # language: Swahili → Kiswahili, Luo → Dholuo, Zulu → isiZulu, Sotho → Sesotho.
        last = name.split()[-1]
        if last.isalpha():
            words.update(prefix + last.lower() for prefix in _LANGUAGE_PREFIXES)
    for code, name in english.territories.items():
        if code.isalpha() and " " not in name and "&" not in name:
            words.update(_demonyms(name))
    # The people or speech of a region, by the endings that make no surname: "Sichuanese",
    # "Bavarian", "Cornish" (not "-i" nor "-an": "Kashmiri" and "Bihari" are surnames too).
    for region in _data_lines("region_names.txt"):
        if region.isalpha():
            words.update(region + ending for ending in ("ese", "ian", "ish"))
    folded = {fold(w) for w in words}
    return frozenset(w for w in folded if w not in given or (len(w) > 4 and w.endswith(_PEOPLE_ENDINGS)))


@functools.lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Everyday English words with languages and peoples: words that alone are no person."""
    return english_words() | peoples()


_TITLES = frozenset(HONORIFICS)


def _is_honorific(word: str) -> bool:
    return word.rstrip(".") in _TITLES


def strip_title(name: str) -> str:
    """The name without the titles in front ("Dr. Helen Wu" → "Helen Wu"); "" for a title alone."""
    words = name.split()
    while words and _is_honorific(words[0]):
        words.pop(0)
    return " ".join(words)


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
