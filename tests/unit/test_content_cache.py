"""The content cache: a second run skips YAML and pydantic; any change or damage rebuilds it."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rct_workbook.model import cache
from rct_workbook.model import content as content_module
from rct_workbook.model.content import load_content
from rct_workbook.model.stamps import builtin_content_dir
from tests.helpers import has_mode

CULTURE = (builtin_content_dir() / "cultures" / "hierarchical.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def home_exists(rct_home: Path) -> None:
    """The cache goes in RCT_HOME/cache once the data folder exists (it is never made for a cache)."""
    rct_home.mkdir(mode=0o700)


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("content-*.pickle"))


def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the content was validated again")

    monkeypatch.setattr(content_module, "gather", refuse)


def test_second_load_comes_from_the_cache_private(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_content()
    [file] = cache_files(rct_home)
    assert has_mode(file, 0o600)
    assert has_mode(rct_home / "cache", 0o700)
    no_validation(monkeypatch)
    second = load_content()
    assert second.cultures == first.cultures and second.flows == first.flows and second.meta == first.meta
    assert {k: (o.file, o.pack) for k, o in second.origins.items()} == {
        k: (o.file, o.pack) for k, o in first.origins.items()
    }


def test_rct_cache_overrides_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rct_home: Path) -> None:
    monkeypatch.setenv("RCT_CACHE", str(tmp_path / "elsewhere" / "cache"))
    load_content()
    assert list((tmp_path / "elsewhere" / "cache").glob("content-*.pickle"))
    assert has_mode(tmp_path / "elsewhere", 0o700)  # made for the cache, so private too
    assert not (rct_home / "cache").exists()


def test_no_data_folder_is_made_for_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RCT_HOME", str(tmp_path / "not-yet"))
    assert load_content().cultures
    assert not (tmp_path / "not-yet").exists()


def test_a_pack_change_invalidates(tree: Callable[[dict[str, str | bytes]], Path], rct_home: Path) -> None:
    pack = tree({"pack/hierarchical.yaml": CULTURE.replace("name: Hierarchical culture", "name: Ladder culture")})
    pack = pack / "pack"
    assert load_content([pack]).cultures["hierarchical"].name == "Ladder culture"
    # Same size, new text: the modification time and change time tell.
    (pack / "hierarchical.yaml").write_text(CULTURE.replace("name: Hierarchical culture", "name: Laddery culture"))
    assert load_content([pack]).cultures["hierarchical"].name == "Laddery culture"
    (pack / "hierarchical.yaml").unlink()
    assert load_content([pack]).cultures["hierarchical"].name == "Hierarchical culture"
    # One cache for the built-in content alone, one for this pack on top of it.
    load_content()
    assert len(cache_files(rct_home)) == 2


def test_a_new_file_in_a_pack_invalidates(tree: Callable[[dict[str, str | bytes]], Path]) -> None:
    root = tree({"pack/README.txt": "not content"})
    pack = root / "pack"
    assert load_content([pack]).cultures["hierarchical"].name == "Hierarchical culture"
    (pack / "sub").mkdir()
    (pack / "sub" / "h.yaml").write_text(CULTURE.replace("name: Hierarchical culture", "name: Ladder culture"))
    assert load_content([pack]).cultures["hierarchical"].name == "Ladder culture"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle at all",
        b"\x80\x05truncated",
        pickle.dumps(("stamp", "not content")),
        # A tampered cache asking to run a command is refused, never run.
        b"cos\nsystem\n(S'touch /tmp/rct-cache-was-run'\ntR.",
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(rct_home: Path, damage: bytes) -> None:
    load_content()
    [file] = cache_files(rct_home)
    file.write_bytes(damage)
    assert load_content().cultures  # validated again
    assert not Path("/tmp/rct-cache-was-run").exists()
    stamp = cache.stamp([(builtin_content_dir(), "built-in")])
    assert stamp is not None and cache.read(stamp) is not None  # rewritten, whole


@pytest.mark.posix  # on Windows a file's mode does not say who can write it
def test_a_cache_others_can_write_is_not_trusted(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_content()
    [file] = cache_files(rct_home)
    os.chmod(file, 0o666)  # noqa: S103 - the permissive mode is what is tested
    stamp = cache.stamp([(builtin_content_dir(), "built-in")])
    assert stamp is not None and cache.read(stamp) is None
    os.chmod(file, 0o600)
    assert cache.read(stamp) is not None


def test_a_cache_that_cannot_be_written_is_only_slower(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RCT_CACHE", "/dev/null/cache")
    assert load_content().cultures


def test_a_cached_run_imports_neither_yaml_nor_pydantic(rct_home: Path) -> None:
    """What makes the cache worth having: after the first run, no YAML parsing and no validators."""
    probe = (
        "import sys; from rct_workbook.model.content import load_content; c = load_content(); "
        "print(sorted(m for m in ('yaml', 'pydantic') if m in sys.modules))"
    )
    env = {**os.environ, "RCT_HOME": str(rct_home)}
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "['pydantic', 'yaml']"
    assert second.stdout.strip() == "[]"
