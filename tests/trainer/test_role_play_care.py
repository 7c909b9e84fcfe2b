"""The trainer's care in a workshop plan (#24): with each role-play, casting that never puts a
real line manager opposite their own staff, observer as a role anyone may choose, and a step
out of role after it; no promise that "what is said here stays here"; a content note before a
handout whose case names sexual abuse. What the paper says is cited; the rest says it is the
workbook's facilitation practice."""

from __future__ import annotations

import re

import pytest

from rct_workbook.model.content import load_content
from rct_workbook.render.workshop_view import plan_html, plan_markdown
from rct_workbook.workshop import plan_workshop

CONTENT = load_content()
CASES = sorted(CONTENT.workshops)
PRACTICE = "(The workbook's facilitation practice.)"
FACILITATION = next(reversed(CONTENT.facilitation.values()))  # the last loaded wins, as in a plan


def flat(text: str) -> str:
    return " ".join(text.split())


def plan_of(case: str) -> tuple[str, str, object]:
    plan = plan_workshop(CONTENT, case, participants=12, minutes=180)
    return flat(plan_markdown(plan, CONTENT)), flat(plan_html(plan, CONTENT)), plan


def test_role_play_care_says_where_it_comes_from() -> None:
    care, step_out = FACILITATION.role_play, FACILITATION.step_out
    assert care is not None and step_out is not None
    assert all(PRACTICE in flat(note) for note in (*care.notes, *step_out.notes))
    assert "(Hartling & Sparks, 2002)" in flat(care.notes[0])  # where the paper speaks: the risks
    assert step_out.cite == ("rct-workbook facilitation practice",)  # not the paper's
    said = flat(" ".join(care.notes))
    assert "line manager opposite their own staff" in said
    assert "Observer is a role anyone may choose" in said
    assert "step out of role" in flat(" ".join(step_out.notes))


@pytest.mark.parametrize("case", CASES)
def test_every_role_play_in_a_plan_carries_the_care(case: str) -> None:
    markdown, page, plan = plan_of(case)
    rehearsals = len(plan.rehearsals)  # type: ignore[attr-defined]
    assert rehearsals >= 1
    for text in (markdown, page):
        # Casting and the observer's role once, with the care for the room, before any role-play.
        care = text.index("Care for the room")
        assert text.count("line manager opposite their own staff") == 1
        assert care < text.index("line manager opposite their own staff") < text.index("Debrief questions")
        assert text.count("Observer is a role anyone may choose") == 1
        # Stepping out of role after each role-play, after its debrief questions.
        heading = "After the role-play: step out of role"
        assert text.count(heading) == rehearsals
        debriefs = [m.start() for m in re.finditer("Debrief questions", text)]
        steps_out = [m.start() for m in re.finditer(heading, text)]
        assert all(d < s for d, s in zip(debriefs, steps_out, strict=True))
    assert "rct-workbook facilitation practice" in markdown[markdown.index("## Sources") :]


@pytest.mark.parametrize("case", CASES)
def test_no_plan_promises_that_what_is_said_stays_in_the_room(case: str) -> None:
    markdown, _, _ = plan_of(case)
    assert "what is said here stays here;" not in markdown
    assert "cannot be guaranteed" in markdown
    assert "each person decides what to share" in markdown


def test_a_case_naming_sexual_abuse_opens_its_handout_with_a_content_note() -> None:
    named = [
        v
        for v in CONTENT.vignettes.values()
        if "sexual abuse" in flat(" ".join(p for part in v.parts for p in part.text))
    ]
    assert named, "a case in the paper names sexual abuse (Paula's)"
    for vignette in named:
        assert vignette.care_note is not None and "sexual abuse" in vignette.care_note
        markdown, _, _ = plan_of(vignette.id)
        handout = markdown.index(f"Handout: {vignette.title}")
        note = markdown.index(flat(vignette.care_note), handout)
        assert note < markdown.index("Part 1:", handout)
        guide = CONTENT.workshops[vignette.id]
        assert guide.care is not None and "sexual abuse" in guide.care and PRACTICE in flat(guide.care)
