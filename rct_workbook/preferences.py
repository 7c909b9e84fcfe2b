"""The member's own preferences: the name their handouts open with, the phone region.

Kept in one small private JSON file in the data root (0600). Nothing here prints or
prompts; `rct config` shows and changes it, and the export asks for the display name once.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass
from typing import Any

from rct_workbook.errors import StorageError, WorkbookError
from rct_workbook.paths import data_root, ensure_private_dir, preferences_file
from rct_workbook.storage import write_atomic

#: preferences.json holds two short strings; anything larger is not rct's.
MAX_BYTES = 64 * 1024

#: The keys `rct config` knows: key -> (field, what it means).
KEYS = {
    "display-name": ("display_name", "the name your handouts open with (may be blank)"),
    "phone-region": ("phone_region", "where national phone numbers are from, e.g. GB or US (default: your locale)"),
}


@dataclass(frozen=True)
class Preferences:
    #: None: never asked; "": the member chose to show no name.
    display_name: str | None = None
    phone_region: str | None = None


def load() -> Preferences:
    from rct_workbook.storage import NotReadable, read_bounded

    path = preferences_file()
    try:
        raw = read_bounded(path, MAX_BYTES, follow_links=False, private=True)
    except FileNotFoundError:
        return Preferences()
    except NotReadable as exc:
        raise StorageError(f"cannot read {path}: {exc}; move it away to start again") from None
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise StorageError(f"{path} is not valid JSON; fix it or delete it to start again") from None
    if not isinstance(data, dict):
        raise StorageError(f"{path} is not valid JSON; fix it or delete it to start again")
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Preferences):
        value = data.get(f.name)
        values[f.name] = value if isinstance(value, str) else None
    return Preferences(**values)


def save(preferences: Preferences) -> Preferences:
    ensure_private_dir(data_root())
    data = {k: v for k, v in dataclasses.asdict(preferences).items() if v is not None}
    write_atomic(preferences_file(), (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return preferences


def check(key: str, value: str) -> str:
    """The value as stored, or a WorkbookError saying what is wrong with it."""
    if key not in KEYS:
        raise WorkbookError(f"unknown setting {key!r}; choose one of: {', '.join(KEYS)}")
    value = " ".join(value.split())
    if key == "phone-region":
        import phonenumbers

        region = value.upper()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise WorkbookError(f"{value!r} is not a phone region; use a two-letter country code such as GB or US")
        return region
    if len(value) > 80:
        raise WorkbookError("a display name can be at most 80 characters")
    return value


def set_value(key: str, value: str | None) -> Preferences:
    """Store (or with None, forget) one preference."""
    if key not in KEYS:
        raise WorkbookError(f"unknown setting {key!r}; choose one of: {', '.join(KEYS)}")
    stored = None if value is None else check(key, value)
    return save(dataclasses.replace(load(), **{KEYS[key][0]: stored}))


def phone_region() -> str:
    return load().phone_region or default_region()


def default_region() -> str:
    """The phone region from the locale (en_GB.UTF-8 → GB), else US."""
    return locale_region() or "US"


def locale_region() -> str | None:
    """The region the locale names (en_GB.UTF-8 → GB), if it names one."""
    for var in ("LC_ALL", "LC_TELEPHONE", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        match = re.match(r"^[a-z]{2,3}_([A-Z]{2})\b", value)
        if match:
            return match.group(1)
    return None


def known_region() -> str | None:
    """The person's region when it is known: set with `rct config set phone-region`, or
    named by the locale. Never a guess: the care note names a national crisis line only
    for a region known this way, and otherwise says "your local crisis line"."""
    try:
        chosen = load().phone_region
    except StorageError:
        chosen = None  # a damaged preferences file must not keep the care note from showing
    return chosen or locale_region()
