"""An anonymous class profile as Markdown (`render/profile_view.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rct_workbook.render.formats import Format, Rendered

if TYPE_CHECKING:
    from rct_workbook.class_profile import ClassProfile


class ProfileMarkdown(Format["ClassProfile"]):
    name = "md"
    help = "Markdown"
    suffixes = (".md", ".markdown")

    def render(self, document: ClassProfile) -> Rendered:
        from rct_workbook.render.profile_view import profile_markdown

        return Rendered(profile_markdown(document))


FORMAT = ProfileMarkdown()
