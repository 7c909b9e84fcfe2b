"""Export decisions remembered per entry, so a re-export asks only about new details.

One private file per entry under ``<data root>/decisions/`` (0600, folder 0700) holds,
for each detail decided, a salted SHA-256 of its kind and text and whether it was
redacted or kept — never the detail itself — and whether the entry passed a full review.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field

from rct_workbook.errors import StorageError
from rct_workbook.paths import decisions_dir, ensure_private_dir
from rct_workbook.storage import write_atomic

CHOICES = ("redact", "keep")


@dataclass
class Decisions:
    """One entry's remembered decisions."""

    salt: str = field(default_factory=lambda: secrets.token_hex(16))
    choices: dict[str, str] = field(default_factory=dict)
    reviewed: bool = False

    def digest(self, kind: str, value: str) -> str:
        text = f"{kind}\0{' '.join(value.split()).casefold()}"
        return hashlib.sha256(f"{self.salt}\0{text}".encode()).hexdigest()

    def get(self, kind: str, value: str) -> str | None:
        return self.choices.get(self.digest(kind, value))

    def set(self, kind: str, value: str, choice: str) -> None:
        self.choices[self.digest(kind, value)] = choice


def _path_for(entry_id: str) -> str:
    safe = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", entry_id)
    return f"{entry_id}.json" if safe else f"{hashlib.sha256(entry_id.encode()).hexdigest()}.json"


def load(entry_id: str) -> Decisions:
    """The entry's decisions; none if never exported, or if the file is unreadable."""
    path = decisions_dir() / _path_for(entry_id)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Decisions()
    except (OSError, ValueError):
        return Decisions()  # a damaged file only means asking again
    if not isinstance(data, dict) or not isinstance(data.get("salt"), str):
        return Decisions()
    raw = data.get("decisions")
    choices = {k: v for k, v in raw.items() if isinstance(k, str) and v in CHOICES} if isinstance(raw, dict) else {}
    return Decisions(data["salt"], choices, data.get("reviewed") is True)


def save(entry_id: str, decisions: Decisions) -> None:
    folder = ensure_private_dir(decisions_dir())
    data = {"format": 1, "salt": decisions.salt, "reviewed": decisions.reviewed, "decisions": decisions.choices}
    write_atomic(folder / _path_for(entry_id), (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())


def forget(entry_id: str) -> None:
    """Drop an entry's decisions (when the entry is deleted)."""
    try:
        (decisions_dir() / _path_for(entry_id)).unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StorageError(f"could not remove the export decisions of {entry_id}: {exc.strerror or exc}") from None
