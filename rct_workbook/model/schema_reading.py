"""The reading's records: the rules that say something back, the care signals, care
patterns and concepts (``rct_workbook.care`` reads them), crisis lines, phrase lists and
personal resources."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from rct_workbook.model.conditions import When
from rct_workbook.model.records import Cite, ExactBool, Id, Limits, Record, Text, check

# --- the reading: rules, care signals, personal resources --------------------------------

#: The `rct learn` topics a rule may point to (the terminal views name the same topics).
LEARN_TOPICS = (
    "framework",
    "good-things",
    "continuum",
    "cultures",
    "opposition",
    "strategies",
    "glossary",
    "references",
)

#: The parts of a reading, in the order they are shown; a rule says which part it belongs to.
READING_PARTS = ("support", "review", "read", "name", "oppose", "replace")


class ReadingRule(Record):
    """One thing the reading may say back: when it applies, what it says, and why."""

    id: Id
    part: Literal[READING_PARTS]  # type: ignore[valid-type]
    when: When
    #: Why the response appears, in the person's terms ("You ticked {labels:unhealthy}").
    because: Text
    response: Text
    #: A softer response for when the care note is shown; without it a rule that
    #: assumes energy to change the organisation is held back then.
    gentle: Text | None = None
    assumes_energy: ExactBool = False
    learn: Literal[LEARN_TOPICS] | None = None  # type: ignore[valid-type]
    vignette: Id | None = None
    cite: tuple[Cite, ...]
    #: Free-text questions whose words the response quotes back ("You wrote: “…”"): the
    #: first one answered; around the phrase a ``phrases`` test on it found, if any.
    quote: tuple[Id, ...] = ()

    @check
    def _cited(self) -> None:
        if not self.cite:
            raise ValueError("a reading rule needs at least one citation")


class CareSignal(Record):
    """A sign that the person may be struggling; any one is enough for the care note."""

    id: Id
    when: When
    #: Said to the person (on screen and in their own entry, never in an export).
    because: Text
    level: Literal["check-in", "urgent"] = "check-in"


#: How a care pattern is written (``rct_workbook.care`` reads it): tokens separated by
#: spaces; ``a|b`` alternatives; ``a_b`` words that follow each other; ``=word`` the exact
#: word, unstemmed; I, ME, MYSELF, MY; ``..`` lets the next token come further on; ``$``
#: the end of the clause.
_CARE_PART = r"(=?[a-z0-9']+|I|ME|MYSELF|MY)"
_CARE_ALT = rf"(\$|{_CARE_PART}(_{_CARE_PART})*)"
CARE_TOKEN = re.compile(rf"^(\.\.|{_CARE_ALT}(\|{_CARE_ALT})*)$")
CarePhrase = Annotated[str, Limits(strict=True, min_length=2, max_length=300)]


class CarePattern(Record):
    """Words that, about the writer and not negated, raise care (see ``rct_workbook.care``)."""

    id: Id
    #: urgent: harming oneself or not wanting to live; check-in: distress short of that;
    #: grief: history of a death at work (care for the team, not a note about the person).
    level: Literal["check-in", "urgent", "grief"]
    #: The reason's kind, as programs read it (``reading.care.reasons[].kind``).
    kind: Id
    #: Whose the clause must be: the writer's (self), anyone's (any: the pattern names the
    #: writer itself, "without me"), or someone else's (other).
    who: Literal["self", "any", "other"] = "self"
    match: Annotated[tuple[CarePhrase, ...], Limits(min_length=1)]
    #: The sentence must also hold one of these.
    needs: tuple[CarePhrase, ...] = ()
    #: The sentence must hold none of these.
    unless: tuple[CarePhrase, ...] = ()
    #: What may not come right after the match ("suicidal" then "client").
    then_not: tuple[CarePhrase, ...] = ()
    #: Said to the person; {quote} is their own words.
    because: Text
    #: Why the pattern is here, for whoever reviews the content.
    reason: Text

    @check
    def _written(self) -> None:
        for phrase in (*self.match, *self.needs, *self.unless, *self.then_not):
            bad = [t for t in phrase.split() if not CARE_TOKEN.match(t)]
            if bad:
                raise ValueError(f"{bad[0]!r} in {phrase!r} is not a word, a|b, a_b, =word, I, ME, MYSELF, MY, .. or $")
            if phrase.split()[0] == ".." or "$" in phrase.split()[0].split("|"):
                raise ValueError(f"{phrase!r} must begin with a word")


class CareConcept(Record):
    """One group of the care safety net (``rct_workbook.care``), beside the precise patterns.

    ``concept``: words of one concept (death, suicide, means, burden...) that raise care when
    the writer is near them and they are not negated; ``intent``: words of wish or intent
    that make a concept urgent; ``idiom``: phrases in which a concept word is not about
    living or dying ("dying to", "bored to death"). Written as care patterns are."""

    id: Id
    role: Literal["concept", "intent", "idiom"]
    words: Annotated[tuple[CarePhrase, ...], Limits(min_length=1)]
    #: concept only: when it is urgent (always; with an intent word in its clause, else a
    #: check-in; only with one, else nothing; never).
    urgent: Literal["always", "with-intent", "only-with-intent", "never"] | None = None
    #: concept only: the words only count right after one of these ("not", "stop", "tired of").
    after: tuple[CarePhrase, ...] = ()
    #: concept only: its own intent words, in its clause (otherwise the intent groups', in its sentence).
    intent: tuple[CarePhrase, ...] = ()
    #: concept only: the reason's kind, and what is said to the person ({quote}: their words).
    kind: Id | None = None
    because: Text | None = None
    #: Why the group is here, for whoever reviews the content.
    reason: Text

    @check
    def _written(self) -> None:
        for phrase in (*self.words, *self.after, *self.intent):
            bad = [t for t in phrase.split() if not CARE_TOKEN.match(t)]
            if bad:
                raise ValueError(f"{bad[0]!r} in {phrase!r} is not a word, a|b, a_b, =word, I, ME, MYSELF, MY, .. or $")
            if phrase.split()[0] == ".." or "$" in phrase.split()[0].split("|"):
                raise ValueError(f"{phrase!r} must begin with a word")
        concept = self.role == "concept"
        if concept != (self.urgent is not None and self.kind is not None and self.because is not None):
            raise ValueError("a concept needs urgent, kind and because; an intent or idiom has none of them")
        if (self.after or self.intent) and not concept:
            raise ValueError("only a concept has words before it (after) or its own intent words")


class CrisisLine(Record):
    """A national crisis line, named when the person's region is known (``rct config``)."""

    id: Id
    regions: Annotated[tuple[Annotated[str, Limits(strict=True, pattern=r"^[A-Z]{2}$")], ...], Limits(min_length=1)]
    name: Text
    contact: Text
    emergency: Text
    #: Where the number comes from, and the month it was last checked (YYYY-MM).
    source: Text
    checked: Annotated[str, Limits(strict=True, pattern=r"^[0-9]{4}-[0-9]{2}$")]


class PhraseList(Record):
    """Phrases of hopelessness or self-harm, matched case-insensitively in free text."""

    id: Id
    phrases: tuple[Annotated[str, Limits(strict=True, min_length=2, max_length=200)], ...]


class Resource(Record):
    """A personal resource the care note names; a pack can set the local name and number."""

    id: Id
    name: Text
    detail: Text
    contact: Text | None = None
