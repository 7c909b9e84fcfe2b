"""render/lite.py draws what comes before the first question of rct assess without Rich:
here every shape is compared, byte for byte, with what Rich draws for the same text, width
and mode, and the cases it leaves to Rich are checked to be left."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from rct_workbook.render import lite
from rct_workbook.render.terminal import Ui, print_all

#: Words with the characters content is written in: curly quotes, dashes, accents, numbers.
WORDS = [
    *("a", "I", "is", "of", "the", "to", "care", "—", "“small", "wins”", "Hartling", "&", "Sparks", "(2002):"),
    *("relational-cultural", "supervisor’s", "élan", "wwwwwwwwwwww", "?", "1.", "Step", "3:"),
]


def console(width: int, plain: bool) -> tuple[io.StringIO, Console]:
    """A console as render.terminal.make_console makes one, writing to a buffer."""
    buffer = io.StringIO()
    made = Console(
        file=buffer,
        width=width,
        no_color=plain,
        force_terminal=not plain,
        color_system=None if plain else "standard",
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    return buffer, made


def joined(lines: list[str] | None) -> str | None:
    return None if lines is None else "\n".join(lines) + "\n"


def say_with_rich(width: int, plain: bool, place: str, message: str, extras: list[str]) -> tuple[str, int]:
    """What QuestionaryAsker._say draws with Rich, and the rows it counts."""
    parts: list[object] = [Text(""), Text(place, style="dim")] if place else []
    line = Text("? ", style="cyan")
    line.append(message, style="bold")
    parts.append(line)
    parts.extend(Padding(Text(extra, style="dim"), (0, 0, 0, 2)) for extra in extras)
    buffer, made = console(width, plain)
    made.print(Group(*parts))  # type: ignore[arg-type]
    return buffer.getvalue(), len(made.render_lines(Group(*parts), made.options, pad=False))  # type: ignore[arg-type]


def say_without_rich(width: int, plain: bool, place: str, message: str, extras: list[str]) -> list[str] | None:
    color = not plain
    parts = [[""], lite.text_lines([(place, lite.DIM)], width, color)] if place else []
    parts.append(lite.text_lines([("? ", lite.CYAN), (message, lite.BOLD_CYAN)], width, color))
    parts.extend(lite.padded_lines([(extra, lite.DIM)], width, color, left=2) for extra in extras)
    return None if any(p is None for p in parts) else [line for p in parts for line in p or ()]


def test_every_shape_is_drawn_as_rich_draws_it() -> None:
    rng = random.Random(2002)

    def words(low: int, high: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))

    drawn = 0
    for _ in range(400):
        width, plain = rng.randint(20, 100), rng.random() < 0.4
        ui = Ui(plain=plain)
        title, body = words(1, 8), words(1, 60)

        buffer, made = console(width, plain)
        print_all(made, [ui.title(title, body)])
        ours = joined(lite.title_part(title, body)(width, plain))
        assert ours in (None, buffer.getvalue()), (width, plain, title, body)

        buffer, made = console(width, plain)
        made.print(ui.para(body))
        assert joined(lite.para_part(body)(width, plain)) == buffer.getvalue(), (width, plain, body)

        buffer, made = console(width, plain)
        print_all(made, [ui.heading(title), ui.para(body)])
        heading = joined(lite.heading_part(title, body)(width, plain))
        assert heading in (None, buffer.getvalue()), (width, plain, title, body)

        place = words(1, 4) if rng.random() < 0.5 else ""
        extras = [words(1, 30) for _ in range(rng.randint(0, 2))]
        message = words(1, 20)
        want, rows = say_with_rich(width, plain, place, message, extras)
        said = say_without_rich(width, plain, place, message, extras)
        if said is not None:
            assert (joined(said), len(said)) == (want, rows), (width, plain, place, message, extras)
        drawn += (ours is not None) + (heading is not None) + (said is not None)
    assert drawn > 900  # most cases are drawn here, not left to Rich


@pytest.mark.parametrize(
    "value",
    ["two  spaces", " leading", "trailing ", "a\nnewline", "wide 漢字", "emoji 🙂", "ESC \u241b", "", "x" * 41],
)
def test_text_it_cannot_measure_as_rich_does_is_left_to_rich(value: str) -> None:
    assert lite.wrap([(value, "")], 40) is None
    assert lite.heading_part(value, None)(40, False) is None
    assert lite.title_part(value, "An intro.")(40, False) is None


def test_a_title_too_long_for_its_box_or_rule_is_left_to_rich() -> None:
    assert lite.panel("x" * 20, "body", 27) is None
    assert lite.panel("x" * 20, "body", 28) is not None
    assert lite.rule("x" * 20, 22) is None


class Stream(io.StringIO):
    def __init__(self, encoding: str = "utf-8", tty: bool = True):
        super().__init__()
        self._encoding, self._tty = encoding, tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    ("env", "stream", "plain", "drawn"),
    [
        ({"TERM": "xterm"}, Stream(), False, True),
        ({"TERM": "xterm"}, Stream(), True, True),
        ({"TERM": "xterm"}, Stream(tty=False), True, True),
        ({"TERM": "xterm"}, Stream(encoding="latin-1"), True, False),
        ({"TERM": "unknown"}, Stream(), False, False),
        ({"TERM": "dumb"}, Stream(), False, False),
        ({"TERM": "xterm", "FORCE_COLOR": "1"}, Stream(), False, False),
        ({"TERM": "xterm", "TTY_COMPATIBLE": "0"}, Stream(), False, False),
        ({"TERM": "xterm"}, Stream(tty=False), False, False),
    ],
)
def test_only_a_terminal_rich_treats_plainly_is_drawn_here(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], stream: Stream, plain: bool, drawn: bool
) -> None:
    for name in ("TERM", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert lite.can_draw(stream, plain) is drawn
