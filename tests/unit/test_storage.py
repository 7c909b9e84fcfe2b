from __future__ import annotations

import os
from pathlib import Path

import pytest

from rct_workbook.errors import StorageError
from rct_workbook.paths import data_root, ensure_private_dir
from rct_workbook.storage import TEMP_PREFIX, write_atomic


def test_data_root_follows_rct_home(rct_home: Path) -> None:
    assert data_root() == rct_home


def test_data_root_default_is_platform_user_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("RCT_HOME")
    assert data_root() == platformdirs.user_data_path("rct-workbook", appauthor=False)


@pytest.mark.posix  # umask and modes; on Windows the per-user folder's access list decides
@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_private_modes_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        folder = ensure_private_dir(tmp_path / "a" / "journal")
        path = write_atomic(folder / "x.md", b"hello", overwrite=False)
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_no_overwrite(tmp_path: Path) -> None:
    write_atomic(tmp_path / "x", b"first", overwrite=False)
    with pytest.raises(FileExistsError):
        write_atomic(tmp_path / "x", b"second", overwrite=False)
    assert (tmp_path / "x").read_bytes() == b"first"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.parametrize(
    ("step", "error"),
    [("write", OSError(5, "Input/output error")), ("replace", OSError(28, "No space left on device"))],
)
def test_a_failed_write_or_replace_keeps_the_original_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: OSError
) -> None:
    target = tmp_path / "x"
    target.write_bytes(b"original")

    def boom(*args: object) -> None:
        raise error

    monkeypatch.setattr(os, step, boom)
    with pytest.raises(StorageError, match=f"could not save x: {error.strerror}"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["x"]


def test_fsync_of_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    write_atomic(tmp_path / "x", b"data")
    assert len(synced) == 2


def test_symlink_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").write_text("keep")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(StorageError, match="symbolic link"):
        write_atomic(tmp_path / "link", b"new")
    assert (tmp_path / "real").read_text() == "keep"


@pytest.mark.posix  # a folder's mode does not make it read-only on Windows
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_root(tmp_path: Path) -> None:
    root = tmp_path / "ro"
    root.mkdir(mode=0o500)
    with pytest.raises(StorageError):
        ensure_private_dir(root / "journal")


def test_data_root_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(StorageError, match="cannot create the data folder"):
        ensure_private_dir(tmp_path / "f" / "journal")
