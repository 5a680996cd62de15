"""The one write path into a project's log.

append_event() runs inside the caller's transaction, so a domain write and its event
commit together or not at all. It locks the project's Log row (SELECT ... FOR UPDATE on
PostgreSQL; on SQLite the IMMEDIATE transaction already holds the write lock), appends one
leaf, stores the O(log n) new tree nodes and signs a checkpoint for the new size.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.i18n import in_record_language
from workings.events import content as entry_content
from workings.events import erasure, keys, types
from workings.events.models import (
    Checkpoint,
    Entry,
    EntryContent,
    ErasedRow,
    HiddenEntry,
    Log,
    SealedPending,
    WitnessedCheckpoint,
)
from workings.events.recorded import RecordedModel
from workings.ledger.checkpoint import NoteError, format_checkpoint, sign_note, verify_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf, make_salt
from workings.ledger.hashing import EMPTY_ROOT, CompactRange, leaf_hash
from workings.verifier.witness import WitnessAlarm, WitnessState, witness_update


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
                    type_name=types.SEALED.name,
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
        type=types.SEALED.name if sealed else type_name,
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
                _prep(Entry, "recorded_at", entry.recorded_at, connection),
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
                _prep(Checkpoint, "created_at", entry.recorded_at, connection),
            ],
        )


# Erased text this long or longer is looked for in every other entry's content.
QUOTE_MIN_CHARS = 12


def _reason(reason: str, *, required: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(required, field="reason")
    if len(reason) > 1000:
        raise ValidationFailed(
            _("The reason is too long (1,000 characters at most)."), field="reason"
        )
    return reason


def _locked_body(project: Any, seq: int) -> EntryContent:
    body = (
        EntryContent.objects.select_for_update()
        .select_related("entry")
        .filter(entry__log__project_id=project.pk, entry__seq=seq)
        .first()
    )
    if body is None:
        raise ValidationFailed(
            _("There is no entry %(seq)s in this project's record.") % {"seq": seq}, field="seq"
        )
    return body


@transaction.atomic
def entry_erase(*, actor: Any, project: Any, seq: int, reason: str) -> Entry:
    """Erase the words of an entry, at its author's own request (UK GDPR). An entry with no
    personal author (written by the software) can be erased by a lead. Nobody erases
    another person's words here: that is a data-protection request (below)."""
    from workings.events.permissions import log_policy

    reason = _reason(reason, required="Say why the content is being erased.")
    body = _locked_body(project, seq)
    if not log_policy.can_erase(actor, project, body.entry):
        raise NotAllowed(
            _(
                "Only the person who wrote an entry can erase it. To have someone else's words "
                "erased, make a data-protection request to the site's administrators."
            )
        )
    return _erase(actor=actor, project=project, body=body, reason=reason, on_request=False)


@transaction.atomic
def entry_erase_on_request(*, actor: Any, project: Any, seq: int, reason: str) -> Entry:
    """A site administrator erases an entry's words on a data-protection request. The reason
    is kept in the record and sent to the entry's author in a notice."""
    from workings.events.permissions import log_policy

    reason = _reason(
        reason, required="Say what the data-protection request is (the author will be told)."
    )
    body = _locked_body(project, seq)
    if not log_policy.can_erase_on_request(actor, body.entry):
        raise NotAllowed(_("Only a site administrator can act on a data-protection request."))
    return _erase(actor=actor, project=project, body=body, reason=reason, on_request=True)


def _snapshots(content: Any) -> list[dict[str, Any]]:
    if not isinstance(content, dict):
        return []
    return [s for s in content.get("snapshots", []) if isinstance(s, dict)]


def _row(label: str, pk: Any) -> Any:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, RecordedModel):
        return None
    return model._default_manager.filter(pk=pk).first()


