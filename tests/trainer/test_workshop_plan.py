"""rct workshop plan: the agenda adds up, groups fit, content is cited, bad input is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.errors import WorkbookError
from rct_workbook.model.content import load_content, validate_pack
from rct_workbook.render.workshop_view import plan_html, plan_markdown
from rct_workbook.workshop import MAX_GROUP, MIN_GROUP, group_sizes, minimum_minutes, plan_workshop
from tests.helpers import Run, Tree, build_tree, has_mode

CONTENT = load_content()
PACK = Path(__file__).resolve().parents[2] / "examples" / "trainer-pack"
CASES = tuple(CONTENT.vignettes)


@given(st.integers(min_value=3, max_value=200))
def test_groups_are_three_to_five_and_hold_everyone(n: int) -> None:
    sizes = group_sizes(n)
    assert sum(sizes) == n
    assert all(MIN_GROUP <= size <= MAX_GROUP for size in sizes)
    assert max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize(
    ("n", "sizes"), [(3, (3,)), (5, (5,)), (6, (3, 3)), (7, (4, 3)), (20, (4,) * 5), (21, (5, 4, 4, 4, 4))]
)
def test_group_sizes_examples(n: int, sizes: tuple[int, ...]) -> None:
    assert group_sizes(n) == sizes


def _check(plan_minutes: int, plan) -> None:  # type: ignore[no-untyped-def]
    assert sum(a.minutes for a in plan.agenda) == plan_minutes
    assert plan.agenda[0].start == 0
    for before, after in zip(plan.agenda, plan.agenda[1:], strict=False):
        assert after.start == before.start + before.minutes
    reading = next(a for a in plan.agenda if a.key == "reading")
    assert sum(p.minutes for p in plan.parts) == reading.minutes
    for item in plan.agenda:
        if item.key == "rehearsal":
            rehearsal = plan.rehearsals[item.index]
            assert rehearsal.minutes == item.minutes == sum(m for _, m in rehearsal.phases)
    keys = [a.key for a in plan.agenda]
    assert keys[0] == "opening" and keys[-2:] == ["plenary", "small_step"]
    assert 1 <= keys.count("rehearsal") <= 2
    assert sum(plan.group_sizes) == plan.participants


@given(
    case=st.sampled_from(CASES),
    participants=st.integers(min_value=3, max_value=200),
    minutes=st.integers(min_value=-10, max_value=360),
)
def test_every_plan_adds_up_or_is_refused(case: str, participants: int, minutes: int) -> None:
    try:
        plan = plan_workshop(CONTENT, case, participants, minutes)
    except WorkbookError as exc:
        assert "too short" in exc.message and "\n" not in exc.message
        return
    _check(minutes, plan)


@pytest.mark.parametrize("case", CASES)
def test_the_least_time_is_exact(case: str) -> None:
    parts = len(CONTENT.vignette(case).parts)
    least = sum(minimum_minutes(parts, 5, 1).values())
    _check(least, plan_workshop(CONTENT, case, 20, least))
    with pytest.raises(WorkbookError, match=f"needs at least {least} minutes"):
        plan_workshop(CONTENT, case, 20, least - 1)


def test_two_rehearsals_and_breaks_for_longer_workshops() -> None:
    short = plan_workshop(CONTENT, "paula", 20, 90)
    assert len(short.rehearsals) == 1 and not [a for a in short.agenda if a.key == "break"]
    long = plan_workshop(CONTENT, "paula", 20, 180)
    assert [r.rehearsal.id for r in long.rehearsals] == ["naming-relational-work", "good-conflict"]
    assert [a.minutes for a in long.agenda if a.key == "break"] == [15]
    day = plan_workshop(CONTENT, "susan", 40, 360)
    assert len([a for a in day.agenda if a.key == "break"]) == 2
    _check(360, day)
    chosen = plan_workshop(CONTENT, "paula", 20, 180, ["one-true-thing"])
    assert [r.rehearsal.id for r in chosen.rehearsals] == ["one-true-thing"]


def test_paula_plan_markdown_agenda_is_exact() -> None:
    text = plan_markdown(plan_workshop(CONTENT, "paula", 20, 120), CONTENT)
    agenda = text.split("## Agenda\n\n", 1)[1].split("\n\n", 1)[0]
    assert agenda == (
        "| Start | Minutes | Part |\n"
        "| --- | --- | --- |\n"
        "| 0:00 | 10 | Opening and support check |\n"
        "| 0:10 | 22 | Reading the case in 4 parts |\n"
        "| 0:32 | 25 | Small groups: the case through the four steps (5 groups) |\n"
        "| 0:57 | 22 | Rehearsal: Naming relational work as real work |\n"
        "| 1:19 | 21 | Rehearsal: Waging good conflict with a power-holder |\n"
        "| 1:40 | 12 | Plenary |\n"
        "| 1:52 | 8 | Each person's one small step |\n"
        "| 2:00 | | End (120 minutes in all) |"
    )
    assert "20 participants in 5 small groups (5 of 4)." in text


def test_plan_carries_notes_for_each_part_and_each_step() -> None:
    plan = plan_workshop(CONTENT, "susan", 12, 120)
    text = plan_markdown(plan, CONTENT)
    guide = CONTENT.workshops["susan"]
    for part, note in zip(CONTENT.vignette("susan").parts, guide.parts, strict=True):
        assert f"### Part {guide.parts.index(note) + 1}: {part.title}" in text
        for question in note.ask:
            assert question.replace("'", "'") in text.replace("\\", "")
    for step in CONTENT.steps.values():
        assert f"- {step.name}: " in text  # what the case shows of each step
    for question in CONTENT.vignette("susan").discussion_questions:
        assert " ".join(question.split()) in text.replace("\\", "")


def test_clinic_plan_puts_care_first() -> None:
    plan = plan_workshop(CONTENT, "clinic", 20, 120)
    assert "suicide" in plan.care[0]
    text = plan_markdown(plan, CONTENT)
    care = text.split("## Care for the room\n\n", 1)[1].split("\n## ", 1)[0]
    assert care.index("suicide") < care.index("survival cultures") < care.index("care note")
    assert text.index("## Care for the room") < text.index("Opening and support check (")
    assert "Care: This part names the suicide" in text
    assert [r.id for r in plan.resources] == list(CONTENT.resources)
    for resource in CONTENT.resources.values():
        assert f"- {resource.name}: " in care


def test_every_rehearsal_is_complete_and_cited() -> None:
    assert set(CONTENT.rehearsals) >= {
        "one-true-thing",
        "good-conflict",
        "collaborative-complaining",
        "naming-relational-work",
    }
    cites = {r.cite for r in CONTENT.references.values()}
    for rehearsal in CONTENT.rehearsals.values():
        assert len(rehearsal.roles) >= 2 and rehearsal.script and rehearsal.debrief and rehearsal.steps
        assert rehearsal.cite and set(rehearsal.cite) <= cites
        assert rehearsal.practice in CONTENT.strategies
    assert "Figure 6" in CONTENT.rehearsals["good-conflict"].background
    assert "Stiver" in CONTENT.rehearsals["one-true-thing"].background
    assert "troublemaker" in CONTENT.rehearsals["collaborative-complaining"].background
    assert "naming" in CONTENT.rehearsals["naming-relational-work"].background


def test_html_prints_a_page_per_part_with_handouts_at_the_end_and_fetches_nothing() -> None:
    plan = plan_workshop(CONTENT, "agnes", 20, 180)
    page = plan_html(plan, CONTENT)
    sections = re.findall(r'<section class="page">\n(.*?)</section>', page, re.S)
    # The facilitator's notes (agenda, every part, sources) run on; each handout is a sheet of its own.
    assert len(sections) == 1 + 1 + len(plan.rehearsals) + 1
    assert sections[0].count('<div class="part">') == len(plan.agenda)
    handouts = [i for i, s in enumerate(sections) if 'class="handout"' in s]
    assert handouts == list(range(len(sections) - len(handouts), len(sections)))
    assert "break-after: page" in page
    for needle in ("http:", "https:", "//", "src=", "<script", "url(", "@import", "<link"):
        assert needle not in page, needle


def test_cli_writes_a_plan(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    result = run("workshop", "plan", "paula", "--participants", "20", "--minutes", "120", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Wrote the plan to {out}.\n"
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert has_mode(out, 0o600)
    result = run("workshop", "plan", "paula", "--participants", "4", "--minutes", "60")
    assert result.exit_code == 0 and result.stdout.startswith("# Workshop plan: Paula")
    # An existing file is never replaced without --force (there is no terminal to ask in).
    before = out.read_bytes()
    result = run("workshop", "plan", "susan", "--participants", "20", "--minutes", "120", "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"rct: {out} already exists; add --force to replace it, or choose another --out file\n"
    assert out.read_bytes() == before
    args = ("workshop", "plan", "susan", "--participants", "20", "--minutes", "120", "--out", str(out), "--force")
    assert run(*args).exit_code == 0
    assert "Workshop plan: Susan" in out.read_text()
    result = run("workshop", "plan", "susan", "--participants", "20", "--minutes", "120", "--out", "-")
    assert result.exit_code == 0 and result.stdout.startswith("# Workshop plan: Susan")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--participants", "2", "--minutes", "90"], "rct: --participants must be from 3 to 200"),
        (["--participants", "201", "--minutes", "90"], "rct: --participants must be from 3 to 200"),
        (["--participants", "20", "--minutes", "30"], "rct: --minutes 30 is too short for the paula case"),
        (["--participants", "20", "--minutes", "-5"], "rct: --minutes -5 is too short"),
        (["--participants", "20", "--minutes", "400"], "rct: --minutes must be at most 360"),
        (["--participants", "20", "--minutes", "90", "--rehearsal", "dance"], "rct: no rehearsal called 'dance'"),
        (
            ["--participants", "20", "--minutes", "90", "--rehearsal", "good-conflict", "--rehearsal", "good-conflict"],
            "rct: the same rehearsal is given twice",
        ),
    ],
)
def test_cli_refuses_impossible_plans_in_one_line(run: Run, args: list[str], message: str) -> None:
    result = run("workshop", "plan", "paula", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_cli_unknown_format(run: Run) -> None:
    result = run("workshop", "plan", "paula", "--participants", "20", "--minutes", "90", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr.startswith("rct: invalid value for '--format': 'pdf' is not one of 'md', 'html'.\n")


def test_cli_unknown_case(run: Run) -> None:
    result = run("workshop", "plan", "pauls", "--participants", "20", "--minutes", "90")
    assert result.exit_code == 2
    known = ", ".join(CONTENT.vignettes)
    assert result.stderr == f"rct: no vignette called 'pauls'. Did you mean 'paula'? Known: {known}.\n"


def test_example_pack_validates_and_plans(run: Run) -> None:
    assert validate_pack(PACK) == []
    result = run("content", "validate", str(PACK))
    assert result.exit_code == 0, result.stdout + result.stderr
    result = run("--content", str(PACK), "workshop", "plan", "harbour", "--participants", "12", "--minutes", "90")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Workshop plan: Harbour Lane (an invented case)")
    assert "come from a content pack, not from the paper" in text
    assert "Rehearsal: Asking, with colleagues, for time to think together" in text
    assert "Why might Sam ask her colleagues first?" in text
    assert "(Invented.)" in text  # the handout says so too
    # The pack's local support resources reach the care paragraph, overriding by id.
    care = text.split("## Care for the room", 1)[1].split("\n## ", 1)[0]
    assert "- Employee assistance programme (example: put your employer's programme here): " in care
    assert "Contact: Placeholder: your local crisis line's number." in care
    assert "The training institute's peer support contact (invented example)" in care
    assert "- Your own therapist or doctor: " in care  # the built-in ones stay


PACK_GUIDE = """\
kind: workshop
id: paula
parts:
  - shows: One note only.
    steps: [read, reed]
    ask: ["A question?"]
