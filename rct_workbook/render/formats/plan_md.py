"""A workshop plan as Markdown (`render/workshop_view.py`)."""

from __future__ import annotations

from rct_workbook.render.formats import Format, PlanDocument, Rendered


class PlanMarkdown(Format[PlanDocument]):
    name = "md"
    help = "Markdown"
    suffixes = (".md", ".markdown")

    def render(self, document: PlanDocument) -> Rendered:
        from rct_workbook.render.workshop_view import plan_markdown

        return Rendered(plan_markdown(document.plan, document.content))


FORMAT = PlanMarkdown()
