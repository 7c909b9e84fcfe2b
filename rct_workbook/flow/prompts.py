"""The prompt_toolkit parts of asking a person: typed answers and lists that fit the screen.

Imported only when a person is asked (it imports prompt_toolkit and questionary).

- Typed answers start at the left margin after a short marker and wrap at word
  boundaries on the full width (prompt_toolkit wraps at any character).
- A long answer finishes with Enter on an empty line (Enter twice), Esc Enter or
  Ctrl-D; Ctrl-D on an empty prompt cancels, as it does in a shell; Ctrl-E opens the
  person's editor.
- Menus and checklists never grow taller than the screen below their question: the
  list scrolls with the pointer, so the question and the current item stay in view.
- Every prompt behaves one way: Esc Enter submits a menu or checklist as Enter does (through
  the same checks); Ctrl-D and Ctrl-C cancel; Ctrl-B or Alt-Left goes back to the previous
  question where there is one, and says there is none where there is not; and keys typed
  before a prompt is drawn (a habitual second Enter) are dropped, never carried into it.
"""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Callable
from typing import Any

from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.utils import get_cwidth

#: The marker before a typed answer and before each line of an echo.
MARKER = "› "


#: The keys that go back to the previous question: Ctrl-B, and Alt-Left (which terminals
#: send as Esc before the Left key).
BACK_KEYS: tuple[tuple[str, ...], ...] = (("c-b",), ("escape", "left"))


#: Said above the prompt when the back keys are pressed where there is no question before.
NO_WAY_BACK = "There is no question before this one to go back to."


def bind_back(bindings: KeyBindings, go_back: Callable[[Any], None] | None) -> None:
    """Ctrl-B and Alt-Left: ``go_back`` where there is a question before, else a line saying
    there is none (at the first question, or a question asked before the first; a silent key
    left the person wondering, and in a text prompt Ctrl-B moved the cursor instead)."""

    def say_none(event: Any) -> None:
        from prompt_toolkit.application import run_in_terminal

        output = event.app.output

        def say() -> None:
            output.write(NO_WAY_BACK + "\n")
            output.flush()

        run_in_terminal(say)

    for keys in BACK_KEYS:
        bindings.add(*keys, eager=True)(go_back or say_none)


class EditRequest:
    """What a long-text prompt returns when the person presses Ctrl-E."""

    def __init__(self, text: str):
        self.text = text


class BackRequest:
    """What a prompt returns when the person asks for the previous question; ``given`` is
    what they had typed, ticked or pointed at, to offer when this question comes again."""

    def __init__(self, given: Any):
        self.given = given


def drop_typed_ahead(app: Any) -> None:
    """Make ``app`` start with no keys typed before it was drawn.

    prompt_toolkit reads keys in chunks and hands whatever one prompt did not use to the
    next ("typeahead"); what is still waiting in the terminal is read by the next prompt
    too. So a habitual second Enter silently answered the following question. At a
    terminal both are dropped the moment the prompt starts; keys from a pipe (a script,
    the tests) are never typed ahead by a person and are left alone.
    """

    def drop() -> None:
        import os

        from prompt_toolkit.input.typeahead import clear_typeahead

        try:
            fd = app.input.fileno()
            if not os.isatty(fd):
                return
        except (OSError, ValueError, NotImplementedError, AttributeError):
            return
        clear_typeahead(app.input)
        try:
            import termios
        except ImportError:  # Windows: its console has no line queue to flush here
            return
        with contextlib.suppress(OSError, termios.error):
            termios.tcflush(fd, termios.TCIFLUSH)

    app.pre_run_callables.append(drop)


def word_breaks(text: str, width: int, first: int) -> list[tuple[int, int]]:
    """Where to pad ``text`` so that rows of ``width`` columns break between words.

    ``first`` is the room on the first row (the marker takes the rest). Returns
    (position, spaces) pairs: that many spaces go before ``text[position]``. A word
    longer than a whole row is left to break where it must.
    """
    pads: list[tuple[int, int]] = []
    room = max(first, 1)
    col = 0
    after_space: int | None = None  # index just after the last space on this row
    col_there = 0
    for i, char in enumerate(text):
        w = get_cwidth(char)
        if col + w > room and char != " ":
            if after_space is not None and col_there > 0:
                pads.append((after_space, room - col_there))
                col -= col_there
            else:
                col = 0
            room = max(width, 1)
            after_space = None
        elif col + w > room:  # a space at the edge goes first on the next row
            room = max(width, 1)
            col = 0
            after_space = None
        col += w
        if char == " ":
            after_space, col_there = i + 1, col
    return pads


