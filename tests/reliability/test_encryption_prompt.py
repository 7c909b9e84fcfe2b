"""The passphrase asked in a real terminal: hidden, once, twice for a new one, Ctrl-C leaves all as it was."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.journal.helpers import entry_id, make_assess

pytestmark = pytest.mark.tty

RCT = str(Path(sys.executable).with_name("rct"))
PASSPHRASE = "lantern orchard velvet quietly 42"


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "RCT_PASSPHRASE_FILE"}
    env.update(RCT_HOME=str(home), NO_COLOR="1")
    return pexpect.spawn(RCT, list(args), env=env, encoding="utf-8", dimensions=(40, 100), timeout=90)


def encrypt_by_hand(home: Path, first: str, second: str) -> pexpect.spawn:
    child = spawn(home, "journal", "encrypt")
    child.expect_exact("New passphrase for your journal: ")
    child.sendline(first)
    child.expect_exact("The same passphrase again: ")
    child.sendline(second)
    child.expect(pexpect.EOF)
    child.close()
    return child


def test_a_new_passphrase_is_asked_twice_hidden_and_a_mismatch_changes_nothing(rct_home: Path) -> None:
    ident = entry_id(make_assess("2026-01-05"))
    before = sorted(os.listdir(rct_home / "journal"))
    child = encrypt_by_hand(rct_home, PASSPHRASE, PASSPHRASE + "!")
    assert child.exitstatus == 2
    assert "the two passphrases differ; nothing was changed" in (child.before or "")
    assert PASSPHRASE not in (child.before or "")  # never echoed
    assert sorted(os.listdir(rct_home / "journal")) == before
    assert not (rct_home / "identity.age").exists()

    child = encrypt_by_hand(rct_home, PASSPHRASE, PASSPHRASE)
    assert child.exitstatus == 0, child.before
    assert "Encrypted: 1 entry." in (child.before or "")
    assert PASSPHRASE not in (child.before or "")

    child = spawn(rct_home, "--no-pager", "journal", "show", ident)
    child.expect_exact("Passphrase of your journal: ")
    child.sendline(PASSPHRASE)
    child.expect_exact("A four-step reading")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (child.before or "").count("Passphrase of your journal") == 0  # asked once a run


def test_ctrl_c_at_the_passphrase_prompt_exits_130_and_changes_nothing(rct_home: Path, tmp_path: Path) -> None:
    ident = entry_id(make_assess("2026-01-05"))
    child = encrypt_by_hand(rct_home, PASSPHRASE, PASSPHRASE)
    assert child.exitstatus == 0
    before = {p.name: p.read_bytes() for p in (rct_home / "journal").iterdir()}
    child = spawn(rct_home, "journal", "decrypt")
    child.expect_exact("Passphrase of your journal: ")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert {p.name: p.read_bytes() for p in (rct_home / "journal").iterdir()} == before
    assert f"{ident}.md.age" in before
