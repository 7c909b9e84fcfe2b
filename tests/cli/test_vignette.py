from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.flow.questions import plural, resolve
from rct_workbook.model.answers import Ask
from rct_workbook.model.content import load_content
from tests.helpers import FilledAnswers, Run, has_mode

#: The cases as an unknown name's message lists them (all of them; the first three as examples).
KNOWN = ", ".join(load_content().vignettes)
LIKE = ", ".join(list(load_content().vignettes)[:3])

KEY_FACTS = {
    "paula": ["West Side Institute", "Chicago", "Dr. Jones", "Chief Psychologist", "Grand Rounds", "two years"],
    "susan": ["counseling center", "Midwest", "culture of niceness", "task force", "two years"],
    "agnes": ["The Heights", "Philadelphia", "five years", "peer supervision group", "social action group"],
    "clinic": ["substance abuse treatment center", "surveillance", "strategies of survival"],
}


def test_list(run: Run) -> None:
    result = run("vignette")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for case in load_content().vignettes.values():  # its id and the start of its protagonist, on one line
        first_word = case.protagonist.split()[0]
        assert any(line.startswith(f"{case.id} ") and first_word in line for line in lines), case.id


@pytest.mark.parametrize("name", sorted(KEY_FACTS))
def test_no_reflect_shows_the_case(run: Run, name: str, rct_home: Path) -> None:
    result = run("vignette", name, "--no-reflect")
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    for fact in KEY_FACTS[name]:
        assert fact in flat, fact
    for heading in (
        "The setting",
        "Part 1 of ",
        "Reading the case step by step",
        "Outcome",
        "For discussion in peer supervision",
    ):
        assert heading in result.stdout
    for step in ("Read it", "Name it", "Oppose it", "Replace it"):
        assert step in result.stdout
    assert not rct_home.exists()  # reading a case writes nothing


def test_clinic_shows_its_care_note_first(run: Run) -> None:
    out = run("vignette", "clinic", "--no-reflect").stdout
    assert out.index("Note:") < out.index("The setting")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("paulo", f"rct: no vignette called 'paulo'. Did you mean 'paula'? Known: {KNOWN}.\n"),
        ("nobody", f"rct: no vignette called 'nobody'. Known: {KNOWN}.\n"),
        ("../../etc/passwd", f"rct: vignette names are short ids like {LIKE}; '../../etc/passwd' is not one\n"),
        ("/etc/passwd", f"rct: vignette names are short ids like {LIKE}; '/etc/passwd' is not one\n"),
        ("paula\x00", f"rct: vignette names are short ids like {LIKE}; 'paula\\x00' is not one\n"),
        ("p" * 300, f"rct: vignette names are short ids like {LIKE}; '{'p' * 300}' is not one\n"),
    ],
)
def test_unknown_and_path_like_names(run: Run, name: str, message: str) -> None:
    result = run("vignette", name, "--no-reflect")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


def test_without_a_terminal_says_so(run: Run, rct_home: Path) -> None:
    result = run("vignette", "paula", input="")
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: no terminal to ask the reflection questions in; "
        "use --no-reflect to only read the case, or --answers FILE\n"
    )
    assert not (rct_home / "journal").exists()


def needed(ask: Ask) -> str:
    """What an answers file hears of a required question left empty, as its kind says it."""
    try:
        ask.kind.check_empty(ask)
    except ValueError as exc:
        return str(exc)
    raise AssertionError(f"{ask.id} is required but may be left empty")


def test_template_keeps_examples_in_comments(run: Run, tmp_path: Path, rct_home: Path) -> None:
    template = run("vignette", "paula", "--template").stdout
    reflection = load_content().vignette("paula").reflection
    for q in reflection:
        assert f"\n{q.id}:\n" in template  # the value is left for the person
    assert "#   type: rating 1-5" in template
    assert "#     visibility-risk: 3\n" in template  # the example, as a comment
    assert yaml.safe_load(template) == {q.id: None for q in reflection}
    answers = tmp_path / "answers.yaml"
    answers.write_text(template)
    result = run("vignette", "paula", "--answers", str(answers))
    assert result.exit_code == 2
    asks = resolve(reflection, load_content())
    required = [a for a in asks if a.question.required]
    assert result.stderr.splitlines() == [
        f"rct: the answers file {answers} has {plural(len(required), 'problem')}; nothing was saved",
        *(f"  {a.id}: {needed(a)}" for a in required),
    ]
    assert not (rct_home / "journal").exists() or not any((rct_home / "journal").iterdir())


def test_examples_copied_as_answers_are_refused(
    run: Run, tmp_path: Path, rct_home: Path, filled_answers: FilledAnswers
) -> None:
    answers = yaml.safe_load(filled_answers("vignette", "paula"))
    content = load_content()
    paula = {q.id: q for q in content.vignette("paula").reflection}
    answers["own-setting-echo"] = paula["own-setting-echo"].example
    (what, *_) = paula["small-steps"].fields or ()
    answers["small-steps"] = [{"what": "  " + str(what.example).upper()}]  # case and spaces aside
    answers["held-back"] = "Write your reflection here."  # the old template's stand-in
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers))
    result = run("vignette", "paula", "--answers", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"rct: the answers file {path} still has the template's example as 3 answers; "
        "write your own words or leave them empty; nothing was saved"
    )
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "own-setting-echo",
        "held-back",
        "small-steps, entry 1, what",
    ]
    assert not (rct_home / "journal").exists() or not any((rct_home / "journal").iterdir())


