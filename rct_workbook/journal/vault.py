"""The encrypted journal's one seam: how a file rct keeps is read and written when encryption is on.

With encryption on (``rct journal encrypt``), every entry, draft and remembered-decisions file
is an age file named after the plain one (``ENTRY.md.age``), encrypted to one X25519
recipient. The identity that opens them is kept in ``<data root>/identity.age``, itself
encrypted with the passphrase (age's scrypt): unlocking is one key derivation per run,
and writing needs only the recipient, so saving an entry never asks. ``encryption.json``
says that encryption is on (or that a change to it is unfinished) and holds the recipient.

How a file is *read* follows its name (``.age`` or not); how a new file is *written*
follows the state. So a journal part-way through ``encrypt`` or ``decrypt`` reads whole;
where both forms of one file exist (a change killed between writing one and removing the
other), the plain one is used: in either direction it is the source or a complete copy.

The core never asks for the passphrase: ``RCT_PASSPHRASE_FILE`` is read here, and the
command line offers a way to ask a person (``offer``). Nothing here imports pyrage until
a file must be sealed or opened.

The system keyring (the optional ``keyring`` package) remembers the passphrase only if the
person chose it (``rct journal encrypt --remember``): ``encryption.json`` then says so, and
only then is the keyring read, after ``RCT_PASSPHRASE_FILE`` and before asking. It is kept
under the service ``rct-workbook`` and the journal's recipient (stable for one key, so two
data folders never share an item).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rct_workbook.errors import StorageError, WorkbookError
from rct_workbook.paths import data_root

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend
    from pyrage.x25519 import Identity, Recipient

SUFFIX = ".age"
IDENTITY_FILE = "identity.age"
STATE_FILE = "encryption.json"
#: What ``encryption.json`` may say: on, or a change begun and not finished.
ON, ENCRYPTING, DECRYPTING = "on", "encrypting", "decrypting"
PASSPHRASE_ENV = "RCT_PASSPHRASE_FILE"  # noqa: S105 - the name of a variable, not a passphrase
#: A passphrase file is one line; anything this large is not one.
_PASSPHRASE_FILE_LIMIT = 4096


KEYRING_SERVICE = "rct-workbook"


class Undecryptable(Exception):
    """A ``.age`` file this journal's key cannot open (damaged, or made with another key)."""


class WrongPassphrase(WorkbookError):
    """A passphrase that does not open this journal's key."""


@dataclass(frozen=True)
class State:
    mode: str
    recipient: str
    #: Whether the person chose to have the system keyring remember the passphrase.
    keyring: bool = False


#: Asks a person for the passphrase (given what to say, and a note on why, or None); set by the command line.
_asker: Callable[[str, str | None], str] | None = None
#: The unlocked identity, once per process (and inherited by a forked one), with the file
#: it came from (its path and stamp): another data root, or a new key, is unlocked anew.
_identity: Identity | None = None
_unlocked_from: tuple[str, int, int] | None = None
_recipient: tuple[str, Recipient] | None = None
_state: tuple[tuple[int, int, int] | None, State | None] | None = None


def offer(asker: Callable[[str, str | None], str] | None) -> None:
    """How to ask a person for the passphrase (None: nobody can be asked)."""
    global _asker
    _asker = asker


def state_path() -> Path:
    return data_root() / STATE_FILE


def identity_path() -> Path:
    return data_root() / IDENTITY_FILE


def state() -> State | None:
    """Whether encryption is on or changing (None: off). Read once per process while unchanged."""
    global _state
    path = state_path()
    try:
        st = os.stat(path)
        stamp: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)  # a new file, a new inode
    except OSError:
        stamp = None
    if _state is not None and _state[0] == stamp:
        return _state[1]
    found: State | None = None
    if stamp is not None:
        from rct_workbook.storage import read_private

        raw = read_private(path, 4096)
        try:
            data = json.loads(raw.decode("utf-8")) if raw is not None else None
        except ValueError:
            data = None
        if (
            not isinstance(data, dict)
            or data.get("mode") not in (ON, ENCRYPTING, DECRYPTING)
            or not str(data.get("recipient", "")).startswith("age1")
        ):
            raise StorageError(
                f"{path} is damaged or not yours alone, so rct cannot tell whether your journal is encrypted;"
                " restore it from a backup"
            )
        found = State(str(data["mode"]), str(data["recipient"]), data.get("keyring") is True)
    _state = (stamp, found)
    return found


