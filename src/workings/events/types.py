"""Event types: stable codes, grouped in ranges by app, never reused (like Zulip's audit log).

Ranges: 100-199 projects and people; 200-299 agreements; 300-399 the working record;
400-499 concerns; 500-599 reports; 600-649 funders; 650-699 verification requests;
700-799 co-owned documents;
800-899 money;
900-999 the log itself.
The leaf header carries the name; the code is the durable key we never hand out twice.
Each app registers its types in its `<app>/snapshots.py`, beside its snapshot contracts
(docs/decisions/snapshot-contract.md); the log's own are in events/snapshots.py.

Every type declares its audience where it is registered (docs/decisions/event-audiences.md):
- PUBLIC: anyone who may read the record reads its public content. Personal data (e-mail
  addresses, real names, private reasons) is never in it: the keys named in ``personal``
  and each snapshot's personal fields go into the entry's member-only part.
- MEMBERS: only the project's members (and funder reviewers) read its content.
- SEALED: always appended with ``sealed=True``; funder reviewers and the raiser only.
An entry appended with ``sealed=True`` is sealed whatever its type declares.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass, field


class Audience(enum.StrEnum):
    PUBLIC = "public"
    MEMBERS = "members"
    SEALED = "sealed"


@dataclass(frozen=True)
class EventType:
    code: int
    name: str
    summary: str  # plain English, shown on the Record page
    audience: Audience
    # Keys of the event's data that are personal: kept in the member-only part.
    personal: frozenset[str] = frozenset()
    # The module that registered it: an app's snapshots module (tests/events/test_types.py).
    module: str = field(default="", compare=False)


_BY_NAME: dict[str, EventType] = {}
_BY_CODE: dict[int, EventType] = {}


def register(
    code: int,
    name: str,
    summary: str,
    audience: Audience,
    *,
    personal: tuple[str, ...] = (),
) -> EventType:
    if not isinstance(audience, Audience):
        raise ValueError(f"Event type {name} must declare its audience (an Audience).")
    existing = _BY_CODE.get(code)
    if existing is not None and existing.name != name:
        raise ValueError(f"Event code {code} is already used by {existing.name}.")
    module = sys._getframe(1).f_globals.get("__name__", "")
    event_type = EventType(code, name, summary, audience, frozenset(personal), module)
    _BY_CODE[code] = event_type
    _BY_NAME[name] = event_type
    return event_type


def get(name: str) -> EventType:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(
            f"Unknown event type {name!r}: register it in its app's snapshots.py"
        ) from None


def all_types() -> list[EventType]:
    return sorted(_BY_CODE.values(), key=lambda t: t.code)


def audience_of(name: str, *, sealed: bool) -> Audience:
    """Who may read an entry's content: sealed entries are sealed; an unknown type (never
    expected) is treated as members-only rather than public."""
    if sealed:
        return Audience.SEALED
    try:
        return get(name).audience
    except ValueError:
        return Audience.MEMBERS
