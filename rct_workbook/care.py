"""Care: whether the person who answered may be struggling, and in whose words.

Pure functions: nothing here prints, prompts or touches files. The care patterns, the
signals on ratings and ticks, the note and the crisis lines are content
(``content/care/``); this module reads the person's free text sentence by sentence and
clause by clause, and decides the level: ``none``, ``check-in`` or ``urgent``.

A pattern is a short sequence of word stems (``content/care/patterns.yaml`` explains the
notation). A pattern only counts when the clause it is in is about the writer, and is
not negated:

* word forms: both the pattern and the text are stemmed (Snowball's English stemmer), so
  "disappear" also finds "disappeared" and "disappearing";
* contractions are opened ("can't" is "can not", "I'd" is "I would");
* the subject: the nearest pronoun or noun phrase before the match decides whose the
  clause is. "I", "me", "myself" are the writer; "the director", "our funding", "my
  clients", "they" are not; a clause with no subject at all ("Cutting again.") is a
  clipped note about oneself, unless an earlier clause of the sentence had a subject;
  "my" right before the match makes it the writer's ("my suicidal thoughts");
* negation: "not", "never" or "no" just before the match (within three words, not across
  "if" or "that") cancels it, unless the pattern itself begins with the negation; so does
  a hedged denial ("I wouldn't say I'm suicidal", "I don't think I'm a burden");
* a pattern word written as a stem ("overdos") matches as written as well as stemmed.

Beside the patterns, a safety net (``content/care/concepts.yaml``) catches phrasings no
pattern names: a concept word (death, not being alive, suicide, self-harm, means, burden,
low mood) with the writer near it, not negated anywhere before it in its clause, and not
inside an idiom ("dying to", "bored me to death"), matched word for word. Suicide and
self-harm are urgent; death and burden with a wish in the sentence, and means with an
intent word of their own in the clause, are urgent; the rest is a check-in. The net only
adds a finding where it raises what the patterns found in that sentence, never lowers it.
Its idioms also hold for the patterns ("cut myself off" is no cutting).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from rct_workbook.model.question_types import QUESTION_TYPES
from rct_workbook.model.schema import CARE_TOKEN
from rct_workbook.reading_rules import Filler, flow_questions, holds, names_questions

if TYPE_CHECKING:
    from rct_workbook.model.content import Content
    from rct_workbook.model.schema import CareConcept, CarePattern, CrisisLine

LEVELS = ("none", "check-in", "urgent")
#: The answer to "How are you, really?" (asked when only a phrase raised care).
HOW_ARE_YOU = "how-are-you"
#: What each answer to it means for the level (unanswered: the phrase stands, check-in).
HOW_ARE_YOU_LEVELS = {"all-right": "none", "not-great": "check-in", "unsafe": "urgent", "rather-not-say": "check-in"}

#: At most this many words of the person's own text are quoted back.
QUOTE_WORDS = 20
#: Words a pattern's next token may skip ahead by, unless ``..`` allows more.
GAP = 2
LONG_GAP = 9
NEGATION_WINDOW = 3

_FIRST_PERSON = frozenset({"i", "me", "myself"})
_OTHERS = frozenset(
    [
        "he",
        "she",
        "they",
        "we",
        "you",
        "it",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "nobody",
        "people",
        "who",
        "them",
        "him",
        "us",
        "staff",
        "management",
        "manager",
        "client",
        "clients",
        "patient",
        "patients",
        "team",
    ]
)
#: Subjects that speak of one's whole life, read as the writer's own ("everything feels pointless").
_GLOBAL = frozenset({"everything", "life", "anything"})
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "their",
        "his",
        "her",
        "your",
        "my",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "several",
        "many",
        "most",
        "some",
        "both",
        "its",
        "whose",
        "which",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "half",
    ]
)
#: Words that join or soften a clause ("and", "honestly", "tbh"): before its verb or its subject.
_DISCOURSE = frozenset(
    [
        "and",
        "but",
        "so",
        "then",
        "yet",
        "or",
        "also",
        "just",
        "still",
        "honestly",
        "really",
        "sometimes",
        "often",
        "lately",
        "recently",
        "now",
        "tbh",
        "ok",
        "okay",
        "well",
        "oh",
        "ag",
        "mate",
    ]
)
#: Words that may open a clause before its verb without being its subject.
_OPENERS = _DISCOURSE | frozenset(
    [
        "there",
        "can",
        "could",
        "would",
        "will",
        "should",
        "must",
        "might",
        "may",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "not",
        "never",
        "no",
        "cannot",
        "keep",
        "kept",
        "start",
        "started",
        "feel",
        "felt",
        "think",
        "thought",
        "want",
        "wanted",
        "wish",
        "wished",
    ]
)
#: A noun phrase after one of these is an object ("on the platform"), not the subject.
_PREPOSITIONS = frozenset(
    [
        "on",
        "in",
        "at",
        "to",
        "from",
        "into",
        "onto",
        "of",
        "for",
        "with",
        "by",
        "about",
        "over",
        "under",
        "near",
        "after",
        "before",
        "through",
        "across",
        "off",
        "like",
        "than",
        "between",
        "within",
        "without",
    ]
)
#: Irregular forms the stemmer leaves apart, brought together (on both sides: patterns and text).
_IRREGULAR = {
    **dict.fromkeys(("is", "are", "was", "were", "am", "been", "being"), "be"),
    **dict.fromkeys(("has", "had", "having"), "have"),
    **dict.fromkeys(("does", "did"), "do"),
    "went": "go",
    "thought": "think",
    "felt": "feel",
    **dict.fromkeys(("woke", "woken"), "wake"),
    **dict.fromkeys(("gave", "given"), "give"),
    **dict.fromkeys(("took", "taken"), "take"),
    "bled": "bleed",
    "fell": "fall",
    **dict.fromkeys(("broke", "broken"), "break"),
    **dict.fromkeys(("wrote", "written"), "write"),
    "stood": "stand",
    "ran": "run",
    **dict.fromkeys(("hid", "hidden"), "hide"),
    "kept": "keep",
    "lost": "lose",
    **dict.fromkeys(("got", "gotten"), "get"),
    "made": "make",
    "said": "say",
    "left": "leave",
}
#: Words after which a noun phrase can still be the subject ("honestly the software is ...").
_INTRODUCERS = _DISCOURSE | frozenset(
    [
        "that",
        "when",
        "if",
        "because",
        "while",
    ]
)
_NEGATORS = frozenset({"not", "never", "no", "nor", "neither"})
#: A determiner right before a match that makes the matched phrase the writer's own
#: ("my suicidal thoughts"). "The" is left as it was: "the letter", "the cuts" are things.
_OWN_DETERMINERS = frozenset({"my"})
#: "I wouldn't say I'm ...", "I don't think I'm ...": a hedged denial negates what follows.
_HEDGES = frozenset({"say", "think", "call", "describe", "consider", "believe", "feel"})
#: Negation does not reach across these: "wouldn't mind if I ...", "don't know how much longer ...".
_NEGATION_STOPS = frozenset({"if", "that", "when", "because", "than", "whether", "but", "know", "sure", "tell"})
#: Trailing words that do not stop a clause from "ending" at a match (``$``).
_TRAILING = frozenset(
    [
        "now",
        "again",
        "already",
        "anymore",
        "completely",
        "entirely",
        "totally",
        "really",
        "honestly",
        "tbh",
        "today",
        "lately",
        "any",
        "more",
        "at",
        "all",
        "for",
        "good",
        "though",
        "too",
    ]
)

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


# --- what was found ----------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """One care pattern found in one answer."""

    pattern: str
    level: str  # check-in, urgent, or grief (history of a death at work)
    kind: str
    question: str
    quote: str


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


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


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

#: "can't stop thinking", "can't help wondering", "can't shake the thought": not a negation.
_NOT_NEGATING = frozenset({"stop", "help", "shake", "get", "wait"})
#: Words that may stand between "after" words and a concept ("not want to be alive").
AFTER_WINDOW = 4


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


def net_found_in(text: str, question: str, net: Net, met: str = "none") -> list[Found]:
    """What the safety net finds in a text, one finding (the highest) a sentence: a concept
    word the writer is near, not negated, not in an idiom. ``met`` is the level the precise
    patterns found there: the net only adds a finding that would raise it."""
    out: list[Found] = []
    rank = {"none": 0, "check-in": 1, "urgent": 2}
    for sentence in _sentences(text):
        raw = [c for c in _CLAUSE.split(sentence) if c and c.strip()]
        clauses = [_clause(c) for c in raw]
        all_words = [w for c in clauses for w in c.words]
        first_person = any(w in _FIRST_PERSON or w == "my" for w in all_words)
        no_subject = all(subject(c, len(c.words)) is None for c in clauses if c.words)
        sentence_self = first_person or no_subject
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


def texts_by_question(content: Content, answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(question id, text) for every free-text answer of the reading flow, in flow order."""
    out: list[tuple[str, str]] = []
    for qid, question in flow_questions(content).items():
        if qid in answers:
            out += [(qid, t) for t in QUESTION_TYPES[question.type].free_texts(question, answers[qid]) if t]
    return out


