from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.model import safe_yaml
from rct_workbook.model.safe_yaml import MAX_BYTES, YamlProblem, _may_hold_anchor, load_plain, load_yaml, read_yaml_file
from tests.helpers import alias_bomb

BOTH = pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "python"])


@BOTH
def test_plain_data_with_lines(pure: bool) -> None:
    loaded = load_yaml("a: 1\nb:\n  - x\n  - c: text\n", pure=pure)
    assert loaded.data == {"a": 1, "b": ["x", {"c": "text"}]}
    assert loaded.line_of(("a",)) == 1
    assert loaded.line_of(("b", 1, "c")) == 4
    assert loaded.line_of(("b", 1, "missing")) == 4


@BOTH
@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            "a: !!python/object/apply:os.system ['true']\n",
            "tag:yaml.org,2002:python/object/apply:os.system is not allowed",
            1,
        ),
        ("a: !!binary aGk=\n", "tag:yaml.org,2002:binary is not allowed", 1),
        ("x: 1\nb: &anchor [1]\n", "anchors (&name) are not allowed", 2),
        ("a: 1\nb: *x\n", "aliases (*name) are not allowed", 2),
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first at line 1)", 3),
        ("<<: {a: 1}\n", "tag:yaml.org,2002:merge is not allowed", 1),
        ("? [a]\n: b\n", "a mapping key must be a plain value", 1),
        ("a: 1\n---\nb: 2\n", "only one YAML document is allowed in a file", 2),
        ("a: [1, 2\n", "", None),
    ],
)
def test_refused(pure: bool, text: str, message: str, line: int | None) -> None:
    with pytest.raises(YamlProblem) as info:
        load_yaml(text, pure=pure)
    assert message in info.value.message
    if line is not None:
        assert info.value.line == line


@BOTH
def test_python_tag_runs_nothing(pure: bool, tmp_path: Path) -> None:
    sentinel = tmp_path / "sentinel"
    text = f"a: !!python/object/apply:os.system ['touch {sentinel}']\n"
    with pytest.raises(YamlProblem):
        load_yaml(text, pure=pure)
    assert not sentinel.exists()


@BOTH
def test_alias_bomb_refused_fast_and_small(pure: bool) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(YamlProblem, match="anchors"):
        load_yaml(alias_bomb(), pure=pure)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 50 * 1024 * 1024


