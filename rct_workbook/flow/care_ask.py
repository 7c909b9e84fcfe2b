""" "How are you, really?": asked once, before the reading, when a phrase alone raised care.

When the only sign of a hard time is something the person wrote (a phrase of
hopelessness, say) and the rest of the assessment is calm (wellbeing, support, ratings),
the reading does not decide for them: the question is put through the same seam as every
other question, quoting their words. "I'd rather not say" is read as a check-in; the
question itself, its words and its choices are content (``content/care/note.yaml``).
An answers file may carry the same optional answer (``how-are-you:``), and the template
shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rct_workbook.care import HOW_ARE_YOU
from rct_workbook.flow.questions import Ask, check

if TYPE_CHECKING:
    from rct_workbook.model.content import Content
    from rct_workbook.model.schema import Question

#: The answers-file key, the same as the question's id.
KEY = HOW_ARE_YOU


def _question(content: Content) -> Question | None:
    note = content.care_note
    return None if note is None else note.ask


def how_are_you_ask(content: Content, quote: str) -> Ask | None:
    """The question, quoting the person's own words (made safe to print), or None when the
    content has no such question."""
    from rct_workbook.model.schema import Question
    from rct_workbook.render.safe import clean

    question = _question(content)
    if question is None:
        return None
    words = " ".join(clean(quote).split())
    asked = Question(
        id=KEY,
        type=question.type,
        prompt=question.prompt.replace("{quote}", f"“{words}”"),
        help=question.help,
        required=False,
        choices=question.choices,
        share="private",
    )
    return Ask(asked, asked.choices or (), (), "care")


def ask_how_are_you(
    content: Content, asker: Any, answers: Mapping[str, Any], section: str | None = None, *, always: bool = False
) -> dict[str, Any]:
    """The answers, with the answer to "How are you, really?" when the care evaluation asks
    for it (a phrase alone raised care and the rest is calm). ``always`` puts the question to
    an answers file whatever the rest says: what the person wrote there is theirs to say."""
    from rct_workbook.care import evaluate
    from rct_workbook.reading import asked_in

    out = dict(answers)
    quote = evaluate(content, out, asked_in(content, section)).ask
    if quote is None and not always:
        return out
    ask = how_are_you_ask(content, quote or "")
    if ask is None:
        return out
    value = check(ask, asker.ask(ask, None))
    if value is not None:
        out[KEY] = value
    return out


@dataclass
class FileCare:
    """Reads ``how-are-you:`` from an answers file, around another reader of keys that are not
    questions (the "Since last time" review): the value, and a problem if it is not a choice."""

    content: Content
    inner: Callable[[dict[str, Any]], tuple[dict[str, Any], list[str]]] | None = None
    value: str | None = None

    def __call__(self, data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        data, problems = self.inner(data) if self.inner is not None else (dict(data), [])
        data = dict(data)
        raw = data.pop(KEY, None)
        question = _question(self.content)
        if raw is None or question is None:
            return data, problems
        values = [c.value for c in question.choices or ()]
        if not isinstance(raw, str) or raw not in values:
            shown = repr(raw) if isinstance(raw, str) else type(raw).__name__
            problems.append(f"{KEY}: {shown} is not one of {', '.join(values)}")
        else:
            self.value = raw
        return data, problems


def template_text(content: Content) -> str:
    """The optional question in an answers-file template, as comments."""
    question = _question(content)
    if question is None:
        return ""
    prompt = question.prompt.replace("{quote}", "'…'")
    lines = [
        f"# {prompt} (optional, kept private; asked in the terminal only when",
        "# something you wrote is the one sign of a hard time). One of:",
        *(f"#   {c.value}: {c.label}" for c in question.choices or ()),
        f"# {KEY}: rather-not-say",
    ]
    return "\n".join(lines) + "\n"