def found_in_answers(content: Content, answers: Mapping[str, Any]) -> list[Found]:
    """The precise patterns' findings, sentence by sentence, and the safety net's where it
    raises a sentence above what the patterns found there (it never lowers it)."""
    patterns = list(content.care_patterns.values())
    net = Net.of(content.care_concepts.values())
    out: list[Found] = []
    for qid, text in texts_by_question(content, answers):
        for sentence in _sentences(text):
            precise = found_in(sentence, qid, patterns, net.idioms)
            met = max((f.level for f in precise if f.level in LEVELS), key=LEVELS.index, default="none")
            out += precise + net_found_in(sentence, qid, net, met)
    return out


# --- the evaluation --------------------------------------------------------------------------


@dataclass(frozen=True)
class CareReason:
    """Why care was raised: its kind, the person's own words if words raised it, the line said."""

    kind: str
    quote: str | None
    because: str
    question: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """What care the answers call for.

    ``silenced`` holds the questions whose text raised urgent care: no reading rule may
    respond to them (the reading meets those words with care alone). ``ask`` is the quote
    to ask about ("How are you, really?") when a phrase alone raised check-in care and the
    rest of the answers are calm. ``grief`` is history of a death at work: care for the
    team, not a care note about the person.
    """

    level: str = "none"
    reasons: tuple[CareReason, ...] = ()
    signals: tuple[str, ...] = ()
    silenced: frozenset[str] = field(default_factory=frozenset)
    ask: str | None = None
    grief: CareReason | None = None


