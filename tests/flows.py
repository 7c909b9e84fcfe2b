"""The assessment and the paula vignette as a person answers them: the keys pressed at each
prompt and the answers they give, with what a finished or cancelled run leaves on disk.

The prompts, their order and their keys are built from the loaded content (each question's
kind says how it is answered); only what this person chooses is written here, by question
id. A question added to the flow is answered too, with no change here.

One definition for the pipe-input tests (tests/cli), the real-terminal tests (tests/tty) and
the reliability suite. Nothing here needs pexpect or a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.flow.questions import applies, resolve
from rct_workbook.model.answers import Ask
from rct_workbook.model.content import Content, load_content
from rct_workbook.reading import GOOD_THING_PREFIX
from tests.helpers import has_mode
from tests.keys import DOWN, ENTER, FINISH, SPACE

# --- rct assess ----------------------------------------------------------------------------------

#: One prompt as a person meets it: the start of its text on screen, the keys pressed there
#: (sent one after another), and the answer id it fills (None inside a repeat, before its last).
Step = tuple[str, tuple[str, ...], str | None]

#: The last prompt of a whole assessment: when to check in next (not a question of the flow).
CHECK_IN = "next-check-in"
#: How that prompt starts on screen (rct's own, not content's).
CHECK_IN_PROMPT = "When would you like your next check-in"


def chosen(content: Content) -> dict[str, Any]:
    """What this person answers, by question id. A question of the flow not named here is
    answered the quickest way: left empty where optional, its kind's example where required."""
    return {
        "wellbeing": 4,
        "support-people": "Ana, my peer group",
        "support-in-place": True,
        "role": "Staff nurse",
        "organisation": "community-health",
        "good-thing-zest": 2,
        "good-thing-empowerment": 3,
        "good-thing-clarity": 1,
        "good-thing-worth": 4,
        "good-thing-connection": 2,
        "risks": "Being seen as difficult",
        "practices": [p.id for p in content.cultures["hierarchical"].indicators[:2]],
        "strategies": ["naming"],
        "strategies-how": "Name the family meetings",
        "allies": "Bo",
        "small-steps": [
            {"what": "Ask for a case slot", "with-whom": "Bo", "by-when": "May", "risk": "high", "evidence": "A slot"}
        ],
        "vision": "A unit that can disagree",
        "sustain": "Peer group monthly",
    }


def on_screen(prompt: str, room: int = 40) -> str:
    """The start of a prompt as a person sees it: its first words, short enough to sit on the
    prompt's first line at 80 columns."""
    words = prompt.split()
    shown = words[0]
    for word in words[1:]:
        if len(shown) + 1 + len(word) > room:
            break
        shown += " " + word
    return shown


def keys_for(ask: Ask, value: Any) -> tuple[str, ...]:
    """The keys that give ``value`` at the prompt of ``ask``, from what its kind shows
    (typed text, a pick from a menu, ticks, yes or no); never from the type's name."""
    spec = ask.kind.prompt(ask, None)
    if spec.form == "text":
        typed = (value,) if value else ()
        return (*typed, FINISH if spec.multiline else ENTER)
    if spec.form == "select":
        at = next(i for i, option in enumerate(spec.options) if option.value == value)
        return (*(DOWN,) * at, ENTER)
    if spec.form == "checkbox":
        ticked = [i for i, option in enumerate(spec.options) if option.value in (value or [])]
        keys: list[str] = []
        for i in range(max(ticked, default=-1) + 1):
            keys += [SPACE] if i in ticked else []
            keys += [DOWN] if i < max(ticked) else []
        return (*keys, ENTER)
    if spec.form == "confirm":
        return ("y" if value else "n",)
    raise AssertionError(f"no keys for a {spec.form} prompt")  # a repeat is asked field by field


def _value(ask: Ask, given: dict[str, Any]) -> Any:
    if ask.id in given:
        return given[ask.id]
    return ask.kind.example(ask) if ask.question.required else None


