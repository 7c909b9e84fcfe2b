"""The change drill: a content pack adds one question of every type to the assessment and a
fifth case, and every command still works with it, the new answers shown wherever answers are.

Nothing here names the built-in questions or cases: the pack is the shipped flow with the
drill's questions added, and what is checked is computed from the loaded content. A new
question type that the drill does not cover fails the first test, so the drill grows with
the registry.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml
from prompt_toolkit.input import PipeInput

from rct_workbook.flow.askers import example
from rct_workbook.flow.questions import applies, resolve
from rct_workbook.journal.handout import reflection
from rct_workbook.model.answers import Ask
from rct_workbook.model.content import Content, load_content
from rct_workbook.model.question_types import QUESTION_TYPES, RATING_MAX, short_label
from rct_workbook.model.stamps import builtin_content_dir
from tests.flows import full_run_keys, journal_files, keys_of, reflection_script, script
from tests.helpers import Run, Tree

#: The fifth case: invented, as a trainer's pack would add one.
CASE = "rowan"

#: One question of each type, with what that type needs besides a prompt.
EXTRAS: dict[str, dict[str, Any]] = {
    "text": {"example": "A drill line"},
    "long_text": {"example": "A drill paragraph about the ward"},
    "choice": {
        "choices": [{"value": "drill-one", "label": "Drill choice one"}, {"value": "drill-two", "label": "Drill two"}],
        "example": "drill-two",
    },
    "multi": {
        "choices": [{"value": "drill-a", "label": "Drill tick A"}, {"value": "drill-b", "label": "Drill tick B"}],
        "example": ["drill-a", "drill-b"],
    },
    "rating": {"low_label": "Drill low", "high_label": "Drill high", "example": 4},
    "yes_no": {"example": False},
    "repeat": {
        "max_items": 2,
        "fields": [
            {"id": "what", "type": "text", "prompt": "What drill step?", "example": "A drill step"},
            {"id": "when", "type": "text", "prompt": "When?", "required": False, "example": "Soon, in the drill"},
        ],
    },
}


REFERENCES = {
    "kind": "references",
    "items": [
        {
            "id": "change-drill",
            "cite": "Change drill (invented case), 2026",
            "authors": "rct-workbook contributors",
            "year": 2026,
            "title": "An invented case for the change drill",
            "used_for": "The Rowan case, invented for a test; not from the paper.",
        }
    ],
}


def drill_id(kind: str) -> str:
    return "drill-" + kind.replace("_", "-")


#: The ids of the drill's questions, one of each type.
DRILL_IDS = {drill_id(kind) for kind in EXTRAS}


def drill_prompt(kind: str) -> str:
    return f"Drill question of type {kind.replace('_', ' ')}?"


def drill_questions() -> list[dict[str, Any]]:
    return [
        {"id": drill_id(kind), "type": kind, "prompt": drill_prompt(kind), **extras} for kind, extras in EXTRAS.items()
    ]


def _case() -> dict[str, Any]:
    return {
        "kind": "vignette",
        "id": CASE,
        "title": "Rowan (an invented case for the change drill)",
        "protagonist": "Rowan, an invented nurse",
        "culture": "survival",
        "setting": "An invented ward",
        "facts": [{"label": "Note", "value": "Invented for a test; not from Hartling and Sparks (2002)"}],
        "people": [{"name": "Rowan", "role": "An invented nurse"}],
        "parts": [{"title": "A first part", "text": ["(Invented.) Rowan notices the team has stopped meeting."]}],
        "steps": {"read": "Rowan reads the setting.", "replace": "A small step."},
        "strategies": [{"strategy": "networking", "how": "Rowan asks two colleagues first."}],
        "outcome": "The drill ends open.",
        "discussion_questions": ["What would the drill group do?"],
        "reflection": drill_questions(),
        "cite": ["Change drill (invented case), 2026", "Hartling & Sparks, 2002"],
    }


@pytest.fixture
def pack(tree: Tree) -> Path:
    """The shipped assessment with the drill's questions as a section of their own before the
    last, and the fifth case."""
    flow = yaml.safe_load((builtin_content_dir() / "flows" / "assess.yaml").read_text(encoding="utf-8"))
    section = {"id": "drill", "title": "The drill", "questions": drill_questions()}
    flow["sections"].insert(len(flow["sections"]) - 1, section)
    dump = yaml.safe_dump
    return tree(
        {
            "flows/assess.yaml": dump(flow, allow_unicode=True),
            f"vignettes/{CASE}.yaml": dump(_case(), allow_unicode=True),
            "references.yaml": dump(REFERENCES, allow_unicode=True),
        }
    )


def _asks(content: Content, command: str) -> list[Ask]:
    if command == "assess":
        return [a for s in content.flow("assess").sections for a in resolve(s.questions, content, s.id)]
    return list(resolve(content.vignette(command).reflection, content))


def _own_words(ask: Ask, value: Any) -> Any:
    """The template's example, with every text put in the person's own words (an example
    copied as it is would be refused)."""
    if ask.fields and isinstance(value, list):
        return [{f.id: _own_words(f, row.get(f.id)) for f in ask.fields} for row in value]
    return f"In my own words: {value}" if ask.kind.still_example(ask, value) else value


def answers_for(content: Content, command: str) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for ask in _asks(content, command):
        if applies(ask, answers):
            answers[ask.id] = _own_words(ask, example(ask))
    return answers


def _words(text: str) -> str:
    return " ".join(text.split())


def check_answers_in(content: Content, command: str, answers: dict[str, Any], *, screen: str, md: str) -> None:
    """Each drill answer, as its kind writes it, is on the screen (``journal show``) and in
    the Markdown export: line by line, wrapping aside."""
    screen, md = _words(screen), _words(md)
    for ask in _asks(content, command):
        if ask.id not in DRILL_IDS:
            continue
        value = answers[ask.id]
        for line in ask.kind.plain(ask, value).split("\n"):
            assert _words(line) in screen, (ask.id, line)
        for line in ask.kind.markdown(ask, value).split("\n"):
            assert _words(line) in md, (ask.id, line)


def test_the_drill_covers_every_question_type() -> None:
    assert set(EXTRAS) == set(QUESTION_TYPES)


def test_the_drill_pack_is_valid_content(run: Run, pack: Path) -> None:
    result = run("content", "validate", str(pack))
    assert result.exit_code == 0, result.output
    content = load_content([pack])
    assert CASE in content.vignettes and len(content.vignettes) == len(load_content().vignettes) + 1
    ids = [a.id for a in _asks(content, "assess")]
    assert {drill_id(k) for k in EXTRAS} <= set(ids)


def test_the_whole_cli_works_with_a_new_question_of_each_type_and_a_fifth_case(
    run: Run, pack: Path, rct_home: Path, tmp_path: Path
) -> None:
    def rct(*args: str) -> str:
        result = run("--content", str(pack), *args)
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    content = load_content([pack])

    # The template asks every new question, with what its type takes.
    template = rct("assess", "--template")
    for kind in EXTRAS:
        assert drill_prompt(kind) in template
    assert set(yaml.safe_load(template)) >= {drill_id(k) for k in EXTRAS}

    # Answered from a file, the entry holds every new answer as its kind stores it.
    answers = answers_for(content, "assess")
    (tmp_path / "assess.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    rct("assess", "--answers", str(tmp_path / "assess.yaml"))
    [entry] = journal_files(rct_home)
    saved = json.loads(rct("journal", "show", entry.stem, "--json"))
    for kind in EXTRAS:
        assert saved["answers"][drill_id(kind)] == answers[drill_id(kind)]

    # Listed, shown, exported as Markdown and as the printed handout: the new answers appear.
    assert entry.stem in rct("journal", "list")
    shown = rct("journal", "show", entry.stem)
    md = rct("journal", "export", entry.stem, "--keep-flagged")
    rct("journal", "export", entry.stem, "--keep-flagged", "--format", "html", "--out", str(tmp_path / "h.html"))
    handout = (tmp_path / "h.html").read_text(encoding="utf-8")
    check_answers_in(content, "assess", answers, screen=shown, md=md)
    for ask in _asks(content, "assess"):  # each new answer has its place on the page (fitted to it)
        if ask.id in DRILL_IDS:
            assert f"<b>{html.escape(short_label(ask.question.prompt))}.</b>" in handout, ask.id
    assert rct("progress")

    # The fifth case: listed, read, reflected on from a file, shown.
    assert CASE in rct("vignette")
    assert CASE in {v["id"] for v in json.loads(rct("vignette", "--json"))}
    assert "Rowan notices the team has stopped meeting" in " ".join(rct("vignette", CASE, "--no-reflect").split())
    case_template = rct("vignette", CASE, "--template")
    assert set(yaml.safe_load(case_template)) == {drill_id(k) for k in EXTRAS}
    reflection = answers_for(content, CASE)
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(reflection, allow_unicode=True), encoding="utf-8")
    rct("vignette", CASE, "--answers", str(tmp_path / "case.yaml"))
    [case_entry] = [p for p in journal_files(rct_home) if p != entry]
    case_shown = rct("journal", "show", case_entry.stem)
    case_md = rct("journal", "export", case_entry.stem, "--keep-flagged")
    check_answers_in(content, CASE, reflection, screen=case_shown, md=case_md)

    # The rest of the kit: learn, the workshop plan for the case, the worksheets.
    assert rct("learn")
    plan = rct("workshop", "plan", CASE, "--participants", "12", "--minutes", "90")
    assert "Rowan (an invented case for the change drill)" in plan
    assert "The case is the paper's" not in plan
    sheet = rct("worksheet", "assess")
    case_sheet = rct("worksheet", "vignette", CASE)
    for kind in EXTRAS:
        assert drill_prompt(kind) in sheet
        assert drill_prompt(kind) in case_sheet


def test_each_new_answer_on_the_handout_page_is_its_kind_s(pack: Path) -> None:
    """What the printed page shows of each new answer comes from its kind: ticks as a list of
    their labels, a rating on its scale with its ends, the rest as one line of its words."""
    content = load_content([pack])
    answers = answers_for(content, "assess")
    shown = {a.id: reflection(a, answers[a.id], lambda a: a.id) for a in _asks(content, "assess") if a.id in DRILL_IDS}
    multi = shown[drill_id("multi")]
    assert multi is not None and multi.listed and multi.items == ("Drill tick A", "Drill tick B")
    rating = shown[drill_id("rating")]
    assert rating is not None and rating.items == (f"4 of {RATING_MAX} (1 = Drill low; {RATING_MAX} = Drill high)",)
    for kind in ("text", "long_text", "choice", "yes_no", "repeat"):
        found = shown[drill_id(kind)]
        assert found is not None and not found.listed and len(found.items) == 1 and "\n" not in found.items[0]
    assert shown[drill_id("repeat")].items[0].startswith("1. What drill step: In my own words: A drill step")  # type: ignore[union-attr]


@pytest.mark.parametrize("command", [("vignette",), ("workshop", "plan"), ("worksheet", "vignette")], ids=" ".join)
def test_help_names_the_cases_of_the_loaded_content(run: Run, pack: Path, command: tuple[str, ...]) -> None:
    """The cases a command's help offers are those loaded, a pack's with them; when the
    content cannot be loaded, help still works and says where the cases are listed."""
    built_in = ", ".join(load_content().vignettes)
    with_pack = ", ".join(load_content([pack]).vignettes)
    assert CASE in with_pack and built_in in with_pack

    def case_help(*args: str) -> str:
        result = run(*args, *command, "--help")
        assert result.exit_code == 0, result.output
        return " ".join(result.stdout.split("Arguments:")[1].split("Options:")[0].split())

    assert f"one of {built_in}." in case_help()
    assert f"one of {with_pack}." in case_help("--content", str(pack))
    assert "one of those rct vignette lists." in case_help("--content", str(pack / "missing"))


def test_what_is_said_of_where_a_case_comes_from_follows_its_first_citation(run: Run, pack: Path) -> None:
    """A fifth case that is not the paper's is never called the paper's: not in the list of
    cases, not in a workshop plan, whether a pack adds it or it is shipped."""
    from dataclasses import replace

    from rct_workbook.render.workshop_view import plan_markdown
    from rct_workbook.workshop import plan_workshop

    content = load_content([pack])
    papers = [v.id for v in content.vignettes.values() if content.from_the_paper(v)]
    others = len(content.vignettes) - len(papers)
    assert CASE not in papers and others >= 1
    listed = " ".join(run("--content", str(pack), "vignette").stdout.split())
    elsewhere = "1 from another source" if others == 1 else f"{others} from other sources"
    assert f"{len(papers)} from Hartling & Sparks (2002) and {elsewhere}" in listed

    # The same case shipped with the workbook rather than in a pack.
    shipped = replace(
        content,
        origins={**content.origins, ("vignette", CASE): replace(content.origins[("vignette", CASE)], pack="built-in")},
    )
    said = " ".join(plan_markdown(plan_workshop(shipped, CASE, 12, 90, ()), shipped).split())
    assert "The case is not the paper's: it comes from Change drill (invented case), 2026." in said
    assert "The case is the paper's" not in said
    for case in papers:
        said = " ".join(plan_markdown(plan_workshop(content, case, 12, 90, ()), content).split())
        assert "The case is the paper's" in said


def test_a_person_answers_the_new_questions_at_the_keyboard(
    terminal: PipeInput, run: Run, pack: Path, rct_home: Path
) -> None:
    """The keystroke script is built from the flow (tests/flows.py), so the same person
    answers the drill's flow at prompts, new questions included, with no test changed."""
    content = load_content([pack])
    steps, expected = script(content)
    assert {drill_id(k) for k in EXTRAS} <= {answer_id for _, _, answer_id in steps}
    terminal.send_text(full_run_keys(content))
    result = run("--content", str(pack), "assess")
    assert result.exit_code == 0, result.output
    [entry] = journal_files(rct_home)
    assert frontmatter.load(str(entry))["answers"] == expected
    for kind in EXTRAS:
        assert drill_prompt(kind) in result.stdout


