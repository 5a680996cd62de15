"""People who left: a former contributor still sees and changes the consent for their own
entries (and answers the team's requests about them), on an unpublished project too; they
regain nothing else of membership. Tried as an attacker: another person's consent, another
person's request, the members-only record, the project's other pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.publishing import helpers as h
from workings.core.exceptions import NotAllowed, NotFound
from workings.projects import services as project_services
from workings.publishing import services
from workings.publishing.models import Consent, ConsentRequest
from workings.publishing.permissions import publishing_policy

pytestmark = pytest.mark.django_db


def _leave(world: Any, role: str = "contributor") -> Any:
    user = world.users[role]
    project_services.membership_leave(actor=user, project=world.project, credit="name")
    return user


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_former_contributor_changes_consent_for_their_own_entries(world: Any) -> None:
    entry = h.contributor_feedback(world)
    leaver = _leave(world)
    assert not world.project.is_published  # nothing else of the project is open to them
    client = _client(leaver)
    url = reverse("publishing:consent", args=[world.project.slug])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "You have left this project" in text
    assert f"entry-{entry.seq}" in text
    # Their own entry is listed by its kind, never with its words or anyone else's.
    assert "UNCONSENTEDWORDSMARKER" not in text
    done = client.post(url, {"type": entry.type, "publish": "yes"}, follow=True)
    assert "Saved: published." in done.content.decode()
    done = client.post(url, {"seq": entry.seq, "publish": "no"}, follow=True)
    assert "Saved: not published." in done.content.decode()
    assert Consent.objects.get(user=leaver, seq=Consent.DEFAULT).publish
    assert not Consent.objects.get(user=leaver, seq=entry.seq).publish


def test_a_former_contributors_choice_reaches_the_public_page(world: Any) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    leaver = _leave(world)
    public = reverse("publishing:public", args=[world.project.slug])
    assert b"UNCONSENTEDWORDSMARKER" not in Client().get(public).content
    services.entry_consent_set(actor=leaver, project=world.project, seq=entry.seq, publish=True)
    api = Client().get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    assert "UNCONSENTEDWORDSMARKER" in str(api["entries"][entry.seq]["content"])
    # Withdrawn after leaving: the tombstone, as for anyone.
    services.entry_consent_set(actor=leaver, project=world.project, seq=entry.seq, publish=False)
    assert b"chose not to publish it" in Client().get(public).content


def test_a_former_contributor_answers_a_request_about_their_entry(world: Any) -> None:
    entry = h.contributor_feedback(world)
    leaver = _leave(world)
    asked = services.consent_request(
        actor=world.users["lead"], project=world.project, seq=entry.seq, note="After you left"
    )
    client = _client(leaver)
    url = reverse("publishing:consent-request", args=[world.project.slug, asked.pk])
    assert "After you left" in client.get(url).content.decode()
    client.post(url, {"publish": "yes"})
    asked.refresh_from_db()
    assert (asked.status, asked.publish) == ("answered", True)
    api = client.get(f"/api/v1/projects/{world.project.slug}/publishing/consent-requests")
    assert [r["seq"] for r in api.json()] == [entry.seq]


def test_a_leaver_regains_nothing_else(world: Any) -> None:
    h.contributor_feedback(world)
    leaver = _leave(world)
    client = _client(leaver)
    slug = world.project.slug
    assert not publishing_policy.can_view_settings(leaver, world.project)
    assert not publishing_policy.can_moderate(leaver, world.project)
    for name in (
        "projects:detail",
        "events:record",
        "publishing:public",
        "publishing:feed",
        "publishing:settings",
        "publishing:requests",
        "publishing:moderation",
        "record:timeline",
        "projects:members",
    ):
        response = client.get(reverse(name, args=[slug]))
        assert response.status_code in (403, 404), (name, response.status_code)
    assert client.get(f"/api/v1/projects/{slug}/log/entries").status_code in (403, 404)
    assert client.get(f"/api/v1/projects/{slug}").status_code in (403, 404)


def test_a_leaver_cannot_read_members_only_entries_even_of_a_published_project(
    world: Any,
) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    # A members-only entry: the team's request for consent, with its note.
    services.consent_request(
        actor=world.users["lead"], project=world.project, seq=entry.seq, note="MEMBERSNOTE"
    )
    leaver = _leave(world, "observer")
    client = _client(leaver)
    slug = world.project.slug
    for url in (
        reverse("events:record", args=[slug]),
        f"/api/v1/projects/{slug}/log/entries",
        reverse("publishing:public", args=[slug]),
    ):
        response = client.get(url)
        assert b"MEMBERSNOTE" not in response.content, url
    # Leaving as an observer gives no consent page: they never wrote as a contributor.
    assert not publishing_policy.can_consent(leaver, world.project)
    assert client.get(reverse("publishing:consent", args=[slug])).status_code == 403


def test_a_leaver_cannot_change_another_persons_consent(world: Any) -> None:
    theirs = h.contributor_feedback(world)
    # A second contributor, who leaves and then tries everything on the first one's entry.
    from tests.factories import add_member, make_user
    from workings.projects.roles import Role

    other = make_user("other.contributor@example.org", "Other Contributor")
    add_member(world.project, world.users["lead"], other, Role.CONTRIBUTOR)
    project_services.membership_leave(actor=other, project=world.project, credit="name")
    asked = services.consent_request(
        actor=world.users["lead"], project=world.project, seq=theirs.seq
    )
    with pytest.raises(NotFound):
        services.entry_consent_set(actor=other, project=world.project, seq=theirs.seq, publish=True)
    with pytest.raises(NotAllowed):
        services.consent_request_answer(actor=other, request=asked, publish=True)
    with pytest.raises(NotAllowed):
        services.consent_request(actor=other, project=world.project, seq=theirs.seq)
    client = _client(other)
    slug = world.project.slug
    response = client.post(
        reverse("publishing:consent", args=[slug]), {"seq": theirs.seq, "publish": "yes"}
    )
    assert response.status_code == 302  # refused with a message; nothing written
    assert (
        client.get(reverse("publishing:consent-request", args=[slug, asked.pk])).status_code == 404
    )
    api = client.post(
        f"/api/v1/projects/{slug}/publishing/consent-requests/{asked.pk}/answer",
        {"publish": True},
        content_type="application/json",
    )
    assert api.status_code == 404
    assert client.get(f"/api/v1/projects/{slug}/publishing/consent-requests").json() == []
    assert not Consent.objects.filter(seq=theirs.seq).exists()
    assert ConsentRequest.objects.get(pk=asked.pk).status == "open"
    # A default for a kind covers only their own entries (none): the first one's stays unpublished.
    services.consent_set(actor=other, project=world.project, type_name=theirs.type, publish=True)
    h.published(world)
    public = Client().get(reverse("publishing:public", args=[slug])).content
    assert b"UNCONSENTEDWORDSMARKER" not in public


def test_someone_who_never_was_a_contributor_gets_no_consent_page(world: Any) -> None:
    outsider = world.users["outsider"]
    response = _client(outsider).get(reverse("publishing:consent", args=[world.project.slug]))
    assert response.status_code == 404
    researcher = _leave(world, "researcher")
    response = _client(researcher).get(reverse("publishing:consent", args=[world.project.slug]))
    assert response.status_code == 404


def test_the_list_of_projects_left_links_to_the_consent_page(world: Any) -> None:
    h.contributor_feedback(world)
    leaver = _leave(world)
    page = _client(leaver).get(reverse("projects:list")).content.decode()
    assert reverse("publishing:consent", args=[world.project.slug]) in page
    observer = _leave(world, "observer")
    page = _client(observer).get(reverse("projects:list")).content.decode()
    assert reverse("publishing:consent", args=[world.project.slug]) not in page
