"""The content says the paper in its own words, or quotes it: no run of ten of the paper's
words stands outside quotation marks (tests/unit/verbatim.py says what counts as the same
words), and the corrections of issue #20 hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rct_workbook.model.content import Content, load_content
from rct_workbook.model.stamps import builtin_content_dir
from tests.unit.verbatim import RUN, paper_hashes, runs, strings, tokens

PAPER = paper_hashes()
FILES = sorted(builtin_content_dir().rglob("*.yaml"))


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_hashes_recognise_the_papers_words_and_only_them() -> None:
    # The authors' sentence the flow quotes (in quotation marks there, so allowed).
    support = "One must have a system of support established before engaging in these steps."
    assert runs(support, PAPER) == [" ".join(tokens(support))]
    assert runs(f"“{support}”", PAPER) == []
    assert runs("One must have a network of people in place before taking any of these steps.", PAPER) == []
    # British spelling does not hide a copied run.
    assert runs(
        "critically analysing and transforming the systems of power, domination, subordination and stratification",
        PAPER,
    )
    assert len(PAPER) > 7000 and RUN == 10


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(builtin_content_dir())) for p in FILES])
def test_no_run_of_the_papers_words_outside_quotation_marks(path: Path) -> None:
    found = [
        f"{where}: {run}"
        for where, text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        for run in runs(text, PAPER)
    ]
    assert not found, "\n".join(found)


def test_small_wins_are_meyerson_and_fletchers_and_the_groundwork_the_authors(content: Content) -> None:
    rule = content.readings["small-wins"]
    text = words(rule.response)
    assert "Meyerson and Fletcher's incremental changes" in text
    assert "The authors add that small steps can lay the groundwork for larger change" in text


def test_degrading_the_other_cites_the_authors_not_miller(content: Content) -> None:
    assert content.opposition["degrading-the-other"].cite == ("Hartling & Sparks, 2002",)


def test_the_history_help_credits_the_clinic_case_for_empathy(content: Content) -> None:
    history = next(q for s in content.flow("assess").sections for q in s.questions if q.id == "history")
    help_text = words(history.help or "")
    assert "strategies of survival (Miller & Stiver, 1997)" in help_text
    assert "the paper's lesson from its clinic case (Hartling & Sparks, 2002)" in help_text


def test_susan_is_read_not_reported(content: Content) -> None:
    text = words(content.readings["strategy-norming"].response)
    assert "confront" not in text and "can be read as norming" in text


def test_two_years_is_said_of_paula_and_susans_task_force_only(content: Content) -> None:
    text = words(content.readings["carried-forward"].response)
    assert "Paula's efforts and Susan's task force each took about two years" in text
    assert "own cases" not in text


def test_the_clinicians_identity_is_the_workbooks_extension(content: Content) -> None:
    text = words(" ".join(content.concepts["power-and-position"].body))
    assert "therefore" not in text
    assert "This workbook extends that to the clinician's own place" in text


def test_figures_are_labelled_after_the_paper_and_the_additions_marked(content: Content) -> None:
    for number, culture in enumerate(content.cultures.values(), 3):
        assert culture.figure == f"after the paper's Figure {number}"
        said = words(" ".join(culture.description))
        assert f"follow the paper's Figure {number}" in said and "this workbook's" in said


def test_a_content_note_comes_before_the_clinic_case(content: Content) -> None:
    text = words(content.readings["history-given"].response)
    assert text.index("Content note:") < text.index("death by suicide")
