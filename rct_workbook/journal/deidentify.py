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

What looks like a name and is none is told apart by general words, not by the names of
any one body: languages and peoples from the Unicode CLDR (through Babel); the names of
medicines (``medicine_names.txt``); the generic heads of the names of public bodies,
schemes and therapies in several languages (``institution_words.txt``: "Therapies",
"Salud", "Bakanlığı"). Dates in other languages take their month names and the order of
day, month and year from CLDR too, and wards their words for a ward from several
languages ("Wad", "Ruang", "unité", "Pabellón").

A first or last name of a full name found anywhere in the export is then sought on its
own too, and gets the same placeholder as the full name.

The parts live beside this module: ``deid_words`` (titles, the name, English-word and
place lists), ``deid_patterns`` (contact details, records, dates, addresses, wards),
``deid_cues`` (a word's neighbours) and ``deid_detect`` (the detector). This module
keeps what an export uses (findings, ``locate``, ``scan``, the ``Redactor``) and
re-exports every name imported from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rct_workbook.journal.deid_cues import _PLACE_NOUN_AFTER
from rct_workbook.journal.deid_detect import Detector
from rct_workbook.journal.deid_patterns import _PLACEHOLDER_WORD, KIND_LABELS, PATTERNS, Span
from rct_workbook.journal.deid_words import (
    _NOT_NAMES,
    HONORIFICS,
    _bare,
    _is_honorific,
    english_words,
    fold,
    given_names,
    lexicon,
    name_parts,
    name_pattern,
    name_words,
    peoples,
    place_names,
    strip_title,
)

# The public face of de-identification: every name other modules import from here.
__all__ = [
    "HONORIFICS",
    "KIND_LABELS",
    "PATTERNS",
    "Detector",
    "Finding",
    "Redactor",
    "Span",
    "english_words",
    "fold",
    "given_names",
    "locate",
    "name_parts",
    "name_pattern",
    "name_words",
    "names_in",
    "people",
    "peoples",
    "place_names",
    "placeholder",
    "scan",
    "strip_title",
]


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

    A word of no list that stands before a place's noun anywhere in the export ("Waikato
    hospital") is a place in all of it ("the letter from Waikato"), unless it was given as a name.
    """
    names = list(names)
    given, listed = given_names(), {fold(w) for n in names for w in n.split()}
    places_here = {
        word
        for text in texts
        for m in _PLACE_NOUN_AFTER.finditer(text)
        if (low := fold(word := m.group("word"))) not in given and low not in lexicon() and low not in listed
    }
    detector = Detector(names, [*not_names, *sorted(places_here)], region)
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
