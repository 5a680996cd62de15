"""Verification requests: a funder reviewer's list of claims from a project's involvement
section, sent to every current and former contributor, each answering each claim privately.

Rows and what they record (snapshots.py):
- VerificationRequest and Claim: the request as drafted, edited, sent and closed;
- Recipient: who was asked (current and former contributors). Whether and when they
  answered is deliberately *not* recorded: an anonymous answer must not be tied back to its
  person through the log (docs/decisions/verification-audiences.md);
- Response and Answer: one person's answers (sealed). An anonymous response has no person;
- Result: the counts written when the request closed (public).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.core import clock
from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.verification.snapshots import (
    AnswerSnapshot,
    ClaimSnapshot,
    RecipientSnapshot,
    RequestSnapshot,
    ResponseSnapshot,
    ResultSnapshot,
)

CLAIM_MAX = 1000
COMMENT_MAX = 3000
MAX_CLAIMS = 60
# The team sees counts only when at least this many people answered.
MIN_ANSWERS_SHOWN = 3

NOT_TIED = (
    "deliberately unrecorded: it would tie an anonymous answer to its person "
    "(docs/decisions/verification-audiences.md)"
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Source(models.TextChoices):
    INVOLVEMENT = "involvement", _("The approved public involvement section")
    ANNEX = "annex", _("Text from the co-production annex")


class Choice(models.TextChoices):
    CONFIRM = "confirm", _("Yes, this is right")
    PARTLY = "partly", _("Partly right")
    DISPUTE = "dispute", _("No, this is not right")
    UNSURE = "unsure", _("I don't know")


class VerificationRequest(RecordedModel):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="verification_requests"
    )
    title = models.CharField(max_length=200)
    source = models.CharField(max_length=20, choices=Source.choices)
    source_version = models.PositiveIntegerField(null=True, blank=True)
    deadline = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    sent_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("verification:detail", args=[self.project.slug, self.pk])

    def snapshot(self) -> dict[str, Any]:
        return RequestSnapshot(
            project=self.project_id,
            title=self.title,
            source=self.source,
            source_version=self.source_version,
            deadline=self.deadline.isoformat(),
            status=self.status,
            created_by=self.created_by_id,
            sent_on=self.sent_on.isoformat() if self.sent_on else None,
            closed_on=self.closed_on.isoformat() if self.closed_on else None,
        ).fields()


class Claim(RecordedModel):
    request = models.ForeignKey(
        VerificationRequest, on_delete=models.PROTECT, related_name="claims"
    )
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=CLAIM_MAX)
    # Claims taken out while the request was prepared keep their row (nothing is deleted).
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["request_id", "removed", "number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    def snapshot(self) -> dict[str, Any]:
        return ClaimSnapshot(
            request=self.request_id, number=self.number, text=self.text, removed=self.removed
        ).fields()


class Recipient(RecordedModel):
    request = models.ForeignKey(
        VerificationRequest, on_delete=models.PROTECT, related_name="recipients"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    former = models.BooleanField(default=False)
    # A former contributor's one-time link: only its SHA-256 is kept.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    answered = models.BooleanField(default=False)
    reminded_on = models.DateField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "token_hash": "a secret's hash, never written to the log",
        "token_expires_at": "belongs to the secret link, never written to the log",
        "answered": NOT_TIED,
        "reminded_on": NOT_TIED,
    }
    snapshot_keys: ClassVar[dict[str, str]] = {"user": "person"}

    class Meta:
        ordering = ["request_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "user"], name="verification_asked_once")
        ]

    def __str__(self) -> str:
        return f"Recipient {self.user_id} of {self.request_id}"

    def snapshot(self) -> dict[str, Any]:
        return RecipientSnapshot(
            request=self.request_id, person=self.user_id, former=self.former
        ).fields()


class Response(RecordedModel):
    request = models.ForeignKey(
        VerificationRequest, on_delete=models.PROTECT, related_name="responses"
    )
    # None: answered anonymously to the funder.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["request_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "person"],
                condition=Q(person__isnull=False),
                name="verification_named_response_once",
            )
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.request_id}"

    def snapshot(self) -> dict[str, Any]:
        return ResponseSnapshot(request=self.request_id, person=self.person_id).fields()


class Answer(RecordedModel):
    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="answers")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="answers")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX)
    comment_in_annex = models.BooleanField(default=False)

    class Meta:
        ordering = ["response_id", "claim_id"]

    def __str__(self) -> str:
        return f"{self.choice} on claim {self.claim_id}"

    def snapshot(self) -> dict[str, Any]:
        return AnswerSnapshot(
            response=self.response_id,
            claim=self.claim_id,
            choice=self.choice,
            comment=self.comment,
            comment_in_annex=self.comment_in_annex,
        ).fields()


class Result(RecordedModel):
    request = models.OneToOneField(
        VerificationRequest, on_delete=models.PROTECT, related_name="result"
    )
    asked = models.PositiveIntegerField()
    answered = models.PositiveIntegerField()
    shown = models.BooleanField()
    counts = models.JSONField(default=list)
    disputed = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"Result of {self.request_id}"

    def snapshot(self) -> dict[str, Any]:
        return ResultSnapshot(
            request=self.request_id,
            asked=self.asked,
            answered=self.answered,
            shown=self.shown,
            counts=list(self.counts),
            disputed=list(self.disputed),
        ).fields()