class WordWrap(Processor):
    """Pads each row of typed text so prompt_toolkit's wrapping falls between words."""

    def __init__(self, marker_width: int):
        self.marker_width = marker_width

    def apply_transformation(self, ti: TransformationInput) -> Transformation:
        from prompt_toolkit.formatted_text.utils import fragment_list_to_text

        text = fragment_list_to_text(ti.fragments)
        first = ti.width - (self.marker_width if ti.lineno == 0 else 0)
        pads = word_breaks(text, ti.width, first)
        if not pads:
            return Transformation(ti.fragments)
        from prompt_toolkit.layout.utils import explode_text_fragments

        chars = explode_text_fragments(ti.fragments)
        out: list[Any] = []
        at = dict(pads)
        for i, fragment in enumerate(chars):
            if i in at:
                out.append((fragment[0], " " * at[i]))
            out.append(fragment)
        positions = [p for p, _ in pads]
        totals = []
        running = 0
        for _, n in pads:
            running += n
            totals.append(running)

        def to_display(i: int) -> int:
            k = bisect.bisect_right(positions, i)
            return i + (totals[k - 1] if k else 0)

        def to_source(j: int) -> int:
            for k in range(len(positions) - 1, -1, -1):
                start = positions[k] + (totals[k - 1] if k else 0)  # display index of the first pad space
                if j >= start + pads[k][1]:
                    return j - totals[k]
                if j >= start:
                    return positions[k]
            return j

        return Transformation(out, source_to_display=to_display, display_to_source=to_source)


