"""A ``sitecustomize`` that takes away what only POSIX has, so Windows can be checked on Linux.

tests/test_no_posix.py copies this file as ``sitecustomize.py`` into a folder on PYTHONPATH;
every Python process started with that PYTHONPATH (the installed ``rct``) runs it first.
It is not imported by the tests themselves.

What it takes away is what Python on Windows does not have:

- ``signal``: every signal Windows lacks (SIGHUP, SIGQUIT, SIGUSR1, ...) and the POSIX-only
  functions (alarm, pause, setitimer, ...). SIGBREAK, which only Windows has, is added, with
  SIGTTIN's number (21), which nothing else sends these processes: tests/test_no_posix.py
  sends it to check that a closed console ends a run as Ctrl-C does.
- ``os``: the user and group ids (getuid, geteuid, ...), chown, fchmod (Windows has it only
  from Python 3.13), mkfifo, mknod, sync, fork, and the open flags O_NOFOLLOW, O_NONBLOCK,
  O_DIRECTORY, O_TMPFILE and friends.
- the modules termios, tty, pty, fcntl, pwd, grp and resource: importing them raises
  ImportError (ModuleNotFoundError), as on Windows.

Libraries that choose their code by ``sys.platform`` (still Linux here) keep what they have,
to be faithful to Windows rather than stricter than it; what rct itself uses is taken away:

- ``filelock`` locks with flock (fcntl) here, opened with O_NONBLOCK and checked against
  geteuid; on Windows it locks with LockFileEx (msvcrt). Both are native locks the system
  releases when the process dies. Without fcntl it would fall back to its soft lock and
  warn, which is not what happens on Windows.
- ``platformdirs`` reads the user id for its runtime folder here (``from os import getuid``
  when imported); on Windows it asks the shell for the known folders instead.

So both are imported first, their modules keep a full copy of ``os``, and only then are
fcntl and the POSIX names hidden from everything else, rct among them.
"""

from __future__ import annotations

import importlib.abc
import os
import signal
import sys
import types

#: Modules Python on Windows does not have.
BLOCKED = frozenset({"termios", "tty", "pty", "fcntl", "pwd", "grp", "resource"})

#: The signals Python on Windows has (besides the handler constants SIG_DFL and SIG_IGN).
WINDOWS_SIGNALS = frozenset({"SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIGBREAK"})

SIGNAL_FUNCTIONS = (
    "alarm",
    "pause",
    "setitimer",
    "getitimer",
    "siginterrupt",
    "sigpending",
    "sigwait",
    "sigwaitinfo",
    "sigtimedwait",
    "pthread_kill",
    "pthread_sigmask",
)

OS_NAMES = (
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getgroups",
    "getresuid",
    "getresgid",
    "setuid",
    "seteuid",
    "setgid",
    "chown",
    "fchown",
    "lchown",
    "fchmod",
    "lchmod",
    "mkfifo",
    "mknod",
    "sync",
    "fork",
    "forkpty",
    "setsid",
    "killpg",
    "getpgid",
    "O_NOFOLLOW",
    "O_TMPFILE",
    "O_NONBLOCK",
    "O_DIRECTORY",
    "O_CLOEXEC",
    "O_NOCTTY",
    "O_SYNC",
    "O_DSYNC",
)


class _Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (taken away to check Windows)", name=name)
        return None


def _let_libraries_keep_posix() -> None:
    import tempfile

    import filelock
    import platformdirs

    # Each is used once, so that every module it loads is loaded now, while POSIX is whole.
    with tempfile.TemporaryDirectory() as folder, filelock.FileLock(os.path.join(folder, "probe.lock")):
        platformdirs.user_data_path("probe")
        platformdirs.user_cache_path("probe")
    whole_os = types.ModuleType("os")
    whole_os.__dict__.update(vars(os))
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in ("filelock", "platformdirs") and getattr(module, "os", None) is os:
            module.os = whole_os  # type: ignore[attr-defined]
    assert filelock.FileLock is filelock.UnixFileLock


def _take_away() -> None:
    if sys.platform != "win32":
        _let_libraries_keep_posix()

    for name in BLOCKED:
        sys.modules.pop(name, None)
    sys.meta_path.insert(0, _Blocked())

    for name in dir(signal):
        if name.startswith("SIG") and not name.startswith("SIG_") and name not in WINDOWS_SIGNALS:
            delattr(signal, name)
    for name in SIGNAL_FUNCTIONS:
        if hasattr(signal, name):
            delattr(signal, name)
    if not hasattr(signal, "SIGBREAK"):
        # SIGTTIN's number: sent by a terminal for a background read, never to these processes.
        signal.SIGBREAK = 21  # type: ignore[attr-defined]

    for name in OS_NAMES:
        if hasattr(os, name):
            delattr(os, name)
    if "tempfile" in sys.modules:  # imported above, it decided then that O_TMPFILE exists
        sys.modules["tempfile"]._O_TMPFILE_WORKS = False  # type: ignore[attr-defined]


_take_away()