def _prompts(ask: Ask, value: Any) -> list[Step]:
    """The prompts of one question, in order: (start on screen, keys, the answer id it fills)."""
    if not ask.fields:
        return [(on_screen(ask.question.prompt), keys_for(ask, value), ask.id)]
    q, rows = ask.question, list(value or [])
    out: list[Step] = []
    if q.min_items == 0:
        out.append((on_screen(f"{q.prompt}: add one?"), ("y" if rows else "n",), None))
    for n, row in enumerate(rows, 1):
        for field in ask.fields:
            given = row.get(field.id) if field.id in row else _value(field, {})
            out.append((on_screen(f"{n}. {field.question.prompt}"), keys_for(field, given), None))
        if n < q.max_items:
            out.append((f"Add another? ({n} of at most {q.max_items})", ("y" if n < len(rows) else "n",), None))
    last = out[-1]
    out[-1] = (last[0], last[1], ask.id)
    return out


def assess_asks(content: Content) -> list[Ask]:
    """Every question of the assessment, in the order asked (before conditions)."""
    return [a for s in content.flow("assess").sections for a in resolve(s.questions, content, s.id)]


def _walk(asks: list[Ask], given: dict[str, Any]) -> tuple[list[Step], dict[str, Any]]:
    """The prompts of ``asks`` as asked (conditions followed) for the answers ``given``, and
    the answers they give."""
    steps: list[Step] = []
    answers: dict[str, Any] = {}
    by_id = {ask.id: ask for ask in asks}
    for ask in asks:
        if not applies(ask, answers):
            continue
        value = _value(ask, given)
        steps += _prompts(ask.as_asked(answers, by_id), value)  # a prompt may name earlier answers
        answers[ask.id] = ask.kind.check(ask, value)
    return steps, answers


def script(content: Content | None = None) -> tuple[list[Step], dict[str, Any]]:
    """A whole interactive `rct assess`, built from the flow: each prompt as asked, in order
    (the start of its text on screen, the keys a person presses there, sent one after
    another, and the answer id it fills: None for the prompts inside a repeat question
    before its last), then the answers those keys give."""
    content = content or load_content()
    steps, answers = _walk(assess_asks(content), chosen(content))
    # Not among the answers: the date of the next check-in (four weeks), kept beside them.
    steps.append((CHECK_IN_PROMPT, (ENTER,), CHECK_IN))
    return steps, answers


#: The built-in assessment's prompts, as ``script`` builds them.
STEPS = script()[0]


def step_at(answer_id: str) -> int:
    """The index in STEPS of the prompt that fills ``answer_id``."""
    return next(i for i, (_, _, filled) in enumerate(STEPS) if filled == answer_id)


# Ctrl-C comes at the "risks" prompt, after the answers before it.
RISKS_AT = step_at("risks")
ROLE_AT = step_at("role")


def question_steps(answer_id: str) -> list[Step]:
    """The prompts of one question in STEPS: a repeat's field prompts and confirms with it."""
    end = start = step_at(answer_id)
    while start > 0 and STEPS[start - 1][2] is None:
        start -= 1
    return STEPS[start : end + 1]


def after_section(section_id: str) -> int:
    """The index in STEPS just after the prompts of a section of the flow (where "Since last
    time" is asked after the support section, for example)."""
    flow = load_content().flow("assess")
    ids = {q.id for section in flow.sections if section.id == section_id for q in section.questions}
    return max(i for i, (_, _, filled) in enumerate(STEPS) if filled in ids) + 1


def keys_of(steps: list[Step]) -> str:
    """The keys of ``steps``, one prompt after another, as pipe input sends them."""
    return "".join(key for _, keys, _ in steps for key in keys)


def full_run_keys(content: Content | None = None) -> str:
    """The keys of a whole `rct assess`, prompt after prompt, as pipe input sends them."""
    return keys_of(STEPS if content is None else script(content)[0])


