"""Members' exports for a class profile, built in code: the entry summaries an export holds."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from rct_workbook.group import EntrySummary, MemberExport
from tests.journal.helpers import CONTENT

#: The day the profiles in these tests are made.
DAY = _dt.date(2026, 5, 14)
SURVIVAL = [p.id for p in CONTENT.cultures["survival"].indicators]
HIERARCHICAL = [p.id for p in CONTENT.cultures["hierarchical"].indicators]
CONNECTING = list(CONTENT.connecting_practices)
#: Every good thing rated 3.
ALL_THREE = {"zest": 3, "empowerment": 3, "clarity": 3, "worth": 3, "connection": 3}


def assessment(ratings: Mapping[str, int | None], **more: object) -> dict[str, object]:
    """An assessment's summary in an export: its good-thing ratings and any other fields given."""
    entry: dict[str, object] = {"kind": "assess", "date": "2026-05-01", "title": "Assessment", "good_things": ratings}
    entry.update(more)
    return entry


def member(i: int, *entries: dict[str, object]) -> MemberExport:
    """A member's export as ``parse_export`` gives it: each entry summary checked and typed."""
    return MemberExport(f"person-{i}", tuple(EntrySummary.model_validate(e) for e in entries))
