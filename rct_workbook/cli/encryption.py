"""`rct journal encrypt`, `decrypt`, `passphrase` and `forget`, and the one hidden prompt for the passphrase."""

import sys
from pathlib import Path
from typing import Annotated

import typer


def ask_passphrase(prompt: str, note: str | None = None) -> str:
    """Ask a person for a passphrase without showing it (``vault`` calls this at most once a run).

    ``note`` is one line on why they are asked (a remembered passphrase that failed), said first.
    """
    from rct_workbook.cli.state import has_terminal
    from rct_workbook.errors import Cancelled, WorkbookError
    from rct_workbook.journal.vault import PASSPHRASE_ENV

    if not has_terminal():
        raise WorkbookError(
            f"{note + ', and' if note else 'your journal is encrypted and'} there is no terminal to ask its"
            f" passphrase in; name a file holding it (yours alone) in {PASSPHRASE_ENV}"
        )
    import getpass

    if note:
        sys.stderr.write(f"rct: {note}\n")

    try:
        given = getpass.getpass(f"{prompt}: ", stream=sys.stderr)
    except EOFError:
        raise Cancelled("no passphrase was given; nothing was changed") from None
    if not given:
        raise Cancelled("no passphrase was given; nothing was changed")
    return given


def offer_prompt() -> None:
    """Let the journal ask for its passphrase through this command line."""
    from rct_workbook.journal import vault

    vault.offer(ask_passphrase)


def _new_passphrase(from_file: Path | None) -> str:
    """A new passphrase: from ``from_file``, ``RCT_PASSPHRASE_FILE``, or asked twice; refused if weak."""
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal import vault

    given = (
        vault.passphrase_in(from_file.expanduser(), "--new-passphrase-file")
        if from_file is not None
        else vault.given_passphrase()
    )
    if given is None:
        given = vault.ask("New passphrase for your journal")
        if vault.ask("The same passphrase again") != given:
            raise WorkbookError("the two passphrases differ; nothing was changed")
    weak = vault.weakness(given)
    if weak is not None:
        raise WorkbookError(f"{weak}; nothing was changed")
    return given


def _entries(count: int) -> str:
    return f"{count:,} entr{'y' if count == 1 else 'ies'}"


def _report_left(left: tuple[str, ...], command: str) -> None:
    from rct_workbook.errors import StorageError
    from rct_workbook.render.safe import clean

    if left:
        for line in left:
            sys.stderr.write(f"rct: not changed: {clean(line)}\n")
        raise StorageError(
            f"{len(left)} file{'s' if len(left) != 1 else ''} could not be changed (named above) and are kept as they"
            f" were; move them away or restore them, then run rct journal {command} again"
        )


_REMEMBER_HELP = (
    "Have the system keyring (Keychain, Credential Manager, GNOME Keyring, KWallet) remember the passphrase,"
    " so rct does not ask it; needs the keyring package."
)
_REMEMBERED = "The system keyring remembers your passphrase; to stop that: rct journal forget\n"


def _remember(passphrase: str | None) -> None:
    """Remember ``passphrase`` (None: the one that unlocks the journal now) and record the choice."""
    from rct_workbook.journal import vault

    found = vault.state()
    assert found is not None
    if passphrase is None:
        passphrase = _current_passphrase()
    vault.keyring_set(found.recipient, passphrase)
    vault.set_state(found.mode, found.recipient, keyring=True)


def _current_passphrase() -> str:
    """The passphrase that opens the journal: from RCT_PASSPHRASE_FILE or asked (never the keyring's)."""
    from rct_workbook.journal import vault

    given = vault.given_passphrase() or vault.ask("Passphrase of your journal")
    vault.unlock(given)  # a wrong one is not remembered
    return given


