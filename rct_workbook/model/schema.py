"""The paper's model as typed, validated objects.

Every content file is a YAML mapping with a ``kind``. Single-item kinds (``meta``,
``culture``, ``vignette``, ``flow``) hold their fields at the top level; collection kinds
hold an ``items`` list whose entries each carry an ``id``. Unknown keys are refused
everywhere, and text fields are strict: a YAML ``no`` or ``1.10`` where text is
expected is an error, not a silent conversion.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, TypeVar

from rct_workbook.model.good_things import GOOD_THINGS as GOOD_THINGS
from rct_workbook.model.question_types import QUESTION_TYPES

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, TypeAdapter
    from pydantic_core import CoreSchema

# The models are plain frozen dataclasses, so a run that takes the content from the cache
# (model/cache.py) never imports pydantic. pydantic validates them only when content is
# loaded from YAML (model/content.py), reading the constraints below: ``Rule`` inside
# ``Annotated`` and ``Field`` for a field's default and bounds use pydantic's own names for
# the constraints, and ``model_validator(mode="after")`` checks run in ``__post_init__``,
# which pydantic calls after it has validated the fields.


class Rule:
    """Constraints on a scalar, in pydantic-core's names: strict, pattern, min_length, ge…"""

    def __init__(self, **constraints: Any):
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema: Any = dict(handler(source))
        schema.update(self.constraints)
        return schema  # type: ignore[no-any-return]


def Field(default: Any = dataclasses.MISSING, **constraints: Any) -> Any:  # pydantic's name and spelling
    """A field's default and bounds (``ge``, ``le``, ``min_length``, ``max_length``)."""
    return dataclasses.field(default=default, metadata=constraints)


_Check = TypeVar("_Check", bound=Callable[..., Any])


def model_validator(*, mode: Literal["after"] = "after") -> Callable[[_Check], _Check]:
    """Mark a method that checks a whole model once its fields are valid; it raises ValueError."""

    def mark(check: _Check) -> _Check:
        check.__rct_check__ = True  # type: ignore[attr-defined]
        return check

    return mark


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(Field,))
class Strict:
    """Base for content models: frozen, keyword-only, no unknown keys.

    Scalars are strict (text must be text, a yes/no must be a boolean); sequences may be
    YAML lists, which become tuples.

    Each model is a dataclass (that is how pydantic knows its fields), but its methods are
    these shared ones rather than ones ``dataclass`` writes per class: generating them for
    some fifty models took longer than everything else a cached start does.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    _checks: ClassVar[tuple[Callable[[Any], Any], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=True)(cls)
        own = tuple(f for f in vars(cls).values() if getattr(f, "__rct_check__", False))
        cls._checks = (*cls._checks, *own)

    def __init__(self, **values: Any) -> None:
        for name, spec in self.__dataclass_fields__.items():
            if name in values:
                value = values.pop(name)
            elif spec.default is not dataclasses.MISSING:
                value = spec.default
            else:
                raise TypeError(f"{type(self).__name__} needs {name}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no {', '.join(sorted(values))}")
        self.__post_init__()

    def __post_init__(self) -> None:
        for check in self._checks:
            check(self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({shown})"

    @classmethod
    def model_validate(cls: type[_Model], data: Any) -> _Model:
        """``data`` (plain YAML data) checked and turned into this model; pydantic's ValidationError if not."""
        return validator(cls).validate_python(data)  # type: ignore[no-any-return]


_Model = TypeVar("_Model", bound=Strict)
_VALIDATORS: dict[type, TypeAdapter[Any]] = {}


def validator(model: type) -> TypeAdapter[Any]:
    """pydantic's validator for a model, built (and pydantic imported) the first time it is needed."""
    adapter = _VALIDATORS.get(model)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _VALIDATORS[model] = TypeAdapter(model)
    return adapter


StrictStr = Annotated[str, Rule(strict=True)]
StrictInt = Annotated[int, Rule(strict=True)]
StrictBool = Annotated[bool, Rule(strict=True)]

#: Identifiers are lower-case words joined by hyphens or underscores. They are used in
#: file names and on the command line, so they can never hold a path separator.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
ID_RE = re.compile(ID_PATTERN)

