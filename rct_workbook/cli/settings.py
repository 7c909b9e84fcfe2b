"""`rct settings`: the workplaces you assess, kept apart."""

import sys
from typing import Annotated

import typer


def settings(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list (setting, assessments, last).")] = False,
) -> None:
    """List your settings, with their number of assessments and the date of the last.

    Name a setting with rct assess --setting NAME; progress, steps and the journal list
    take --setting too.

    Example: rct settings
    """
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.render.safe import clean

    known = open_journal().settings()
    if as_json:
        import json

        sys.stdout.write(json.dumps([s.to_dict() for s in known], ensure_ascii=False, indent=2) + "\n")
        return
    if not known:
        sys.stdout.write("No assessments yet. Start with: rct assess --setting NAME (or just rct assess)\n")
        return
    width = max(7, *(len(clean(s.name)) for s in known))
    lines = [f"{'Setting':<{width}}  Assessments  Last"]
    lines += [f"{clean(s.name):<{width}}  {s.assessments:>11}  {s.last[:10]}" for s in known]
    sys.stdout.write("\n".join(lines) + "\n")
