"""`rct vignette`: study a case from the paper and reflect on it."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.state import has_terminal, state

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from rct_workbook.cli.state import State
    from rct_workbook.model.answers import Ask
    from rct_workbook.model.content import Content
    from rct_workbook.model.schema import Vignette
    from rct_workbook.render.views import Views


def vignette(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="The vignette: {cases}.",
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
    as_json: Annotated[
        bool, typer.Option("--json", help="With no NAME: list the vignettes as JSON (id, title, protagonist…).")
    ] = False,
) -> None:
    """Study a vignette part by part, then reflect on it and save a journal entry.

    Ctrl-B (or Alt-Left) goes back to the previous reflection question.

    With no NAME, list the vignettes.

    Example: rct vignette paula
    """
    from rct_workbook.errors import WorkbookError

    st = state(ctx)
    if as_json and name is not None:
        raise WorkbookError("--json lists the vignettes; leave out the NAME")
    if name is None:
        _list_vignettes(st, as_json=as_json)
        return
    if no_reflect and answers is None and not template:
        # Only reading the case: none of the asking, checking or saving is loaded.
        from rct_workbook.cli.screen import show

        show(st.console(), _case_view(st, name), pager=st.pager)
        return
    content = st.content()
    case = content.vignette(name)
    from rct_workbook.flow.askers import FileAsker, read_answers
    from rct_workbook.flow.askers import template as answers_template
    from rct_workbook.flow.questions import resolve, walk
    from rct_workbook.paths import ensure_private_dir, journal_dir

    asks = resolve(case.reflection, content)
    if template:
        typer.echo(answers_template(asks, title=f"reflection on {case.title} (rct vignette {case.id} --answers FILE)"))
        return
    if answers is not None:
        given = read_answers(answers, asks)
        ensure_private_dir(journal_dir())
        result = walk(asks, FileAsker(given))
    else:
        result = _reflect_in_terminal(st, case, asks, editor=editor)
    _save_reflection(content, case, asks, result, answers_file=answers)


def _case_view(st: "State", name: str) -> "Views":
    from rct_workbook.render.views import vignette as vignette_view

    content = st.content()
    return vignette_view(st.ui(), content, content.vignette(name))


def _list_vignettes(st: "State", *, as_json: bool) -> None:
    """With no NAME: the vignettes, as a list on screen or as JSON."""
    from rct_workbook.cli.screen import show
    from rct_workbook.render.views import vignette_list

    if as_json:
        from rct_workbook.render import as_json as to_json

        sys.stdout.write(to_json.dumps(to_json.vignettes(st.content())))
        return
    show(st.console(), vignette_list(st.ui(), st.content()), pager=st.pager)


def _reflect_in_terminal(st: "State", case: "Vignette", asks: "Sequence[Ask]", *, editor: bool) -> dict[str, Any]:
    """Show the case (part by part in a terminal), then ask the reflection questions of the person."""
    from rct_workbook.cli.screen import show
    from rct_workbook.errors import WorkbookError
    from rct_workbook.flow.askers import QuestionaryAsker
    from rct_workbook.flow.questions import walk
    from rct_workbook.paths import ensure_private_dir, journal_dir
    from rct_workbook.render.views import vignette as vignette_view
    from rct_workbook.render.views import vignette_pages

    if not has_terminal():
        raise WorkbookError(
            "no terminal to ask the reflection questions in; use --no-reflect to only read the case, or --answers FILE"
        )
    content = st.content()
    if sys.stdout.isatty():
        read_part_by_part(st.console(), vignette_pages(st.ui(), content, case))
    else:
        show(st.console(), vignette_view(st.ui(), content, case), pager=False)
    ensure_private_dir(journal_dir())
    console = st.console()
    console.print(st.ui().heading("Your reflection"))
    from rct_workbook.flow.askers import BACK_HINT

    console.print(f"Answer in your own words. Ctrl-C stops without saving. {BACK_HINT}")
    return walk(asks, QuestionaryAsker(plain=st.plain, editor=editor))


def _save_reflection(
    content: "Content", case: "Vignette", asks: "Sequence[Ask]", result: dict[str, Any], *, answers_file: Path | None
) -> None:
    """Save the reflection as a journal entry and say where it is; if saving fails, nothing typed is lost."""
    from rct_workbook.errors import StorageError
    from rct_workbook.flow.askers import answers_file_text
    from rct_workbook.flow.review import dated_plan
    from rct_workbook.journal.entry import save
    from rct_workbook.journal.reflection import vignette_entry
    from rct_workbook.render.safe import clean

    try:
        # A step's "By when?" is kept as a date where it names one, as an assessment's is (rct steps --ics).
        entry = save(vignette_entry(content, case, asks, dated_plan(result)))
    except StorageError as exc:
        if answers_file is None:
            # No draft for a short reflection: print the answers so nothing typed is lost.
            kept = answers_file_text(result, title=f"reflection on {case.title}")
            sys.stdout.write(kept)
            exc.details = (
                *exc.details,
                f"Your answers are printed above; save them to a file and run: rct vignette {case.id} --answers FILE",
            )
        else:
            exc.details = (*exc.details, f"Your answers are unchanged in {answers_file}.")
        raise
    typer.echo(f"Saved your reflection: {clean(str(entry.path))}")
    planned = [n for n, step in enumerate(entry.answers.get("small-steps") or (), 1) if isinstance(step, dict)]
    if planned:
        typer.echo(f"Your small step is listed in rct steps; when it is done: rct steps done {entry.id}.{planned[0]}")
    typer.echo(f"To take it to your peer-supervision group:\n  rct journal export {entry.id} --out meeting.md")


def read_part_by_part(console: "Console", pages: "list[Views]") -> None:
    """Show the case a page at a time, waiting for Enter between pages; q goes to the questions.

    A page taller than the screen (a long setting, how it turned out) is shown a screenful
    at a time, so its start never scrolls away before it is read.
    """
    from rct_workbook.cli.screen import wait_for_key
    from rct_workbook.render.terminal import drawn

    parts = len(pages) - 2  # the setting first, the outcome and its reading last
    room = max(4, console.size.height - 1)  # a row is kept for the prompt under the text
    for number, page in enumerate(pages):
        lines = drawn(console, page).rstrip("\n").split("\n")
        screens = [lines[at : at + room] for at in range(0, len(lines), room)]
        for shown, screen in enumerate(screens, 1):
            console.file.write("\n".join(screen) + "\n")
            console.file.flush()
            more = f"Enter: more ({shown} of {len(screens)})   q: skip to the questions "
            if shown < len(screens) and wait_for_key(more) == "q":
                return
        if number < parts:
            prompt = f"Enter: part {number + 1} of {parts}   q: skip to the questions "
        elif number == parts:
            prompt = "Enter: how it turned out   q: skip to the questions "
        else:
            prompt = "Enter: your reflection "
        if wait_for_key(prompt) == "q":
            return
