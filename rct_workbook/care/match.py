"""A care pattern's notation (``content/care/patterns.yaml``) compiled to tokens, and where
a pattern matches in a clause."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rct_workbook.care.lexicon import _TRAILING
from rct_workbook.care.text import _Clause, stem, words
from rct_workbook.model.schema import CARE_TOKEN

#: Words a pattern's next token may skip ahead by, unless ``..`` allows more.
GAP = 2
LONG_GAP = 9

# --- patterns ----------------------------------------------------------------------------

_SPECIAL = {
    "I": frozenset({"i"}),
    "ME": frozenset({"i", "me", "myself"}),
    "MYSELF": frozenset({"myself"}),
    "MY": frozenset({"my"}),
}


#: One word of an alternative: the words it accepts, and whether they are compared unstemmed.
_Part = tuple[frozenset[str], bool]


@dataclass(frozen=True)
class _Token:
    #: Alternatives, each words that follow one another; an empty one is the end of the clause.
    options: tuple[tuple[_Part, ...], ...] = ()
    far: bool = False  # may come up to LONG_GAP words after the previous token


def _alternative(text: str) -> tuple[_Part, ...]:
    if text == "$":
        return ()
    out: list[_Part] = []
    for part in text.split("_"):
        if part in _SPECIAL:
            out.append((_SPECIAL[part], True))
            continue
        exact = part.startswith("=")
        for w in words(part.lstrip("=")):
            # A word written as a stem ("overdos", "relaps", "goodby") is stemmed again by
            # Snowball ("overdo", "relap", "goodbi") and would never meet the text's stem:
            # it matches as written as well.
            out.append((frozenset({w} if exact else {stem(w), w}), exact))
    return tuple(out)


@cache
def compile_pattern(text: str) -> tuple[_Token, ...]:
    """A pattern as tokens; ValueError names what is wrong with its notation."""
    tokens: list[_Token] = []
    far = False
    for raw in text.split():
        if not CARE_TOKEN.match(raw):
            raise ValueError(f"{raw!r} in {text!r} is not a word, a|b, a_b, =word, I, ME, MYSELF, MY, .. or $")
        if raw == "..":
            far = True
            continue
        tokens.append(_Token(tuple(_alternative(alt) for alt in raw.split("|")), far=far))
        far = False
    if not tokens or any(not option for option in tokens[0].options):
        raise ValueError(f"{text!r} must begin with a word")
    return tuple(tokens)


def _at(clause: _Clause, i: int, option: tuple[_Part, ...]) -> int | None:
    """Where an option that starts at word i ends (exclusive), or None if it is not there.
    The empty option is the end of the clause (only trailing words like "now" after it)."""
    if not option:
        return i if _trailing_only(clause, i) else None
    for j, (wanted, exact) in enumerate(option):
        k = i + j
        if k >= len(clause.words):
            return None
        if (clause.words[k] if exact else clause.stems[k]) not in wanted:
            return None
    return i + len(option)


def _trailing_only(clause: _Clause, i: int) -> bool:
    return all(w in _TRAILING for w in clause.words[i:])


def _match_from(clause: _Clause, tokens: Sequence[_Token], i: int, skipped: bool = False, gap: int = GAP) -> int | None:
    """Where tokens match from word i (the first token exactly at i), or None; the end of
    the clause ($) only matches right after the token before it (not ``skipped`` ahead)."""
    token = tokens[0]
    for option in token.options:
        if not option and skipped:
            continue
        end = _at(clause, i, option)
        if end is None:
            continue
        rest = tokens[1:]
        if not rest:
            return end
        reach = LONG_GAP if rest[0].far else gap
        for k in range(end, min(end + reach, len(clause.words)) + 1):
            found = _match_from(clause, rest, k, skipped=k > end, gap=gap)
            if found is not None:
                return found
    return None


@cache
def _anchors(pattern: str) -> frozenset[str]:
    """The words a match of a pattern can begin with (a pattern always begins with a word)."""
    return frozenset(w for option in compile_pattern(pattern)[0].options if option for w in option[0][0])


def find(clause: _Clause, pattern: str) -> tuple[int, int] | None:
    """The first span of the clause a pattern matches."""
    tokens, anchors = compile_pattern(pattern), _anchors(pattern)
    if anchors.isdisjoint(clause.vocabulary):
        return None
    for i in range(len(clause.words)):
        if clause.words[i] not in anchors and clause.stems[i] not in anchors:
            continue
        end = _match_from(clause, tokens, i)
        if end is not None:
            return i, end
    return None


def find_all(clause: _Clause, pattern: str, gap: int = GAP) -> list[tuple[int, int]]:
    """Every span of the clause a pattern matches, from each word it can begin at (``gap``:
    how many words may come between its tokens; idioms are matched with none)."""
    tokens, anchors = compile_pattern(pattern), _anchors(pattern)
    if anchors.isdisjoint(clause.vocabulary):
        return []
    out = []
    for i in range(len(clause.words)):
        if clause.words[i] in anchors or clause.stems[i] in anchors:
            end = _match_from(clause, tokens, i, gap=gap)
            if end is not None:
                out.append((i, end))
    return out


def _idiom_words(clause: _Clause, idioms: Sequence[str]) -> frozenset[int]:
    """The positions of the clause's words that are inside an idiom (matched word for word)."""
    return frozenset(k for p in idioms for i, end in find_all(clause, p, gap=0) for k in range(i, end))
