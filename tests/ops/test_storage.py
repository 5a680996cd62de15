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

    class FullFile:
        def chunks(self) -> Any:
            yield b"x" * 1000
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ValidationFailed, match="no room"):
        storage.save("a/full.txt", FullFile())
    assert list((tmp_path / "a").iterdir()) == []


@pytest.mark.django_db
def test_a_full_media_disk_writes_no_entry_and_no_file(
    world: Any, settings: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from tests.record import helpers as h
    from workings.events.models import Log
    from workings.record.models import Item

    settings.MEDIA_ROOT = str(tmp_path)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("workings.core.storage.os.fsync", disk_full)
    size = Log.objects.get(project=world.project).size
    with pytest.raises(ValidationFailed, match="nothing was saved"):
        h.meeting(world, attachments=[("notes.pdf", h.PDF)])
    assert not Item.objects.filter(project=world.project, kind="meeting").exists()
    assert Log.objects.get(project=world.project).size == size
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    h.meeting(world, attachments=[("notes.pdf", h.PDF)])  # room again: it works
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1


def test_s3_compatible_storage_from_the_environment() -> None:
    import json
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workings.settings",
        "WORKINGS_STORAGE": "s3",
        "S3_BUCKET": "workings-files",
        "S3_ENDPOINT_URL": "https://s3.example.org",
        "S3_REGION": "eu-west-2",
        "S3_ACCESS_KEY_ID": "id",
        "S3_SECRET_ACCESS_KEY": "secret",
    }
    code = "import json; from workings import settings; print(json.dumps(settings.STORAGES))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    default = json.loads(out)["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "workings-files"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["default_acl"] is None and options["querystring_auth"] is True
    assert options["file_overwrite"] is False
