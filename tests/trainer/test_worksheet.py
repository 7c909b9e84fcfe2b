"""rct worksheet: every question of the flow is on the paper version, with its help."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from rct_workbook.flow.questions import resolve
from rct_workbook.model.content import load_content
from rct_workbook.render.worksheet_view import worksheet_html, worksheet_markdown
from rct_workbook.worksheet import assess_worksheet, vignette_worksheet
from tests.helpers import Run, Tree

CONTENT = load_content()


def _plain_markdown(text: str) -> str:
    """Markdown with its escapes undone and spaces collapsed, to look for content text in."""
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


def _plain_html(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _flow_asks(content):  # type: ignore[no-untyped-def]
    flow = content.flow("assess")
    return [a for s in flow.sections for a in resolve(s.questions, content, s.id)]


def _expected_texts(asks):  # type: ignore[no-untyped-def]
    for ask in asks:
        q = ask.question
        # A prompt is a heading in Markdown, which drops a trailing full stop (MD026).
        yield " ".join(q.prompt.split()).rstrip(".")
        if q.help:
            yield " ".join(q.help.split())
        for choice in ask.choices:
            yield " ".join(choice.label.split())
        if q.low_label:
            yield " ".join(q.low_label.split())
            yield " ".join((q.high_label or "").split())
        yield from _expected_texts(ask.fields)


def test_every_question_of_the_assessment_is_on_the_worksheet() -> None:
    sheet = assess_worksheet(CONTENT)
    asks = _flow_asks(CONTENT)
    assert [a.id for a in sheet.asks()] == [x.id for a in asks for x in (a, *a.fields)]
    md = _plain_markdown(worksheet_markdown(sheet))
    page = _plain_html(worksheet_html(sheet))
    for expected in _expected_texts(asks):
        assert expected in md, expected
        assert expected in page, expected
    for section in CONTENT.flow("assess").sections:
        assert section.title in md and section.title in page


@pytest.mark.parametrize("case", list(CONTENT.vignettes))
def test_every_reflection_question_of_a_case_is_on_its_worksheet(case: str) -> None:
    vignette = CONTENT.vignette(case)
    sheet = vignette_worksheet(CONTENT, case)
    asks = resolve(vignette.reflection, CONTENT)
    md = _plain_markdown(worksheet_markdown(sheet))
    page = _plain_html(worksheet_html(sheet))
    for expected in _expected_texts(asks):
        assert expected in md and expected in page, expected
    for part in vignette.parts:
        for paragraph in part.text:
            assert " ".join(paragraph.split()) in md
    if vignette.care_note:
        assert " ".join(vignette.care_note.split()) in page


def test_answer_space_fits_each_kind_of_question() -> None:
    page = worksheet_html(assess_worksheet(CONTENT))
    ratings = [a for a in _flow_asks(CONTENT) if a.type == "rating"]  # the five good things, wellbeing…
    assert len(ratings) >= 5
    assert page.count('<span class="circle">1</span>') == len(ratings)
    assert '<ul class="choices few"><li>Yes</li><li>No</li></ul>' in page  # few short choices: one line
    assert page.count('<div class="box"></div>') == sum(1 + 0 for a in _flow_asks(CONTENT) if a.type == "long_text")
    steps = next(a for a in _flow_asks(CONTENT) if a.type == "repeat")
    assert page.count('<tr><th class="n">') == steps.question.max_items  # a row of the table for each
    md = worksheet_markdown(assess_worksheet(CONTENT))
    assert "*Tick any that apply, or none.*" in md
    assert "(optional; private: yours to keep, not for sharing)" in md
    sheet = assess_worksheet(CONTENT)
    numbers = {item.ask.id: item.number for block in sheet.blocks for item in block.items}
    assert f"Answer only if you answered 'No' to question {numbers['support-in-place']}." in md


def test_a_question_added_by_a_pack_is_on_the_worksheet(tree: Tree) -> None:
    """The worksheet is made from the flow as loaded, so a pack's change shows at once."""
    flow = (Path(__file__).resolve().parents[2] / "content" / "flows" / "assess.yaml").read_text()
    added = flow.replace(
        "      - id: risks\n",
        '      - id: a-packs-own\n        type: text\n        prompt: "Which colleague models this work for you?"\n'
        '        help: "A pack\'s own question."\n      - id: risks\n',
    )
    folder = tree({"flows/assess.yaml": added})
    sheet = assess_worksheet(load_content([folder]))
    assert "a-packs-own" in [a.id for a in sheet.asks()]
    assert "Which colleague models this work for you?" in worksheet_markdown(sheet)


def test_cli_worksheets(run: Run, tmp_path: Path) -> None:
    result = run("worksheet", "assess")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Worksheet: A four-step reading of your work setting\n")
    out = tmp_path / "paula.html"
    result = run("worksheet", "vignette", "paula", "--out", str(out))
    assert result.exit_code == 0 and result.stderr == f"Wrote the worksheet to {out}.\n"
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "Worksheet: Paula: a hierarchical culture" in page
    for needle in ("http:", "https:", "//", "src=", "<script", "url("):
        assert needle not in page
    result = run("worksheet", "vignette", "nobody")
    assert result.exit_code == 2 and result.stderr.startswith("rct: no vignette called 'nobody'")
    result = run("worksheet", "assess", "--out", str(tmp_path / "missing" / "x.md"))
    assert result.exit_code == 2 and result.stderr == f"rct: the folder {tmp_path / 'missing'} does not exist\n"
