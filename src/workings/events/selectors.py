"""Reads of a project's log. Proofs come from stored TreeNode rows in one query each, so
their cost grows with log n, never with n."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from workings.core.exceptions import NotFound, ValidationFailed
from workings.events.models import (
    Checkpoint,
    Entry,
    ErasedRow,
    HiddenEntry,
    Log,
    WitnessedCheckpoint,
)
from workings.ledger.merkle import consistency_proof_from, inclusion_proof_from

MAX_ENTRIES_PAGE = 1000


def project_by_slug(slug: str) -> Any | None:
    """The project named ``slug``, found through its log (events sits below projects and
    does not import its models), or None."""
    log = Log.objects.filter(project__slug=slug).select_related("project").first()
    return log.project if log is not None else None


def log_for(*, project: Any) -> Log:
    try:
        return Log.objects.get(project_id=project.pk)
    except Log.DoesNotExist:
        raise NotFound(_("This project has no record yet.")) from None


def latest_checkpoint(*, project: Any) -> Checkpoint | None:
    return Checkpoint.objects.filter(log__project_id=project.pk).order_by("-size").first()


def entry_page(*, project: Any, before: int | None, limit: int = 50) -> list[Entry]:
    """Newest first, keyset-paginated on seq (never OFFSET)."""
    entries: QuerySet[Entry] = (
        Entry.objects.filter(log__project_id=project.pk)
        .select_related("actor", "body")
        .prefetch_related("hidings")
    )
    if before is not None:
        entries = entries.filter(seq__lt=before)
    return list(entries.order_by("-seq")[:limit])


def entries_range(*, project: Any, start: int, end: int | None) -> tuple[list[Entry], int]:
    """Entries with start <= seq < end (at most MAX_ENTRIES_PAGE), oldest first, and the size
    of the log. ``end`` defaults to start + MAX_ENTRIES_PAGE; it is clamped to the size."""
    log = log_for(project=project)
    if start < 0:
        raise ValidationFailed(_("start must be 0 or more."), field="start")
    if end is None:
        end = start + MAX_ENTRIES_PAGE
    if end < start:
        raise ValidationFailed(_("end must not be before start."), field="end")
    end = min(end, start + MAX_ENTRIES_PAGE, log.size)
    if start > log.size:
        raise ValidationFailed(
            _("start %(start)s is beyond the end of the log (%(size)s entries).")
            % {"start": start, "size": log.size},
            field="start",
        )
    rows = list(
        Entry.objects.filter(log=log, seq__gte=start, seq__lt=end)
        .select_related("body")
        .order_by("seq")
    )
    # The page's hidings in one query, attached by hand: prefetch_related builds a queryset
    # per entry, which was most of the time of a 1,000-entry page (about 0.9 ms an entry).
    hidings: dict[int, list[HiddenEntry]] = {e.pk: [] for e in rows}
    for h in HiddenEntry.objects.filter(entry__log=log, entry__seq__gte=start, entry__seq__lt=end):
        hidings[h.entry_id].append(h)
    for e in rows:
        e.hiding_list = hidings[e.pk]  # type: ignore[attr-defined]  # read by active_hiding
    return rows, log.size


# Proofs are read with plain SQL: they are the hot read path for outside verifiers, and
# the ORM's cost of building a query with ~40 OR terms was several times the query itself.


def _log_ref(project: Any) -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, size FROM events_log WHERE project_id = %s", [project.pk])
        row = cursor.fetchone()
    if row is None:
        raise NotFound(_("This project has no record yet."))
    return int(row[0]), int(row[1])


def _node_fetch(log_id: int, extra: tuple[tuple[int, int], ...] = ()) -> Any:
    def fetch(nodes: list[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        wanted = sorted(set(nodes) | set(extra))
        if not wanted:
            return {}
        # The log is repeated inside every term so that each term is a lookup on the unique
        # (log, level, index) index: SQLite then unions O(log n) index probes instead of
        # scanning every node of the log (PostgreSQL does the same with a BitmapOr).
        index = connection.ops.quote_name("index")
        term = f"(log_id = %s AND level = %s AND {index} = %s)"
        where = " OR ".join([term] * len(wanted))
        sql = f"SELECT level, {index}, hash FROM events_treenode WHERE {where}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [v for lv, ix in wanted for v in (log_id, lv, ix)])
            return {(int(lv), int(ix)): bytes(h) for lv, ix, h in cursor.fetchall()}

    return fetch


def inclusion_proof(*, project: Any, index: int, tree_size: int) -> tuple[bytes, list[bytes]]:
    """The leaf hash at ``index`` and its RFC 9162 inclusion proof in the tree of
    ``tree_size``: two queries, the second reading O(log n) stored nodes."""
    log_id, size = _log_ref(project)
    if tree_size < 1 or tree_size > size:
        raise ValidationFailed(
            _("tree_size must be between 1 and the log's size (%(size)s).") % {"size": size},
            field="tree_size",
        )
    if index < 0 or index >= tree_size:
        raise ValidationFailed(
            _("index must be at least 0 and less than tree_size (%(tree_size)s).")
            % {"tree_size": tree_size},
            field="index",
        )
    got: dict[tuple[int, int], bytes] = {}
    base = _node_fetch(log_id, ((0, index),))  # the leaf's own hash comes in the same query

    def fetch(nodes: list[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        got.update(base(nodes))
        return got

    proof = inclusion_proof_from(fetch, index, tree_size)
    if (0, index) not in got:  # a one-leaf tree needs no proof, so nothing was fetched
        got.update(base([]))
    return got[(0, index)], proof


def consistency_proof(
    *, project: Any, first: int, second: int, log: Log | None = None
) -> list[bytes]:
    """RFC 9162 consistency proof between the trees of sizes ``first`` and ``second``."""
    log_id, size = (log.pk, log.size) if log is not None else _log_ref(project)
    if second > size:
        raise ValidationFailed(
            _("second must not be more than the log's size (%(size)s).") % {"size": size},
            field="second",
        )
    if first < 0 or first > second:
        raise ValidationFailed(_("first must be between 0 and second."), field="first")
    return consistency_proof_from(_node_fetch(log_id), first, second)


def witnessed_for(*, project: Any, witness: Any, limit: int = 50) -> list[WitnessedCheckpoint]:
    """The checkpoints this witness has kept, newest first."""
    return list(
        WitnessedCheckpoint.objects.filter(log__project_id=project.pk, witness=witness).order_by(
            "-size", "-id"
        )[:limit]
    )


def subject_links(entries: list[Entry]) -> dict[tuple[str, int | None], str]:
    """Links to the rows the entries are about: one query per kind of row on the page
    (a fixed, small number), never one per entry."""
    from django.apps import apps

    wanted: dict[str, set[int]] = {}
    for e in entries:
        if e.subject_type and e.subject_id is not None and not e.sealed:
            wanted.setdefault(e.subject_type, set()).add(e.subject_id)
    links: dict[tuple[str, int | None], str] = {}
    for label, pks in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        if not hasattr(model, "get_absolute_url"):
            continue
        rows = model._default_manager.filter(pk__in=pks)
        # Most links name the project (its slug): fetch it with the rows, not once per row.
        if any(f.name == "project" and f.is_relation for f in model._meta.get_fields()):
            rows = rows.select_related("project")
        for row in rows:
            links[(label, row.pk)] = row.get_absolute_url()
    return links


def hidden_seqs(*, log: Log) -> list[int]:
    """Entries the lead has hidden from the public view (one query)."""
    return list(
        HiddenEntry.objects.filter(entry__log=log, shown_at__isnull=True).values_list(
            "entry__seq", flat=True
        )
    )


def erased_rows(*, label: str, ids: list[int]) -> dict[int, ErasedRow]:
    """Which of these rows had their words erased (one query): the tombstone to show."""
    if not ids:
        return {}
    found: dict[int, ErasedRow] = {}
    for row in ErasedRow.objects.filter(label=label, row_id__in=ids).order_by("erasure_seq"):
        found.setdefault(row.row_id, row)
    return found


def hidden_rows(*, project: Any, label: str, ids: list[int]) -> dict[int, HiddenEntry]:
    """Rows whose entry the lead hid from the public (one query): the tombstone to show."""
    if not ids:
        return {}
    found: dict[int, HiddenEntry] = {}
    rows = HiddenEntry.objects.filter(
        entry__log__project_id=project.pk,
        entry__subject_type=label,
        entry__subject_id__in=ids,
        shown_at__isnull=True,
    ).select_related("entry")
    for hiding in rows.order_by("hidden_at"):
        found.setdefault(int(hiding.entry.subject_id or 0), hiding)
    return found
