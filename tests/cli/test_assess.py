from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.flow.drafts import Draft, save_draft
from rct_workbook.model.content import load_content
from tests.helpers import FilledAnswers, Run, has_mode

FLOW = load_content().flow("assess")
ORGANISATIONS = ", ".join(
    c.value for s in FLOW.sections for q in s.questions if q.id == "organisation" for c in q.choices or ()
)


@pytest.fixture
def template(filled_answers: FilledAnswers) -> dict[str, Any]:
    """The template filled in as a person would."""
    return yaml.safe_load(filled_answers("assess"))  # type: ignore[no-any-return]


def write(tmp_path: Path, answers: dict[str, Any]) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True))
    return path


def entries(home: Path) -> list[Path]:
    return sorted((home / "journal").glob("*.md")) if (home / "journal").exists() else []


def test_template_lists_every_question_with_type_and_values(run: Run) -> None:
    text = run("assess", "--template").stdout
    flow = load_content().flow("assess")
    for section in flow.sections:
        for q in section.questions:
            assert f"\n{q.id}:\n" in text, q.id  # every value left for the person
    assert "#   type: rating 1-5 (1 = Diminished energy; 5 = Zest) (required)" in text
    assert "#     hier-top-down-information: Information and influence flow from the top down." in text
    assert "#   asked only when support-in-place equals False" in text
    assert "#     role: Staff psychologist\n" in text  # the example is a comment


def test_unedited_template_is_refused(run: Run, tmp_path: Path, rct_home: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(run("assess", "--template").stdout)
    result = run("assess", "--answers", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"rct: the answers file {path} has ")
    assert "  role: an answer is needed\n" in result.stderr
    assert entries(rct_home) == []


def test_template_examples_pasted_in_are_refused(
    run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any]
) -> None:
    steps = [{**template["small-steps"][0], "what": "Propose a case presentation on the relational work of the unit"}]
    answers = {**template, "role": "Staff psychologist", "small-steps": steps}
    path = write(tmp_path, answers)
    result = run("assess", "--answers", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"rct: the answers file {path} still has the template's example as 2 answers; "
        "write your own words or leave them empty; nothing was saved",
        "  role: “Staff psychologist”",
        "  small-steps, entry 1, what: “Propose a case presentation on the relational work of the unit”",
    ]
    assert entries(rct_home) == []


def test_filled_in_template_saves_an_entry(run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any]) -> None:
    result = run("assess", "--answers", str(write(tmp_path, template)))
    assert result.exit_code == 0, result.stderr
    saved = entries(rct_home)
    assert len(saved) == 1
    assert result.stdout.endswith(
        f"\nSaved your assessment: {saved[0]}\n"
        f"Read it again: rct journal show {saved[0].stem}\n"
        "To take it to your peer-supervision group:\n"
        f"  rct journal export {saved[0].stem} --out meeting.md\n"
    )
    assert "Your reading" in result.stdout
    assert "A reflective exercise, not a validated measure or a diagnosis." in result.stdout
    assert "Your plan of small steps" in result.stdout
    lines = [line for line in result.stdout.splitlines() if not line.startswith("Saved your assessment: ")]
    assert max(len(line) for line in lines) <= 80  # all but the saved path
    post = frontmatter.load(saved[0])
    assert post["kind"] == "assess"
    assert post["answers"] == template
    assert post["reading"]["mean"] == pytest.approx(2.6)
    assert post["content_version"] == load_content().version
    for heading in (
        "## Support first",
        "## Step 1: Read it",
        "## Step 2: Name it",
        "## Step 3: Oppose it",
        "## Step 4: Replace it",
        "### The five good things",
        "### Culture profile",
        "### Plan of small steps",
        "## For the peer-supervision group",
    ):
        assert f"\n{heading}\n" in post.content, heading
    assert "| Zest | 3 | Diminished energy |\n" in post.content  # no change column on a first assessment
    assert not (rct_home / "drafts").exists() or not any((rct_home / "drafts").iterdir())


def test_movement_since_the_last_assessment(run: Run, tmp_path: Path, template: dict[str, Any]) -> None:
    assert run("assess", "--answers", str(write(tmp_path, template))).exit_code == 0
    later = {**template, "good-thing-zest": 5, "good-thing-empowerment": 3}
    result = run("assess", "--answers", str(write(tmp_path, later)))
    assert result.exit_code == 0
    zest = next(line for line in result.stdout.splitlines() if line.startswith("Zest"))
    assert zest.split()[-2:] == ["5", "+2"]
    assert "Since your last assessment: 0.6 toward the good things." in result.stdout


def test_no_support_reading_comes_first(run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any]) -> None:
    answers = {
        **template,
        "support-in-place": False,
        "support-first-step": "Ana from the other team",
        "unhealthy": [],
        "unhealthy-in-me": [],  # rage ticked in oneself, with no support, is a care signal
    }
    result = run("assess", "--answers", str(write(tmp_path, answers)))
    assert result.exit_code == 0, result.stderr
    assert "First, you" not in result.stdout  # no care signal: no care note
    out = " ".join(result.stdout.split())
    assert out.index("You said no system of support is in place for you yet, so:") < out.index("The five good things")
    assert "You mentioned “Ana from the other team” as someone you might start with." in out
    post = frontmatter.load(entries(rct_home)[0])
    assert post["answers"]["support-first-step"] == "Ana from the other team"


