"""Writing a post, commenting on one and subscribing: every rule the service checks comes
back at once, each linked to its field from the error summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.core.error_summary import assert_linked
from tests.posts import helpers as h
from workings.core.exceptions import ValidationFailed
from workings.posts import subscriptions
from workings.posts.models import Comment, Post

pytestmark = pytest.mark.django_db


def test_a_new_post_with_two_broken_rules_hears_of_both(world: Any) -> None:
    client = Client()
    client.force_login(world.users["researcher"])
    response = client.post(
        reverse("posts:new", kwargs={"slug": world.project.slug}),
        {
            "title": "<h1>News</h1>",
            "byline": "<i>Sam</i>",
            "body": "Text",
            "status": "draft",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_title", "HTML")
    assert_linked(page, "id_byline", "HTML")
    assert not Post.objects.exists()


def test_editing_a_post_with_two_broken_rules_hears_of_both(world: Any) -> None:
    post = h.post(world, author="researcher")
    client = Client()
    client.force_login(world.users["researcher"])
    response = client.post(
        reverse("posts:edit", kwargs={"slug": world.project.slug, "pk": post.pk}),
        {"title": "News", "series": "<b>Lessons</b>", "body": "<p>Text</p>", "status": "draft"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_series", "HTML")
    assert_linked(page, "id_body", "HTML")
    post.refresh_from_db()
    assert post.title == "What we changed"


def test_a_comment_with_two_broken_rules_hears_of_both(world: Any) -> None:
    h.published(world)
    post = h.post(world)
    response = Client().post(post.url, {"name": "<b>Ann</b>", "body": "<script>x</script>"})
    assert response.status_code == 400
    page = response.content.decode()
    assert_linked(page, "id_name", "HTML")
    assert_linked(page, "id_body", "HTML")
    assert not Comment.objects.exists()


def test_subscribing_with_two_broken_rules_hears_of_both(world: Any) -> None:
    # The page offers only the allowed choices; the service still checks them all at once.
    project = h.published(world)
    with pytest.raises(ValidationFailed) as caught:
        subscriptions.subscribe(
            email="not an address", project=project, series="No such series", frequency="hourly"
        )
    assert [p.field for p in caught.value.problems] == ["email", "series", "frequency"]


def test_hiding_a_comment_with_two_broken_rules_hears_of_both(world: Any) -> None:
    # The page offers only the listed reasons; the service still checks everything at once.
    from workings.posts import services

    h.published(world)
    comment = services.comment_add(post=h.post(world), name="Ann", body="Hello")
    with pytest.raises(ValidationFailed) as caught:
        services.comment_hide(
            actor=world.users["lead"], comment=comment, reason="rude", note="<b>why</b>"
        )
    assert [p.field for p in caught.value.problems] == ["reason", "note"]
    comment.refresh_from_db()
    assert comment.state != "hidden"
