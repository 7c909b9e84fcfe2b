"""`rct journal encrypt`, `decrypt` and `passphrase`, and the one hidden prompt for the passphrase."""

import sys
from pathlib import Path
from typing import Annotated

import typer


def ask_passphrase(prompt: str) -> str:
    """Ask a person for a passphrase without showing it (``vault`` calls this at most once a run)."""
    from rct_workbook.cli.state import has_terminal
    from rct_workbook.errors import Cancelled, WorkbookError
    from rct_workbook.journal.vault import PASSPHRASE_ENV

    if not has_terminal():
        raise WorkbookError(
            f"your journal is encrypted and there is no terminal to ask its passphrase in;"
            f" name a file holding it (yours alone) in {PASSPHRASE_ENV}"
        )
    import getpass

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


def encrypt() -> None:
    """Encrypt your journal: entries, drafts and remembered decisions, with a passphrase.

    Asks a new passphrase twice (or reads RCT_PASSPHRASE_FILE). Files become age files
    (ENTRY.md.age) that `age -d` opens without rct. If it is interrupted, run it again.

    Example: rct journal encrypt
    """
    from rct_workbook.journal import encryption, vault

    found = vault.state()
    passphrase = _new_passphrase(None) if found is None else None
    done = encryption.encrypt(passphrase)
    _report_left(done.left, "encrypt")
    if found is not None and found.mode == vault.ON and not (done.changed or done.drafts or done.decisions):
        sys.stdout.write(f"Your journal is already encrypted ({_entries(done.entries)}).\n")
        return
    others = [f"{done.drafts} draft{'s' if done.drafts != 1 else ''}"] if done.drafts else []
    others += [f"the export decisions of {_entries(done.decisions)}"] if done.decisions else []
    more = f" (and {' and '.join(others)})" if others else ""
    sys.stdout.write(f"Encrypted: {_entries(done.entries)}{more}. rct now asks for the passphrase to read them.\n")
    if not done.indexed:
        sys.stdout.write("The journal's index is rebuilt the next time rct reads your journal.\n")


def decrypt() -> None:
    """Decrypt your journal: every file back to exactly what it was, and no passphrase asked.

    Example: rct journal decrypt
    """
    from rct_workbook.journal import encryption, vault

    if vault.state() is None:
        sys.stdout.write("Your journal is not encrypted; nothing was changed.\n")
        return
    done = encryption.decrypt(None)
    _report_left(done.left, "decrypt")
    sys.stdout.write(f"Decrypted: {_entries(done.entries)}. Your journal is plain Markdown again.\n")


def passphrase(
    new_passphrase_file: Annotated[
        Path | None,
        typer.Option(
            "--new-passphrase-file",
            metavar="FILE",
            help="Read the new passphrase from FILE (yours alone, one line) instead of asking.",
        ),
    ] = None,
) -> None:
    """Change the passphrase of your encrypted journal (the entries stay as they are).

    Asks the current passphrase (or reads RCT_PASSPHRASE_FILE), then the new one twice.

    Example: rct journal passphrase
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal import encryption, vault

    if vault.state() is None:
        raise WorkbookError("your journal is not encrypted; to turn encryption on: rct journal encrypt")
    vault.unlock()  # the current passphrase first: a wrong one asks nothing more
    if new_passphrase_file is None and vault.given_passphrase() is not None:
        raise WorkbookError(
            f"{vault.PASSPHRASE_ENV} gives the current passphrase; give the new one with --new-passphrase-file FILE"
        )
    encryption.change_passphrase(None, _new_passphrase(new_passphrase_file))
    sys.stdout.write("Changed the passphrase of your journal.\n")
