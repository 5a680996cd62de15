"""The one write path into a project's log.

append_event() runs inside the caller's transaction, so a domain write and its event
commit together or not at all. It locks the project's Log row (SELECT ... FOR UPDATE on
PostgreSQL; on SQLite the IMMEDIATE transaction already holds the write lock), appends one
leaf, stores the O(log n) new tree nodes and signs a checkpoint for the new size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction

from workings.core import clock
from workings.core.i18n import in_record_language
from workings.events import content as entry_content
from workings.events import keys, snapshots, types
from workings.events.models import (
    Entry,
    EntryContent,
    Log,
    SealedPending,
)
from workings.events.recorded import RecordedModel
from workings.ledger.checkpoint import format_checkpoint, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf, make_salt
from workings.ledger.hashing import EMPTY_ROOT, CompactRange, leaf_hash


def _split_frontier(blob: bytes) -> list[bytes]:
    return [bytes(blob[i : i + 32]) for i in range(0, len(blob), 32)]


def _actor_ref(actor: Any) -> str | None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return f"user:{actor.pk}"


def _utc_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _stored(row: RecordedModel) -> RecordedModel:
    return row.__class__._default_manager.get(pk=row.pk)


def log_create(*, project: Any) -> Log:
    return Log.objects.create(project=project, origin=project.log_origin, root=EMPTY_ROOT)


@in_record_language()
def append_event(
    *,
    project: Any,
    type: str,
    actor: Any,
    content: dict[str, Any],
    subjects: Iterable[RecordedModel] = (),
    sealed: bool = False,
    at: dt.datetime | None = None,
) -> Entry | None:
    """Record one event. Must be called inside transaction.atomic (the caller's).

    A sealed event is kept, committed to nothing yet, until the daily batch appends it
    (``sealed_batch_append``, run by the worker): its place in the log then says no more
    than its day. It returns None; everything else returns the new entry."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("append_event must run inside the caller's transaction.")
    event_type = types.get(type)
    if event_type.audience == types.Audience.SEALED and not sealed:
        raise RuntimeError(f"Events of type {type} must be appended with sealed=True.")
    subjects = list(subjects)
    moment = at or clock.now()
    # Snapshots of the rows as the database holds them (a fresh read, so values are in
    # their stored form, e.g. Decimal("1000.00") rather than the "1000" a form gave).
    stored = [_stored(s) for s in subjects]
    body, members = entry_content.split(
        event_type,
        sealed=sealed,
        data=content,
        snapshots=[
            (
                {"model": s.snapshot_label(), "id": s.pk, "fields": row.snapshot()},
                row.personal_fields(),
            )
            for s, row in zip(subjects, stored, strict=True)
        ],
    )
    refs = [(s.snapshot_label(), int(s.pk)) for s in subjects]
    if sealed and settings.WORKINGS_SEALED_BATCH:
        # Nothing about it is written where the team could date it: the day only.
        SealedPending.objects.create(
            log=Log.objects.only("id").get(project_id=project.pk),
            day=moment.astimezone(dt.UTC).date(),
            content=body,
            subjects=[list(r) for r in refs],
        )
        return None
    entry = _append(
        project_id=project.pk,
        type_name=event_type.name,
        actor=actor,
        body=body,
        members=members,
        subjects=refs,
        sealed=sealed,
        moment=moment,
    )
    for subject in subjects:
        subject.last_event_seq = entry.seq
    return entry


def sealed_batch_append(*, today: dt.date | None = None) -> int:
    """Append every sealed entry made before ``today`` (UTC), oldest first, one project at a
    time; returns how many. The worker runs it (``workings append-sealed``, and with
    ``workings send-reminders``): since it runs after the day is over, a sealed entry's
    neighbours in the log date it no more precisely than its header does, to its day."""
    today = today or clock.now().astimezone(dt.UTC).date()
    done = 0
    log_ids = sorted(
        set(SealedPending.objects.filter(day__lt=today).values_list("log_id", flat=True))
    )
    for log_id in log_ids:
        with transaction.atomic():
            project_id = Log.objects.values_list("project_id", flat=True).get(pk=log_id)
            _lock_log(transaction.get_connection(), project_id)
            pending = list(
                SealedPending.objects.filter(log_id=log_id, day__lt=today).order_by("id")
            )
            for row in pending:
                _append(
                    project_id=project_id,
                    type_name=snapshots.SEALED.name,
                    actor=None,
                    body=row.content,
                    members=None,
                    subjects=[(str(label), int(pk)) for label, pk in row.subjects],
                    sealed=True,
                    moment=dt.datetime.combine(row.day, dt.time(0, 0), tzinfo=dt.UTC),
                )
            SealedPending.objects.filter(pk__in=[row.pk for row in pending]).delete()
            done += len(pending)
    return done


def _append(
    *,
    project_id: int,
    type_name: str,
    actor: Any,
    body: dict[str, Any],
    members: dict[str, Any] | None,
    subjects: list[tuple[str, int]],
    sealed: bool,
    moment: dt.datetime,
) -> Entry:
    connection = transaction.get_connection()
    log_id, origin, size, frontier = _lock_log(connection, project_id)
    salt = make_salt()
    header = LeafHeader(
        v=1,
        origin=origin,
        seq=size,
        # A sealed entry's visible header says only that something sealed happened that day.
        type=snapshots.SEALED.name if sealed else type_name,
        time=moment.astimezone(dt.UTC).date().isoformat() if sealed else _utc_time(moment),
        actor=None if sealed else _actor_ref(actor),
        content_commitment=content_commitment(salt, body),
        sealed=sealed,
    )
    leaf = encode_leaf(header)
    tree = CompactRange(size, _split_frontier(frontier))
    new_nodes = tree.append(leaf_hash(leaf))
    entry = Entry(
        log_id=log_id,
        seq=size,
        type=header.type,
        leaf=leaf,
        leaf_hash=new_nodes[0].hash,
        recorded_at=moment.replace(hour=0, minute=0, second=0, microsecond=0) if sealed else moment,
        actor=None if sealed else (actor if _actor_ref(actor) else None),
        sealed=sealed,
        subject_type=subjects[0][0] if subjects and not sealed else "",
        subject_id=subjects[0][1] if subjects and not sealed else None,
    )
    root = tree.root()
    note = sign_note(format_checkpoint(origin, tree.size, root), keys.signer_key())
    # The checkpoint row carries the entry's own (for sealed entries, day-only) time, so its
    # timestamp cannot date a sealed entry more precisely than the entry itself does.
    _write(connection, entry, (body, salt, members), new_nodes, tree, root, note)
    for label, pk in subjects:
        apps.get_model(label)._default_manager.filter(pk=pk).update(last_event_seq=entry.seq)
    return entry


# The append path is written in plain SQL: it runs once per event, and the ORM's per-query
# overhead was most of its CPU time (see bench/README.md). Values still go through each
# field's own conversion, so rows are exactly what the ORM would write.


def _lock_log(connection: Any, project_id: int) -> tuple[int, str, int, bytes]:
    # Row lock on PostgreSQL; on SQLite the IMMEDIATE transaction already holds the write
    # lock (docs/decisions/append-serialisation.md).
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, origin, size, frontier FROM events_log WHERE project_id = %s{lock}",  # noqa: S608
            [project_id],
        )
        row = cursor.fetchone()
    if row is None:
        raise Log.DoesNotExist(f"Project {project_id} has no log.")
    return int(row[0]), str(row[1]), int(row[2]), bytes(row[3])


