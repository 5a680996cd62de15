"""Attachments: size-limited, type checked by content (magic bytes), stored under
MEDIA_ROOT by their SHA-256, which also goes into the ledger event."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from workings.core.exceptions import ValidationFailed
from workings.core.text import quoted

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
ALLOWED = "PDF, PNG, JPEG, plain text, Word (.docx) or OpenDocument text (.odt)"
ODT_MIME = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    content_type: str
    extension: str
    sha256: str


def _zip_type(content: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return (
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    ".docx",
                )
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIME:
                return ODT_MIME.decode(), ".odt"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def detect_type(content: bytes) -> tuple[str, str] | None:
    """(content type, extension) from the bytes themselves, or None if not allowed."""
    if content.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if content.startswith(b"PK\x03\x04"):
        return _zip_type(content)
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/plain", ".txt"


def _read(upload: Any) -> tuple[str, bytes]:
    if isinstance(upload, tuple):
        name, content = upload
        return str(name), bytes(content)
    size = getattr(upload, "size", None)
    name = str(getattr(upload, "name", "attachment"))
    if size is not None and size > MAX_BYTES:
        raise _too_big(name, size)
    return name, upload.read()


def _too_big(name: str, size: int) -> ValidationFailed:
    return ValidationFailed(
        _("%(name)s is %(size)s MB; each attachment can be at most %(most)s MB.")
        % {
            "name": quoted(name),
            "size": number_format(size / 1024 / 1024, 1),
            "most": MAX_BYTES // 1024 // 1024,
        },
        field="attachments",
    )


def check_files(uploads: Any) -> list[CheckedFile]:
    uploads = list(uploads or [])
    if len(uploads) > MAX_FILES:
        raise ValidationFailed(
            _("You can attach at most %(MAX_FILES)s files to one entry.")
            % {"MAX_FILES": MAX_FILES},
            field="attachments",
        )
    checked = []
    for upload in uploads:
        name, content = _read(upload)
        name = (name.replace("\\", "/").rsplit("/", 1)[-1] or "attachment")[:200]
        if len(content) > MAX_BYTES:
            raise _too_big(name, len(content))
        if not content:
            raise ValidationFailed(
                _("%(value)s is empty.") % {"value": quoted(name)}, field="attachments"
            )
        found = detect_type(content)
        if found is None:
            raise ValidationFailed(
                _(
                    "%(value)s is not a type we accept (we check the file itself, not its "
                    "name). Attach a %(ALLOWED)s file."
                )
                % {"value": quoted(name), "ALLOWED": ALLOWED},
                field="attachments",
            )
        digest = hashlib.sha256(content).hexdigest()
        checked.append(CheckedFile(name, content, found[0], found[1], digest))
    return checked


def store(checked: CheckedFile, *, project_slug: str) -> str:
    path = f"record/{project_slug}/{checked.sha256[:2]}/{checked.sha256}{checked.extension}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(checked.content))
    return path