Id = Annotated[str, Rule(strict=True, pattern=ID_PATTERN)]
Text = Annotated[str, Rule(strict=True, min_length=1, max_length=20_000)]
Cite = Annotated[str, Rule(strict=True, min_length=1, max_length=200)]
Label = Annotated[str, Rule(strict=True, min_length=1, max_length=60)]


# --- questions -----------------------------------------------------------------------

QuestionType = Literal["text", "long_text", "choice", "multi", "rating", "yes_no", "repeat"]


class Choice(Strict):
    value: Id
    label: Text


class Condition(Strict):
    """Ask a question only when an earlier answer matches."""

    question: Id
    equals: StrictStr | StrictBool | StrictInt | None = None
    includes: StrictStr | None = None
    not_equals: StrictStr | StrictBool | StrictInt | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [t for t in (self.equals, self.includes, self.not_equals) if t is not None]
        if len(tests) != 1:
            raise ValueError("a condition needs exactly one of equals, includes, not_equals")
        return self


class Question(Strict):
    id: Id
    type: QuestionType
    prompt: Text
    #: A short name for the answer where space is tight (the printed handout); the prompt otherwise.
    label: Label | None = None
    help: Text | None = None
    required: StrictBool = True
    choices: tuple[Choice, ...] | None = None
    choices_from: Literal[tuple(CHOICE_SOURCES)] | None = None  # type: ignore[valid-type]
    low_label: Text | None = None
    high_label: Text | None = None
    when: Condition | None = None
    share: Literal["group", "private"] = "group"
    carry: StrictBool = False
    #: The answer names people (support, allies): its names are flagged before any export.
    names: StrictBool = False
    example: StrictStr | StrictInt | StrictBool | tuple[StrictStr, ...] | None = None
    fields: tuple[Question, ...] | None = None
    min_items: StrictInt = Field(default=0, ge=0, le=20)
    max_items: StrictInt = Field(default=3, ge=1, le=20)

    @model_validator(mode="after")
    def _shape(self) -> Question:
        QUESTION_TYPES[self.type].shape(self)
        if self.choices is not None:
            _unique([c.value for c in self.choices], "choice value")
        if self.fields is not None:
            _unique([f.id for f in self.fields], "field id")
        return self


class Section(Strict):
    id: Id
    title: Text
    step: Id | None = None
    intro: Text | None = None
    questions: tuple[Question, ...]


class Flow(Strict):
    kind: Literal["flow"]
    id: Id
    title: Text
    intro: Text | None = None
    cite: tuple[Cite, ...] = ()
    discussion_questions: tuple[Text, ...] = ()
    sections: tuple[Section, ...]

    @model_validator(mode="after")
    def _unique_ids(self) -> Flow:
        _unique([s.id for s in self.sections], "section id")
        _unique([q.id for s in self.sections for q in s.questions], "question id")
        return self


# --- the model ------------------------------------------------------------------------


class Source(Strict):
    authors: Text
    year: StrictInt
    title: Text
    series: Text | None = None
    publisher: Text | None = None


class Meta(Strict):
    kind: Literal["meta"]
    id: Id
    version: Annotated[str, Rule(strict=True, pattern=r"^\d+\.\d+\.\d+$")]
    title: Text
    source: Source
    disclaimer: Text


class Step(Strict):
    id: Id
    number: StrictInt = Field(ge=1, le=4)
    name: Text
    summary: Text
    purpose: Text
    details: tuple[Text, ...] = ()
    questions: tuple[Text, ...]
    cite: tuple[Cite, ...]


class Concept(Strict):
    """A named idea of the model: support first, the visionary pragmatist, and so on."""

    id: Id
    title: Text
    summary: Text
    body: tuple[Text, ...]
    quote: Text | None = None
    cite: tuple[Cite, ...]


class GoodThing(Strict):
    id: Id
    name: Text
    description: Text
    opposite_name: Text
    opposite: Text
    cite: tuple[Cite, ...]


class Band(Strict):
    """A labelled stretch of the continuum of connection, for a mean rating."""

    min: float = Field(ge=1, le=5)
    max: float = Field(ge=1, le=5)
    label: Text
    description: Text


