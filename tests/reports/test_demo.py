"""The demo, end to end: every section for every audience, a real confidential concern that
never reaches a team or public annex in any format, and the offline check."""

from __future__ import annotations

import io
import json
from typing import Any

import pypdf
import pytest
from django.urls import reverse

from tests.reports.conftest import MARKER
from workings.reports import annex
from workings.reports.sections import ORDER
from workings.verifier.annex import verify_annex

pytestmark = pytest.mark.django_db

EXPECTED = {  # sections the demo fills for every audience
    "people",
    "agreement",
    "involvement",
    "decisions",
    "feedback",
    "disagreements",
    "accounts",
    "leavers",
    "plans",
    "reply",
    "integrity",
}


@pytest.fixture
def demo(db: Any) -> Any:
    from workings.core.demo import build_demo

    return build_demo()


def test_demo_annexes(demo: Any, client_for: Any) -> None:
    from workings.events.keys import verifier_key

    stride = demo.projects["stride"]
    concerns = pytest.importorskip("workings.concerns.services")
    concerns.concern_raise(
        actor=demo.people["contributor2"],
        project=stride,
        mode="confidential",
        subject=f"Pressure to sign {MARKER}",
        what_happened=f"Details {MARKER}",
        outcome_wanted="An apology",
    )
    docs = {a: annex.build(project=stride, audience=a) for a in ("public", "team", "funder")}
    for audience, doc in docs.items():
        assert [s["id"] for s in doc["sections"]] == list(ORDER)
        recorded = {s["id"] for s in doc["sections"] if s["recorded"]}
        assert EXPECTED <= recorded, (audience, EXPECTED - recorded)
        assert verify_annex(json.loads(json.dumps(doc)), verifier_key()).ok
    reply = dict(next(s for s in docs["team"]["sections"] if s["id"] == "reply")["facts"])
    assert reply["Replied"] == "Margaret Hughes" and reply["Declined"] == "Dev Patel"
    assert "Kestrel" in reply["Did not answer"]
    decisions = dict(next(s for s in docs["team"]["sections"] if s["id"] == "decisions")["facts"])
    assert int(decisions["Decisions where contributors had less say than promised"]) >= 1
    funder_concerns = next(s for s in docs["funder"]["sections"] if s["id"] == "concerns")
    assert any("confidential concern" in it["heading"] for it in funder_concerns["items"])
    # Confidential: mode, stage, outcome only, even for the funder; never in team or public.
    assert MARKER not in json.dumps(funder_concerns)
    for audience, role in (("team", "observer"), ("public", "observer")):
        assert MARKER not in json.dumps(docs[audience])
        client = client_for(demo.people[role])
        for fmt in ("md", "json", "pdf"):
            url = reverse("reports:annex-download", args=[stride.slug, audience, fmt])
            body = client.get(url).content
            if fmt == "pdf":
                reader = pypdf.PdfReader(io.BytesIO(body))
                body = "".join(p.extract_text() for p in reader.pages).encode()
            assert MARKER.encode() not in body
        html = client.get(reverse("reports:annex", args=[stride.slug, audience])).content
        assert MARKER.encode() not in html
