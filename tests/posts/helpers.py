"""Shared set-up for the posts tests."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from workings.core import clock
from workings.posts import services


def published(world: Any) -> Any:
    world.project.is_published = True
    world.project.save(update_fields=["is_published"])
    return world.project


def post(world: Any, author: str = "contributor", **extra: Any) -> Any:
    data = {"title": "What we changed", "body": "We **listened**.", "status": "published"}
    data.update(extra)
    return services.post_create(actor=world.users[author], project=world.project, **data)


def later(hours: int = 24) -> dt.datetime:
    return clock.now() + dt.timedelta(hours=hours)


def png_with_exif() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x010E] = "SECRETPLACEMARKER"  # ImageDescription
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()