def type_text(
    *,
    default: str,
    multiline: bool,
    validate: Callable[[str], str | None],
    style: Any,
    io: dict[str, Any],
    color_depth: Any = None,
    back: bool = False,
) -> str | EditRequest | BackRequest:
    """One typed answer; the prompt is erased when done (the caller echoes the answer).

    With ``back``, Ctrl-B or Alt-Left returns a ``BackRequest`` holding the text so far;
    without it they say there is no question before.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.validation import ValidationError, Validator

    class _Check(Validator):
        def validate(self, document: Any) -> None:
            problem = validate(_finished(document.text))
            if problem:
                raise ValidationError(message=problem, cursor_position=len(document.text))

    bindings = KeyBindings()

    def finish(event: Any) -> None:
        buffer = event.current_buffer
        buffer.text = _finished(buffer.text)
        buffer.cursor_position = len(buffer.text)
        buffer.validate_and_handle()

    @bindings.add("enter", eager=True)
    def _(event: Any) -> None:
        buffer = event.current_buffer
        document = buffer.document
        if not multiline or not buffer.text.strip() or (document.is_cursor_at_the_end and not document.current_line):
            finish(event)
        else:
            buffer.newline(copy_margin=False)

    @bindings.add("escape", "enter", eager=True)
    def _(event: Any) -> None:
        finish(event)

    @bindings.add("c-d", eager=True)
    def _(event: Any) -> None:
        if event.current_buffer.text:
            finish(event)
        else:  # on an empty prompt it cancels, as in a shell
            event.app.exit(exception=EOFError, style="class:aborting")

    if multiline:

        @bindings.add("c-e", eager=True)
        def _(event: Any) -> None:
            event.app.exit(result=EditRequest(event.current_buffer.text))

    def go_back(event: Any) -> None:
        event.app.exit(result=BackRequest(_finished(event.current_buffer.text) or None))

    bind_back(bindings, go_back if back else None)

    session: PromptSession[Any] = PromptSession(
        [("class:marker", MARKER)],
        multiline=True,  # Enter is ours to decide
        prompt_continuation="",
        wrap_lines=True,
        input_processors=[WordWrap(get_cwidth(MARKER))],
        validator=_Check(),
        validate_while_typing=False,
        key_bindings=bindings,
        erase_when_done=True,
        style=style,
        color_depth=color_depth,
        **io,
    )
    drop_typed_ahead(session.app)
    result = session.prompt(default=default)
    return result if isinstance(result, (EditRequest, BackRequest)) else _finished(str(result))


def _finished(text: str) -> str:
    """The answer as kept: without the empty line(s) that finished it."""
    return text.rstrip("\n")


def fit_to_screen(prompt: Any, rows_above: int) -> Any:
    """Keep a questionary menu or checklist below its question and within the screen.

    The list gets what is left of the screen under the ``rows_above`` the question took,
    and scrolls with the pointer. The prompt is erased when done (the caller echoes).
    """
    from prompt_toolkit.layout.containers import ScrollOffsets
    from prompt_toolkit.layout.dimension import Dimension
    from prompt_toolkit.layout.margins import ConditionalMargin, ScrollbarMargin
    from questionary.prompts.common import InquirerControl

    app = prompt.application
    app.erase_when_done = True

    def height() -> Dimension:
        rows = app.output.get_size().rows
        # The prompt line, a line for questionary's validation message, and one spare.
        return Dimension(min=1, max=max(3, rows - rows_above - 3))

    for window in app.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            window.height = height
            # Keep the rest of a wrapped item (and the one above) in view, not only its first line.
            window.scroll_offsets = ScrollOffsets(top=1, bottom=3)
            window.right_margins = [ConditionalMargin(ScrollbarMargin(display_arrows=True), _scrolls(window))]
    return prompt


def _scrolls(window: Any) -> Any:
    """True while the window shows only part of its list (then a scrollbar says there is more)."""
    from prompt_toolkit.filters import Condition

    def taller() -> bool:
        info = window.render_info
        return info is not None and info.content_height > info.window_height

    return Condition(taller)


def inquirer(prompt: Any) -> Any:
    """The list a questionary menu or checklist draws (what is pointed at and ticked), or None."""
    from questionary.prompts.common import InquirerControl

    windows = prompt.application.layout.find_all_windows()
    return next((w.content for w in windows if isinstance(w.content, InquirerControl)), None)


def bind_digits(prompt: Any, values: list[Any]) -> Any:
    """Digit keys move the pointer to the option whose value they name (ratings)."""
    app = prompt.application
    control = inquirer(prompt)
    if control is None:
        return prompt
    bindings = KeyBindings()
    for index, value in enumerate(values):
        if isinstance(value, int) and 0 <= value <= 9:

            def point(event: Any, index: int = index) -> None:
                control.pointed_at = index

            bindings.add(str(value), eager=True)(point)
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
    return prompt


def with_prompt_keys(prompt: Any, *, back: Callable[[], Any] | None = None) -> Any:
    """A menu, checklist or yes/no behaves as a text prompt does.

    - Ctrl-D cancels, and so does SIGINT itself: questionary binds only the Ctrl-C key. A
      Ctrl-C pressed in the instant before the prompt has the keyboard in raw mode reaches
      the program as SIGINT, which prompt_toolkit turns into a ``<sigint>`` key that only
      its text prompts bind; unbound, the menu was drawn again and the cancel lost.
    - Esc Enter (which finishes a long text) is Enter: the same checks, the same answer.
      Unbound, prompt_toolkit's own Esc Enter ended a checklist with no answer at all.
    - With ``back`` (what is picked so far), Ctrl-B or Alt-Left returns a ``BackRequest``;
      without it they say there is no question before (``bind_back``).
    - Keys typed before the prompt was drawn are dropped (``drop_typed_ahead``).
    """
    from prompt_toolkit.key_binding import KeyPress
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @bindings.add("<sigint>", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add("escape", "enter", eager=True)
    def _(event: Any) -> None:
        # Handed to the prompt's own Enter, so it is checked and answered exactly as Enter is.
        event.app.key_processor.feed(KeyPress(Keys.ControlM, "\r"), first=True)

    def go_back(event: Any) -> None:
        event.app.exit(result=BackRequest(back() if back is not None else None))

    bind_back(bindings, go_back if back is not None else None)

    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
    drop_typed_ahead(app)
    return prompt
