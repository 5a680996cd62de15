"""The timeline spine: every entry in the working record is one Item row, whatever its kind.

The timeline reads this table alone (plus one-to-one details joined in the same query), so
it can be filtered and keyset-paginated with a constant number of queries."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.core.vocab import ResearchArea
from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.projects.models import Membership, Project
from workings.record.snapshots import ItemSnapshot


class Kind(models.TextChoices):
    MEETING = "meeting", _("Meeting or activity")
    FEEDBACK = "feedback", _("Feedback")
    DECISION = "decision", _("Decision")
    DISAGREEMENT = "disagreement", _("Disagreement")
    ACCOUNT = "account", _("Own account")
    CORRECTION = "correction", _("Correction")


class Item(RecordedModel):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="record_items")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    area = models.CharField(max_length=30, choices=ResearchArea.choices, blank=True)
    occurred_on = models.DateField()
    created_at = models.DateTimeField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=20000, blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    about = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="accounts"
    )
    # Feedback waiting for an answer, or a disagreement with no outcome yet.
    is_open = models.BooleanField(default=False)
    due_on = models.DateField(null=True, blank=True)
    people = models.ManyToManyField(Membership, through="ItemPerson", related_name="+")

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "created_at": WHEN_WRITTEN,
        "people": "the person filter's index, made from authors and participants",
    }

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["project", "-occurred_on", "-id"], name="record_item_timeline"),
            models.Index(
                fields=["project", "kind", "-occurred_on", "-id"], name="record_item_kind"
            ),
            # The portfolio's overdue-feedback count for every project, from the index
            # alone (bench/README.md, "Funder's portfolio").
            models.Index(
                fields=["project", "due_on", "kind", "is_open"],
                condition=models.Q(kind="feedback", is_open=True),
                name="record_item_open_feedback",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("record:item", kwargs={"slug": self.project.slug, "pk": self.pk})

    @property
    def author_label(self) -> str:
        return self.author_membership.label if self.author_membership else "Someone"

    def is_overdue(self, today: Any) -> bool:
        return bool(self.is_open and self.due_on and self.due_on < today)

    keeps_history: ClassVar[bool] = True
    history_prefetch: ClassVar[tuple[str, ...]] = ("account_versions",)

    @classmethod
    def history_wanted(cls, fields: dict[str, Any], data: Any) -> bool:
        return fields.get("kind") == Kind.ACCOUNT and isinstance(data, dict) and "version" in data

    def history_problems(self, history: list[tuple[int, dict[str, Any], Any]]) -> list[str]:
        """An own account keeps every version (AccountVersion); the entry that wrote or
        edited it says which version it is, and its snapshot holds the words."""
        committed = {
            data["version"]: (seq, f.get("body"))
            for seq, f, data in history
            if isinstance(data, dict) and data.get("item") == self.pk and "version" in data
        }
        kept = {v.number: v.text for v in self.account_versions.all()}
        problems = self.versions_problems(kept, committed, "record.accountversion")
        if kept and kept[max(kept)] != self.body:
            problems.append("its latest kept version is not its text")
        return problems

    def snapshot(self) -> dict[str, Any]:
        return ItemSnapshot(
            project=self.project_id,
            kind=self.kind,
            area=self.area,
            occurred_on=self.occurred_on.isoformat(),
            author=self.author_id,
            author_membership=self.author_membership_id,
            title=self.title,
            body=self.body,
            corrects=self.corrects_id,
            about=self.about_id,
            is_open=self.is_open,
            due_on=self.due_on.isoformat() if self.due_on else None,
        ).fields()


class ItemPerson(models.Model):
    """Who an entry is about or involves (its author and any participants): the person filter."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "membership"], name="record_one_person_row")
        ]

    def __str__(self) -> str:
        return f"{self.membership_id} in {self.item_id}"
