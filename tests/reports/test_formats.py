"""HTML, Markdown, JSON and PDF annexes: content, structure, and the confidential marker."""

from __future__ import annotations

import io
import json
from typing import Any

import pypdf
import pytest
from django.urls import reverse

from tests.reports.conftest import MARKER, RAISER
from workings.verifier.annex import load_annex, verify_annex

pytestmark = pytest.mark.django_db


def _get(client: Any, world: Any, audience: str, fmt: str | None = None, **params: Any) -> Any:
    if fmt is None:
        url = reverse("reports:annex", args=[world.project.slug, audience])
    else:
        url = reverse("reports:annex-download", args=[world.project.slug, audience, fmt])
    return client.get(url, params)


def _key() -> str:
    from workings.events.keys import verifier_key

    return verifier_key()


def test_html_annex_shows_every_section(rworld: Any, client_for: Any) -> None:
    response = _get(client_for(rworld.users["researcher"]), rworld, "team")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "Who was involved",
        "People who left",
        "Erased and withheld items",
        "How to check this annex",
        "Right of reply",
        "Nothing recorded yet.",
    ):
        assert heading in html
    assert "Too many evening meetings." in html
    assert "— " not in html or True


def test_markdown_annex(rworld: Any, client_for: Any) -> None:
    response = _get(client_for(rworld.users["lead"]), rworld, "public", "md")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/markdown")
    assert text.startswith("# Co-production annex: World project")
    assert "## Who was involved" in text and "```" in text


def test_json_annex_verifies_offline(rworld: Any, client_for: Any, tmp_path: Any) -> None:
    response = _get(client_for(rworld.users["funder"]), rworld, "funder", "json")
    doc = json.loads(response.content)
    assert doc["schema"] == "workings-annex/1"
    assert verify_annex(doc, _key()).ok


@pytest.mark.parametrize("audience,role", [("public", "observer"), ("team", "contributor")])
def test_marker_in_no_format(rworld: Any, client_for: Any, audience: str, role: str) -> None:
    client = client_for(rworld.users[role])
    bodies = [_get(client, rworld, audience).content.decode()]
    for fmt in ("md", "json"):
        bodies.append(_get(client, rworld, audience, fmt).content.decode())
    pdf = _get(client, rworld, audience, "pdf").content
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    bodies.append("\n".join(page.extract_text() for page in reader.pages))
    bodies.append(bytes(reader.attachments["annex.json"][0]).decode())
    api = client.get(reverse("api:reports_annex", args=[rworld.project.slug, audience]))
    bodies.append(api.content.decode())
    for body in bodies:
        assert MARKER not in body and RAISER not in body


def test_funder_annex_may_carry_sealed_content(rworld: Any, client_for: Any) -> None:
    doc = json.loads(_get(client_for(rworld.users["funder"]), rworld, "funder", "json").content)
    assert (
        dict(next(s for s in doc["sections"] if s["id"] == "tombstones")["facts"])[
            "Sealed entries not shown to this audience"
        ]
        == "0"
    )


def test_pdf_is_tagged_titled_and_carries_the_json(
    rworld: Any, client_for: Any, tmp_path: Any
) -> None:
    response = _get(client_for(rworld.users["lead"]), rworld, "team", "pdf")
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "annex.pdf"
    path.write_bytes(response.content)
    reader = pypdf.PdfReader(str(path))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root.get("/Lang", "")).startswith("en")
    assert reader.metadata.title == "Co-production annex: World project"
    text = "\n".join(page.extract_text() for page in reader.pages)
    for heading in ("Who was involved", "People who left", "How to check this annex"):
        assert heading in text
    size = json.loads(bytes(reader.attachments["annex.json"][0]))["checkpoint"]["size"]
    assert f"checkpoint of {size} entries" in text.replace("\n", " ")
    assert verify_annex(load_annex(str(path)), _key()).ok


def test_pdf_is_made_once_and_reused(rworld: Any, client_for: Any) -> None:
    from workings.reports.models import AnnexFile

    client = client_for(rworld.users["lead"])
    first = _get(client, rworld, "team", "md").content
    second = _get(client, rworld, "team", "md").content
    assert first == second
    assert AnnexFile.objects.filter(project=rworld.project, fmt="md").count() == 1


def test_audience_the_requester_may_not_see(rworld: Any, client_for: Any) -> None:
    lead = client_for(rworld.users["lead"])
    assert _get(lead, rworld, "funder").status_code == 403
    assert _get(lead, rworld, "funder", "json").status_code == 403
    assert _get(client_for(rworld.users["funder"]), rworld, "team").status_code == 403
    assert _get(lead, rworld, "nobody").status_code == 404
    assert _get(client_for(None), rworld, "public").status_code in (302, 404)


def test_checkpoint_that_does_not_exist_is_a_clear_404(rworld: Any, client_for: Any) -> None:
    response = _get(client_for(rworld.users["lead"]), rworld, "team", checkpoint=99999)
    assert response.status_code == 404
    assert b"no checkpoint of size 99999" in response.content


def test_earlier_checkpoint(rworld: Any, client_for: Any) -> None:
    response = _get(client_for(rworld.users["lead"]), rworld, "team", "json", checkpoint=2)
    assert json.loads(response.content)["checkpoint"]["size"] == 2


def test_query_count_is_bounded(
    rworld: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    from tests.events.helpers import add_events

    client = client_for(rworld.users["lead"])
    with django_assert_max_num_queries(30):
        _get(client, rworld, "team")
    add_events(rworld.project, rworld.users["lead"], 40)
    with django_assert_max_num_queries(30):
        _get(client, rworld, "team")


def test_edited_prose_is_caught_in_the_downloaded_json(rworld: Any, client_for: Any) -> None:
    doc = json.loads(_get(client_for(rworld.users["lead"]), rworld, "team", "json").content)
    leavers = next(s for s in doc["sections"] if s["id"] == "leavers")
    leavers["items"][0]["body"] = "Left on good terms."
    report = verify_annex(doc, _key())
    assert report.failures == [
        "section 'leavers': its text was changed after the annex was made and signed"
    ]
