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

    def personal_fields(self) -> frozenset[str]:
        """Snapshot fields holding personal data (an e-mail address, a private reason, a
        name the person did not choose to show): committed in the entry's member-only part,
        never in public content (docs/decisions/event-audiences.md)."""
        return frozenset()

    # True for a model that keeps earlier versions in a table of its own (a position's or an
    # own account's earlier words): the verifier then hands history_problems() every
    # snapshot the log holds of the row, so an earlier version rewritten by SQL is caught.
    keeps_history: ClassVar[bool] = False
    # Related names the verifier prefetches for history_problems (one query per model).
    history_prefetch: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def history_wanted(cls, fields: dict[str, Any], data: Any) -> bool:
        """Whether history_problems() needs this snapshot (so the verifier keeps only
        those in memory, not every snapshot of every row)."""
        return cls.keeps_history

    def history_problems(self, history: list[tuple[int, dict[str, Any], Any]]) -> list[str]:
        """`history`: (seq, snapshot fields, the entry's data) for every readable entry
        about this row, oldest first. Each problem as a sentence naming the field."""
        return []

    def integrity_problems(self) -> list[str]:
        """Checks a snapshot cannot make (say, a stored text against its committed hash),
        each problem as a sentence naming the field."""
        return []

    @staticmethod
    def versions_problems(
        kept: dict[int, str], committed: dict[int, tuple[int, Any]], table: str
    ) -> list[str]:
        """Earlier versions kept in `table` (number -> text) against the texts the log
        committed to (number -> (seq, text)): numbered 1, 2, 3... with none missing or
        added, and each one the log still holds word for word the same."""
        problems = []
        latest = max([*kept, *committed, 0])
        if sorted(kept) != list(range(1, latest + 1)):
            problems.append(
                f"its earlier versions ({table}) are numbered {sorted(kept)}: "
                "a version was removed or added"
            )
        for number, text in sorted(kept.items()):
            seq, said = committed.get(number, (None, text))
            if said != text:
                problems.append(
                    f"field text of its version {number} ({table}) differs from the "
                    f"snapshot in entry {seq}"
                )
        return problems

    @classmethod
    def awaiting_record(cls) -> models.Q | None:
        """Rows not yet meant to be in the log (a comment from the public still waiting for
        a moderator: publishing records decisions, not arrivals), which the verifier does
        not count as added outside Workings. None: every row is recorded when written."""
        return None

    @classmethod
    def snapshot_label(cls) -> str:
        return cls._meta.label_lower
