"""A raiser's membership can be changed like anyone else's, and the team learns nothing.

The protection rule tells only the funder's reviewers (a sealed entry and a notice). The lead
who demotes or removes someone gets exactly the same answer, page or API, whether or not that
person has a concern open: a refusal or a different message would tell them who raised it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.concerns.helpers import concern_data
from tests.factories import add_member, make_user
from workings.concerns import services
from workings.events.models import Entry
from workings.notifications.models import Notification
from workings.projects import services as project_services

pytestmark = pytest.mark.django_db


def _two_contributors(world: Any) -> tuple[Any, Any]:
    """The world's contributor raises a confidential concern; a second contributor, under the
    same name in the project, raises nothing."""
    services.concern_raise(
        actor=world.users["contributor"],
        project=world.project,
        mode="confidential",
        **concern_data(),
    )
    project_services.membership_update(
        actor=world.users["contributor"], project=world.project, display_name="Sam", credit="name"
    )
    other = make_user("second.contributor@example.org", "Second Contributor")
    second = add_member(
        world.project, world.users["lead"], other, "contributor", display_name="Sam"
    )
    return world.memberships["contributor"], second


def _entry_types() -> list[tuple[str, bool]]:
    return list(Entry.objects.order_by("seq").values_list("type", "sealed"))


def test_demoting_a_raiser_is_accepted_without_a_reason(world: Any) -> None:
    raiser, _ = _two_contributors(world)
    sealed_before = Entry.objects.filter(sealed=True).count()
    project_services.membership_change_role(
        actor=world.users["lead"],
        project=world.project,
        membership_id=raiser.pk,
        role="observer",
    )
    raiser.refresh_from_db()
    assert raiser.role == "observer"
    assert Entry.objects.filter(sealed=True).count() == sealed_before + 1
    assert Entry.objects.filter(type="member.role_changed").exists()


def test_only_the_reviewers_are_told(
    world: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    raiser, _ = _two_contributors(world)
    with django_capture_on_commit_callbacks(execute=True):
        project_services.membership_remove(
            actor=world.users["lead"],
            project=world.project,
            membership_id=raiser.pk,
            reason="Disruptive",
        )
    told = set(
        Notification.objects.filter(kind="concern.raiser_protected").values_list(
            "user__email", flat=True
        )
    )
    assert told == {"funder@example.org"}
    assert all("Disruptive" not in m.body for m in mailoutbox)
    assert not any(
        "lead@example.org" in m.to or "researcher@example.org" in m.to for m in mailoutbox
    )


def _normalise(text: str, *ids: int) -> str:
    for n in ids:
        text = re.sub(rf"\b{n}\b", "N", text)
    return text


@pytest.mark.parametrize("change", ["role", "remove"])
def test_the_page_answers_the_same_for_a_raiser_and_anyone_else(world: Any, change: str) -> None:
    raiser, other = _two_contributors(world)
    answers = []
    for membership in (raiser, other):
        client = Client()
        client.force_login(world.users["lead"])
        if change == "role":
            url = reverse("projects:member-role", args=[world.project.slug, membership.pk])
            response = client.post(url, {"role": "observer"})
        else:
            url = reverse("projects:member-remove", args=[world.project.slug, membership.pk])
            response = client.post(url, {"reason": "Stepping back"})
        said = [str(m) for m in get_messages(response.wsgi_request)]
        answers.append(
            (
                response.status_code,
                response.get("Location"),
                _normalise(response.content.decode(), membership.pk),
                said,
            )
        )
    assert answers[0] == answers[1]
    assert answers[0][0] == 302 and answers[0][3], answers[0]
    assert not any("concern" in m for m in answers[0][3])


@pytest.mark.parametrize("change", ["role", "remove"])
def test_the_api_answers_the_same_for_a_raiser_and_anyone_else(world: Any, change: str) -> None:
    raiser, other = _two_contributors(world)
    client = Client()
    client.force_login(world.users["lead"])
    answers = []
    for membership in (raiser, other):
        base = f"/api/v1/projects/{world.project.slug}/members/{membership.pk}"
        if change == "role":
            response = client.post(
                f"{base}/role", json.dumps({"role": "observer"}), content_type="application/json"
            )
        else:
            response = client.post(
                f"{base}/remove",
                json.dumps({"reason": "Stepping back"}),
                content_type="application/json",
            )
        body = response.json()
        for key in ("id", "user", "user_id", "joined_at", "left_at"):
            body.pop(key, None)
        answers.append((response.status_code, body))
    assert answers[0] == answers[1]
    assert answers[0][0] == 200, answers[0]
    assert "concern" not in json.dumps(answers[0][1])


def test_the_protection_entry_is_sealed_and_unreadable_by_the_team(world: Any) -> None:
    raiser, _ = _two_contributors(world)
    project_services.membership_change_role(
        actor=world.users["lead"],
        project=world.project,
        membership_id=raiser.pk,
        role="observer",
        reason="Changing things round",
    )
    assert ("concern.raiser_protected", False) not in _entry_types()
    client = Client()
    client.force_login(world.users["lead"])
    log = client.get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    text = json.dumps(log)
    assert "role contributor to observer" not in text
    assert "Changing things round" in text  # the public role change keeps its reason
    funder = Client()
    funder.force_login(world.users["funder"])
    assert "role contributor to observer" in json.dumps(
        funder.get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    )
