"""`rct assess`: the four-step reflective assessment of your own work setting."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rct_workbook.cli.state import has_terminal, state

if TYPE_CHECKING:
    from rich.console import Console

    from rct_workbook.model.schema import Flow, Section
    from rct_workbook.render.terminal import Ui

SECTIONS_HELP = "Run one step alone, saved as its own entry: read, name, oppose or replace."


def assess(
    ctx: typer.Context,
    template: Annotated[bool, typer.Option("--template", help="Print a YAML answers file for every question.")] = False,
    answers: Annotated[
        Path | None, typer.Option("--answers", metavar="FILE", help="Answer from a YAML file, with no prompts.")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an unfinished assessment where it stopped.")
    ] = False,
    section: Annotated[str | None, typer.Option("--section", metavar="STEP", help=SECTIONS_HELP)] = None,
    reuse_last: Annotated[
        bool,
        typer.Option(
            "--reuse-last",
            help="Offer your last assessment's setting answers (role, organisation, support) as defaults.",
        ),
    ] = False,
    editor: Annotated[
        bool, typer.Option("--editor", help="Write long answers in $EDITOR (Ctrl-E at a prompt does too).")
    ] = False,
) -> None:
    """Walk through Read it, Name it, Oppose it and Replace it about your own setting.

    Your answers become a reading of the setting, a plan of small steps, a summary on
    screen and a journal entry for peer supervision. Each answer is kept in a draft as
    you go; Ctrl-C stops, and --resume continues.

    Example: rct assess
    """
    from rct_workbook.errors import StorageError, WorkbookError
    from rct_workbook.flow.askers import FileAsker, QuestionaryAsker, read_answers
    from rct_workbook.flow.askers import template as answers_template
    from rct_workbook.flow.drafts import DraftKeeper, last_setting_answers
    from rct_workbook.flow.session import plan_assessment, run_assessment
    from rct_workbook.render.summary import summary
    from rct_workbook.render.terminal import print_all

    st = state(ctx)
    content = st.content()
    plan = plan_assessment(content, section)
    if template:
        typer.echo(answers_template(plan.asks, title=f"{plan.flow.title} (rct assess --answers FILE)"))
        return

    defaults = last_setting_answers(plan.asks) if reuse_last else {}
    if reuse_last and not defaults:
        sys.stderr.write("No earlier assessment to reuse answers from; starting fresh.\n")
    if answers is not None:
        if resume:
            raise WorkbookError("--resume and --answers cannot be used together")
        given = read_answers(answers, plan.asks, defaults=defaults)
        try:
            result = run_assessment(plan, FileAsker(given), None, defaults)
        except StorageError as exc:
            # Nothing is lost: the answers are still in their file.
            exc.details = (
                *exc.details,
                f"Your answers are unchanged in {answers}; run the same command again once it can be saved.",
            )
            raise
    else:
        if not has_terminal():
            raise WorkbookError(
                "no terminal to ask the questions in; run rct assess in a terminal, or use --answers FILE"
            )
        asker = QuestionaryAsker(plain=st.plain, editor=editor)
        drafts = DraftKeeper(plan.flow.id, section, resume=resume)
        result = run_assessment(plan, asker, drafts, defaults, screen=_Screen(st.console(), st.ui()))
    print_all(
        st.console(),
        summary(
            st.ui(),
            result.reading,
            disclaimer=content.meta.disclaimer,
            toward=(content.the_continuum.toward_disconnection, content.the_continuum.toward_connection),
        ),
    )
    from rct_workbook.render.safe import clean

    typer.echo(f"\nSaved your assessment: {clean(str(result.entry.path))}")
    typer.echo(f"To take it to your peer-supervision group:\n  rct journal export {result.entry.id} --out meeting.md")


class _Screen:
    """The flow's title and each section's heading, printed between questions."""

    def __init__(self, console: "Console", ui: "Ui"):
        self.console = console
        self.ui = ui

    def begin(self, flow: "Flow", kept: int, minutes: int) -> None:
        from rct_workbook.render.terminal import print_all

        print_all(self.console, [self.ui.title(flow.title, flow.intro)])
        self.console.print(
            self.ui.para(
                f"This takes about {minutes} minutes. Each answer is kept as you go, "
                "so you can stop with Ctrl-C and carry on later."
            )
        )
        if kept:
            self.console.print(self.ui.para(f"Continuing: {kept} answers kept from before."))

    def section(self, section: "Section") -> None:
        from rct_workbook.render.terminal import print_all

        intro = [self.ui.para(section.intro)] if section.intro else []
        print_all(self.console, [self.ui.heading(section.title), *intro])
