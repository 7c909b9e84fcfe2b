"""Saving where POSIX rules do not hold: Windows' rename, and folders rct may not chmod."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from rct_workbook import paths, storage, system


def _windows_rename(src: str | Path, dst: str | Path) -> None:
    """What os.rename does on Windows: an existing name is never replaced."""
    if os.path.lexists(dst):
        raise FileExistsError(183, "Cannot create a file when that file already exists", str(dst))
    os.rename(src, dst)


def _no_links(*args: object) -> None:
    raise AssertionError("no hard link is made on Windows (FAT and exFAT drives have none)")


def test_on_windows_a_new_entry_is_renamed_into_place_and_never_replaces_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posix_only = ("O_TMPFILE", "O_NOFOLLOW", "O_NONBLOCK", "O_DIRECTORY", "fchmod")
    windows = {name: value for name, value in vars(os).items() if name not in posix_only}
    windows.update(name="nt", rename=_windows_rename, link=_no_links)
    monkeypatch.setattr(storage, "posix_permissions", lambda: False)
    monkeypatch.setattr(storage, "os", types.SimpleNamespace(**windows))
    path = tmp_path / "20260312-101500-assess-1a2b.md"
    storage.write_atomic(path, b"first\n", overwrite=False)
    with pytest.raises(FileExistsError):
        storage.write_atomic(path, b"second\n", overwrite=False)
    assert path.read_bytes() == b"first\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_without_posix_permissions_folders_and_files_are_left_to_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where modes mean nothing, rct neither chmods nor warns: no "readable by others"."""
    open_to_all = tmp_path / "shared"
    open_to_all.mkdir()
    os.chmod(open_to_all, 0o777)  # noqa: S103 - what a POSIX check would warn about
    for module in (system, paths, storage):
        monkeypatch.setattr(module, "posix_permissions", lambda: False)
    chmodded: list[object] = []
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: chmodded.append(args))
    monkeypatch.delattr(os, "fchmod", raising=False)  # as on Windows before Python 3.13
    folder = paths.ensure_private_dir(tmp_path / "home" / "journal")
    saved = storage.write_atomic(folder / "entry.md", b"text\n")
    assert saved.read_bytes() == b"text\n"
    assert chmodded == []
    assert not paths.readable_by_others(open_to_all)
