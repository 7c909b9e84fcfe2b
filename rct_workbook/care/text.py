"""The text machinery: contractions opened, words and their stems, sentences and clauses,
and the person's own words quoted back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from rct_workbook.care.lexicon import _IRREGULAR

#: At most this many words of the person's own text are quoted back.
QUOTE_WORDS = 20

_CONTRACTIONS = (
    (re.compile(r"\bcan't\b|\bcannot\b|\bcant\b"), "can not"),
    (re.compile(r"\bwon't\b|\bwont\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"\b(do|does|did|is|are|was|were|have|has|had|could|would|should)nt\b"), r"\1 not"),
    (re.compile(r"\bi'm\b|\bim\b"), "i am"),
    (re.compile(r"\bi've\b|\bive\b"), "i have"),
    (re.compile(r"\bi'd\b"), "i would"),
    (re.compile(r"\bi'll\b"), "i will"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\b(it|that|what|there|here|he|she|who|everything|nothing|life)'s\b"), r"\1 is"),
    (re.compile(r"'s\b"), ""),
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])$")
#: Clauses: commas, semicolons, colons and dashes, "but"/"because"/"though"/"while", and
#: "and" when a new subject follows it.
_CLAUSE = re.compile(
    r"\s*[,;:]\s*|\s+[-–—]\s+|\s+(?:but|because|though|although|whereas|while|whilst)\s+"
    r"|\s+and\s+(?=(?:i|we|they|he|she|the|my|our|it|nobody|everyone|no one)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@cache
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]  # the package ships no type hints

    return snowballstemmer.stemmer("english")


@cache
def stem(word: str) -> str:
    """A word's stem, so that the forms of one word meet: disappeared, disappearing → disappear."""
    stemmed = str(_stemmer().stemWord(_IRREGULAR.get(word, word)))
    return _IRREGULAR.get(stemmed, stemmed)  # "thoughts" stems to "thought", which is "think"


def _normal(text: str) -> str:
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[-/]", " ", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def words(text: str) -> list[str]:
    """The words of a text, with contractions opened and hyphens as spaces, lower case."""
    return _WORD.findall(_normal(text))


@dataclass(frozen=True)
class _Clause:
    text: str  # as written
    words: tuple[str, ...]
    stems: tuple[str, ...]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word and stem of the clause: a pattern whose first word is not here cannot match."""
        return frozenset(self.words) | frozenset(self.stems)


def _clause(text: str) -> _Clause:
    ws = tuple(words(text))
    return _Clause(text.strip(), ws, tuple(stem(w) for w in ws))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def quote_of(sentence: str, clause: str, words_at_most: int = QUOTE_WORDS) -> str:
    """The person's own words to quote: the clause that raised care, or the sentence when the
    clause is too short to stand alone ("Burnt out,"), at most ``words_at_most`` words, cut
    at a word edge (marked …)."""
    for text in (clause, sentence) if len(clause.split()) >= 3 else (sentence, clause):
        shown = " ".join(text.split())
        if len(shown.split()) <= words_at_most:
            return shown
    cut = " ".join(clause.split()[:words_at_most])
    return cut.rstrip(",;:") + "…"


#: A field of a screening note answered no: a short label, a colon or a dash, then a plain no
#: and nothing after it but the field's end ("Suicidal thoughts: none.", "Self-harm - denied,
#: just tired", "SI: nil today"). A label that speaks as "I" is no field ("I want to die - no,
#: really"), and an answer that goes on is no plain no ("Suicidal thoughts: no plan, just the
#: thoughts").
_ANSWERED_NO = re.compile(
    r"(?:^|(?<=[.;,]))\s*(?P<label>[^.;:,\n]{1,60}?)\s*(?::|\s[-\u2013\u2014]\s?)\s*"
    r"(?i:none|nil|no|nope|denied|denies|negative|absent|not\s+present|zero|0|n/?a)"
    r"(?i:\s+(?:at\s+present|currently|today|now|reported|at\s+all|thank\s+god|thankfully))?"
    r"\s*(?=[.;,!]|$)[.;,!]?"
)
_SPEAKING = re.compile(r"(?i)\b(?:i|i'm|i've|i'd|im|ive|me)\b")


def without_fields_answered_no(sentence: str) -> str:
    """The sentence less its fields answered no (a screening note's "Self-harm: none"): what
    remains is what the person said of themselves."""

    def keep(m: re.Match[str]) -> str:
        return m.group(0) if _SPEAKING.search(m.group("label")) else " "

    return re.sub(r"\s+", " ", _ANSWERED_NO.sub(keep, sentence)).strip()