def encrypt(
    remember: Annotated[bool, typer.Option("--remember", help=_REMEMBER_HELP)] = False,
) -> None:
    """Encrypt your journal: entries, drafts and remembered decisions, with a passphrase.

    Asks a new passphrase twice (or reads RCT_PASSPHRASE_FILE). Files become age files
    (ENTRY.md.age) that `age -d` opens without rct. If it is interrupted, run it again.
    With --remember, the system keyring keeps the passphrase (also for a journal already
    encrypted); rct journal forget removes it.

    Example: rct journal encrypt --remember
    """
    from rct_workbook.journal import encryption, vault

    if remember:
        vault.keyring_check()  # no keyring: say so before anything is asked or changed
    found = vault.state()
    passphrase = _new_passphrase(None) if found is None else None
    if remember and found is not None and not found.keyring:
        passphrase = _current_passphrase()  # checked before anything changes
    done = encryption.encrypt(passphrase)
    _report_left(done.left, "encrypt")
    if remember and passphrase is not None:  # else it is remembered already
        _remember(passphrase)
    if found is not None and found.mode == vault.ON and not (done.changed or done.drafts or done.decisions):
        sys.stdout.write(f"Your journal is already encrypted ({_entries(done.entries)}).\n")
        if remember:
            sys.stdout.write(_REMEMBERED)
        return
    others = [f"{done.drafts} draft{'s' if done.drafts != 1 else ''}"] if done.drafts else []
    others += [f"the export decisions of {_entries(done.decisions)}"] if done.decisions else []
    more = f" (and {' and '.join(others)})" if others else ""
    sys.stdout.write(f"Encrypted: {_entries(done.entries)}{more}. rct now asks for the passphrase to read them.\n")
    if not done.indexed:
        sys.stdout.write("The journal's index is rebuilt the next time rct reads your journal.\n")
    if remember:
        sys.stdout.write(_REMEMBERED)


def decrypt() -> None:
    """Decrypt your journal: every file back to exactly what it was, and no passphrase asked.

    Example: rct journal decrypt
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal import encryption, vault

    found = vault.state()
    if found is None:
        sys.stdout.write("Your journal is not encrypted; nothing was changed.\n")
        return
    done = encryption.decrypt(None)
    _report_left(done.left, "decrypt")
    sys.stdout.write(f"Decrypted: {_entries(done.entries)}. Your journal is plain Markdown again.\n")
    if found.keyring:
        try:
            vault.keyring_delete(found.recipient)  # no longer needed; a new key gets a new item
        except WorkbookError as exc:
            sys.stderr.write(f"rct: {exc.message}; remove the item rct-workbook from it yourself\n")


def passphrase(
    new_passphrase_file: Annotated[
        Path | None,
        typer.Option(
            "--new-passphrase-file",
            metavar="FILE",
            help="Read the new passphrase from FILE (yours alone, one line) instead of asking.",
        ),
    ] = None,
    remember: Annotated[bool, typer.Option("--remember", help=_REMEMBER_HELP)] = False,
) -> None:
    """Change the passphrase of your encrypted journal (the entries stay as they are).

    Asks the current passphrase (or reads RCT_PASSPHRASE_FILE, or the system keyring if it
    remembers it), then the new one twice. A remembered passphrase is replaced by the new one.

    Example: rct journal passphrase
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal import encryption, vault

    found = vault.state()
    if found is None:
        raise WorkbookError("your journal is not encrypted; to turn encryption on: rct journal encrypt")
    keep = remember or found.keyring
    if keep:
        try:
            vault.keyring_check()  # before anything is asked or changed
        except WorkbookError as exc:
            if remember:
                raise
            raise WorkbookError(
                f"{exc.message}, so it cannot keep the new passphrase; nothing was changed."
                " To change it without the keyring: rct journal forget, then rct journal passphrase"
            ) from None
    vault.unlock()  # the current passphrase first: a wrong one asks nothing more
    if new_passphrase_file is None and vault.given_passphrase() is not None:
        raise WorkbookError(
            f"{vault.PASSPHRASE_ENV} gives the current passphrase; give the new one with --new-passphrase-file FILE"
        )
    new = _new_passphrase(new_passphrase_file)
    encryption.change_passphrase(None, new)
    sys.stdout.write("Changed the passphrase of your journal.\n")
    if keep:
        try:
            _remember(new)
        except WorkbookError as exc:
            raise WorkbookError(
                f"{exc.message}; the passphrase was changed all the same, so rct will ask for the new one"
            ) from None
        sys.stdout.write(_REMEMBERED)


def forget() -> None:
    """Stop the system keyring remembering your journal's passphrase; rct asks it again.

    Example: rct journal forget
    """
    from rct_workbook.journal import vault

    found = vault.state()
    if found is None or not found.keyring:
        sys.stdout.write("The system keyring does not remember your passphrase for rct; nothing was changed.\n")
        return
    from rct_workbook.errors import WorkbookError

    try:
        vault.keyring_delete(found.recipient)
    except WorkbookError as exc:  # rct stops reading it all the same: the person chose to stop
        vault.set_state(found.mode, found.recipient, keyring=False)
        sys.stderr.write(f"rct: {exc.message}; remove the item rct-workbook from it yourself\n")
        sys.stdout.write("rct no longer reads your passphrase from the system keyring; it asks when it needs it.\n")
        return
    vault.set_state(found.mode, found.recipient, keyring=False)
    sys.stdout.write("The system keyring no longer remembers your passphrase; rct asks it when it needs it.\n")
