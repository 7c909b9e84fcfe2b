"""`rct assess`: the four-step reflective assessment of your own work setting."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rct_workbook.cli.state import has_terminal, state

if TYPE_CHECKING:
    from rct_workbook.cli.state import State
    from rct_workbook.flow.session import Plan, Result
    from rct_workbook.model.schema import Flow, Section

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
    setting: Annotated[
        str | None,
        typer.Option(
            "--setting",
            metavar="NAME",
            help='The workplace this reads, if you assess more than one (default: the one in use, or "main").',
        ),
    ] = None,
) -> None:
    """Walk through Read it, Name it, Oppose it and Replace it about your own setting.

    Your answers become a reading of the setting, a plan of small steps, a summary on
    screen and a journal entry for peer supervision. Each answer is kept in a draft as
    you go; Ctrl-C stops, and --resume continues. Ctrl-B (or Alt-Left) goes back to the
    previous question.

    With steps still open from your last plan in the setting, it begins (after Support
    first) with "Since last time": what happened to each.

    Example: rct assess --setting ward
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.flow import review as since
    from rct_workbook.flow.askers import QuestionaryAsker
    from rct_workbook.flow.drafts import DraftKeeper, last_setting_answers
    from rct_workbook.flow.session import plan_assessment

    st = state(ctx)
    content = st.content()
    if answers is not None and resume:
        raise WorkbookError("--resume and --answers cannot be used together")
    interactive = not template and answers is None
    if interactive and not has_terminal():
        raise WorkbookError("no terminal to ask the questions in; run rct assess in a terminal, or use --answers FILE")
    asker = QuestionaryAsker(plain=st.plain, editor=editor) if interactive else None
    drafts = None
    if asker is not None:
        drafts = DraftKeeper(content.flow("assess").id, section, resume=resume)
        # An unfinished draft is offered back first: it knows which setting it was about.
        drafts.open(asker)
    index = None
    if not template:
        from rct_workbook.cli.journal import open_journal

        # Heal a damaged index (and name skipped files) with one line each, as the journal
        # commands do, before the session reads it; saving itself never depends on it.
        index = open_journal()
    here = since.where(setting, drafts.setting if drafts else None, full=section is None, asker=asker, index=index)
    plan = plan_assessment(content, section, here.setting, here.open_steps)
    if template:
        _print_template(plan, here.setting)
        return

    defaults = last_setting_answers(plan.asks, here.setting) if reuse_last else {}
    if reuse_last and not defaults:
        sys.stderr.write("No earlier assessment to reuse answers from; starting fresh.\n")
    if answers is not None:
        result = _run_from_file(plan, answers, defaults)
    else:
        assert asker is not None and drafts is not None
        result = _run_or_print(plan, asker, drafts, defaults, _Screen(st))
    _show_result(st, result)


def _run_or_print(plan: "Plan", asker: Any, drafts: Any, defaults: dict[str, Any], screen: Any) -> "Result":
    """The assessment; when neither its draft nor its entry can be written (a full disk), every
    answer given is printed on this screen, safely, so the person can copy it."""
    from rct_workbook.flow.askers import answers_file_text
    from rct_workbook.flow.session import NotKept, run_assessment
    from rct_workbook.render.safe import clean

    try:
        return run_assessment(plan, asker, drafts, defaults, screen=screen)
    except NotKept as exc:
        sys.stdout.write(clean(answers_file_text(exc.answers, title=f"{plan.flow.title} (not saved)")))
        sys.stdout.flush()
        exc.details = (
            *exc.details,
            "Neither the draft nor the entry could be written. Your answers are printed above: copy them"
            " into a file and, once there is room, run: rct assess --answers FILE",
        )
        raise


