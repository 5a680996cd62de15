"""Helpers for money tests: an agreement in force (its payment section gives the terms), an
offer, a claim, and small receipt files."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.agreements.helpers import in_force
from tests.record.helpers import meeting
from workings.money import services


def terms(world: Any) -> None:
    in_force(world)


def offer(world: Any, **over: Any) -> Any:
    data: dict[str, Any] = {
        "person": world.memberships["contributor"].pk,
        "activity": "task",
        "title": "Review the leaflet",
        "hours": "3",
        "preparation_hours": "1",
    }
    data.update(over)
    actor = data.pop("actor", world.users["lead"])
    return services.offer_make(actor=actor, project=world.project, **data)


def meeting_offer(world: Any, **over: Any) -> Any:
    item = meeting(world)
    return offer(world, activity="meeting", meeting=item.meeting.pk, title="Steering group", **over)


def accepted(world: Any, **over: Any) -> Any:
    made = offer(world, **over)
    return services.offer_answer(
        actor=world.users["contributor"], offer=made, answer="accept", benefits_advice_taken=True
    )


def claim(world: Any, **over: Any) -> Any:
    made = over.pop("offer", None) or accepted(world)
    return services.claim_make(actor=world.users["contributor"], offer=made, **over)


def png_bytes(exif: bool = False) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (8, 8), "white")
    out = io.BytesIO()
    if exif:
        info = Image.Exif()
        info[0x010F] = "SecretCamera"  # Make
        image.save(out, format="JPEG", exif=info.tobytes())
    else:
        image.save(out, format="PNG")
    return out.getvalue()


def upload(data: bytes, name: str = "receipt.png", kind: str = "image/png") -> Any:
    return SimpleUploadedFile(name, data, content_type=kind)


def pdf_bytes(*, metadata: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if metadata:
        writer.add_metadata({"/Author": "Jo Secretname", "/Title": "Private title"})
        xmp = DecodedStreamObject()
        xmp.set_data(
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
            b"<dc:creator>Jo Secretname</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        )
        xmp[NameObject("/Type")] = NameObject("/Metadata")
        xmp[NameObject("/Subtype")] = NameObject("/XML")
        writer.root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
