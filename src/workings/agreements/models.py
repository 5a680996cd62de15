"""Agreement versions, the comments made on them and the parties' answers.

A version's words live in one JSON document (`content`), validated by validation.py, so that
the whole of what a party signs can be hashed canonically. Nothing here is ever deleted: a
changed agreement is a new version, and answers and comments stay with their version.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.agreements.snapshots import (
    AgreementCommentSnapshot,
    AgreementSignatureSnapshot,
    AgreementVersionSnapshot,
)
from workings.events.recorded import WHEN_WRITTEN, RecordedModel


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed for signing")
    IN_FORCE = "in_force", _("In force")
    SUPERSEDED = "superseded", _("Was in force; replaced by a later version")
    REPLACED = "replaced", _("Replaced by a newer draft before coming into force")


OPEN_STATUSES = (VersionStatus.DRAFT, VersionStatus.PROPOSED)


class Answer(models.TextChoices):
    AGREE = "agree", _("I agree")
    RESERVATIONS = "agree_with_reservations", _("I agree with reservations")
    DISAGREE = "do_not_agree", _("I do not agree")


AGREEING = (Answer.AGREE, Answer.RESERVATIONS)


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


class AgreementVersion(RecordedModel):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="agreement_versions"
    )
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=VersionStatus.choices)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_from = models.CharField(max_length=20)  # template | blank | version
    content = models.JSONField()
    # Optimistic concurrency: every save of a draft increments it; a save based on an older
    # revision is refused and shown both texts.
    revision = models.PositiveIntegerField(default=1)
    content_hash = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    in_force_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "updated_at": WHEN_WRITTEN,
    }

    class Meta:
        ordering = ["project_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="agreement_version_number")
        ]

    def __str__(self) -> str:
        return f"Agreement version {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:version", args=[self.project.slug, self.number])

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def snapshot(self) -> dict[str, Any]:
        return AgreementVersionSnapshot(
            project=self.project_id,
            number=self.number,
            status=self.status,
            based_on=self.based_on_id,
            started_from=self.started_from,
            content=self.content,
            revision=self.revision,
            content_hash=self.content_hash,
            created_by=self.created_by_id,
            updated_by=self.updated_by_id,
            proposed_by=self.proposed_by_id,
            proposed_at=_iso(self.proposed_at),
            in_force_at=_iso(self.in_force_at),
            ended_at=_iso(self.ended_at),
        ).fields()


class AgreementComment(RecordedModel):
    version = models.ForeignKey(AgreementVersion, on_delete=models.PROTECT, related_name="comments")
    section = models.CharField(max_length=30)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["version_id", "created_at", "id"]

    def __str__(self) -> str:
        return f"Comment on {self.section} of version {self.version_id}"

    def snapshot(self) -> dict[str, Any]:
        return AgreementCommentSnapshot(
            version=self.version_id,
            section=self.section,
            parent=self.parent_id,
            author=self.author_id,
            body=self.body,
        ).fields()


class AgreementSignature(RecordedModel):
    """One party's answer to one exact version (by its content hash). Never changed."""

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.PROTECT, related_name="signatures"
    )
    party = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(
        "projects.Membership", on_delete=models.PROTECT, related_name="+"
    )
    answer = models.CharField(max_length=30, choices=Answer.choices)
    words = models.TextField(blank=True, max_length=4000)
    content_hash = models.CharField(max_length=64)
    signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["version_id", "signed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "party"], name="one_answer_per_party")
        ]

    def __str__(self) -> str:
        return f"{self.get_answer_display()} (version {self.version_id})"

    def snapshot(self) -> dict[str, Any]:
        return AgreementSignatureSnapshot(
            version=self.version_id,
            party=self.party_id,
            membership=self.membership_id,
            answer=self.answer,
            words=self.words,
            content_hash=self.content_hash,
            signed_at=_iso(self.signed_at),
        ).fields()
