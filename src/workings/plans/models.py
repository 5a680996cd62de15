"""Milestones (research, involvement, and the actions an audit agrees) on one timeline, the
evidence each one points to, and the training and support log.

Every row is recorded (its latest event holds its snapshot, declared in snapshots.py)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.core import clock
from workings.events.recorded import WHEN_WRITTEN, RecordedModel


class Kind(models.TextChoices):
    RESEARCH = "research", _("Research")
    INVOLVEMENT = "involvement", _("Involvement")
    ACTION = "action", _("Action from an audit")


class Status(models.TextChoices):
    PLANNED = "planned", _("Not started")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = (Status.PLANNED, Status.UNDER_WAY)


class Milestone(RecordedModel):
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    due_on = models.DateField()
    owner = models.ForeignKey("projects.Membership", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(default=0)  # per cent
    # An involvement milestone that must happen before (or with) a research milestone.
    tied_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="tied"
    )
    done_on = models.DateField(null=True, blank=True)
    # Set once, by the day's slippage run, when the milestone first went past its due day.
    slipped_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "due_on", "id"]
        indexes = [models.Index(fields=["project", "due_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:milestone", args=[self.project.slug, self.pk])

    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_late(self, today: Any) -> bool:
        """Past its due day and not done (or done after it)."""
        if self.status == Status.DROPPED:
            return False
        if self.status == Status.DONE:
            return self.done_on is not None and self.done_on > self.due_on
        return self.due_on < today

    def snapshot(self) -> dict[str, Any]:
        from workings.plans.snapshots import MilestoneSnapshot

        return MilestoneSnapshot(
            project=self.project_id,
            kind=self.kind,
            title=self.title,
            description=self.description,
            due_on=self.due_on.isoformat(),
            owner=self.owner_id,
            status=self.status,
            progress=self.progress,
            tied_to=self.tied_to_id,
            done_on=self.done_on.isoformat() if self.done_on else None,
            slipped_on=self.slipped_on.isoformat() if self.slipped_on else None,
        ).fields()


class EvidenceKind(models.TextChoices):
    ENTRY = "entry", _("A record entry")
    DOCUMENT = "document", _("A document")
    LINK = "link", _("A page of this project")


class Evidence(RecordedModel):
    """What shows a milestone happened: a record entry (a meeting is one), a document, or
    another page of the project, with a note."""

    milestone = models.ForeignKey(Milestone, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    ref = models.BigIntegerField(null=True, blank=True)  # the entry's or document's id
    path = models.CharField(max_length=300, blank=True)  # a page of this project (LINK)
    note = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey("projects.Membership", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["milestone_id", "id"]

    def __str__(self) -> str:
        return self.note or self.kind

    def snapshot(self) -> dict[str, Any]:
        from workings.plans.snapshots import EvidenceSnapshot

        return EvidenceSnapshot(
            milestone=self.milestone_id,
            kind=self.kind,
            ref=self.ref,
            path=self.path,
            note=self.note,
            added_by=self.added_by_id,
        ).fields()


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Training")
    SUPPORT = "support", _("Support")
    MENTORING = "mentoring", _("Mentoring")


class Training(RecordedModel):
    """One entry of the training and support log: who was trained or supported, in what,
    on which day, and who gave it."""

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey("projects.Membership", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=TrainingKind.choices)
    what = models.CharField(max_length=200)
    given_on = models.DateField()
    given_by = models.CharField(max_length=200)
    hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    recorded_by = models.ForeignKey(
        "projects.Membership", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "-given_on", "-id"]

    def __str__(self) -> str:
        return self.what

    def snapshot(self) -> dict[str, Any]:
        from workings.plans.snapshots import TrainingSnapshot

        return TrainingSnapshot(
            project=self.project_id,
            person=self.person_id,
            kind=self.kind,
            what=self.what,
            given_on=self.given_on.isoformat(),
            given_by=self.given_by,
            hours=str(self.hours) if self.hours is not None else None,
            recorded_by=self.recorded_by_id,
        ).fields()


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft, open for comments")
    FINAL = "final", _("Final")


class Minutes(RecordedModel):
    """The minutes of a steering meeting: written as a draft that contributors can comment on
    until a set day; after that day the writer finalises them with a note of what changed.
    The draft text is kept beside the final text, so nobody can quietly rewrite it."""

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    met_on = models.DateField()
    # The meeting in the working record these minutes are of, when there is one.
    meeting = models.ForeignKey(
        "record.Item", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    draft = models.TextField(max_length=20000)
    comments_until = models.DateField()
    written_by = models.ForeignKey(
        "projects.Membership", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    final = models.TextField(max_length=20000, blank=True)
    change_note = models.TextField(max_length=4000, blank=True)
    finalised_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "-met_on", "-id"]
        verbose_name_plural = "minutes"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:minutes", args=[self.project.slug, self.pk])

    def is_draft(self) -> bool:
        return self.status == MinutesStatus.DRAFT

    def open_for_comments(self, today: Any) -> bool:
        return self.is_draft() and today <= self.comments_until

    def snapshot(self) -> dict[str, Any]:
        from workings.plans.snapshots import MinutesSnapshot

        return MinutesSnapshot(
            project=self.project_id,
            title=self.title,
            met_on=self.met_on.isoformat(),
            meeting=self.meeting_id,
            draft=self.draft,
            comments_until=self.comments_until.isoformat(),
            written_by=self.written_by_id,
            status=self.status,
            final=self.final,
            change_note=self.change_note,
            finalised_on=self.finalised_on.isoformat() if self.finalised_on else None,
        ).fields()


class MinutesComment(RecordedModel):
    """A contributor's comment on draft minutes, in their own words; never edited."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey("projects.Membership", on_delete=models.PROTECT, related_name="+")
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=clock.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["minutes_id", "id"]

    def __str__(self) -> str:
        return self.body[:40]

    def snapshot(self) -> dict[str, Any]:
        from workings.plans.snapshots import MinutesCommentSnapshot

        return MinutesCommentSnapshot(
            minutes=self.minutes_id, author=self.author_id, body=self.body
        ).fields()
