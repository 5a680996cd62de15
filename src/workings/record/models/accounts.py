from __future__ import annotations

from django.db import models

from workings.record.models.items import Item


class AccountVersion(models.Model):
    """Every version of an own account (the Item holds the latest text)."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="account_versions")
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=20000)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="record_account_version")
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"