def _quotes(content: Any, blanked: dict[tuple[str, int], set[str]], words: set[str]) -> bool:
    """Whether an entry's content still holds any of the erased words."""
    for snap in _snapshots(content):
        keys = blanked.get((snap.get("model", ""), snap.get("id", -1)))
        fields = snap.get("fields") or {}
        if keys and any(fields.get(k) not in (None, "", [], {}) for k in keys):
            return True
    if words:
        # Compare in the JSON form, so words with quotes or line breaks are found too.
        text = json.dumps(content, ensure_ascii=False)
        return any(json.dumps(w, ensure_ascii=False)[1:-1] in text for w in words)
    return False


def _erase(*, actor: Any, project: Any, body: EntryContent, reason: str, on_request: bool) -> Entry:
    entry = body.entry
    if body.is_erased:
        raise ValidationFailed(
            _("Entry %(seq)s has already been erased.") % {"seq": entry.seq}, field="seq"
        )
    # Take the log's lock now, so no append can add a quoting entry while we look for them.
    _lock_log(transaction.get_connection(), project.pk)
    # 1. Each app blanks what the entry's author wrote in the rows the entry describes.
    blanked: dict[tuple[str, int], set[str]] = {}
    changed: dict[tuple[str, int], Any] = {}
    said: set[str] = set()
    for snap in _snapshots(body.content):
        label, pk = str(snap.get("model", "")), snap.get("id")
        eraser = erasure.eraser_for(label)
        row = _row(label, pk) if eraser is not None else None
        if eraser is None or row is None:
            continue
        for blank in eraser(row, entry.actor_id):
            key = (blank.row.snapshot_label(), blank.row.pk)
            changed[key] = blank.row
            blanked.setdefault(key, set()).update(blank.old)
            said.update(v.strip() for v in blank.old.values() if isinstance(v, str) and v.strip())
    # Long enough to be the person's own words, not a common word found everywhere.
    words = {w for w in said if len(w) >= QUOTE_MIN_CHARS}
    # 2. Every other entry that still quotes those words is erased with it.
    targets = [body]
    others = (
        EntryContent.objects.select_related("entry")
        .filter(entry__log__project_id=project.pk, erased_at__isnull=True)
        .exclude(pk=body.pk)
        .order_by("entry__seq")
    )
    if blanked or words:
        targets += [
            b for b in others.iterator(chunk_size=500) if _quotes(b.content, blanked, words)
        ]
    target_seqs = {b.entry.seq for b in targets}
    # 3. Rows whose latest snapshot is gone, and rows just blanked, get a fresh snapshot in
    # the erasure entry, so verify compares them again (and still sees any other edit).
    for b in targets:
        for snap in _snapshots(b.content):
            key = (str(snap.get("model", "")), snap.get("id"))
            if key in changed:
                continue
            row = _row(*key)
            if row is not None and row.last_event_seq in target_seqs:
                changed[key] = row  # type: ignore[index]
    private = any(_members_only(b.entry.type) for b in targets)
    erasure_type = types.ENTRY_ERASED_MEMBERS if private else types.ENTRY_ERASED
    also = sorted(target_seqs - {entry.seq})
    erasure_entry = append_event(
        project=project,
        type=erasure_type.name,
        actor=actor,
        content={
            "erased_seq": entry.seq,
            "also_erased": also,
            "on_request": on_request,
            "reason": reason,
            # Which rows the erased snapshots described (model and id, nothing personal), so
            # the verifier can tell "its latest snapshot was erased" from a row pointed at an
            # erased entry by SQL to escape the check.
            "rows": [
                list(r)
                for r in sorted(
                    {
                        (str(s["model"]), int(s["id"]))
                        for b in targets
                        for s in _snapshots(b.content)
                    }
                )
            ],
        },
        subjects=[changed[k] for k in sorted(changed, key=lambda k: (k[0], k[1]))],
    )
    if erasure_entry is None:  # only sealed events wait for a batch; erasures are not sealed
        raise RuntimeError("The erasure was not recorded.")
    moment = clock.now()
    for pks, why in (([body.pk], reason), ([b.pk for b in targets[1:]], _quoted(entry.seq))):
        EntryContent.objects.filter(pk__in=pks).update(
            content=None,
            salt=None,
            members_content=None,
            erased_at=moment,
            erased_reason=why,
            erasure_seq=erasure_entry.seq,
            erased_on_request=on_request,
        )
    ErasedRow.objects.bulk_create(
        [
            ErasedRow(
                log_id=entry.log_id,
                label=label,
                row_id=pk,
                erased_at=moment,
                on_request=on_request,
                erasure_seq=erasure_entry.seq,
            )
            for label, pk in sorted(blanked)
        ]
    )
    # 4. Files and caches built from the log are made again without the words.
    erasure.purge(project)
    erasure.scrub(project, {w for w in said if len(w) >= 4})
    told = erasure.Erased(
        project_id=project.pk,
        seq=entry.seq,
        erasure_seq=erasure_entry.seq,
        author_id=entry.actor_id,
        by_id=actor.pk if actor is not None else None,
        on_request=on_request,
        reason=reason,
    )
    transaction.on_commit(lambda: erasure.tell(told))
    return erasure_entry


