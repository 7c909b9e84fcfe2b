"""Where to turn: the national crisis line content names for a region."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rct_workbook.model.content import Content
    from rct_workbook.model.schema import CrisisLine


def crisis_line_for(content: Content, region: str | None) -> CrisisLine | None:
    """The national crisis line content names for a region (a two-letter code), if any."""
    if not region:
        return None
    wanted = region.upper()
    return next((line for line in content.crisis_lines.values() if wanted in line.regions), None)
