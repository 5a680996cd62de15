"""Receipts: the type is sniffed from the bytes (never trusted from the name or the
browser), only images and PDFs are kept, the size is limited, and a photo's metadata (the
camera's EXIF block, which can hold where it was taken) is dropped by re-saving the pixels,
and a PDF's document metadata by copying only its pages into a new file.
Files go through Django's storage API, so the deployment decides where they live."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from workings.core.exceptions import ValidationFailed

# Formats Pillow may read a receipt as, and the type we store it under.
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF_TYPE = "application/pdf"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def max_bytes() -> int:
    return int(getattr(settings, "WORKINGS_RECEIPT_MAX_BYTES", DEFAULT_MAX_BYTES))


@dataclass(frozen=True)
class CleanReceipt:
    data: bytes
    content_type: str
    sha256: str


def _read(upload: Any) -> bytes:
    limit = max_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise _too_big(limit)
    data = upload.read(limit + 1) if hasattr(upload, "read") else bytes(upload)
    if len(data) > limit:
        raise _too_big(limit)
    if not data:
        raise ValidationFailed(_("The receipt file is empty."), field="receipt")
    return bytes(data)


def _too_big(limit: int) -> ValidationFailed:
    return ValidationFailed(
        _("The receipt is too large: the limit is %(mb)s MB. A photo from a phone is fine.")
        % {"mb": limit // (1024 * 1024)},
        field="receipt",
    )


def _not_receipt() -> ValidationFailed:
    return ValidationFailed(
        _("A receipt must be a photo (JPEG, PNG or WebP) or a PDF. This file is neither."),
        field="receipt",
    )


def _clean_image(data: bytes) -> CleanReceipt | None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # A decompression bomb is refused, not just warned about.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                if kind not in IMAGE_TYPES:
                    return None
                image.load()
                # Keep the photo the right way up, then drop EXIF and every other
                # metadata block: only the pixels are written out again.
                upright = ImageOps.exif_transpose(image)
                out = io.BytesIO()
                pixels = upright.convert("RGB") if kind == "JPEG" else upright
                pixels.save(out, format=kind)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationFailed(
            _("That picture is too large to be a receipt."), field="receipt"
        ) from None
    cleaned = out.getvalue()
    return CleanReceipt(cleaned, IMAGE_TYPES[kind], hashlib.sha256(cleaned).hexdigest())


def _check_pdf(data: bytes) -> CleanReceipt | None:
    if not data.startswith(b"%PDF-"):
        return None
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) < 1:
            return None
        # A PDF's Info dictionary and XMP stream can name its author, their software and
        # where it was made; only the pages are copied into a new file, so neither is kept.
        writer = PdfWriter()
        for page in reader.pages:
            # A page may carry its own XMP stream too.
            writer.add_page(page).pop("/Metadata", None)
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, ValueError, KeyError, OSError, TypeError, AttributeError):
        return None
    cleaned = out.getvalue()
    return CleanReceipt(cleaned, PDF_TYPE, hashlib.sha256(cleaned).hexdigest())


def clean(upload: Any) -> CleanReceipt:
    """The receipt as it will be stored, or a plain-English refusal."""
    data = _read(upload)
    found = _check_pdf(data) or _clean_image(data)
    if found is None:
        raise _not_receipt()
    return found
