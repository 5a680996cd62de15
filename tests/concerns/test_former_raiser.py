"""Someone who leaves a project keeps their own concerns: they can read them, reply, move them
on and answer a summary, on the pages and the API. Leaving gives them nothing else."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.concerns.helpers import raise_confidential, raise_open
from workings.concerns.models import Reply
from workings.projects import services as project_services

pytestmark = pytest.mark.django_db


def _leave(world: Any, role: str = "contributor") -> Client:
    project_services.membership_leave(
        actor=world.users[role], project=world.project, reason="", credit="name"
    )
    client = Client()
    client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("raise_", [raise_confidential, raise_open], ids=["confidential", "open"])
def test_a_former_member_reads_and_answers_their_own_concern(world: Any, raise_: Any) -> None:
    concern = raise_(world, subject="Payments still late")
    client = _leave(world)
    slug = world.project.slug
    page = client.get(reverse("concerns:detail", args=[slug, concern.pk]))
    assert page.status_code == 200
    assert "Payments still late" in page.content.decode()
    listed = client.get(reverse("concerns:list", args=[slug]))
    assert listed.status_code == 200 and "Payments still late" in listed.content.decode()
    replied = client.post(
        reverse("concerns:reply", args=[slug, concern.pk]), {"body": "I have left, still waiting."}
    )
    assert replied.status_code == 302
    assert Reply.objects.filter(concern=concern, body="I have left, still waiting.").exists()


def test_a_former_member_uses_the_api_for_their_own_concern(world: Any) -> None:
    concern = raise_confidential(world, subject="Payments still late")
    client = _leave(world)
    base = f"/api/v1/projects/{world.project.slug}/concerns"
    detail = client.get(f"{base}/{concern.pk}")
    assert detail.status_code == 200, detail.content
    assert detail.json()["subject"] == "Payments still late"
    assert [c["id"] for c in client.get(base).json()] == [concern.pk]
    replied = client.post(
        f"{base}/{concern.pk}/replies",
        json.dumps({"text": "Still here."}),
        content_type="application/json",
    )
    assert replied.status_code == 200, replied.content
    assert "Still here." in [r["body"] for r in replied.json()["replies"]]


def test_leaving_gives_nothing_else(world: Any) -> None:
    mine = raise_confidential(world, subject="Mine")
    others = raise_open(world, role="researcher", subject="Someone else's")
    client = _leave(world)
    slug = world.project.slug
    assert client.get(reverse("concerns:detail", args=[slug, others.pk])).status_code == 404
    listed = client.get(reverse("concerns:list", args=[slug])).content.decode()
    assert "Mine" in listed and "Someone else&#x27;s" not in listed
    assert client.get(reverse("concerns:raise", args=[slug])).status_code in (403, 404)
    api = client.post(
        f"/api/v1/projects/{slug}/concerns",
        json.dumps({"mode": "open", "subject": "x", "what_happened": "x", "outcome_wanted": "x"}),
        content_type="application/json",
    )
    assert api.status_code in (403, 404)
    assert client.get(f"/api/v1/projects/{slug}/concerns/{others.pk}").status_code == 404
    assert mine.pk


def test_a_former_member_without_concerns_is_still_kept_out(world: Any) -> None:
    client = _leave(world, role="observer")
    assert client.get(reverse("concerns:list", args=[world.project.slug])).status_code in (
        403,
        404,
    )
    assert client.get(f"/api/v1/projects/{world.project.slug}/concerns").status_code in (403, 404)
