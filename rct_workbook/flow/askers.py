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
from rct_workbook.flow.questions import RATING_MAX, RATING_MIN, Ask, check, check_all
from rct_workbook.model.safe_yaml import YamlProblem, read_yaml_file

#: Choices wrap at this width, which with the pointer and box fits 80 columns.
CHOICE_WIDTH = 72


class FileAsker:
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
    if defaults and isinstance(data, dict):
        data = {**defaults, **data}
    return check_all(asks, data, source=f"the answers file {shown}")


class QuestionaryAsker:
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
        import questionary
        from prompt_toolkit.styles import Style

        from rct_workbook.render.safe import clean
        from rct_workbook.render.terminal import wants_plain

        q = ask.question
        # The question and its help are printed first, wrapped to the screen; the prompt
        # itself stays one short line. (prompt_toolkit also stalls drawing a multi-line
        # prompt whose message is wider than the terminal.)
        self._say(label or clean(q.prompt), clean(q.help) if q.help else None)
        style = Style([("qmark", "fg:ansicyan"), ("question", "fg:ansicyan"), ("instruction", "fg:ansibrightblack")])
        common: dict[str, Any] = {"qmark": "", "style": style, **self.io}
        if self.stderr and "output" not in common:
            import sys

            from prompt_toolkit.output import create_output

            common["output"] = create_output(stdout=sys.stderr)
        if wants_plain(self.plain):
            from prompt_toolkit.output import ColorDepth

            common["color_depth"] = ColorDepth.DEPTH_1_BIT
        arrow = "›"

        def title(label: str) -> str:
            # Long choices wrap under themselves instead of running off the screen.
            return "\n     ".join(textwrap.wrap(clean(label), CHOICE_WIDTH)) or " "

        def validate_with(item: Ask) -> Any:
            def validate(text: str) -> bool | str:
                try:
                    check(item, text)
                except ValueError as exc:
                    return str(exc)
                return True

            return validate

        if q.type in ("text", "long_text"):
            multiline = q.type == "long_text"
            hint = "Esc then Enter to finish; Ctrl-E opens your editor" if multiline else None
            if not q.required:
                hint = f"{hint}; optional" if hint else "optional: Enter to skip"
            current = default if isinstance(default, str) else ""
            if multiline and self.editor:
                current = self._edit(current)
            while True:
                prompt = questionary.text(
                    arrow,
                    default=current,
                    multiline=multiline,
                    instruction=f"({hint})" if hint else None,
                    validate=validate_with(ask),
                    **common,
                )
                if multiline:
                    _bind_editor_key(prompt)
                text = prompt.unsafe_ask()
                if isinstance(text, _EditRequest):
                    current = self._edit(text.text)
                    continue
                return text if text.strip() else None
        if q.type == "choice":
            choices = [questionary.Choice(title(c.label), value=c.value) for c in ask.choices]
            if not q.required:
                choices.append(questionary.Choice("(skip)", value=None))
            return _with_ctrl_d(
                questionary.select(
                    arrow,
                    choices=choices,
                    default=next((c for c in choices if c.value == default), None),
                    instruction="(arrow keys, then Enter)",
                    **common,
                ),
            ).unsafe_ask()
        if q.type == "multi":
            picked = set(default) if isinstance(default, list) else set()
            choices = [
                questionary.Choice(title(c.label), value=c.value, checked=c.value in picked) for c in ask.choices
            ]
            return _with_ctrl_d(
                questionary.checkbox(
                    arrow,
                    choices=choices,
                    instruction="(space to tick, Enter when done)" + ("" if q.required else "; none is fine"),
                    validate=lambda chosen: True if chosen or not q.required else "choose at least one",
                    **common,
                ),
            ).unsafe_ask()
        if q.type == "rating":
            labels = {RATING_MIN: q.low_label, RATING_MAX: q.high_label}
            choices = [
                questionary.Choice(title(f"{n}  {labels[n]}") if n in labels else str(n), value=n)
                for n in range(RATING_MIN, RATING_MAX + 1)
            ]
            return _with_ctrl_d(
                questionary.select(
                    arrow,
                    choices=choices,
                    default=next((c for c in choices if c.value == default), None),
                    instruction="(1 to 5: arrow keys, then Enter)",
                    **common,
                ),
            ).unsafe_ask()
        if q.type == "yes_no":
            return questionary.confirm(
                arrow,
                default=default if isinstance(default, bool) else True,
                **common,
            ).unsafe_ask()
        if q.type == "repeat":
            rows: list[dict[str, Any]] = []
            while len(rows) < q.max_items:
                if len(rows) >= max(q.min_items, 1):
                    self._say(f"Add another? ({len(rows)} of at most {q.max_items})", None)
                    if not questionary.confirm(arrow, default=False, **common).unsafe_ask():
                        break
                elif q.min_items == 0 and not rows:
                    self._say(f"{clean(q.prompt)}: add one?", None)
                    if not questionary.confirm(arrow, default=True, **common).unsafe_ask():
                        break
                row = {}
                for field in ask.fields:
                    row[field.id] = check(
                        field, self._ask(field, None, label=f"{len(rows) + 1}. {clean(field.question.prompt)}")
                    )
                rows.append(row)
            return rows
        raise ValueError(f"unknown question type {q.type!r}")  # pragma: no cover


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
    """A YAML answers file: every question with its type and allowed values in comments.

    Left unedited, it is a valid answers file (every value is an example answer).
    """
    import yaml

    from rct_workbook.flow.questions import applies

    lines = [
        f"# Answers for: {_one_line(title)}",
        "# Edit the values, keep the keys. Lines starting with # are comments.",
        "# Use it with --answers FILE; the same checks apply as when you type answers.",
        "",
    ]
    example_answers: dict[str, Any] = {}
    for ask in asks:
        if not applies(ask, example_answers):
            continue
        value = example(ask)
        example_answers[ask.id] = value
        lines.extend(_describe(ask))
        dumped = yaml.safe_dump(
            {ask.id: value}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88
        )
        lines.append(dumped.rstrip("\n"))
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    from rct_workbook.render.safe import clean

    return clean(" ".join(text.split()))