def set_state(mode: str | None, recipient: str = "", *, keyring: bool | None = None) -> None:
    """Record the state (None: encryption off, the file removed); ``keyring`` None keeps the choice made."""
    global _state
    if keyring is None and mode is not None:
        try:
            current = state()
        except StorageError:
            current = None
        keyring = current is not None and current.keyring
    from rct_workbook.storage import fsync_dir, write_atomic

    path = state_path()
    if mode is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        fsync_dir(path.parent)
    else:
        data: dict[str, object] = {"format": 1, "mode": mode, "recipient": recipient}
        if keyring:
            data["keyring"] = True
        write_atomic(path, (json.dumps(data, indent=1) + "\n").encode("ascii"))
    _state = None


def writes_sealed() -> bool:
    """Whether new files are written encrypted: encryption is on, or being turned on."""
    found = state()
    return found is not None and found.mode in (ON, ENCRYPTING)


def is_sealed(path: Path | str) -> bool:
    return str(path).endswith(SUFFIX)


def sealed_path(path: Path) -> Path:
    return path if is_sealed(path) else path.with_name(path.name + SUFFIX)


def plain_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(SUFFIX)]) if is_sealed(path) else path


def existing(path: Path) -> Path | None:
    """The file kept for the plain name ``path``: the plain one if it is there, else the sealed one."""
    if os.path.lexists(path):
        return path
    sealed = sealed_path(path)
    return sealed if os.path.lexists(sealed) else None


def for_writing(path: Path, data: bytes) -> tuple[Path, bytes]:
    """Where and what to write for the plain name ``path``: sealed when encryption is on."""
    if writes_sealed():
        return sealed_path(path), seal(data)
    return path, data


def drop_other(written: Path) -> None:
    """Remove the other form of a file just written (a draft saved before the change)."""
    other = plain_path(written) if is_sealed(written) else sealed_path(written)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(other)


