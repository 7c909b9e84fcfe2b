from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from rct_workbook.model.safe_yaml import MAX_BYTES, YamlProblem, load_yaml, read_yaml_file
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
