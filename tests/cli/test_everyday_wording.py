"""Answers as people write them, and wording that counts (#24): YAML dates where a date is
meant, "by" only where it reads, computed plurals, a calendar with nothing to hold, and a
page written with one line and no view before it."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from rct_workbook.dates import when_phrase
from rct_workbook.flow.drafts import ask_resume_or_discard
from rct_workbook.model.answers import check, plural, resolve
from rct_workbook.model.content import load_content
from rct_workbook.model.schema import Question


@pytest.mark.parametrize(
    ("typed", "reads"),
    [
        ("2027-02-10", "by 2027-02-10"),
        ("Friday", "by Friday"),
        ("the end of March", "by the end of March"),
        ("within a month", "within a month"),
        ("After the budget meeting", "After the budget meeting"),
        ("next week", "next week"),
        ("by Friday", "by Friday"),
        ("  in   two weeks ", "in two weeks"),
    ],
)
def test_by_when_reads_after_a_step(typed: str, reads: str) -> None:
    assert when_phrase(typed) == reads


def test_a_yaml_date_is_accepted_where_text_is_asked() -> None:
    (ask,) = resolve([Question(id="by-when", type="text", prompt="By when?")], load_content())
    assert check(ask, _dt.date(2027, 2, 10)) == "2027-02-10"
    with pytest.raises(ValueError, match="expected text"):
        check(ask, 12)


def assess_from(run: Any, tmp_path: Path, answers: dict[str, Any]) -> Any:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return run("assess", "--answers", str(path))


def test_an_unquoted_date_in_an_answers_file_plans_a_dated_step(run: Any, filled_answers: Any, tmp_path: Path) -> None:
    text = filled_answers("assess")
    answers = yaml.safe_load(text)
    answers["small-steps"][0]["by-when"] = _dt.date(2027, 2, 10)  # dumped unquoted: a YAML date
    result = assess_from(run, tmp_path, answers)
    assert result.exit_code == 0, result.stderr
    steps = run("steps", "--json")
    assert "2027-02-10" in steps.stdout


def test_a_calendar_with_no_dated_step_or_check_in_says_so(run: Any, filled_answers: Any, tmp_path: Path) -> None:
    answers = yaml.safe_load(filled_answers("assess"))
    for step in answers["small-steps"]:
        step["by-when"] = "when the rota allows"
    answers.pop("next-check-in", None)
    assert assess_from(run, tmp_path, answers).exit_code == 0
    out = tmp_path / "steps.ics"
    result = run("steps", "--ics", str(out))
    assert result.exit_code == 0, result.stderr
    assert "nothing for a calendar" in result.stderr and "was not written" in result.stderr
    assert not out.exists()


def test_progress_html_writes_the_page_and_says_one_line(run: Any, filled_answers: Any, tmp_path: Path) -> None:
    assert assess_from(run, tmp_path, yaml.safe_load(filled_answers("assess"))).exit_code == 0
    page = tmp_path / "p.html"
    result = run("progress", "--html", str(page))
    assert result.exit_code == 0, result.stderr
    assert page.is_file()
    assert result.stdout == ""  # no view of the progress (and so no pager) before it
    assert result.stderr == f"Wrote the progress page to {page}.\n"


@pytest.mark.parametrize("count", [1, 2])
def test_an_unfinished_draft_counts_its_answers(count: int) -> None:
    asked: list[str] = []

    class Asker:
        def choose(self, prompt: str, options: Any, default: Any = None) -> str:
            asked.append(prompt)
            return "resume"

    assert ask_resume_or_discard(Asker(), "2026-03-01T10:00:00", count) is True
    assert f"({plural(count, 'answer')})" in asked[0]
    assert "(1 answers)" not in asked[0]
