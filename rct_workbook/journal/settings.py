"""Settings: the workplaces a person assesses, kept apart (data only).

Many therapists work in several settings (Hartling & Sparks, 2002), and movement only means
something between readings of the same place. Every assessment names its setting; one
saved before settings existed belongs to "main".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rct_workbook.errors import WorkbookError

#: The setting of an assessment saved before settings existed, or made without naming one.
#: (Here rather than in journal.entry, so choosing a setting does not load the entry code.)
DEFAULT_SETTING = "main"
MAX_SETTING = 60


@dataclass(frozen=True)
class SettingSummary:
    name: str
    assessments: int
    last: str  # when the last assessment was made (ISO, with its offset)

    def to_dict(self) -> dict[str, object]:
        return {"setting": self.name, "assessments": self.assessments, "last": self.last[:10]}


def clean_setting(name: str, option: str = "--setting") -> str:
    """A setting's name as stored: one line, spaces collapsed; a clear error otherwise."""
    text = " ".join(name.split())
    if not text:
        raise WorkbookError(f"{option} needs a name, such as the workplace (e.g. --setting ward)")
    if len(text) > MAX_SETTING:
        raise WorkbookError(f"{option}: the name is longer than {MAX_SETTING} characters; use a shorter one")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text):
        raise WorkbookError(f"{option}: the name holds control or invisible characters; type it plainly")
    return text


def match_setting(name: str, known: Sequence[SettingSummary]) -> str:
    """``name`` as already spelled in the journal when it matches one ignoring case, else as given."""
    wanted = name.casefold()
    for summary in known:
        if summary.name.casefold() == wanted:
            return summary.name
    return name


def default_setting(known: Sequence[SettingSummary]) -> str | None:
    """The setting to use when none is named: the one in use, or "main"; None when there are several."""
    if not known:
        return DEFAULT_SETTING
    if len(known) == 1:
        return known[0].name
    return None


def several(known: Sequence[SettingSummary]) -> WorkbookError:
    names = ", ".join(s.name for s in known)
    return WorkbookError(
        f"you have assessments in several settings ({names}); name one with --setting NAME (see rct settings)"
    )


def require_known(name: str, known: Sequence[SettingSummary]) -> str:
    """``name`` as the journal spells it; an error naming the settings there are, when it is not one."""
    found = match_setting(clean_setting(name), known)
    if found not in {s.name for s in known}:
        names = ", ".join(s.name for s in known) or "none yet"
        raise WorkbookError(f"no assessments in a setting called {found!r} (settings: {names})")
    return found
