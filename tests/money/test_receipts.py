"""Receipts: the type sniffed from the bytes, the size limited, photo metadata dropped."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.money import helpers as h
from workings.core.exceptions import ValidationFailed
from workings.money import receipts


def test_a_photo_loses_its_exif() -> None:
    data = h.png_bytes(exif=True)
    assert b"SecretCamera" in data
    clean = receipts.clean(h.upload(data, "r.jpg", "image/jpeg"))
    assert clean.content_type == "image/jpeg" and b"SecretCamera" not in clean.data


def test_a_pdf_keeps_its_pages_and_loses_its_metadata() -> None:
    import io

    from pypdf import PdfReader

    data = h.pdf_bytes(metadata=True)
    before = PdfReader(io.BytesIO(data))
    assert before.metadata is not None and before.metadata.author == "Jo Secretname"
    assert before.xmp_metadata is not None and b"Secretname" in data
    clean = receipts.clean(h.upload(data, "r.pdf"))
    after = PdfReader(io.BytesIO(clean.data))
    assert clean.content_type == "application/pdf" and len(after.pages) == 1
    assert after.xmp_metadata is None
    assert not after.metadata or (after.metadata.author is None and after.metadata.title is None)
    assert b"Secretname" not in clean.data and b"Private title" not in clean.data


@pytest.mark.parametrize(
    "data",
    [b"<html><script>alert(1)</script>", b"%PDF-1.4 not really", b"GIF89a\x01\x00", b"MZ\x90\x00"],
)
def test_anything_else_is_refused_whatever_its_name(data: bytes) -> None:
    with pytest.raises(ValidationFailed, match="photo .* or a PDF"):
        receipts.clean(h.upload(data, "receipt.png", "image/png"))


@override_settings(WORKINGS_RECEIPT_MAX_BYTES=1024 * 1024)
def test_a_file_over_the_limit_is_refused() -> None:
    with pytest.raises(ValidationFailed, match="too large"):
        receipts.clean(h.upload(b"%PDF-" + b"0" * 1024 * 1024))
