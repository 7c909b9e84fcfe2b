"""In a real terminal, a topic or case seen before looks exactly as it did when drawn: same
bytes at every width, in colour, and through the pager when long (render/saved.py)."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.tty.terminal import RCT, _env, _require_rct, fake_pager

pytestmark = pytest.mark.tty


def _shown(home: Path, *args: str, columns: int, pager: str = "") -> bytes:
    """The raw bytes `rct ARGS` writes to a terminal ``columns`` wide."""
    _require_rct()
    env = {**_env(home, (40, columns)), "PAGER": pager}
    child = pexpect.spawn(str(RCT), list(args), env=env, dimensions=(40, columns), timeout=30)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return bytes(child.before or b"")


@pytest.mark.parametrize("args", [("learn", "cultures"), ("vignette", "susan", "--no-reflect")], ids=" ".join)
def test_a_kept_screen_is_the_drawn_screen_at_every_width(tmp_path: Path, args: tuple[str, ...]) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    never_kept = tmp_path / "no-data-folder"  # no data folder: nothing is kept, every run draws
    for columns in (80, 57, 40):
        drawn = _shown(never_kept, *args, columns=columns)
        first, second = (_shown(home, *args, columns=columns) for _ in range(2))
        assert b"\x1b[" in drawn  # in colour
        assert first == drawn and second == drawn, columns
    assert len(list((home / "cache" / "screens").glob("*.txt"))) == 1  # one file per screen and mode
    assert not never_kept.exists()


def test_a_kept_screen_goes_through_the_pager_as_before(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    pager, paged = fake_pager(tmp_path)
    pages = []
    for _ in range(2):
        assert b"FAKE PAGER GOT" in _shown(home, "learn", "cultures", columns=80, pager=pager)
        pages.append(paged.read_text(encoding="utf-8"))
        paged.unlink()
    assert pages[0] == pages[1] and "Hierarchical" in pages[0]
    assert list((home / "cache" / "screens").glob("*.txt"))
