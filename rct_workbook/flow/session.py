"""One assessment from start to saved entry: the plan, the walk, the draft, the reading, the save.

The command picks who answers (a person, or an answers file) and prints the result; this
module does the rest and never prints. What a person sees while answering goes through a
``Screen`` the command hands in.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from rct_workbook.errors import Cancelled, StorageError
from rct_workbook.flow.questions import Ask, Asker, minutes_to_answer, resolve, walk_sections
from rct_workbook.system import cancelling_signals, stop_reason

if TYPE_CHECKING:
    from types import FrameType

    from rct_workbook.flow.drafts import DraftKeeper
    from rct_workbook.journal.entry import Entry
    from rct_workbook.journal.steps import StepItem
    from rct_workbook.model.content import Content
    from rct_workbook.model.schema import Flow, Section
    from rct_workbook.reading import Reading

FLOW = "assess"


@dataclass(frozen=True)
class Plan:
    """What one run of ``rct assess`` asks: the whole flow, or one step of it, in one setting.

    With steps still open from the setting's last plan, a whole assessment asks "Since last
    time" right after "Support first" (``review``); the rest follows once it is known how
    many steps were carried forward, since the plan then needs no new one.
    """

    content: Content
    flow: Flow
    step: str | None
    sections: tuple[tuple[Section, tuple[Ask, ...]], ...]
    setting: str = "main"
    open_steps: tuple[StepItem, ...] = ()

    @property
    def chosen(self) -> tuple[Section, ...]:
        return tuple(sec for sec, _ in self.sections)

    @property
    def asks(self) -> tuple[Ask, ...]:
        return tuple(a for _, sec_asks in self.sections for a in sec_asks)

    @property
    def resume_command(self) -> str:
        """The command that continues this run from its draft."""
        return f"rct assess --resume --section {self.step}" if self.step else "rct assess --resume"

    def review(self, *, required: bool = True) -> tuple[Section, tuple[Ask, ...]] | None:
        """ "Since last time" as a section of questions, or None with nothing to review."""
        from rct_workbook.flow.review import review_section

        return review_section(self.open_steps, required=required) if self.open_steps else None

    def before_review(self) -> int:
        """How many sections come before "Since last time": "Support first", if it is there."""
        return 1 if self.sections and self.sections[0][0].id == "support" else 0

    def first(self, *, required: bool = True) -> list[tuple[Section, tuple[Ask, ...]]]:
        """The sections asked before the plan is known: up to and including the review."""
        review = self.review(required=required)
        split = self.before_review() if review is not None else 0
        return [*self.sections[:split], *([review] if review is not None else [])]

    def rest(self, carried: int) -> list[tuple[Section, tuple[Ask, ...]]]:
        """The sections after the review; with ``carried`` steps carried forward, no new step is required."""
        from rct_workbook.flow.review import plan_asks

        split = self.before_review() if self.open_steps else 0
        return [(sec, tuple(plan_asks(sec_asks, carried))) for sec, sec_asks in self.sections[split:]]


def plan_assessment(
    content: Content, step: str | None = None, setting: str = "main", open_steps: Sequence[StepItem] = ()
) -> Plan:
    """The assessment's sections with their questions resolved; ``step`` picks one step alone.

    ``open_steps`` (the setting's last plan, still open) are reviewed only in a whole assessment.
    """
    from rct_workbook.model.content import lookup_id

    flow = content.flow(FLOW)
    chosen = list(flow.sections)
    if step is not None:
        steps = {s.step: s for s in flow.sections if s.step}
        chosen = [steps[lookup_id(step, steps, "step")]]
    return Plan(
        content,
        flow,
        step,
        tuple((sec, resolve(sec.questions, content, sec.id)) for sec in chosen),
        setting,
        tuple(open_steps) if step is None else (),
    )


class Screen(Protocol):
    """What a person sees between questions. The command draws it; the session only says when."""

    def begin(self, flow: Flow, kept: int, minutes: int) -> None:
        """Before the first question; ``kept`` answers were carried over from a draft, and
        what is left takes about ``minutes``."""

    def section(self, section: Section) -> None:
        """Before a section that still has questions to ask."""


class NotKept(StorageError):
    """Neither the draft nor the entry could be written: ``answers`` (every answer given so
    far) are handed to the command, which prints them for the person to copy."""

    def __init__(self, message: str, *, answers: dict[str, Any]) -> None:
        super().__init__(message)
        self.answers = dict(answers)


@dataclass(frozen=True)
class Result:
    """A finished assessment: its reading, the saved journal entry, and what the review brought."""

    reading: Reading
    entry: Entry
    carried: tuple[StepItem, ...] = ()


def run_assessment(
    plan: Plan,
    asker: Asker,
    drafts: DraftKeeper | None,
    defaults: dict[str, Any],
    *,
    screen: Screen | None = None,
    next_check_in: str | None = None,
) -> Result:
    """Ask the plan's questions, read the answers, save the entry.

    With ``drafts`` (a person answering) every answer is kept in a draft as it is given,
    an unfinished draft is offered back, and the draft goes once the entry is saved; a
    whole assessment ends by offering the next check-in. Without it (an answers file)
    nothing is kept on the side: the file is the draft, and it gives ``next_check_in``.
    """
    from rct_workbook.flow.review import carried, split_review
    from rct_workbook.paths import ensure_private_dir, journal_dir

    ensure_private_dir(journal_dir())
    if drafts is None:
        from rct_workbook.flow.care_ask import ask_how_are_you

        answers = walk_sections(plan.first(required=False), asker)
        count = len(carried(split_review(plan.open_steps, answers)[1]))
        answers.update(walk_sections(plan.rest(count), asker, answers=dict(answers)))
        answers = ask_how_are_you(plan.content, asker, answers, plan.step, always=True)
    else:
        answers, next_check_in = _ask_with_draft(plan, asker, drafts, defaults, screen)
    try:
        result = _read_and_save(plan, answers, next_check_in)
    except StorageError as exc:
        if drafts is not None and not drafts.kept(answers):
            raise NotKept(exc.message, answers=answers) from None
        if drafts is not None:
            # Nothing is lost: the typed answers are in the draft.
            kept = f"Your answers are kept in the draft; run {plan.resume_command} once it can be saved."
            exc.details = (*exc.details, kept)
        raise
    if drafts is not None:
        drafts.discard()
    return result


def _ask_with_draft(
    plan: Plan, asker: Asker, drafts: DraftKeeper, defaults: dict[str, Any], screen: Screen | None
) -> tuple[dict[str, Any], str | None]:
    import datetime as _dt

    from rct_workbook.flow.questions import GoBack, check, take_back
    from rct_workbook.flow.review import ask_check_in, carried, split_review

    drafted = drafts.open(asker)
    drafts.about(plan.setting)
    # Keep only the drafted answers that still pass today's checks; the rest are asked again.
    start: dict[str, Any] = {}
    for _, sec_asks in [*plan.first(), *plan.rest(len(plan.open_steps))]:
        for ask in sec_asks:
            if ask.id in drafted:
                with contextlib.suppress(ValueError):
                    start[ask.id] = check(ask, drafted[ask.id])
    if screen is not None:
        screen.begin(plan.flow, len(start), minutes_to_answer([a for a in plan.asks if a.id not in start]))
    guard = CancelOnSignal()

    def keep(answers_so_far: dict[str, Any]) -> None:
        try:
            drafts.keep(answers_so_far)
        except StorageError as exc:
            # The draft cannot be written (a full disk): stop asking, so nothing more is typed
            # that cannot be kept, and hand every answer so far to be printed.
            raise NotKept(exc.message, answers=answers_so_far) from None
        guard.raise_pending()

    on_section = screen.section if screen is not None else None
    try:
        with guard.installed():
            again: dict[str, Any] = {}
            while True:
                first = walk_sections(
                    plan.first(),
                    asker,
                    answers=start,
                    on_answer=keep,
                    defaults={**defaults, **again},
                    on_section=on_section,
                )
                count = len(carried(split_review(plan.open_steps, first)[1]))
                try:  # going back from the first question after the review re-opens the review's last
                    rest = walk_sections(
                        plan.rest(count),
                        asker,
                        answers={**start, **first},
                        on_answer=keep,
                        defaults={**defaults, **again},
                        on_section=on_section,
                        back_out=bool(first),
                    )
                except GoBack:
                    start, again = take_back(plan.first(), {**start, **first})
                    continue
                # Asked once, before the reading, when a phrase alone raised care (flow/care_ask.py);
                # imported here, after the questions, as the care rules take a while to load.
                from rct_workbook.flow.care_ask import ask_how_are_you

                given = ask_how_are_you(plan.content, asker, {**first, **rest}, plan.step)
                if plan.step is not None:
                    return given, None
                try:  # going back from the check-in asks the last question answered again
                    return given, ask_check_in(asker, plan.setting, _dt.date.today(), back=True)
                except GoBack:
                    start, again = take_back([*plan.first(), *plan.rest(count)], {**start, **first, **rest})
    except Cancelled as exc:
        if drafts.has_answers:
            exc.details = (f"Your answers so far are kept. Continue with: {plan.resume_command}",)
        raise


def _read_and_save(plan: Plan, answers: dict[str, Any], next_check_in: str | None) -> Result:
    from rct_workbook.flow.review import carried, dated_plan, reviewed, split_review
    from rct_workbook.journal.entry import save
    from rct_workbook.journal.index import open_index
    from rct_workbook.journal.reflection import assess_entry
    from rct_workbook.preferences import known_region
    from rct_workbook.reading import read

    answers, review = split_review(plan.open_steps, answers)
    answers = dated_plan(answers)
    carried_ids = carried(review)
    carried_steps = tuple(s for s in plan.open_steps if s.id in carried_ids)
    index, _ = open_index()
    try:
        # Movement is read against the last assessment of the same setting only.
        previous = index.latest_ratings(setting=plan.setting)
    finally:
        index.close()
    reading = read(
        plan.content,
        answers,
        previous,
        section=plan.step,
        review=reviewed(plan.open_steps, review),
        carried=carried_steps,
        region=known_region(),
    )
    entry = assess_entry(
        plan.content,
        plan.flow,
        plan.chosen,
        plan.asks,
        answers,
        reading,
        section=plan.step,
        setting=plan.setting,
        review=review,
        carried=carried_steps,
        next_check_in=next_check_in,
    )
    return Result(reading, save(entry), carried_steps)


# --- a lost terminal or a polite kill cancels like Ctrl-C ----------------------------------


class CancelOnSignal:
    """While installed, a hang-up, SIGTERM or (on Windows) a closed console cancels the walk
    (the draft already holds every answer); system.cancelling_signals says which signals.

    Raising from a signal handler while prompt_toolkit's event loop runs would surface inside
    whatever loop callback was interrupted; prompt_toolkit reports that as "Unhandled exception
    in event loop" and waits for Enter on a terminal that may be gone. So when a prompt is on
    screen the handler never raises: it asks the application, thread-safely so the loop wakes
    from its select, to end with ``Cancelled``, which then comes out of the prompt call like any
    other cancel. If that prompt had already been answered, the cancel stays pending and
    ``raise_pending`` (called after each kept answer) raises it in ordinary code.
    """

    def __init__(self) -> None:
        self.pending: Cancelled | None = None

    def handle(self, signum: int, frame: FrameType | None) -> None:
        cancel = Cancelled(stop_reason(signum))
        app = _prompt_on_screen()
        if app is None:
            raise cancel
        self.pending = cancel
        app.loop.call_soon_threadsafe(self._end_prompt, app)

    def _end_prompt(self, app: Any) -> None:
        if self.pending is not None and app.future is not None and not app.future.done():
            cancel, self.pending = self.pending, None
            app.exit(exception=cancel)

    def raise_pending(self) -> None:
        if self.pending is not None:
            cancel, self.pending = self.pending, None
            raise cancel

    @contextlib.contextmanager
    def installed(self, signals: Sequence[int] | None = None) -> Iterator[CancelOnSignal]:
        old = {sig: signal.signal(sig, self.handle) for sig in (cancelling_signals() if signals is None else signals)}
        try:
            yield self
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)


def _prompt_on_screen() -> Any:
    """The running prompt_toolkit application, if any; prompt_toolkit is looked up, never imported."""
    current = sys.modules.get("prompt_toolkit.application.current")
    app = current.get_app_or_none() if current is not None else None
    if app is None or not app.is_running:
        return None
    loop = getattr(app, "loop", None)
    return app if loop is not None and not loop.is_closed() else None
