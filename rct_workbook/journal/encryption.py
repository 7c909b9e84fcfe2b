"""Turning encryption on and off, and changing the passphrase (``rct journal encrypt``…).

A change goes file by file, each under its entry's lock: the new form is written whole
(atomically, fsynced), then the old one removed. A kill at any moment leaves each file
plain, sealed, or both (identical; the plain one is read, see ``vault``), never half of
one; ``encryption.json`` says the change is unfinished, and running the command again
finishes it. Only then is the index replaced: the old one held the answers' text.

Encrypting needs only the recipient (the public half of the key), so finishing an
interrupted ``encrypt`` asks nothing; decrypting needs the identity, so it asks once.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from rct_workbook.errors import StorageError, WorkbookError
from rct_workbook.journal import vault
from rct_workbook.paths import data_root, decisions_dir, drafts_dir, ensure_private_dir, journal_dir

#: A temporary file older than this, in a folder being changed, was left by a killed write:
#: it may hold plain text, so it goes (a write in progress keeps its file for milliseconds).
_STALE_TEMP_SECONDS = 5.0


@dataclass(frozen=True)
class Done:
    """What a change did: how many entries are now in the new form (and how many of them
    were changed by this run), drafts and decision files changed, and files it could not change."""

    entries: int
    changed: int
    drafts: int
    decisions: int
    left: tuple[str, ...] = ()
    #: Whether the index was rebuilt now (else it is rebuilt when the journal is next read).
    indexed: bool = False


def _folders() -> tuple[tuple[str, Path, str], ...]:
    """(what, folder, plain suffix) of every kind of file that holds what a person wrote."""
    return (
        ("journal", journal_dir(), ".md"),
        ("drafts", drafts_dir(), ".yaml"),
        ("decisions", decisions_dir(), ".json"),
    )


def encrypt(passphrase: str | None) -> Done:
    """Turn encryption on (a new key, wrapped with ``passphrase``), or finish turning it on.

    ``passphrase`` is needed only when there is no key yet.
    """
    found = vault.state()
    if found is None:
        if passphrase is None:
            raise WorkbookError("a passphrase is needed to turn encryption on")  # pragma: no cover - the CLI asks
        _new_key(passphrase)
    elif found.mode != vault.ENCRYPTING:
        vault.set_state(vault.ENCRYPTING, found.recipient)
    counts, left = _change(to_sealed=True)
    indexed = _replace_index(rebuild=vault.is_unlocked())
    if not left:
        recipient = vault.state()
        assert recipient is not None
        vault.set_state(vault.ON, recipient.recipient)
    return Done(*counts, left=tuple(left), indexed=indexed)


def decrypt(passphrase: str | None) -> Done:
    """Turn encryption off: every sealed file back to the exact bytes it was made from."""
    found = vault.state()
    if found is None:
        raise WorkbookError("your journal is not encrypted; nothing was changed")
    vault.unlock(passphrase)  # before anything changes: a wrong passphrase changes nothing
    if found.mode != vault.DECRYPTING:
        vault.set_state(vault.DECRYPTING, found.recipient)
    counts, left = _change(to_sealed=False)
    indexed = False
    if not left:
        indexed = _replace_index(rebuild=True)
        vault.set_state(None)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(vault.identity_path())
        vault.forget_unlocked()
    return Done(*counts, left=tuple(left), indexed=indexed)


def change_passphrase(old: str | None, new: str) -> None:
    """Wrap the key with ``new`` instead (the files stay as they are)."""
    import pyrage

    from rct_workbook.storage import write_atomic

    if vault.state() is None:
        raise WorkbookError("your journal is not encrypted; to turn encryption on: rct journal encrypt")
    identity = vault.unlock(old)
    write_atomic(vault.identity_path(), pyrage.passphrase.encrypt(vault.identity_text(identity), new))
    vault.remember(identity)


def _new_key(passphrase: str) -> None:
    import pyrage
    from pyrage import x25519

    from rct_workbook.storage import write_atomic

    identity = x25519.Identity.generate()
    ensure_private_dir(data_root())
    # The key first, then the state: a kill between them leaves a key no file was encrypted
    # to, which the next encrypt simply replaces.
    write_atomic(vault.identity_path(), pyrage.passphrase.encrypt(vault.identity_text(identity), passphrase))
    vault.set_state(vault.ENCRYPTING, str(identity.to_public()))
    vault.forget_unlocked()
    vault.remember(identity)


def _change(*, to_sealed: bool) -> tuple[tuple[int, int, int, int], list[str]]:
    from rct_workbook.storage import clean_stale_temps, fsync_dir

    entries = changed = drafts = decisions = 0
    left: list[str] = []
    for what, folder, suffix in _folders():
        if not folder.is_dir():
            continue
        clean_stale_temps(folder, older_than=_STALE_TEMP_SECONDS)
        with os.scandir(folder) as scan:
            names = sorted(item.name for item in scan if item.is_file(follow_symlinks=False))
        source_end = suffix if to_sealed else suffix + vault.SUFFIX
        target_end = suffix + vault.SUFFIX if to_sealed else suffix
        for name in names:
            if name.startswith("."):
                continue
            if name.endswith(target_end) and what == "journal" and not (folder / _other(name, to_sealed)).exists():
                entries += 1  # already in the new form
                continue
            if not name.endswith(source_end):
                continue
            try:
                did = _change_one(folder / name, to_sealed=to_sealed, lock=what == "journal")
            except (vault.Undecryptable, StorageError, OSError) as exc:
                reason = exc.message if isinstance(exc, StorageError) else str(exc)
                left.append(f"{what}/{name}: {reason}")
                continue
            if what == "journal":
                entries += 1
                changed += did
            elif what == "drafts":
                drafts += did
            else:
                decisions += did
        fsync_dir(folder)
    return (entries, changed, drafts, decisions), left


def _other(name: str, to_sealed: bool) -> str:
    """The source form of a file already in the target form."""
    return name[: -len(vault.SUFFIX)] if to_sealed else name + vault.SUFFIX


def _change_one(source: Path, *, to_sealed: bool, lock: bool) -> int:
    """Write ``source`` in the other form, then remove it; 1 if it was changed, 0 if it was gone."""
    from rct_workbook.journal.locks import held
    from rct_workbook.storage import NotReadable, read_bounded, write_atomic

    context = held(f"entry:{source.name}", what=f"the entry {source.name}") if lock else contextlib.nullcontext()
    with context:
        try:
            raw = read_bounded(source, 64 * 1024 * 1024)
        except FileNotFoundError:
            return 0
        except NotReadable as exc:
            raise StorageError(str(exc)) from None
        if to_sealed:
            # A sealed copy left by a killed run is replaced: the plain file is the one read since.
            write_atomic(vault.sealed_path(source), vault.seal(raw))
        else:
            data = vault.open_sealed(raw)
            target = vault.plain_path(source)
            if not os.path.lexists(target):  # else a complete copy, left by a killed run, is there
                write_atomic(target, data)
        os.unlink(source)  # made durable once per folder (_change): until then a crash leaves both forms
    return 1


def _replace_index(*, rebuild: bool) -> bool:
    """Remove the index (and copies of a damaged one): they hold the text as it was. Rebuild it
    now if ``rebuild``; whether it was rebuilt."""
    from rct_workbook.journal.index import index_path, open_index
    from rct_workbook.journal.locks import held

    path = index_path()
    with held("index", what="the journal index"):
        for item in path.parent.iterdir():
            if (
                item.name == path.name
                or item.name.startswith(f"{path.name}-")
                or item.name.startswith(f"{path.name}.damaged-")
            ):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(item)
    if not rebuild:
        return False
    index, _ = open_index(rebuild=True)
    index.close()
    return True
