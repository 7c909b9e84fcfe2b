"""Whatever a person types, the saved entry parses back to exactly the answers given."""

from __future__ import annotations

from typing import Any

import frontmatter
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from rct_workbook.flow.questions import check_all, resolve
from rct_workbook.journal.entry import document
from rct_workbook.journal.reflection import assess_entry
from rct_workbook.journal.store import parse_entry
from rct_workbook.model.content import load_content
from rct_workbook.reading import read

CONTENT = load_content()
FLOW = CONTENT.flow("assess")
PLAN = [(s, resolve(s.questions, CONTENT, s.id)) for s in FLOW.sections]
ASKS = [a for _, asks in PLAN for a in asks]

# Any unicode except lone surrogates (which no terminal or file can carry as text).
typed = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300).filter(lambda t: t.strip())
one_line = typed.map(
    lambda t: (
        " ".join(t.replace("\r", " ").replace("\x85", " ").replace("\u2028", " ").replace("\u2029", " ").splitlines())
        or "x"
    )
).filter(lambda t: t.strip())

TRICKY = st.sampled_from(
    [
        "---",
        "# heading",
        "<script>x</script>",
        "key: value",
        "- list",
        "\r\n",
        "| a | b |",
        "[bold]x[/]",
        "\x1b[2J",
        "\u202e",
    ]
)


def answers_with(long_text: str, line: str) -> dict[str, Any]:
    base = {
        "support-in-place": True,
        "role": line,
        "organisation": "other",
        **{f"good-thing-{g}": 3 for g in CONTENT.good_things},
        "risks": long_text,
        "vision": long_text,
        "sustain": long_text + "\n\n" + long_text,
        "small-steps": [{"what": line, "by-when": line, "risk": "low", "evidence": line, "with-whom": line}],
        "one-true-thing": long_text,
    }
    return check_all(ASKS, base)


@given(
    long_text=st.one_of(typed, st.lists(st.one_of(TRICKY, typed), min_size=1, max_size=5).map("\n".join)), line=one_line
)
def test_entry_round_trip(long_text: str, line: str) -> None:
    assume(long_text.strip())
    answers = answers_with(long_text, line)
    entry = assess_entry(CONTENT, FLOW, FLOW.sections, ASKS, answers, read(CONTENT, answers))
    text = document(entry)
    again = parse_entry(text)
    assert again.answers == answers
    assert again.kind == "assess" and again.id == entry.id
    post = frontmatter.loads(text)
    assert post["answers"] == answers
    # The body keeps its structure: only the headings the entry itself writes.
    headings = [t.content for t in _inline_after("heading_open", post.content)]
    assert len(headings) == len(_inline_after("heading_open", entry.body))
    assert not any(
        t.type in ("html_block", "html_inline", "hr", "fence", "code_block")
        for t in MarkdownIt("commonmark").parse(post.content)
    )


def _inline_after(kind: str, source: str) -> list[Any]:
    tokens = MarkdownIt("commonmark").parse(source)
    return [tokens[i + 1] for i, t in enumerate(tokens) if t.type == kind]
