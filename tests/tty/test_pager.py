"""Long output goes through the pager on a terminal, as git and gh do; never when piped."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pexpect
import pytest

from tests.tty.terminal import RCT, _env, _require_rct, fake_pager

pytestmark = pytest.mark.tty


def _run(tmp_path: Path, *args: str, pager: str | None) -> str:
    """What `rct ARGS` shows in a terminal with PAGER set to ``pager`` (None: not set at all)."""
    _require_rct()
    env = _env(tmp_path / "home")
    env.pop("PAGER", None)
    if pager is not None:
        env["PAGER"] = pager
    child = pexpect.spawn(str(RCT), list(args), env=env, encoding="utf-8", dimensions=(40, 80), timeout=20)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before or ""


def test_long_output_goes_through_pager(tmp_path: Path) -> None:
    pager, kept = fake_pager(tmp_path)
    output = _run(tmp_path, "learn", "cultures", pager=pager)
    assert "FAKE PAGER GOT" in output
    paged = kept.read_text(encoding="utf-8")
    assert "Hierarchical" in paged
    assert len(paged.splitlines()) > 100
    assert "\x1b[" in paged  # colours go through to the pager (less -R shows them)


def test_no_pager_prints_directly_before_or_after_the_command(tmp_path: Path) -> None:
    pager, kept = fake_pager(tmp_path)
    for args in (("--no-pager", "learn", "cultures"), ("learn", "cultures", "--no-pager")):
        output = _run(tmp_path, *args, pager=pager)
        assert "FAKE PAGER GOT" not in output
        assert "Hierarchical" in output
        assert not kept.exists()


def test_short_output_is_not_paged(tmp_path: Path) -> None:
    pager, kept = fake_pager(tmp_path)
    output = _run(tmp_path, "learn", pager=pager)
    assert "FAKE PAGER GOT" not in output
    assert "framework" in output
    assert not kept.exists()


def test_empty_pager_or_cat_means_none(tmp_path: Path) -> None:
    for pager in ("", "cat"):
        output = _run(tmp_path, "learn", "cultures", pager=pager)
        assert "Hierarchical" in output


def test_piped_output_is_never_paged(tmp_path: Path) -> None:
    _require_rct()
    pager, kept = fake_pager(tmp_path)
    env = {**_env(tmp_path / "home"), "PAGER": pager}
    done = subprocess.run([str(RCT), "learn", "cultures"], env=env, capture_output=True, timeout=20, check=False)
    assert done.returncode == 0
    assert b"FAKE PAGER GOT" not in done.stdout
    assert not kept.exists()


def test_a_long_journal_list_is_paged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.journal.helpers import make_vignette

    monkeypatch.setenv("RCT_HOME", str(tmp_path / "home"))  # where _run's rct looks
    for day in range(1, 29):
        make_vignette(f"2026-02-{day:02d}", "paula")
        make_vignette(f"2026-03-{day:02d}", "susan")
    pager, kept = fake_pager(tmp_path)
    output = _run(tmp_path, "journal", "list", pager=pager)
    assert "FAKE PAGER GOT 57 LINES" in output  # the header and 56 entries, none shown twice
    assert kept.read_text(encoding="utf-8").startswith("ID ")


def test_plain_output_on_a_terminal_is_paged_too(tmp_path: Path) -> None:
    """--plain on a terminal: the pager gets the whole text (it once got nothing, and the
    text went past it straight to the screen)."""
    pager, kept = fake_pager(tmp_path)
    output = _run(tmp_path, "--plain", "learn", "cultures", pager=pager)
    assert "FAKE PAGER GOT" in output
    paged = kept.read_text(encoding="utf-8")
    assert "Hierarchical" in paged and "\x1b[" not in paged
    assert "Hierarchical" not in output
