"""The two things that answer questions: a person through questionary, or a file.

questionary and prompt_toolkit are imported only when a person is actually asked.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rct_workbook.errors import AnswersError, Cancelled
from rct_workbook.flow.questions import Ask, GoBack, check, check_all
from rct_workbook.model.question_types import PromptSpec, describe

#: Choices wrap at this width at most, which with the pointer and box fits 80 columns;
#: on a narrower screen they wrap to fit it.
CHOICE_WIDTH = 72

#: Said once at the start of `rct assess` and `rct vignette` (and in their --help).
BACK_HINT = "Ctrl-B (or Alt-Left) goes back to the previous question; what you wrote is kept."


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


def read_answers(
    path: Path,
    asks: Sequence[Ask],
    defaults: dict[str, Any] | None = None,
    prepare: Callable[[dict[str, Any]], tuple[dict[str, Any], list[str]]] | None = None,
) -> dict[str, Any]:
    """Read and check an answers file; every problem is listed, nothing is asked.

    ``defaults`` fill questions the file leaves out (as with --reuse-last). ``prepare``
    turns keys that are not questions (the `review:` list) into answers, and reports
    its problems with the others.
    """
    from rct_workbook.model.safe_yaml import YamlProblem, read_yaml_file

    shown = str(path)
    if not path.is_file():
        raise AnswersError(f"no answers file at {shown}")
    try:
        loaded = read_yaml_file(path)
    except YamlProblem as exc:
        where = f"{shown}:{exc.line}" if exc.line else shown
        raise AnswersError(f"{where}: {exc.message}") from None
    data = loaded.data
    problems: list[str] = []
    if prepare is not None and isinstance(data, dict):
        data, problems = prepare(data)
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
    return check_all(asks, data, source=f"the answers file {shown}", problems=problems)


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
        #: The hints already given in full; after that they are said briefly.
        self.hinted: set[str] = set()
        if input is not None:
            self.io["input"] = input
        if output is not None:
            self.io["output"] = output

    def ask(self, ask: Ask, default: Any = None) -> Any:
        """The person's answer, checked: however a prompt was submitted, an answer that does
        not pass the question's checks is refused with the reason and asked again."""
        try:
            while True:
                value = self._ask(ask, default)
                try:
                    check(ask, value)
                except ValueError as exc:
                    problem = str(exc)
                    self._tell(f"{problem[:1].upper()}{problem[1:]}: please answer again.")
                    default = value if value not in (None, []) else default
                    continue
                return value
        except (KeyboardInterrupt, EOFError):
            raise Cancelled("cancelled") from None
        except OSError as exc:  # the terminal went away mid-prompt
            raise Cancelled(f"the terminal was lost ({exc.strerror or exc})") from None

    def _edit(self, text: str) -> str:
        """The text after the editor, or ``text`` unchanged if none was found or it gave nothing back.

        Says first which editor opens (or that none was found, and how to set one).
        """
        found = find_editor()
        if found is None:
            self._tell(
                "No editor was found (EDITOR and VISUAL are not set, and none of editor, nano or vi is "
                "installed); your text is kept. To choose one: export EDITOR=nano (or your editor)."
            )
            return text
        command, name = found
        self._tell(
            f"Opening {name}; save and close it to come back."
            + ("" if command.source else " (Set EDITOR to choose another.)")
        )
        edited = edit_text(text, command.argv)
        if edited is None:
            self._tell(f"{name} gave no text back, so your previous text is kept.")
            return text
        return edited

    def _tell(self, message: str) -> None:
        """One line from rct itself (not a question), wrapped at word edges to the screen."""
        from rich.text import Text

        _console(self.plain, stderr=self.stderr).print(Text(message, style="dim"))

    def _say(self, message: str, help: str | None = None, hint: str | None = None, place: str = "") -> int:
        """Print a question: where it is in the flow, its text, its help, how to answer (each on
        its own line, wrapped to the screen); return how many rows that took."""
        from rich.console import Group
        from rich.padding import Padding
        from rich.text import Text

        console = _console(self.plain, stderr=self.stderr)
        parts: list[Any] = []
        if place:
            parts.extend([Text(""), Text(place, style="dim")])
        line = Text("? ", style="cyan")
        line.append(message, style="bold")
        parts.append(line)
        for extra in (help, hint):
            if extra:
                parts.append(Padding(Text(extra, style="dim"), (0, 0, 0, 2)))
        shown = Group(*parts)
        console.print(shown)
        return len(console.render_lines(shown, console.options, pad=False))

    def _echo(self, lines: list[str] | None) -> None:
        """The answer itself under its question, wrapped; each item of a list on its own line."""
        from rich.table import Table
        from rich.text import Text

        from rct_workbook.render.safe import clean

        grid = Table.grid()
        grid.add_column(width=2, no_wrap=True)
        grid.add_column()
        shown = [Text(clean(line)) for line in lines] if lines else [Text("(no answer)", style="dim")]
        for item in shown:
            grid.add_row(Text(MARKER, style="cyan"), item)
        _console(self.plain, stderr=self.stderr).print(grid)

    def _hint(self, spec: PromptSpec) -> str | None:
        """How to answer: in full the first time, then briefly."""
        if spec.hint is None or spec.hint not in self.hinted:
            if spec.hint:
                self.hinted.add(spec.hint)
            return spec.hint
        return spec.brief

    def _ask(self, ask: Ask, default: Any, *, label: str | None = None) -> Any:
        from rct_workbook.render.safe import clean

        q = ask.question
        spec = ask.kind.prompt(ask, default)
        # The place, question, help and hint are printed first, wrapped to the screen; the
        # prompt itself starts on the line after them.
        rows = self._say(label or clean(q.prompt), clean(q.help) if q.help else None, self._hint(spec), ask.place)
        if spec.form == "repeat":
            return self._repeat(ask, default)
        if spec.form == "text":
            return self._text(ask, spec)
        forms = {"select": self._select, "checkbox": self._checkbox, "confirm": self._confirm}
        return forms[spec.form](spec, rows, back=ask.can_go_back)

    def _room(self) -> int:
        """How wide a choice's label may be: the screen less the pointer, the box and a scrollbar."""
        import shutil

        output = self.io.get("output")
        columns = output.get_size().columns if output is not None else shutil.get_terminal_size((80, 24)).columns
        return max(20, min(CHOICE_WIDTH, int(columns) - 8))

    def _style(self) -> Any:
        from prompt_toolkit.styles import Style

        return Style(
            [
                ("qmark", "fg:ansicyan"),
                ("question", "fg:ansicyan"),
                ("marker", "fg:ansicyan"),
                ("instruction", "fg:ansibrightblack"),
            ]
        )

    def _io(self) -> dict[str, Any]:
        """The input and output every prompt uses (tests pass pipe input; export talks on stderr)."""
        io = dict(self.io)
        if self.stderr and "output" not in io:
            import sys

            from prompt_toolkit.output import create_output

            io["output"] = create_output(stdout=sys.stderr)
        return io

    def _color_depth(self) -> Any:
        from rct_workbook.render.modes import wants_plain

        if wants_plain(self.plain):
            from prompt_toolkit.output import ColorDepth

            return ColorDepth.DEPTH_1_BIT
        return None

    def _common(self) -> dict[str, Any]:
        """What every questionary prompt shares: no mark, our colours, the input and output."""
        common: dict[str, Any] = {"qmark": "", "style": self._style(), **self._io()}
        depth = self._color_depth()
        if depth is not None:
            common["color_depth"] = depth
        return common

    def _text(self, ask: Ask, spec: PromptSpec) -> Any:
        from rct_workbook.flow.prompts import BackRequest, EditRequest, type_text

        def validate(text: str) -> str | None:
            try:
                check(ask, text)
            except ValueError as exc:
                return str(exc)
            return None

        current = spec.default
        if spec.multiline and self.editor:
            current = self._edit(current)
        while True:
            text = type_text(
                default=current,
                multiline=spec.multiline,
                validate=validate,
                style=self._style(),
                io=self._io(),
                color_depth=self._color_depth(),
                back=ask.can_go_back,
            )
            if isinstance(text, EditRequest):
                current = self._edit(text.text)
                continue
            if isinstance(text, BackRequest):
                raise GoBack(text.given)
            self._echo([text] if text.strip() else None)
            return text if text.strip() else None

    def _select(self, spec: PromptSpec, rows: int, *, back: bool = False) -> Any:
        import questionary

        from rct_workbook.flow.prompts import BackRequest, bind_digits, fit_to_screen, inquirer, with_prompt_keys

        choices = [questionary.Choice(_title(o.label, self._room()), value=o.value) for o in spec.options]
        prompt = questionary.select(
            ARROW,
            choices=choices,
            default=next((c for c in choices if c.value == spec.default), None),
            instruction=" ",  # the hint is already under the question
            **self._common(),
        )
        if spec.digits:
            bind_digits(prompt, [o.value for o in spec.options])
        control = inquirer(prompt)
        pointed = (lambda: control.get_pointed_at().value) if back and control is not None else None
        value = with_prompt_keys(fit_to_screen(prompt, rows), back=pointed).unsafe_ask()
        if isinstance(value, BackRequest):
            raise GoBack(value.given)
        picked = next((o for o in spec.options if o.value == value), None)
        self._echo([picked.label] if picked is not None and value is not None else None)
        return value

    def _checkbox(self, spec: PromptSpec, rows: int, *, back: bool = False) -> Any:
        """Ticks; a required list submitted with none ticked is refused on a line of its own
        (whichever key submitted it) and asked again.

        Said here rather than in questionary's validation bar, which prompt_toolkit draws
        only where the terminal reports the cursor position.
        """
        import questionary

        from rct_workbook.flow.prompts import BackRequest, fit_to_screen, inquirer, with_prompt_keys

        ticked_before = [o.value for o in spec.options if o.checked]
        while True:
            choices = [
                questionary.Choice(_title(o.label, self._room()), value=o.value, checked=o.value in ticked_before)
                for o in spec.options
            ]
            prompt = questionary.checkbox(
                ARROW,
                choices=choices,
                instruction=" ",  # the hint is already under the question
                **self._common(),
            )
            control = inquirer(prompt)
            ticked = (lambda shown=control: list(shown.selected_options)) if back and control is not None else None
            values = with_prompt_keys(fit_to_screen(prompt, rows), back=ticked).unsafe_ask()
            if isinstance(values, BackRequest):
                raise GoBack(values.given)
            if values or not spec.required:
                break
            self._tell("Choose at least one: Space ticks the one pointed at, then Enter.")
            rows += 1
        self._echo([o.label for o in spec.options if o.value in values] or None)
        return values

    def _confirm(self, spec: PromptSpec, rows: int = 0, *, back: bool = False) -> Any:
        import questionary

        from rct_workbook.flow.prompts import BackRequest, with_prompt_keys

        prompt = questionary.confirm(ARROW, default=spec.default, **self._common())
        prompt.application.erase_when_done = True
        answer = with_prompt_keys(prompt, back=(lambda: None) if back else None).unsafe_ask()
        if isinstance(answer, BackRequest):
            raise GoBack(None)
        self._echo(["Yes" if answer else "No"])
        return answer

    def _yes(self, message: str, default: bool, *, back: bool = False) -> bool:
        from rct_workbook.model.question_types import YES_NO_HINT

        rows = self._say(message, hint=YES_NO_HINT.format(default="Yes" if default else "No"))
        return bool(self._confirm(PromptSpec("confirm", default=default), rows, back=back))

    def _repeat(self, ask: Ask, default: Any = None) -> list[dict[str, Any]]:
        """Each entry's fields in turn, then "Add another?" until the most allowed.

        Going back moves through the fields and entries already given (each offered again);
        from the very first it leaves the question, as from any other.
        """
        from dataclasses import replace

        from rct_workbook.render.safe import clean

        q = ask.question
        fields = list(ask.fields)
        rows: list[dict[str, Any]] = []
        row: dict[str, Any] = {}
        # (entry, field) -> the value to offer again: the entries given before, when going back to them.
        given = [entry for entry in default if isinstance(entry, dict)] if isinstance(default, list) else []
        again: dict[tuple[int, int], Any] = {
            (r, j): entry.get(field.id) for r, entry in enumerate(given) for j, field in enumerate(fields)
        }
        at = 0  # the field asked next in ``row``
        while True:
            first = not rows and at == 0
            try:
                if at == 0:
                    if len(rows) >= q.max_items:
                        break
                    if len(rows) >= max(q.min_items, 1):
                        more = len(rows) < len(given)  # there were more entries: offered again
                        if not self._yes(f"Add another? ({len(rows)} of at most {q.max_items})", more, back=True):
                            break
                    elif (
                        q.min_items == 0
                        and not rows
                        and (0, 0) not in again
                        and not self._yes(f"{clean(q.prompt)}: add one?", True, back=ask.can_go_back)
                    ):
                        break
                field = replace(fields[at], can_go_back=ask.can_go_back or not first)
                label = f"{len(rows) + 1}. {clean(field.question.prompt)}"
                value = self._ask(field, again.pop((len(rows), at), None), label=label)
                row[field.id] = check(field, value)
            except GoBack as back:
                if back.given is not None and at < len(fields):
                    again[(len(rows), at)] = back.given
                if first:
                    raise GoBack(None) from None
                if at == 0:  # back into the last field of the entry before
                    row, at = rows.pop(), len(fields)
                at -= 1
                again[(len(rows), at)] = row.pop(fields[at].id)
                continue
            at += 1
            if at == len(fields):
                rows.append(row)
                row, at = {}, 0
        return rows


