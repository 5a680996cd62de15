"""Reads for posts: which posts a reader may see, a post's comments with their tombstones,
what waits for moderation, and the posts a subscriber has not been sent yet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from workings.core import clock
from workings.posts.models import (
    AppealState,
    Comment,
    CommentState,
    Moderator,
    Post,
    PostStatus,
    Scope,
    Subscription,
)
from workings.posts.permissions import posts_policy

PAGE = 20


def out_now(now: dt.datetime | None = None) -> Q:
    """Published and its time has come: checked by the clock on every read, so a scheduled
    post appears when its time comes with no timer or worker involved."""
    return Q(status=PostStatus.PUBLISHED, publish_at__lte=now or clock.now())


def public_posts(project: Any | None) -> QuerySet[Post]:
    posts = Post.objects.filter(out_now()).select_related("project")
    if project is None:
        return posts.filter(project=None)
    if not project.is_published:
        return posts.none()
    return posts.filter(project=project)


def posts_for(user: Any, project: Any | None) -> QuerySet[Post]:
    """The blog as this reader sees it: the team sees drafts and scheduled posts too."""
    if posts_policy.is_team(user, project):
        return Post.objects.filter(project=project).select_related("project")
    return public_posts(project)


def with_comment_counts(posts: QuerySet[Post]) -> QuerySet[Post]:
    return posts.annotate(
        shown=Count("comments", filter=Q(comments__state=CommentState.APPROVED)),
        hidden=Count("comments", filter=Q(comments__state=CommentState.HIDDEN)),
    )


def comments_shown(post: Post) -> list[Comment]:
    """Published comments and the tombstones of hidden ones, in the order they came."""
    return list(
        Comment.objects.filter(post=post, state__in=(CommentState.APPROVED, CommentState.HIDDEN))
    )


def waiting(project: Any | None) -> QuerySet[Comment]:
    return Comment.objects.filter(post__project=project, state=CommentState.PENDING).select_related(
        "post"
    )


def appeals(project: Any | None) -> QuerySet[Comment]:
    return Comment.objects.filter(
        post__project=project, state=CommentState.HIDDEN, appeal_state=AppealState.WAITING
    ).select_related("post")


def hidden_counts(project: Any) -> dict[str, int]:
    """Hidden comments by reason category (for the annex and exports)."""
    rows = (
        Comment.objects.filter(post__project=project, state=CommentState.HIDDEN)
        .values_list("reason")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def moderators(project: Any) -> QuerySet[Moderator]:
    return Moderator.objects.filter(project=project, active=True).select_related("membership__user")


def series_names(project: Any | None) -> list[str]:
    return sorted(set(public_posts(project).exclude(series="").values_list("series", flat=True)))


def describe(subscription: Subscription) -> str:
    """What a subscription is to, in words for the e-mails and pages."""
    place = subscription.project.title if subscription.project else _("Workings' blog")
    if subscription.scope == Scope.SERIES:
        return _("the series “%(series)s” on %(place)s") % {
            "series": subscription.series,
            "place": place,
        }
    return str(place)


def news_for(subscription: Subscription, until: dt.datetime) -> list[Post]:
    """Posts published since the last e-mail, up to `until` (oldest first)."""
    posts = public_posts(subscription.project).filter(publish_at__lte=until)
    if subscription.sent_up_to is not None:
        posts = posts.filter(publish_at__gt=subscription.sent_up_to)
    else:
        posts = posts.filter(publish_at__gt=subscription.confirmed_at or until)
    if subscription.scope == Scope.SERIES:
        posts = posts.filter(series=subscription.series)
    return list(posts.order_by("publish_at", "id")[:PAGE])
