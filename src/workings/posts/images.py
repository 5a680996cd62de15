"""A post's picture: the type is sniffed from the bytes (never trusted from the name or the
browser), only JPEG, PNG and WebP are kept, the size is limited, and the metadata (a
camera's EXIF block can say where a photo was taken) is dropped by saving the pixels again,
as money's receipts are. Stored through Django's storage API."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import ValidationFailed

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str
    sha256: str


def _not_a_picture() -> ValidationFailed:
    return ValidationFailed(
        _("A picture must be a photo or image (JPEG, PNG or WebP). This file is not one."),
        field="image",
    )


def clean(upload: Any) -> CleanImage:
    """The picture as it will be stored, or a plain-English refusal."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    size = getattr(upload, "size", None)
    data = upload.read(MAX_BYTES + 1)
    if (size is not None and size > MAX_BYTES) or len(data) > MAX_BYTES:
        raise ValidationFailed(_("The picture is too large: the limit is 5 MB."), field="image")
    if not data:
        raise ValidationFailed(_("The picture file is empty."), field="image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                if kind not in IMAGE_TYPES:
                    raise _not_a_picture()
                image.load()
                upright = ImageOps.exif_transpose(image)
                pixels = upright.convert("RGB") if kind == "JPEG" else upright
                out = io.BytesIO()
                pixels.save(out, format=kind)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _not_a_picture() from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationFailed(_("That picture is too large to show."), field="image") from None
    cleaned = out.getvalue()
    return CleanImage(cleaned, IMAGE_TYPES[kind], hashlib.sha256(cleaned).hexdigest())