def expected_answers(content: Content | None = None) -> dict[str, Any]:
    """What the keys of the script give, in the order they are asked."""
    return script(content)[1]


def answers_before(index: int) -> dict[str, Any]:
    """The expected answers given by STEPS[:index]."""
    done = {answer_id for _, _, answer_id in STEPS[:index] if answer_id}
    return {k: v for k, v in expected_answers().items() if k in done}


def mean_rating(answers: dict[str, Any]) -> float:
    """The mean of the good-thing ratings in ``answers``, as the reading takes it."""
    rated = [v for k, v in answers.items() if k.startswith(GOOD_THING_PREFIX) and isinstance(v, int)]
    return sum(rated) / len(rated)


# --- rct vignette paula --------------------------------------------------------------------------

SMALL_STEP = "Ask to present one case at the next team meeting with a nursing colleague."


def reflection_chosen() -> dict[str, Any]:
    """What this person answers in their reflection on paula, by question id (any other
    question: left empty where optional, its example where required)."""
    return {
        "own-setting-echo": "Meetings got shorter",
        "visibility-risk": 2,
        "fletcher-fit": ["naming"],
        # One small step, as an assessment's plan has them; "With whom?" and "By when?" left empty.
        "small-steps": [{"what": SMALL_STEP}],
    }


def reflection_script(name: str = "paula", content: Content | None = None) -> tuple[list[Step], dict[str, Any]]:
    """The reflection prompts of `rct vignette NAME` as asked, and the answers they give."""
    content = content or load_content()
    return _walk(list(resolve(content.vignette(name).reflection, content)), reflection_chosen())


def _paula_prompt(question_id: str) -> str:
    """The start of one of paula's reflection prompts; the id itself when paula no longer asks
    it, so a test waiting for it says which question it looked for (and the rest still load)."""
    content = load_content()
    found = [q for q in content.vignette("paula").reflection if q.id == question_id]
    if not found:
        return f"(paula asks no {question_id!r})"
    q = found[0]
    if q.fields:  # a repeat opens with whether to add one, or (when one is needed) its first field
        return on_screen(f"{q.prompt}: add one?") if q.min_items == 0 else on_screen(f"1. {q.fields[0].prompt}")
    return on_screen(q.prompt)


# The start of each reflection prompt of paula, as it shows on the prompt's first line.
PROMPT_ECHO = _paula_prompt("own-setting-echo")
PROMPT_RISK = _paula_prompt("visibility-risk")
PROMPT_FLETCHER = _paula_prompt("fletcher-fit")
PROMPT_HELD_BACK = _paula_prompt("held-back")
PROMPT_SMALL_STEP = _paula_prompt("small-steps")


# --- what is left on disk ------------------------------------------------------------------------


def journal_files(home: Path) -> list[Path]:
    return sorted((home / "journal").glob("*.md"))


def drafts(home: Path) -> list[Path]:
    return sorted((home / "drafts").glob("*.yaml"))


def check_saved(home: Path) -> None:
    """One assess entry holding exactly the expected answers and a reading; no draft left."""
    files = journal_files(home)
    assert len(files) == 1, files
    post = frontmatter.load(str(files[0]))
    assert post["kind"] == "assess"
    assert post["answers"] == expected_answers()
    reading = post["reading"]
    assert isinstance(reading, dict)
    assert reading["mean"] == pytest.approx(mean_rating(expected_answers()))
    assert has_mode(files[0], 0o600)
    assert drafts(home) == []


def check_draft(home: Path, answers: dict[str, Any]) -> None:
    """A private draft of `rct assess` holding exactly ``answers``."""
    path = home / "drafts" / "assess.yaml"
    assert path.is_file(), drafts(home)
    assert has_mode(path, 0o600)
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["flow"] == "assess"
    assert draft["answers"] == answers
