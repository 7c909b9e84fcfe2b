"""Export decisions are kept only where they can be kept safely, and an export never fails
because they cannot be: a read-only data root, a team `decisions/` folder (2775), or a FIFO or
a link to /dev/zero in place of a decisions file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import rct_process
from tests.journal.helpers import entry_id, make_assess


def _export(home: Path, ident: str, out: Path) -> subprocess.CompletedProcess[str]:
    return rct_process(home, "journal", "export", ident, "--redact-flagged", "--out", str(out), "--force")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="owners and modes are POSIX")
def test_a_team_decisions_folder_is_not_used_and_the_export_still_works(rct_home: Path, tmp_path: Path) -> None:
    ident = entry_id(make_assess("2026-01-01", history="Ana Whitfield told me on 12 March 2025"))
    team = rct_home / "decisions"
    team.mkdir()
    team.chmod(0o2775)
    out = tmp_path / "share.md"
    result = _export(rct_home, ident, out)
    assert result.returncode == 0, result.stderr
    assert out.exists() and "Whitfield" not in out.read_text(encoding="utf-8")
    assert (
        f"rct: warning: export decisions cannot be remembered here (rct keeps private files only in a folder"
        f" of your own, and {team} is not: other users can write to it; if it is yours alone: chmod 700 {team});"
        " the next export will ask again\n"
    ) in result.stderr
    assert list(team.iterdir()) == []
    assert team.stat().st_mode & 0o7777 == 0o2775


def test_a_file_in_place_of_the_decisions_folder_leaves_the_export_working(rct_home: Path, tmp_path: Path) -> None:
    ident = entry_id(make_assess("2026-01-01"))
    (rct_home / "decisions").write_text("not a folder")
    out = tmp_path / "share.md"
    result = _export(rct_home, ident, out)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert "rct: warning: export decisions cannot be remembered here (" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write into a 0500 folder")
def test_a_read_only_data_root_still_exports_and_says_decisions_are_not_kept(rct_home: Path, tmp_path: Path) -> None:
    ident = entry_id(make_assess("2026-01-01"))
    rct_process(rct_home, "journal", "list")  # the index is made while the root can be written
    rct_home.chmod(0o500)
    try:
        out = tmp_path / "share.md"
        result = _export(rct_home, ident, out)
    finally:
        rct_home.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert "rct: warning: export decisions cannot be remembered here (" in result.stderr


@pytest.mark.posix  # a FIFO and /dev/zero; Windows has neither
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_decisions_file_that_is_a_fifo_or_dev_zero_hangs_nothing(rct_home: Path, tmp_path: Path, kind: str) -> None:
    ident = entry_id(make_assess("2026-01-01", history="Ana Whitfield told me on 12 March 2025"))
    folder = rct_home / "decisions"
    folder.mkdir(mode=0o700)
    path = folder / f"{ident}.json"
    if kind == "fifo":
        os.mkfifo(path, 0o600)
    else:
        path.symlink_to("/dev/zero")
    checked = rct_process(rct_home, "journal", "export", ident, "--check")
    assert checked.returncode in (0, 1), checked.stderr
    assert "Traceback" not in checked.stderr
    exported = _export(rct_home, ident, tmp_path / "share.md")
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "share.md").exists()
