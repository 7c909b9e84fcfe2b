"""What care finds in one text: the precise patterns, clause by clause, and the safety
net's concept words where they raise what the patterns found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rct_workbook.care.guards import _after_one_of, _clause_negated, _negated, _writers, subject
from rct_workbook.care.lexicon import _FIRST_PERSON
from rct_workbook.care.match import _idiom_words, _match_from, compile_pattern, find, find_all
from rct_workbook.care.text import _CLAUSE, _Clause, _clause, _sentences, quote_of

if TYPE_CHECKING:
    from rct_workbook.model.schema import CareConcept, CarePattern


# --- what was found ----------------------------------------------------------------------


#: The id under which the meaning (:mod:`rct_workbook.care.meaning`) reports what it finds.
MEANING = "meaning"


@dataclass(frozen=True)
class Found:
    """One care pattern found in one answer."""

    pattern: str
    level: str  # check-in, urgent, or grief (history of a death at work)
    kind: str
    question: str
    quote: str


def _holds(
    pattern: CarePattern,
    clause: _Clause,
    sentence_clauses: Sequence[_Clause],
    inherited: str | None,
    idiom: frozenset[int] = frozenset(),
) -> bool:
    for text in pattern.match:
        tokens = compile_pattern(text)
        span = find(clause, text)
        if span is None:
            continue
        start, end = span
        if start in idiom and pattern.level != "grief":
            continue  # "cut myself off", "burned myself out": an idiom the net's content names
        if _negated(clause, start, tokens):
            continue
        whose = subject(clause, start) or inherited or "self"
        if pattern.who == "self" and whose != "self":
            continue
        if pattern.who == "other" and whose == "self":
            continue
        after = _Clause(clause.text, clause.words[end:], clause.stems[end:])
        if after.words and any(_match_from(after, compile_pattern(t), 0) is not None for t in pattern.then_not):
            continue
        if pattern.needs and not any(find(c, t) for t in pattern.needs for c in sentence_clauses):
            continue
        if any(find(c, t) for t in pattern.unless for c in sentence_clauses):
            continue
        return True
    return False


def found_in(text: str, question: str, patterns: Iterable[CarePattern], idioms: Sequence[str] = ()) -> list[Found]:
    """Every care pattern one answer's text holds, one finding per pattern and sentence; a
    match that begins inside one of ``idioms`` (the net's, word for word) does not count."""
    out: list[Found] = []
    patterns = list(patterns)
    for sentence in _sentences(text):
        raw = [c for c in _CLAUSE.split(sentence) if c and c.strip()]
        clauses = [_clause(c) for c in raw]
        inherited: str | None = None
        for clause in clauses:
            idiom = _idiom_words(clause, idioms)
            for pattern in patterns:
                if _holds(pattern, clause, clauses, inherited, idiom):
                    out.append(
                        Found(pattern.id, pattern.level, pattern.kind, question, quote_of(sentence, clause.text))
                    )
            if clause.words:
                inherited = subject(clause, len(clause.words)) or inherited
    # One finding per pattern and quote.
    return list({(f.pattern, f.quote): f for f in out}.values())


# --- the safety net ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Net:
    """The safety net's groups from content (``content/care/concepts.yaml``), by role."""

    concepts: tuple[CareConcept, ...]
    intent: tuple[str, ...]
    idioms: tuple[str, ...]

    @classmethod
    def of(cls, groups: Iterable[CareConcept]) -> Net:
        groups = list(groups)
        return cls(
            tuple(g for g in groups if g.role == "concept"),
            tuple(w for g in groups if g.role == "intent" for w in g.words),
            tuple(w for g in groups if g.role == "idiom" for w in g.words),
        )


def net_found_in(text: str, question: str, net: Net, met: str = "none") -> list[Found]:
    """What the safety net finds in a text, one finding (the highest) a sentence: a concept
    word the writer is near, not negated, not in an idiom. ``met`` is the level the precise
    patterns found there: the net only adds a finding that would raise it."""
    out: list[Found] = []
    rank = {"none": 0, "check-in": 1, "urgent": 2}
    for sentence in _sentences(text):
        raw = [c for c in _CLAUSE.split(sentence) if c and c.strip()]
        clauses = [_clause(c) for c in raw]
        sentence_self = _writers_clauses(clauses)
        best: Found | None = None
        inherited: str | None = None
        for clause in clauses:
            idiom = _idiom_words(clause, net.idioms)
            # A wish anywhere in the sentence: "Death doesn't frighten me; some days I want it."
            wish = any(find(c, p) for p in net.intent for c in clauses)
            for group in net.concepts:
                # A concept with its own intent words ("thinking about" the pills) wants them in its clause.
                intent = any(find(clause, p) for p in group.intent) if group.intent else wish
                level = _net_level(group, clause, idiom, intent, sentence_self, inherited)
                if level is not None and (best is None or rank[level] > rank[best.level]):
                    best = Found(group.id, level, str(group.kind), question, quote_of(sentence, clause.text))
            if clause.words:
                inherited = subject(clause, len(clause.words)) or inherited
        if best is not None and rank[best.level] > rank[met]:
            out.append(best)
    return out


def _writers_clauses(clauses: Sequence[_Clause]) -> bool:
    all_words = [w for c in clauses for w in c.words]
    first_person = any(w in _FIRST_PERSON or w == "my" for w in all_words)
    no_subject = all(subject(c, len(c.words)) is None for c in clauses if c.words)
    return first_person or no_subject


def _net_level(
    group: CareConcept,
    clause: _Clause,
    idiom: frozenset[int],
    intent: bool,
    sentence_self: bool,
    inherited: str | None,
) -> str | None:
    """The level one concept group raises in one clause, or None."""
    for phrase in group.words:
        for start, end in find_all(clause, phrase):
            if idiom & set(range(start, end)):
                continue
            if group.after:
                if not _after_one_of(clause, start, group.after):
                    continue
            elif _clause_negated(clause, start):
                continue
            if not _writers(clause, start, sentence_self, inherited):
                continue
            if group.urgent == "always" or (intent and group.urgent != "never"):
                return "urgent"
            if group.urgent == "only-with-intent":
                continue
            return "check-in"
    return None
