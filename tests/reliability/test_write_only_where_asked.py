"""rct writes only where it is asked, and only what is asked.

--out never replaces a device, FIFO or socket; temporary files of a killed export do not
outlive it; hostile inputs (a link to /dev/zero, a FIFO) are refused before reading; and
what an answer's share mode was when it was saved is what an export honours.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess


@pytest.fixture
def entry(rct_home: Path) -> str:
    return entry_id(make_assess("2026-01-01"))


def _specials(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()
    return {
        "/dev/null": (Path("/dev/null"), "a character device"),
        "/dev/full": (Path("/dev/full"), "a character device"),
        "fifo": (fifo, "a FIFO (named pipe)"),
        "socket": (sock_path, "a socket"),
    }


@pytest.mark.posix  # devices, FIFOs and sockets as made here are POSIX's
@pytest.mark.parametrize("which", ["/dev/null", "/dev/full", "fifo", "socket"])
@pytest.mark.parametrize("command", ["export", "agenda", "rota"])
def test_out_refuses_devices_fifos_and_sockets(run: Run, tmp_path: Path, entry: str, which: str, command: str) -> None:
    target, kind = _specials(tmp_path)[which]
    if not target.exists():
        pytest.skip(f"{target} is not on this system")
    before = os.lstat(target)
    if command == "export":
        args = ["journal", "export", entry, "--keep-flagged", "--out", str(target), "--force"]
    elif command == "agenda":
        member = tmp_path / "member.md"
        assert run("journal", "export", entry, "--keep-flagged", "--out", str(member)).exit_code == 0
        args = ["group", "agenda", str(member), "--out", str(target), "--force"]
    else:
        args = ["group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--out", str(target), "--force"]
    result = run(*args)
    assert result.exit_code == 2
    assert (
        result.stderr == f"rct: {target} is {kind}; rct writes only regular files (--out - writes to standard output)\n"
    )
    after = os.lstat(target)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
    assert (
        not [p for p in target.parent.iterdir() if p.name.startswith(".rct-tmp-")]
        if target.parent != Path("/dev")
        else True
    )


def test_out_dash_writes_to_standard_output(run: Run, entry: str) -> None:
    result = run("journal", "export", entry, "--keep-flagged", "--out", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!-- rct-workbook export, format 1 -->\n")


# Another rct writing a temporary file now: it holds the file's lock until told to stop.
HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.readline()
"""


@pytest.mark.posix  # Windows has no flock: there a temporary file's age decides
def test_a_killed_exports_leftovers_are_cleaned_by_the_next_export(run: Run, tmp_path: Path, entry: str) -> None:
    """Staleness is decided by the lock its writer holds, not by age: a leftover written a
    moment ago by a writer that is gone is removed; one a live writer holds stays."""
    out = tmp_path / "shared"
    out.mkdir()
    left = out / ".rct-tmp-0123456789ab"
    left.write_text("private answers of a killed export")  # fresh, but nobody holds it
    held = out / ".rct-tmp-ba9876543210"  # another rct writing now: left alone
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(held)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        assert run("journal", "export", entry, "--keep-flagged", "--out", str(out / "meeting.md")).exit_code == 0
        assert sorted(p.name for p in out.iterdir()) == [held.name, "meeting.md"]
    finally:
        holder.communicate("\n", timeout=60)
    assert run("journal", "export", entry, "--keep-flagged", "--out", str(out / "again.md")).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["again.md", "meeting.md"]


# A real `rct journal export` whose write stops inside the temporary file (fsync is made to
# announce itself and wait), so SIGTERM or SIGHUP arrives exactly then: an event, not a guess.
HELD_WRITE = """
import os, sys, time
import rct_workbook.storage as storage
real_fsync = os.fsync
out = sys.argv[1]
def writing_in_out(fd):
    try:  # an unnamed file (O_TMPFILE) shows in /proc as "<folder>/#<inode> (deleted)"
        return os.path.dirname(os.readlink(f"/proc/self/fd/{fd}")) == out
    except OSError:
        return any(n.startswith(".rct-tmp-") for n in os.listdir(out))
def announce(fd):
    if writing_in_out(fd):
        sys.stdout.write("writing\\n"); sys.stdout.flush()
        while True:
            time.sleep(0.05)
    real_fsync(fd)
os.fsync = announce
sys.argv = ["rct", "journal", "export", sys.argv[2], "--keep-flagged", "--include-private", "--out", out + "/m.md"]
from rct_workbook.cli.app import main
main()
"""


