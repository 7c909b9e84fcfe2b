"""`rct assess`: the four-step reflective assessment of your own work setting."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rct_workbook.cli.state import has_terminal, state

SECTIONS_HELP = "Run one step alone, saved as its own entry: read, name, oppose or replace."


def _hang_up(signum: int, frame: Any) -> None:
    from rct_workbook.errors import Cancelled

    raise Cancelled("the terminal was lost")


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
    import contextlib
    import signal

    from rct_workbook.errors import Cancelled, StorageError, WorkbookError
    from rct_workbook.flow.askers import FileAsker, QuestionaryAsker, read_answers
    from rct_workbook.flow.askers import template as answers_template
    from rct_workbook.flow.drafts import (
        ask_resume_or_discard,
        discard_draft,
        draft_name,
        last_setting_answers,
        load_draft,
        new_draft,
        save_draft,
    )
    from rct_workbook.flow.questions import check, resolve, walk_sections
    from rct_workbook.journal.entry import save
    from rct_workbook.journal.index import open_index
    from rct_workbook.journal.reflection import assess_entry
    from rct_workbook.model.content import lookup_id
    from rct_workbook.paths import drafts_dir, ensure_private_dir, journal_dir
    from rct_workbook.reading import read
    from rct_workbook.render.summary import summary
    from rct_workbook.render.terminal import print_all

    st = state(ctx)
    content = st.content()
    flow = content.flow("assess")
    chosen = list(flow.sections)
    if section is not None:
        steps = {s.step: s for s in flow.sections if s.step}
        chosen = [steps[lookup_id(section, steps, "step")]]
    plan = [(sec, resolve(sec.questions, content, sec.id)) for sec in chosen]
    asks = [a for _, sec_asks in plan for a in sec_asks]
    if template:
        typer.echo(answers_template(asks, title=f"{flow.title} (rct assess --answers FILE)"))
        return

    defaults = last_setting_answers(asks) if reuse_last else {}
    if reuse_last and not defaults:
        sys.stderr.write("No earlier assessment to reuse answers from; starting fresh.\n")
    if answers is not None:
        if resume:
            raise WorkbookError("--resume and --answers cannot be used together")
        given = read_answers(answers, asks, defaults=defaults)
        ensure_private_dir(journal_dir())
        result = walk_sections(plan, FileAsker(given))
    else:
        if not has_terminal():
            raise WorkbookError(
                "no terminal to ask the questions in; run rct assess in a terminal, or use --answers FILE"
            )
        ensure_private_dir(journal_dir())
        ensure_private_dir(drafts_dir())
        name = draft_name(flow.id, section)
        draft = load_draft(name)
        asker = QuestionaryAsker(plain=st.plain, editor=editor)
        console = st.console()
        ui = st.ui()
        if resume and draft is None:
            raise WorkbookError("there is no unfinished assessment to resume; start one with: rct assess")
        if draft is not None and not resume:
            resume = ask_resume_or_discard(asker, draft.started, len(draft.answers))
            if not resume:
                discard_draft(name)
                draft = None
        if draft is None:
            draft = new_draft(flow.id, section)
        # Keep only the drafted answers that still pass today's checks; the rest are asked again.
        start: dict[str, Any] = {}
        for ask in asks:
            if ask.id in draft.answers:
                with contextlib.suppress(ValueError):
                    start[ask.id] = check(ask, draft.answers[ask.id])
        current = draft

        def keep(answers_so_far: dict[str, Any]) -> None:
            nonlocal current
            current = type(current)(current.name, current.flow, current.section, current.started, answers_so_far)
            save_draft(current)

        print_all(console, [ui.title(flow.title, flow.intro)])
        if start:
            console.print(ui.para(f"Continuing: {len(start)} answers kept from before."))
        old_handlers = {sig: signal.signal(sig, _hang_up) for sig in (signal.SIGHUP, signal.SIGTERM)}
        try:
            result = walk_sections(
                plan,
                asker,
                answers=start,
                on_answer=keep,
                defaults=defaults,
                on_section=lambda sec: print_all(
                    console, [ui.heading(sec.title), *([ui.para(sec.intro)] if sec.intro else [])]
                ),
            )
        except Cancelled as exc:
            if current.answers:
                exc.details = (
                    "Your answers so far are kept. Continue with: rct assess --resume"
                    + (f" --section {section}" if section else ""),
                )
            raise
        finally:
            for sig, handler in old_handlers.items():
                signal.signal(sig, handler)

    index, _ = open_index()
    try:
        previous = index.latest_ratings()
    finally:
        index.close()
    reading = read(content, result, previous, section=section)
    try:
        entry = save(assess_entry(content, flow, chosen, asks, result, reading, section=section))
    except StorageError as exc:
        # Nothing is lost: typed answers are in the draft, file answers in their file.
        kept = (
            f"Your answers are unchanged in {answers}; run the same command again once it can be saved."
            if answers is not None
            else "Your answers are kept in the draft; run rct assess --resume"
            + (f" --section {section}" if section else "")
            + " once it can be saved."
        )
        exc.details = (*exc.details, kept)
        raise
    if answers is None:
        discard_draft(draft_name(flow.id, section))
    print_all(
        st.console(),
        summary(
            st.ui(),
            reading,
            disclaimer=content.meta.disclaimer,
            toward=(content.the_continuum.toward_disconnection, content.the_continuum.toward_connection),
        ),
    )
    typer.echo(f"\nSaved your assessment: {entry.path}")
    typer.echo(f"To take it to your peer-supervision group:\n  rct journal export {entry.id} --out meeting.md")