class Continuum(Strict):
    id: Id
    title: Text
    summary: Text
    body: tuple[Text, ...]
    toward_disconnection: Text
    toward_connection: Text
    bands: tuple[Band, ...]
    cite: tuple[Cite, ...]


class Strategy(Strict):
    id: Id
    name: Text
    family: Literal["fletcher", "ward", "jordan", "practice"]
    summary: Text
    description: Text
    example: Text | None = None
    quote: Text | None = None
    cite: tuple[Cite, ...]


class OppositionOption(Strict):
    id: Id
    quality: Literal["healthy", "unhealthy"]
    name: Text
    description: Text
    cite: tuple[Cite, ...]


class Practice(Strict):
    """An observable practice; in a culture file it is an indicator of that culture."""

    id: Id
    text: Text


class Culture(Strict):
    kind: Literal["culture"]
    id: Id
    name: Text
    summary: Text
    description: tuple[Text, ...]
    found_in: tuple[Text, ...]
    indicators: tuple[Practice, ...]
    challenges: tuple[Text, ...]
    opportunities: tuple[Text, ...]
    risks: tuple[Text, ...]
    figure: Text | None = None
    cite: tuple[Cite, ...]

    @model_validator(mode="after")
    def _unique_indicators(self) -> Culture:
        _unique([p.id for p in self.indicators], "indicator id")
        return self


class Fact(Strict):
    label: Text
    value: Text
    #: True when the fact tells how the case unfolds or ends; it is shown with the outcome,
    #: after the parts, so the facts at the top do not give the story away.
    reveals: bool = False


class Person(Strict):
    name: Text
    role: Text
    #: True when who this is, or what they did, tells how the case unfolds; shown after the parts.
    reveals: bool = False


class Part(Strict):
    title: Text
    text: tuple[Text, ...]


class StrategyUse(Strict):
    strategy: Id
    how: Text


class Vignette(Strict):
    kind: Literal["vignette"]
    id: Id
    title: Text
    protagonist: Text
    culture: Id | None
    setting: Text
    care_note: Text | None = None
    facts: tuple[Fact, ...]
    people: tuple[Person, ...]
    parts: tuple[Part, ...]
    steps: dict[Id, Text]
    strategies: tuple[StrategyUse, ...]
    outcome: Text
    discussion_questions: tuple[Text, ...]
    reflection: tuple[Question, ...]
    cite: tuple[Cite, ...]

    @model_validator(mode="after")
    def _unique_questions(self) -> Vignette:
        _unique([q.id for q in self.reflection], "question id")
        return self


class GlossaryTerm(Strict):
    id: Id
    term: Text
    definition: Text
    cite: tuple[Cite, ...]


class Reference(Strict):
    id: Id
    cite: Cite
    authors: Text
    year: StrictInt | None = None  # none for general usage, not one work
    title: Text | None = None
    used_for: Text


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
#: What a step of the last plan may have become ("Since last time").
REVIEW_STATUSES = ("done", "tried", "carried", "dropped")


