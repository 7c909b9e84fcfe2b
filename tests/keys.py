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


def full_run_keys() -> str:
    """The keys for a whole `rct assess` (the answers tests/cli/test_assess_prompts.py checks)."""
    keys = DOWN + DOWN + DOWN + ENTER  # wellbeing 4
    keys += "Ana, my peer group" + FINISH  # support-people
    keys += "y"  # support-in-place
    keys += "Staff nurse" + ENTER  # role
    keys += DOWN + DOWN + ENTER  # organisation: community-health
    keys += DOWN + ENTER  # zest 2
    keys += DOWN + DOWN + ENTER  # empowerment 3
    keys += ENTER  # clarity 1
    keys += DOWN + DOWN + DOWN + ENTER  # worth 4
    keys += DOWN + ENTER  # connection 2
    keys += FINISH  # position (optional, empty)
    keys += FINISH  # other-settings (optional, empty)
    keys += FINISH  # history (optional, empty)
    keys += "Being seen as difficult" + FINISH  # risks
    keys += SPACE + DOWN + SPACE + ENTER  # practices: first two
    keys += ENTER  # connecting: none
    keys += FINISH  # kept-out: empty
    keys += ENTER  # unhealthy: none
    keys += SPACE + ENTER  # strategies: naming
    keys += FINISH  # disempowerment: empty
    keys += "Name the family meetings" + FINISH  # strategies-how
    keys += "Bo" + ENTER  # allies
    keys += FINISH  # courage: empty
    keys += FINISH  # one true thing: empty
    keys += "Ask for a case slot" + ENTER + "Bo" + ENTER + "May" + ENTER + DOWN + DOWN + ENTER + "A slot" + ENTER
    keys += "n"  # no more steps
    keys += "A unit that can disagree" + FINISH  # vision
    keys += "Peer group monthly" + FINISH  # sustain
    keys += FINISH  # ask-of-group: empty
    keys += ENTER  # next check-in: in four weeks (the default)
    return keys
