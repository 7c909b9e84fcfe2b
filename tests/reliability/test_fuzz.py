"""Property-based fuzzing: arbitrary text and YAML-shaped data give a valid result or a clear error.

The default profile runs a few dozen examples per target; `--hypothesis-profile=long`
runs 10,000 (see SECURITY.md for the counts run and what they found).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from rct_workbook.errors import AnswersError
from rct_workbook.flow.askers import read_answers
from rct_workbook.flow.questions import check_all
from rct_workbook.journal.deidentify import Redactor, scan
from rct_workbook.journal.export import build_export
from rct_workbook.journal.index import Row
from rct_workbook.journal.store import BadEntry, parse_entry
from rct_workbook.model.content import Problem, validate_pack
from tests.journal.helpers import ASKS, CONTENT

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
)
yaml_data = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
answer_like = st.dictionaries(st.sampled_from([a.id for a in ASKS] + ["stray"]), yaml_data, max_size=12)
no_surrogates = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
local = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@given(answer_like)
def test_answers_checker(data: dict[str, Any]) -> None:
    try:
        result = check_all(ASKS, data)
    except AnswersError as exc:
        assert exc.exit_code == 2 and exc.details
        return
    assert set(result) <= {a.id for a in ASKS}


@local
@given(st.one_of(no_surrogates, yaml_data.map(lambda d: yaml.safe_dump(d, allow_unicode=True))))
def test_answers_file_reader(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            read_answers(path, ASKS)
        except AnswersError as exc:
            assert exc.message


@local
@given(
    st.one_of(no_surrogates, yaml_data.map(lambda d: yaml.safe_dump(d, allow_unicode=True))),
    st.sampled_from(["vignette", "glossary", "culture", "flow", None]),
)
def test_content_pack_loader(text: str, kind: str | None) -> None:
    if kind is not None and not text.lstrip().startswith(("-", "[", "{")):
        text = f"kind: {kind}\n{text}"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "x.yaml").write_text(text, encoding="utf-8")
        problems = validate_pack(Path(folder))
    assert all(isinstance(p, Problem) and str(p) for p in problems)


@given(st.one_of(no_surrogates, no_surrogates.map(lambda t: f"---\nformat: 1\n{t}\n---\nbody")))
def test_front_matter_parser(text: str) -> None:
    try:
        entry = parse_entry(text)
    except BadEntry as exc:
        assert str(exc)
        return
    assert isinstance(entry.answers, dict) and entry.id


words = st.text(st.characters(whitelist_categories=("Ll", "Lu")), min_size=3, max_size=12).filter(
    lambda w: w.casefold() not in {"person", "email", "phone", "link", "date", "number", "postcode", "address"}
)


@given(no_surrogates, st.lists(words, min_size=1, max_size=4))
def test_redactor(text: str, names: list[str]) -> None:
    redactor = Redactor(names)
    out = redactor.text(text + " " + " ".join(names))
    for name in names:
        if name.casefold() in {n.casefold() for n in names if n != name and name.casefold() in n.casefold()}:
            continue
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", out, re.IGNORECASE), (name, out)
    scan([("fuzz", text)], names)  # the scanner never fails either


@local
@given(no_surrogates.filter(lambda t: t.strip()), no_surrogates.filter(lambda t: t.strip()))
def test_markdown_export(long_text: str, line: str) -> None:
    line = " ".join(line.split())
    assume(line)
    base = {a.id: None for a in ASKS}
    base.update(
        {
            "support-in-place": True,
            "role": line,
            "organisation": "other",
            **{f"good-thing-{g}": 3 for g in CONTENT.good_things},
            "risks": long_text,
            "vision": long_text,
            "sustain": long_text,
            "small-steps": [{"what": line, "by-when": line, "risk": "low", "evidence": line, "with-whom": line}],
        }
    )
    try:
        answers = check_all(ASKS, base)
    except AnswersError:
        return
    row = Row(
        "x.md",
        "20260101-000000-assess-0000",
        "2026-01-01T00:00:00+00:00",
        "assess",
        "A reading",
        None,
        None,
        3.0,
        answers,
        None,
        [],
    )
    doc = build_export(CONTENT, [row], Redactor([line[:20]] if len(line) >= 3 else [])).markdown
    tokens = MarkdownIt("commonmark").parse(doc)
    assert not any(t.type in ("html_inline", "fence", "code_block") for t in tokens)
    assert [t.type for t in tokens].count("html_block") == len(
        [t for t in tokens if t.type == "html_block" and t.content.startswith("<!-- rct-")]
    )