def _describe(ask: Ask, indent: str = "") -> list[str]:
    q = ask.question
    out = [f"{indent}# {_one_line(q.prompt)}"]
    if q.help:
        out.append(f"{indent}#   {_one_line(q.help)}")
    need = "required" if q.required else "optional"
    if q.type in ("text", "long_text"):
        out.append(f"{indent}#   type: {'one line of text' if q.type == 'text' else 'text, any length'} ({need})")
    elif q.type == "rating":
        out.append(
            f"{indent}#   type: rating {RATING_MIN}-{RATING_MAX} ({RATING_MIN} = {_one_line(q.low_label or '')}; "
            f"{RATING_MAX} = {_one_line(q.high_label or '')}) ({need})"
        )
    elif q.type == "yes_no":
        out.append(f"{indent}#   type: true or false ({need})")
    elif q.type in ("choice", "multi"):
        what = "one of" if q.type == "choice" else "a list of any of"
        out.append(f"{indent}#   type: {what} these ({need}):")
        out.extend(f"{indent}#     {c.value}: {_one_line(c.label)}" for c in ask.choices)
    elif q.type == "repeat":
        out.append(f"{indent}#   type: a list of {q.min_items} to {q.max_items} entries, each with:")
        for field in ask.fields:
            out.extend(_describe(field, indent + "  "))
    if q.when is not None:
        test = "equals" if q.when.equals is not None else "includes" if q.when.includes is not None else "is not"
        wanted = next(v for v in (q.when.equals, q.when.includes, q.when.not_equals) if v is not None)
        out.append(f"{indent}#   asked only when {q.when.question} {test} {wanted!r}")
    return out


def example(ask: Ask) -> Any:
    """An example answer that passes ``check``."""
    q = ask.question
    if q.example is not None:
        value = list(q.example) if isinstance(q.example, tuple) else q.example
        try:
            return check(ask, value)
        except ValueError:
            pass
    if q.type == "text":
        return "Your answer here"
    if q.type == "long_text":
        return "Write your reflection here."
    if q.type == "choice":
        return ask.values[0]
    if q.type == "multi":
        return [ask.values[0]] if ask.values else []
    if q.type == "rating":
        return 3
    if q.type == "yes_no":
        return True
    if q.type == "repeat":
        return [{f.id: example(f) for f in ask.fields} for _ in range(max(q.min_items, 1))]
    return None  # pragma: no cover


def answers_file_text(answers: dict[str, Any], *, title: str) -> str:
    """Given answers as an answers file (for --answers), e.g. to keep them when a save fails."""
    import yaml

    header = f"# Answers for: {title}\n# Use with --answers FILE.\n"
    return header + yaml.safe_dump(answers, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88)
