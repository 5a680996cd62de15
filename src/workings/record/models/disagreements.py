from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.projects.models import Membership
from workings.record.models.items import Item
from workings.record.snapshots import DisagreementSnapshot, PositionSnapshot


class DisagreementOutcome(models.TextChoices):
    OPEN = "open", _("Not settled yet")
    RESOLVED = "resolved", _("Resolved")
    COMPROMISE = "compromise", _("Compromise")
    UNRESOLVED = "unresolved", _("Left unresolved")
    ESCALATED = "escalated", _("Escalated to a concern")


class Side(models.TextChoices):
    RESEARCH_TEAM = "research_team", _("Research team")
    CONTRIBUTORS = "contributors", _("Public contributors")


class Disagreement(RecordedModel):
    item = models.OneToOneField(Item, on_delete=models.PROTECT, related_name="disagreement")
    outcome = models.CharField(
        max_length=20, choices=DisagreementOutcome.choices, default=DisagreementOutcome.OPEN
    )
    outcome_text = models.TextField(max_length=5000, blank=True)
    research_team_gave = models.TextField(max_length=5000, blank=True)
    contributors_gave = models.TextField(max_length=5000, blank=True)
    what_changed = models.TextField(max_length=5000, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {"outcome_at": WHEN_WRITTEN}

    def __str__(self) -> str:
        return str(self.item)

    @property
    def is_settled(self) -> bool:
        return self.outcome != DisagreementOutcome.OPEN

    def snapshot(self) -> dict[str, Any]:
        return DisagreementSnapshot(
            item=self.item_id,
            outcome=self.outcome,
            outcome_text=self.outcome_text,
            research_team_gave=self.research_team_gave,
            contributors_gave=self.contributors_gave,
            what_changed=self.what_changed,
            outcome_by=self.outcome_by_id,
        ).fields()


class Position(RecordedModel):
    """One side's position, written and edited only by its author. Every edit is a version."""

    disagreement = models.ForeignKey(
        Disagreement, on_delete=models.PROTECT, related_name="positions"
    )
    author_membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=20, choices=Side.choices)
    text = models.TextField(max_length=10000)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "updated_at": WHEN_WRITTEN,
    }

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["disagreement", "author_membership"], name="record_one_position_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()} position ({self.disagreement_id})"

    keeps_history: ClassVar[bool] = True
    history_prefetch: ClassVar[tuple[str, ...]] = ("versions",)

    def history_problems(self, history: list[tuple[int, dict[str, Any], Any]]) -> list[str]:
        committed = {f["version"]: (seq, f.get("text")) for seq, f, _ in history if "version" in f}
        kept = {v.number: v.text for v in self.versions.all()}
        problems = self.versions_problems(kept, committed, "record.positionversion")
        if kept and max(kept) != self.version:
            problems.append(f"its latest kept version is {max(kept)}, not {self.version}")
        return problems

    def snapshot(self) -> dict[str, Any]:
        return PositionSnapshot(
            disagreement=self.disagreement_id,
            author_membership=self.author_membership_id,
            side=self.side,
            text=self.text,
            version=self.version,
        ).fields()


class PositionVersion(models.Model):
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=10000)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["position", "number"], name="record_position_version")
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"
