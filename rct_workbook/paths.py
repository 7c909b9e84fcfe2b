"""The one place that knows where a person's data lives."""

from __future__ import annotations

import os
from pathlib import Path

from rct_workbook.errors import StorageError
from rct_workbook.system import posix_permissions

APP_NAME = "rct-workbook"


def data_root() -> Path:
    """``RCT_HOME`` if set, else the platform's user data folder for rct-workbook."""
    override = os.environ.get("RCT_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only the commands that store something pay for this import

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path | None:
    """Where things rct can rebuild are kept (the validated content), or None for nowhere.

    ``RCT_CACHE`` if set; else, when ``RCT_HOME`` is set, its ``cache`` folder (so a test or
    a second data root has its own), but only once that data folder exists: it is never
    made just to hold a cache. Else the platform's user cache folder for rct-workbook.
    """
    override = os.environ.get("RCT_CACHE")
    if override:
        return Path(override).expanduser()
    if os.environ.get("RCT_HOME"):
        root = data_root()
        return root / "cache" if root.is_dir() else None
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def journal_dir() -> Path:
    return data_root() / "journal"


def drafts_dir() -> Path:
    return data_root() / "drafts"


def editing_dir(sealed: bool) -> Path:
    """Where the text open in the person's editor is kept while they edit: the drafts folder;
    with the journal encrypted, rct's own folder in the per-user runtime folder where the
    system has one (XDG_RUNTIME_DIR: in memory on Linux, 0700, emptied at log-out), so an
    answer is not written in clear into the data folder, even by a run killed mid-edit."""
    if sealed:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
            return Path(runtime) / "rct-workbook"
    return drafts_dir()


def ensure_private_dir(path: Path) -> Path:
    """Make sure ``path`` is a folder rct can write, creating what is missing as 0700.

    Only folders rct creates are given mode 0700: an existing folder (a team folder, a
    sticky shared folder, a read-only root) is never chmod-ed; ``readable_by_others``
    says when one should be warned about. Raises a StorageError with a readable message,
    before anything is asked, when the folder cannot be made or written.
    """
    missing: list[Path] = []
    probe = path
    while not os.path.lexists(probe) and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another process made it first: it is not ours to change
        except OSError as exc:
            raise StorageError(f"cannot create the data folder {path}: {exc.strerror or exc}") from None
        if not posix_permissions():
            continue  # Windows: the folder inherits the access list of the profile it is made in
        try:
            os.chmod(folder, 0o700)  # mkdir's mode is narrowed by the umask; make it exactly 0700
        except OSError as exc:
            raise StorageError(f"cannot make {folder} private: {exc.strerror or exc}") from None
    if path.is_symlink() or not path.is_dir():
        if missing or not path.exists():
            raise StorageError(f"cannot create the data folder {path}: a file is in the way")
        raise StorageError(f"{path} is not a folder; rct will not write there")
    if not missing and path != data_root():
        # A folder rct did not make just now, for its own private files (journal/, drafts/,
        # decisions/): another user's, or a team folder others can write to, could have files
        # planted, replaced or removed in it. (The data root itself may be a shared folder: it
        # is only warned about, and rct makes its own folders inside it, 0700.)
        problem = folder_problem(path)
        if problem is not None:
            raise StorageError(
                f"rct keeps private files only in a folder of your own, and {path} is not: {problem}"
                f"; if it is yours alone: chmod 700 {path}"
            )
    if not os.access(path, os.W_OK | os.X_OK):
        raise StorageError(f"cannot write to the data folder {path}; check its permissions or set RCT_HOME")
    return path


def folder_problem(folder: Path) -> str | None:
    """Why an existing folder rct did not necessarily make should not hold rct's private
    files, or None when it may: a link, not a folder, another user's, or one others can
    write to (a 2775 team folder, a 1777 shared one), where they could plant, replace or
    remove what rct keeps there. A missing folder is no problem: rct makes it 0700."""
    import stat

    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"it cannot be checked ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(st.st_mode):
        return "it is not a folder"
    if posix_permissions():  # on Windows the access list decides, and the mode bits say nothing
        if st.st_uid != os.geteuid():
            return "it belongs to another user"
        if st.st_mode & 0o022:
            return "other users can write to it"
    return None


def preferences_file() -> Path:
    """The member's private preferences (display name, phone region): JSON, 0600."""
    return data_root() / "preferences.json"


def decisions_dir() -> Path:
    """Remembered export decisions, one private file per entry (hashes, never the details)."""
    return data_root() / "decisions"


def decisions_key_file() -> Path:
    """The secret that keys the decisions' hashes (0600), kept apart from ``decisions/`` so a
    decisions folder synced, backed up or planted on its own can be neither read nor used."""
    return data_root() / "decisions.key"


def readable_by_others(path: Path) -> bool:
    """Whether other users can list or read the folder (or file) at ``path``.

    Never, by its mode, on Windows: there every file shows 0666 and who may read it is
    decided by its access list (system.posix_permissions)."""
    if not posix_permissions():
        return False
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False