class ReviewTest(Strict):
    """A test on the review of the last plan: how many steps reviewed fit.

    A step fits when it has ``status`` (any status without it) and, with
    ``carried_at_least``/``carried_at_most``, has now been carried that often. The test
    holds when ``count_at_least`` (1 unless told) to ``count_at_most`` steps fit.
    """

    status: Literal[REVIEW_STATUSES] | None = None  # type: ignore[valid-type]
    carried_at_least: StrictInt | None = None
    carried_at_most: StrictInt | None = None
    count_at_least: StrictInt = 1
    count_at_most: StrictInt | None = None

    @model_validator(mode="after")
    def _sensible(self) -> ReviewTest:
        for name in ("carried_at_least", "carried_at_most", "count_at_least", "count_at_most"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be below 0")
        if self.count_at_most is not None and self.count_at_most < self.count_at_least:
            raise ValueError("count_at_most is below count_at_least, so the test can never hold")
        return self


class When(Strict):
    """A test on an assessment's answers, for reading rules and care signals.

    Exactly one form: ``all``/``any``/``none`` of other tests; or a ``question`` with one
    test (``filled``, ``equals``, ``ticked``, ``at_most``, ``at_least``,
    ``count_at_least``, ``count_at_most``, ``row`` for a repeated question, or
    ``phrases``); or ``questions`` with ``mean_at_most``/``mean_at_least``; or
    ``phrases`` alone, which looks in every text answer; or ``review``, a test on the
    review of the last plan (a ``ReviewTest``).
    """

    all: tuple[When, ...] | None = None
    any: tuple[When, ...] | None = None
    none: tuple[When, ...] | None = None
    question: Id | None = None
    questions: tuple[Id, ...] | None = None
    filled: StrictBool | None = None
    equals: StrictStr | StrictBool | StrictInt | None = None
    ticked: tuple[Id, ...] | None = None
    at_most: StrictInt | None = None
    at_least: StrictInt | None = None
    count_at_least: StrictInt | None = None
    count_at_most: StrictInt | None = None
    mean_at_most: float | None = None
    mean_at_least: float | None = None
    row: When | None = None
    phrases: Id | None = None
    review: ReviewTest | None = None

    @model_validator(mode="after")
    def _one_form(self) -> When:
        if self.review is not None:
            fields = [f for f in type(self).__dataclass_fields__ if f != "review"]
            if any(getattr(self, f) is not None for f in fields):
                raise ValueError("a review test holds nothing else (put it in all, any or none)")
            return self
        groups = [g for g in (self.all, self.any, self.none) if g is not None]
        tests = [
            t
            for t in (
                self.filled,
                self.equals,
                self.ticked,
                self.at_most,
                self.at_least,
                self.count_at_least,
                self.count_at_most,
                self.row,
            )
            if t is not None
        ]
        means = [m for m in (self.mean_at_most, self.mean_at_least) if m is not None]
        if groups:
            if len(groups) > 1 or tests or means or self.question or self.questions or self.phrases:
                raise ValueError("a test with all, any or none holds nothing else")
            if not groups[0]:
                raise ValueError("all, any and none need at least one test")
        elif self.questions is not None:
            if len(means) != 1 or tests or self.question or self.phrases:
                raise ValueError("questions takes exactly one of mean_at_most, mean_at_least")
            if not self.questions:
                raise ValueError("questions needs at least one question id")
        elif self.question is not None:
            if len(tests) + (self.phrases is not None) != 1 or means:
                raise ValueError(
                    "a test on a question needs exactly one of filled, equals, ticked, at_most, at_least, "
                    "count_at_least, count_at_most, row, phrases"
                )
            if self.ticked is not None and not self.ticked:
                raise ValueError("ticked needs at least one choice id")
        elif self.phrases is None or tests or means:
            raise ValueError("a test needs all, any, none, a question, questions, or phrases")
        return self


class ReadingRule(Strict):
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
    assumes_energy: StrictBool = False
    learn: Literal[LEARN_TOPICS] | None = None  # type: ignore[valid-type]
    vignette: Id | None = None
    cite: tuple[Cite, ...]
    #: Free-text questions whose words the response quotes back ("You wrote: “…”"): the
    #: first one answered; around the phrase a ``phrases`` test on it found, if any.
    quote: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _cited(self) -> ReadingRule:
        if not self.cite:
            raise ValueError("a reading rule needs at least one citation")
        return self


class CareSignal(Strict):
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
CARE_TOKEN = re.compile(r"^(\.\.|\$|I|ME|MYSELF|MY|=?[a-z0-9']+(_=?[a-z0-9']+)*(\|=?[a-z0-9']+(_=?[a-z0-9']+)*)*)$")
CarePhrase = Annotated[str, Rule(strict=True, min_length=2, max_length=300)]


class CarePattern(Strict):
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
    match: tuple[CarePhrase, ...] = Field(min_length=1)
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

    @model_validator(mode="after")
    def _written(self) -> CarePattern:
        for phrase in (*self.match, *self.needs, *self.unless, *self.then_not):
            bad = [t for t in phrase.split() if not CARE_TOKEN.match(t)]
            if bad:
                raise ValueError(f"{bad[0]!r} in {phrase!r} is not a word, a|b, a_b, =word, I, ME, MYSELF, MY, .. or $")
            if phrase.split()[0] in ("..", "$"):
                raise ValueError(f"{phrase!r} must begin with a word")
        return self


class CrisisLine(Strict):
    """A national crisis line, named when the person's region is known (``rct config``)."""

    id: Id
    regions: tuple[Annotated[str, Rule(strict=True, pattern=r"^[A-Z]{2}$")], ...] = Field(min_length=1)
    name: Text
    contact: Text
    emergency: Text
    #: Where the number comes from, and the month it was last checked (YYYY-MM).
    source: Text
    checked: Annotated[str, Rule(strict=True, pattern=r"^[0-9]{4}-[0-9]{2}$")]


class PhraseList(Strict):
    """Phrases of hopelessness or self-harm, matched case-insensitively in free text."""

    id: Id
    phrases: tuple[Annotated[str, Rule(strict=True, min_length=2, max_length=200)], ...]


class Resource(Strict):
    """A personal resource the care note names; a pack can set the local name and number."""

    id: Id
    name: Text
    detail: Text
    contact: Text | None = None


class CareNote(Strict):
    """What the reading says first when any care signal is present."""

    kind: Literal["care_note"]
    id: Id
    title: Text
    opening: Text
    resources_intro: Text
    body: tuple[Text, ...]
    #: Said instead of "lean on your supports" when no support is in place.
    no_support: Text
    held_back: Text
    cite: tuple[Cite, ...]
    #: Urgent care opens with this: {line} is the crisis line, {emergency} the emergency number.
    crisis: Text | None = None
    #: ... or this, when no crisis line is known for the person's region.
    crisis_unknown: Text | None = None
    #: Said to history of a death at work (care for the team); {quote} is the person's words.
    grief: Text | None = None
    grief_vignette: Id | None = None
    grief_cite: tuple[Cite, ...] = ()
    #: Asked once when a phrase alone raised care ("You wrote {quote}. How are you, really?").
    ask: Question | None = None


# --- the trainer's kit -----------------------------------------------------------------------


class RehearsalRole(Strict):
    name: Text
    brief: Text


class ScriptLine(Strict):
    role: Text
    says: Text


class Rehearsal(Strict):
    """A short role-play of one of the paper's practices, for a workshop or peer group."""

    id: Id
    title: Text
    practice: Id | None = None  # the strategy (practice) it rehearses
    summary: Text
    background: Text
    scene: Text
    roles: tuple[RehearsalRole, ...] = Field(min_length=2)
    script: tuple[ScriptLine, ...] = Field(min_length=1)
    steps: tuple[Text, ...] = Field(min_length=1)
    debrief: tuple[Text, ...] = Field(min_length=1)
    cite: tuple[Cite, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _script_roles(self) -> Rehearsal:
        names = [r.name for r in self.roles]
        _unique(names, "role name")
        for line in self.script:
            if line.role not in names:
                raise ValueError(f"the script gives a line to {line.role!r}, which is not one of the roles")
        return self


class Stage(Strict):
    """What a facilitator says and asks in one part of a workshop."""

    notes: tuple[Text, ...] = Field(min_length=1)
    questions: tuple[Text, ...] = ()
    cite: tuple[Cite, ...] = Field(min_length=1)


class Facilitation(Strict):
    """The notes for every part of a workshop that does not depend on the case."""

    kind: Literal["facilitation"]
    id: Id
    opening: Stage
    reading: Stage
    groups: Stage
    plenary: Stage
    small_step: Stage
    care: tuple[Text, ...] = Field(min_length=1)
    cite: tuple[Cite, ...] = Field(min_length=1)


class PartNote(Strict):
    """A facilitator's note on one part of a case: what it shows, and what to ask."""

    steps: tuple[Id, ...] = ()
    shows: Text
    ask: tuple[Text, ...] = Field(min_length=1)
    care: Text | None = None


class Workshop(Strict):
    """A facilitator's guide to one case; ``id`` is the case's (vignette's) id."""

    kind: Literal["workshop"]
    id: Id
    care: Text | None = None
    parts: tuple[PartNote, ...] = Field(min_length=1)
    rehearsals: tuple[Id, ...] = Field(min_length=1, max_length=4)
    cite: tuple[Cite, ...] = Field(min_length=1)


# --- kinds -----------------------------------------------------------------------------

#: A choice source: what it offers, as (value, label) pairs, from its kind's items in content order.
ChoicePairs = Callable[[Iterable[Any]], list[tuple[str, str]]]


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of content file: the only place a kind is declared.

    ``model`` validates one item. A single kind's file is the item itself (its fields at the
    top level); a collection's file holds ``kind`` and a list of ``items``, validated by the
    file model made here. ``attr`` is the ``Content`` field that holds the kind's items by id,
    and ``choices`` the ``choices_from`` sources its items offer.
    """

    name: str
    model: type[Strict]
    attr: str
    single: bool = False
    choices: dict[str, ChoicePairs] = dataclasses.field(default_factory=dict)

    @property
    def file_model(self) -> type[Strict]:
        """The model that validates a whole file of this kind."""
        if self.single:
            return self.model
        made = _FILE_MODELS.get(self.name)
        if made is None:
            annotations = {"kind": Literal[self.name], "items": tuple[self.model, ...]}  # type: ignore[name-defined]
            made = _FILE_MODELS[self.name] = type(
                f"{self.model.__name__}File", (Strict,), {"__annotations__": annotations, "__module__": __name__}
            )
        return made


_FILE_MODELS: dict[str, type[Strict]] = {}


def _named(items: Iterable[Any]) -> list[tuple[str, str]]:
    return [(x.id, x.name) for x in items]


def _summarised(items: Iterable[Any]) -> list[tuple[str, str]]:
    return [(x.id, f"{x.name}: {x.summary}") for x in items]


#: Every content kind, in the order ``rct content validate`` names them. A new kind is one
#: entry here and its typed field on ``Content`` (a unit test holds the two together).
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("meta", Meta, "meta", single=True),
        Kind(
            "culture",
            Culture,
            "cultures",
            single=True,
            choices={
                # Unlabelled on purpose: tick what you observe, the profile names the cultures after.
                "culture_indicators": lambda cs: [(p.id, p.text) for c in cs for p in c.indicators],
                "cultures": _named,
            },
        ),
        Kind("vignette", Vignette, "vignettes", single=True),
        Kind("flow", Flow, "flows", single=True),
        Kind("steps", Step, "steps", choices={"steps": _named}),
        Kind("concepts", Concept, "concepts"),
        Kind("good_things", GoodThing, "good_things", choices={"good_things": _named}),
        Kind("continuum", Continuum, "continuum"),
        Kind(
            "strategies",
            Strategy,
            "strategies",
            choices={
                "strategies": _summarised,
                "fletcher_strategies": lambda xs: _summarised(x for x in xs if x.family == "fletcher"),
            },
        ),
        Kind(
            "opposition",
            OppositionOption,
            "opposition",
            choices={"unhealthy_opposition": lambda xs: [(x.id, x.name) for x in xs if x.quality == "unhealthy"]},
        ),
        Kind(
            "connecting_practices",
            Practice,
            "connecting_practices",
            choices={"connecting_practices": lambda xs: [(p.id, p.text) for p in xs]},
        ),
        Kind("glossary", GlossaryTerm, "glossary"),
        Kind("references", Reference, "references"),
        Kind("readings", ReadingRule, "readings"),
        Kind("care_signals", CareSignal, "care_signals"),
        Kind("phrases", PhraseList, "phrases"),
        Kind("care_patterns", CarePattern, "care_patterns"),
        Kind("crisis_lines", CrisisLine, "crisis_lines"),
        Kind("resources", Resource, "resources"),
        Kind("care_note", CareNote, "care_notes", single=True),
        Kind("rehearsals", Rehearsal, "rehearsals"),
        Kind("facilitation", Facilitation, "facilitation", single=True),
        Kind("workshop", Workshop, "workshops", single=True),
    )
}

#: choices_from source -> the kind whose items it offers. ``Question.choices_from`` admits
#: exactly these (its annotation is read when pydantic first validates, after this is set).
CHOICE_SOURCES: dict[str, Kind] = {source: k for k in KINDS.values() for source in k.choices}


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)