rehearsals: [one-true-thing, dancing]
cite: ["Hartling & Sparks, 2002"]
"""

PACK_REHEARSAL = """\
kind: rehearsals
items:
  - id: two-voices
    title: Two voices
    practice: shouting
    summary: s
    background: b
    scene: s
    roles: [{name: A, brief: a}, {name: B, brief: b}]
    script: [{role: C, says: hello}]
    steps: [go]
    debrief: [how was it?]
    cite: ["Hartling & Sparks, 2002"]
"""


def test_pack_validation_covers_guides_and_rehearsals(tree: Tree, tmp_path: Path) -> None:
    folder = tree({"guide.yaml": PACK_GUIDE, "rehearsals.yaml": PACK_REHEARSAL})
    problems = [str(p) for p in validate_pack(folder)]
    text = "\n".join(problems)
    assert "the case 'paula' has 4 parts, but the guide has notes for 1" in text
    assert "parts[0].steps[1]: unknown step 'reed'; did you mean 'read'?" in text
    assert "rehearsals[1]: unknown rehearsal 'dancing'" in text
    assert "the script gives a line to 'C', which is not one of the roles" in text
    second = build_tree(tmp_path / "second", {"rehearsals.yaml": PACK_REHEARSAL.replace("role: C", "role: A")})
    problems = [str(p) for p in validate_pack(second)]
    assert len(problems) == 1
    assert "rehearsals.yaml:5: items[0].practice: unknown strategy 'shouting'" in problems[0]


def test_a_case_retold_by_a_pack_plans_without_the_built_in_guide(tree: Tree) -> None:
    paula = (CONTENT.origins[("vignette", "paula")].file).read_text()
    start = paula.index("parts:")
    end = paula.index("steps:")
    one_part = paula[:start] + "parts:\n  - title: Retold\n    text: [Only one part.]\n\n" + paula[end:]
    folder = tree({"paula.yaml": one_part})
    assert validate_pack(folder) == []
    content = load_content([folder])
    plan = plan_workshop(content, "paula", 10, 90)
    assert not plan.has_guide and len(plan.parts) == 1
    assert "There is no facilitator's guide for this case" in plan_markdown(plan, content)
