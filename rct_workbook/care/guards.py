"""The guards on a match: negation (near, hedged, denied, across the clause) and whose the
clause is (the writer's or someone else's)."""

from __future__ import annotations

from collections.abc import Sequence

from rct_workbook.care.lexicon import (
    _DETERMINERS,
    _FIRST_PERSON,
    _GLOBAL,
    _HEDGES,
    _INNER,
    _INNER_DETERMINERS,
    _INNER_LINKS,
    _INTRODUCERS,
    _NEGATION_STOPS,
    _NEGATORS,
    _OPENERS,
    _OTHERS,
    _OWN_DETERMINERS,
)
from rct_workbook.care.match import _Token, find_all
from rct_workbook.care.text import _Clause, stem, words

NEGATION_WINDOW = 3


def _negated(clause: _Clause, start: int, tokens: Sequence[_Token]) -> bool:
    if any(option and option[0][0] & _NEGATORS for option in tokens[0].options):
        return False
    if _hedged(clause.words[:start]):
        return True
    for k in range(start - 1, max(start - 1 - NEGATION_WINDOW, -1), -1):
        word = clause.words[k]
        if word in _NEGATION_STOPS:
            return False
        if word in _NEGATORS:
            return True
    return _denied_thought(clause, start)


#: Words that may stand between a negation and what it denies: "never had thoughts of",
#: "not once felt the urge to", "never really been" (stems).
_DENIAL_BRIDGE = frozenset(
    stem(w)
    for w in words("have ever once any really the a an thought thoughts of about idea ideas urge urges feel be serious")
)


def _denied_thought(clause: _Clause, start: int) -> bool:
    """A denied thought, feeling or urge: "I've never had thoughts of ending my life"."""
    for k in range(start - 1, -1, -1):
        if clause.words[k] in _NEGATORS:
            return k < start - 1
        if clause.stems[k] not in _DENIAL_BRIDGE:
            return False
    return False


def _hedged(before: Sequence[str]) -> bool:
    """Whether the words before a match end in a hedged denial: not + say/think/... + I (+ am)."""
    rest = list(before)
    if rest and rest[-1] in ("am", "was", "be", "a"):
        rest.pop()
    if rest and rest[-1] in ("am", "was", "be"):
        rest.pop()
    return len(rest) >= 3 and rest[-1] in _FIRST_PERSON and rest[-2] in _HEDGES and rest[-3] in _NEGATORS


def subject(clause: _Clause, start: int) -> str | None:
    """Whose the clause is, read back from word ``start``: "self", "other", or None (no subject)."""
    # "a young person self-harming": the match itself opens with a participle. Only its
    # first two words count ("thought about jumping", "a failure at everything" are not).
    participle = any(w.endswith("ing") for w in clause.words[start : start + 2])
    for k in range(start - 1, -1, -1):
        word = clause.words[k]
        if k == start - 1 and word in _OWN_DETERMINERS:
            return "self"  # "my suicidal thoughts": the writer's own, not a subject's

        if word in _FIRST_PERSON or word in _GLOBAL:
            return "self"
        if word == "that" and k > 0:
            continue  # "I've thought that ...": the subject is before it
        inner = k + 2 < start and clause.words[k + 1] in _INNER and clause.words[k + 2] in _INNER_LINKS
        if word in _INNER_DETERMINERS and inner:
            return "self"  # "the thought of ending it": an inner experience, no one else's
        after_verb = k > 0 and clause.words[k - 1] not in _INTRODUCERS
        if word in _DETERMINERS and after_verb and not (participle and start - k <= 3):
            # "on the platform", "keep a stash", "made a plan": an object, not the subject;
            # but "a young person self-harming" is the subject of what follows it.
            continue
        if word in _OTHERS or word in _DETERMINERS:
            return "other"
    if start == 0:
        return None
    opening = clause.words[0]
    if opening in _OPENERS or opening.endswith(("ed", "ing")):
        return None
    return "other"  # a bare noun: "Staff have started cutting corners"


#: "can't stop thinking", "can't help wondering", "can't shake the thought": not a negation.
_NOT_NEGATING = frozenset({"stop", "help", "shake", "get", "wait"})
#: Words that may stand between "after" words and a concept ("not want to be alive").
AFTER_WINDOW = 4


def _clause_negated(clause: _Clause, start: int) -> bool:
    """Negation at the clause level: a negator anywhere before the match, back to the last
    word that stops negation ("if", "that", "whether" ...), unless it is "can't stop"."""
    if _hedged(clause.words[:start]):
        return True
    for k in range(start - 1, -1, -1):
        word = clause.words[k]
        if word in _NEGATION_STOPS:
            return False
        if word in _NEGATORS:
            following = clause.words[k + 1 : k + 2]
            if following and stem(following[0]) in _NOT_NEGATING:
                continue
            return True
    return False


def _after_one_of(clause: _Clause, start: int, phrases: Sequence[str]) -> bool:
    """Whether one of ``phrases`` ends at most AFTER_WINDOW words before ``start``."""
    lo = max(0, start - AFTER_WINDOW - 3)
    return any(lo <= i and start - AFTER_WINDOW <= end <= start for p in phrases for i, end in find_all(clause, p))


def _writers(clause: _Clause, start: int, sentence_self: bool, inherited: str | None) -> bool:
    """Whether the concept at ``start`` is the writer's: "my" right before it or "I"/"me"
    the nearest subject; no subject in a sentence that is the writer's. A third-person
    subject keeps it theirs."""
    lead = _thought_of(clause, start)
    if lead is not None:
        start = lead  # "the thought of not existing": whose thought it is decides
    whose = subject(clause, start)
    dummy = _dummy_it(clause, start)
    if whose == "other" and dummy is not None:
        whose = subject(clause, dummy)  # "it would be like to not exist": "it" stands for nobody
    if whose is not None:
        return whose == "self"
    if inherited is not None:
        return inherited == "self"
    return sentence_self


#: "The thought of ...", "the urge to ...": a noun of thought or wish that carries a concept.
_THOUGHT_NOUNS = frozenset(
    stem(w) for w in words("thought idea prospect notion urge pull temptation fantasy wish desire")
)


def _thought_of(clause: _Clause, start: int) -> int | None:
    """Where "the thought of" / "the urge to" begins, when it stands at most three words
    before ``start`` ("the thought of not being around"), else None."""
    for k in range(start - 1, max(start - 5, 0) - 1, -1):
        if clause.stems[k] in _THOUGHT_NOUNS and k + 1 < len(clause.words) and clause.words[k + 1] in ("of", "to"):
            if k > 0 and clause.words[k - 1] in ("the", "this", "that", "my"):
                return k - 1 if clause.words[k - 1] != "my" else None
            return None
    return None


def _dummy_it(clause: _Clause, start: int) -> int | None:
    """Where "it" stands as a dummy subject before ``start`` ("it would be easier if ...",
    "it feels like ..."): it is the nearest subject and a verb of being or seeming follows it."""
    for k in range(start - 1, -1, -1):
        word = clause.words[k]
        if word in _OTHERS or word in _FIRST_PERSON:
            if word == "it" and k + 1 < len(clause.words) and clause.stems[k + 1] in _DUMMY_VERBS:
                return k
            return None
    return None


#: Verbs after which "it" stands for nobody in particular (stems).
_DUMMY_VERBS = frozenset(stem(w) for w in ["would", "is", "was", "feels", "seems", "be", "will", "might", "could"])