def test_answer_for_a_question_that_does_not_apply_is_dropped(
    run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any]
) -> None:
    answers = {**template, "support-in-place": True, "support-first-step": "not asked"}
    assert run("assess", "--answers", str(write(tmp_path, answers))).exit_code == 0
    assert "support-first-step" not in frontmatter.load(entries(rct_home)[0])["answers"]


@pytest.mark.parametrize(
    ("change", "problems"),
    [
        ({"surprise": 1}, ["surprise: not a question here"]),
        ({"role": None}, ["role: an answer is needed"]),
        ({"good-thing-zest": 6}, ["good-thing-zest: 6 is outside the scale 1 to 5"]),
        ({"good-thing-zest": "3"}, ["good-thing-zest: expected a whole number from 1 to 5, got text"]),
        (
            {"organisation": "castle"},
            [f"organisation: 'castle' is not one of the choices ({ORGANISATIONS})"],
        ),
        ({"practices": ["not-a-practice"]}, ["practices: not among the choices: 'not-a-practice'"]),
        ({"support-in-place": "yes"}, ["support-in-place: expected yes or no (true/false), got text"]),
        ({"small-steps": []}, ["small-steps: at least 1 entry is needed"]),
        (
            {"small-steps": [{"what": "x", "by-when": "May", "risk": "extreme", "evidence": "e"}]},
            ["small-steps: entry 1, risk: 'extreme' is not one of the choices (low, medium, high)"],
        ),
        (
            {"small-steps": [{"what": "x", "by-when": "May", "risk": "low", "evidence": "e", "colour": "red"}]},
            ["small-steps: entry 1: unknown field 'colour'"],
        ),
        (
            {"good-thing-zest": 0, "role": 7},
            ["role: expected text, got a number (put it in quotes)", "good-thing-zest: 0 is outside the scale 1 to 5"],
        ),
    ],
)
def test_invalid_answers_refused_before_anything_is_written(
    run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any], change: dict[str, Any], problems: list[str]
) -> None:
    path = write(tmp_path, {**template, **change})
    result = run("assess", "--answers", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    assert lines[0] == f"rct: the answers file {path} has {count}; nothing was saved"
    assert [line.strip() for line in lines[1:]] == problems
    assert entries(rct_home) == []


def test_answers_file_that_is_not_a_mapping(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("- a\n- b\n")
    result = run("assess", "--answers", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"rct: the answers file {path} must be a mapping of question ids to answers\n"


def test_no_terminal_no_answers(run: Run, rct_home: Path) -> None:
    result = run("assess", input="")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "rct: no terminal to ask the questions in; run rct assess in a terminal, or use --answers FILE\n"
    )
    assert not rct_home.exists()


def test_one_section_alone(run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any]) -> None:
    keys = set(yaml.safe_load(run("assess", "--section", "read", "--template").stdout))
    read = next(s for s in FLOW.sections if s.id == "read")
    assert keys == {q.id for q in read.questions} and {f"good-thing-{g}" for g in load_content().good_things} <= keys
    answers = {key: template[key] for key in keys}
    result = run("assess", "--section", "read", "--answers", str(write(tmp_path, answers)))
    assert result.exit_code == 0, result.stderr
    post = frontmatter.load(entries(rct_home)[0])
    assert post["section"] == "read"
    assert post["title"] == "A four-step reading of your work setting: Step 1: Read it"
    assert "## Step 2: Name it" not in post.content


def test_unknown_section(run: Run) -> None:
    result = run("assess", "--section", "readd", "--template")
    assert result.exit_code == 2
    assert result.stderr == "rct: no step called 'readd'. Did you mean 'read'? Known: read, name, oppose, replace.\n"


def test_resume_without_terminal_is_refused_and_draft_kept(run: Run, rct_home: Path) -> None:
    draft = Draft("assess", "assess", None, "2026-01-01T10:00:00+00:00", {"role": "Nurse"})
    save_draft(draft)
    result = run("assess", "--resume", input="")
    assert result.exit_code == 2
    assert draft.path.exists()
    assert has_mode(draft.path, 0o600)
    assert has_mode(rct_home / "drafts", 0o700)


def test_typed_text_cannot_break_the_entry(run: Run, tmp_path: Path, rct_home: Path, template: dict[str, Any]) -> None:
    hostile = "---\nkind: hacked\n# Heading\n<b>html</b>\r\n[bold]markup[/bold] \x1b[2J"
    answers = {**template, "vision": hostile, "role": "Nurse --- [red]x[/red]"}
    result = run("assess", "--answers", str(write(tmp_path, answers)))
    assert result.exit_code == 0, result.stderr
    post = frontmatter.load(entries(rct_home)[0])
    assert post["kind"] == "assess"
    assert post["answers"]["vision"] == hostile.replace("\r\n", "\n")
    assert "\n# Heading" not in post.content
    assert "<b>" not in post.content
