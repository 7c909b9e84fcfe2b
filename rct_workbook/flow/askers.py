"""The two things that answer questions: a person through questionary, or a file.

questionary and prompt_toolkit are imported only when a person is actually asked.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rct_workbook.errors import AnswersError, Cancelled
from rct_workbook.flow.questions import Ask, check, check_all
from rct_workbook.model.question_types import PromptSpec, describe
from rct_workbook.model.safe_yaml import YamlProblem, read_yaml_file

#: Choices wrap at this width, which with the pointer and box fits 80 columns.
CHOICE_WIDTH = 72


class _Asks:
    """What every asker offers on top of ``ask``: the tool's own small questions."""

    def ask(self, ask: Ask, default: Any = None) -> Any:
        raise NotImplementedError

    def choose(self, prompt: str, options: Sequence[tuple[str, str]], default: str | None = None) -> Any:
        """One of ``options`` ((value, label) pairs)."""
        from rct_workbook.model.schema import Choice, Question

        question = Question(
            id="choice",
            type="choice",
            prompt=prompt,
            choices=tuple(Choice(value=value, label=label) for value, label in options),
        )
        return self.ask(Ask(question, question.choices or ()), default)

    def confirm(self, prompt: str, default: bool = True) -> Any:
        """Yes (True) or no (False)."""
        from rct_workbook.model.schema import Question

        return self.ask(Ask(Question(id="confirm", type="yes_no", prompt=prompt)), default)


class FileAsker(_Asks):
    """Answers from an answers file, already checked as a whole by ``check_all``."""

    def __init__(self, answers: dict[str, Any]):
        self.answers = answers

    def ask(self, ask: Ask, default: Any = None) -> Any:
        return self.answers.get(ask.id)


