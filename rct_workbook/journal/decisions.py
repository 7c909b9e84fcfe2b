"""Export decisions remembered per entry, so a re-export asks only about new details.

One private file per entry under ``<data root>/decisions/`` (0600, folder 0700) holds,
for each detail decided, an HMAC-SHA256 of its kind and text and whether it was redacted
or kept — never the detail itself — and whether the entry passed a full review. The file
as a whole carries an HMAC too, over its entry id and everything it says.

The HMAC key is a secret of 32 random bytes in ``<data root>/decisions.key`` (0600),
apart from ``decisions/``: a decisions folder that is synced, backed up or planted on its
own can neither be read (no word list or date sweep reverses a keyed hash) nor used (a
file that does not verify is ignored, and the person is asked again). Files of the first
format (a salt beside SHA-256 digests, reversible by anyone with a name list) are read as
unverified.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from rct_workbook.errors import StorageError
from rct_workbook.journal import vault
from rct_workbook.paths import data_root, decisions_dir, decisions_key_file, ensure_private_dir
from rct_workbook.storage import NotReadable, read_bounded, read_private, write_atomic

CHOICES = ("redact", "keep")
FORMAT = 2
#: A decisions file holds one digest per detail; thousands of details fit well inside this.
_LIMIT = 4 * 1024 * 1024
_KEY_BYTES = 32


@dataclass
class Decisions:
    """One entry's remembered decisions, keyed with ``key`` (None: nothing can be remembered)."""

    key: bytes | None = field(default=None, repr=False)
    choices: dict[str, str] = field(default_factory=dict)
    reviewed: bool = False
    #: Why a file that existed was not used (one line), else None.
    note: str | None = None

    def digest(self, kind: str, value: str) -> str:
        text = f"detail\0{kind}\0{' '.join(value.split()).casefold()}"
        return hmac.new(self.key or b"", text.encode(), hashlib.sha256).hexdigest()

    def get(self, kind: str, value: str) -> str | None:
        return self.choices.get(self.digest(kind, value)) if self.key else None

    def set(self, kind: str, value: str, choice: str) -> None:
        if self.key is None:
            self.key = key_for_saving()
        self.choices[self.digest(kind, value)] = choice


def _path_for(entry_id: str) -> str:
    safe = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", entry_id)
    return f"{entry_id}.json" if safe else f"{hashlib.sha256(entry_id.encode()).hexdigest()}.json"


def _seal(key: bytes, entry_id: str, reviewed: bool, choices: dict[str, str]) -> str:
    """The file's own HMAC: over the entry it belongs to and all it says, so a file can be
    neither edited nor copied to another entry."""
    body = json.dumps([entry_id, reviewed, sorted(choices.items())], separators=(",", ":"))
    return hmac.new(key, f"file\0{body}".encode(), hashlib.sha256).hexdigest()


def _key_path() -> Path:
    return decisions_key_file()


def _read_key() -> bytes | None:
    """The secret, if it exists and can be trusted: the person's own regular file, readable
    and writable by them alone, holding 32 bytes as hex."""
    path = _key_path()
    raw = read_private(path, 256)
    if raw is None:
        return None
    try:
        if stat.S_IMODE(os.lstat(path).st_mode) & 0o077:
            return None  # others could read it, and so forge decisions
        key = bytes.fromhex(raw.decode("ascii").strip())
    except (OSError, ValueError):
        return None
    return key if len(key) == _KEY_BYTES else None


def key_for_saving() -> bytes:
    """The secret, made (0600) when there is none or the one there cannot be trusted; a new
    key leaves every earlier decision unverified, so those details are asked about again."""
    key = _read_key()
    if key is not None:
        return key
    ensure_private_dir(data_root())
    key = os.urandom(_KEY_BYTES)
    write_atomic(_key_path(), (key.hex() + "\n").encode("ascii"))
    return key


def cannot_remember() -> str | None:
    """Why decisions cannot be remembered in this data folder (one line), or None when they
    can: the key and the ``decisions/`` folder are made now if they are missing, so that an
    export which follows can keep its decisions (a read-only data root, a ``decisions/``
    folder that is not the person's own cannot)."""
    try:
        key_for_saving()
        ensure_private_dir(decisions_dir())
    except StorageError as exc:
        return exc.message
    except OSError as exc:
        return f"{exc.filename or decisions_dir()}: {exc.strerror or exc}"
    return None


def load(entry_id: str) -> Decisions:
    """The entry's decisions; none if never exported. A file that cannot be read or does not
    verify (damaged, edited, planted, copied from another entry, made without this data
    root's key, or of the first format) is ignored, with one line in ``note`` saying so."""
    key = _read_key()
    plain = decisions_dir() / _path_for(entry_id)
    path = vault.existing(plain) or plain  # ENTRY.json.age when the journal is encrypted
    try:
        data = json.loads(vault.decoded(path, read_bounded(path, _LIMIT, follow_links=False)).decode("utf-8"))
    except FileNotFoundError:
        return Decisions(key)
    except (OSError, ValueError, NotReadable, vault.Undecryptable):
        return Decisions(key, note=_unused(entry_id, "it cannot be read"))
    if not isinstance(data, dict):
        return Decisions(key, note=_unused(entry_id, "it cannot be read"))
    if data.get("format") != FORMAT or "salt" in data:
        return Decisions(key, note=_unused(entry_id, "it was saved by an earlier version and cannot be verified"))
    raw, reviewed, seal = data.get("decisions"), data.get("reviewed"), data.get("seal")
    if (
        key is None
        or not isinstance(raw, dict)
        or not isinstance(reviewed, bool)
        or not isinstance(seal, str)
        or not all(isinstance(k, str) and v in CHOICES for k, v in raw.items())
        or not hmac.compare_digest(seal, _seal(key, entry_id, reviewed, raw))
    ):
        return Decisions(key, note=_unused(entry_id, "it does not verify with this data folder's key"))
    return Decisions(key, dict(raw), reviewed)


def _unused(entry_id: str, why: str) -> str:
    return f"the remembered export decisions of {entry_id} are ignored ({why}); its details are decided again"


def save(entry_id: str, decisions: Decisions) -> None:
    key = key_for_saving()
    if decisions.key != key:
        # Digests made without this key cannot be read back with it: keep none of them.
        decisions = Decisions(key, {}, decisions.reviewed)
    folder = ensure_private_dir(decisions_dir())
    data = {
        "format": FORMAT,
        "reviewed": decisions.reviewed,
        "decisions": decisions.choices,
        "seal": _seal(key, entry_id, decisions.reviewed, decisions.choices),
    }
    text = json.dumps(data, indent=1, sort_keys=True) + "\n"
    path, sealed = vault.for_writing(folder / _path_for(entry_id), text.encode())
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            os.unlink(path)  # a FIFO or a link where rct's own file belongs: replaced, never followed
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StorageError(f"cannot save the export decisions of {entry_id}: {exc.strerror or exc}") from None
    write_atomic(path, sealed)
    vault.drop_other(path)


def forget(entry_id: str) -> None:
    """Drop an entry's decisions (when the entry is deleted)."""
    try:
        vault.remove_both(decisions_dir() / _path_for(entry_id))
    except OSError as exc:
        raise StorageError(f"could not remove the export decisions of {entry_id}: {exc.strerror or exc}") from None
