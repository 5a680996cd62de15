"""Posts, comments and moderation: who may do what, what the log records, bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.posts import helpers as h
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events.models import Entry
from workings.posts import selectors, services
from workings.posts.models import Comment, Post

pytestmark = pytest.mark.django_db


def _entries(prefix: str = "posts.") -> list[str]:
    return list(Entry.objects.filter(type__startswith=prefix).values_list("type", flat=True))


class TestPosts:
    def test_a_contributor_writes_under_their_project_name(self, world: Any) -> None:
        world.memberships["contributor"].display_name = "Kestrel"
        world.memberships["contributor"].save()
        post = h.post(world)
        assert post.byline == "Kestrel"
        assert _entries() == ["posts.post_saved"]

    def test_a_pseudonym_byline_is_kept(self, world: Any) -> None:
        assert h.post(world, byline="Wren").byline == "Wren"

    def test_an_observer_and_an_outsider_cannot_write(self, world: Any) -> None:
        for role in ("observer", "outsider", "funder"):
            with pytest.raises(NotAllowed):
                h.post(world, author=role)
        assert not Post.objects.exists()

    def test_only_staff_write_perspectives(self, world: Any) -> None:
        lead = world.users["lead"]
        with pytest.raises(NotAllowed):
            services.post_create(actor=lead, project=None, title="T", body="B")
        lead.is_staff = True
        post = services.post_create(actor=lead, project=None, title="T", body="B")
        assert post.project is None and not Entry.objects.filter(type__startswith="posts.").exists()

    def test_the_lead_cannot_change_a_contributors_post(self, world: Any) -> None:
        post = h.post(world)
        with pytest.raises(NotAllowed):
            services.post_change(actor=world.users["lead"], post=post, title="Rewritten", body="x")
        post.refresh_from_db()
        assert post.title == "What we changed"

    def test_drafts_and_scheduled_posts_are_not_public(self, world: Any) -> None:
        h.published(world)
        h.post(world, status="draft", title="Draft")
        h.post(world, publish_at=h.later(), title="Tomorrow")
        h.post(world, title="Out")
        assert [p.title for p in selectors.public_posts(world.project)] == ["Out"]
        assert selectors.posts_for(world.users["observer"], world.project).count() == 3

    def test_a_scheduled_post_is_public_when_its_time_comes(self, world: Any) -> None:
        from workings.core.clock import frozen_at

        h.published(world)
        post = h.post(world, publish_at=h.later(2))
        assert not selectors.public_posts(world.project).exists()
        with frozen_at(h.later(3)):
            assert list(selectors.public_posts(world.project)) == [post]

    def test_an_unpublished_projects_posts_are_never_public(self, world: Any) -> None:
        h.post(world)
        assert not selectors.public_posts(world.project).exists()

    def test_bad_input_is_refused_with_nothing_written(self, world: Any) -> None:
        cases = [
            ({"title": ""}, "title"),
            ({"body": "<script>alert(1)</script>"}, "body"),
            ({"status": "live"}, "status"),
            ({"publish_at": "next tuesday"}, "publish_at"),
            ({"body": "x" * 50_001}, "body"),
        ]
        for extra, field in cases:
            with pytest.raises(ValidationFailed) as caught:
                h.post(world, **extra)
            assert caught.value.field == field
        assert not Post.objects.exists() and not _entries()

    def test_a_picture_needs_a_description_and_loses_its_metadata(self, world: Any) -> None:
        picture = SimpleUploadedFile("p.jpg", h.png_with_exif())
        with pytest.raises(ValidationFailed) as caught:
            h.post(world, image=picture)
        assert caught.value.field == "image_alt" and not Post.objects.exists()
        picture.seek(0)
        post = h.post(world, image=picture, image_alt="A red square")
        data = post.image.open("rb").read()
        assert post.image_type == "image/jpeg" and b"SECRETPLACEMARKER" not in data

    def test_a_file_that_is_not_a_picture_is_refused(self, world: Any) -> None:
        fake = SimpleUploadedFile("p.png", b"<html><script>x</script></html>")
        with pytest.raises(ValidationFailed) as caught:
            h.post(world, image=fake, image_alt="A picture")
        assert caught.value.field == "image" and not Post.objects.exists()


class TestComments:
    @pytest.fixture
    def post(self, world: Any) -> Any:
        h.published(world)
        return h.post(world)

    def test_a_comment_waits_for_moderation_and_keeps_no_address(self, post: Any) -> None:
        comment = services.comment_add(post=post, name="Ann", body="Thank you")
        assert comment.state == "pending" and selectors.comments_shown(post) == []
        entry = Entry.objects.get(type="posts.comment_held")
        assert "Thank you" not in str(entry.body.content)  # held words are in the member part
        names = {f.name for f in Comment._meta.get_fields()}
        assert not {"email", "ip", "ip_address"} & names

    def test_html_and_a_huge_comment_are_refused(self, post: Any) -> None:
        for body in ("<script>alert(1)</script>", "<b>hi</b>", "x" * 1_000_000):
            with pytest.raises(ValidationFailed):
                services.comment_add(post=post, name="Ann", body=body)
        assert not Comment.objects.exists()

    def test_no_comment_on_a_draft_or_an_unpublished_project(self, world: Any) -> None:
        draft = h.post(world, status="draft")
        with pytest.raises(NotFound):
            services.comment_add(post=draft, name="Ann", body="Hi")
        out = h.post(world)  # published post, unpublished project
        with pytest.raises(NotFound):
            services.comment_add(post=out, name="Ann", body="Hi")

    def test_hiding_leaves_a_tombstone_with_its_reason(self, world: Any, post: Any) -> None:
        comment = services.comment_add(post=post, name="Spammer", body="Buy now")
        with pytest.raises(ValidationFailed):
            services.comment_hide(actor=world.users["lead"], comment=comment, reason="")
        services.comment_hide(actor=world.users["lead"], comment=comment, reason="spam")
        assert selectors.comments_shown(post)[0].state == "hidden"
        assert selectors.hidden_counts(world.project) == {"spam": 1}
        entry = Entry.objects.get(type="posts.comment_hidden")
        assert entry.body.content["data"]["reason"] == "spam"
        assert "Buy now" not in str(entry.body.content)

    def test_moderators_are_the_lead_and_whom_the_lead_appoints(
        self, world: Any, post: Any
    ) -> None:
        comment = services.comment_add(post=post, name="Ann", body="Hi")
        contributor = world.users["contributor"]
        with pytest.raises(NotAllowed):
            services.comment_approve(actor=contributor, comment=comment)
        with pytest.raises(NotAllowed):  # a contributor cannot appoint themselves
            services.moderator_appoint(
                actor=contributor,
                project=world.project,
                membership=world.memberships["contributor"].pk,
            )
        services.moderator_appoint(
            actor=world.users["lead"],
            project=world.project,
            membership=world.memberships["contributor"].pk,
        )
        services.comment_approve(actor=contributor, comment=comment)
        assert [c.body for c in selectors.comments_shown(post)] == ["Hi"]
        for role in ("funder", "outsider", "other_lead"):
            with pytest.raises(NotAllowed):
                services.comment_hide(actor=world.users[role], comment=comment, reason="spam")

    def test_the_writer_appeals_and_another_moderator_decides(self, world: Any, post: Any) -> None:
        lead = world.users["lead"]
        comment = services.comment_add(post=post, name="Ann", body="I disagree")
        services.comment_hide(actor=lead, comment=comment, reason="other", note="Too sharp")
        services.comment_appeal(comment=comment, appeal="It was fair criticism")
        with pytest.raises(ValidationFailed):
            services.comment_appeal(comment=comment, appeal="Again")
        # The lead hid it: the lead may not judge their own decision.
        with pytest.raises(NotAllowed):
            services.appeal_decide(actor=lead, comment=comment, uphold=False)
        services.moderator_appoint(
            actor=lead, project=world.project, membership=world.memberships["researcher"].pk
        )
        services.appeal_decide(actor=world.users["researcher"], comment=comment, uphold=True)
        comment.refresh_from_db()
        assert comment.state == "approved" and comment.appeal_state == "upheld"

    def test_other_reason_needs_a_note(self, world: Any, post: Any) -> None:
        comment = services.comment_add(post=post, name="Ann", body="Hi")
        with pytest.raises(ValidationFailed) as caught:
            services.comment_hide(actor=world.users["lead"], comment=comment, reason="other")
        assert caught.value.field == "note"


def test_the_annex_counts_hidden_comments_for_every_audience(world: Any) -> None:
    from workings.reports import annex

    h.published(world)
    post = h.post(world)
    comment = services.comment_add(post=post, name="Spam", body="Buy")
    services.comment_hide(actor=world.users["lead"], comment=comment, reason="spam")
    built = annex.build(project=world.project, audience="public", proofs=False)
    section = next(s for s in built["sections"] if s["id"] == "tombstones")
    facts = dict(section["facts"])
    assert facts["Comments hidden because: Advertising or spam"] == "1"
    assert "Buy" not in str(built)
