"""`rct worksheet`: printable paper versions of the assessment and the case reflections."""

from pathlib import Path
from typing import Annotated

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.conventions import choice
from rct_workbook.cli.output import FORCE_HELP
from rct_workbook.cli.state import state
from rct_workbook.render.formats import WORKSHEET

app = typer.Typer(
    help="Printable worksheets of the four steps or of a case, for people who will not use a terminal.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)

OUT = typer.Option("--out", metavar="FILE", help="Write the worksheet to FILE (- for stdout).")
FORCE = typer.Option("--force", help=FORCE_HELP)
FORMAT = typer.Option("--format", help=WORKSHEET.help(by_suffix=True), **choice(*WORKSHEET.names()))


@app.command("assess")
def assess(
    ctx: typer.Context,
    out: Annotated[Path | None, OUT] = None,
    fmt: Annotated[str | None, FORMAT] = None,
    force: Annotated[bool, FORCE] = False,
) -> None:
    """The four-step assessment on paper: every question of rct assess, its help, and room to write.

    Example: rct worksheet assess --out assess.html
    """
    from rct_workbook.cli.output import may_replace
    from rct_workbook.worksheet import assess_worksheet

    replace = may_replace(out, "--out", force=force, plain=state(ctx).plain)
    _write(assess_worksheet(state(ctx).content()), out, fmt, replace)


@app.command("vignette")
def vignette(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(metavar="CASE", help="The case: {cases}.", autocompletion=complete.vignettes)],
    out: Annotated[Path | None, OUT] = None,
    fmt: Annotated[str | None, FORMAT] = None,
    force: Annotated[bool, FORCE] = False,
) -> None:
    """A case on paper: the case in parts, its reflection questions with room to write, and discussion questions.

    Example: rct worksheet vignette paula --out paula.html
    """
    from rct_workbook.cli.output import may_replace
    from rct_workbook.worksheet import vignette_worksheet

    replace = may_replace(out, "--out", force=force, plain=state(ctx).plain)
    _write(vignette_worksheet(state(ctx).content(), case), out, fmt, replace)


def _write(sheet: object, out: Path | None, fmt: str | None, replace: bool) -> None:
    from rct_workbook.cli.output import write_document
    from rct_workbook.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    write_document(out, WORKSHEET.for_file(fmt, out).render(sheet).data, "the worksheet", replace=replace)
