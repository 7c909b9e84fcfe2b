"""One owner per question type: everything that differs between a rating and a list of ticks.

Each type is one class in ``QUESTION_TYPES``, keyed by the ``type`` a content question
declares. It owns the question's shape in content (``shape``), how an answer is checked
and stored (``check``), an example answer (``example``), its line in an answers-file
template (``describe``), what a person is shown to answer it (``prompt``, a description
only: the asker in ``flow/askers.py`` turns it into a prompt), how an answer reads in
Markdown (``markdown``), on screen (``plain``) and on a printed handout (``handout``), and
what rules may do with it (``numeric``, ``has_rows``, ``free_text``). Callers never switch
on the type.
(After copier's ``Question`` in ``_user_data.py``: one owner for cast, validation and the
questionary structure.)

To add a type: add its name to ``QuestionType`` in ``schema.py`` and a class here.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from rct_workbook.model.commonmark import escape_line, escape_text

if TYPE_CHECKING:
    from rct_workbook.model.schema import Choice, Question

#: The most one answer (or note) holds, in bytes as stored (UTF-8): an emoji takes four, an
#: accented letter two, so the limit is on what is written, and an entry stays readable.
MAX_TEXT = 20_000


def too_long(text: str) -> str | None:
    """Why ``text`` is too long for one answer, or None when it fits."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= MAX_TEXT:
        return None
    return (
        f"the text is too long: it takes {size:,} bytes as saved, and an answer holds at most {MAX_TEXT:,}"
        " (a plain letter takes one byte, an accented letter two, an emoji four)"
    )


#: How a yes/no question is answered (its default filled in); every prompt's hint says which key ends it.
YES_NO_HINT = "y or n; Enter alone answers {default}."
RATING_MIN, RATING_MAX = 1, 5


@dataclass(frozen=True)
class Ask:
    """A question ready to ask: its content, with choices resolved from the model."""

    question: Question
    choices: tuple[Choice, ...] = ()
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


def joined(names: list[str]) -> str:
    """Names in a sentence: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


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


# --- checking ------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Typed text as stored: CRLF and CR become newlines, broken surrogates U+FFFD."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(value) else value


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def kind_of_value(value: Any) -> str:
    """What a value from a file is, in words ("a number", "a list")."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def is_empty(value: Any) -> bool:
    """None, an empty list or blank text: "not answered"."""
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def one_line(text: str) -> str:
    return " ".join(text.split())


def short_label(prompt: str) -> str:
    """A question as a label before its answer: "With whom? (an ally, or leave empty)" is "With whom"."""
    head = one_line(prompt).split(" (", 1)[0]
    return head.rstrip("?:. ") or one_line(prompt)


def _need(q: Question) -> str:
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

    def shape(self, q: Question) -> None:
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

    def free_texts(self, question: Question, value: Any) -> list[str]:
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


class TextKind(QuestionKind):
    name = "text"
    minutes = 0.5
    free_text = True
    what = "one line of text"
    multiline = False

    def check_given(self, ask: Ask, value: Any) -> Any:
        if isinstance(value, _dt.date):
            # An unquoted date in YAML (by-when: 2027-02-10) is the date as written.
            value = value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {kind_of_value(value)} (put it in quotes)")
        value = clean_text(value)
        problem = too_long(value)
        if problem is not None:
            raise ValueError(problem)
        if not self.multiline and "\n" in value.strip("\n"):
            raise ValueError("expected one line of text")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return "Your answer here"

    def free_texts(self, question: Question, value: Any) -> list[str]:
        return [value] if isinstance(value, str) else []

    def template_example(self, ask: Ask) -> Any:
        # "Your answer here" teaches nothing about the form of a text answer.
        return self.example(ask) if ask.question.example is not None else None

    def still_example(self, ask: Ask, value: Any) -> list[str]:
        if not isinstance(value, str) or not value.strip():
            return []
        same = one_line(value).casefold() == one_line(str(self.example(ask))).casefold()
        return [f"{ask.id}: “{one_line(value)}”"] if same else []

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("lines", lines=2)

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [f"{indent}#   type: {self.what} ({_need(ask.question)})"]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        hint = "Enter finishes." if ask.question.required else "Enter finishes; Enter on its own skips it."
        return PromptSpec(
            "text",
            hint=hint,
            brief=hint,
            default=default if isinstance(default, str) else "",
            required=ask.question.required,
        )