def read_answers(path: Path, asks: Sequence[Ask], defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read and check an answers file; every problem is listed, nothing is asked.

    ``defaults`` fill questions the file leaves out (as with --reuse-last).
    """
    shown = str(path)
    if not path.is_file():
        raise AnswersError(f"no answers file at {shown}")
    try:
        loaded = read_yaml_file(path)
    except YamlProblem as exc:
        where = f"{shown}:{exc.line}" if exc.line else shown
        raise AnswersError(f"{where}: {exc.message}") from None
    data = loaded.data
    if isinstance(data, dict):
        # A template's examples are only comments; one copied in as the answer is nobody's reflection.
        examples = [where for ask in asks for where in ask.kind.still_example(ask, data.get(ask.id))]
        if examples:
            raise AnswersError(
                f"the answers file {shown} still has the template's example as "
                f"{'an answer' if len(examples) == 1 else f'{len(examples)} answers'}; "
                "write your own words or leave them empty; nothing was saved",
                details=tuple(examples),
            )
        if defaults:
            # A key left empty (as in a fresh template) is filled from the earlier assessment.
            data = {**defaults, **{key: value for key, value in data.items() if value is not None}}
    return check_all(asks, data, source=f"the answers file {shown}")


class QuestionaryAsker(_Asks):
    """Asks a person at a terminal. Ctrl-C, Ctrl-D and a lost terminal all cancel."""

    def __init__(
        self, *, input: Any = None, output: Any = None, plain: bool = False, editor: bool = False, stderr: bool = False
    ):
        self.plain = plain
        #: Talk on stderr, when stdout carries a document (rct journal export > file.md).
        self.stderr = stderr
        #: Answer long-text questions in $VISUAL/$EDITOR first (Ctrl-E does it at any long-text prompt).
        self.editor = editor
        # input/output let tests drive prompts with prompt_toolkit's pipe input.
        self.io: dict[str, Any] = {}
        if input is not None:
            self.io["input"] = input
        if output is not None:
            self.io["output"] = output

    def ask(self, ask: Ask, default: Any = None) -> Any:
        try:
            return self._ask(ask, default)
        except (KeyboardInterrupt, EOFError):
            raise Cancelled("cancelled") from None
        except OSError as exc:  # the terminal went away mid-prompt
            raise Cancelled(f"the terminal was lost ({exc.strerror or exc})") from None

    def _edit(self, text: str) -> str:
        """The text after the editor, or ``text`` unchanged if the editor gave nothing back."""
        edited = edit_text(text)
        if edited is None:
            self._say("The editor gave no text back, so your previous text is kept.", None)
            return text
        return edited

    def _say(self, message: str, instruction: str | None) -> None:
        from rich.text import Text

        console = _console(self.plain, stderr=self.stderr)
        line = Text("? ", style="cyan")
        line.append(message, style="bold")
        console.print(line)
        if instruction:
            from rich.padding import Padding

            console.print(Padding(Text(instruction, style="dim"), (0, 0, 0, 2)))

    def _ask(self, ask: Ask, default: Any, *, label: str | None = None) -> Any:
        from rct_workbook.render.safe import clean

        q = ask.question
        # The question and its help are printed first, wrapped to the screen; the prompt
        # itself stays one short line. (prompt_toolkit also stalls drawing a multi-line
        # prompt whose message is wider than the terminal.)
        self._say(label or clean(q.prompt), clean(q.help) if q.help else None)
        spec = ask.kind.prompt(ask, default)
        if spec.form == "repeat":
            return self._repeat(ask)
        forms = {"text": self._text, "select": self._select, "checkbox": self._checkbox, "confirm": self._confirm}
        return forms[spec.form](ask, spec)

    def _common(self) -> dict[str, Any]:
        """What every questionary prompt shares: no mark, our colours, the input and output."""
        from prompt_toolkit.styles import Style

        from rct_workbook.render.terminal import wants_plain

        style = Style([("qmark", "fg:ansicyan"), ("question", "fg:ansicyan"), ("instruction", "fg:ansibrightblack")])
        common: dict[str, Any] = {"qmark": "", "style": style, **self.io}
        if self.stderr and "output" not in common:
            import sys

            from prompt_toolkit.output import create_output

            common["output"] = create_output(stdout=sys.stderr)
        if wants_plain(self.plain):
            from prompt_toolkit.output import ColorDepth

            common["color_depth"] = ColorDepth.DEPTH_1_BIT
        return common

    def _text(self, ask: Ask, spec: PromptSpec) -> Any:
        import questionary

        def validate(text: str) -> bool | str:
            try:
                check(ask, text)
            except ValueError as exc:
                return str(exc)
            return True

        current = spec.default
        if spec.multiline and self.editor:
            current = self._edit(current)
        while True:
            prompt = questionary.text(
                ARROW,
                default=current,
                multiline=spec.multiline,
                instruction=f"({spec.hint})" if spec.hint else None,
                validate=validate,
                **self._common(),
            )
            if spec.multiline:
                _bind_editor_key(prompt)
            text = prompt.unsafe_ask()
            if isinstance(text, _EditRequest):
                current = self._edit(text.text)
                continue
            return text if text.strip() else None

    def _select(self, ask: Ask, spec: PromptSpec) -> Any:
        import questionary

        choices = [questionary.Choice(_title(o.label), value=o.value) for o in spec.options]
        return _with_ctrl_d(
            questionary.select(
                ARROW,
                choices=choices,
                default=next((c for c in choices if c.value == spec.default), None),
                instruction=f"({spec.hint})" if spec.hint else None,
                **self._common(),
            ),
        ).unsafe_ask()

    def _checkbox(self, ask: Ask, spec: PromptSpec) -> Any:
        import questionary

        choices = [questionary.Choice(_title(o.label), value=o.value, checked=o.checked) for o in spec.options]
        return _with_ctrl_d(
            questionary.checkbox(
                ARROW,
                choices=choices,
                instruction=f"({spec.hint})" if spec.hint else None,
                validate=lambda chosen: True if chosen or not spec.required else "choose at least one",
                **self._common(),
            ),
        ).unsafe_ask()

    def _confirm(self, ask: Ask | None, spec: PromptSpec) -> Any:
        import questionary

        return questionary.confirm(ARROW, default=spec.default, **self._common()).unsafe_ask()

    def _yes(self, message: str, default: bool) -> bool:
        self._say(message, None)
        return bool(self._confirm(None, PromptSpec("confirm", default=default)))

    def _repeat(self, ask: Ask) -> list[dict[str, Any]]:
        """Each entry's fields in turn, then "Add another?" until the most allowed."""
        from rct_workbook.render.safe import clean

        q = ask.question
        rows: list[dict[str, Any]] = []
        while len(rows) < q.max_items:
            if len(rows) >= max(q.min_items, 1):
                if not self._yes(f"Add another? ({len(rows)} of at most {q.max_items})", False):
                    break
            elif q.min_items == 0 and not rows and not self._yes(f"{clean(q.prompt)}: add one?", True):
                break
            row = {}
            for field in ask.fields:
                label = f"{len(rows) + 1}. {clean(field.question.prompt)}"
                row[field.id] = check(field, self._ask(field, None, label=label))
            rows.append(row)
        return rows


ARROW = "›"


def _title(label: str) -> str:
    """A choice's label, safe to show; long ones wrap under themselves instead of running off the screen."""
    from rct_workbook.render.safe import clean

    return "\n     ".join(textwrap.wrap(clean(label), CHOICE_WIDTH)) or " "


class _EditRequest:
    """What a long-text prompt returns when the person presses Ctrl-E."""

    def __init__(self, text: str):
        self.text = text


def _with_ctrl_d(prompt: Any) -> Any:
    """Ctrl-D cancels a menu or checkbox too (questionary binds only Ctrl-C there)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
    return prompt


def _bind_editor_key(prompt: Any) -> None:
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-e", eager=True)
    def _(event: Any) -> None:
        event.app.exit(result=_EditRequest(event.app.current_buffer.text))

    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings


def edit_text(initial: str) -> str | None:
    """Open ``initial`` in $VISUAL or $EDITOR; the edited text, or None to keep ``initial``.

    None when no editor is set, it cannot start, it exits non-zero, or it leaves the
    buffer empty. The temporary file lives in the private drafts folder and is removed.
    """
    import os
    import shlex
    import subprocess
    import tempfile

    from rct_workbook.paths import drafts_dir, ensure_private_dir

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        return None
    folder = ensure_private_dir(drafts_dir())
    fd, name = tempfile.mkstemp(prefix=".rct-edit-", suffix=".md", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            status = subprocess.call([*shlex.split(command), name])  # noqa: S603 - the person's own editor
        except (OSError, ValueError):
            return None
        if status != 0:
            return None
        try:
            with open(name, encoding="utf-8", errors="replace") as handle:
                edited = handle.read()
        except OSError:
            return None
        edited = edited.rstrip("\n")
        return edited if edited.strip() else None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _console(plain: bool, *, stderr: bool = False) -> Any:
    import sys

    from rct_workbook.render.terminal import make_console, wants_plain

    return make_console(wants_plain(plain, sys.stderr if stderr else None), stderr=stderr)


def template(asks: Sequence[Ask], *, title: str) -> str:
    """A YAML answers file: every question with its type, allowed values and an example in comments.

    Every value is left empty for the person to fill in: an example is only ever a
    comment, so an unedited template is not mistaken for someone's reflection.
    """
    import yaml

    from rct_workbook.render.safe import clean

    lines = [
        f"# Answers for: {_one_line(title)}",
        "# Write each answer after its key, keep the keys. Lines starting with # are comments;",
        "# the examples in them only show the form, and an answer left as an example is refused.",
        "# Use it with --answers FILE; the same checks apply as when you type answers.",
        "",
    ]
    # Every question is listed, those asked only on a condition too: the values are the person's.
    for ask in asks:
        lines.extend(clean(line) for line in describe(ask))
        shown = ask.kind.template_example(ask)
        if shown is not None:
            dumped = yaml.safe_dump(
                {ask.id: shown}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=80
            )
            lines.append("#   for example:")
            lines.extend(clean(f"#     {line}") for line in dumped.rstrip("\n").split("\n"))
        lines.append(f"{ask.id}:")
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    from rct_workbook.render.safe import clean

    return clean(" ".join(text.split()))


def example(ask: Ask) -> Any:
    """An example answer that passes ``check``."""
    return ask.kind.example(ask)


def answers_file_text(answers: dict[str, Any], *, title: str) -> str:
    """Given answers as an answers file (for --answers), e.g. to keep them when a save fails."""
    import yaml

    header = f"# Answers for: {title}\n# Use with --answers FILE.\n"
    return header + yaml.safe_dump(answers, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88)
