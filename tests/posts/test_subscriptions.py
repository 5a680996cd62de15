"""Double opt-in, preferences, one-click unsubscribe (RFC 8058) and the digest."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.posts import helpers as h
from workings.core.clock import frozen_at
from workings.core.exceptions import ValidationFailed
from workings.posts import digest, guards, subscriptions
from workings.posts.models import Subscription

pytestmark = pytest.mark.django_db


def _link(message: Any, name: str) -> str:
    return re.search(r"https?://\S+/subscriptions/\S+", message.body).group(0)  # type: ignore[union-attr]


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def project(world: Any) -> Any:
    return h.published(world)


def test_subscribe_confirm_and_unsubscribe_in_one_click(
    project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    url = reverse("posts:subscribe", kwargs={"slug": project.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "jöran@example.de", "frequency": "immediately"})
    assert response.status_code == 200 and "Please check your e-mail" in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["jöran@example.de"]
    confirm = _path(_link(mail.outbox[0], "confirm"))
    page = client.get(confirm)  # opening the link (or a mail scanner) confirms nothing
    assert "Yes, send me new posts" in page.content.decode()
    assert Subscription.objects.get().state == "pending"
    done = client.post(confirm)
    assert "you are subscribed" in done.content.decode()
    again = client.post(confirm)
    assert again.status_code == 400 and "already confirmed" in again.content.decode()

    sub = Subscription.objects.get()
    with frozen_at(h.later(1)):
        world_post = _new_post(project)
    with frozen_at(h.later(2)):
        assert digest.send_digests() == 1
    message = mail.outbox[-1]
    assert world_post.title in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http")
    # RFC 8058: the mail program POSTs with no cookie and no CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        _path(unsubscribe), {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 200 and "You are unsubscribed" in one_click.content.decode()
    sub.refresh_from_db()
    assert sub.state == "ended" and sub.email == ""
    assert Client(enforce_csrf_checks=True).post(_path(unsubscribe)).status_code == 200


def _new_post(project: Any) -> Any:
    from workings.posts import services
    from workings.projects.models import Membership

    lead = Membership.objects.get(project=project, role="lead").user
    return services.post_create(
        actor=lead, project=project, title="Fresh news", body="News", status="published"
    )


def test_an_expired_link_is_explained(project: Any) -> None:
    sub = subscriptions.subscribe(email="ann@example.org", project=project)
    import time

    real = time.time
    token = guards.confirm_token(sub)
    try:
        time.time = lambda: real() + guards.CONFIRM_MAX_AGE + 60  # type: ignore[assignment]
        with pytest.raises(ValidationFailed) as caught:
            subscriptions.confirm(token=token)
    finally:
        time.time = real  # type: ignore[assignment]
    assert "expired" in caught.value.message


def test_a_tampered_link_is_not_found() -> None:
    response = Client().get(reverse("posts:subscription", kwargs={"token": "abc:def"}))
    assert response.status_code == 404


def test_no_subscription_to_an_unpublished_project(world: Any) -> None:
    with pytest.raises(ValidationFailed) as caught:
        subscriptions.subscribe(email="ann@example.org", project=world.project)
    assert "not published" in caught.value.message
    assert not Subscription.objects.exists()


def test_bad_addresses_are_refused_on_the_page(project: Any) -> None:
    url = reverse("posts:subscribe", kwargs={"slug": project.slug})
    for address, words in (
        ("Jane <jane@example.org>", "without a name"),
        ("jane@example.org.", "full stop"),
    ):
        response = Client().post(url, {"email": address, "frequency": "weekly"})
        assert response.status_code == 400 and words in response.content.decode()
    assert not Subscription.objects.exists()


def test_asking_twice_does_not_say_whether_an_address_is_subscribed(project: Any) -> None:
    first = subscriptions.subscribe(email="ann@example.org", project=project)
    second = subscriptions.subscribe(email="ann@example.org", project=project)
    assert first.pk == second.pk and Subscription.objects.count() == 1


def test_the_preferences_page_changes_how_often(project: Any) -> None:
    sub = subscriptions.subscribe(email="ann@example.org", project=project)
    url = reverse("posts:subscription", kwargs={"token": guards.manage_token(sub)})
    page = Client().get(url).content.decode()
    assert "a•••@example.org" in page and "ann@example.org" not in page
    Client().post(url, {"frequency": "weekly"})
    sub.refresh_from_db()
    assert sub.frequency == "weekly"


def test_the_digest_goes_in_batches_and_never_twice(project: Any) -> None:
    subs = [subscriptions.subscribe(email=f"r{i}@example.org", project=project) for i in range(7)]
    for sub in subs:
        subscriptions.confirm(token=guards.confirm_token(sub))
    mail.outbox.clear()
    with frozen_at(h.later(1)):
        _new_post(project)
    with frozen_at(h.later(2)):
        assert digest.send_digests(batch=3) == 7
        assert digest.send_digests(batch=3) == 0
    assert len(mail.outbox) == 7


def test_a_weekly_subscriber_waits_a_week(project: Any) -> None:
    sub = subscriptions.subscribe(email="w@example.org", project=project, frequency="weekly")
    subscriptions.confirm(token=guards.confirm_token(sub))
    mail.outbox.clear()
    with frozen_at(h.later(1)):
        _new_post(project)
    with frozen_at(h.later(2)):
        assert digest.send_digests() == 0
    with frozen_at(h.later(24 * 8)):
        assert digest.send_digests() == 1


def test_drafts_never_reach_an_e_mail(project: Any) -> None:
    from workings.posts import services
    from workings.projects.models import Membership

    sub = subscriptions.subscribe(email="d@example.org", project=project)
    subscriptions.confirm(token=guards.confirm_token(sub))
    lead = Membership.objects.get(project=project, role="lead").user
    with frozen_at(h.later(1)):
        services.post_create(actor=lead, project=project, title="SECRETDRAFT", body="x")
    with frozen_at(h.later(2)):
        assert digest.send_digests() == 0
    assert not any("SECRETDRAFT" in m.body for m in mail.outbox)
