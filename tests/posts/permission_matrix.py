"""Matrix entries for posts, written by hand from the rules (posts/permissions.py):

- the world project is not published: its blog, posts and feed are for its members and the
  funder's reviewer only, and nobody can comment on them yet;
- the project's posts are written by members who write entries (lead, researcher,
  contributor) and changed only by their author (here the contributor);
- the lead moderates and chooses the moderators (no one else is appointed here);
- the site's blog ("perspectives") is public; only staff (no role here) write or moderate;
- the private links (a comment's page, confirming, preferences, unsubscribing) work for
  whoever holds them, signed in or not.
"""

from __future__ import annotations

from typing import Any

from tests.matrix import (
    ALL,
    CONTRIBUTOR,
    LEAD,
    MEMBERS,
    NOBODY,
    RESEARCHER,
    Case,
    slug_kwargs,
)

WRITERS = frozenset({CONTRIBUTOR, RESEARCHER, LEAD})
AUTHOR = frozenset({CONTRIBUTOR})
LEAD_ONLY = frozenset({LEAD})


def setup(world: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import make_user
    from tests.posts.helpers import png_with_exif
    from workings.posts import guards, services, subscriptions

    project = world.project
    contributor = world.users["contributor"]
    picture = SimpleUploadedFile("p.jpg", png_with_exif())
    post = services.post_create(
        actor=contributor,
        project=project,
        title="Ours",
        body="Text",
        status="published",
        image=picture,
        image_alt="A red square",
    )
    # A comment needs a published project; the world project is then unpublished again.
    project.is_published = True
    comment = services.comment_add(post=post, name="Ann", body="Hello")
    project.is_published = False
    staff = make_user("staff@example.org", "Sam Staff")
    staff.is_staff = True
    staff.save()
    picture.seek(0)
    site_post = services.post_create(
        actor=staff,
        project=None,
        title="Perspective",
        body="Why",
        status="published",
        image=SimpleUploadedFile("s.jpg", png_with_exif()),
        image_alt="A red square",
    )
    subscription = subscriptions.subscribe(email="reader@example.net")
    world.extra.update(
        posts_post=post,
        posts_comment=comment,
        posts_site_post=site_post,
        posts_comment_token=guards.comment_token(comment),
        posts_confirm_token=guards.confirm_token(subscription),
        posts_manage_token=guards.manage_token(subscription),
    )


def _post(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.extra["posts_post"].pk}


def _site_post(world: Any) -> dict[str, Any]:
    return {"pk": world.extra["posts_site_post"].pk}


def _token(key: str) -> Any:
    return lambda w: {"token": w.extra[key]}


def _post_data(world: Any) -> dict[str, Any]:
    return {"title": "Hi", "body": "Text", "status": "draft"}


CASES: dict[str, Case] = {
    "posts:list": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "posts:new": Case(get=WRITERS, post=WRITERS, kwargs=slug_kwargs, post_data=_post_data),
    "posts:detail": Case(get=MEMBERS, post=NOBODY, kwargs=_post),
    "posts:edit": Case(get=AUTHOR, post=AUTHOR, kwargs=_post, post_data=_post_data),
    "posts:image": Case(get=MEMBERS, post=None, kwargs=_post),
    "posts:feed": Case(get=NOBODY, post=None, kwargs=slug_kwargs),
    "posts:moderation": Case(
        get=LEAD_ONLY,
        post=LEAD_ONLY,
        kwargs=slug_kwargs,
        post_data=lambda w: {"comment": w.extra["posts_comment"].pk, "action": "none"},
    ),
    "posts:moderators": Case(
        get=LEAD_ONLY,
        post=LEAD_ONLY,
        kwargs=slug_kwargs,
        post_data=lambda w: {"membership": w.memberships["contributor"].pk},
    ),
    "posts:subscribe": Case(
        get=MEMBERS,
        post=MEMBERS,
        kwargs=slug_kwargs,
        post_data=lambda w: {"email": "r@example.net", "frequency": "weekly"},
    ),
    "posts:site-list": Case(get=ALL, post=None),
    "posts:site-new": Case(get=NOBODY, post=NOBODY, post_data=_post_data),
    "posts:site-detail": Case(get=ALL, post=ALL, kwargs=_site_post),
    "posts:site-edit": Case(get=NOBODY, post=NOBODY, kwargs=_site_post, post_data=_post_data),
    "posts:site-image": Case(get=ALL, post=None, kwargs=_site_post),
    "posts:site-feed": Case(get=ALL, post=None),
    "posts:site-moderation": Case(get=NOBODY, post=NOBODY),
    "posts:site-subscribe": Case(
        get=ALL, post=ALL, post_data=lambda w: {"email": "r@example.net", "frequency": "weekly"}
    ),
    "posts:comment": Case(get=ALL, post=ALL, kwargs=_token("posts_comment_token")),
    "posts:confirm": Case(get=ALL, post=ALL, kwargs=_token("posts_confirm_token")),
    "posts:subscription": Case(
        get=ALL,
        post=ALL,
        kwargs=_token("posts_manage_token"),
        post_data=lambda w: {"frequency": "weekly"},
    ),
    "posts:unsubscribe": Case(get=ALL, post=ALL, kwargs=_token("posts_manage_token")),
}
