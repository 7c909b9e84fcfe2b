"""The system keyring remembers the passphrase only when the person chose it (issue 25).

No real keyring is touched: rct runs as its own process with a small file-backed backend
(tests/reliability/keyring_file_backend.py) chosen through PYTHON_KEYRING_BACKEND, so one
command remembers and the next one reads. Without a terminal, a passphrase rct would have
to ask for is a one-line error (exit 2), which is how these tests see that it was not found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.journal.helpers import entry_id, make_assess
from tests.reliability import keyring_file_backend

RCT = str(Path(sys.executable).with_name("rct"))
ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "lantern orchard velvet quietly 42"
NEW_PASSPHRASE = "harbour kettle meadow softly 17"
FILE_BACKEND = "tests.reliability.keyring_file_backend.FileKeyring"


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv(keyring_file_backend.FILE_VARIABLE, str(path))
    return path


def secret_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def rct(
    home: Path,
    *args: str,
    passphrase_file: Path | None = None,
    backend: str = FILE_BACKEND,
    pythonpath: str = str(ROOT),
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RCT_PASSPHRASE_FILE", "PYTHON_KEYRING_BACKEND")}
    env.update(RCT_HOME=str(home), NO_COLOR="1", PYTHONPATH=pythonpath, PYTHON_KEYRING_BACKEND=backend)
    if passphrase_file is not None:
        env["RCT_PASSPHRASE_FILE"] = str(passphrase_file)
    return subprocess.run(
        [RCT, "--no-pager", *args], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=90
    )


def settings(home: Path) -> dict[str, object]:
    data = json.loads((home / "encryption.json").read_text())
    assert isinstance(data, dict)
    return data


def item(home: Path) -> str:
    return f"rct-workbook/{settings(home)['recipient']}"


def files(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def remembered_journal(rct_home: Path, tmp_path: Path, stored: str | None = None) -> str:
    """An entry in a journal encrypted with the passphrase remembered in the keyring (and,
    with ``stored``, the keyring then holding that other passphrase); the entry's id."""
    ident = entry_id(make_assess("2026-01-05"))
    done = rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=secret_file(tmp_path, "p", PASSPHRASE))
    assert done.returncode == 0, done.stderr
    if stored is not None:
        keyring_file_backend.put({item(rct_home): stored})
    return ident


def test_remembered_passphrase_is_read_by_later_commands_until_forgotten(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    ident = entry_id(make_assess("2026-01-05"))
    given = secret_file(tmp_path, "passphrase", PASSPHRASE)
    done = rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=given)
    assert done.returncode == 0, done.stderr
    assert "The system keyring remembers your passphrase" in done.stdout
    assert settings(rct_home)["keyring"] is True
    assert keyring_file_backend.items() == {item(rct_home): PASSPHRASE}
    assert PASSPHRASE.encode() not in b"".join(files(rct_home).values())  # kept in the keyring only

    shown = rct(rct_home, "journal", "show", ident)  # no passphrase file, no terminal: the keyring gives it
    assert shown.returncode == 0, shown.stderr
    assert "A four-step reading" in shown.stdout

    forgot = rct(rct_home, "journal", "forget")
    assert forgot.returncode == 0, forgot.stderr
    assert "no longer remembers" in forgot.stdout
    assert keyring_file_backend.items() == {}
    assert "keyring" not in settings(rct_home)

    asked = rct(rct_home, "journal", "show", ident)
    assert "no terminal to ask its passphrase in" in one_line_error(asked)
    again = rct(rct_home, "journal", "forget")
    assert again.returncode == 0
    assert "does not remember" in again.stdout


def test_the_keyring_is_not_read_unless_the_person_chose_it(rct_home: Path, tmp_path: Path, keyring_file: Path) -> None:
    ident = entry_id(make_assess("2026-01-05"))
    assert rct(rct_home, "journal", "encrypt", passphrase_file=secret_file(tmp_path, "p", PASSPHRASE)).returncode == 0
    keyring_file_backend.put({item(rct_home): PASSPHRASE})  # there, but never chosen
    assert "keyring" not in settings(rct_home)
    asked = rct(rct_home, "journal", "show", ident)
    assert "no terminal to ask its passphrase in" in one_line_error(asked)


def test_remembering_a_journal_already_encrypted_checks_the_passphrase_first(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    ident = entry_id(make_assess("2026-01-05"))
    assert rct(rct_home, "journal", "encrypt", passphrase_file=secret_file(tmp_path, "p", PASSPHRASE)).returncode == 0
    before = files(rct_home)
    wrong = rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=secret_file(tmp_path, "w", "not it"))
    assert "that passphrase does not open your journal" in one_line_error(wrong)
    assert files(rct_home) == before
    assert keyring_file_backend.items() == {}

    right = rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=secret_file(tmp_path, "p", PASSPHRASE))
    assert right.returncode == 0, right.stderr
    assert "already encrypted" in right.stdout and "remembers your passphrase" in right.stdout
    assert keyring_file_backend.items() == {item(rct_home): PASSPHRASE}
    assert rct(rct_home, "journal", "show", ident).returncode == 0


