"""A keyring backend for tests: a 0600 JSON file, so separate rct processes share it.

Selected with ``PYTHON_KEYRING_BACKEND=tests.reliability.keyring_file_backend.FileKeyring``
and ``RCT_TEST_KEYRING`` naming the file; nothing of the real system keyring is touched.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

FILE_VARIABLE = "RCT_TEST_KEYRING"


def _path() -> Path:
    return Path(os.environ[FILE_VARIABLE])


def items() -> dict[str, str]:
    """What the file keyring holds, as ``service/username`` → password."""
    try:
        data = json.loads(_path().read_text("utf-8"))
    except FileNotFoundError:
        return {}
    assert isinstance(data, dict)
    return {str(k): str(v) for k, v in data.items()}


def put(found: dict[str, str]) -> None:
    path = _path()
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(found, out)
    os.replace(temp, path)


class FileKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return items().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        found = items()
        found[f"{service}/{username}"] = password
        put(found)

    def delete_password(self, service: str, username: str) -> None:
        found = items()
        if found.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("no such password")
        put(found)


class LockedKeyring(FileKeyring):
    """A keyring the person has not unlocked (as a locked login keychain): every read fails."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")
