"""Publishing with consent: a contributor's entry reaches the public (Record page, log API,
public page, feed, public annex) only once they agree; the team's choice of types; a
withdrawal leaves a tombstone and the log still verifies; the lead cannot consent for them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.publishing import helpers as h
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.publishing import services
from workings.publishing.models import Consent

pytestmark = pytest.mark.django_db


def _public_texts(world: Any) -> dict[str, str]:
    client = Client()
    slug = world.project.slug
    return {
        "record": client.get(reverse("events:record", args=[slug])).content.decode(),
        "api": client.get(f"/api/v1/projects/{slug}/log/entries").content.decode(),
        "public": client.get(reverse("publishing:public", args=[slug])).content.decode(),
        "feed": client.get(reverse("publishing:feed", args=[slug])).content.decode(),
    }


def test_a_contributors_entry_waits_for_their_consent_everywhere_public(world: Any) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    for where, text in _public_texts(world).items():
        assert "UNCONSENTEDWORDSMARKER" not in text, where
    page = _public_texts(world)["public"]
    assert "waits for its author" in page
    # Members still read it, marked as not public.
    member = Client()
    member.force_login(world.users["researcher"])
    record = member.get(reverse("events:record", args=[world.project.slug])).content.decode()
    assert "Not shown on the public page" in record
    api = member.get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    assert api["entries"][entry.seq]["content"] is not None


def test_consent_for_a_kind_publishes_and_withdrawal_leaves_a_tombstone(world: Any) -> None:
    h.published(world)
    entry = h.contributor_feedback(world)
    contributor = world.users["contributor"]
    services.consent_set(
        actor=contributor, project=world.project, type_name=entry.type, publish=True
    )
    api = Client().get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    assert "UNCONSENTEDWORDSMARKER" in str(api["entries"][entry.seq]["content"])
    assert f"#{entry.seq}" in _public_texts(world)["feed"]
    # Withdrawn for this one entry: tombstone, and the leaf is still there to verify.
    services.entry_consent_set(
        actor=contributor, project=world.project, seq=entry.seq, publish=False
    )
    texts = _public_texts(world)
    assert "UNCONSENTEDWORDSMARKER" not in texts["api"]
    assert "chose not to publish it" in texts["public"]
    api = Client().get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    assert api["entries"][entry.seq]["leaf"]
    assert api["entries"][entry.seq]["content"] is None


def test_the_team_keeps_a_kind_off_the_public_page(world: Any) -> None:
    h.published(world)
    services.publication_choose(
        actor=world.users["lead"],
        project=world.project,
        withheld=["project.updated", "project.created"],
    )
    page = _public_texts(world)["public"]
    assert "The team does not publish this kind of entry" in page
    with pytest.raises(ValidationFailed):
        services.publication_choose(
            actor=world.users["lead"], project=world.project, withheld=["no.such.type"]
        )


def test_the_public_annex_counts_what_is_not_published(world: Any) -> None:
    from workings.reports import annex as annexes

    h.published(world)
    h.contributor_feedback(world)
    annex = annexes.build(project=world.project, audience="public", proofs=False)
    text = str(annex)
    assert "UNCONSENTEDWORDSMARKER" not in text
    assert "Entries not published (the team's choice or a contributor's consent)" in text


def test_the_lead_cannot_consent_for_a_contributor_nor_choose_as_one(world: Any) -> None:
    entry = h.contributor_feedback(world)
    lead = world.users["lead"]
    with pytest.raises(NotAllowed):
        services.consent_set(actor=lead, project=world.project, type_name=entry.type, publish=True)
    with pytest.raises(NotAllowed):
        services.entry_consent_set(actor=lead, project=world.project, seq=entry.seq, publish=True)
    with pytest.raises(NotAllowed):
        services.publication_choose(
            actor=world.users["contributor"], project=world.project, withheld=[]
        )
    assert not Consent.objects.exists()
    # Over HTTP too: the lead's POST to the consent page is refused.
    client = Client()
    client.force_login(lead)
    url = reverse("publishing:consent", args=[world.project.slug])
    response = client.post(url, {"seq": entry.seq, "publish": "yes"})
    assert response.status_code == 403
    assert not Consent.objects.exists()


def test_a_contributor_consents_only_for_entries_they_wrote(world: Any) -> None:
    lead_entry = h.contributor_feedback(world)
    from tests.record import helpers as record

    item = record.feedback(
        world, actor=world.users["lead"], title="Lead", text="Words", on_behalf_of="Panel"
    )
    with pytest.raises(NotFound):
        services.entry_consent_set(
            actor=world.users["contributor"],
            project=world.project,
            seq=item.last_event_seq,
            publish=True,
        )
    assert lead_entry.seq != item.last_event_seq


def test_the_consent_page_lists_own_entries_and_saves_a_choice(world: Any) -> None:
    entry = h.contributor_feedback(world)
    client = Client()
    client.force_login(world.users["contributor"])
    url = reverse("publishing:consent", args=[world.project.slug])
    page = client.get(url).content.decode()
    assert "you have not chosen yet" in page
    assert f"entry-{entry.seq}" in page
    response = client.post(url, {"type": entry.type, "publish": "yes"}, follow=True)
    assert "Saved: published." in response.content.decode()
    assert Consent.objects.get(type=entry.type, seq=Consent.DEFAULT).publish
