"""An anonymous class profile as HTML for the plenary, with SVG charts (`render/profile_view.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rct_workbook.render.formats import Format, Rendered

if TYPE_CHECKING:
    from rct_workbook.class_profile import ClassProfile


class ProfileHtml(Format["ClassProfile"]):
    name = "html"
    help = "HTML for the plenary, with charts"
    suffixes = (".html", ".htm")

    def render(self, document: ClassProfile) -> Rendered:
        from rct_workbook.render.profile_view import profile_html

        return Rendered(profile_html(document))


FORMAT = ProfileHtml()