def _print_template(plan: "Plan", setting: str) -> None:
    """`--template`: an answers file for every question, with "Since last time" when steps are open."""
    from rct_workbook.flow import care_ask
    from rct_workbook.flow import review as since
    from rct_workbook.flow.askers import template as answers_template

    parts = [
        answers_template(plan.asks, title=f"{plan.flow.title} (rct assess --answers FILE)"),
        f"# The setting this reads: {setting} (rct assess --setting NAME)",
    ]
    if plan.open_steps:
        parts.append(since.template_text(plan.open_steps) + "\n")
    typer.echo("\n".join([*parts, since.CHECK_IN_TEMPLATE, care_ask.template_text(plan.content)]).rstrip("\n"))


def _run_from_file(plan: "Plan", answers: Path, defaults: "dict[str, Any]") -> "Result":
    """`--answers FILE`: the assessment answered from the file, checked strictly once the review is known."""
    from rct_workbook.errors import StorageError
    from rct_workbook.flow import review as since
    from rct_workbook.flow.askers import FileAsker, read_answers
    from rct_workbook.flow.care_ask import KEY, FileCare
    from rct_workbook.flow.questions import check_all
    from rct_workbook.flow.session import run_assessment

    from_file = since.FileReview(plan.open_steps)
    # A step carried forward may stand in for a new one, so the plan is checked strictly
    # only once the review is known.
    relaxed = [*plan.first(required=False), *plan.rest(len(plan.open_steps))]
    care = FileCare(plan.content, from_file)  # "How are you, really?" (how-are-you:), if answered
    given = read_answers(answers, [a for _, sec in relaxed for a in sec], defaults=defaults, prepare=care)
    if not since.carried(since.split_review(plan.open_steps, given)[1]):
        own = {a.id for a in plan.asks}
        check_all(plan.asks, {k: v for k, v in given.items() if k in own}, source=f"the answers file {answers}")
    try:
        asker = FileAsker({**given, KEY: care.value} if care.value else given)
        return run_assessment(plan, asker, None, defaults, next_check_in=from_file.check_in)
    except StorageError as exc:
        # Nothing is lost: the answers are still in their file.
        exc.details = (
            *exc.details,
            f"Your answers are unchanged in {answers}; run the same command again once it can be saved.",
        )
        raise


def _show_result(st: "State", result: "Result") -> None:
    """The reading on screen (paged when taller than the screen), then where the entry was
    saved and how to read it again."""
    from rct_workbook.cli.screen import show
    from rct_workbook.render.safe import clean
    from rct_workbook.render.summary import review_summary, summary

    content = st.content()
    show(
        st.console(),
        [
            *summary(
                st.ui(),
                result.reading,
                disclaimer=content.meta.disclaimer,
                toward=(content.the_continuum.toward_disconnection, content.the_continuum.toward_connection),
                carried=result.carried,
                entry_id=result.entry.id,
            ),
            *review_summary(st.ui(), result.entry.next_check_in),
        ],
        pager=st.pager,
    )
    typer.echo(f"\nSaved your assessment: {clean(str(result.entry.path))}")
    typer.echo(f"Read it again: rct journal show {result.entry.id}")
    typer.echo(f"To take it to your peer-supervision group:\n  rct journal export {result.entry.id} --out meeting.md")


class _Screen:
    """The flow's title and each section's heading, printed between questions."""

    def __init__(self, st: "State"):
        self.st = st

    def begin(self, flow: "Flow", kept: int, minutes: int) -> None:
        from rct_workbook.flow.askers import BACK_HINT
        from rct_workbook.flow.questions import plural
        from rct_workbook.render.terminal import print_all

        console, ui = self.st.console(), self.st.ui()
        paras = [
            f"This takes about {minutes} minutes. Each answer is kept as you go, "
            "so you can stop with Ctrl-C and carry on later. " + BACK_HINT
        ]
        if kept:
            paras.append(f"Continuing: {plural(kept, 'answer')} kept from before.")
        print_all(console, [ui.title(flow.title, flow.intro), *(ui.para(para) for para in paras)])

    def section(self, section: "Section") -> None:
        from rct_workbook.render.terminal import print_all

        ui = self.st.ui()
        intro = [ui.para(section.intro)] if section.intro else []
        print_all(self.st.console(), [ui.heading(section.title), *intro])
