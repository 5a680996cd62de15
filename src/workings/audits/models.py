"""Audits of a project's involvement: the figures computed from its record at the time, the
self-assessments of both sides, findings with their actions (tracked as milestones of the
plan), and the signature that closes the audit.

Every row is recorded (its latest event holds its snapshot, declared in snapshots.py)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.audits.standards import Standard
from workings.core import clock
from workings.events.recorded import WHEN_WRITTEN, RecordedModel


class AuditKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    ON_DEMAND = "on_demand", _("Asked for")


class AuditStatus(models.TextChoices):
    OPEN = "open", _("Open for self-assessments and findings")
    SIGNED = "signed", _("Signed")


class Side(models.TextChoices):
    CONTRIBUTORS = "contributors", _("Public contributors")
    RESEARCHERS = "researchers", _("Research team")


class Audit(RecordedModel):
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=AuditKind.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_on = models.DateField()
    # The figures computed from the record when the audit was opened (figures.py).
    figures = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=AuditStatus.choices, default=AuditStatus.OPEN)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_on = models.DateField(null=True, blank=True)
    statement = models.TextField(max_length=3000, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="audit_number_once")
        ]

    def __str__(self) -> str:
        return f"Audit {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("audits:detail", args=[self.project.slug, self.pk])

    def snapshot(self) -> dict[str, Any]:
        from workings.audits.snapshots import AuditSnapshot

        return AuditSnapshot(
            project=self.project_id,
            number=self.number,
            kind=self.kind,
            requested_by=self.requested_by_id,
            opened_on=self.opened_on.isoformat(),
            figures=self.figures,
            status=self.status,
            signed_by=self.signed_by_id,
            signed_on=self.signed_on.isoformat() if self.signed_on else None,
            statement=self.statement,
        ).fields()


class SelfAssessment(RecordedModel):
    """One person's ratings of the project against the six standards, given once per audit.
    Private: pages and the API show only each side's totals (and none under three answers);
    the sealed log entry is read by the funder's reviewers only."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="assessments")
    side = models.CharField(max_length=20, choices=Side.choices)
    membership = models.ForeignKey(
        "projects.Membership", on_delete=models.PROTECT, related_name="+"
    )
    anonymous = models.BooleanField(default=False)
    ratings = models.JSONField()  # standard key -> 1..5
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["audit_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "membership"], name="self_assessment_once")
        ]

    def __str__(self) -> str:
        return f"{self.audit} {self.side}"

    def snapshot(self) -> dict[str, Any]:
        from workings.audits.snapshots import SelfAssessmentSnapshot

        return SelfAssessmentSnapshot(
            audit=self.audit_id,
            side=self.side,
            membership=self.membership_id,
            anonymous=self.anonymous,
            ratings=self.ratings,
        ).fields()


class Finding(RecordedModel):
    """What the audit found, under one standard, with the action agreed: a milestone of
    kind "action" in the plan, with its owner and due date."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="findings")
    standard = models.CharField(max_length=30, choices=Standard.choices)
    text = models.TextField(max_length=3000)
    action = models.OneToOneField(
        "plans.Milestone", on_delete=models.PROTECT, related_name="finding"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["audit_id", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    def snapshot(self) -> dict[str, Any]:
        from workings.audits.snapshots import FindingSnapshot

        return FindingSnapshot(
            audit=self.audit_id,
            standard=self.standard,
            text=self.text,
            action=self.action_id,
            written_by=self.written_by_id,
        ).fields()
