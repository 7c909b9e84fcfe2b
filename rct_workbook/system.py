"""What differs between Windows, macOS and Linux, decided in one place.

Each answer is found by looking for the feature itself (``hasattr``), never by the system's
name, so the Windows path can be checked on Linux by taking the feature away
(tests/test_no_posix.py). Nothing here imports more than the standard library's ``os`` and
``signal``, so the entry point can ask before anything else is loaded.
"""

from __future__ import annotations

import os
import signal


def posix_permissions() -> bool:
    """Whether a file's mode bits and owner say who can read and change it.

    True on Linux and macOS. False on Windows: there ``st_mode`` shows only the read-only
    flag (every file looks like 0666), ``chmod`` can only set that flag, ``st_uid`` is 0,
    and who may read a file is decided by its access list, which a file in the per-user
    data folder inherits from the person's profile. So on Windows rct neither sets modes
    nor checks them, and never warns that a file is "readable by others" from its mode.
    """
    return hasattr(os, "geteuid")


def owned_by_someone_else(st: os.stat_result) -> bool:
    """Whether the file ``st`` describes belongs to another user (never, where owners are not ids)."""
    return posix_permissions() and st.st_uid != os.geteuid()


def cancelling_signals() -> tuple[int, ...]:
    """The signals that end a run as Ctrl-C does (exit 130, temporary files removed, the draft kept).

    SIGTERM everywhere (a polite kill). SIGHUP where it exists (Linux, macOS): the terminal
    window was closed. SIGBREAK where it exists (Windows): Ctrl-Break, and the console
    window being closed, which Windows reports to Python as SIGBREAK. Windows gives a
    process only a few seconds after its console closes, and may end it before Python runs
    the handler; the draft is safe either way, as it is written after every answer.
    """
    found = [signal.SIGTERM]
    for name in ("SIGHUP", "SIGBREAK"):
        number = getattr(signal, name, None)
        if number is not None:
            found.append(number)
    return tuple(found)


def stop_reason(signum: int) -> str:
    """Why a run ended on signal ``signum``, in a person's words."""
    if signum == getattr(signal, "SIGHUP", None):
        return "the terminal was lost"
    if signum == getattr(signal, "SIGBREAK", None):
        return "the console was closed, or Ctrl-Break was pressed"
    return "rct was asked to stop (SIGTERM)"


def split_command(command: str, *, windows: bool = os.name == "nt") -> list[str]:
    """The words of a command a person set in PAGER, VISUAL or EDITOR.

    POSIX shell rules on Linux and macOS. On Windows a backslash separates folders and only
    double quotes group words (``"C:\\Program Files\\Notepad++\\notepad++.exe" -multiInst``),
    so words are split there without treating backslashes as escapes. Raises ValueError for
    an unclosed quote.
    """
    import shlex

    if not windows:
        return shlex.split(command)
    words = shlex.split(command, posix=False)
    return [w[1:-1] if len(w) > 1 and w[0] == w[-1] == '"' else w for w in words]
