"""Comments from the public: held for moderation, published or hidden with a tombstone
(never deleted), the commenter's private link and appeal decided by another moderator,
spam defences that store no address, and bad input refused with nothing half-written."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.publishing import helpers as h
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events.models import Entry
from workings.publishing import services, spam
from workings.publishing.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def _post(client: Client, world: Any, **data: Any) -> Any:
    url = reverse("publishing:comment", args=[world.project.slug])
    return client.post(url, {"name": "Pat", "body": "Thank you", **data})


def test_a_comment_is_held_then_published_by_a_moderator(world: Any) -> None:
    h.published(world)
    client = Client()
    response = _post(client, world, body="HELDCOMMENTMARKER is lovely")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Your private link" in text
    public_url = reverse("publishing:public", args=[world.project.slug])
    assert "HELDCOMMENTMARKER" not in client.get(public_url).content.decode()
    comment = services.comment_publish(actor=world.users["lead"], comment=Comment.objects.get())
    assert "HELDCOMMENTMARKER" in client.get(public_url).content.decode()
    entry = Entry.objects.get(log__project=world.project, seq=comment.published_seqs[0])
    assert entry.type == "publishing.comment_published"


def test_a_hidden_comment_leaves_a_tombstone_and_its_words_leave_the_public_log(
    world: Any,
) -> None:
    h.published(world)
    comment = h.comment(world, body="HIDDENWORDSMARKER buy pills")
    lead = world.users["lead"]
    services.comment_publish(actor=lead, comment=comment)
    services.comment_hide(actor=lead, comment=comment, category="spam")
    client = Client()
    page = client.get(reverse("publishing:public", args=[world.project.slug])).content.decode()
    assert "HIDDENWORDSMARKER" not in page
    assert "A comment was hidden by the moderators. Reason: Advertising or spam." in page
    api = client.get(f"/api/v1/projects/{world.project.slug}/log/entries").content.decode()
    assert "HIDDENWORDSMARKER" not in api
    assert Comment.objects.filter(pk=comment.pk).exists()  # never deleted


def test_the_commenter_sees_and_appeals_and_another_moderator_decides(world: Any) -> None:
    from workings.publishing.models import Moderator  # noqa: F401

    h.published(world)
    lead, contributor = world.users["lead"], world.users["contributor"]
    services.moderator_set(actor=lead, project=world.project, user_id=contributor.pk, active=True)
    comment, secret = services.comment_submit(project=world.project, name="Sam", body="Hello")
    services.comment_hide(actor=lead, comment=comment, category="off_topic")
    client = Client()
    url = reverse("publishing:my-comment", args=[secret])
    page = client.get(url).content.decode()
    assert "A moderator hid it" in page and "Not about this project" in page
    response = client.post(url, {"text": "It was about the project's leaflet."})
    assert "Waiting for a moderator" in response.content.decode()
    # The lead hid it, so the lead may not decide the appeal: separation of powers.
    comment.refresh_from_db()
    with pytest.raises(NotAllowed):
        services.appeal_decide(actor=lead, comment=comment, publish=False)
    services.appeal_decide(actor=contributor, comment=comment, publish=True)
    comment.refresh_from_db()
    assert comment.status == "published" and comment.appeal_status == "upheld"
    # One appeal only.
    with pytest.raises(ValidationFailed):
        services.comment_appeal(token=secret, text="Again")


def test_a_wrong_private_link_finds_nothing(world: Any) -> None:
    assert Client().get(reverse("publishing:my-comment", args=["nope"])).status_code == 404
    with pytest.raises(NotFound):
        services.comment_appeal(token="nope", text="x")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("x" * 1_000_000, "far too long"),
        ("<script>alert(1)</script>", "HTML tags"),
        ("   ", "Enter your comment"),
        ("y" * 5001, "the limit is 5,000"),
    ],
)
def test_bad_comments_are_refused_with_a_plain_message(world: Any, body: str, message: str) -> None:
    h.published(world)
    response = _post(Client(), world, body=body)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_the_honeypot_catches_bots(world: Any) -> None:
    h.published(world)
    response = _post(Client(), world, website="http://spam.example")
    assert response.status_code == 400
    assert "leave the last box empty" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_flood_is_rate_limited_without_storing_the_address(world: Any) -> None:
    h.published(world)
    client = Client(REMOTE_ADDR="203.0.113.7")
    codes = [_post(client, world, body=f"Comment {i}").status_code for i in range(7)]
    assert codes[: spam.PER_ADDRESS] == [200] * spam.PER_ADDRESS
    assert codes[-1] == 429
    assert Comment.objects.count() == spam.PER_ADDRESS
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM workings_cache")
        keys = " ".join(str(row[0]) for row in cursor.fetchall())
    assert "203.0.113.7" not in keys


def test_a_solved_puzzle_lifts_the_per_address_limit(world: Any) -> None:
    import hashlib

    puzzle = spam.challenge()
    answer = next(
        str(n)
        for n in range(10_000_000)
        if spam.leading_zero_bits(hashlib.sha256(f"{puzzle}:{n}".encode()).digest())
        >= spam.POW_BITS
    )
    assert spam.solved(puzzle, answer)
    assert not spam.solved(puzzle + "x", answer)
    assert not spam.solved("made-up", "1")
    h.published(world)
    client = Client(REMOTE_ADDR="203.0.113.8")
    codes = [
        _post(client, world, body=f"C {i}", pow_puzzle=puzzle, pow_answer=answer).status_code
        for i in range(spam.PER_ADDRESS + 2)
    ]
    assert set(codes) == {200}


def test_comments_need_a_published_project_and_moderators_need_the_lead(world: Any) -> None:
    with pytest.raises(NotFound):
        h.comment(world)
    h.published(world)
    comment = h.comment(world)
    for role in ("contributor", "researcher", "observer", "funder"):
        with pytest.raises(NotAllowed):
            services.comment_publish(actor=world.users[role], comment=comment)
    with pytest.raises(NotAllowed):
        services.moderator_set(
            actor=world.users["contributor"],
            project=world.project,
            user_id=world.users["contributor"].pk,
            active=True,
        )


def test_the_moderation_page_lists_waiting_comments(world: Any) -> None:
    h.published(world)
    comment = h.comment(world, body="WAITINGMARKER")
    client = Client()
    client.force_login(world.users["lead"])
    url = reverse("publishing:moderation", args=[world.project.slug])
    assert "WAITINGMARKER" in client.get(url).content.decode()
    moderate = reverse("publishing:moderate", args=[world.project.slug, comment.pk])
    client.post(moderate, {"decision": "hide", f"c{comment.pk}-category": "abuse"})
    comment.refresh_from_db()
    assert comment.status == "hidden" and comment.category == "abuse"
