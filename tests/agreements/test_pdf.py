from __future__ import annotations

import io
from typing import Any

from django.urls import reverse
from pypdf import PdfReader

from tests.agreements.helpers import in_force
from workings.agreements.integrity import checkpoint_for


def test_pdf_has_signatures_checkpoint_and_structure(world: Any, client_for: Any) -> None:
    version = in_force(world)
    url = reverse("agreements:pdf", args=[world.project.slug, version.number])
    response = client_for(world.users["observer"]).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "I agree with reservations" in flat
    assert "Payment is too slow." in flat
    assert "Contributor Person" in flat and "Lena Lead" in flat
    checkpoint = checkpoint_for(version)
    assert checkpoint is not None
    assert f"Log size {checkpoint.size}" in flat
    assert version.content_hash[:16] in flat.replace(" ", "")
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog.get("/Lang") == "en-GB"
    assert "involvement agreement" in str(reader.metadata.title)
