"""An entry's content, split by audience (docs/decisions/event-audiences.md).

What a public entry commits to is two parts. The **public part** is the content the leaf
commits to: the event's data and its rows' snapshots, without personal data. If the entry
has personal data (keys its type names ``personal``, fields a row's ``personal_fields()``
names), they go into the **member part**, committed by its own salted hash, which the
public part carries under ``"members"``. So a public reader checks the public part against
the leaf, and a member also checks the member part against that hash: everything is
committed, and the public sees no personal data. Entries of members-only and sealed types
are not split (their whole content is withheld from the public), and older entries without
a member part read and verify as before.
"""

from __future__ import annotations

import copy
from typing import Any

from workings.events.types import Audience, EventType
from workings.ledger.entry import MEMBERS_KEY

Snapshot = dict[str, Any]  # {"model": label, "id": pk, "fields": {...}}


def split(
    event_type: EventType,
    *,
    sealed: bool,
    data: dict[str, Any],
    snapshots: list[tuple[Snapshot, frozenset[str]]],
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(public body, member body or None) for an entry about to be appended."""
    body: dict[str, Any] = {"data": data, "snapshots": [snap for snap, _ in snapshots]}
    if sealed or event_type.audience != Audience.PUBLIC:
        return body, None
    public_data = {k: v for k, v in data.items() if k not in event_type.personal}
    member_data = {k: v for k, v in data.items() if k in event_type.personal}
    public_snaps, member_snaps = [], []
    for snap, personal in snapshots:
        fields = snap["fields"]
        public_snaps.append(
            {**snap, "fields": {k: v for k, v in fields.items() if k not in personal}}
        )
        kept = {k: v for k, v in fields.items() if k in personal}
        if kept:
            member_snaps.append({"model": snap["model"], "id": snap["id"], "fields": kept})
    if not member_data and not member_snaps:
        return body, None
    return {"data": public_data, "snapshots": public_snaps}, {
        "data": member_data,
        "snapshots": member_snaps,
    }


def merged(public: Any, members: Any) -> Any:
    """The whole content: the public part with the member part put back in its place."""
    if not isinstance(public, dict) or not isinstance(members, dict):
        return public
    out = copy.deepcopy(public)
    out.pop(MEMBERS_KEY, None)
    out.setdefault("data", {}).update(members.get("data") or {})
    by_ref = {(s.get("model"), s.get("id")): s for s in out.get("snapshots") or []}
    for snap in members.get("snapshots") or []:
        target = by_ref.get((snap.get("model"), snap.get("id")))
        if target is not None:
            target.setdefault("fields", {}).update(snap.get("fields") or {})
    return out


def full_content(body: Any) -> Any:
    """The whole content of an EntryContent row (for members, audits and exports)."""
    if body is None or body.content is None:
        return None
    if body.members_content is None:
        return body.content
    return merged(body.content, body.members_content)
