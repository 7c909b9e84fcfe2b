"""rct journal encrypt and decrypt, killed (SIGKILL) at random moments, lose nothing.

Each trial runs the installed rct as a real process, waits for a random number of files to
appear in their new form (an event, never a guessed time) and kills it. Every entry must
then be readable, in one form or both, with exactly its bytes; running the command again
must finish the change. Finishing an encrypt needs no passphrase (only the public key), so
those trials need no key derivation; decrypt trials unlock twice each and are fewer.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest

from rct_workbook.journal import vault
from tests.journal.helpers import make_assess, make_vignette

pytestmark = pytest.mark.posix  # SIGKILL; Windows has none

RCT = str(Path(sys.executable).with_name("rct"))
PASSPHRASE = "lantern orchard velvet quietly 42"
ENTRIES = 24
ENCRYPT_TRIALS, DECRYPT_TRIALS = 15, 5


def entries_of(home: Path) -> dict[str, bytes]:
    """The journal's files, without the temporary file a killed write may leave (every reader skips it)."""
    return {p.name: p.read_bytes() for p in sorted((home / "journal").iterdir()) if not p.name.startswith(".")}


def readable(home: Path, identity: pyrage.x25519.Identity) -> dict[str, bytes]:
    """Each entry's bytes by its plain name, checking that where both forms are left they agree."""
    found: dict[str, bytes] = {}
    for name, data in entries_of(home).items():
        plain = name.removesuffix(".age")
        value = pyrage.decrypt(data, [identity]) if name.endswith(".age") else data
        assert found.setdefault(plain, value) == value, f"the two forms of {plain} differ"
    return found


def run_and_kill(argv: list[str], env: dict[str, str], folder: Path, ending: str, after: int) -> None:
    """Start rct, wait until ``after`` files in ``folder`` end with ``ending`` (or it ends), then SIGKILL it."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while process.poll() is None:
            if sum(1 for name in os.listdir(folder) if name.endswith(ending)) >= after:
                break
            time.sleep(0.001)  # polling for the event; the kill is decided by the count, not by time
        process.send_signal(signal.SIGKILL)
    finally:
        _, err = process.communicate()
    assert process.returncode in (0, -signal.SIGKILL), err.decode()


def finish(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def originals(rct_home: Path) -> dict[str, bytes]:
    for i in range(ENTRIES):
        day = f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}"
        make_assess(day, history=f"What happened on day {i}.") if i % 3 else make_vignette(day)
    return entries_of(rct_home)


def test_a_killed_encrypt_or_decrypt_loses_nothing_and_running_it_again_finishes(
    rct_home: Path, originals: dict[str, bytes], tmp_path: Path
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    env = {**os.environ, "RCT_HOME": str(rct_home), "RCT_PASSPHRASE_FILE": str(secret)}
    finish([RCT, "journal", "encrypt"], env)
    vault.forget_unlocked()
    identity = pyrage.x25519.Identity.from_str(
        next(
            line
            for line in pyrage.passphrase.decrypt((rct_home / "identity.age").read_bytes(), PASSPHRASE)
            .decode()
            .splitlines()
            if line.startswith("AGE-SECRET-KEY-")
        )
    )
    # The templates: a journal whose encryption has just begun (the key made, no file changed
    # yet), and the same journal fully encrypted.
    begun, sealed = tmp_path / "begun", tmp_path / "sealed"
    shutil.copytree(rct_home, sealed)
    shutil.copytree(rct_home, begun)
    shutil.rmtree(begun / "journal")
    (begun / "journal").mkdir(mode=0o700)
    for name, data in originals.items():
        (begun / "journal" / name).write_bytes(data)
        (begun / "journal" / name).chmod(0o600)
    state = begun / "encryption.json"
    state.write_text(state.read_text().replace('"on"', '"encrypting"'))
    state.chmod(0o600)

    mixed = 0  # trials whose kill left some files changed and some not
    rng = random.Random(25)
    trials = ["encrypt"] * ENCRYPT_TRIALS + ["decrypt"] * DECRYPT_TRIALS
    rng.shuffle(trials)
    for number, command in enumerate(trials):
        home = tmp_path / f"trial-{number}"
        shutil.copytree(begun if command == "encrypt" else sealed, home)
        trial_env = {**env, "RCT_HOME": str(home)}
        if command == "encrypt":
            trial_env.pop("RCT_PASSPHRASE_FILE")  # finishing an encrypt needs no passphrase
        ending = ".md.age" if command == "encrypt" else ".md"
        # Up to one more than the number of entries: then the kill lands after the last file, in
        # the index's replacement or the change of state.
        after = rng.randrange(ENTRIES + 2)
        run_and_kill([RCT, "journal", command], trial_env, home / "journal", ending, after)

        assert readable(home, identity) == originals, f"trial {number} ({command}, after {after} files)"
        forms = {name.endswith(".age") for name in entries_of(home)}
        mixed += forms == {True, False}
        finish([RCT, "journal", command], trial_env)
        names = set(entries_of(home))
        if command == "encrypt":
            assert names == {f"{name}.age" for name in originals}
            assert '"on"' in (home / "encryption.json").read_text()
        else:
            assert entries_of(home) == originals
            assert not (home / "encryption.json").exists()
            assert not (home / "identity.age").exists()
        assert readable(home, identity) == originals
    assert mixed >= 5, f"only {mixed} of {len(trials)} kills landed part-way through: the test did not test much"
