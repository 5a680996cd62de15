"""A reason for leaving is private to the team unless the person chooses to publish it.

A private reason is kept on the membership for the team's members page and is committed only in
the log's member-only part, so the public log, the published record, its exports and the public
annex never hold it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from workings.projects import services

pytestmark = pytest.mark.django_db
PRIVATE = "My mother is very ill and I need the time."
PUBLIC = "The meetings moved to weekday mornings."


def _published(world: Any) -> None:
    world.project.is_published = True
    world.project.save(update_fields=["is_published"])


def _text(response: Any) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _public_texts(world: Any) -> str:
    slug = world.project.slug
    anon = Client()
    texts = [
        _text(anon.get(f"/api/v1/projects/{slug}/log/entries")),
        _text(anon.get(reverse("record:timeline", args=[slug]))),
        _text(anon.get(reverse("record:export-csv", args=[slug]))),
        _text(anon.get(reverse("record:export-json", args=[slug]))),
        _text(anon.get(reverse("record:timeline", args=[slug]), {"q": "mother"})),
        _text(anon.get(f"/api/v1/projects/{slug}/record")),
    ]
    return "\n".join(texts)


def test_a_reason_is_private_unless_the_person_publishes_it(world: Any) -> None:
    _published(world)
    services.membership_leave(
        actor=world.users["contributor"], project=world.project, reason=PRIVATE, credit="name"
    )
    services.membership_leave(
        actor=world.users["observer"],
        project=world.project,
        reason=PUBLIC,
        credit="name",
        reason_public=True,
    )
    public = _public_texts(world)
    assert PRIVATE not in public and "mother is very ill" not in json.dumps(public)
    assert PUBLIC in public
    # The team still reads it on the members page.
    lead = Client()
    lead.force_login(world.users["lead"])
    members = lead.get(reverse("projects:members", args=[world.project.slug])).content.decode()
    assert PRIVATE in members.replace("&#x27;", "'")


def test_the_leave_form_asks_and_defaults_to_private(world: Any) -> None:
    client = Client()
    client.force_login(world.users["contributor"])
    url = reverse("projects:leave", args=[world.project.slug])
    page = client.get(url).content.decode()
    radios = re.findall(r'<input type="radio" name="reason_public"[^>]*>', page)
    assert len(radios) == 2
    checked = [r for r in radios if "checked" in r]
    assert len(checked) == 1 and 'value="private"' in checked[0]
    assert "Only the project team" in page
    client.post(
        url, {"reason": PRIVATE, "reason_public": "private", "credit": "name", "confirm": "on"}
    )
    world.memberships["contributor"].refresh_from_db()
    membership = world.memberships["contributor"]
    assert membership.left_reason == PRIVATE and membership.left_reason_public is False


def test_the_api_keeps_a_reason_private_unless_asked(world: Any) -> None:
    _published(world)
    client = Client()
    client.force_login(world.users["contributor"])
    left = client.post(
        f"/api/v1/projects/{world.project.slug}/leave",
        json.dumps({"reason": PRIVATE, "credit": "name"}),
        content_type="application/json",
    )
    assert left.status_code == 200, left.content
    assert PRIVATE not in _public_texts(world)


def test_a_private_reason_changed_behind_the_softwares_back_fails_verification(
    world: Any,
) -> None:
    from django.db import connection

    from workings.events.audit import verify_project

    _published(world)
    membership = services.membership_leave(
        actor=world.users["contributor"], project=world.project, reason=PRIVATE, credit="name"
    )
    assert not any("membership" in f for f in verify_project(world.project).domain_failures)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE projects_membership SET left_reason = %s WHERE id = %s",
            ["I was never told anything.", membership.pk],
        )
    failures = verify_project(world.project).domain_failures
    assert any("left_reason_digest" in f for f in failures), failures
    log = Client().get(f"/api/v1/projects/{world.project.slug}/log/entries")
    assert log.status_code == 200 and "left_reason_digest" in log.content.decode()
    assert PRIVATE not in log.content.decode()
