"""Uploaded files are written whole or not at all; a full disk is a plain refusal."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile

from workings.core.exceptions import ValidationFailed
from workings.core.storage import WholeFileSystemStorage


def test_saves_whole_files_and_never_overwrites(tmp_path: Path) -> None:
    storage = WholeFileSystemStorage(location=tmp_path)
    name = storage.save("a/b.txt", ContentFile(b"hello"))
    assert name == "a/b.txt" and (tmp_path / "a" / "b.txt").read_bytes() == b"hello"
    other = storage.save("a/b.txt", ContentFile(b"second"))
    assert other != name and (tmp_path / "a" / "b.txt").read_bytes() == b"hello"
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(["b.txt", other[2:]])


def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: Any) -> None:
    storage = WholeFileSystemStorage(location=tmp_path)
    real_write = os.write

    class FullFile:
        def chunks(self) -> Any:
            yield b"x" * 1000
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ValidationFailed, match="no room"):
        storage.save("a/full.txt", FullFile())
    assert list((tmp_path / "a").iterdir()) == []
    assert real_write is os.write
