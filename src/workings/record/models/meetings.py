from __future__ import annotations

import hashlib
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import RecordedModel
from workings.projects.models import Membership
from workings.record.models.items import Item
from workings.record.snapshots import AttachmentSnapshot, MeetingSnapshot


class Activity(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    WORKSHOP = "workshop", _("Workshop")
    DOCUMENT_REVIEW = "document_review", _("Document review")
    TRAINING = "training", _("Training")
    EVENT = "event", _("Event")
    OTHER = "other", _("Other")


class Meeting(RecordedModel):
    item = models.OneToOneField(Item, on_delete=models.PROTECT, related_name="meeting")
    activity = models.CharField(max_length=20, choices=Activity.choices)
    hours = models.DecimalField(max_digits=4, decimal_places=2)
    participants = models.ManyToManyField(Membership, related_name="+")

    def __str__(self) -> str:
        return str(self.item)

    def snapshot(self) -> dict[str, Any]:
        return MeetingSnapshot(
            item=self.item_id,
            activity=self.activity,
            hours=str(self.hours),
            participants=sorted(m.pk for m in self.participants.all()),
        ).fields()


class Attachment(RecordedModel):
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="attachments")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    file = models.FileField(max_length=300)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def integrity_problems(self) -> list[str]:
        """The stored file against the SHA-256 the log committed to."""
        digest = hashlib.sha256()
        try:
            with self.file.open("rb") as stored:
                for chunk in iter(lambda: stored.read(1 << 20), b""):
                    digest.update(chunk)
        except (OSError, ValueError):
            return ["its file is missing from storage (field file)"]
        if digest.hexdigest() != self.sha256:
            return ["its stored file does not match its SHA-256 (field sha256)"]
        return []

    def snapshot(self) -> dict[str, Any]:
        return AttachmentSnapshot(
            item=self.item_id,
            name=self.name,
            content_type=self.content_type,
            size=self.size,
            sha256=self.sha256,
            file=self.file.name,
        ).fields()
