"""Consent on request: the lead asks the author of one entry; the author is told (a notice,
and "What needs you" on their home page) and answers yes or no for that entry, overriding
their default; the answer is recorded as a members-only entry; a later withdrawal leaves a
tombstone as before. Pages and API."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.publishing import helpers as h
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events import types
from workings.events.models import Entry
from workings.notifications.models import Notification
from workings.publishing import services
from workings.publishing.models import Consent, ConsentRequest

pytestmark = pytest.mark.django_db


def _ask(world: Any, entry: Entry, note: str = "We would love to show this.") -> ConsentRequest:
    return services.consent_request(
        actor=world.users["lead"], project=world.project, seq=entry.seq, note=note
    )


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_request_is_recorded_for_members_and_the_author_is_told(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    entry = h.contributor_feedback(world)
    with django_capture_on_commit_callbacks(execute=True):
        asked = _ask(world, entry)
    assert types.get("publishing.consent_requested").audience == types.Audience.MEMBERS
    logged = Entry.objects.get(log__project=world.project, seq=asked.last_event_seq)
    assert logged.type == "publishing.consent_requested"
    assert logged.actor_id == world.users["lead"].pk
    notice = Notification.objects.get(user=world.users["contributor"])
    assert f"entry {entry.seq}" in notice.title
    assert notice.url == reverse("publishing:consent-request", args=[world.project.slug, asked.pk])
    # "What needs you" on the contributor's home page links to the answer page.
    home = _client(world.users["contributor"]).get(reverse("notifications:home")).content.decode()
    assert f"Say whether entry {entry.seq} you wrote may be shown" in home
    assert notice.url in home
    # Nobody else is asked.
    lead_home = _client(world.users["lead"]).get(reverse("notifications:home")).content.decode()
    assert "may be shown on the public page" not in lead_home


def test_yes_overrides_a_no_for_the_kind_and_a_withdrawal_leaves_a_tombstone(world: Any) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    contributor = world.users["contributor"]
    services.consent_set(
        actor=contributor, project=world.project, type_name=entry.type, publish=False
    )
    asked = _ask(world, entry)
    services.consent_request_answer(actor=contributor, request=asked, publish=True)
    asked.refresh_from_db()
    assert (asked.status, asked.publish) == ("answered", True)
    assert Consent.objects.get(seq=entry.seq).publish
    slug = world.project.slug
    public = Client().get(reverse("publishing:public", args=[slug])).content.decode()
    api = Client().get(f"/api/v1/projects/{slug}/log/entries").json()
    assert "UNCONSENTEDWORDSMARKER" in str(api["entries"][entry.seq]["content"])
    assert f"entry-{entry.seq}" in public
    answer = Entry.objects.filter(log__project=world.project).order_by("-seq").first()
    assert answer.type == "publishing.entry_consent_set"
    # Withdrawn later, on the consent page: a tombstone, the words gone from the public.
    services.entry_consent_set(
        actor=contributor, project=world.project, seq=entry.seq, publish=False
    )
    public = Client().get(reverse("publishing:public", args=[slug])).content.decode()
    assert "chose not to publish it" in public
    api = Client().get(f"/api/v1/projects/{slug}/log/entries").json()
    assert api["entries"][entry.seq]["content"] is None


def test_no_keeps_it_off_and_it_cannot_be_answered_twice(world: Any) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    asked = _ask(world, entry)
    services.consent_request_answer(actor=world.users["contributor"], request=asked, publish=False)
    with pytest.raises(ValidationFailed):
        services.consent_request_answer(
            actor=world.users["contributor"], request=asked, publish=True
        )
    public = Client().get(reverse("publishing:public", args=[world.project.slug])).content
    assert b"UNCONSENTEDWORDSMARKER" not in public
    assert not Consent.objects.get(seq=entry.seq).publish


def test_the_contributors_own_choice_answers_an_open_request(world: Any) -> None:
    entry = h.contributor_feedback(world)
    asked = _ask(world, entry)
    services.entry_consent_set(
        actor=world.users["contributor"], project=world.project, seq=entry.seq, publish=True
    )
    asked.refresh_from_db()
    assert (asked.status, asked.publish) == ("answered", True)


def test_who_may_ask_and_about_what(world: Any) -> None:
    entry = h.contributor_feedback(world)
    for role in ("contributor", "researcher", "observer"):
        with pytest.raises(NotAllowed):
            services.consent_request(actor=world.users[role], project=world.project, seq=entry.seq)
    with pytest.raises(NotFound):
        services.consent_request(actor=world.users["lead"], project=world.project, seq=99999)
    # The lead's own entry needs nobody's consent.
    from tests.record import helpers as record

    item = record.feedback(
        world, actor=world.users["lead"], title="Lead", text="Words", on_behalf_of="Panel"
    )
    with pytest.raises(ValidationFailed, match="does not need anyone"):
        services.consent_request(
            actor=world.users["lead"], project=world.project, seq=item.last_event_seq
        )
    services.consent_set(
        actor=world.users["contributor"], project=world.project, type_name=entry.type, publish=True
    )
    with pytest.raises(ValidationFailed, match="already published"):
        _ask(world, entry)
    assert not ConsentRequest.objects.exists()


def test_each_entry_is_asked_about_once_and_a_long_note_is_refused(world: Any) -> None:
    entry = h.contributor_feedback(world)
    with pytest.raises(ValidationFailed):
        _ask(world, entry, note="x" * 1001)
    assert not ConsentRequest.objects.exists()
    _ask(world, entry)
    with pytest.raises(ValidationFailed, match="already been asked"):
        _ask(world, entry)
    assert ConsentRequest.objects.count() == 1


def test_only_the_author_answers(world: Any) -> None:
    entry = h.contributor_feedback(world)
    asked = _ask(world, entry)
    for role in ("lead", "researcher", "observer"):
        with pytest.raises(NotAllowed):
            services.consent_request_answer(actor=world.users[role], request=asked, publish=True)
        response = _client(world.users[role]).post(
            reverse("publishing:consent-request", args=[world.project.slug, asked.pk]),
            {"publish": "yes"},
        )
        assert response.status_code == 404
    assert not Consent.objects.exists()


def test_the_pages_ask_and_answer(world: Any) -> None:
    entry = h.contributor_feedback(world)
    lead = _client(world.users["lead"])
    url = reverse("publishing:requests", args=[world.project.slug])
    page = lead.get(url).content.decode()
    assert f"entry-{entry.seq}" in page
    assert "waits for its author" in page
    bad = lead.post(url, {"seq": "", "note": "Please"})
    assert bad.status_code == 400
    assert "Enter number of the entry" in bad.content.decode()
    assert "Please" in bad.content.decode()  # nothing typed is lost
    done = lead.post(url, {"seq": entry.seq, "note": "Please?"}, follow=True).content.decode()
    assert "Sent." in done
    assert "waiting for an answer" in done
    asked = ConsentRequest.objects.get()
    author = _client(world.users["contributor"])
    answer_url = reverse("publishing:consent-request", args=[world.project.slug, asked.pk])
    page = author.get(answer_url).content.decode()
    assert "Please?" in page
    assert "Yes, publish it" in page
    consent_page = author.get(reverse("publishing:consent", args=[world.project.slug]))
    assert answer_url in consent_page.content.decode()
    done = author.post(answer_url, {"publish": "no"}, follow=True).content.decode()
    assert "will not be published" in done
    assert "You said no" in done
    again = lead.get(url).content.decode()
    assert "its author said no" in again


def test_the_api_asks_lists_and_answers(world: Any) -> None:
    entry = h.contributor_feedback(world)
    slug = world.project.slug
    base = f"/api/v1/projects/{slug}/publishing/consent-requests"
    lead = _client(world.users["lead"])
    made = lead.post(base, {"seq": entry.seq, "note": "May we?"}, content_type="application/json")
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["seq"], body["status"], body["publish"]) == (entry.seq, "open", None)
    again = lead.post(base, {"seq": entry.seq}, content_type="application/json")
    assert again.status_code == 400
    assert "already been asked" in again.json()["detail"]
    author = _client(world.users["contributor"])
    assert [r["note"] for r in author.get(base).json()] == ["May we?"]
    assert _client(world.users["observer"]).get(base).status_code == 403
    answer = author.post(
        f"{base}/{body['id']}/answer", {"publish": True}, content_type="application/json"
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["publish"] is True
    refused = lead.post(
        f"{base}/{body['id']}/answer", {"publish": False}, content_type="application/json"
    )
    assert refused.status_code == 404
    assert Consent.objects.get(seq=entry.seq).publish