def _prep(model: Any, name: str, value: Any, connection: Any) -> Any:
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def _write(
    connection: Any,
    entry: Entry,
    parts: tuple[dict[str, Any], bytes, dict[str, Any] | None],
    new_nodes: list[Any],
    tree: CompactRange,
    root: bytes,
    note: str,
) -> None:
    body, salt, members = parts
    q = connection.ops.quote_name
    # The entry and its checkpoint carry the same moment: converted once.
    recorded_at = _prep(Entry, "recorded_at", entry.recorded_at, connection)
    returning = connection.features.can_return_columns_from_insert
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO events_entry (log_id, seq, type, leaf, leaf_hash, recorded_at, "
            "actor_id, sealed, subject_type, subject_id) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            + (" RETURNING id" if returning else ""),
            [
                entry.log_id,
                entry.seq,
                entry.type,
                entry.leaf,
                entry.leaf_hash,
                recorded_at,
                entry.actor_id,
                entry.sealed,
                entry.subject_type,
                entry.subject_id,
            ],
        )
        entry.pk = cursor.fetchone()[0] if returning else cursor.lastrowid
        entry._state.adding = False
        entry._state.db = connection.alias
        cursor.execute(
            "INSERT INTO events_entrycontent (entry_id, content, salt, members_content, "
            "erased_reason, erased_on_request) VALUES (%s, %s, %s, %s, '', %s)",
            [
                entry.pk,
                _prep(EntryContent, "content", body, connection),
                salt,
                _prep(EntryContent, "members_content", members, connection),
                False,
            ],
        )
        cursor.execute(
            f"INSERT INTO events_treenode (log_id, level, {q('index')}, hash) VALUES "  # noqa: S608
            + ", ".join(["(%s, %s, %s, %s)"] * len(new_nodes)),  # fixed fragments only
            [v for n in new_nodes for v in (entry.log_id, n.level, n.index, n.hash)],
        )
        cursor.execute(
            "UPDATE events_log SET size = %s, root = %s, frontier = %s WHERE id = %s",
            [tree.size, root, b"".join(tree.hashes), entry.log_id],
        )
        # One checkpoint per append, signed in the same transaction: a reader never sees an
        # entry that no signed checkpoint covers. See docs/decisions/checkpoint-batching.md.
        cursor.execute(
            "INSERT INTO events_checkpoint (log_id, size, root, note, created_at) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                entry.log_id,
                tree.size,
                root,
                note,
                recorded_at,
            ],
        )
