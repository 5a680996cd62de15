"""Pages and API: the flows work, refusals are shown, nothing is half-written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.record import helpers as h
from workings.record.models import Item

pytestmark = pytest.mark.django_db


def _url(world: Any, name: str, **kw: Any) -> str:
    return reverse(f"record:{name}", kwargs={"slug": world.project.slug, **kw})


def test_every_page_renders_for_the_lead(world: Any, client_for: Any) -> None:
    meeting = h.meeting(world, attachments=[("n.pdf", h.PDF)])
    fb = h.feedback(world)
    dec = h.decision(world)
    dis = h.disagreement(world)
    acct = h.account(world, about_id=meeting.pk)
    client = client_for(world.users["lead"])
    for url in [
        _url(world, "timeline"),
        _url(world, "timeline") + "?kind=feedback&status=open&q=shops",
        _url(world, "matrix"),
        _url(world, "meeting-create"),
        _url(world, "feedback-create"),
        _url(world, "decision-create"),
        _url(world, "disagreement-create"),
        _url(world, "feedback-answer", pk=fb.pk),
        _url(world, "disagreement-outcome", pk=dis.pk),
        _url(world, "position-create", pk=dis.pk),
        _url(world, "correction-create", pk=meeting.pk),
        *[_url(world, "item", pk=i.pk) for i in (meeting, fb, dec, dis, acct)],
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.count(b"<h1") == 1, url
    file = client.get(_url(world, "attachment", pk=meeting.attachments.get().pk))
    assert file.status_code == 200 and b"".join(file.streaming_content) == h.PDF


def test_meeting_form_with_upload_and_refusal(world: Any, client_for: Any) -> None:
    client = client_for(world.users["researcher"])
    data = {
        "occurred_on": h.yesterday().isoformat(),
        "activity": "workshop",
        "title": "Outcome workshop",
        "participants": [world.memberships["contributor"].pk],
        "hours": "3",
        "summary": "We ranked outcomes.",
    }
    bad = client.post(
        _url(world, "meeting-create"),
        {**data, "attachments": [SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")]},
    )
    assert bad.status_code == 400 and "not a type we accept" in bad.content.decode()
    assert not Item.objects.exists()
    too_long = client.post(_url(world, "meeting-create"), {**data, "hours": "30"})
    assert "24 or fewer" in too_long.content.decode()
    good = client.post(
        _url(world, "meeting-create"),
        {**data, "attachments": [SimpleUploadedFile("a.png", h.PNG)]},
    )
    assert good.status_code == 302
    assert Item.objects.get().attachments.get().content_type == "image/png"


def test_feedback_answer_and_not_satisfied_flow(world: Any, client_for: Any) -> None:
    c = client_for(world.users["contributor"])
    r = c.post(
        _url(world, "feedback-create"),
        {
            "area": "dissemination",
            "title": "Easy read",
            "text": "Please make an easy-read summary.",
        },
    )
    item = Item.objects.get()
    assert r.status_code == 302
    lead = client_for(world.users["lead"])
    answer = {"outcome": "not_adopted", "what_done": "Nothing yet.", "why": "No budget."}
    assert lead.post(_url(world, "feedback-answer", pk=item.pk), answer).status_code == 302
    # Answered once: the page is now refused.
    assert lead.get(_url(world, "feedback-answer", pk=item.pk)).status_code == 403
    r = c.post(_url(world, "feedback-satisfaction", pk=item.pk), {"satisfied": "no", "why": ""})
    assert "Say why" in r.content.decode()
    r = c.post(
        _url(world, "feedback-satisfaction", pk=item.pk),
        {"satisfied": "no", "why": "Easy read costs very little."},
    )
    assert r.status_code == 302
    page = c.get(_url(world, "item", pk=item.pk)).content.decode()
    assert "No, not satisfied." in page and "Easy read costs very little." in page


def test_html_in_text_is_refused_with_a_message(world: Any, client_for: Any) -> None:
    c = client_for(world.users["contributor"])
    r = c.post(
        _url(world, "feedback-create"),
        {"area": "question", "title": "Hi", "text": "<img src=x onerror=alert(1)>"},
    )
    assert r.status_code == 400 and "HTML tags" in r.content.decode()
    assert not Item.objects.exists()


def test_markdown_is_rendered_and_sanitised(world: Any, client_for: Any) -> None:
    item = h.feedback(world, text="We said **this** and [that](javascript:alert(1)).")
    page = client_for(world.users["observer"]).get(_url(world, "item", pk=item.pk)).content
    assert b"<strong>this</strong>" in page and b"javascript:" not in page


def test_someone_elses_position_cannot_be_edited(world: Any, client_for: Any) -> None:
    from workings.record import services

    dis = h.disagreement(world)
    pos = services.position_write(
        actor=world.users["contributor"], project=world.project, item_id=dis.pk, text="Mine"
    )
    url = _url(world, "position-edit", pk=pos.pk)
    assert client_for(world.users["lead"]).get(url).status_code == 403
    assert client_for(world.users["lead"]).post(url, {"text": "Hijack"}).status_code == 403
    assert client_for(world.users["contributor"]).post(url, {"text": "Mine, v2"}).status_code == 302
    pos.refresh_from_db()
    assert pos.text == "Mine, v2"


def test_exports_follow_the_filters(world: Any, client_for: Any) -> None:
    h.meeting(world)
    h.feedback(world)
    c = client_for(world.users["observer"])
    csv_body = b"".join(c.get(_url(world, "export-csv") + "?kind=feedback").streaming_content)
    lines = csv_body.decode().strip().splitlines()
    assert lines[0].startswith("date,kind,title") and len(lines) == 2 and "feedback" in lines[1]
    data = json.loads(b"".join(c.get(_url(world, "export-json")).streaming_content))
    assert {row["kind"] for row in data} == {"meeting", "feedback"}


def test_api_flow(world: Any, client_for: Any) -> None:
    import base64

    base = f"/api/v1/projects/{world.project.slug}/record"
    c = client_for(world.users["contributor"])
    lead = client_for(world.users["lead"])

    def post(client: Any, url: str, data: dict[str, Any], method: str = "post") -> Any:
        return getattr(client, method)(url, json.dumps(data), content_type="application/json")

    r = post(
        lead,
        base + "/meetings",
        {
            "occurred_on": h.yesterday().isoformat(),
            "activity": "meeting",
            "title": "API meeting",
            "summary": "Hello",
            "hours": "1.5",
            "participants": [world.memberships["lead"].pk],
            "attachments": [{"name": "n.txt", "content_base64": base64.b64encode(b"hi").decode()}],
        },
    )
    assert r.status_code == 201, r.content
    assert r.json()["details"]["attachments"][0]["type"] == "text/plain"
    r = post(c, base + "/feedback", {"area": "methods", "title": "T", "text": "Feedback"})
    fid = r.json()["item"]["id"]
    assert (
        post(
            c, f"{base}/feedback/{fid}/answer", {"outcome": "adopted", "what_done": "x", "why": "y"}
        ).status_code
        == 403
    )
    ok = post(
        lead, f"{base}/feedback/{fid}/answer", {"outcome": "adopted", "what_done": "x", "why": "y"}
    )
    assert ok.status_code == 200
    again = post(
        lead, f"{base}/feedback/{fid}/answer", {"outcome": "adopted", "what_done": "x", "why": "y"}
    )
    assert again.status_code == 400 and "already answered" in again.json()["detail"]
    r = c.get(base + "/items?kind=feedback")
    assert [row["id"] for row in r.json()["items"]] == [fid]
    r = post(lead, base + "/disagreements", {"subject": "S"})
    did = r.json()["item"]["id"]
    r = post(c, f"{base}/disagreements/{did}/positions", {"text": "Contributors' view"})
    pid = r.json()["details"]["positions"][0]["id"]
    assert post(lead, f"{base}/positions/{pid}", {"text": "edit"}, "put").status_code == 403
    assert post(c, f"{base}/positions/{pid}", {"text": "edit"}, "put").status_code == 200
    assert c.get(base + "/matrix").status_code == 200
