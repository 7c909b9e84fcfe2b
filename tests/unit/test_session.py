"""The assessment session: the plan, the draft's life, and signals that cancel without a hang."""

from __future__ import annotations

import contextvars
import os
import re
import signal
import threading
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.output import DummyOutput

from rct_workbook.errors import Cancelled, WorkbookError
from rct_workbook.flow.askers import FileAsker, QuestionaryAsker
from rct_workbook.flow.drafts import DraftKeeper, load_draft
from rct_workbook.flow.questions import Ask
from rct_workbook.flow.session import CancelOnSignal, Plan, plan_assessment, run_assessment
from rct_workbook.model.content import load_content
from rct_workbook.model.schema import Flow, Section
from rct_workbook.system import cancelling_signals, stop_reason


def test_plan_of_one_step_and_its_resume_command() -> None:
    content = load_content()
    whole = plan_assessment(content)
    one = plan_assessment(content, "oppose")
    assert [s.step for s in one.chosen] == ["oppose"]
    assert len(whole.chosen) > 1 and set(one.asks) < set(whole.asks)
    assert whole.resume_command == "rct assess --resume"
    assert one.resume_command == "rct assess --resume --section oppose"


class Scripted:
    """Answers each question from a dict, and cancels at ``stop`` as Ctrl-C would."""

    def __init__(self, answers: dict[str, Any], stop: str | None = None):
        self.answers = answers
        self.stop = stop
        self.asked: list[str] = []

    def ask(self, ask: Ask, default: Any = None) -> Any:
        if ask.id == self.stop:
            raise Cancelled("cancelled")
        self.asked.append(ask.id)
        return self.answers[ask.id]


def _answers(plan: Plan) -> dict[str, Any]:
    from rct_workbook.flow.askers import example

    return {a.id: example(a) for a in plan.asks}


class Seen:
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def begin(self, flow: Flow, kept: int, minutes: int = 0) -> None:
        self.events.append(("begin", kept))

    def section(self, section: Section) -> None:
        self.events.append(("section", section.id))


def test_a_cancelled_walk_keeps_its_draft_and_a_resumed_one_asks_only_the_rest(rct_home: Path) -> None:
    plan = plan_assessment(load_content(), "read")
    answers = _answers(plan)
    third = plan.asks[2].id
    with pytest.raises(Cancelled) as cancelled:
        run_assessment(plan, Scripted(answers, stop=third), DraftKeeper("assess", "read"), {})
    kept = "Your answers so far are kept. Continue with: rct assess --resume --section read"
    assert cancelled.value.details == (kept,)
    draft = load_draft("assess-read")
    assert draft is not None and list(draft.answers) == [a.id for a in plan.asks[:2]]

    asker, seen = Scripted(answers), Seen()
    result = run_assessment(plan, asker, DraftKeeper("assess", "read", resume=True), {}, screen=seen)
    assert asker.asked[0] == third and plan.asks[0].id not in asker.asked
    assert seen.events[0] == ("begin", 2)
    assert result.entry.path is not None and result.entry.path.exists()
    assert load_draft("assess-read") is None  # the saved entry replaces the draft


def test_resume_without_a_draft_says_so(rct_home: Path) -> None:
    plan = plan_assessment(load_content(), "read")
    with pytest.raises(WorkbookError, match="there is no unfinished assessment to resume"):
        run_assessment(plan, Scripted({}), DraftKeeper("assess", "read", resume=True), {})


def test_an_answers_file_session_keeps_no_draft(rct_home: Path) -> None:
    plan = plan_assessment(load_content(), "name")
    result = run_assessment(plan, FileAsker(_answers(plan)), None, {})
    assert result.entry.section == "name"
    assert not (rct_home / "drafts").exists()


def _kill_once_prompt_is_running(signum: int) -> threading.Thread:
    """Send the signal from inside one of the prompt's event-loop callbacks, where a handler
    that raised would land in prompt_toolkit's "Unhandled exception in event loop".

    The thread runs in a copy of this test's context: the ``pipe`` fixture makes its own
    prompt_toolkit app session, which lives in a context variable, and a new thread starts
    with an empty context, where ``get_app_or_none()`` would look in the default session and
    never see the prompt (the wait would then never end)."""
    from prompt_toolkit.application.current import get_app_or_none

    def wait_then_kill() -> None:
        app = get_app_or_none()
        while app is None or not app.is_running or app.loop is None:
            threading.Event().wait(0.01)  # waiting for the prompt to start, not for a guessed time
            app = get_app_or_none()
        app.loop.call_soon_threadsafe(os.kill, os.getpid(), signum)

    thread = threading.Thread(target=contextvars.copy_context().run, args=(wait_then_kill,), daemon=True)
    thread.start()
    return thread


# A handler that raised would hang in prompt_toolkit's "Press ENTER" (and swallow SIGALRM too),
# so a regression is stopped by the thread method, which ends the run instead of hanging it.
@pytest.mark.posix  # os.kill with a signal ends the whole process on Windows
@pytest.mark.timeout(60, method="thread")
@pytest.mark.parametrize("signum", cancelling_signals())
def test_a_signal_during_a_prompt_cancels_it_without_an_event_loop_error(
    signum: int, pipe: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_assessment(load_content(), "read")
    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    thread = _kill_once_prompt_is_running(signum)
    before = signal.getsignal(signum)
    with pytest.raises(Cancelled, match=re.escape(stop_reason(signum))), CancelOnSignal().installed():
        asker.ask(plan.asks[0])
    thread.join()
    assert signal.getsignal(signum) is before
    captured = capsys.readouterr()
    assert "Unhandled exception" not in captured.out + captured.err


@pytest.mark.posix  # os.kill with a signal ends the whole process on Windows
def test_a_signal_between_prompts_raises_at_once() -> None:
    with pytest.raises(Cancelled), CancelOnSignal().installed():
        os.kill(os.getpid(), signal.SIGTERM)


def test_a_cancel_that_arrives_as_the_prompt_ends_is_raised_after_the_answer_is_kept() -> None:
    guard = CancelOnSignal()
    guard.pending = Cancelled("the terminal was lost")
    with pytest.raises(Cancelled):
        guard.raise_pending()
    guard.raise_pending()  # once only