@BOTH
@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_refused(pure: bool, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = opener * 10_000 + "1" + closer * 10_000
    with pytest.raises(YamlProblem, match=r"nesting|depth"):
        load_yaml(text, pure=pure)


@BOTH
def test_type_surprises_are_resolved_like_yaml(pure: bool) -> None:
    data = load_yaml("a: no\nb: 1.10\nc: 12:30\nd: 2002-01-01\ne: null\nf: ~\n", pure=pure).data
    assert data["a"] is False
    assert data["b"] == 1.1
    assert data["c"] == 750
    assert str(data["d"]) == "2002-01-01"
    assert data["e"] is None and data["f"] is None


def test_empty_text_is_none() -> None:
    assert load_yaml("").data is None
    assert load_yaml("# only a comment\n").data is None


def test_file_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * MAX_BYTES + "\n")
    with pytest.raises(YamlProblem, match="larger than 1024 KiB"):
        read_yaml_file(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"a: \x00\n", "binary data"), (b"a: \xff\xfe\n", "not UTF-8")],
)
def test_binary_and_bad_encoding(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    with pytest.raises(YamlProblem, match=message):
        read_yaml_file(path)


# --- load_plain: the fast reader of journal front matter ----------------------------------------

SAME_AS_LOAD_YAML = [
    "a: 1\nb:\n  - x\n  - c: text\n",
    "? [a]\n: b\n",
    "a: !!python/object/apply:os.system ['true']\n",
    "a: !!binary aGk=\n",
    "x: 1\nb: &anchor [1]\n",
    "a: 1\nb: *x\n",
    "a: 1\nb: 2\na: 3\n",
    '"1": a\n1: b\n',
    "<<: {a: 1}\n",
    "= : x\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    "a: no\nb: 1.10\nc: 12:30\nd: 2002-01-01\ne: null\nf: ~\ng: ''\nh:\n",
    "",
    "# only a comment\n",
    "1: x\nyes: y\n",
    "2002-01-01: x\n",
    "1.5: x\n",
    "~: x\n",
    'a: ! 12\nb: !!int "3"\nc: !!str 4\nd: !!map {x: 1}\ne: !!seq [1]\n',
    "a: !foo x\n",
    "a: !!set {x}\n",
    "a: !!omap [x: 1]\n",
    "a: 2002-13-45\n",
    "[" * 65 + "]" * 65,
    "[" * 64 + "]" * 64,
    "{a: " * 70 + "1" + "}" * 70,
    "[" * 10_000 + "]" * 10_000,
    'a: "\\x00"\n',
    "a: |\n  text\n  more\nb: >\n  folded\n  text\n",
    "- a\n- b: c\n",
    "plain text\n",
    "warning: 'Miller & Stiver (1997), R&D, 5 * 3 and *bold* or & alone'\n",
    "a: x & y\nb: '&not an anchor'\n",
    "\ufeff&x a: 1\n",
]


def _outcome(load: Any, text: str) -> tuple[Any, ...]:
    try:
        return ("data", load(text))
    except YamlProblem as exc:
        return ("refused", exc.message, exc.line)


@pytest.mark.parametrize("text", SAME_AS_LOAD_YAML)
def test_load_plain_gives_what_load_yaml_gives(text: str) -> None:
    assert _outcome(load_plain, text) == _outcome(lambda t: load_yaml(t).data, text)


yaml_words = st.sampled_from(
    [
        "a", "key", "no", "yes", "On", "null", "~", "1", "-2", "0x1F", "0o17", "1_000", "1.10", ".5", "1e3",
        ".inf", "-.Inf", ".nan", "12:30", "2002-01-01", "2002-12-14 21:59:43.10 -5", "true", "<<", "=",
        "'quoted'", '"dq \\u2028 line"', "''", "!!str 5", "!!int '7'", "! x", "!foo x", "&a x", "*a", "& b",
        "R&D", "a*b", "[1, 2]", "{x: 1}", "[]", "{}", "-", "? ", "|", "# note", "text with: colon",
    ]
)  # fmt: skip


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Small block and flow YAML documents made of words that YAML reads in surprising ways."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        indent = "  " * draw(st.integers(0, 2))
        shape = draw(st.sampled_from(["map", "seq", "scalar"]))
        if shape == "map":
            lines.append(f"{indent}{draw(yaml_words)}: {draw(yaml_words)}")
        elif shape == "seq":
            lines.append(f"{indent}- {draw(yaml_words)}")
        else:
            lines.append(f"{indent}{draw(yaml_words)}")
    return "\n".join(lines) + "\n"


@given(yaml_texts())
def test_load_plain_agrees_with_load_yaml_on_surprising_yaml(text: str) -> None:
    """Same values, or both refuse (a text with two faults may be refused for either one)."""
    plain, walked = _outcome(load_plain, text), _outcome(lambda t: load_yaml(t).data, text)
    assert plain[0] == walked[0]
    if plain[0] == "data":
        assert plain == walked


@given(yaml_texts())
def test_load_plain_reads_what_the_safe_loader_reads(text: str) -> None:
    """Whatever load_plain accepts, libyaml's safe loader reads to the same values (keys aside,
    which load_plain, like load_yaml, keeps as text)."""
    try:
        data = load_plain(text)
    except YamlProblem:
        return
    expected = _text_keys(yaml.load(text, Loader=yaml.CSafeLoader))
    assert json.dumps(data, default=repr, sort_keys=True) == json.dumps(expected, default=repr, sort_keys=True)


def _text_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _text_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text_keys(v) for v in value]
    return value


@given(st.text(st.sampled_from("&*ab -:,[]{}?\n\t'\"|!x1\ufeff\x85\u2028"), max_size=40))
def test_every_anchor_or_alias_is_noticed(text: str) -> None:
    """The quick look for anchors never misses one that libyaml would see."""
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return
    if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events):
        assert _may_hold_anchor(text)


def test_text_with_ampersands_takes_the_fast_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Front matter quoting "Miller & Stiver" holds no anchor, so the event walker is not needed."""

    def walker(text: str, *, pure: bool = False) -> Any:
        raise AssertionError("load_yaml was used")

    monkeypatch.setattr(safe_yaml, "load_yaml", walker)
    text = "warnings:\n- 'This is the central relational paradox (Miller & Stiver, 1997): R&D'\n"
    assert load_plain(text) == {"warnings": ["This is the central relational paradox (Miller & Stiver, 1997): R&D"]}
