from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.record.models.items import Item
from workings.record.snapshots import FeedbackSnapshot


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PARTLY_ADOPTED = "partly_adopted", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    NOT_YET_DECIDED = "not_yet_decided", _("Not yet decided")


class Feedback(RecordedModel):
    """'You said, we did, because': the feedback is the Item; the answer lives here."""

    item = models.OneToOneField(Item, on_delete=models.PROTECT, related_name="feedback")
    on_behalf_of = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    what_done = models.TextField(max_length=5000, blank=True)
    why = models.TextField(max_length=5000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    satisfied = models.BooleanField(null=True, blank=True)
    satisfaction_why = models.TextField(max_length=5000, blank=True)
    satisfaction_at = models.DateTimeField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {"satisfaction_at": WHEN_WRITTEN}

    def __str__(self) -> str:
        return str(self.item)

    def snapshot(self) -> dict[str, Any]:
        return FeedbackSnapshot(
            item=self.item_id,
            on_behalf_of=self.on_behalf_of,
            outcome=self.outcome,
            what_done=self.what_done,
            why=self.why,
            answered_by=self.answered_by_id,
            answered_at=self.answered_at.isoformat() if self.answered_at else None,
            satisfied=self.satisfied,
            satisfaction_why=self.satisfaction_why,
        ).fields()
