"""`rct content`: check a content pack, and see what is loaded from where."""

from pathlib import Path
from typing import Annotated

import typer

from rct_workbook.cli.state import state

app = typer.Typer(
    help="Check content packs and list the loaded content.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


@app.command("validate")
def validate(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The folder of YAML files to check.")],
) -> None:
    """Check a content pack and print every problem, one per line.

    Exits 0 when the pack is valid, 2 when it has problems.

    Example: rct content validate ./team-vignettes
    """
    from rct_workbook.errors import ContentError
    from rct_workbook.model.content import validate_pack

    problems = validate_pack(folder)
    if problems:
        raise ContentError(
            f"{folder} has {len(problems)} problem{'s' if len(problems) != 1 else ''}",
            details=tuple(str(p) for p in problems),
        )
    typer.echo(f"{folder}: valid")


@app.command("list")
def list_content(ctx: typer.Context) -> None:
    """List every loaded item: its kind, id and where it came from.

    Example: rct --content ./team-vignettes content list
    """
    from rct_workbook.model.content import iter_items
    from rct_workbook.render.terminal import print_all

    st = state(ctx)
    content = st.content()
    ui = st.ui()
    rows = []
    for kind, ident, origin in sorted(iter_items(content), key=lambda r: (r[0], r[1])):
        rows.append((kind, ident, origin.pack, origin.file.name))
    print_all(
        st.console(),
        [
            ui.title("Loaded content", f"Content version {content.version}; {len(rows)} items"),
            ui.table(["Kind", "Id", "From", "File"], rows, ratios=[2, 4, 2, 3]),
        ],
    )
