"""Event types: stable codes, grouped in ranges by app, never reused (like Zulip's audit log).

Ranges: 100-199 projects and people; 200-299 agreements; 300-399 the working record;
400-499 concerns; 500-599 reports; 900-999 the log itself.
The leaf header carries the name; the code is the durable key we never hand out twice.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    code: int
    name: str
    summary: str  # plain English, shown on the Record page


_BY_NAME: dict[str, EventType] = {}
_BY_CODE: dict[int, EventType] = {}


def register(code: int, name: str, summary: str) -> EventType:
    existing = _BY_CODE.get(code)
    if existing is not None and existing.name != name:
        raise ValueError(f"Event code {code} is already used by {existing.name}.")
    event_type = EventType(code, name, summary)
    _BY_CODE[code] = event_type
    _BY_NAME[name] = event_type
    return event_type


def get(name: str) -> EventType:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"Unknown event type {name!r}: register it in event_types.py") from None


def all_types() -> list[EventType]:
    return sorted(_BY_CODE.values(), key=lambda t: t.code)


# The log's own events.
ENTRY_ERASED = register(900, "entry.erased", "Content erased")
SEALED = register(901, "sealed", "A sealed entry was made")
# An erasure of an entry only members could read: its fresh snapshots stay members-only too.
ENTRY_ERASED_MEMBERS = register(902, "entry.erased_private", "Content erased")
ENTRY_HIDDEN = register(903, "entry.hidden", "An entry was hidden from the public view")
ENTRY_SHOWN = register(904, "entry.shown", "A hidden entry was shown to the public again")
