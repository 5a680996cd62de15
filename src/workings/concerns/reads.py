"""Every read of sealed content by anyone but its raiser is recorded, and shown to the raiser.

Sealed content is a confidential or anonymous concern in full (its page or the API) and a
sealed log entry's content (the log API). The record itself is kept by the funders app
(funders.services.sealed_read_record): one row per reader, concern and day, each with a
sealed log entry, so a read can be neither hidden nor denied.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workings.concerns.models import Concern
from workings.concerns.permissions import concern_policy, raised_the_sealed_entry
from workings.funders import selectors as funder_selectors
from workings.funders.services import sealed_read_record

# A read of the reads log is not itself recorded (it would grow without end).
_NOT_RECORDED = frozenset({"funders.sealedread"})


def note_concern_read(user: Any, concern: Concern, *, via: str) -> None:
    if not concern_policy.reads_sealed_content(user, concern):
        return
    sealed_read_record(
        reader=user,
        project=concern.project,
        subject=f"concern:{concern.pk}",
        concern_id=concern.pk,
        via=via,
    )


def _concerns_in(entry: Any) -> tuple[set[int], bool]:
    """The concern ids an entry's snapshots are about, and whether it is worth recording."""
    body = getattr(entry, "body", None)
    content = body.content if body is not None else None
    if not isinstance(content, dict):
        return set(), False
    about: set[int] = set()
    for snapshot in content.get("snapshots", []):
        model = snapshot.get("model")
        if model in _NOT_RECORDED:
            return set(), False
        if model == "concerns.concern":
            about.add(int(snapshot["id"]))
        elif model == "concerns.reply" and snapshot["fields"].get("concern"):
            about.add(int(snapshot["fields"]["concern"]))
    return about, True


def note_entry_reads(user: Any, project: Any, entries: Iterable[Any], via: str) -> None:
    """Called by the log (events.permissions.note_sealed_reads) with the sealed entries whose
    content it is about to show this person. One record per concern (or per entry about no
    concern), however many of its entries are on the page."""
    subjects: dict[str, int | None] = {}
    for entry in entries:
        if raised_the_sealed_entry(user, project, entry):
            continue
        concern_ids, record = _concerns_in(entry)
        if not record:
            continue
        if not concern_ids:
            subjects[f"entry:{entry.seq}"] = None
        for concern_id in concern_ids:
            subjects[f"concern:{concern_id}"] = concern_id
    for subject, concern_id in sorted(subjects.items()):
        sealed_read_record(
            reader=user, project=project, subject=subject, concern_id=concern_id, via=via
        )


def reads_for_raiser(concern: Concern) -> list[dict[str, Any]]:
    """Who read the raiser's sealed concern, and when (first read each day)."""
    return [
        {"reader": r.reader_label, "read_at": r.first_read_at, "via": r.via}
        for r in funder_selectors.reads_of_concern(project=concern.project, concern_id=concern.pk)
    ]
