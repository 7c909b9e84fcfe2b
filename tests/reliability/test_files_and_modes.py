"""Private modes whatever the umask; writes that fail leave nothing behind; links are not replaced."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rct_workbook.flow.drafts import Draft, save_draft
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess

# File modes, umasks and read-only folders: on Windows the per-user folder's access list decides.
pytestmark = pytest.mark.posix


@pytest.fixture(params=[0o000, 0o022], ids=["umask000", "umask022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_entries_drafts_exports_and_index_are_private(umask: int, run: Run, rct_home: Path, tmp_path: Path) -> None:
    path = make_assess("2026-01-01")
    save_draft(Draft("assess", "assess", None, "2026-01-01T00:00:00+00:00", {"role": "x"}))
    out = tmp_path / "export.md"
    assert run("journal", "export", entry_id(path), "--keep-flagged", "--out", str(out)).exit_code == 0
    for folder in (rct_home, rct_home / "journal", rct_home / "drafts"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    for file in (path, rct_home / "drafts" / "assess.yaml", out, rct_home / "index.sqlite3"):
        assert file.stat().st_mode & 0o777 == 0o600, file


def test_files_readable_by_others_are_warned_about(run: Run, rct_home: Path) -> None:
    path = make_assess("2026-01-01")
    path.chmod(0o644)
    result = run("journal", "list")
    assert result.exit_code == 0
    assert result.stderr == f"rct: warning: journal/{path.name} can be read by other users; to fix: chmod 600 {path}\n"


@pytest.mark.parametrize("mode", [0o2775, 0o1777, 0o755])
def test_an_existing_folder_is_never_chmodded_but_warned_about(run: Run, rct_home: Path, mode: int) -> None:
    """A team folder (setgid 2775) or a sticky shared folder (1777) used as RCT_HOME keeps its
    mode, setgid and sticky bits; only folders rct creates are 0700, and the person is told."""
    rct_home.mkdir()
    rct_home.chmod(mode)
    result = run("journal", "list")
    assert result.exit_code == 0
    assert rct_home.stat().st_mode & 0o7777 == mode
    assert (rct_home / "journal").exists() is False  # a listing creates no journal folder
    assert result.stderr == (
        f"rct: warning: the folder {rct_home} can be read by other users; to fix, if it is yours alone: "
        f"chmod 700 {rct_home}\n"
    )
    make_assess("2026-01-01")
    assert rct_home.stat().st_mode & 0o7777 == mode
    assert (rct_home / "journal").stat().st_mode & 0o7777 == 0o700


def test_a_read_only_root_is_not_made_writable(run: Run, rct_home: Path) -> None:
    rct_home.mkdir()
    make_assess("2026-01-01")
    rct_home.chmod(0o500)
    try:
        result = run("journal", "list")
        assert rct_home.stat().st_mode & 0o7777 == 0o500
    finally:
        rct_home.chmod(0o700)
    assert result.exit_code == 0
    assert "assess" in result.stdout


def test_symlinked_journal_folder_is_refused(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rct_home.mkdir()
    (rct_home / "journal").symlink_to(elsewhere, target_is_directory=True)
    template = tmp_path / "a.yaml"
    template.write_text(filled_answers("vignette", "paula"))
    result = run("vignette", "paula", "--answers", str(template))
    assert result.exit_code == 2
    assert result.stderr == f"rct: {rct_home / 'journal'} is not a folder; rct will not write there\n"
    assert list(elsewhere.iterdir()) == []


def test_symlinked_entry_is_skipped_and_never_replaced(run: Run, rct_home: Path, tmp_path: Path) -> None:
    real = make_assess("2026-01-01")
    outside = tmp_path / "outside.md"
    outside.write_bytes(real.read_bytes())
    link = rct_home / "journal" / "linked.md"
    link.symlink_to(outside)
    result = run("journal", "list")
    assert (
        "rct: skipped journal/linked.md: it is a symbolic link; rct does not follow links in the journal"
        in result.stderr
    )
    assert outside.read_bytes() == real.read_bytes()