def test_filled_in_template_is_saved(run: Run, tmp_path: Path, rct_home: Path, filled_answers: FilledAnswers) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("vignette", "paula"))
    result = run("vignette", "paula", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    saved = sorted((rct_home / "journal").glob("*.md"))
    assert len(saved) == 1
    assert result.stdout.startswith(f"Saved your reflection: {saved[0]}\n")
    post = frontmatter.load(saved[0])
    assert post["kind"] == "vignette"
    assert post["vignette"] == "paula"
    assert post["answers"] == yaml.safe_load(answers.read_text())


def test_answers_file_saves_exact_answers(run: Run, tmp_path: Path, rct_home: Path) -> None:
    answers = {
        "own-setting-echo": "---\n# Not a heading\n<script>alert(1)</script>\nkind: injected",
        "visibility-risk": 4,
        "fletcher-fit": ["networking", "naming"],
        "held-back": None,
        "small-steps": [{"what": "Talk with the nurses [bold]today[/bold]", "with-whom": "Dana", "by-when": None}],
    }
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers))
    result = run("vignette", "paula", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    entry = next((rct_home / "journal").glob("*.md"))
    post = frontmatter.load(entry)
    assert post["answers"] == {**answers, "fletcher-fit": ["naming", "networking"]}
    assert post["kind"] == "vignette"
    assert post["content_version"] == load_content().version
    assert "+" in post["created"] or post["created"].endswith("Z") or "-" in post["created"][19:]
    assert has_mode(entry, 0o600)
    assert has_mode(rct_home / "journal", 0o700)
    assert "\n# Not a heading" not in post.content
    assert "<script>" not in post.content


@pytest.mark.parametrize(
    ("answers", "problems"),
    [
        ({"visibility-risk": 7}, ["visibility-risk: 7 is outside the scale 1 to 5"]),
        ({"visibility-risk": "high"}, ["visibility-risk: expected a whole number from 1 to 5, got text"]),
        ({"fletcher-fit": ["shouting"]}, ["fletcher-fit: not among the choices: 'shouting'"]),
        ({"surprise": "x"}, ["surprise: not a question here"]),
        ({"own-setting-echo": None}, ["own-setting-echo: an answer is needed"]),
        (
            {"small-steps": [{"what": True}]},
            ["small-steps: entry 1, what: expected text, got a yes/no value (put it in quotes)"],
        ),
    ],
)
def test_bad_answers_are_refused_before_anything_is_written(
    run: Run,
    tmp_path: Path,
    rct_home: Path,
    answers: dict[str, Any],
    problems: list[str],
    filled_answers: FilledAnswers,
) -> None:
    template = yaml.safe_load(filled_answers("vignette", "paula"))
    template.update(answers)
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(template))
    result = run("vignette", "paula", "--answers", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"rct: the answers file {path} has {plural(len(problems), 'problem')}; nothing was saved"
    assert [line.strip() for line in lines[1:]] == problems
    assert not (rct_home / "journal").exists() or not any((rct_home / "journal").iterdir())


def test_missing_answers_file(run: Run, tmp_path: Path) -> None:
    result = run("vignette", "paula", "--answers", str(tmp_path / "none.yaml"))
    assert result.exit_code == 2
    assert result.stderr == f"rct: no answers file at {tmp_path / 'none.yaml'}\n"


def test_answers_file_with_a_python_tag(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    sentinel = tmp_path / "ran"
    path.write_text(f"visibility-risk: !!python/object/apply:os.system ['touch {sentinel}']\n")
    result = run("vignette", "paula", "--answers", str(path))
    assert result.exit_code == 2
    assert "is not allowed" in result.stderr
    assert not sentinel.exists()


def test_two_saves_never_overwrite(run: Run, tmp_path: Path, rct_home: Path, filled_answers: FilledAnswers) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(filled_answers("vignette", "susan"))
    for _ in range(3):
        assert run("vignette", "susan", "--answers", str(path)).exit_code == 0
    assert len(list((rct_home / "journal").glob("*.md"))) == 3


@pytest.mark.parametrize("name", ["paula", "susan", "agnes", "clinic"])
def test_piped_case_is_whole_and_keeps_the_outcome_after_the_parts(run: Run, name: str) -> None:
    from rct_workbook.model.content import load_content

    case = load_content().vignette(name)
    out = " ".join(run("vignette", name, "--no-reflect").stdout.split())
    last_part = out.index(f"Part {len(case.parts)} of {len(case.parts)}: {case.parts[-1].title}")
    for part in case.parts:
        assert " ".join(part.text[0].split()) in out
    assert out.index(" ".join(case.outcome.split())) > last_part
    assert out.index("Reading the case step by step") > out.index("Outcome")
    revealing = [f for f in case.facts if f.reveals]
    assert revealing, "each case marks the facts that tell how it turned out"
    for fact in case.facts:
        at = out.index(f"{fact.label} ")
        assert (at > last_part) == fact.reveals, fact.label
    assert out.index("The setting") < out.index("Part 1 of ")
    for person in case.people:
        at = out.index(" ".join(person.role.split()[:4]))  # the start of the role, on the row's first line
        assert (at > last_part) == person.reveals, person.name


def test_no_fact_before_the_parts_tells_the_outcome() -> None:
    from rct_workbook.model.content import load_content

    for case in load_content().vignettes.values():
        shown_first = [f for f in case.facts if not f.reveals]
        assert all(f.label not in ("Outcome", "Time to outcome") for f in shown_first), case.id
