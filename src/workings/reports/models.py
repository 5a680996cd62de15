"""Reports' own rows: right-of-reply rounds and answers, registrations (frozen annexes),
GRIPP2 narrative versions, and finished annex files kept for reuse."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import RecordedModel
from workings.reports.snapshots import (
    NarrativeVersionSnapshot,
    RegistrationSnapshot,
    ReplyAnswerSnapshot,
    ReplyRoundSnapshot,
)


class ReplyRound(RecordedModel):
    """A right-of-reply window opened before an annex is issued for a grant application."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="reply_rounds"
    )
    purpose = models.CharField(max_length=200)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_on = models.DateField()
    closes_on = models.DateField()  # last day on which a reply is accepted
    # Who was offered the right of reply: current contributors when the round opened.
    invited = models.JSONField(default=list)

    class Meta:
        ordering = ["-opened_on", "-id"]

    def snapshot(self) -> dict[str, Any]:
        return ReplyRoundSnapshot(
            project=self.project_id,
            purpose=self.purpose,
            opened_by=self.opened_by_id,
            opened_on=self.opened_on.isoformat(),
            closes_on=self.closes_on.isoformat(),
            invited=list(self.invited),
        ).fields()


class ReplyAnswer(RecordedModel):
    class Kind(models.TextChoices):
        REPLY = "reply", _("Added a statement")
        DECLINE = "decline", _("Declined to add a statement")

    round = models.ForeignKey(ReplyRound, on_delete=models.PROTECT, related_name="answers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    statement = models.TextField(blank=True, max_length=10000)
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["answered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_answer_per_person")
        ]

    def snapshot(self) -> dict[str, Any]:
        return ReplyAnswerSnapshot(
            round=self.round_id,
            user=self.user_id,
            kind=self.kind,
            statement=self.statement,
            answered_at=self.answered_at.isoformat(),
        ).fields()


class Registration(RecordedModel):
    """A frozen, signed annex. Never edited or deleted; a withdrawal leaves a tombstone."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="registrations"
    )
    audience = models.CharField(max_length=10)
    checkpoint_size = models.BigIntegerField()
    annex_json = models.TextField()
    annex_sha256 = models.CharField(max_length=64)
    title = models.CharField(max_length=200)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "annex_json": "committed by annex_sha256, which the verifier checks it against",
    }

    class Meta:
        ordering = ["-registered_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "checkpoint_size", "audience"], name="register_once"
            )
        ]

    def __str__(self) -> str:
        return f"Registration {self.uuid}"

    def get_absolute_url(self) -> str:
        return reverse("reports:registration", args=[self.uuid])

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("Registrations are permanent: withdraw one instead.")

    def integrity_problems(self) -> list[str]:
        if hashlib.sha256(self.annex_json.encode()).hexdigest() != self.annex_sha256:
            return ["field annex_json does not match its SHA-256 (annex_sha256)"]
        return []

    def snapshot(self) -> dict[str, Any]:
        # The annex itself is committed to by its hash; the JSON is kept beside the log.
        return RegistrationSnapshot(
            uuid=str(self.uuid),
            project=self.project_id,
            audience=self.audience,
            checkpoint_size=self.checkpoint_size,
            annex_sha256=self.annex_sha256,
            title=self.title,
            registered_by=self.registered_by_id,
            registered_at=self.registered_at.isoformat(),
            withdrawn_at=self.withdrawn_at.isoformat() if self.withdrawn_at else None,
            withdrawn_reason=self.withdrawn_reason,
            withdrawn_by=self.withdrawn_by_id,
        ).fields()


class NarrativeVersion(RecordedModel):
    """One saved version of a project's co-written GRIPP2 narrative."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="gripp2_narratives"
    )
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=50000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["project_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="narrative_version_unique")
        ]

    def snapshot(self) -> dict[str, Any]:
        return NarrativeVersionSnapshot(
            project=self.project_id,
            number=self.number,
            text=self.text,
            author=self.author_id,
            saved_at=self.saved_at.isoformat(),
        ).fields()


class AnnexFile(models.Model):
    """A made (or being made) annex file, reused for the same project, checkpoint, audience,
    format and template version, so a large PDF is never made twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="annex_files"
    )
    audience = models.CharField(max_length=10)
    checkpoint_size = models.BigIntegerField()
    fmt = models.CharField(max_length=10)
    template_version = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    stage = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    data = models.BinaryField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "audience", "checkpoint_size", "fmt", "template_version"],
                name="annex_file_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.fmt} annex for {self.audience} at {self.checkpoint_size}"
