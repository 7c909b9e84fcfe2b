"""journal/vault.py: the passphrase file's rules, the strength check, and how a file's form is chosen."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyrage
import pytest

from rct_workbook.errors import StorageError, WorkbookError
from rct_workbook.journal import vault


@pytest.fixture(autouse=True)
def fresh() -> None:
    vault.forget_unlocked()


def private(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    path.chmod(0o600)
    return path


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"one passphrase\n", None),
        (b"no newline at the end", None),
        (b"", "should hold the passphrase alone, on one line"),
        (b"\n", "should hold the passphrase alone, on one line"),
        (b"first\nsecond\n", "should hold the passphrase alone, on one line"),
        (b"\xff\xfe not text", "cannot be used (it is not a UTF-8 text file)"),
        (b"x" * 5000, "cannot be used (it is larger than 4 KiB"),
    ],
)
def test_a_passphrase_file_holds_one_line(tmp_path: Path, data: bytes, message: str | None) -> None:
    path = private(tmp_path / "secret", data)
    if message is None:
        assert vault.passphrase_in(path, "RCT_PASSPHRASE_FILE") == data.decode().rstrip("\n")
    else:
        with pytest.raises(WorkbookError, match=message.replace("(", r"\(").replace(")", r"\)")):
            vault.passphrase_in(path, "RCT_PASSPHRASE_FILE")


@pytest.mark.posix  # file modes and FIFOs; Windows has neither
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_a_passphrase_file_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    path = private(tmp_path / "secret", b"lantern orchard velvet quietly 42\n")
    path.chmod(mode)
    with pytest.raises(WorkbookError) as caught:
        vault.passphrase_in(path, "RCT_PASSPHRASE_FILE")
    assert caught.value.message == (
        f"RCT_PASSPHRASE_FILE: others can read {path}, so rct will not use the passphrase in it;"
        f" to fix: chmod 600 {path}"
    )


@pytest.mark.posix  # file modes and FIFOs; Windows has neither
def test_a_passphrase_file_that_is_no_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir(mode=0o700)
    with pytest.raises(WorkbookError, match="cannot be used"):
        vault.passphrase_in(folder, "RCT_PASSPHRASE_FILE")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo, 0o600)
    with pytest.raises(WorkbookError, match="cannot be used"):  # refused without waiting for a writer
        vault.passphrase_in(fifo, "RCT_PASSPHRASE_FILE")


def test_no_passphrase_file_and_no_one_to_ask_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RCT_PASSPHRASE_FILE", raising=False)
    vault.offer(None)
    assert vault.given_passphrase() is None
    with pytest.raises(WorkbookError, match="run rct in a terminal to give its passphrase, or name a file"):
        vault.ask("Passphrase of your journal")


@pytest.mark.parametrize(
    ("passphrase", "weak"),
    [
        ("short", True),
        ("password123", True),
        ("aaaaaaaaaaaaaaaa", True),
        ("qwertyuiop1234", True),
        ("lantern orchard velvet quietly", False),
        ("copper meadow listens sideways 7", False),
    ],
)
def test_a_weak_passphrase_is_named_with_what_to_do(passphrase: str, weak: bool) -> None:
    found = vault.weakness(passphrase)
    assert (found is not None) == weak
    if found is not None:
        assert "unrelated words" in found


def test_a_file_is_written_sealed_only_while_encryption_is_on_or_being_turned_on(rct_home: Path) -> None:
    rct_home.mkdir()
    plain = rct_home / "drafts" / "assess.yaml"
    assert vault.for_writing(plain, b"text") == (plain, b"text")
    identity = pyrage.x25519.Identity.generate()
    for mode, sealed in ((vault.ENCRYPTING, True), (vault.ON, True), (vault.DECRYPTING, False)):
        vault.set_state(mode, str(identity.to_public()))
        path, data = vault.for_writing(plain, b"text")
        assert (path.name == "assess.yaml.age") is sealed
        assert (pyrage.decrypt(data, [identity]) if sealed else data) == b"text"
    vault.set_state(None)
    assert vault.state() is None


def test_the_plain_form_is_read_where_both_are_left(tmp_path: Path) -> None:
    plain = tmp_path / "entry.md"
    assert vault.existing(plain) is None
    private(tmp_path / "entry.md.age", b"sealed")
    assert vault.existing(plain) == tmp_path / "entry.md.age"
    private(plain, b"plain")
    assert vault.existing(plain) == plain
    assert vault.remove_both(plain)
    assert vault.existing(plain) is None


@pytest.mark.parametrize(
    "content",
    [b"not json", b"[]", json.dumps({"mode": "sideways", "recipient": "age1x"}).encode(), b'{"mode": "on"}'],
)
def test_a_damaged_state_file_is_one_line_never_a_guess(rct_home: Path, content: bytes) -> None:
    rct_home.mkdir()
    private(rct_home / "encryption.json", content)
    with pytest.raises(StorageError, match="cannot tell whether your journal is encrypted"):
        vault.state()


def test_a_state_file_whose_recipient_is_no_key_stops_writing_with_one_line(rct_home: Path) -> None:
    rct_home.mkdir()
    private(rct_home / "encryption.json", json.dumps({"mode": "on", "recipient": "age1notakey"}).encode())
    with pytest.raises(StorageError, match="its recipient is no age key"):
        vault.for_writing(rct_home / "drafts" / "assess.yaml", b"text")
