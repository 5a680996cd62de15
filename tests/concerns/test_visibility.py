"""The team never learns who raised a confidential or anonymous concern, and learns nothing
of a sealed concern before a reviewer involves them: not by page, list, count, API,
notice, e-mail, or the Record page's entries."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.concerns.helpers import raise_anonymous, raise_confidential, raise_open
from workings.concerns import services
from workings.concerns.selectors import closed_concern_counts, concerns_for_audience
from workings.notifications.models import Notification

pytestmark = pytest.mark.django_db

TEAM = ("lead", "researcher", "observer")
SECRET = "Our payments are late"


def _sealed(world: Any, on_commit: Any) -> tuple[Any, Any]:
    with on_commit(execute=True):
        confidential = raise_confidential(world)
        anonymous, _ = raise_anonymous(world)
    return confidential, anonymous


def _seen_by(client_for: Any, world: Any, role: str, concern: Any) -> list[str]:
    client = client_for(world.users[role])
    slug = world.project.slug
    pages = [
        client.get(reverse("concerns:list", args=[slug])),
        client.get(reverse("concerns:detail", args=[slug, concern.pk])),
        client.get(reverse("events:record", args=[slug])),
        client.get(f"/api/v1/projects/{slug}/concerns"),
        client.get(f"/api/v1/projects/{slug}/concerns/{concern.pk}"),
        client.get(reverse("notifications:list")),
        client.get("/api/v1/notifications"),
    ]
    return [p.content.decode() for p in pages]


def test_team_learns_nothing_before_involvement(
    world: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    confidential, anonymous = _sealed(world, django_capture_on_commit_callbacks)
    raiser_name = world.users["contributor"].display_name
    for role in TEAM:
        user = world.users[role]
        for concern in (confidential, anonymous):
            texts = _seen_by(client_for, world, role, concern)
            for i, text in enumerate(texts):
                assert SECRET not in text
                # The Record page names the raiser for joining the project, not for this.
                assert i == 2 or raiser_name not in text
                assert "sealed concern" not in text.lower()
            assert "There are no concerns you can see." in texts[0]
        assert not Notification.objects.filter(user=user).exists()
        assert not [m for m in mail.outbox if user.email in m.to]
    assert [e["mode"] for e in concerns_for_audience(world.project, "team")] == []
    # The funder sees both, and who raised the confidential one.
    funder = client_for(world.users["funder"])
    page = funder.get(reverse("concerns:detail", args=[world.project.slug, confidential.pk]))
    assert SECRET in page.content.decode() and raiser_name in page.content.decode()
    anon_page = funder.get(reverse("concerns:detail", args=[world.project.slug, anonymous.pk]))
    assert "by " + raiser_name not in anon_page.content.decode()


def test_record_header_says_only_sealed_and_the_day(world: Any, client_for: Any) -> None:
    raise_confidential(world)
    lead = client_for(world.users["lead"])
    text = lead.get(reverse("events:record", args=[world.project.slug])).content.decode()
    assert "A private entry" in text
    assert "concern.raised" not in text and SECRET not in text


def test_after_involvement_the_team_sees_only_the_approved_summary(
    world: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    concern, _ = _sealed(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.concern_summary_propose(
            actor=world.users["funder"], concern=concern, text="Payment times need looking at."
        )
        services.concern_summary_answer(
            actor=world.users["contributor"], concern=concern, approve=True
        )
    raiser_name = world.users["contributor"].display_name
    texts = _seen_by(client_for, world, "lead", concern)
    assert "Payment times need looking at." in texts[1]
    for i, text in enumerate(texts):
        assert SECRET not in text
        assert i == 2 or raiser_name not in text
    lead_mail = [m for m in mail.outbox if world.users["lead"].email in m.to]
    assert lead_mail and all("Payment times" not in m.body for m in lead_mail)
    assert not any(SECRET in m.body or SECRET in m.subject for m in lead_mail)
    # Observers and other contributors are still not told.
    assert (
        "There are no concerns you can see." in _seen_by(client_for, world, "observer", concern)[0]
    )


def test_open_concern_shows_its_raiser_to_the_team(world: Any, client_for: Any) -> None:
    concern = raise_open(world)
    page = client_for(world.users["lead"]).get(
        reverse("concerns:detail", args=[world.project.slug, concern.pk])
    )
    assert world.memberships["contributor"].label in page.content.decode()


def test_closed_counts_never_name_the_raiser(world: Any) -> None:
    concern = raise_confidential(world)
    services.concern_close(
        actor=world.users["funder"], concern=concern, outcome="unresolved", reasons="No reply."
    )
    rows = closed_concern_counts(world.project)
    assert rows == [
        {"mode": "confidential", "outcome": "unresolved", "stages_reached": 1, "days_open": 0}
    ]
    assert concerns_for_audience(world.project, "public") == rows


def test_list_query_count_does_not_grow(world: Any, client_for: Any) -> None:
    client = client_for(world.users["funder"])
    url = reverse("concerns:list", args=[world.project.slug])
    raise_open(world)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        raise_open(world)
        raise_confidential(world)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_inbox_lists_escalated_concerns_oldest_first(world: Any, client_for: Any) -> None:
    import datetime as dt

    from workings.core.clock import frozen_at

    with frozen_at(dt.datetime(2026, 1, 5, tzinfo=dt.UTC)):
        first = raise_confidential(world, subject="First one")
    raise_open(world, subject="Still with the lead")
    second = raise_confidential(world, subject="Second one")
    response = client_for(world.users["funder"]).get(reverse("concerns:inbox"))
    text = response.content.decode()
    assert text.index("First one") < text.index("Second one")
    assert "Still with the lead" not in text
    assert first.pk and second.pk
    lead_inbox = client_for(world.users["lead"]).get(reverse("concerns:inbox")).content.decode()
    assert "First one" not in lead_inbox


def test_sealed_log_content_is_readable_by_the_raiser_and_funders_only(
    world: Any, client_for: Any
) -> None:
    """The log API shows a confidential concern's sealed content to its raiser and the
    funder's reviewers; to the team and other contributors only the sealed header."""
    raise_confidential(world, subject=SECRET)
    url = f"/api/v1/projects/{world.project.slug}/log/entries"

    def sealed_contents(role: str) -> list[Any]:
        body = client_for(world.users[role]).get(url).json()
        return [e["content"] for e in body["entries"] if e["sealed"]]

    assert sealed_contents("lead") and all(c is None for c in sealed_contents("lead"))
    for role in ("researcher", "observer"):
        assert all(c is None for c in sealed_contents(role))
    for role in ("contributor", "funder"):
        contents = sealed_contents(role)
        assert contents and all(c is not None for c in contents)
        assert SECRET in str(contents)


def test_another_contributor_cannot_read_a_sealed_concern_of_someone_else(
    world: Any, client_for: Any
) -> None:
    from tests.factories import add_member, make_user

    other = make_user("second.contributor@example.org")
    add_member(world.project, world.users["lead"], other, "contributor")
    raise_confidential(world, subject=SECRET)
    body = client_for(other).get(f"/api/v1/projects/{world.project.slug}/log/entries").json()
    sealed = [e for e in body["entries"] if e["sealed"]]
    assert sealed and all(e["content"] is None for e in sealed)
