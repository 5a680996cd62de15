"""Domain rows whose every change is a ledger event.

Each such row keeps the sequence number of its latest event, and that event's content
holds the row's full snapshot, so `workings verify --project` can spot a row edited behind
the software's back (by comparing the row with the snapshot its latest event committed to).

Every column of a recorded model is in its snapshot, or is named in `unrecorded_fields`
with the reason it is left out; tests/events/test_tamper_every_field.py holds every model
to that, so a column added later cannot slip past the verifier unnoticed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

# The reason given for leaving a time of writing out of a snapshot.
WHEN_WRITTEN = "when it was written: the entry that recorded it carries the time"


class RecordedModel(models.Model):
    last_event_seq = models.BigIntegerField(null=True, blank=True, editable=False)

    # Column name -> why it is not in the snapshot. Times of writing are left out on
    # purpose: the entry that records a row carries the time, at the precision its audience
    # may see (docs/decisions/tamper-evident-rows.md); a snapshot must not add a finer one.
    unrecorded_fields: ClassVar[dict[str, str]] = {}
    # Column name -> the snapshot key that holds it, where the two names differ.
    snapshot_keys: ClassVar[dict[str, str]] = {}

    class Meta:
        abstract = True

    def snapshot(self) -> dict[str, Any]:
        raise NotImplementedError

    def integrity_problems(self) -> list[str]:
        """Checks a snapshot cannot make (say, a stored text against its committed hash),
        each problem as a sentence naming the field."""
        return []

    @classmethod
    def snapshot_label(cls) -> str:
        return cls._meta.label_lower
