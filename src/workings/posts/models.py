"""Posts (a blog per project and the site's "perspectives"), comments from the public with
their moderation, moderators, and e-mail subscriptions.

A post is public when it is published and its time has come (`publish_at <= now`, read from
the clock at every request, so scheduled posts need no timer) and, for a project post, the
project is published. Comments keep no e-mail address and no IP address; the writer of a
comment reaches it again through a private link (a signed token, never stored).
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.posts import snapshots as s

NOT_RECORDED_UUID = "the private link's key: a secret, never written to a public log"


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (only the team sees it)")
    PUBLISHED = "published", _("Published (from the date and time below)")


class Post(RecordedModel):
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=200)
    series = models.CharField(max_length=80, blank=True)
    byline = models.CharField(max_length=120)  # the author's name or pseudonym, as shown
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(max_length=50_000)
    status = models.CharField(max_length=20, choices=PostStatus.choices, default=PostStatus.DRAFT)
    publish_at = models.DateTimeField(null=True, blank=True)
    image = models.FileField(upload_to="posts/", blank=True)
    image_alt = models.CharField(max_length=300, blank=True)
    image_type = models.CharField(max_length=40, blank=True)
    image_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "image": "where the file is stored; the snapshot holds its SHA-256",
    }

    class Meta:
        ordering = ["-publish_at", "-id"]
        indexes = [models.Index(fields=["project", "status", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def snapshot(self) -> dict[str, Any]:
        return s.PostSnapshot(
            project=self.project_id,
            title=self.title,
            series=self.series,
            byline=self.byline,
            author=self.author_id,
            body=self.body,
            status=self.status,
            publish_at=self.publish_at.isoformat() if self.publish_at else None,
            image_alt=self.image_alt,
            image_type=self.image_type,
            image_sha256=self.image_sha256,
        ).fields()

    @property
    def url(self) -> str:
        from django.urls import reverse

        if self.project_id is None:
            return reverse("posts:site-detail", kwargs={"pk": self.pk})
        return reverse("posts:detail", kwargs={"slug": self.project.slug, "pk": self.pk})

    def get_absolute_url(self) -> str:
        return self.url

    def is_out(self, now: Any) -> bool:
        """Published and its time has come (the project's own publication aside)."""
        return (
            self.status == PostStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
        )


class CommentState(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    APPROVED = "approved", _("Published")
    HIDDEN = "hidden", _("Hidden by a moderator")


class HideReason(models.TextChoices):
    SPAM = "spam", _("Advertising or spam")
    ABUSE = "abuse", _("Abusive or hateful")
    PERSONAL = "personal", _("Shares someone's personal details")
    OFF_TOPIC = "off_topic", _("Not about this post")
    OTHER = "other", _("Another reason (explained to the writer)")


class AppealState(models.TextChoices):
    NONE = "", _("No appeal")
    WAITING = "waiting", _("Appeal waiting for a decision")
    UPHELD = "upheld", _("Appeal upheld: the comment is back")
    REFUSED = "refused", _("Appeal refused: the comment stays hidden")


class Comment(RecordedModel):
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="comments")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=80)
    body = models.TextField(max_length=5000)
    state = models.CharField(
        max_length=20, choices=CommentState.choices, default=CommentState.PENDING
    )
    reason = models.CharField(max_length=20, choices=HideReason.choices, blank=True)
    # What the moderator tells the writer (on the private page only, never public).
    note = models.TextField(max_length=1000, blank=True)
    appeal = models.TextField(max_length=2000, blank=True)
    appeal_state = models.CharField(
        max_length=20, choices=AppealState.choices, default=AppealState.NONE, blank=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "uuid": NOT_RECORDED_UUID,
        "note": "a moderator's words to the writer alone, shown on the private page",
    }

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["post", "state"])]

    def __str__(self) -> str:
        return self.name

    def snapshot(self) -> dict[str, Any]:
        return s.CommentSnapshot(
            post=self.post_id,
            name=self.name,
            body=self.body,
            state=self.state,
            reason=self.reason,
            appeal=self.appeal,
            appeal_state=self.appeal_state,
            moderated_by=self.moderated_by_id,
            appeal_decided_by=self.appeal_decided_by_id,
        ).fields()

    def personal_fields(self) -> frozenset[str]:
        # Words the public may not read (held or hidden, and the appeal) stay in the
        # entry's member part; the public part commits to them without showing them.
        hidden = {"appeal"}
        if self.state != CommentState.APPROVED:
            hidden |= {"body", "name"}
        return frozenset(hidden)


class Moderator(RecordedModel):
    """A member the lead asked to moderate comments (contributors can moderate)."""

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(
        "projects.Membership", on_delete=models.PROTECT, related_name="+"
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "membership"], name="posts_one_moderator")
        ]

    def snapshot(self) -> dict[str, Any]:
        return s.ModeratorSnapshot(
            project=self.project_id,
            membership=self.membership_id,
            appointed_by=self.appointed_by_id,
            active=self.active,
        ).fields()


class Scope(models.TextChoices):
    SITE = "site", _("Everything new on Workings' own blog")
    PROJECT = "project", _("Everything new from this project")
    SERIES = "series", _("New posts in this series only")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As soon as something is published")
    WEEKLY = "weekly", _("Once a week, all together")


class SubscriptionState(models.TextChoices):
    PENDING = "pending", _("Waiting for you to confirm")
    CONFIRMED = "confirmed", _("Confirmed")
    ENDED = "ended", _("Unsubscribed")


class Subscription(models.Model):
    """Not a recorded model: a reader's address is theirs, never part of a project's log."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.CharField(max_length=320)
    scope = models.CharField(max_length=20, choices=Scope.choices)
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    series = models.CharField(max_length=80, blank=True)
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    state = models.CharField(
        max_length=20, choices=SubscriptionState.choices, default=SubscriptionState.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Posts published up to this moment have been sent (the digest's high-water mark).
    sent_up_to = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "frequency", "id"])]

    def __str__(self) -> str:
        return self.scope
