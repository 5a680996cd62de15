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
from django.db.models import Q

from workings.events import keys, snapshots
from workings.events.content import full_content
from workings.events.models import Checkpoint, Entry, Log, SealedPending
from workings.events.recorded import RecordedModel
from workings.events.services.cosigning import cosigned_notes
from workings.ledger.canonical import canonical_json
from workings.verifier.export import ExportEntry, write_export
from workings.verifier.parallel import verify_file
from workings.verifier.report import VerifyReport

Snapshot = tuple[int, dict[str, Any]]  # (seq, fields)
PENDING = -2  # the snapshot is in a sealed entry waiting for its daily batch


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
                on_entry(e, full_content(body))
            erased = None
            if body is not None and body.is_erased:
                erased = {
                    "at": _iso(body.erased_at),
                    "reason": body.erased_reason,
                    "erasure_seq": body.erasure_seq,
                }
            salt = bytes(body.salt) if body is not None and body.salt is not None else None
            members = body.members_content if body is not None else None
            yield ExportEntry(e.seq, bytes(e.leaf), content, salt, erased, members)

    notes = cosigned_notes(
        log.pk,
        Checkpoint.objects.filter(log=log, size__lte=size)
        .order_by("size")
        .values_list("size", "note")
        .iterator(chunk_size=2000),
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


def project_paths(model: type[RecordedModel], depth: int = 3) -> list[str]:
    """Every lookup (up to `depth` foreign keys long) from a recorded model to its project,
    found from the model's own foreign keys so a new recorded model is covered without a
    list to keep up to date. A row belongs to a project if any of them leads there."""
    project_model = apps.get_model("projects", "Project")
    if model is project_model:
        return ["pk"]
    paths: list[str] = []
    frontier: list[tuple[type[Any], str]] = [(model, "")]
    for _ in range(depth):
        following: list[tuple[type[Any], str]] = []
        for current, prefix in frontier:
            for f in current._meta.concrete_fields:
                target = f.related_model if f.is_relation else None
                if target is project_model:
                    paths.append(prefix + f.name)
                elif (
                    isinstance(target, type)
                    and issubclass(target, RecordedModel)
                    and target is not current
                ):
                    following.append((target, f"{prefix}{f.name}__"))
        frontier = following
    return paths


def _in_project(model: type[RecordedModel], project: Any) -> Q | None:
    paths = project_paths(model)
    if not paths:
        return None
    query = Q()
    for path in paths:
        query |= Q(**{path: project.pk})
    waiting = model.awaiting_record()
    return query if waiting is None else query & ~waiting


def _same(recorded: Any, current: Any) -> bool:
    """Equal as committed JSON: `True` is not `1` and `{"a": 1}` is not `{"a": true}`,
    though Python's == says they are."""
    try:
        return canonical_json(recorded) == canonical_json(current)
    except Exception:  # noqa: BLE001 - not JSON at all: fall back to a strict comparison
        return type(recorded) is type(current) and recorded == current


def verify_project(project: Any) -> ProjectCheck:
    """Export to a temporary file, verify it with our public key, then check domain rows."""
    latest: dict[tuple[str, int], Snapshot] = {}
    keeps_history = {m.snapshot_label(): m for m in recorded_models() if m.keeps_history}
    history: dict[tuple[str, int], list[tuple[int, dict[str, Any], Any]]] = {}
    # seq of an erased entry -> the rows its snapshots were about, as far as still known
    erased: dict[int, set[tuple[str, int]]] = {}

    def collect(entry: Entry, content: Any) -> None:
        if content is None:
            about = erased.setdefault(entry.seq, set())
            if entry.subject_type and entry.subject_id is not None:
                about.add((entry.subject_type, entry.subject_id))
            for key in about:
                # Its snapshot is gone; the row may still be listed as not checkable.
                latest.setdefault(key, (-1, {}))
            return
        if not isinstance(content, dict):
            return
        data = content.get("data")
        if entry.type == snapshots.ENTRY_ERASED.name and isinstance(data, dict):
            rows = {(str(m), int(pk)) for m, pk in data.get("rows") or ()}
            erased.setdefault(int(data.get("erased_seq", -1)), set()).update(rows)
            for key in rows:
                latest.setdefault(key, (-1, {}))
        for snap in content.get("snapshots", []):
            latest[(snap["model"], snap["id"])] = (entry.seq, snap["fields"])
            model = keeps_history.get(snap["model"])
            if model is not None and model.history_wanted(snap["fields"], data):
                key = (snap["model"], snap["id"])
                history.setdefault(key, []).append((entry.seq, snap["fields"], data))

    fd, path = tempfile.mkstemp(suffix=".jsonl", prefix="workings-verify-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fp:
            export_project(project, fp, on_entry=collect)
        report = verify_file(path, keys.verifier_key())
    finally:
        os.unlink(path)
    check = ProjectCheck(report)
    # Sealed entries waiting for their daily batch hold the newest snapshots of their rows:
    # a row is compared with them (its last_event_seq is set when the batch appends them).
    for pending in SealedPending.objects.filter(log__project_id=project.pk).order_by("id"):
        for snap in pending.content.get("snapshots", []):
            latest[(snap["model"], snap["id"])] = (PENDING, snap["fields"])
    _check_rows(check, project, latest, erased, history)
    return check


def _describe(row: Any) -> str:
    try:
        return str(row)
    except Exception:  # noqa: BLE001 - a tampered row may point at a row that is not there
        return "cannot be described"


def _rows(
    model: type[RecordedModel], project: Any, recorded: set[int]
) -> tuple[dict[int, Any], bool]:
    """The model's rows in this project, and those its log mentions wherever they are now
    (a row moved to another project by SQL is still compared with its snapshot)."""
    manager = model._default_manager
    m2m = [f.name for f in model._meta.many_to_many] + list(model.history_prefetch)
    rows: dict[int, Any] = {}
    scope = _in_project(model, project)
    if scope is not None:
        for row in manager.filter(scope).prefetch_related(*m2m).iterator(chunk_size=2000):
            rows[row.pk] = row
    missing = sorted(recorded - set(rows))
    for i in range(0, len(missing), 500):
        for row in manager.filter(pk__in=missing[i : i + 500]).prefetch_related(*m2m):
            rows[row.pk] = row
    return rows, scope is not None


def _check_rows(
    check: ProjectCheck,
    project: Any,
    latest: dict[tuple[str, int], Snapshot],
    erased: dict[int, set[tuple[str, int]]],
    history: dict[tuple[str, int], list[tuple[int, dict[str, Any], Any]]],
) -> None:
    by_model: dict[str, set[int]] = {}
    for label, pk in latest:
        by_model.setdefault(label, set()).add(pk)
    not_kept: dict[tuple[str, str], int] = {}
    for model in sorted(recorded_models(), key=lambda m: m.snapshot_label()):
        label = model.snapshot_label()
        recorded = by_model.get(label, set())
        rows, scoped = _rows(model, project, recorded)
        if not scoped:
            check.not_checkable.append(
                f"{label}: no way to tell which rows belong to this project, so a row added "
                "outside Workings would not be found"
            )
        for pk in sorted(recorded | set(rows)):
            row = rows.get(pk)
            if pk not in recorded:
                check.domain_failures.append(
                    f"{label} {pk} ({_describe(row)}): no entry in the log records it — "
                    "added outside Workings"
                )
                continue
            seq, fields = latest[(label, pk)]
            if row is None:
                where = f"entry {seq} recorded it" if seq >= 0 else "an erased entry recorded it"
                check.domain_failures.append(
                    f"{label} {pk}: deleted, but {where} — deleted outside Workings"
                )
                continue
            # Described only when something is said about it (str() may read other rows).
            name = f"{label} {pk} ({{}})".format
            claimed = row.last_event_seq
            if claimed is not None and claimed > seq and (label, pk) in erased.get(claimed, set()):
                check.not_checkable.append(
                    f"{name(_describe(row))}: its latest entry {claimed} was erased, so it "
                    "cannot be compared"
                )
                continue
            check.rows_checked += 1
            if seq != PENDING and claimed != seq:
                check.domain_failures.append(
                    f"{name(_describe(row))}: says its latest entry is {claimed}, but the latest "
                    f"entry about it is {seq} — edited outside Workings"
                )
            if seq < 0:
                continue  # only erased entries recorded it: nothing left to compare with
            failures = []
            current = row.snapshot()
            for key in sorted(set(current) | set(fields)):
                if key not in fields or key not in current:
                    # The snapshot was written before (or after) Workings kept this field.
                    not_kept[(label, key)] = not_kept.get((label, key), 0) + 1
                elif not _same(fields[key], current[key]):
                    failures.append(f"field {key} differs from the snapshot in entry {seq}")
            failures += row.integrity_problems()
            if model.keeps_history:
                failures += row.history_problems(history.get((label, pk), []))
            if failures:
                described = name(_describe(row))
                check.domain_failures += [
                    f"{described}: {failure} — edited outside Workings" for failure in failures
                ]
    for (label, key), count in sorted(not_kept.items()):
        check.not_checkable.append(
            f"field {key} of {count} {label} row(s): their latest snapshot was written by a "
            "version of Workings that did not keep that field"
        )
