"""Domain rows whose every change is a ledger event.

Each such row keeps the sequence number of its latest event, and that event's content
holds the row's full snapshot, so `workings verify --project` can spot a row edited behind
the software's back (by comparing the row with the snapshot its latest event committed to).
"""

from __future__ import annotations

from typing import Any

from django.db import models


class RecordedModel(models.Model):
    last_event_seq = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def snapshot(self) -> dict[str, Any]:
        raise NotImplementedError

    def personal_fields(self) -> frozenset[str]:
        """Snapshot fields holding personal data (an e-mail address, a private reason, a
        name the person did not choose to show): committed in the entry's member-only part,
        never in public content (docs/decisions/event-audiences.md)."""
        return frozenset()

    @classmethod
    def snapshot_label(cls) -> str:
        return cls._meta.label_lower
