"""The pages and feeds, checked by what they contain."""

from __future__ import annotations

from typing import Any

import pytest
from defusedxml import ElementTree as ET
from django.test import Client, override_settings
from django.urls import reverse

from tests.posts import helpers as h
from workings.posts import services
from workings.posts.models import Comment

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def post(world: Any) -> Any:
    h.published(world)
    h.post(world, title="SECRETDRAFTTITLE", status="draft")
    h.post(world, title="SCHEDULEDTITLE", publish_at=h.later())
    return h.post(world, title="Out now", body="Hello *world* <3", series="Lessons")


def _text(response: Any) -> str:
    return response.content.decode()


def test_the_public_sees_published_posts_only(post: Any, world: Any) -> None:
    page = _text(Client().get(reverse("posts:list", kwargs={"slug": world.project.slug})))
    assert "Out now" in page and "SECRETDRAFTTITLE" not in page and "SCHEDULEDTITLE" not in page
    team = _text(
        h_client(world, "observer").get(reverse("posts:list", kwargs={"slug": world.project.slug}))
    )
    assert "SECRETDRAFTTITLE" in team and "scheduled" in team


def h_client(world: Any, role: str) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def test_an_unpublished_projects_blog_and_feed_are_not_found(world: Any) -> None:
    h.post(world, title="Out but private")
    for name in ("posts:list", "posts:feed"):
        response = Client().get(reverse(name, kwargs={"slug": world.project.slug}))
        assert response.status_code == 404 and "Out but private" not in _text(response)


def test_the_atom_feed_is_valid_and_public_only(post: Any, world: Any) -> None:
    response = h_client(world, "lead").get(
        reverse("posts:feed", kwargs={"slug": world.project.slug})
    )
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == ATOM + "feed"
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (here the
    # feed's, so every entry has one); each entry exactly one id, title and updated.
    for name in ("id", "title", "updated"):
        assert len(root.findall(ATOM + name)) == 1, name
    assert root.find(ATOM + "author/" + ATOM + "name") is not None
    assert any(link.get("rel") == "alternate" for link in root.findall(ATOM + "link"))
    entries = root.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "title") for e in entries] == ["Out now"]
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + name)) == 1, name
        assert entry.find(ATOM + "link").get("href").startswith("http")
        assert entry.findtext(ATOM + "author/" + ATOM + "name")
    assert b"SECRETDRAFTTITLE" not in response.content and b"SCHEDULEDTITLE" not in response.content


def test_the_site_feed_is_valid(world: Any) -> None:
    world.users["lead"].is_staff = True
    services.post_create(
        actor=world.users["lead"], project=None, title="Why", body="B", status="published"
    )
    root = ET.fromstring(Client().get(reverse("posts:site-feed")).content)
    assert root.findtext(ATOM + "entry/" + ATOM + "title") == "Why"


def test_markdown_is_rendered_and_html_escaped(post: Any, world: Any) -> None:
    page = _text(Client().get(post.url))
    assert "<em>world</em>" in page and "<3" not in page.split("post-body")[1].split("</div>")[0]


def test_a_comment_goes_to_moderation_then_shows(post: Any, world: Any) -> None:
    response = Client().post(post.url, {"name": "Ann", "body": "Thanks for this"})
    assert response.status_code == 302
    own = Client().get(response["Location"])
    assert "waiting for a moderator" in _text(own) and "Thanks for this" in _text(own)
    assert "Thanks for this" not in _text(Client().get(post.url))
    moderation = reverse("posts:moderation", kwargs={"slug": world.project.slug})
    lead = h_client(world, "lead")
    assert "Thanks for this" in _text(lead.get(moderation))
    comment = Comment.objects.get()
    lead.post(moderation, {"comment": comment.pk, "action": "approve"})
    assert "Thanks for this" in _text(Client().get(post.url))


def test_a_hidden_comment_leaves_a_tombstone_and_can_be_appealed(post: Any, world: Any) -> None:
    response = Client().post(post.url, {"name": "Ann", "body": "HIDDENWORDS"})
    own_url = response["Location"].split("?")[0]
    moderation = reverse("posts:moderation", kwargs={"slug": world.project.slug})
    comment = Comment.objects.get()
    h_client(world, "lead").post(
        moderation, {"comment": comment.pk, "action": "hide", "reason": "off_topic"}
    )
    public = _text(Client().get(post.url))
    assert "HIDDENWORDS" not in public and "hidden by a moderator" in public
    assert "Not about this post" in public
    own = _text(Client().get(own_url))
    assert "HIDDENWORDS" in own and "Appeal" in own
    Client().post(own_url, {"appeal": "It was on topic"})
    comment.refresh_from_db()
    assert comment.appeal_state == "waiting"


def test_the_honeypot_keeps_nothing(post: Any) -> None:
    response = Client().post(post.url, {"name": "Bot", "body": "Buy", "website": "http://spam"})
    assert response.status_code == 302 and not Comment.objects.exists()


@override_settings(WORKINGS_POSTS_RATE_LIMITS={"comment": 2})
def test_a_flood_of_comments_is_slowed_down(post: Any) -> None:
    from django.core.cache import cache

    cache.clear()
    codes = [
        Client().post(post.url, {"name": "Ann", "body": f"Comment {i}"}).status_code
        for i in range(4)
    ]
    assert codes == [302, 302, 429, 429]
    assert Comment.objects.count() == 2
    cache.clear()


def test_a_huge_comment_gets_a_clear_message(post: Any) -> None:
    response = Client().post(post.url, {"name": "Ann", "body": "x" * 1_000_000})
    assert response.status_code == 400 and "the limit is 5,000" in _text(response)
    assert not Comment.objects.exists()


def test_script_in_a_comment_is_refused(post: Any) -> None:
    response = Client().post(post.url, {"name": "Ann", "body": "<script>alert(1)</script>"})
    assert response.status_code == 400 and "HTML tags" in _text(response)


def test_a_post_with_a_picture_shows_its_description(world: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    h.published(world)
    picture = SimpleUploadedFile("p.jpg", h.png_with_exif())
    post = h.post(world, image=picture, image_alt="A red square")
    page = _text(Client().get(post.url))
    assert 'alt="A red square"' in page
    image = Client().get(reverse("posts:image", kwargs={"slug": world.project.slug, "pk": post.pk}))
    assert image["Content-Type"] == "image/jpeg"


def test_the_write_form_works(world: Any) -> None:
    client = h_client(world, "researcher")
    url = reverse("posts:new", kwargs={"slug": world.project.slug})
    assert "Describe the picture" in _text(client.get(url))
    response = client.post(url, {"title": "Hi", "body": "Text", "status": "draft"})
    assert response.status_code == 302
    bad = client.post(url, {"title": "", "body": "Text", "status": "draft"})
    assert bad.status_code == 400 and "Title" in _text(bad)
