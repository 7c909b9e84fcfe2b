"""Kept screens (render/saved.py): served only while everything they were drawn from is
unchanged, private, and never able to drive the terminal."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from rct_workbook.model.stamps import builtin_content_dir
from rct_workbook.render import saved
from tests.helpers import Run, python_says

CULTURE = (builtin_content_dir() / "cultures" / "hierarchical.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def home_exists(rct_home: Path) -> None:
    """Kept screens go in RCT_HOME/cache once the data folder exists (it is never made for a cache)."""
    rct_home.mkdir(mode=0o700)


def kept_files(home: Path) -> list[Path]:
    return sorted((home / "cache" / "screens").glob("*.txt"))


def as_kept(body: bytes, header: bytes | None = None) -> bytes:
    """A kept screen's file holding ``body``, whole: the stamp, the length and checksum, the text."""
    return b"\n".join([header or saved._header(key()), saved._check(body), body])


def key(screen: tuple[str, ...] = ("learn", "cultures"), **changes: object) -> saved.Key:
    options: dict[str, object] = {"plain": True, "width": 80, "packs": (), "stream": io.StringIO()}
    options.update(changes)
    made = saved.key(screen, **options)  # type: ignore[arg-type]
    assert made is not None
    return made


def test_a_kept_screen_is_private_and_read_back_whole(rct_home: Path) -> None:
    saved.write(key(), "Three culture types\n  - one\n")
    [file] = kept_files(rct_home)
    assert os.stat(file).st_mode & 0o777 == 0o600
    assert os.stat(file.parent).st_mode & 0o777 == 0o700
    assert saved.read(key()) == "Three culture types\n  - one\n"


def test_colour_codes_are_kept(rct_home: Path) -> None:
    screen = "\x1b[1;36mThe framework\x1b[0m\n╭──╮\n"
    saved.write(key(plain=False), screen)
    assert saved.read(key(plain=False)) == screen


@pytest.mark.parametrize(
    "change",
    [
        {"width": 60},
        {"plain": False},
        {"screen": ("learn", "glossary")},
        {"stream": type("Tty", (io.StringIO,), {"isatty": lambda self: True})()},
    ],
    ids=["width", "mode", "screen", "terminal"],
)
def test_a_screen_drawn_for_something_else_is_not_served(rct_home: Path, change: dict[str, object]) -> None:
    saved.write(key(), "drawn at 80 columns, plain\n")
    assert saved.read(key(**change)) is None


