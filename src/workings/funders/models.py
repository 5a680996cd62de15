"""Funder organisations, the people they appoint, the projects that name them, and the log
of every read of sealed content.

An organisation is site-level: only a site administrator creates one (`workings funders add`
or the admin site). Its admins appoint its reviewers; a project names its funder and the
organisation's admins confirm it. Only the confirmed organisation's current reviewers act as
the project's funder reviewers (see projects.permissions.register_reviewer_source).
Appointments are ended, never deleted, so who could read what, and when, stays answerable.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.funders.snapshots import ProjectFunderSnapshot, SealedReadSnapshot

DEFAULT_AUDIT_INTERVAL_MONTHS = 12
DEFAULT_RESPONSE_DAYS = 14


class FunderOrganisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The organisation's settings (its admins change them; docs/decisions/funder-settings.md).
    disagreement_procedure = models.TextField(_("default disagreement procedure"), blank=True)
    audit_interval_months = models.PositiveSmallIntegerField(
        _("months between audits"), default=DEFAULT_AUDIT_INTERVAL_MONTHS
    )
    response_days = models.PositiveSmallIntegerField(
        _("days a team has to respond"), default=DEFAULT_RESPONSE_DAYS
    )
    settings_changed_at = models.DateTimeField(null=True, blank=True)
    # The public half of the organisation's witness key (C2SP tlog-cosignature); the private
    # half is a file outside the database (docs/decisions/witness-keys.md).
    witness_key = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funders:detail", args=[self.slug])


class AppointmentKind(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    REVIEWER = "reviewer", _("Reviewer")
    INDEPENDENT = "independent", _("Independent reviewer")


# Appointments that make someone a reader of the sealed concerns of the organisation's projects.
READER_KINDS = frozenset({AppointmentKind.REVIEWER, AppointmentKind.INDEPENDENT})


class Appointment(models.Model):
    """One person in one post at one organisation, from started_at until ended_at."""

    organisation = models.ForeignKey(
        FunderOrganisation, on_delete=models.PROTECT, related_name="appointments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="funder_appointments"
    )
    kind = models.CharField(max_length=20, choices=AppointmentKind.choices)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # None: appointed by a site administrator (command line or admin site).
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    end_reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["organisation_id", "kind", "started_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "kind"],
                condition=Q(ended_at__isnull=True),
                name="one_current_appointment_per_post",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_kind_display()}, {self.organisation})"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None

    @property
    def label(self) -> str:
        return f"{self.user.display_name or self.user.name}, {self.organisation.name}"


class ProjectFunder(RecordedModel):
    """A project naming its funder organisation, and the organisation's answer."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the funder to confirm")
        CONFIRMED = "confirmed", _("Confirmed by the funder")
        DECLINED = "declined", _("Declined by the funder")
        WITHDRAWN = "withdrawn", _("Withdrawn by the project")
        REPLACED = "replaced", _("Replaced by another funder")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="funder_links"
    )
    organisation = models.ForeignKey(
        FunderOrganisation, on_delete=models.PROTECT, related_name="project_links"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    named_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {"named_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "named_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(status="confirmed"),
                name="one_confirmed_funder_per_project",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(status="proposed"),
                name="one_proposed_funder_per_project",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} for {self.project} ({self.get_status_display()})"

    def snapshot(self) -> dict[str, Any]:
        return ProjectFunderSnapshot(
            project=self.project_id,
            organisation=self.organisation_id,
            status=self.status,
            named_by=self.named_by_id,
            answered_by=self.answered_by_id,
            answered_at=self.answered_at.isoformat() if self.answered_at else None,
            ended_at=self.ended_at.isoformat() if self.ended_at else None,
        ).fields()


class SealedRead(RecordedModel):
    """Someone read sealed content (a confidential or anonymous concern, or a sealed log
    entry). One row per reader, thing read and day; its sealed log entry makes the read
    itself undeniable. Shown to the concern's raiser."""

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # What was read: "concern:<id>", or "entry:<seq>" for a sealed entry about no concern.
    subject = models.CharField(max_length=40)
    concern_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # How the reader is named to the raiser, as they were when they read it.
    reader_label = models.CharField(max_length=300)
    day = models.DateField()
    first_read_at = models.DateTimeField()
    via = models.CharField(max_length=20)  # page | api | log

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "first_read_at": WHEN_WRITTEN + " (day holds the day)",
    }
    snapshot_keys: ClassVar[dict[str, str]] = {"concern_id": "concern"}

    class Meta:
        ordering = ["project_id", "day", "first_read_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "reader", "subject", "day"],
                name="one_sealed_read_per_reader_thing_day",
            )
        ]

    def __str__(self) -> str:
        return f"Read by {self.reader_label} on {self.day}"

    def snapshot(self) -> dict[str, Any]:
        return SealedReadSnapshot(
            project=self.project_id,
            reader=self.reader_id,
            subject=self.subject,
            concern=self.concern_id,
            reader_label=self.reader_label,
            day=self.day.isoformat(),
            via=self.via,
        ).fields()


class WitnessAlarm(models.Model):
    """The organisation's witness found a project's log inconsistent with what it cosigned
    before: history rewritten, or different people shown different logs. Kept for good,
    shown on the portfolio until it is resolved, e-mailed to the reviewers and recorded
    in the project's log."""

    organisation = models.ForeignKey(
        FunderOrganisation, on_delete=models.PROTECT, related_name="witness_alarms"
    )
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    cosigned_size = models.BigIntegerField()  # the size the witness had cosigned
    shown_size = models.BigIntegerField()  # the size of the checkpoint that did not extend it
    message = models.TextField()
    raised_at = models.DateTimeField(default=timezone.now)
    # Set by a site administrator once a person has found out what happened (admin site);
    # until then the witness cosigns nothing more for the project.
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]

    def __str__(self) -> str:
        return f"Witness alarm for {self.project_id} ({self.organisation_id})"
