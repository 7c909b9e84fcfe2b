"""rct without what only POSIX has: how Windows is checked on Linux (and macOS).

The installed ``rct`` runs in a fresh process with tests/no_posix_site.py as its
``sitecustomize``: no SIGHUP, no user ids, no O_NOFOLLOW or O_NONBLOCK, no fchmod, and
termios, tty, fcntl, pwd and grp cannot be imported. Every everyday command must still end
with exit 0 and no traceback. This test is not skipped anywhere; on Windows it checks the
real thing as well.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rct_workbook.model.content import load_content
from tests.helpers import FilledAnswers, python_says

SITE = Path(__file__).with_name("no_posix_site.py")

#: Characters Windows forbids in a file name (and the separators), which must never reach one.
FORBIDDEN_IN_NAMES = set('<>:"/\\|?*')


def _rct() -> str:
    found = shutil.which("rct", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"the rct console script is not installed next to {sys.executable} (pip install -e . first)")
    return found


def _env(home: Path, site: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR", "RCT_CONTENT", "PAGER")}
    env.update(PYTHONPATH=str(site), RCT_HOME=str(home), PYTHONIOENCODING="utf-8")
    return env


def _env_without_rct_home(home: Path, site: Path) -> dict[str, str]:
    """rct's data where platformdirs puts it, under ``home`` (HOME on macOS, XDG on Linux)."""
    env = _env(home, site)
    del env["RCT_HOME"]
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    return env


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("no-posix-site")
    shutil.copyfile(SITE, folder / "sitecustomize.py")
    return folder


