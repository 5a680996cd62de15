"""Export a project's log, and verify it together with the domain rows it describes.

Why: the pure verifier proves the log was not rewritten; it cannot see the tables the log
describes. Each recorded row keeps the sequence number of its latest event, whose content
holds the row's full snapshot, so comparing row and snapshot finds a row edited behind the
software's back (by SQL, an admin shell, a restored backup...).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.apps import apps

from workings.events import keys
from workings.events.models import Checkpoint, Entry, Log
from workings.events.recorded import RecordedModel
from workings.verifier.export import ExportEntry, write_export
from workings.verifier.parallel import verify_file
from workings.verifier.verify import VerifyReport

Snapshot = tuple[int, dict[str, Any]]  # (seq, fields)


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def export_project(
    project: Any, fp: IO[str], on_entry: Callable[[Entry, Any], None] | None = None
) -> int:
    """Write the project's log as JSON Lines; returns the number of entries.

    Reads are bounded by the log's size when the export starts, so appends made meanwhile
    are left out rather than half-included.
    """
    log = Log.objects.get(project_id=project.pk)
    size = log.size

    def entries() -> Iterator[ExportEntry]:
        rows = (
            Entry.objects.filter(log=log, seq__lt=size)
            .select_related("body")
            .order_by("seq")
            .iterator(chunk_size=2000)
        )
        for e in rows:
            body = getattr(e, "body", None)
            content = body.content if body else None
            if on_entry is not None:
                on_entry(e, content)
            erased = None
            if body is not None and body.is_erased:
                erased = {
                    "at": _iso(body.erased_at),
                    "reason": body.erased_reason,
                    "erasure_seq": body.erasure_seq,
                }
            salt = bytes(body.salt) if body is not None and body.salt is not None else None
            yield ExportEntry(e.seq, bytes(e.leaf), content, salt, erased)

    notes = (
        Checkpoint.objects.filter(log=log, size__lte=size)
        .order_by("size")
        .values_list("note", flat=True)
        .iterator(chunk_size=2000)
    )
    return write_export(fp, log.origin, keys.verifier_key(), entries(), notes)


@dataclass
class ProjectCheck:
    report: VerifyReport
    domain_failures: list[str] = field(default_factory=list)
    not_checkable: list[str] = field(default_factory=list)
    rows_checked: int = 0

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.domain_failures

    def summary(self) -> str:
        lines = [self.report.summary()]
        lines += self.domain_failures
        lines += [f"not checkable: {m}" for m in self.not_checkable]
        if self.domain_failures:
            lines.append(f"FAILED: {len(self.domain_failures)} record(s) edited outside Workings.")
        else:
            lines.append(f"OK: {self.rows_checked} record(s) match their latest snapshot.")
        return "\n".join(lines)


def recorded_models() -> list[type[RecordedModel]]:
    return [m for m in apps.get_models() if issubclass(m, RecordedModel) and not m._meta.abstract]


def verify_project(project: Any) -> ProjectCheck:
    """Export to a temporary file, verify it with our public key, then check domain rows."""
    latest: dict[tuple[str, int], Snapshot] = {}
    erased: set[int] = set()

    def collect(entry: Entry, content: Any) -> None:
        if content is None:
            erased.add(entry.seq)
            if entry.subject_type and entry.subject_id is not None:
                # Its snapshot is gone; the row may still be listed as not checkable.
                latest.setdefault((entry.subject_type, entry.subject_id), (-1, {}))
            return
        for snap in content.get("snapshots", []) if isinstance(content, dict) else []:
            latest[(snap["model"], snap["id"])] = (entry.seq, snap["fields"])

    fd, path = tempfile.mkstemp(suffix=".jsonl", prefix="workings-verify-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fp:
            export_project(project, fp, on_entry=collect)
        report = verify_file(path, keys.verifier_key())
    finally:
        os.unlink(path)
    check = ProjectCheck(report)
    _check_rows(check, latest, erased)
    return check


def _check_rows(
    check: ProjectCheck, latest: dict[tuple[str, int], Snapshot], erased: set[int]
) -> None:
    by_model: dict[str, list[int]] = {}
    for label, pk in latest:
        by_model.setdefault(label, []).append(pk)
    models = {m._meta.label_lower: m for m in recorded_models()}
    for label, pks in sorted(by_model.items()):
        model = models.get(label)
        if model is None:
            continue
        rows = {r.pk: r for r in model._default_manager.filter(pk__in=pks)}
        for pk in sorted(pks):
            seq, fields = latest[(label, pk)]
            row = rows.get(pk)
            name = f"{label} {pk}"
            if row is None:
                check.domain_failures.append(
                    f"{name}: deleted, but entry {seq} recorded it — deleted outside Workings"
                )
                continue
            name = f"{label} {pk} ({row})"
            claimed = row.last_event_seq
            if claimed is not None and claimed in erased and claimed > seq:
                check.not_checkable.append(
                    f"{name}: its latest entry {claimed} was erased, so it cannot be compared"
                )
                continue
            check.rows_checked += 1
            if claimed != seq:
                check.domain_failures.append(
                    f"{name}: says its latest entry is {claimed}, but the latest entry about it "
                    f"is {seq} — edited outside Workings"
                )
            current = row.snapshot()
            for key in sorted(set(current) | set(fields)):
                if current.get(key) != fields.get(key):
                    check.domain_failures.append(
                        f"{name}: field {key} differs from the snapshot in entry {seq} — "
                        "edited outside Workings"
                    )
