"""A hostile or careless content pack is refused with a clear message naming the file; nothing runs."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from rct_workbook.model.content import validate_pack
from rct_workbook.model.safe_yaml import MAX_BYTES, YamlProblem, load_yaml
from tests.helpers import VIGNETTE, Run, Tree, alias_bomb


def check_pack(run: Run, folder: Path, expected: str) -> None:
    result = run("content", "validate", str(folder))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert expected in result.stderr, result.stderr


def test_python_object_apply_runs_nothing(run: Run, tree: Tree, tmp_path: Path) -> None:
    sentinel = tmp_path / "SENTINEL"
    folder = tree({"evil.yaml": f"kind: vignette\nid: !!python/object/apply:os.system ['touch {sentinel}']\n"})
    check_pack(run, folder, "evil.yaml:2: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed")
    assert run("--content", str(folder), "vignette").exit_code == 2
    assert not sentinel.exists()


def test_nine_level_alias_bomb_is_refused_fast_and_small(run: Run, tree: Tree) -> None:
    folder = tree({"bomb.yaml": "kind: glossary\n" + alias_bomb(9)})
    tracemalloc.start()
    start = time.perf_counter()
    problems = validate_pack(folder)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0 and peak < 50 * 1024 * 1024
    assert any("bomb.yaml:2: anchors (&name) are not allowed" in str(p) for p in problems)


def test_self_referencing_alias(run: Run, tree: Tree) -> None:
    check_pack(
        run, tree({"loop.yaml": "kind: glossary\nitems: &a [*a]\n"}), "loop.yaml:2: anchors (&name) are not allowed"
    )


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "python"])
def test_ten_thousand_nested_brackets(pure: bool) -> None:
    with pytest.raises(YamlProblem, match=r"nesting|depth"):
        load_yaml("[" * 10_000 + "]" * 10_000, pure=pure)


def test_nested_brackets_in_a_pack(run: Run, tree: Tree) -> None:
    check_pack(run, tree({"deep.yaml": "kind: glossary\nitems: " + "[" * 10_000 + "]" * 10_000 + "\n"}), "deep.yaml:")


def test_file_over_the_size_cap(run: Run, tree: Tree) -> None:
    check_pack(
        run,
        tree({"huge.yaml": "kind: glossary\n# " + "x" * MAX_BYTES + "\n"}),
        "huge.yaml: the file is larger than 1024 KiB",
    )


def test_duplicate_keys(run: Run, tree: Tree) -> None:
    check_pack(
        run,
        tree({"dup.yaml": VIGNETTE + "outcome: again\n"}),
        "dup.yaml:19: duplicate key 'outcome' (first at line 12)",
    )


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("no", "a yes/no value (false)"),
        ("1.10", "a number (1.1)"),
        ("12:30", "a number (750)"),
        ("2002-03-04", "a date (2002-03-04)"),
        ("null", "nothing (null)"),
        ("~", "nothing (null)"),
    ],
)
def test_yaml_type_surprises(run: Run, tree: Tree, value: str, described: str) -> None:
    folder = tree({"types.yaml": VIGNETTE.replace("protagonist: Dana", f"protagonist: {value}")})
    check_pack(run, folder, f"types.yaml:4: protagonist: expected text, but YAML read {described}; put it in quotes")


def test_binary_and_bad_encoding(run: Run, tree: Tree) -> None:
    check_pack(run, tree({"bin.yaml": b"kind: \x00\x01"}), "bin.yaml: the file holds binary data (a NUL byte)")
    check_pack(run, tree({"latin.yaml": "kind: caf\xe9".encode("latin-1")}), "latin.yaml: the file is not UTF-8 text")