@transaction.atomic
def entry_hide(*, actor: Any, project: Any, seq: int, category: str, reason: str = "") -> Entry:
    """The lead hides an entry from the public view, with a reason the public sees in its
    place. Nothing is destroyed: members still read it (marked hidden), and it can be shown
    again."""
    from workings.events.permissions import log_policy

    entry = Entry.objects.filter(log__project_id=project.pk, seq=seq).first()
    if entry is None:
        raise ValidationFailed(
            _("There is no entry %(seq)s in this project's record.") % {"seq": seq}, field="seq"
        )
    if not log_policy.can_hide(actor, project, entry):
        raise NotAllowed(_("Only the project's lead can hide an entry from the public view."))
    if category not in HiddenEntry.Category.values:
        raise ValidationFailed(_("Choose why the entry is being hidden."), field="category")
    reason = (reason or "").strip()
    if category == HiddenEntry.Category.OTHER and not reason:
        raise ValidationFailed(_("Say why the entry is being hidden."), field="reason")
    if len(reason) > 1000:
        raise ValidationFailed(
            _("The reason is too long (1,000 characters at most)."), field="reason"
        )
    if HiddenEntry.objects.filter(entry=entry, shown_at__isnull=True).exists():
        raise ValidationFailed(
            _("Entry %(seq)s is already hidden from the public.") % {"seq": seq}, field="seq"
        )
    event = append_event(
        project=project,
        type=types.ENTRY_HIDDEN.name,
        actor=actor,
        content={"hidden_seq": seq, "category": category, "reason": reason},
    )
    moment = clock.now()
    HiddenEntry.objects.bulk_create(
        [
            HiddenEntry(
                entry=e,
                category=category,
                reason=reason,
                hidden_by=actor,
                hidden_at=moment,
                hide_seq=event.seq,
            )
            for e in [entry, *_quoting(project, entry)]
        ]
    )
    erasure.purge(project)  # public annex files made before no longer match
    return event


@transaction.atomic
def entry_show(*, actor: Any, project: Any, seq: int) -> Entry:
    """Show a hidden entry to the public again."""
    from workings.events.permissions import log_policy

    entry = Entry.objects.filter(log__project_id=project.pk, seq=seq).first()
    if entry is None:
        raise ValidationFailed(
            _("There is no entry %(seq)s in this project's record.") % {"seq": seq}, field="seq"
        )
    if not log_policy.can_hide(actor, project, entry):
        raise NotAllowed(_("Only the project's lead can show a hidden entry again."))
    hiding = (
        HiddenEntry.objects.select_for_update()
        .select_related("entry")
        .filter(entry=entry, shown_at__isnull=True)
        .first()
    )
    if hiding is None:
        raise ValidationFailed(_("Entry %(seq)s is not hidden.") % {"seq": seq}, field="seq")
    event = append_event(
        project=project, type=types.ENTRY_SHOWN.name, actor=actor, content={"shown_seq": seq}
    )
    # The entries hidden with it (they quoted its rows) are shown again with it.
    HiddenEntry.objects.filter(
        entry__log_id=hiding.entry.log_id, hide_seq=hiding.hide_seq, shown_at__isnull=True
    ).update(shown_at=clock.now(), show_seq=event.seq)
    erasure.purge(project)
    return event


