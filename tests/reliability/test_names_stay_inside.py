"""Ids and names used in file paths can never leave the data root."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import VIGNETTE, FilledAnswers, Run, Tree
from tests.journal.helpers import make_assess

HOSTILE_NAMES = ["../../etc/passwd", "/etc/passwd", "..", "paula/../../x", "paula\x00", "a" * 5000, "~root", "C:\\x"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_vignette_names(run: Run, name: str, rct_home: Path, tmp_path: Path) -> None:
    before = set(tmp_path.rglob("*"))
    for args in (["vignette", name, "--no-reflect"], ["vignette", name, "--template"]):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stdout == ""
    assert set(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_sections_topics_entries_and_steps(run: Run, name: str, rct_home: Path) -> None:
    make_assess("2026-01-01")
    for args in (
        ["assess", "--section", name, "--template"],
        ["learn", name],
        ["journal", "show", name],
        ["journal", "delete", name, "--yes"],
        ["steps", "done", f"{name}.1"],
    ):
        result = run(*args)
        assert result.exit_code == 2, args
    assert len(list((rct_home / "journal").glob("*.md"))) == 1


@pytest.mark.parametrize("bad_id", ["../evil", "/abs", "a b", "x" * 65, "Upper"])
def test_content_ids_are_words(run: Run, tree: Tree, bad_id: str) -> None:
    folder = tree({"v.yaml": VIGNETTE.replace("id: dana", f'id: "{bad_id}"')})
    result = run("content", "validate", str(folder))
    assert result.exit_code == 2
    assert "is not a valid id" in result.stderr


def test_entry_files_are_named_by_rct_only(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(filled_answers("vignette", "paula"))
    assert run("vignette", "paula", "--answers", str(path)).exit_code == 0
    (saved,) = (rct_home / "journal").iterdir()
    assert saved.parent == rct_home / "journal"
    assert saved.name.endswith("-paula-" + saved.name.split("-")[-1])