@pytest.mark.parametrize("name", ["TERM", "COLORTERM", "FORCE_COLOR", "LANG", "COLUMNS"])
def test_an_environment_rich_reads_is_part_of_the_stamp(
    rct_home: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    saved.write(key(), "drawn\n")
    monkeypatch.setenv(name, "something-else")
    assert saved.read(key()) is None


def test_a_changed_content_file_is_drawn_again(rct_home: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "culture.yaml").write_text(CULTURE, encoding="utf-8")
    saved.write(key(packs=(pack,)), "drawn\n")
    assert saved.read(key(packs=(pack,))) == "drawn\n"
    (pack / "culture.yaml").write_text(CULTURE.replace("Hierarchical culture", "A ladder"), encoding="utf-8")
    assert saved.read(key(packs=(pack,))) is None
    assert saved.read(key()) is None  # the built-in content alone is another screen


def test_changed_code_is_drawn_again(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved.write(key(), "drawn\n")
    before = saved._code()
    monkeypatch.setattr(saved, "_code", lambda: (*before, ("rct_workbook/render/new.py", 1, 2, 3, 4)))
    assert saved.read(key()) is None


def test_the_code_stamp_covers_every_module_and_rich(rct_home: Path) -> None:
    package = Path(saved.__file__).resolve().parent.parent
    stamped = {Path(part[0]) for part in saved._code() if part is not None}
    assert stamped == set(package.glob("*.py")) | set(package.glob("*/*.py")) - set(package.glob("_*/*.py"))
    kept_rich = saved._rich()
    assert kept_rich is not None
    import rich.console

    assert Path(rich.console.__file__) in {Path(part[0]) for part in kept_rich[1]}


@pytest.mark.parametrize(
    "screen",
    ["\x1b]0;new title\x07text\n", "\x1b[2Jcleared\n", "bell\x07\n", "carriage\rreturn\n", "\x9b31mC1\n", ""],
    ids=["osc title", "clear screen", "bell", "carriage return", "c1 csi", "empty"],
)
def test_anything_that_could_drive_the_terminal_is_never_kept_or_served(rct_home: Path, screen: str) -> None:
    saved.write(key(), screen)
    assert kept_files(rct_home) == []
    # …nor served when written into the file by someone else.
    folder = rct_home / "cache" / "screens"
    folder.mkdir(parents=True, mode=0o700)
    saved.write(key(), "fine\n")
    [file] = kept_files(rct_home)
    file.write_bytes(as_kept(screen.encode("utf-8")))
    assert saved.read(key()) is None


def test_a_damaged_or_foreign_file_is_ignored(rct_home: Path) -> None:
    saved.write(key(), "fine\n")
    [file] = kept_files(rct_home)
    file.write_bytes(b"not a stamp\nfine\n")
    assert saved.read(key()) is None
    file.write_bytes(as_kept(b"\xff\xfe not UTF-8\n"))
    assert saved.read(key()) is None
    file.write_bytes(as_kept(b"fine\n")[:-3])  # cut short (a power cut: kept screens are not fsynced)
    assert saved.read(key()) is None
    file.write_bytes(as_kept(b"fine\n").replace(b"fine", b"fiNe"))  # same length, other bytes
    assert saved.read(key()) is None
    file.write_bytes(as_kept(b"fine\n"))
    assert saved.read(key()) == "fine\n"
    os.chmod(file, 0o620)  # writable by the group: someone else could have put it there
    assert saved.read(key()) is None
    os.chmod(file, 0o600)
    file.unlink()
    file.symlink_to(rct_home / "elsewhere.txt")
    (rct_home / "elsewhere.txt").write_bytes(as_kept(b"fine\n"))
    assert saved.read(key()) is None  # not followed through a link


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_file_owned_by_someone_else_is_ignored(rct_home: Path) -> None:
    saved.write(key(), "fine\n")
    [file] = kept_files(rct_home)
    os.chown(file, 65534, 65534)
    assert saved.read(key()) is None


def test_a_kept_screen_is_not_fsynced_but_still_replaced_whole(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache that checks what it reads need not wait for the disk (~10 ms of a first view)."""

    def refuse(fd: int) -> None:
        raise AssertionError("a kept screen was fsynced")

    monkeypatch.setattr(os, "fsync", refuse)
    saved.write(key(), "drawn\n")
    saved.write(key(), "drawn again\n")
    assert saved.read(key()) == "drawn again\n"
    assert [p.name for p in (rct_home / "cache" / "screens").iterdir()] == [kept_files(rct_home)[0].name]


def test_nothing_is_kept_without_a_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RCT_HOME", str(tmp_path / "not-yet"))
    saved.write(key(), "drawn\n")
    assert saved.read(key()) is None
    assert not (tmp_path / "not-yet").exists()


def test_an_unwritable_cache_is_only_a_slower_run(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (rct_home / "cache").write_text("a file where the folder would be", encoding="utf-8")
    saved.write(key(), "drawn\n")  # no error
    assert saved.read(key()) is None


# --- through the commands -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("learn",), ("learn", "cultures"), ("vignette", "paula", "--no-reflect")], ids=" ".join
)
def test_the_kept_screen_is_what_the_command_printed(rct_home: Path, run: Run, args: tuple[str, ...]) -> None:
    first = run(*args)
    assert first.exit_code == 0
    [file] = kept_files(rct_home)
    assert file.read_bytes().split(b"\n", 2)[2] == first.stdout_bytes
    second = run(*args)
    assert second.stdout_bytes == first.stdout_bytes


def test_a_second_run_is_served_from_the_kept_screen(rct_home: Path, run: Run) -> None:
    run("learn", "cultures")
    [file] = kept_files(rct_home)
    header = file.read_bytes().partition(b"\n")[0]
    file.write_bytes(as_kept(b"served from the kept screen\n", header))
    assert run("learn", "cultures").stdout == "served from the kept screen\n"


def test_an_edited_pack_shows_at_once(rct_home: Path, run: Run, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "culture.yaml").write_text(CULTURE, encoding="utf-8")
    assert "Hierarchical culture" in run("--content", str(pack), "learn", "cultures").stdout
    (pack / "culture.yaml").write_text(CULTURE.replace("Hierarchical culture", "A tall ladder"), encoding="utf-8")
    out = run("--content", str(pack), "learn", "cultures").stdout
    assert "A tall ladder" in out and "Hierarchical culture" not in out
    assert "Hierarchical culture" in run("learn", "cultures").stdout  # without the pack, as shipped


@pytest.mark.parametrize("args", [("learn", "nothing-here"), ("vignette", "nobody", "--no-reflect")], ids=" ".join)
def test_an_unknown_topic_or_case_keeps_nothing(rct_home: Path, run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert kept_files(rct_home) == []


def test_the_stamp_needs_no_content_code() -> None:
    """Checking a kept screen must not load what it saves loading."""
    said = python_says(
        "import io, sys",
        "from rct_workbook.render import saved",
        "saved.key(('learn',), plain=True, width=80, packs=(), stream=io.StringIO())",
        "print(sorted(m for m in ('rich', 'yaml', 'pydantic', 'rct_workbook.model.content') if m in sys.modules))",
    )
    assert said.strip() == "[]"


def test_every_variable_rich_reads_is_in_the_stamp() -> None:
    """A Rich that starts reading another environment variable fails here, so its kept screens
    cannot be shown under a setting they were not drawn for."""
    import re

    import rich

    pattern = re.compile(r"""(?:environ\.get|getenv)\(\s*["']([A-Z_]+)["']|environ\[\s*["']([A-Z_]+)["']""")
    read = set()
    for path in Path(rich.__file__).parent.glob("*.py"):
        for found in pattern.findall(path.read_text(encoding="utf-8")):
            read.update(name for name in found if name)
    assert {"TERM", "COLORTERM", "NO_COLOR"} <= read  # the pattern finds what it should
    assert read <= set(saved.ENVIRONMENT)