@pytest.mark.posix  # SIGKILL and flock are POSIX
def test_a_sigkilled_export_leaves_no_file_with_private_answers(rct_home: Path, tmp_path: Path, entry: str) -> None:
    """SIGKILL mid-write: where the system has O_TMPFILE the temporary file never had a name,
    so nothing is left; elsewhere its lock died with its writer, and the next export to the
    folder removes it at once, whatever its age."""
    import signal

    out = tmp_path / "synced"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", HELD_WRITE, str(out), entry],
        env={**os.environ, "RCT_HOME": str(rct_home)},
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    left = sorted(p.name for p in out.iterdir())
    if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
        assert left == []
    redo = subprocess.run(
        [
            sys.executable,
            "-m",
            "rct_workbook",
            "journal",
            "export",
            entry,
            "--keep-flagged",
            "--out",
            str(out / "m.md"),
        ],
        env={**os.environ, "RCT_HOME": str(rct_home)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert redo.returncode == 0, redo.stderr
    assert sorted(p.name for p in out.iterdir()) == ["m.md"]


@pytest.mark.posix  # on Windows a signal sent to a process ends it at once
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_sigterm_or_sighup_mid_export_removes_the_temporary_file(
    rct_home: Path, tmp_path: Path, entry: str, signame: str
) -> None:
    import signal

    out = tmp_path / "synced"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", HELD_WRITE, str(out), entry],
        env={**os.environ, "RCT_HOME": str(rct_home)},
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"
    # Nothing has a name while it is written where the system has O_TMPFILE; else a locked temporary file.
    assert [p.name[:9] for p in out.iterdir()] in ([], [".rct-tmp-"])
    proc.send_signal(getattr(signal, signame))
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    why = "the terminal was lost" if signame == "SIGHUP" else "rct was asked to stop (SIGTERM)"
    assert err == f"Cancelled: {why}\n"
    assert list(out.iterdir()) == []


@pytest.mark.posix  # FIFOs and /dev/zero
def test_hostile_inputs_are_refused_before_reading(run: Run, tmp_path: Path, entry: str) -> None:
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")
    member = tmp_path / "member.md"
    assert run("journal", "export", entry, "--keep-flagged", "--out", str(member)).exit_code == 0
    result = run("group", "agenda", "/dev/zero", str(fifo), str(zero), str(member))
    assert result.exit_code == 0
    assert result.stderr == (
        "rct: skipped /dev/zero: it is a character device, not a regular file\n"
        f"rct: skipped {fifo}: it is a FIFO (named pipe), not a regular file\n"
        f"rct: skipped {zero}: it is a character device, not a regular file\n"
    )
    pack = tmp_path / "pack"
    (pack / "vignettes").mkdir(parents=True)
    (pack / "vignettes" / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(pack / "vignettes" / "fifo.yaml")
    result = run("content", "validate", str(pack))
    assert result.exit_code == 2
    assert "zero.yaml: cannot read the file: it is a character device, not a regular file" in result.stderr
    assert "fifo.yaml: cannot read the file: it is a FIFO (named pipe), not a regular file" in result.stderr


def test_a_pack_cannot_widen_what_was_saved_private(run: Run, tmp_path: Path, rct_home: Path) -> None:
    from tests.journal.helpers import CONTENT

    private = sorted(a.id for s in CONTENT.flow("assess").sections for a in s.questions if a.share == "private")
    assert private
    path = make_assess(
        "2026-01-01", **{q.replace("-", "_"): f"SECRET {q}" for q in private if q in {"kept-out", "risks"}}
    )
    secrets = [q for q in private if f"SECRET {q}" in path.read_text()]
    assert secrets
    source = Path(__file__).resolve().parents[2] / "content" / "flows" / "assess.yaml"
    pack = tmp_path / "pack"
    (pack / "flows").mkdir(parents=True)
    (pack / "flows" / "assess.yaml").write_text(source.read_text().replace("share: private", "share: group"))
    result = run("--content", str(pack), "journal", "export", entry_id(path), "--keep-flagged")
    assert result.exit_code == 0, result.output
    for q in secrets:
        assert f"SECRET {q}" not in result.stdout