def _quoted(template: str, quote: str) -> str:
    said = template.replace("{quote}", f"“{quote}”")
    # “…up.”. reads as a stutter: the quote's own stop ends the sentence.
    return said[:-1] if quote.endswith((".", "!", "?", "…")) and said.endswith("”.") else said


def evaluate(content: Content, answers: Mapping[str, Any], asked: frozenset[str] | None = None) -> Evaluation:
    """The care level, with its reasons, for one assessment's answers.

    ``asked`` is the questions a one-step assessment asked (None: all): a signal on a
    question that was not put stays silent.
    """
    filler = Filler(content, answers)
    reasons: list[CareReason] = []
    signals: list[str] = []
    level = "none"
    for signal in content.care_signals.values():
        if asked is not None and not names_questions(signal.when) <= asked:
            continue
        if signal.when.phrases is None and holds(signal.when, answers, content):
            signals.append(signal.id)
            reasons.append(CareReason(signal.id, None, filler.fill(signal.because)))
            level = _higher(level, signal.level)
    because_of = {p.id: p.because for p in content.care_patterns.values()}
    because_of |= {g.id: g.because for g in content.care_concepts.values() if g.because is not None}
    found = found_in_answers(content, answers)
    grief: CareReason | None = None
    phrase_reasons: list[CareReason] = []
    urgent_reasons: set[CareReason] = set()
    silenced: set[str] = set()
    phrase_level = "none"
    for f in found:
        reason = CareReason(f.kind, f.quote, _quoted(because_of[f.pattern], f.quote), f.question)
        if f.level == "grief":
            grief = grief or reason
            continue
        if f.pattern not in signals:
            signals.append(f.pattern)
        phrase_reasons.append(reason)
        if f.level == "urgent":
            urgent_reasons.add(reason)
        phrase_level = _higher(phrase_level, f.level)
        if f.level == "urgent":
            silenced.add(f.question)
    ask = None
    if phrase_level == "check-in" and level == "none":
        answer = answers.get(HOW_ARE_YOU)
        said = HOW_ARE_YOU_LEVELS.get(answer) if isinstance(answer, str) else None
        if said is None:
            ask = phrase_reasons[0].quote
        elif said == "none":
            phrase_reasons, phrase_level = [], "none"
        else:
            phrase_level = said
    elif isinstance(answers.get(HOW_ARE_YOU), str) and HOW_ARE_YOU_LEVELS.get(answers[HOW_ARE_YOU]) == "urgent":
        phrase_level = "urgent"
    # Urgent reasons come first: they are what the note answers first.
    phrase_reasons.sort(key=lambda r: 0 if r in urgent_reasons else 1)
    level = _higher(level, phrase_level)
    if level == "none":
        return Evaluation(grief=grief)
    return Evaluation(
        level=level,
        reasons=(*phrase_reasons, *reasons),
        signals=tuple(signals),
        silenced=frozenset(silenced) if level == "urgent" else frozenset(),
        ask=ask,
        grief=grief,
    )


def _higher(a: str, b: str) -> str:
    rank = {"none": 0, "check-in": 1, "urgent": 2}
    return a if rank.get(a, 0) >= rank.get(b, 0) else b


# --- where to turn -----------------------------------------------------------------------------


def crisis_line_for(content: Content, region: str | None) -> CrisisLine | None:
    """The national crisis line content names for a region (a two-letter code), if any."""
    if not region:
        return None
    wanted = region.upper()
    return next((line for line in content.crisis_lines.values() if wanted in line.regions), None)