class LongTextKind(TextKind):
    name = "long_text"
    minutes = 1.5
    what = "text, any length"
    multiline = True
    block = True

    def fallback_example(self, ask: Ask) -> Any:
        return "Write your reflection here."

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("box", lines=6)

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        hint = "Enter on an empty line finishes (Enter twice); so do Esc Enter and Ctrl-D. Ctrl-E opens your editor."
        brief = "Enter twice to finish."
        if not ask.question.required:
            hint, brief = f"Optional. {hint}", f"Optional. {brief}"
        return PromptSpec(
            "text",
            hint=hint,
            brief=brief,
            default=default if isinstance(default, str) else "",
            multiline=True,
            required=ask.question.required,
        )


class ChoiceKind(QuestionKind):
    name = "choice"
    takes_choices = True

    def check_given(self, ask: Ask, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"expected one of the choices, got {kind_of_value(value)}")
        if value not in ask.values:
            raise ValueError(f"{value!r} is not one of the choices ({', '.join(ask.values)})")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return ask.values[0]

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("tick", how="Tick one.", options=tuple(c.label for c in ask.choices))

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [
            f"{indent}#   type: one of these ({_need(ask.question)}):",
            *(f"{indent}#     {c.value}: {one_line(c.label)}" for c in ask.choices),
        ]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        options = [Option(c.label, c.value) for c in ask.choices]
        if not ask.question.required:
            options.append(Option("(skip)", None))
        return PromptSpec(
            "select",
            hint="Arrow keys, then Enter.",
            brief="Arrow keys, then Enter.",
            options=tuple(options),
            default=default,
            required=ask.question.required,
        )

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return escape_text(ask.label_of(value))

    def plain_given(self, ask: Ask, value: Any) -> str:
        return ask.label_of(value)


class MultiKind(QuestionKind):
    name = "multi"
    minutes = 1.0
    takes_choices = True
    empty: ClassVar[Any] = []
    block = True

    def check_given(self, ask: Ask, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"expected a list of choices, got {kind_of_value(value)}")
        unknown = [v for v in value if v not in ask.values]
        if unknown:
            raise ValueError(f"not among the choices: {', '.join(map(repr, unknown))}")
        if len(set(value)) != len(value):
            raise ValueError("a choice is listed twice")
        order = {v: i for i, v in enumerate(ask.values)}
        return sorted(value, key=order.__getitem__)

    def fallback_example(self, ask: Ask) -> Any:
        return [ask.values[0]] if ask.values else []

    def paper(self, ask: Ask) -> PaperSpec:
        how = "Tick any that apply." if ask.question.required else "Tick any that apply, or none."
        return PaperSpec("tick", how=how, options=tuple(c.label for c in ask.choices))

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [
            f"{indent}#   type: a list of any of these ({_need(ask.question)}):",
            *(f"{indent}#     {c.value}: {one_line(c.label)}" for c in ask.choices),
        ]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        picked = set(default) if isinstance(default, list) else set()
        required = ask.question.required
        return PromptSpec(
            "checkbox",
            hint="Arrow keys move, Space ticks, Enter when done" + ("." if required else "; none is fine."),
            brief="Space ticks, Enter when done" + ("." if required else "; none is fine."),
            options=tuple(Option(c.label, c.value, c.value in picked) for c in ask.choices),
            required=required,
        )

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return "\n".join(f"- {escape_line(ask.label_of(v))}" for v in value)

    def plain_given(self, ask: Ask, value: Any) -> str:
        return "\n".join(f"- {ask.label_of(v)}" for v in value)

    def handout(self, ask: Ask, value: Any) -> tuple[tuple[str, ...], bool]:
        if not isinstance(value, list):
            return super().handout(ask, value)
        return tuple(one_line(ask.label_of(v)) for v in value if isinstance(v, str)), True