def _quoting(project: Any, entry: Entry) -> list[Entry]:
    """Other entries whose snapshots hold a row the entry describes (so they quote it), not
    already hidden: they are hidden with it, or the public would read the words there."""
    body = EntryContent.objects.filter(entry=entry).values_list("content", flat=True).first()
    rows = {(s.get("model"), s.get("id")) for s in _snapshots(body)}
    if not rows:
        return []
    found = []
    others = (
        EntryContent.objects.select_related("entry")
        .filter(entry__log__project_id=project.pk, erased_at__isnull=True, entry__sealed=False)
        .exclude(entry=entry)
        .exclude(entry__hidings__shown_at__isnull=True, entry__hidings__isnull=False)
    )
    for other in others.iterator(chunk_size=500):
        if any((s.get("model"), s.get("id")) in rows for s in _snapshots(other.content)):
            found.append(other.entry)
    return found


def _quoted(seq: int) -> str:
    return f"It quoted entry {seq}, whose words were erased."


def _members_only(name: str) -> bool:
    return types.audience_of(name, sealed=False) == types.Audience.MEMBERS


@transaction.atomic
def _same_key_as_before(kept_note: str) -> None:
    """The witness trusted the key that signed what it kept. If today's key cannot verify
    that note, the site's key was replaced: say so loudly rather than quietly trusting the
    new one."""
    try:
        verify_note(kept_note, [keys.verifier_key()])
    except NoteError:
        raise WitnessAlarm(
            "ALARM: the log's signing key has changed since you last witnessed this log. "
            "Ask the site why, and check the new public key with them by another route "
            "before you trust anything signed with it."
        ) from None


def witness_visit(*, actor: Any, project: Any) -> WitnessedCheckpoint | None:
    """A funder reviewer's view keeps the current checkpoint after checking it against the
    last one it kept: a valid signature and a consistency proof. Anything else is kept too,
    marked inconsistent with the alarm, so the alarm cannot be lost by reloading the page."""
    from workings.events import selectors
    from workings.events.permissions import log_policy

    if not log_policy.can_witness(actor, project):
        raise NotAllowed(_("Only the project's funder reviewers keep witness checkpoints."))
    log = Log.objects.get(project_id=project.pk)
    current = Checkpoint.objects.filter(log=log).order_by("-size").first()
    if current is None:
        return None
    kept = (
        WitnessedCheckpoint.objects.filter(log=log, witness=actor, consistent=True)
        .order_by("-size", "-id")
        .first()
    )
    if kept is not None and kept.note == current.note:
        return kept
    state = WitnessState(origin=log.origin, verifier_key=keys.verifier_key())
    if kept is not None:
        state = replace(state, note=kept.note, size=kept.size, root=bytes(kept.root))
    proof: list[bytes] = []
    if kept is not None and state.size <= current.size:
        proof = selectors.consistency_proof(
            project=project, first=state.size, second=current.size, log=log
        )
    row = WitnessedCheckpoint(
        log=log,
        witness=actor,
        size=current.size,
        root=current.root,
        note=current.note,
        seen_at=clock.now(),
        previous_size=kept.size if kept is not None else None,
        proof="\n".join(base64.b64encode(h).decode() for h in proof),
    )
    try:
        if kept is not None:
            _same_key_as_before(kept.note)
        witness_update(state, current.note, proof)
    except WitnessAlarm as alarm:
        row.consistent = False
        row.alarm = str(alarm)
    row.save()
    return row
