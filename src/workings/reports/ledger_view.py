"""The ledger as an annex sees it: every entry up to a checkpoint, with only the content the
audience may read, and the state of each recorded row as its latest visible snapshot.

Reading the committed snapshots (rather than today's rows) is what makes an annex "as of a
checkpoint": every fact in it comes from an entry the checkpoint covers, and that entry is
cited with its leaf and inclusion proof so anyone can check it offline.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Q
from django.utils.translation import gettext as _

from workings.core.exceptions import NotFound
from workings.events.content import merged, readable_part
from workings.events.models import Checkpoint, Entry, Log, TreeNode
from workings.events.permissions import audience_reads, public_withholding
from workings.events.selectors import hidden_seqs
from workings.events.snapshots import Snapshot
from workings.events.types import Audience, audience_of
from workings.ledger.hashing import range_hash
from workings.ledger.merkle import inclusion_proof_ranges, perfect_nodes

S = TypeVar("S", bound=Snapshot)

PUBLIC, TEAM, FUNDER = "public", "team", "funder"
AUDIENCES = (PUBLIC, TEAM, FUNDER)
# The event audience each annex audience reads as (the rule itself: audience_reads).
READS_AS = {PUBLIC: Audience.PUBLIC, TEAM: Audience.MEMBERS, FUNDER: Audience.SEALED}


def b64(data: bytes | memoryview | None) -> str | None:
    return None if data is None else base64.b64encode(bytes(data)).decode("ascii")


@dataclass
class Cited:
    seq: int
    type: str
    recorded_at: Any
    sealed: bool
    erased: bool
    withheld: bool  # content exists but this audience may not read it
    leaf: bytes
    content: Any
    salt: bytes | None
    # The pieces of a public entry's member part (personal data) the team and funder
    # annexes show: never an e-mail address.
    members_content: Any = None
    # Withheld from the public annex because it is not published (a type the team keeps
    # off the public page, or a contributor's entry without their consent).
    unpublished: bool = False


@dataclass
class LedgerView:
    project: Any
    audience: str
    checkpoint: Checkpoint
    log: Log
    entries: list[Cited] = field(default_factory=list)
    # model label -> row id -> (fields, seq of the entry holding that snapshot)
    state: dict[str, dict[int, tuple[dict[str, Any], int]]] = field(default_factory=dict)
    # model label -> row id -> list of (fields, seq), oldest first (full history)
    history: dict[str, dict[int, list[tuple[dict[str, Any], int]]]] = field(default_factory=dict)
    cited: set[int] = field(default_factory=set)
    # cited for their leaf and proof only: content names people who asked not to be named
    redacted: set[int] = field(default_factory=set)

    @property
    def size(self) -> int:
        return int(self.checkpoint.size)

    def cite(self, *seqs: int | None) -> list[int]:
        out = [int(s) for s in seqs if s is not None and 0 <= int(s) < self.size]
        self.cited.update(out)
        return out

    def redact(self, *seqs: int | None) -> None:
        self.redacted.update(int(s) for s in seqs if s is not None)

    def rows(self, label: str) -> list[tuple[int, dict[str, Any], int]]:
        """(id, fields, seq) for every row of a model, in the order first recorded."""
        got = self.state.get(label, {})
        return [(pk, fields, seq) for pk, (fields, seq) in got.items()]

    def read(self, kind: type[S]) -> list[tuple[int, S, int]]:
        """(id, typed snapshot, seq) for every row of the snapshot's model, in the order
        first recorded: how sections read the record (docs/decisions/snapshot-contract.md)."""
        return [(pk, kind.read(fields), seq) for pk, fields, seq in self.rows(kind.model)]

    def latest(self, kind: type[S], pk: Any) -> tuple[S, int] | None:
        """One row's latest snapshot this audience may read, and its entry; None if none."""
        row = self.state.get(kind.model, {}).get(pk)
        return None if row is None else (kind.read(row[0]), row[1])

    def history_of(self, kind: type[S], pk: Any) -> list[tuple[S, int]]:
        """Every snapshot of one row this audience may read, oldest first."""
        return [(kind.read(f), seq) for f, seq in self.history.get(kind.model, {}).get(pk, [])]

    def of_type(self, *types: str) -> list[Cited]:
        wanted = set(types)
        return [e for e in self.entries if e.type in wanted]

    def proofs(self, seqs: Iterable[int]) -> dict[int, list[bytes]]:
        """Inclusion proofs to this checkpoint for many entries, from one read of the
        stored tree nodes (never one query per entry)."""
        seqs = sorted(set(seqs))
        if not seqs:
            return {}
        per_seq = {
            s: [perfect_nodes(a, b) for a, b in inclusion_proof_ranges(s, self.size)] for s in seqs
        }
        wanted = {n for ranges in per_seq.values() for nodes in ranges for n in nodes}
        got: dict[tuple[int, int], bytes] = {}
        if len(wanted) < 300:
            q = Q()
            for lv, ix in wanted:
                q |= Q(level=lv, index=ix)
            rows = TreeNode.objects.filter(q, log=self.log)
        else:  # one pass over the stored nodes: cheaper than a huge OR for big annexes
            rows = TreeNode.objects.filter(log=self.log, level__in={lv for lv, _ in wanted})
        for lv, ix, h in rows.values_list("level", "index", "hash").iterator(chunk_size=5000):
            if (lv, ix) in wanted:
                got[(lv, ix)] = bytes(h)
        return {
            s: [range_hash([got[n] for n in nodes]) for nodes in ranges]
            for s, ranges in per_seq.items()
        }


