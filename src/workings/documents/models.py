"""Co-owned documents: a document per project and kind, immutable numbered versions, the
owners' approvals and dissent notes, inline suggestions, and submissions with an application.

Every row is recorded (its latest event holds its snapshot, declared in snapshots.py)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.core import clock
from workings.events.recorded import WHEN_WRITTEN, RecordedModel

TEXT_MAX = 30000
NOTE_MAX = 5000


class Kind(models.TextChoices):
    SUMMARY = "summary", _("Plain-English summary")
    INVOLVEMENT = "involvement", _("Public involvement section")
    LAY_RESULTS = "lay_results", _("Lay summary of results")
    OTHER = "other", _("Other document")


# One document of each of these kinds per project; "other" may be added many times.
SINGLE_KINDS = (Kind.SUMMARY, Kind.INVOLVEMENT, Kind.LAY_RESULTS)


class Document(RecordedModel):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.project.slug, self.pk])

    def snapshot(self) -> dict[str, Any]:
        from workings.documents.snapshots import DocumentSnapshot

        return DocumentSnapshot(
            project=self.project_id,
            kind=self.kind,
            title=self.title,
            created_by=self.created_by_id,
        ).fields()


class Version(RecordedModel):
    """One immutable text. `based_on` is the version its author started from."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    based_on = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(max_length=TEXT_MAX)
    note = models.CharField(max_length=300, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Set once, in the approval that met the final-say rule.
    approved = models.BooleanField(default=False)
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "approved_at": "when it was approved: the approval entry that met the rule carries it",
    }

    class Meta:
        ordering = ["document_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse(
            "documents:version", args=[self.document.project.slug, self.document_id, self.number]
        )

    def snapshot(self) -> dict[str, Any]:
        from workings.documents.snapshots import VersionSnapshot

        return VersionSnapshot(
            document=self.document_id,
            number=self.number,
            based_on=self.based_on,
            text=self.text,
            note=self.note,
            author=self.author_id,
            approved=self.approved,
        ).fields()


class ApprovalKind(models.TextChoices):
    OWNER = "owner", _("Approved as an owner")
    COSIGN = "cosign", _("Co-signed as the lead")


class Approval(RecordedModel):
    of_version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="approvals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=ApprovalKind.choices)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["of_version_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["of_version", "user", "kind"], name="approve_once")
        ]

    def snapshot(self) -> dict[str, Any]:
        from workings.documents.snapshots import ApprovalSnapshot

        return ApprovalSnapshot(
            of_version=self.of_version_id, user=self.user_id, kind=self.kind
        ).fields()


class Dissent(RecordedModel):
    """An owner's note on a version they did not approve; it travels with every export."""

    of_version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="dissents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=NOTE_MAX)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["of_version_id", "id"]
        constraints = [models.UniqueConstraint(fields=["of_version", "user"], name="dissent_once")]

    def snapshot(self) -> dict[str, Any]:
        from workings.documents.snapshots import DissentSnapshot

        return DissentSnapshot(
            of_version=self.of_version_id, user=self.user_id, text=self.text
        ).fields()


class SuggestionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an owner")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Suggestion(RecordedModel):
    """A suggested replacement for the words `original` at [start, end) of a version."""

    of_version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="suggestions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    original = models.TextField(max_length=TEXT_MAX)
    replacement = models.TextField(max_length=TEXT_MAX, blank=True)
    status = models.CharField(
        max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The version that accepting it made.
    made_version = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["of_version_id", "start", "id"]

    def snapshot(self) -> dict[str, Any]:
        from workings.documents.snapshots import SuggestionSnapshot

        return SuggestionSnapshot(
            of_version=self.of_version_id,
            author=self.author_id,
            start=self.start,
            end=self.end,
            original=self.original,
            replacement=self.replacement,
            status=self.status,
            decided_by=self.decided_by_id,
            made_version=self.made_version,
        ).fields()


class Submission(RecordedModel):
    """'Submitted with the application on DATE': freezes an approved version in the log."""

    of_version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="submissions")
    submitted_on = models.DateField()
    application = models.CharField(max_length=200)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["of_version_id", "id"]

    def snapshot(self) -> dict[str, Any]:
        from workings.documents.snapshots import SubmissionSnapshot

        return SubmissionSnapshot(
            of_version=self.of_version_id,
            submitted_on=self.submitted_on.isoformat(),
            application=self.application,
            submitted_by=self.submitted_by_id,
        ).fields()


# A new plain-English summary starts from NIHR's structure: one heading per part.
SUMMARY_STARTER = (
    "## Aim\n\nWhat the research wants to find out, in one or two sentences.\n\n"
    "## Background\n\nWhy this matters to patients, carers and the public.\n\n"
    "## Design and methods\n\nWhat the team will do, with whom, and for how long.\n\n"
    "## Patient and public involvement\n\nHow people with lived experience shaped the "
    "research and will keep shaping it.\n\n"
    "## Dissemination\n\nHow the results will be shared, and with whom.\n"
)
