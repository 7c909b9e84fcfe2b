"""Text from people, journal files and content packs can never drive the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import VIGNETTE, Run, Tree
from tests.journal.helpers import entry_id, make_assess

HOSTILE = (
    "[bold]bold[/bold] [/] [link=file:///etc/passwd]click[/link] "
    "\x1b[2J\x1b[H clear, \x1b]0;owned\x07 title, \x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\, "
    "\x1b]52;c;cm0gLXJmIH4=\x07 clipboard, \x9b31m c1-csi, bell\x07, \u202egnp.exe"
)
FORBIDDEN = ("\x1b", "\x9b", "\x07", "\u202e")


def assert_harmless(output: str) -> None:
    for ch in FORBIDDEN:
        assert ch not in output, repr(ch)


def test_typed_answers_in_list_show_export_steps_progress(run: Run, rct_home: Path) -> None:
    step = {"what": HOSTILE, "with-whom": "Bo", "by-when": HOSTILE, "risk": "low", "evidence": HOSTILE}
    first = make_assess("2026-01-01", risks=HOSTILE, role=HOSTILE.replace("\n", " ")[:200], small_steps=[step])
    make_assess("2026-02-01")
    ident = entry_id(first)
    for args in (
        ["journal", "list"],
        ["journal", "list", "--grep", "clipboard"],
        ["journal", "show", ident],
        ["journal", "export", ident, "--keep-flagged"],
        ["journal", "export", ident, "--keep-flagged", "--format", "html"],
        ["journal", "export", ident, "--check"],
        ["steps"],
        ["progress"],
    ):
        result = run(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert_harmless(result.stdout)
        assert_harmless(result.stderr)
    shown = run("journal", "show", ident).stdout
    assert "[bold]bold[/bold]" in shown and "[link=file:///etc/passwd]" in shown  # markup shows literally


def test_hostile_journal_file_written_by_hand(run: Run, rct_home: Path) -> None:
    make_assess("2026-01-01")
    bad = rct_home / "journal" / "by-hand.md"
    bad.write_text(
        '---\nformat: 1\nid: "by-hand\\e[2J"\nkind: "assess\\a"\ntitle: "\\e]0;owned\\a[bold]x"\n'
        "created: '2026-01-02'\nanswers: {risks: \"\\x9b31m\"}\n---\nbody\n"
    )
    (rct_home / "journal" / "\x1b[31mname.md").write_text("not an entry")
    result = run("journal", "list")
    assert result.exit_code == 0
    assert_harmless(result.stdout)
    assert_harmless(result.stderr)
    assert "␛[31mname.md" in result.stderr


def test_hostile_content_pack(run: Run, tree: Tree) -> None:
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\e").replace("\x07", "\\a")
    quoted = quoted.replace("\x9b", "\\x9b").replace("\u202e", "\\u202e")
    pack = VIGNETTE.replace("outcome: It went on.", f'outcome: "{quoted}"').replace(
        'title: "Dana: a test case"', f'title: "{quoted}"'
    )
    folder = tree({"dana.yaml": pack})
    for args in (
        ["vignette"],
        ["vignette", "dana", "--no-reflect"],
        ["content", "list"],
        ["vignette", "dana", "--template"],
    ):
        result = run("--content", str(folder), *args)
        assert result.exit_code == 0, result.stderr
        assert_harmless(result.stdout)
    assert (
        "[link=file:///etc/passwd]click[/link]"
        in run("--content", str(folder), "vignette", "dana", "--no-reflect").stdout
    )


@pytest.mark.parametrize("args", [["vignette", "\x1b]0;x\x07"], ["journal", "show", "\x1b[2J"], ["learn", "\x9b31m"]])
def test_hostile_names_in_errors(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert_harmless(result.stderr)
