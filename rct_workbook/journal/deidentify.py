"""Finding what could identify a person in exported answers, and replacing it.

Reflective notes are not privileged, and details can identify clients and colleagues
even without names. Before anything leaves the journal, exported answers are scanned
for identifiers; each can be redacted with a stable placeholder or kept on purpose.
This is a safety net, not a guarantee: the stranger test still applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

KIND_LABELS = {
    "name": "name",
    "email": "email address",
    "phone": "phone number",
    "url": "web address",
    "ip": "IP address",
    "date": "date",
    "number": "long number",
    "postcode": "postcode",
}
_PLACEHOLDER_WORD = {
    "email": "Email",
    "phone": "Phone",
    "url": "Link",
    "ip": "IP address",
    "date": "Date",
    "number": "Number",
    "postcode": "Postcode",
}

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_TITLES = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Rev|Sr|Fr)"
_NAME_WORD = r"[A-Z][a-zà-öø-ÿ'’-]+"

#: (kind, pattern) in the order they claim text: an earlier match wins an overlap.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)),
    ("ip", re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b")),
    (
        "date",
        re.compile(
            rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"
            rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b"
            rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
            rf"|\b(?:{_MONTHS})\.?\s+\d{{4}}\b",
            re.IGNORECASE,
        ),
    ),
    ("phone", re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,3}(?!\w)")),
    (
        "postcode",
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{5}(?:-\d{4})?\b"),
    ),
    ("number", re.compile(r"(?<!\w)\d{6,}(?!\w)")),
    # A name after a title; the name alone is what is flagged, so every mention goes.
    ("name", re.compile(rf"\b{_TITLES}\.?\s+(?P<person>{_NAME_WORD}(?:\s+{_NAME_WORD})?)")),
)

#: Capitalised words that start sentences or name things, not people.
_NOT_NAMES = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "a an and as at but by for from he her his i if in is it its me my no not of on or our she so "
        "the their them then there they this to us we what when where which who why with you your yes "
        "colleague colleagues friend friends group groups team peer peers supervisor supervisors manager "
        "director clinic hospital unit ward center centre department staff nurse nurses doctor therapist "
        "clinician former monday tuesday wednesday thursday friday saturday sunday "
    ).split()
)


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
    """Name-like runs of capitalised words in an answer that lists people."""
    found = []
    for match in re.finditer(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*", text):
        words = [w for w in match.group().split() if w.casefold().strip("'’") not in _NOT_NAMES]
        if words and all(len(w) > 1 for w in words):
            found.append(" ".join(words))
    return found


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{'…' if start > width else ''}{left}»{text[start:end]}«{right}{'…' if end + width < len(text) else ''}"
    return " ".join(snippet.split())


def scan(texts: Iterable[tuple[str, str]], names: Iterable[str] = ()) -> list[Finding]:
    """Identifiers in each (where, text), each kind and value once, in reading order."""
    known = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    spaced = [r"\s+".join(map(re.escape, n.split())) for n in known]
    name_re = re.compile(rf"(?<!\w)(?:{'|'.join(spaced)})(?!\w)", re.IGNORECASE) if known else None
    findings: dict[tuple[str, str], Finding] = {}
    for where, text in texts:
        taken: list[tuple[int, int, str]] = []

        def claim(kind: str, start: int, end: int, taken: list[tuple[int, int, str]] = taken) -> None:
            # Earlier patterns win an overlap (an email is not also a name).
            if not any(start < b and a < end for a, b, _ in taken):
                taken.append((start, end, kind))

        for kind, pattern in PATTERNS:
            for match in pattern.finditer(text):
                span = match.span("person") if "person" in pattern.groupindex else match.span()
                claim(kind, *span)
        if name_re is not None:
            for match in name_re.finditer(text):
                claim("name", match.start(), match.end())
        for start, end, kind in sorted(taken):  # in the order a person reads them
            finding = Finding(kind, text[start:end], where, _context(text, start, end))
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


@dataclass
class Redactor:
    """Replaces names (whole words, any case, possessives too) and other identifiers.

    Each value gets a stable placeholder: people [Person A], [Person B] … in the order
    given; other kinds [Email 1], [Date 1] …. Everything is matched in one pass, longest
    first, so "Mary Jones" is one person rather than "Mary [Person A]", and a placeholder
    is never redacted again.
    """

    names: Sequence[str] = ()
    others: Sequence[tuple[str, str]] = ()
    count: int = 0
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _stand_ins: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        values: list[str] = []
        people = 0
        numbered: dict[str, int] = {}
        for kind, raw in [*(("name", n) for n in self.names), *self.others]:
            value = " ".join(raw.split())
            key = value.casefold()
            if not value or key in self._stand_ins:
                continue
            if kind == "name":
                self._stand_ins[key] = placeholder(people)
                people += 1
            else:
                numbered[kind] = numbered.get(kind, 0) + 1
                self._stand_ins[key] = f"[{_PLACEHOLDER_WORD.get(kind, kind.title())} {numbered[kind]}]"
            values.append(value)
        if values:
            alternatives = "|".join(
                r"\s+".join(re.escape(w) for w in v.split()) for v in sorted(values, key=len, reverse=True)
            )
            self._pattern = re.compile(
                rf"(?<!\w)(?P<name>{alternatives})(?P<poss>['’]s\b|s['’]|['’](?!\w))?(?!\w)", re.IGNORECASE
            )

    def __bool__(self) -> bool:
        return self._pattern is not None

    def text(self, value: str) -> str:
        if self._pattern is None:
            return value

        def swap(match: re.Match[str]) -> str:
            key = " ".join(match.group("name").split()).casefold()
            return self._stand_ins[key] + (match.group("poss") or "")

        value, n = self._pattern.subn(swap, value)
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