def test_a_wrong_remembered_passphrase_is_one_line_and_changes_nothing(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    ident = remembered_journal(rct_home, tmp_path, stored="an old passphrase 1234")
    before = files(rct_home)
    for command in (("journal", "show", ident), ("journal", "decrypt"), ("journal", "passphrase")):
        result = rct(rct_home, *command)
        line = one_line_error(result)
        assert "the passphrase your system keyring remembers does not open your journal" in line
        assert "no terminal" in line
        assert files(rct_home) == before
    # The passphrase file still wins over the keyring, as it did before.
    assert (
        rct(rct_home, "journal", "show", ident, passphrase_file=secret_file(tmp_path, "p", PASSPHRASE)).returncode == 0
    )


def test_changing_the_passphrase_updates_the_remembered_one(rct_home: Path, tmp_path: Path, keyring_file: Path) -> None:
    ident = remembered_journal(rct_home, tmp_path)
    new = secret_file(tmp_path, "new", NEW_PASSPHRASE)
    changed = rct(rct_home, "journal", "passphrase", "--new-passphrase-file", str(new))  # the current from the keyring
    assert changed.returncode == 0, changed.stderr
    assert keyring_file_backend.items() == {item(rct_home): NEW_PASSPHRASE}
    assert rct(rct_home, "journal", "show", ident).returncode == 0
    old = rct(rct_home, "journal", "show", ident, passphrase_file=secret_file(tmp_path, "p", PASSPHRASE))
    assert "that passphrase does not open your journal" in one_line_error(old)

    decrypted = rct(rct_home, "journal", "decrypt")
    assert decrypted.returncode == 0, decrypted.stderr
    assert keyring_file_backend.items() == {}  # a plain journal needs no passphrase kept


def test_without_the_keyring_package_remembering_is_refused_and_nothing_changes(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    make_assess("2026-01-05")
    hide = tmp_path / "no-keyring"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['keyring'] = None  # import keyring fails\n")
    before = files(rct_home)
    result = rct(
        rct_home,
        "journal",
        "encrypt",
        "--remember",
        passphrase_file=secret_file(tmp_path, "p", PASSPHRASE),
        pythonpath=f"{hide}{os.pathsep}{ROOT}",
    )
    line = one_line_error(result)
    assert "needs the keyring package, which is not installed" in line
    assert "pip install 'rct-workbook[keyring]'" in line
    assert files(rct_home) == before
    assert not (rct_home / "encryption.json").exists()


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"])
def test_a_system_without_a_keyring_is_said_in_one_line_and_nothing_changes(
    rct_home: Path, tmp_path: Path, keyring_file: Path, backend: str
) -> None:
    make_assess("2026-01-05")
    before = files(rct_home)
    given = secret_file(tmp_path, "p", PASSPHRASE)
    result = rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=given, backend=backend)
    assert "this system has no keyring rct can use" in one_line_error(result)
    assert files(rct_home) == before

    assert rct(rct_home, "journal", "encrypt", passphrase_file=given).returncode == 0
    before = files(rct_home)
    result = rct(rct_home, "journal", "passphrase", "--remember", passphrase_file=given, backend=backend)
    assert "this system has no keyring rct can use" in one_line_error(result)
    assert files(rct_home) == before


def test_a_keyring_that_cannot_be_read_is_said_and_the_person_asked(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    ident = remembered_journal(rct_home, tmp_path)
    locked = rct(rct_home, "journal", "show", ident, backend="tests.reliability.keyring_file_backend.LockedKeyring")
    line = one_line_error(locked)
    assert "the system keyring could not be read (the keyring is locked)" in line
    assert "no terminal" in line


@pytest.mark.tty
def test_in_a_terminal_a_wrong_remembered_passphrase_is_said_then_asked_and_the_typed_one_remembered(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    ident = remembered_journal(rct_home, tmp_path, stored="an old passphrase 1234")
    env = {k: v for k, v in os.environ.items() if k not in ("RCT_PASSPHRASE_FILE",)}
    env.update(RCT_HOME=str(rct_home), NO_COLOR="1", PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND=FILE_BACKEND)
    child = pexpect.spawn(
        RCT, ["--no-pager", "journal", "show", ident], env=env, encoding="utf-8", dimensions=(40, 100), timeout=90
    )
    child.expect_exact("the passphrase your system keyring remembers does not open your journal")
    child.expect_exact("Passphrase of your journal: ")
    child.sendline(PASSPHRASE)
    child.expect_exact("A four-step reading")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert PASSPHRASE not in (child.before or "")
    assert keyring_file_backend.items() == {item(rct_home): PASSPHRASE}
    assert rct(rct_home, "journal", "show", ident).returncode == 0  # remembered again


def test_forget_stops_reading_the_keyring_even_when_it_cannot_be_reached(
    rct_home: Path, tmp_path: Path, keyring_file: Path
) -> None:
    ident = entry_id(make_assess("2026-01-05"))
    given = secret_file(tmp_path, "p", PASSPHRASE)
    assert rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=given).returncode == 0
    gone = rct(rct_home, "journal", "show", ident, backend="keyring.backends.fail.Keyring")
    line = one_line_error(gone)  # the keyring is said, then the question that cannot be asked here
    assert "this system has no keyring rct can use" in line and "no terminal" in line

    forgot = rct(rct_home, "journal", "forget", backend="keyring.backends.fail.Keyring")
    assert forgot.returncode == 0, forgot.stderr
    assert "remove the item rct-workbook from it yourself" in forgot.stderr
    assert "keyring" not in settings(rct_home)
    asked = rct(rct_home, "journal", "show", ident)  # the file keyring still holds it, and is not read
    assert keyring_file_backend.items() == {item(rct_home): PASSPHRASE}
    line = one_line_error(asked)
    assert "keyring" not in line and "no terminal to ask its passphrase in" in line

    before = files(rct_home)
    assert rct(rct_home, "journal", "encrypt", "--remember", passphrase_file=given).returncode == 0
    new = secret_file(tmp_path, "new", NEW_PASSPHRASE)
    refused = rct(
        rct_home, "journal", "passphrase", "--new-passphrase-file", str(new), backend="keyring.backends.fail.Keyring"
    )
    assert "cannot keep the new passphrase; nothing was changed" in one_line_error(refused)
    assert keyring_file_backend.items() == {item(rct_home): PASSPHRASE}
    assert files(rct_home)["identity.age"] == before["identity.age"]