def remove_both(path: Path) -> bool:
    """Remove the plain name ``path`` and its sealed form; whether anything was there."""
    removed = False
    for each in (path, sealed_path(path)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(each)
            removed = True
    return removed


def encoded(path: Path, data: bytes) -> bytes:
    """``data`` as it is written at ``path``: sealed if its name says so."""
    return seal(data) if is_sealed(path) else data


def decoded(path: Path, raw: bytes) -> bytes:
    """The bytes kept in the file at ``path`` that held ``raw``: opened if its name says it is sealed."""
    return open_sealed(raw) if is_sealed(path) else raw


def seal(data: bytes) -> bytes:
    import pyrage

    return pyrage.encrypt(data, [recipient()])


def open_sealed(raw: bytes) -> bytes:
    import pyrage

    key = unlock()
    try:
        return pyrage.decrypt(raw, [key])
    except pyrage.DecryptError:
        raise Undecryptable(
            "it cannot be decrypted with this journal's key (it is damaged, or not from this journal)"
        ) from None


def recipient() -> Recipient:
    """Whom new files are encrypted to (no passphrase needed)."""
    global _recipient
    found = state()
    if found is None:
        raise StorageError("the journal is not encrypted")  # pragma: no cover - writers check first
    if _recipient is None or _recipient[0] != found.recipient:
        import pyrage
        from pyrage import x25519

        try:
            _recipient = (found.recipient, x25519.Recipient.from_str(found.recipient))
        except pyrage.RecipientError:
            raise StorageError(
                f"{state_path()} is damaged (its recipient is no age key), so rct will not write there;"
                " restore it from a backup"
            ) from None
    return _recipient[1]


def unlock(passphrase: str | None = None) -> Identity:
    """The journal's identity, unlocked with the passphrase once per process.

    The passphrase comes from ``passphrase``, else ``RCT_PASSPHRASE_FILE``, else the person
    (through the command line's asker). A wrong one is a one-line error (exit 2) before
    anything is changed.
    """
    global _identity, _unlocked_from
    source = _stamp(identity_path())
    if _identity is not None and passphrase is None and source == _unlocked_from:
        return _identity
    blob = read_identity()
    if passphrase is None:
        passphrase = given_passphrase()
    _identity = _unlock_remembered(blob) if passphrase is None else identity_from(blob, passphrase)
    _unlocked_from = source
    return _identity


def _unlock_remembered(blob: bytes) -> Identity:
    """Unlock with the passphrase the keyring remembers (if the person chose that), else ask.

    A remembered passphrase that no longer opens the key, or a keyring that cannot be read,
    is said in one line with the question; the one typed then is remembered instead.
    """
    found = state()
    if found is None or not found.keyring:
        return identity_from(blob, ask("Passphrase of your journal"))
    note: str
    try:
        remembered = keyring_get(found.recipient)
    except WorkbookError as exc:
        note = exc.message
    else:
        if remembered is not None:
            try:
                return identity_from(blob, remembered)
            except WrongPassphrase:
                note = "the passphrase your system keyring remembers does not open your journal"
        else:
            note = "your system keyring no longer holds the passphrase of your journal"
        typed = ask("Passphrase of your journal", f"{note}; type it, and rct remembers it instead")
        identity = identity_from(blob, typed)
        with contextlib.suppress(WorkbookError):  # it opens the journal; remembering it is a kindness
            keyring_set(found.recipient, typed)
        return identity
    return identity_from(blob, ask("Passphrase of your journal", note))


def _keyring() -> KeyringBackend:
    """The system keyring's backend, or a one-line error saying why there is none to use."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        raise WorkbookError(
            "remembering the passphrase needs the keyring package, which is not installed;"
            " to add it: pip install 'rct-workbook[keyring]'"
        ) from None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a backend named in the settings may fail in any way
        raise WorkbookError(f"the system keyring cannot be used ({_reason(exc)})") from None
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        raise WorkbookError("this system has no keyring rct can use to remember the passphrase")
    return backend


def _reason(exc: BaseException) -> str:
    # A backend's own words, on one line of printable characters (it is not ours to trust).
    text = "".join(ch for ch in " ".join(str(exc).split()) if ch.isprintable())[:200]
    return text or type(exc).__name__


def keyring_check() -> None:
    """A one-line error (exit 2) if there is no system keyring to remember the passphrase in."""
    _keyring()


def keyring_get(recipient: str) -> str | None:
    """The passphrase the keyring remembers for the journal of ``recipient`` (None: none)."""
    backend = _keyring()
    try:
        found = backend.get_password(KEYRING_SERVICE, recipient)
    except Exception as exc:  # a third party's backend (D-Bus, a locked keychain)
        raise WorkbookError(f"the system keyring could not be read ({_reason(exc)})") from None
    return found if isinstance(found, str) and found else None


def keyring_set(recipient: str, passphrase: str) -> None:
    backend = _keyring()
    try:
        backend.set_password(KEYRING_SERVICE, recipient, passphrase)
    except Exception as exc:  # the same
        raise WorkbookError(f"the system keyring could not keep the passphrase ({_reason(exc)})") from None


def keyring_delete(recipient: str) -> None:
    """Remove the remembered passphrase (nothing there is not an error)."""
    backend = _keyring()
    from keyring.errors import PasswordDeleteError

    try:
        backend.delete_password(KEYRING_SERVICE, recipient)
    except PasswordDeleteError:
        return
    except Exception as exc:  # the same
        raise WorkbookError(f"the system keyring could not forget the passphrase ({_reason(exc)})") from None


def remember(identity: Identity) -> None:
    """Keep ``identity`` unlocked for this run (one just made and saved)."""
    global _identity, _unlocked_from
    _identity, _unlocked_from = identity, _stamp(identity_path())


def is_unlocked() -> bool:
    return _identity is not None and _unlocked_from == _stamp(identity_path())


def _stamp(path: Path) -> tuple[str, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (str(path), st.st_mtime_ns, st.st_size)


def read_identity() -> bytes:
    from rct_workbook.storage import read_private

    path = identity_path()
    blob = read_private(path, 64 * 1024)
    if blob is None:
        if os.path.lexists(path):
            raise StorageError(f"{path} (the key of your encrypted journal) is not yours alone or cannot be read")
        raise StorageError(
            f"your journal is encrypted but its key {path} is missing; restore it from a backup to read your entries"
        )
    return blob


def identity_from(blob: bytes, passphrase: str) -> Identity:
    import pyrage
    from pyrage import x25519

    try:
        text = pyrage.passphrase.decrypt(blob, passphrase).decode("utf-8")
    except pyrage.DecryptError:
        raise WrongPassphrase("that passphrase does not open your journal; nothing was changed") from None
    except UnicodeDecodeError:
        text = ""
    for line in text.splitlines():
        if line.startswith("AGE-SECRET-KEY-"):
            try:
                return x25519.Identity.from_str(line.strip())
            except pyrage.IdentityError:
                break
    raise StorageError(f"{identity_path()} holds no age key; restore it from a backup")


def identity_text(identity: Identity) -> bytes:
    """An age identity file, as ``age-keygen`` writes one: what ``age -d identity.age`` gives back."""
    import datetime as _dt

    when = _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return f"# created: {when}\n# public key: {identity.to_public()}\n{identity}\n".encode("ascii")


def ask(prompt: str, note: str | None = None) -> str:
    """Ask the person (``note``: one line on why they are asked, e.g. the keyring failed)."""
    if _asker is None:
        raise WorkbookError(
            f"{note + '; ' if note else ''}your journal is encrypted: run rct in a terminal to give its passphrase,"
            f" or name a file holding it in {PASSPHRASE_ENV}"
        )
    return _asker(prompt, note)


def given_passphrase(variable: str = PASSPHRASE_ENV) -> str | None:
    """The passphrase in the file named by ``variable``, or None if it is not set.

    The file must be the person's own regular file that no one else can read, holding the
    passphrase on one line; anything else is refused with a one-line error.
    """
    name = os.environ.get(variable)
    if not name:
        return None
    return passphrase_in(Path(name).expanduser(), variable)


def passphrase_in(path: Path, where: str) -> str:
    from rct_workbook.storage import NotReadable, read_bounded

    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise WorkbookError(f"{where} names {path}, which does not exist") from None
    except OSError as exc:
        raise WorkbookError(f"{where}: cannot read {path} ({exc.strerror or exc})") from None
    from rct_workbook.system import owned_by_someone_else, posix_permissions

    # On Windows a file's mode says nothing of who may read it (its access list does).
    if posix_permissions() and st.st_mode & 0o077:
        raise WorkbookError(
            f"{where}: others can read {path}, so rct will not use the passphrase in it; to fix: chmod 600 {path}"
        )
    if stat.S_ISREG(st.st_mode) and owned_by_someone_else(st):
        raise WorkbookError(f"{where}: {path} belongs to another user; rct uses only a file of yours")
    try:
        raw = read_bounded(path, _PASSPHRASE_FILE_LIMIT)
        lines = raw.decode("utf-8").splitlines()
    except (NotReadable, UnicodeDecodeError, OSError) as exc:
        reason = str(exc) if isinstance(exc, NotReadable) else "it is not a UTF-8 text file"
        raise WorkbookError(f"{where}: {path} cannot be used ({reason})") from None
    if len(lines) != 1 or not lines[0]:
        raise WorkbookError(f"{where}: {path} should hold the passphrase alone, on one line")
    return lines[0]


def weakness(passphrase: str) -> str | None:
    """Why ``passphrase`` is too easy to guess to protect a journal, or None if it is not."""
    if len(passphrase) < 10:
        return "a passphrase needs at least 10 characters; four or more unrelated words are easy to remember"
    from zxcvbn import zxcvbn

    # zxcvbn's time grows with the length; the first 100 characters decide well enough.
    result = zxcvbn(passphrase[:100])
    if result["score"] >= 3:
        return None
    warning = str(result["feedback"].get("warning") or "").rstrip(".")
    why = f" ({warning[:1].lower()}{warning[1:]})" if warning else ""
    return f"that passphrase is too easy to guess{why}; four or more unrelated words make a strong one"


def forget_unlocked() -> None:
    """Forget the unlocked identity and the state read (after a change of them, and in tests)."""
    global _identity, _unlocked_from, _recipient, _state
    _identity = _unlocked_from = _recipient = _state = None


def unfinished_note() -> str | None:
    """One line if a change of encryption was begun and not finished, else None."""
    try:
        found = state()
    except StorageError as exc:
        return exc.message
    if found is None or found.mode == ON:
        return None
    command = "encrypt" if found.mode == ENCRYPTING else "decrypt"
    return f"{found.mode} the journal was not finished; run rct journal {command} again to finish it"
