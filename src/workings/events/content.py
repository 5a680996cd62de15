"""An entry's content, split by audience (docs/decisions/event-audiences.md).

The leaf commits to the entry's **public part**: the event's data and its rows' snapshots
without personal data. Each piece of personal data (a key the type names ``personal``, a
field a row's ``personal_fields()`` names) is taken out and committed on its own, with its
own salt: the public part carries, under ``"members"``, a map from the piece's reference
to ``hex(SHA-256(salt || canonical_json(value)))``. The pieces themselves (value and salt)
are the **member part**, kept beside the log. So:

- a public reader checks the public part against the leaf and sees no personal data;
- a member is shown the pieces they may read (every piece but e-mail addresses; a lead
  also the addresses of the invitations they manage) and checks each against its hash;
- everything is committed, one piece can be erased without touching the others, and older
  entries without a member part read and verify as before.

Members-only entries are split the same way (their public part is shown to members only,
so what matters there is that e-mail addresses stay with the leads). Sealed entries are not
split: their whole content is withheld from the public and the team.

References: ``data/<key>`` for the event's data, ``snap/<model>/<id>/<field>`` for a field of
a row's snapshot.
"""

from __future__ import annotations

import base64
import copy
from typing import Any

from workings.events.types import Audience, EventType
from workings.ledger.entry import MEMBERS_KEY, content_commitment, make_salt

Snapshot = dict[str, Any]  # {"model": label, "id": pk, "fields": {...}}
# Contact details: shown only to those who manage the project's members (its leads).
CONTACT_FIELDS = frozenset({"email"})


def split(
    event_type: EventType,
    *,
    sealed: bool,
    data: dict[str, Any],
    snapshots: list[tuple[Snapshot, frozenset[str]]],
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(public body, member part or None) for an entry about to be appended. The public
    body already carries the commitment to every piece of the member part."""
    body: dict[str, Any] = {"data": data, "snapshots": [snap for snap, _ in snapshots]}
    if sealed or event_type.audience == Audience.SEALED:
        return body, None
    pieces: dict[str, Any] = {}
    public_data = {}
    for key, value in data.items():
        if key in event_type.personal:
            pieces[f"data/{key}"] = value
        else:
            public_data[key] = value
    public_snaps = []
    for snap, personal in snapshots:
        fields = {}
        for name, value in snap["fields"].items():
            if name in personal:
                pieces[f"snap/{snap['model']}/{snap['id']}/{name}"] = value
            else:
                fields[name] = value
        public_snaps.append({**snap, "fields": fields})
    if not pieces:
        return body, None
    members: dict[str, Any] = {}
    commitments: dict[str, str] = {}
    for ref, value in pieces.items():
        salt = make_salt()
        members[ref] = {"salt": base64.b64encode(salt).decode("ascii"), "value": value}
        commitments[ref] = content_commitment(salt, value)
    return {"data": public_data, "snapshots": public_snaps, MEMBERS_KEY: commitments}, members


def is_contact(ref: str) -> bool:
    return ref.rsplit("/", 1)[-1] in CONTACT_FIELDS


def readable_part(members: Any, *, contact: bool) -> dict[str, Any] | None:
    """The pieces of a member part a reader may see: all of them with ``contact``, else all
    but contact details. None if nothing is left."""
    if not isinstance(members, dict):
        return None
    shown = {ref: piece for ref, piece in members.items() if contact or not is_contact(ref)}
    return shown or None


def merged(public: Any, members: Any) -> Any:
    """The content with the member part's pieces put back in their places."""
    if not isinstance(public, dict) or not isinstance(members, dict):
        return public
    out = copy.deepcopy(public)
    out.pop(MEMBERS_KEY, None)
    by_ref = {(str(s.get("model")), str(s.get("id"))): s for s in out.get("snapshots") or []}
    for ref, piece in members.items():
        value = piece.get("value") if isinstance(piece, dict) else None
        parts = ref.split("/")
        if parts[0] == "data" and len(parts) == 2:
            out.setdefault("data", {})[parts[1]] = value
        elif parts[0] == "snap" and len(parts) == 4:
            target = by_ref.get((parts[1], parts[2]))
            if target is not None:
                target.setdefault("fields", {})[parts[3]] = value
    return out


def full_content(body: Any) -> Any:
    """The whole content of an EntryContent row (for audits of the rows it describes)."""
    if body is None or body.content is None:
        return None
    if body.members_content is None:
        return body.content
    return merged(body.content, body.members_content)
