"""Corrections against the paper's text, held so that a later content edit cannot undo them.

Each test names what the paper says (Hartling & Sparks, 2002) and checks the content says
the same, attributed to the right author.
"""

from __future__ import annotations

import re

import pytest

from rct_workbook.model.content import Content, load_content
from tests.helpers import Run


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def words(text: str) -> str:
    return " ".join(text.split())


def flow_question(content: Content, qid: str) -> str:
    q = next(q for s in content.flow("assess").sections for q in s.questions if q.id == qid)
    return words(f"{q.prompt} {q.help or ''}")


def test_support_first_is_the_authors_point_and_networking_is_fletchers_fourth(content: Content) -> None:
    support = next(s for s in content.flow("assess").sections if s.id == "support")
    assert "One must have a system of support established before engaging in these steps" in words(support.intro or "")
    help_text = flow_question(content, "support-first-step")
    assert "first small step" not in help_text
    assert "the fourth of Fletcher's (1999) strategies" in help_text


def test_small_steps_attributions(content: Content) -> None:
    replace = next(s for s in content.flow("assess").sections if s.id == "replace")
    intro = words(replace.intro or "")
    assert '"Sometimes we can take giant leaps," the authors write' in intro
    assert 'Meyerson and Fletcher (2000) developed the idea of "small wins" in business settings' in intro
    assert '"test the waters" and adjust quickly (Hartling & Sparks, 2002)' in intro
    for text in (
        words(" ".join(content.steps["replace"].details)),
        words(content.strategies["small-steps"].description),
    ):
        assert "business settings" in text
        assert "giant leaps" in text


@pytest.mark.parametrize(
    "text",
    [
        lambda c: " ".join(c.concepts["good-conflict"].body),
        lambda c: c.opposition["respectful-empathic-conflict"].description,
        lambda c: c.strategies["waging-good-conflict"].description,
        lambda c: c.glossary["waging-good-conflict"].definition,
        lambda c: " ".join(c.steps["oppose"].details),
    ],
)
def test_waging_good_conflict_is_millers_phrase_and_the_gloss_is_the_authors(content: Content, text) -> None:  # type: ignore[no-untyped-def]
    said = words(text(content))
    assert "also means" in said
    assert "Miller" in said and "1976" in said
    assert "authors" in said


@pytest.mark.parametrize("term", ["mutual-empathy", "mutual-empowerment", "mutuality"])
def test_terms_the_paper_does_not_define_are_general_rct(content: Content, term: str) -> None:
    assert content.glossary[term].cite == ("RCT, general usage",)


def test_sense_of_worth_is_about_oneself_and_others(content: Content) -> None:
    prompt = flow_question(content, "good-thing-worth")
    assert "with regard to yourself and others" in prompt
    assert "valued" not in prompt


def test_bands_are_the_workbooks_own_and_figures_are_after_the_paper(content: Content, run: Run) -> None:
    body = words(" ".join(content.the_continuum.body))
    assert "gives no cut-offs" in body and "are its own" in body
    out = words(run("--plain", "learn", "continuum").stdout + run("--plain", "learn", "framework").stdout)
    out += words(run("--plain", "learn", "opposition").stdout + run("--plain", "learn", "cultures").stdout)
    for figure in ("Figure 1", "Figure 2", "Figure 3", "Figure 6"):
        assert f"after the paper's {figure}" in out.replace("After the", "after the"), figure
        assert not re.search(rf"\({figure}\)", out), figure


def test_the_clinic_case_is_not_typed_nor_linked_to_jordan(content: Content) -> None:
    clinic = content.vignette("clinic")
    assert clinic.culture is None
    assert "Jordan, 2002" not in clinic.cite
    assert clinic.strategies == ()
    assert "does not type this setting as one of its three culture types" in words(clinic.outcome)


def test_vignette_slips_are_gone(content: Content) -> None:
    paula = words(" ".join(content.vignette("paula").steps.values()))
    agnes = words(" ".join(content.vignette("agnes").steps.values()))
    assert "trusted" not in paula
    assert "stifled" not in agnes


@pytest.mark.parametrize(
    ("concept", "phrase"),
    [
        ("power-and-position", "power, domination, subordination and stratification"),
        ("power-and-position", "Jordan (2002)"),
        ("courage", "professional and personal courage"),
        ("several-settings", "many therapists work in multiple settings"),
        ("ongoing-conversation", "start of an ongoing conversation"),
    ],
)
def test_missing_parts_of_the_model_are_there(content: Content, concept: str, phrase: str) -> None:
    assert phrase in words(" ".join(content.concepts[concept].body))


def test_missing_parts_are_asked_too(content: Content) -> None:
    asked = {q.id for s in content.flow("assess").sections for q in s.questions}
    assert {"wellbeing", "position", "other-settings", "disempowerment", "courage"} <= asked
    assert any("ongoing conversation" in q for q in content.flow("assess").discussion_questions)


def test_the_near_duplicate_conflict_practices_are_distinct(content: Content) -> None:
    hier = next(p for p in content.cultures["hierarchical"].indicators if p.id == "hier-conflict-submerged")
    pseudo = next(p for p in content.cultures["pseudo-relational"].indicators if p.id == "pseudo-conflict-avoided")
    assert "in power" in hier.text and "shaming" in hier.text
    assert "pleasant" in pseudo.text and "in power" not in pseudo.text