def may_read(audience: str, entry_type: str, sealed: bool) -> bool:
    """Whether this annex's audience reads the entry's content (its public part): the
    audience the entry's type declared decides."""
    return audience_reads(READS_AS[audience], audience_of(entry_type, sealed=sealed))


def checkpoint_for(*, project: Any, size: int | None) -> tuple[Log, Checkpoint]:
    log = Log.objects.filter(project_id=project.pk).first()
    if log is None:
        raise NotFound(_("This project has no record yet, so there is nothing to report."))
    cps = Checkpoint.objects.filter(log=log)
    cp = cps.order_by("-size").first() if size is None else cps.filter(size=size).first()
    if cp is None:
        if size is None:
            raise NotFound(_("This project's record has no signed checkpoint yet."))
        raise NotFound(
            _(
                "There is no checkpoint of size %(size)s in this project's record. Choose a "
                "size between 1 and %(size2)s, or leave it out for the latest."
            )
            % {"size": size, "size2": log.size}
        )
    return log, cp


def load(*, project: Any, audience: str, checkpoint_size: int | None = None) -> LedgerView:
    """Read the log up to the checkpoint in a bounded number of queries."""
    log, cp = checkpoint_for(project=project, size=checkpoint_size)
    view = LedgerView(project=project, audience=audience, checkpoint=cp, log=log)
    rows = (
        Entry.objects.filter(log=log, seq__lt=cp.size)
        .order_by("seq")
        .values_list(
            "seq",
            "type",
            "recorded_at",
            "sealed",
            "leaf",
            "body__content",
            "body__salt",
            "body__erased_at",
            "body__members_content",
            "actor_id",
        )
    )
    # What the lead hid from the public view is withheld from the public annex (a tombstone).
    hidden = set(hidden_seqs(log=log)) if audience == PUBLIC else set()
    # ...and so is what is not published (events/permissions.py: public withholders).
    withholding = public_withholding(project) if audience == PUBLIC else None
    for seq, etype, at, sealed, leaf, content, salt, erased_at, m_content, actor in rows.iterator(
        chunk_size=2000
    ):
        erased = erased_at is not None
        unpublished = bool(
            withholding is not None and not sealed and withholding(seq, etype, actor)
        )
        readable = may_read(audience, etype, sealed) and seq not in hidden and not unpublished
        visible = readable and not erased
        # Personal data never reaches the public annex; the team and funder read it, but
        # no annex carries an e-mail address.
        members = None
        if visible and audience != PUBLIC:
            members = readable_part(m_content, contact=False)
        cited = Cited(
            seq=seq,
            type=etype,
            recorded_at=at,
            sealed=sealed,
            erased=erased,
            withheld=not readable,
            leaf=bytes(leaf),
            content=content if visible else None,
            salt=bytes(salt) if visible and salt is not None else None,
            members_content=members,
            unpublished=unpublished,
        )
        view.entries.append(cited)
        if members:
            content = merged(content, members)
        if visible and isinstance(content, dict):
            for snap in content.get("snapshots") or ():
                label, pk = snap.get("model"), snap.get("id")
                if label is None or pk is None:
                    continue
                fields = snap.get("fields") or {}
                view.state.setdefault(label, {})[pk] = (fields, seq)
                view.history.setdefault(label, {}).setdefault(pk, []).append((fields, seq))
    return view
