"""The one place that knows where a person's data lives."""

from __future__ import annotations

import os
from pathlib import Path

from rct_workbook.errors import StorageError

APP_NAME = "rct-workbook"


def data_root() -> Path:
    """``RCT_HOME`` if set, else the platform's user data folder for rct-workbook."""
    override = os.environ.get("RCT_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only the commands that store something pay for this import

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def journal_dir() -> Path:
    return data_root() / "journal"


def drafts_dir() -> Path:
    return data_root() / "drafts"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) as 0700 folders and check it can be written.

    Raises a StorageError with a readable message, before anything is asked, when the
    folder cannot be made or written.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the data folder {path}: {exc.strerror or exc}") from None
    if path.is_symlink() or not path.is_dir():
        raise StorageError(f"{path} is not a folder; rct will not write there")
    try:
        mode = path.stat().st_mode & 0o777
        if mode != 0o700:
            os.chmod(path, 0o700)
    except OSError as exc:
        raise StorageError(f"cannot make {path} private: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise StorageError(f"cannot write to the data folder {path}; check its permissions or set RCT_HOME")
    return path


def preferences_file() -> Path:
    """The member's private preferences (display name, phone region): JSON, 0600."""
    return data_root() / "preferences.json"


def decisions_dir() -> Path:
    """Remembered export decisions, one private file per entry (hashes, never the details)."""
    return data_root() / "decisions"
