"""The words care reads a clause by: whose it is, what opens or joins it, what negates it.

Plain word lists, used by ``text`` (the irregular forms), ``match`` (the trailing words)
and ``guards`` (subject and negation)."""

from __future__ import annotations

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
#: An inner experience named with "the" and no one's name ("the thought of ending it came
#: back", "the urge to cut"): nobody else is said to have it, so it is the writer's; "her
#: thoughts of …" stays another's, since "her" is read first.
_INNER = frozenset(
    {"thought", "thoughts", "idea", "ideas", "urge", "urges", "pull", "temptation", "wish", "image", "images"}
)
_INNER_LINKS = frozenset({"of", "to", "about"})
_INNER_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
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