class RatingKind(QuestionKind):
    name = "rating"
    numeric = True

    def shape(self, q: Question) -> None:
        super().shape(q)
        if q.low_label is None or q.high_label is None:
            raise ValueError("a rating question needs low_label and high_label")

    def check_given(self, ask: Ask, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number from {RATING_MIN} to {RATING_MAX}, got {kind_of_value(value)}")
        if not RATING_MIN <= value <= RATING_MAX:
            raise ValueError(f"{value} is outside the scale {RATING_MIN} to {RATING_MAX}")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return 3

    def paper(self, ask: Ask) -> PaperSpec:
        q = ask.question
        low, high = one_line(q.low_label or ""), one_line(q.high_label or "")
        return PaperSpec(
            "scale",
            how=f"Circle one: {RATING_MIN} = {low}; {RATING_MAX} = {high}.",
            options=tuple(str(n) for n in range(RATING_MIN, RATING_MAX + 1)),
            ends=(low, high),
        )

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        q = ask.question
        return [
            f"{indent}#   type: rating {RATING_MIN}-{RATING_MAX} ({RATING_MIN} = {one_line(q.low_label or '')}; "
            f"{RATING_MAX} = {one_line(q.high_label or '')}) ({_need(q)})"
        ]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        q = ask.question
        labels = {RATING_MIN: q.low_label, RATING_MAX: q.high_label}
        return PromptSpec(
            "select",
            hint=f"{RATING_MIN} to {RATING_MAX}: a digit or the arrow keys, then Enter.",
            brief=f"{RATING_MIN} to {RATING_MAX}, then Enter.",
            options=tuple(
                Option(f"{n}  {labels[n]}" if n in labels else str(n), n) for n in range(RATING_MIN, RATING_MAX + 1)
            ),
            default=default,
            required=q.required,
            digits=True,
        )

    def markdown_given(self, ask: Ask, value: Any) -> str:
        q = ask.question
        ends = f"({RATING_MIN} = {one_line(q.low_label or '')}; {RATING_MAX} = {one_line(q.high_label or '')})"
        return f"**{value}** of {RATING_MAX} {escape_line(ends)}"

    def plain_given(self, ask: Ask, value: Any) -> str:
        return f"{value} of {RATING_MAX}"

    def handout(self, ask: Ask, value: Any) -> tuple[tuple[str, ...], bool]:
        if isinstance(value, bool) or not isinstance(value, int):
            return super().handout(ask, value)
        q = ask.question
        ends = (
            f" ({RATING_MIN} = {one_line(q.low_label)}; {RATING_MAX} = {one_line(q.high_label)})"
            if q.low_label and q.high_label
            else ""
        )
        return (f"{value} of {RATING_MAX}{ends}",), False


class YesNoKind(QuestionKind):
    name = "yes_no"
    minutes = 0.1

    def check_given(self, ask: Ask, value: Any) -> Any:
        if not isinstance(value, bool):
            raise ValueError(f"expected yes or no (true/false), got {kind_of_value(value)}")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return True

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("tick", how="Tick one.", options=("Yes", "No"))

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [f"{indent}#   type: true or false ({_need(ask.question)})"]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        default = default if isinstance(default, bool) else True
        hint = YES_NO_HINT.format(default="Yes" if default else "No")
        return PromptSpec("confirm", hint=hint, brief=hint, default=default, required=ask.question.required)

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return "Yes" if value else "No"

    def plain_given(self, ask: Ask, value: Any) -> str:
        return "Yes" if value else "No"


class RepeatKind(QuestionKind):
    name = "repeat"
    has_rows = True
    minutes = 3.0
    empty: ClassVar[Any] = []
    block = True

    def shape(self, q: Question) -> None:
        if q.choices is not None or q.choices_from is not None:
            raise ValueError(f"a {q.type} question takes no choices")
        if not q.fields:
            raise ValueError("a repeat question needs fields")
        if q.min_items > q.max_items:
            raise ValueError("min_items is larger than max_items")
        if any(f.type == self.name for f in q.fields):
            raise ValueError("a repeat question cannot hold another repeat")

    def check_empty(self, ask: Ask) -> Any:
        q = ask.question
        if q.min_items > 0:
            raise ValueError(f"at least {q.min_items} {'entry is' if q.min_items == 1 else 'entries are'} needed")
        return []

    def check_given(self, ask: Ask, value: Any) -> Any:
        q = ask.question
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ValueError(f"expected a list of entries, got {kind_of_value(value)}")
        if not q.min_items <= len(value) <= q.max_items:
            raise ValueError(f"expected from {q.min_items} to {q.max_items} entries, got {len(value)}")
        known = {f.id for f in ask.fields}
        rows = []
        for i, row in enumerate(value, 1):
            extra = [k for k in row if k not in known]
            if extra:
                raise ValueError(f"entry {i}: unknown field {extra[0]!r}")
            clean_row: dict[str, Any] = {}
            for field in ask.fields:
                try:
                    clean_row[field.id] = field.kind.check(field, row.get(field.id))
                except ValueError as exc:
                    raise ValueError(f"entry {i}, {field.id}: {exc}") from None
            rows.append(clean_row)
        return rows

    def fallback_example(self, ask: Ask) -> Any:
        return [{f.id: f.kind.example(f) for f in ask.fields} for _ in range(max(ask.question.min_items, 1))]

    def free_texts(self, question: Question, value: Any) -> list[str]:
        if not isinstance(value, list):
            return []
        fields = {f.id: f for f in question.fields or ()}
        return [
            text
            for row in value
            if isinstance(row, dict)
            for key, given in row.items()
            if key in fields
            for text in QUESTION_TYPES[fields[key].type].free_texts(fields[key], given)
        ]

    def still_example(self, ask: Ask, value: Any) -> list[str]:
        if not isinstance(value, list):
            return []
        found: list[str] = []
        for i, row in enumerate(value, 1):
            if isinstance(row, dict):
                for field in ask.fields:
                    found.extend(
                        f"{ask.id}, entry {i}, {where}" for where in field.kind.still_example(field, row.get(field.id))
                    )
        return found

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        q = ask.question
        many = f"{q.max_items} {'entry' if q.max_items == 1 else 'entries'}"
        count = f"{q.min_items} to {many}" if q.min_items else f"up to {many}"
        count = many if q.min_items == q.max_items else count
        out = [f"{indent}#   type: a list of {count}, each with:"]
        for field in ask.fields:
            out.extend(describe(field, indent + "  "))
        return out

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        return PromptSpec("repeat", required=ask.question.required)

    def paper(self, ask: Ask) -> PaperSpec:
        low, high = ask.question.min_items, ask.question.max_items
        if high == 1:  # one row says how many by itself; whether it may stay empty goes in the tags
            return PaperSpec("repeat", lines=1, says_optional=True)
        how = f"Write {low} to {high}." if low and low != high else f"Write up to {high}."
        return PaperSpec("repeat", how=how, lines=high, says_optional=False)

    def markdown_given(self, ask: Ask, value: Any) -> str:
        blocks = []
        for i, row in enumerate(value, 1):
            # Its short name where it has one: a long question is not repeated before each entry.
            name = ask.question.label or ask.question.prompt
            parts = [f"{i}. {escape_line(name.rstrip('?:. '))} {i}"]
            for field in ask.fields:
                parts.append("")
                parts.append(f"   *{escape_line(field.question.prompt)}*")
                parts.append("")
                body = field.kind.markdown(field, row.get(field.id))
                parts.extend(f"   {line}" if line else "" for line in body.split("\n"))
            blocks.append("\n".join(parts))
        return "\n\n".join(blocks)

    def plain_given(self, ask: Ask, value: Any) -> str:
        rows = []
        for i, row in enumerate(value, 1):
            parts = []
            for f in ask.fields:
                given = row.get(f.id)
                parts.append(f"{short_label(f.question.prompt)}: {'—' if is_empty(given) else f.kind.plain(f, given)}")
            rows.append(f"{i}. " + "; ".join(parts))
        return "\n".join(rows)


QUESTION_TYPES: dict[str, QuestionKind] = {
    kind.name: kind
    for kind in (TextKind(), LongTextKind(), ChoiceKind(), MultiKind(), RatingKind(), YesNoKind(), RepeatKind())
}


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
