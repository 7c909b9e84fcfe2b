"""The figures of `rct progress` as JSON (what `--json` prints)."""

from __future__ import annotations

from rct_workbook.render.formats import Format, ProgressDocument, Rendered


class ProgressJson(Format[ProgressDocument]):
    name = "json"
    help = "the figures as JSON"
    suffixes = (".json",)
    title = "the progress figures"
    data_only = True

    def render(self, document: ProgressDocument) -> Rendered:
        import json

        return Rendered(json.dumps(document.progress.to_dict(), ensure_ascii=False, indent=2) + "\n")


FORMAT = ProgressJson()
