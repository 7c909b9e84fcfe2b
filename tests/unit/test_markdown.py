from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from rct_workbook.model.commonmark import escape_line, escape_text

md = MarkdownIt("commonmark")


def blocks(source: str) -> list[str]:
    return [t.type for t in md.parse(source) if t.level == 0]


def rendered_text(source: str) -> str:
    """The text a reader sees: inline children's content joined."""
    out = []
    for token in md.parse(source):
        if token.type == "inline":
            for child in token.children or []:
                if child.type == "text":
                    out.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    out.append("\n")
            out.append("\n\n")
    return "".join(out).strip("\n")


@pytest.mark.parametrize(
    "typed",
    [
        "---",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list",
        "<script>alert(1)</script>",
        "<!-- comment -->",
        "    not code",
        "```\nnot a fence\n```",
        "a | table | row",
        "[link](http://example.com)",
        "![img](x.png)",
        "*emph* _emph_ **strong**",
        "title\n===",
        "&amp; &copy;",
        "kind: injected\nanswers: {}",
        "back\\slash at end\\",
    ],
)
def test_typed_text_stays_one_paragraph_of_plain_text(typed: str) -> None:
    source = escape_text(typed)
    types = blocks(source)
    assert set(types) <= {"paragraph_open", "paragraph_close", "inline"}, types
    kinds = {c.type for t in md.parse(source) if t.type == "inline" for c in (t.children or [])}
    assert kinds <= {"text", "softbreak", "hardbreak"}, kinds
    expected = "\n".join(line.strip() for line in typed.split("\n") if line.strip())
    assert rendered_text(source) == expected


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Cf")), max_size=200))
def test_any_line_renders_as_typed(typed: str) -> None:
    line = typed.replace("\n", " ").replace("\r", " ")
    source = escape_line(line) or "x"
    for token in md.parse(source):
        assert token.type in ("paragraph_open", "paragraph_close", "inline")
        for child in token.children or []:
            assert child.type in ("text", "softbreak", "hardbreak")
    if line.strip():
        assert rendered_text(source) == line.strip()
