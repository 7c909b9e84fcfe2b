"""`rct vignette`: study a case from the paper and reflect on it."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.state import has_terminal, state


def vignette(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="The vignette: paula, susan, agnes or clinic (or one from a content pack).",
            autocompletion=complete.vignettes,
        ),
    ] = None,
    no_reflect: Annotated[
        bool, typer.Option("--no-reflect", help="Only show the case; ask nothing, save nothing.")
    ] = False,
    template: Annotated[
        bool, typer.Option("--template", help="Print a YAML answers file for the reflection questions.")
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", metavar="FILE", help="Answer the reflection questions from a YAML file, with no prompts."
        ),
    ] = None,
    editor: Annotated[
        bool, typer.Option("--editor", help="Write long answers in $EDITOR (Ctrl-E at a prompt does too).")
    ] = False,
) -> None:
    """Study a vignette part by part, then reflect on it and save a journal entry.

    With no NAME, list the vignettes.

    Example: rct vignette paula
    """
    from rct_workbook.errors import StorageError, WorkbookError
    from rct_workbook.flow.askers import FileAsker, QuestionaryAsker, answers_file_text, read_answers
    from rct_workbook.flow.askers import template as answers_template
    from rct_workbook.flow.questions import resolve, walk
    from rct_workbook.journal.entry import save
    from rct_workbook.journal.reflection import vignette_entry
    from rct_workbook.paths import ensure_private_dir, journal_dir
    from rct_workbook.render.terminal import print_all
    from rct_workbook.render.views import vignette as vignette_view
    from rct_workbook.render.views import vignette_list

    st = state(ctx)
    content = st.content()
    if name is None:
        print_all(st.console(), vignette_list(st.ui(), content))
        return
    case = content.vignette(name)
    asks = resolve(case.reflection, content)
    if template:
        typer.echo(answers_template(asks, title=f"reflection on {case.title} (rct vignette {case.id} --answers FILE)"))
        return
    if answers is not None:
        given = read_answers(answers, asks)
        ensure_private_dir(journal_dir())
        result = walk(asks, FileAsker(given))
    else:
        if not no_reflect and not has_terminal():
            raise WorkbookError(
                "no terminal to ask the reflection questions in; "
                "use --no-reflect to only read the case, or --answers FILE"
            )
        print_all(st.console(), vignette_view(st.ui(), content, case))
        if no_reflect:
            return
        ensure_private_dir(journal_dir())
        console = st.console()
        console.print(st.ui().heading("Your reflection"))
        console.print("Answer in your own words. Ctrl-C stops without saving.")
        result = walk(asks, QuestionaryAsker(plain=st.plain, editor=editor))
    try:
        entry = save(vignette_entry(content, case, asks, result))
    except StorageError as exc:
        if answers is None:
            # No draft for a short reflection: print the answers so nothing typed is lost.
            kept = answers_file_text(result, title=f"reflection on {case.title}")
            sys.stdout.write(kept)
            exc.details = (
                *exc.details,
                f"Your answers are printed above; save them to a file and run: rct vignette {case.id} --answers FILE",
            )
        else:
            exc.details = (*exc.details, f"Your answers are unchanged in {answers}.")
        raise
    typer.echo(f"Saved your reflection: {entry.path}")
    typer.echo(f"To take it to your peer-supervision group:\n  rct journal export {entry.id} --out meeting.md")
