"""rct reads its own files as it reads a stranger's: one bounded reader (regular files only,
opened non-blocking without following links, checked with fstat on the open descriptor,
a size cap), and folders it did not make are checked before use.

Every command here runs as a real process with a time limit far beyond its need: a read
that blocks on a FIFO or never ends on /dev/zero fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rct_workbook.paths import folder_problem
from rct_workbook.storage import NotReadable, read_bounded, read_private
from tests.journal.helpers import entry_id, make_assess

# FIFOs, devices, owners and modes: what these tests make and check is POSIX's.
pytestmark = pytest.mark.posix

POSIX_OWNERS = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="owners and modes are POSIX")


def _rct(home: Path, *args: str, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RCT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("RCT_CACHE", None)
    if cache is not None:
        env["RCT_CACHE"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "rct_workbook", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _fifo_in_place_of(path: Path) -> None:
    path.unlink()
    os.mkfifo(path, 0o600)


def test_the_reader_refuses_fifos_devices_links_and_big_files(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo, 0o600)
    with pytest.raises(NotReadable, match="FIFO"):
        read_bounded(fifo, 100)  # opened non-blocking: no writer needed to refuse it
    zero = tmp_path / "zero"
    zero.symlink_to("/dev/zero")
    with pytest.raises(NotReadable, match="character device"):
        read_bounded(zero, 100)
    with pytest.raises(NotReadable, match="symbolic link"):
        read_bounded(zero, 100, follow_links=False)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(NotReadable, match="larger than"):
        read_bounded(big, 100)
    assert read_bounded(big, 101) == b"x" * 101
    assert read_private(fifo, 100) is None
    assert read_private(zero, 100) is None


@POSIX_OWNERS
def test_a_private_file_must_be_the_persons_own_and_writable_by_no_one_else(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.write_bytes(b"kept")
    mine.chmod(0o600)
    assert read_private(mine, 100) == b"kept"
    mine.chmod(0o620)
    assert read_private(mine, 100) is None
    with pytest.raises(NotReadable, match="other users can change it"):
        read_bounded(mine, 100, private=True)
    if os.geteuid() == 0:
        mine.chmod(0o600)
        os.chown(mine, 4242, 4242)
        with pytest.raises(NotReadable, match="another user"):
            read_bounded(mine, 100, private=True)


@pytest.mark.parametrize("command", [["learn", "cultures"], ["vignette", "paula", "--no-reflect"]])
def test_fifos_in_the_cache_folder_are_never_read(tmp_path: Path, command: list[str]) -> None:
    """A FIFO in place of the content cache or a kept screen: rebuilt, never waited on."""
    home, cache = tmp_path / "home", tmp_path / "cache"
    first = _rct(home, *command, cache=cache)
    assert first.returncode == 0, first.stderr
    kept = sorted(p for p in cache.rglob("*") if p.is_file())
    assert any(p.name.startswith("content-") for p in kept)
    for path in kept:
        _fifo_in_place_of(path)
    again = _rct(home, *command, cache=cache)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    assert again.stderr == ""


@POSIX_OWNERS
@pytest.mark.parametrize("mode", [0o1777, 0o2775, 0o777])
def test_a_cache_folder_others_can_write_to_is_refused_with_one_warning(tmp_path: Path, mode: int) -> None:
    home, cache = tmp_path / "home", tmp_path / "shared"
    cache.mkdir()
    cache.chmod(mode)
    (cache / "screens").mkdir()
    # What another user could plant there: FIFOs with the names rct would read.
    for name in [f"content-{i:08x}.pickle" for i in range(3)] + ["screens/0.txt"]:
        os.mkfifo(cache / name, 0o666)
    result = _rct(home, "vignette", "paula", "--no-reflect", cache=cache)
    assert result.returncode == 0, result.stderr
    assert "Paula" in result.stdout
    warning = (
        f"rct: warning: the cache folder {cache} is not used: other users can write to it;"
        " set RCT_CACHE to a folder of your own (rct still works, only more slowly)\n"
    )
    assert result.stderr == warning  # once, though the content and the screen were both wanted
    assert sorted(p.name for p in cache.iterdir()) == [f"content-{i:08x}.pickle" for i in range(3)] + ["screens"]
    assert cache.stat().st_mode & 0o7777 == mode  # never chmod-ed


@POSIX_OWNERS
def test_folder_problems_are_named(tmp_path: Path) -> None:
    assert folder_problem(tmp_path / "missing") is None
    team = tmp_path / "team"
    team.mkdir()
    team.chmod(0o2775)
    assert folder_problem(team) == "other users can write to it"
    team.chmod(0o700)
    assert folder_problem(team) is None
    link = tmp_path / "link"
    link.symlink_to(team)
    assert folder_problem(link) == "it is a symbolic link"
    if os.geteuid() == 0:
        os.chown(team, 4242, 4242)
        assert folder_problem(team) == "it belongs to another user"


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_preferences_that_are_not_a_small_regular_file_are_one_line(tmp_path: Path, kind: str) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    prefs = home / "preferences.json"
    if kind == "fifo":
        os.mkfifo(prefs, 0o600)
    elif kind == "zero":
        prefs.symlink_to("/dev/zero")
    else:
        prefs.write_text('{"display_name": "' + "A" * 200_000 + '"}')
        prefs.chmod(0o600)
    result = _rct(home, "config", "show")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"rct: cannot read {prefs}: ")
    assert result.stderr.count("\n") == 1


def test_an_update_never_reads_a_fifo_in_place_of_its_entry(tmp_path: Path, rct_home: Path) -> None:
    path = make_assess("2026-01-01")
    ident = entry_id(path)
    listed = _rct(rct_home, "steps")
    assert listed.returncode == 0, listed.stderr
    _fifo_in_place_of(path)
    result = _rct(rct_home, "steps", "done", f"{ident}.1")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