ARROW = "›"
MARKER = "› "


def _title(label: str, width: int = CHOICE_WIDTH) -> str:
    """A choice's label, safe to show; long ones wrap under themselves instead of running off the screen."""
    from rct_workbook.render.safe import clean

    return "\n     ".join(textwrap.wrap(clean(label), width)) or " "


class EditorCommand:
    """The editor to open: its command line as words, and where it came from (None: found on PATH)."""

    def __init__(self, argv: list[str], source: str | None):
        self.argv = argv
        self.source = source


def find_editor() -> tuple[EditorCommand, str] | None:
    """The person's editor and its name: $VISUAL, then $EDITOR, then the first of
    ``editor`` (Debian's choice), ``nano`` and ``vi`` that is installed; None if none is."""
    import os
    import shutil

    from rct_workbook.system import split_command

    for variable in ("VISUAL", "EDITOR"):
        command = os.environ.get(variable, "").strip()
        if command:
            try:
                argv = split_command(command)  # C:\Program Files\... stays whole on Windows
            except ValueError:
                continue
            if argv:
                return EditorCommand(argv, variable), Path(argv[0]).name
    for name in ("editor", "nano", "vi"):
        found = shutil.which(name)
        if found:
            return EditorCommand([found], None), name
    return None


def edit_text(initial: str, argv: list[str] | None = None) -> str | None:
    """Open ``initial`` in the editor ``argv`` (else ``find_editor``'s); the edited text, or
    None to keep ``initial``.

    None when no editor is found, it cannot start, exits non-zero, or leaves the buffer
    empty. The temporary file lives in a private folder (``paths.editing_dir``) and is removed.
    """
    import os
    import subprocess
    import tempfile

    from rct_workbook.journal.vault import writes_sealed
    from rct_workbook.paths import editing_dir, ensure_private_dir

    if argv is None:
        found = find_editor()
        if found is None:
            return None
        argv = found[0].argv
    folder = ensure_private_dir(editing_dir(writes_sealed()))
    fd, name = tempfile.mkstemp(prefix=".rct-edit-", suffix=".md", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            status = subprocess.call([*argv, name])  # noqa: S603 - the person's own editor
        except (OSError, ValueError):
            return None
        if status != 0:
            return None
        from pathlib import Path

        from rct_workbook.storage import NotReadable, read_bounded

        try:  # through the one bounded reader: a regular file, not a link, of a size an answer can be
            edited = read_bounded(Path(name), 1024 * 1024, follow_links=False).decode("utf-8", "replace")
        except (OSError, NotReadable):
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