def run(home: Path, site: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``rct ARGS`` without POSIX, its data in ``home``; it must end with exit 0 and no traceback."""
    done = subprocess.run(
        [_rct(), *args],
        env=env or _env(home, site),
        cwd=home.parent,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, f"rct {' '.join(args)}:\n{done.stderr}"
    assert done.returncode == 0, f"rct {' '.join(args)} exited {done.returncode}:\n{done.stderr}"
    assert (done.stdout + done.stderr).strip(), f"rct {' '.join(args)} said nothing"
    return done


def test_the_features_only_posix_has_are_gone(tmp_path: Path, site: Path) -> None:
    """The check below is only worth something while the sitecustomize really runs."""
    said = python_says(
        "import os, signal",
        "def importable(n):",
        "    try:",
        "        __import__(n)",
        "    except ImportError:",
        "        return False",
        "    return True",
        "print(sorted(n for n in ('termios', 'tty', 'fcntl', 'pwd', 'grp') if importable(n)))",
        "print(hasattr(signal, 'SIGHUP'), hasattr(signal, 'SIGBREAK'))",
        "names = ('getuid', 'geteuid', 'getgid', 'fchmod', 'O_NOFOLLOW', 'O_NONBLOCK')",
        "print(sorted(n for n in names if hasattr(os, n)))",
        "import filelock; print(filelock.FileLock.__name__)",
        env=_env(tmp_path / "home", site),
    )
    lock = "WindowsFileLock" if sys.platform == "win32" else "UnixFileLock"
    assert said.splitlines() == ["[]", "False True", "[]", lock]


def test_everyday_commands_run_without_posix(tmp_path: Path, site: Path, filled_answers: FilledAnswers) -> None:
    """An assessment saved from an answers file, then every command that reads or exports it."""
    home = tmp_path / "rct-home"
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    failed = [why for why in [_fails(home, site, "assess", "--answers", str(answers))] if why]
    entries = list((home / "journal").glob("*.md"))
    assert len(entries) == 1, failed
    entry = entries[0].stem
    commands = [
        ["--help"],
        ["learn"],
        ["assess", "--template"],
        ["journal", "list"],
        ["journal", "show", entry],
        ["journal", "export", entry, "--redact-flagged"],
        ["journal", "export", entry, "--redact-flagged", "--out", str(tmp_path / "meeting.md")],
        ["steps"],
        ["progress"],
        ["settings"],
        ["group", "rota", "--members", "Ana,Bo,Chris", "--meetings", "3"],
    ]
    failed += [why for command in commands if (why := _fails(home, site, *command))]
    assert not failed, "\n\n".join(failed)
    assert (tmp_path / "meeting.md").is_file()


def _fails(home: Path, site: Path, *args: str) -> str | None:
    try:
        run(home, site, *args)
    except AssertionError as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("case", sorted(load_content().vignettes))
def test_every_vignette_shows_without_posix(tmp_path: Path, site: Path, case: str) -> None:
    run(tmp_path / "rct-home", site, "vignette", case, "--no-reflect")


def test_setting_names_never_reach_a_file_name(tmp_path: Path, site: Path, filled_answers: FilledAnswers) -> None:
    """A setting is a label: characters Windows forbids in file names are kept, and no file is named after it."""
    home = tmp_path / "rct-home"
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    setting = 'Ward 3: "A*" <night|day>?'
    run(home, site, "assess", "--answers", str(answers), "--setting", setting)
    assert setting in run(home, site, "settings").stdout
    run(home, site, "progress", "--setting", setting)
    names = [p.name for p in home.rglob("*")]
    assert names, "nothing was saved"
    assert not [n for n in names if FORBIDDEN_IN_NAMES & set(n)]


@pytest.mark.skipif(sys.platform == "win32", reason="platformdirs asks Windows itself for the folder; nothing moves it")
def test_without_rct_home_the_data_is_in_the_systems_own_folder(
    tmp_path: Path, site: Path, filled_answers: FilledAnswers
) -> None:
    """As a person runs it: no RCT_HOME, so platformdirs says where (here, under a stand-in HOME)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    home = tmp_path / "home"
    env = _env_without_rct_home(home, site)
    run(home, site, "assess", "--answers", str(answers), env=env)
    assert "assess" in run(home, site, "journal", "list", env=env).stdout
    (entry,) = home.rglob("journal/*.md")
    assert "rct-workbook" in entry.parts


# `rct journal export` held inside its write: os.write announces itself and waits once the
# temporary file exists, so the signal arrives exactly then (an event, not a guess).
HELD_WRITE = """
import os, sys, time
out = sys.argv[1]
real_write = os.write
def held(fd, data):
    if fd > 2 and any(n.startswith(".rct-tmp-") for n in os.listdir(out)):
        sys.stdout.write("writing\\n"); sys.stdout.flush()
        while True:
            time.sleep(0.05)
    return real_write(fd, data)
os.write = held
sys.argv = ["rct", "journal", "export", sys.argv[2], "--keep-flagged", "--out", os.path.join(out, "m.md")]
from rct_workbook.cli import main
main()
"""


@pytest.mark.posix  # the stand-in SIGBREAK is sent as a POSIX signal
def test_sigbreak_ends_a_run_like_ctrl_c(tmp_path: Path, site: Path, filled_answers: FilledAnswers) -> None:
    """Closing a Windows console (SIGBREAK) mid-export: exit 130, said why, no temporary file left."""
    home = tmp_path / "rct-home"
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    run(home, site, "assess", "--answers", str(answers))
    (entry,) = (home / "journal").glob("*.md")
    out = tmp_path / "out"
    out.mkdir()
    with subprocess.Popen(
        [sys.executable, "-c", HELD_WRITE, str(out), entry.stem],
        env=_env(home, site),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline() == "writing\n", child.stderr.read()
        child.send_signal(21)  # SIGBREAK's stand-in in no_posix_site.py
        try:
            _, err = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()  # not handled: the default action of signal 21 stops the process
            raise
    assert child.returncode == 130, err
    assert "Traceback" not in err
    assert "the console was closed, or Ctrl-Break was pressed" in err
    assert list(out.iterdir()) == []
