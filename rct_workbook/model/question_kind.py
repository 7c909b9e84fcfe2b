"""What every question type shares: a content question as the types read it
(``QuestionLike``), the question ready to ask (``Ask``), what a prompt
and a printed worksheet are told (``PromptSpec``, ``PaperSpec``), the base class each type
extends (``QuestionKind``), the types by name (``QUESTION_TYPES``, filled by
``question_types``, which imports every type) and a question's lines in an answers-file
template (``describe``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from rct_workbook.model.answer_text import is_empty, joined, one_line
from rct_workbook.model.commonmark import escape_text

if TYPE_CHECKING:
    import dataclasses

# The content's records (``schema.Question`` and its parts) are made by the schema, which
# checks each question's shape with these types; so the types know a question only by what
# they read of it, and import nothing from the schema. mypy checks that the records fit.


class ChoiceLike(Protocol):
    """A choice as the types read it (the record is ``schema.Choice``)."""

    @property
    def value(self) -> str: ...
    @property
    def label(self) -> str: ...


class ConditionLike(Protocol):
    """When a question is asked, as the types read it (the record is ``schema.Condition``)."""

    @property
    def question(self) -> str: ...
    @property
    def equals(self) -> str | bool | int | None: ...
    @property
    def includes(self) -> str | None: ...
    @property
    def not_equals(self) -> str | bool | int | None: ...


class QuestionLike(Protocol):
    """A content question as the types and the asks read it (the record is ``schema.Question``,
    where each field is described)."""

    # A question is a dataclass: ``Ask.as_asked`` makes the question as asked with ``replace``.
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def prompt(self) -> str: ...
    @property
    def label(self) -> str | None: ...
    @property
    def help(self) -> str | None: ...
    @property
    def required(self) -> bool: ...
    @property
    def choices(self) -> tuple[ChoiceLike, ...] | None: ...
    @property
    def choices_from(self) -> str | None: ...
    @property
    def low_label(self) -> str | None: ...
    @property
    def high_label(self) -> str | None: ...
    @property
    def when(self) -> ConditionLike | None: ...
    @property
    def share(self) -> Literal["group", "private"]: ...
    @property
    def carry(self) -> bool: ...
    @property
    def names(self) -> bool: ...
    @property
    def example(self) -> str | int | bool | tuple[str, ...] | None: ...
    @property
    def fields(self) -> tuple[QuestionLike, ...] | None: ...
    @property
    def min_items(self) -> int: ...
    @property
    def max_items(self) -> int: ...
    @property
    def asked(self) -> str | None: ...


@dataclass(frozen=True)
class Ask:
    """A question ready to ask: its content, with choices resolved from the model."""

    question: QuestionLike
    choices: tuple[ChoiceLike, ...] = ()
    fields: tuple[Ask, ...] = ()
    section: str = ""
    #: Where the question is, as shown above it ("Step 1: Read it · 4 of 9"); set by the walk.
    place: str = ""
    #: Whether the person may go back to the question before (set by the walk when there is one).
    can_go_back: bool = False

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def kind(self) -> QuestionKind:
        """The owner of this question's type."""
        return QUESTION_TYPES[self.question.type]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def label_of(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value

    def name_of(self, value: str) -> str:
        """A choice as a sentence names it: its label, or the name before a colon that begins
        one ("Naming: call attention to..." is "Naming")."""
        return self.label_of(value).split(": ", 1)[0]

    def as_asked(self, answers: Mapping[str, Any], earlier: Mapping[str, Ask]) -> Ask:
        """This question as it is asked: with an ``asked`` prompt, each ``{id}`` in it names what
        was chosen at the earlier question ``id`` ("Naming and Networking"); the prompt stays
        as it is when nothing was chosen at one of them."""
        from dataclasses import replace

        asked = self.question.asked
        if asked is None:
            return self
        names: dict[str, str] = {}
        for ident in re.findall(r"\{([a-z0-9-]+)\}", asked):
            given, source = answers.get(ident), earlier.get(ident)
            chosen = [given] if isinstance(given, str) else given if isinstance(given, list) else []
            if source is None or not chosen:
                return self
            names[ident] = joined([source.name_of(str(value)) for value in chosen])
        prompt = re.sub(r"\{([a-z0-9-]+)\}", lambda m: names[m.group(1)], asked)
        return replace(self, question=replace(self.question, prompt=prompt))


@dataclass(frozen=True)
class Option:
    label: str
    value: Any
    checked: bool = False


@dataclass(frozen=True)
class PromptSpec:
    """What a person is shown to answer one question; an asker turns it into a prompt.

    ``form`` is how it is answered: typed ``text``, one pick from a ``select``, ticks in a
    ``checkbox``, a yes/no ``confirm``, or a ``repeat`` of the question's fields.
    """

    form: Literal["text", "select", "checkbox", "confirm", "repeat"]
    #: How to answer, said under the question: in full the first time, then as ``brief``.
    hint: str | None = None
    brief: str | None = None
    options: tuple[Option, ...] = ()
    default: Any = None
    multiline: bool = False
    required: bool = True
    #: Digit keys pick the option whose value they name (ratings).
    digits: bool = False


@dataclass(frozen=True)
class PaperSpec:
    """How one question is answered on a printed worksheet (``rct worksheet``).

    ``form`` is the room to answer in: writing ``lines``, a ``box`` for a longer text,
    boxes to ``tick`` (one or ``any``), a ``scale`` to circle, or a ``repeat`` of the
    question's fields. A renderer draws it; it never looks at the question's type.
    """

    form: Literal["lines", "box", "tick", "scale", "repeat"]
    #: How to answer, in a few words ("Tick one.").
    how: str | None = None
    options: tuple[str, ...] = ()
    #: For a scale: what its two ends mean.
    ends: tuple[str, str] | None = None
    lines: int = 0
    #: Whether "optional" is worth saying (a repeat says how many instead).
    says_optional: bool = True


def _need(q: QuestionLike) -> str:
    return "required" if q.required else "optional"


# --- the types -----------------------------------------------------------------------------


class QuestionKind:
    """The behaviour shared by every type; each subclass owns what differs."""

    name: ClassVar[str]
    #: Whether the content question lists choices (``choices`` or ``choices_from``).
    takes_choices: ClassVar[bool] = False
    #: What "not answered" is stored as.
    empty: ClassVar[Any] = None
    #: Whether the answer reads as a block of lines on screen rather than one paragraph.
    block: ClassVar[bool] = False
    #: About how long a thoughtful answer takes, in minutes (for "about 25 minutes").
    minutes: ClassVar[float] = 0.25
    #: Whether an answer is a number on a scale (a rule may take the mean of such answers).
    numeric: ClassVar[bool] = False
    #: Whether an answer is rows of the question's fields (a rule may test each row).
    has_rows: ClassVar[bool] = False
    #: Whether an answer is the person's own words (a rule may quote it back).
    free_text: ClassVar[bool] = False

    def shape(self, q: QuestionLike) -> None:
        """Raise ValueError if the content question is not well formed for this type."""
        if self.takes_choices:
            if (q.choices is None) == (q.choices_from is None):
                raise ValueError(f"a {q.type} question needs exactly one of choices, choices_from")
        elif q.choices is not None or q.choices_from is not None:
            raise ValueError(f"a {q.type} question takes no choices")
        if q.fields is not None:
            raise ValueError(f"a {q.type} question takes no fields")

    def check(self, ask: Ask, value: Any) -> Any:
        """Return ``value`` as it is stored, or raise ValueError saying what is wrong.

        ``None`` (or empty text, or an empty list) means "not answered": allowed only
        for questions that are not required.
        """
        if is_empty(value):
            return self.check_empty(ask)
        return self.check_given(ask, value)

    def check_empty(self, ask: Ask) -> Any:
        if ask.question.required:
            raise ValueError("an answer is needed")
        return [] if self.empty == [] else self.empty

    def check_given(self, ask: Ask, value: Any) -> Any:
        raise NotImplementedError

    def example(self, ask: Ask) -> Any:
        """An example answer that passes ``check``: the content's own, else the type's."""
        q = ask.question
        if q.example is not None:
            value = list(q.example) if isinstance(q.example, tuple) else q.example
            try:
                return self.check(ask, value)
            except ValueError:
                pass
        return self.fallback_example(ask)

    def fallback_example(self, ask: Ask) -> Any:
        raise NotImplementedError

    def template_example(self, ask: Ask) -> Any:
        """The example shown (as a comment) in an answers-file template; None shows none."""
        return self.example(ask)

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        """The comment lines saying what this question takes, in an answers-file template."""
        raise NotImplementedError

    def still_example(self, ask: Ask, value: Any) -> list[str]:
        """Where ``value`` is still the template's example text (a reflection nobody wrote)."""
        return []

    def free_texts(self, question: QuestionLike, value: Any) -> list[str]:
        """The words a person typed in this answer (not choice ids), for reading them back."""
        return []

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        raise NotImplementedError

    def paper(self, ask: Ask) -> PaperSpec:
        """The room to answer this question in on a printed worksheet."""
        raise NotImplementedError

    def markdown(self, ask: Ask, value: Any) -> str:
        """An answer as Markdown (after its question's heading)."""
        if is_empty(value):
            return "*No answer.*"
        return self.markdown_given(ask, value)

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return escape_text(str(value))

    def plain(self, ask: Ask, value: Any) -> str:
        """An answer as plain text for the terminal (made safe to print by the caller)."""
        if is_empty(value):
            return "(no answer)"
        return self.plain_given(ask, value)

    def plain_given(self, ask: Ask, value: Any) -> str:
        return str(value)

    def handout(self, ask: Ask, value: Any) -> tuple[tuple[str, ...], bool]:
        """An answer as a printed handout shows it: its lines (each one line of text), and
        whether they are a list of items. Called only with an answer (never an empty one)."""
        lines = [one_line(line) for line in self.plain(ask, value).split("\n") if line.strip()]
        return ((" ".join(lines),) if lines else ()), False


#: Every question type by name. ``question_types`` fills it with one of each type (it imports
#: them all); ``Ask.kind`` and a repeat's fields look their type up here.
QUESTION_TYPES: dict[str, QuestionKind] = {}


def describe(ask: Ask, indent: str = "") -> list[str]:
    """A question's comment lines in an answers-file template: its text, help, type and condition."""
    q = ask.question
    out = [f"{indent}# {one_line(q.prompt)}"]
    if q.help:
        out.append(f"{indent}#   {one_line(q.help)}")
    out.extend(ask.kind.describe(ask, indent))
    if q.when is not None:
        test = "equals" if q.when.equals is not None else "includes" if q.when.includes is not None else "is not"
        wanted = next(v for v in (q.when.equals, q.when.includes, q.when.not_equals) if v is not None)
        out.append(f"{indent}#   asked only when {q.when.question} {test} {wanted!r}")
    return out
