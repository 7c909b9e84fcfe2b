"""The keys a person presses, as the bytes a terminal sends: one definition for the pipe-input tests
(prompt_toolkit ``create_pipe_input``) and the real-terminal tests (tests/tty/terminal.py re-exports them)."""

from __future__ import annotations

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_E = "\x05"
ESC_ENTER = "\x1b\r"
#: Esc then Enter finishes a multi-line text answer.
FINISH = ESC_ENTER
CTRL_B = "\x02"
#: Alt-Left as xterm sends it; prompt_toolkit reads it as Esc then Left.
ALT_LEFT = "\x1b[1;3D"