def test_what_rules_may_do_with_an_answer_follows_what_its_kind_stores(pack: Path) -> None:
    """numeric, has_rows and free_text (what content validation lets a rule do with an answer:
    take a mean, test each row, quote it) say what the kind's answers are."""
    content = load_content([pack])
    for ask in _asks(content, "assess"):
        if ask.id not in DRILL_IDS:
            continue
        value = ask.kind.example(ask)
        assert ask.kind.numeric == (isinstance(value, int) and not isinstance(value, bool)), ask.id
        assert ask.kind.has_rows == (isinstance(value, list) and all(isinstance(v, dict) for v in value)), ask.id
        assert ask.kind.free_text == (ask.kind.free_texts(ask.question, value) == [value]), ask.id


def test_a_person_reflects_on_the_fifth_case_at_the_keyboard(
    terminal: PipeInput, run: Run, pack: Path, rct_home: Path
) -> None:
    """The reflection's keystrokes come from the case's own questions (tests/flows.py), so the
    same person reflects on a new case, a question of every type, with no test changed."""
    content = load_content([pack])
    steps, expected = reflection_script(CASE, content)
    terminal.send_text(keys_of(steps))
    result = run("--content", str(pack), "vignette", CASE)
    assert result.exit_code == 0, result.output
    [entry] = journal_files(rct_home)
    post = frontmatter.load(str(entry))
    assert post["vignette"] == CASE and post["answers"] == expected
