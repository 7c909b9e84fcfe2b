"""Ctrl-C and Ctrl-D at every prompt, and no terminal at all, in the installed `rct`.

Each prompt of `rct assess` (every question the flow reaches, each field of a small
step and the "Add another?" confirm) and of the reflection in `rct vignette paula` is
cancelled in a real pseudo-terminal, once with Ctrl-C and once with Ctrl-D, on an empty
prompt. Both must end with "Cancelled", exit status 130 and no traceback; `rct assess`
must keep exactly the answers given so far in a private draft that `rct assess --resume`
finishes. With standard input from /dev/null or a pipe, both commands must refuse at
once (exit 2, one line on stderr) instead of waiting for keys that never come.

The keys and answers are those of tests/tty/test_assess_tty.py and
tests/tty/test_vignette_tty.py, all from tests/flows.py.

Ctrl-D cancels at text prompts (on an empty line) and at menus and checkboxes alike.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from rct_workbook.model.answers import plural
from rct_workbook.model.content import load_content
from tests.flows import (
    CHECK_IN,
    PROMPT_ECHO,
    PROMPT_FLETCHER,
    PROMPT_HELD_BACK,
    PROMPT_RISK,
    PROMPT_SMALL_STEP,
    SMALL_STEP,
    STEPS,
    answers_before,
    check_draft,
    check_saved,
    drafts,
    journal_files,
)
from tests.tty.terminal import CTRL_C, CTRL_D, DOWN, ENTER, ESC_ENTER, RCT, SPACE, Session, _env, _require_rct

pytestmark = pytest.mark.tty

TIMEOUT = 10
KEYS = {"ctrl-c": CTRL_C, "ctrl-d": CTRL_D}


def _assess_prompts() -> list[tuple[str, str]]:
    """(label, question type) for each entry of STEPS, from content/flows/assess.yaml.

    The prompts of a repeat question's fields come just before its STEPS entry (the
    "Add another?" confirm, which completes the answer).
    """
    flow = load_content().flow("assess")
    questions = {q.id: q for section in flow.sections for q in section.questions}
    prompts: list[tuple[str, str]] = []
    fields_seen = 0
    for _, _, answer_id in STEPS:
        if answer_id is None:
            fields_seen += 1
            prompts.append(("", ""))
            continue
        if answer_id == CHECK_IN:  # asked after the flow's questions, as a choice
            prompts.append((answer_id, "choice"))
            continue
        question = questions[answer_id]
        if question.type == "repeat":
            fields = question.fields or ()
            assert fields_seen == len(fields), f"STEPS has {fields_seen} prompts for {len(fields)} fields"
            for i, field in enumerate(fields):
                prompts[len(prompts) - len(fields) + i] = (f"{answer_id}.{field.id}", field.type)
            prompts.append((f"{answer_id}.add-another", "yes_no"))
        else:
            assert fields_seen == 0, f"prompts without an answer id before {answer_id}"
            prompts.append((answer_id, question.type))
        fields_seen = 0
    return prompts


ASSESS_PROMPTS = _assess_prompts()

# A person's keys at each reflection prompt of content/vignettes/paula.yaml, in order.
VIGNETTE_STEPS: list[tuple[str, tuple[str, ...]]] = [
    (PROMPT_ECHO, ("Meetings got shorter", ESC_ENTER)),
    (PROMPT_RISK, (DOWN, ENTER)),
    (PROMPT_FLETCHER, (SPACE, ENTER)),
    (PROMPT_HELD_BACK, (ESC_ENTER,)),
    (PROMPT_SMALL_STEP, (SMALL_STEP, ENTER)),
]


def _vignette_prompts() -> list[tuple[str, str]]:
    reflection = load_content().vignette("paula").reflection
    assert len(reflection) == len(VIGNETTE_STEPS), [q.id for q in reflection]
    return [(q.id, q.type) for q in reflection]


VIGNETTE_PROMPTS = _vignette_prompts()


def _params(prompts: list[tuple[str, str]]) -> list[Any]:
    params = []
    for k, (label, _kind) in enumerate(prompts):
        for name, key in KEYS.items():
            params.append(pytest.param(k, key, id=f"{k:02d}-{label}-{name}"))
    return params


def _index_of(label: str) -> int:
    return next(i for i, (name, _) in enumerate(ASSESS_PROMPTS) if name == label)


# After a cancel here, `rct assess --resume` is run to the end: the first prompt with
# a draft, one inside a half-done small step (asked again from its first field), the last.
RESUME_AT = {1, _index_of("small-steps.by-when"), len(STEPS) - 1}


def _resume_from(k: int) -> int:
    """The first STEPS index asked again after a cancel at prompt k: a repeat starts over."""
    while k > 0 and STEPS[k - 1][2] is None:
        k -= 1
    return k


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def _spawn(home: Path, *args: str) -> Session:
    session = Session(home, *args)
    session.child.timeout = TIMEOUT
    # pexpect sleeps 50 ms before every send by default; each prompt is waited for
    # (bracketed paste on) before its keys go out, so the pause only costs time.
    session.child.delaybeforesend = None
    return session


def _cancel(session: Session, key: str) -> None:
    """Press ``key`` at the ready prompt: the command says "Cancelled" and ends with 130."""
    session.send(key)
    session.expect("Cancelled")
    session.ends(130)


@pytest.mark.parametrize(("k", "key"), _params(ASSESS_PROMPTS))
def test_assess_cancel_at_every_prompt_keeps_a_resumable_draft(home: Path, k: int, key: str) -> None:
    with _spawn(home, "assess") as session:
        session.answer(STEPS[:k])
        session.expect_prompt(STEPS[k][0])
        _cancel(session, key)

    assert journal_files(home) == []
    if k == 0:
        assert drafts(home) == [], "nothing was answered, so nothing should be drafted"
        assert "--resume" not in session.output, session.screen
    else:
        # Answers are drafted per question id as each one is complete; a small step's
        # fields only reach the draft with the whole small-steps answer.
        check_draft(home, answers_before(k))
        assert "rct assess --resume" in session.output, session.screen

    if k in RESUME_AT:
        start = _resume_from(k)
        kept = answers_before(k)
        with _spawn(home, "assess", "--resume") as resumed:
            resumed.expect(f"Continuing: {plural(len(kept), 'answer')} kept from before.")
            resumed.answer(STEPS[start:])
            resumed.expect("Saved your assessment")
            resumed.ends(0)
        for text, _, _ in STEPS[:start]:
            assert text not in resumed.output, f"asked again after resume: {text!r}"
        check_saved(home)


SUPPORT_IN_PLACE = _index_of("support-in-place")
# Asked only after "no" at support-in-place, so not in STEPS.
SUPPORT_FIRST_STEP = "Who could you reach out to first to start building"


@pytest.mark.parametrize("key", list(KEYS.values()), ids=list(KEYS))
def test_assess_cancel_at_the_conditional_support_question(home: Path, key: str) -> None:
    """support-first-step is asked only when no support is in place; it cancels like the rest."""
    with _spawn(home, "assess") as session:
        session.answer(STEPS[:SUPPORT_IN_PLACE])
        session.expect_prompt(STEPS[SUPPORT_IN_PLACE][0])
        session.send("n")
        session.expect_prompt(SUPPORT_FIRST_STEP)
        _cancel(session, key)

    assert journal_files(home) == []
    check_draft(home, {**answers_before(SUPPORT_IN_PLACE), "support-in-place": False})
    assert "rct assess --resume" in session.output, session.screen


@pytest.mark.parametrize(("k", "key"), _params(VIGNETTE_PROMPTS))
def test_vignette_cancel_at_every_reflection_prompt_saves_nothing(home: Path, k: int, key: str) -> None:
    with _spawn(home, "vignette", "paula") as session:
        session.skip_reading()
        session.expect("Your reflection")
        for text, keys in VIGNETTE_STEPS[:k]:
            session.expect_prompt(text)
            for typed in keys:
                session.send(typed)
        session.expect_prompt(VIGNETTE_STEPS[k][0])
        _cancel(session, key)

    assert journal_files(home) == []
    assert drafts(home) == []


@pytest.mark.parametrize("command", [("assess",), ("vignette", "paula")], ids=["assess", "vignette"])
@pytest.mark.parametrize("stdin", [{"stdin": subprocess.DEVNULL}, {"input": b"some text\n"}], ids=["devnull", "pipe"])
def test_no_terminal_exits_at_once_with_a_clear_message(
    home: Path, command: tuple[str, ...], stdin: dict[str, Any]
) -> None:
    _require_rct()
    try:
        done = subprocess.run(
            [str(RCT), *command], env=_env(home), capture_output=True, timeout=20, check=False, **stdin
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"rct {' '.join(command)} waited for input with no terminal") from exc

    stderr = done.stderr.decode("utf-8", "replace")
    stdout = done.stdout.decode("utf-8", "replace")
    assert done.returncode == 2, (done.returncode, stdout, stderr)
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "no terminal" in lines[0]
    assert stdout.strip() == ""
    assert journal_files(home) == []
    assert drafts(home) == []


def test_every_prompt_is_covered() -> None:
    """The parametrized cases above follow the flow: one per STEPS entry, in content order."""
    assert len(ASSESS_PROMPTS) == len(STEPS)
    assert all(label and kind for label, kind in ASSESS_PROMPTS), ASSESS_PROMPTS
