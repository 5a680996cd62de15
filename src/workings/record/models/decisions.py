from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from workings.core.vocab import InfluenceLevel, influence_shortfall
from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.projects.models import Membership
from workings.record.models.items import Item
from workings.record.snapshots import DecisionSnapshot, DecisionViewSnapshot


class Stance(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")
    MIXED = "mixed", _("Mixed feelings")


class Decision(RecordedModel):
    item = models.OneToOneField(Item, on_delete=models.PROTECT, related_name="decision")
    decided_by = models.CharField(max_length=300)
    influence = models.CharField(max_length=20, choices=InfluenceLevel.choices)
    # What the agreement in force promised for this area when the decision was recorded
    # ("" when no agreement was in force).
    promised = models.CharField(max_length=20, choices=InfluenceLevel.choices, blank=True)

    def __str__(self) -> str:
        return str(self.item)

    @property
    def is_shortfall(self) -> bool:
        return influence_shortfall(self.promised or None, self.influence)

    def snapshot(self) -> dict[str, Any]:
        return DecisionSnapshot(
            item=self.item_id,
            decided_by=self.decided_by,
            influence=self.influence,
            promised=self.promised,
        ).fields()


class DecisionView(RecordedModel):
    """One contributor's view of a decision, in their own words."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="views")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    stance = models.CharField(max_length=10, choices=Stance.choices)
    words = models.TextField(max_length=5000)
    created_at = models.DateTimeField()

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "membership"], name="record_one_view_each")
        ]

    def __str__(self) -> str:
        return f"{self.get_stance_display()} ({self.decision_id})"

    def snapshot(self) -> dict[str, Any]:
        return DecisionViewSnapshot(
            decision=self.decision_id,
            membership=self.membership_id,
            stance=self.stance,
            words=self.words,
        ).fields()
