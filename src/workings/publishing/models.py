"""What the public reads of a project, and what the public writes to it.

- Publication: the entry types the team keeps off the public page (every public type is
  published unless the team withholds it).
- Consent: a contributor's choice to publish their entries, per entry type (the default
  they are asked for once) or per entry (overriding the default).
- ConsentRequest: the team asking the author of one entry whether it may be published
  (asked once per entry; the answer is that entry's own consent).
- Moderator: a member the lead named to moderate comments (contributors can be).
- Comment: a comment from a member of the public, held until a moderator decides; the
  target is generic (a project, or a post of the posts app) so both share one model.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.publishing.snapshots import (
    CommentSnapshot,
    ConsentRequestSnapshot,
    ConsentSnapshot,
    ModeratorSnapshot,
    PublicationSnapshot,
)


class Publication(RecordedModel):
    project = models.OneToOneField(
        "projects.Project", on_delete=models.PROTECT, related_name="publication"
    )
    withheld_types = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"publication of project {self.project_id}"

    @property
    def withheld(self) -> frozenset[str]:
        return frozenset(self.withheld_types.split())

    def snapshot(self) -> dict[str, Any]:
        return PublicationSnapshot(
            project=self.project_id, withheld_types=self.withheld_types
        ).fields()


class Consent(RecordedModel):
    DEFAULT = -1  # ``seq`` of a contributor's default for a kind of entry

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    type = models.CharField(max_length=60)
    # The entry's number for one entry's own choice; DEFAULT for the default of a type.
    seq = models.BigIntegerField(default=-1)
    publish = models.BooleanField(default=False)

    class Meta:
        ordering = ["project_id", "user_id", "type", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user", "type", "seq"], name="one_consent_per_choice"
            ),
            models.UniqueConstraint(
                fields=["project", "user", "seq"],
                condition=models.Q(seq__gte=0),
                name="one_consent_per_entry",
            ),
        ]

    def __str__(self) -> str:
        return f"consent of {self.user_id} for {self.type} {self.seq}"

    def snapshot(self) -> dict[str, Any]:
        return ConsentSnapshot(
            project=self.project_id,
            user=self.user_id,
            type=self.type,
            seq=self.seq,
            publish=self.publish,
        ).fields()


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")


class ConsentRequest(RecordedModel):
    """The team asks a contributor about one entry they wrote. Asked once per entry: the
    contributor's answer (or their own later choice) is the entry's consent."""

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    seq = models.BigIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(max_length=1000, blank=True)
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    publish = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "answered_at": "when it was answered: the entry that recorded the answer carries it",
    }

    class Meta:
        ordering = ["project_id", "-seq"]
        constraints = [
            models.UniqueConstraint(fields=["project", "seq"], name="one_request_per_entry")
        ]
        indexes = [models.Index(fields=["author", "status"], name="consent_request_author")]

    def __str__(self) -> str:
        return f"consent request about entry {self.seq} of project {self.project_id}"

    def snapshot(self) -> dict[str, Any]:
        return ConsentRequestSnapshot(
            project=self.project_id,
            seq=self.seq,
            author=self.author_id,
            requested_by=self.requested_by_id,
            note=self.note,
            status=self.status,
            publish=self.publish,
        ).fields()


class Moderator(RecordedModel):
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["project_id", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_moderator_row")
        ]

    def __str__(self) -> str:
        return f"moderator {self.user_id} of project {self.project_id}"

    def snapshot(self) -> dict[str, Any]:
        return ModeratorSnapshot(
            project=self.project_id, user=self.user_id, active=self.active
        ).fields()


class CommentStatus(models.TextChoices):
    HELD = "held", _("Waiting for a moderator")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden by a moderator")


class HideCategory(models.TextChoices):
    SPAM = "spam", _("Advertising or spam")
    ABUSE = "abuse", _("Abusive or threatening")
    PERSONAL = "personal", _("It shares someone's private details")
    OFF_TOPIC = "off_topic", _("Not about this project")
    OTHER = "other", _("Another reason")


class AppealStatus(models.TextChoices):
    NONE = "", _("No appeal")
    OPEN = "open", _("Waiting for a moderator")
    UPHELD = "upheld", _("The comment was published after the appeal")
    REFUSED = "refused", _("The comment stays hidden after the appeal")


class TargetKind(models.TextChoices):
    PROJECT = "project", _("A project")
    POST = "post", _("A post")


class Comment(RecordedModel):
    # The project whose log records its moderation (none for a comment on a site post).
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_kind = models.CharField(max_length=20, choices=TargetKind.choices)
    target_id = models.BigIntegerField()
    name = models.CharField(max_length=80)
    body = models.TextField(max_length=5000)
    status = models.CharField(max_length=20, choices=CommentStatus.choices, default="held")
    category = models.CharField(max_length=20, choices=HideCategory.choices, blank=True)
    appeal = models.TextField(max_length=2000, blank=True)
    appeal_status = models.CharField(max_length=20, choices=AppealStatus.choices, blank=True)
    # SHA-256 of the private link's secret, given once to the commenter (no account needed).
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The entries that published it: withheld from the public again once it is hidden.
    published_seqs = models.JSONField(default=list, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "token_hash": "a secret's hash: only the commenter's private link opens it",
        "moderated_by": "who moderated is the actor of the entry that recorded it",
        "published_seqs": "the log itself holds the entries that published it",
    }

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["target_kind", "target_id", "status"], name="comment_target")
        ]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.target_kind} {self.target_id}"

    def snapshot(self) -> dict[str, Any]:
        return CommentSnapshot(
            project=self.project_id,
            target_kind=self.target_kind,
            target_id=self.target_id,
            name=self.name,
            body=self.body,
            status=self.status,
            category=self.category,
            appeal=self.appeal,
            appeal_status=self.appeal_status,
        ).fields()

    @classmethod
    def awaiting_record(cls) -> models.Q | None:
        # A held comment is not in the log until a moderator decides (a row added by SQL
        # as published still fails verification).
        return models.Q(status=CommentStatus.HELD, last_event_seq__isnull=True)

    def personal_fields(self) -> frozenset[str]:
        # An appeal is for the moderators; a hidden comment's words are not public.
        if self.status == CommentStatus.HIDDEN:
            return frozenset({"appeal", "name", "body"})
        return frozenset({"appeal"})
