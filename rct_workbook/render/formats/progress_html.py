"""The progress page: one self-contained HTML page with SVG charts (`render/progress_html.py`)."""

from __future__ import annotations

from rct_workbook.render.formats import Format, ProgressDocument, Rendered


class ProgressPage(Format[ProgressDocument]):
    name = "html"
    help = "one page with SVG charts, to keep or print"
    suffixes = (".html", ".htm")
    title = "the progress page"

    def render(self, document: ProgressDocument) -> Rendered:
        from rct_workbook.render.progress_html import progress_html

        content = document.load_content()
        return Rendered(
            progress_html(
                document.progress,
                culture_names={c.id: c.name for c in content.cultures.values()},
                disclaimer=content.meta.disclaimer,
            )
        )


FORMAT = ProgressPage()
