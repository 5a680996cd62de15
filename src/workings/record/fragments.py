"""A per-process cache of the timeline's rendered rows (and its filter form).

Every change that can alter a timeline row - a new entry, an answer, an outcome, a member
leaving or renaming - is a ledger event, so the project's log (its size and root hash) is a
version number for the whole record. The key holds that version, today's date (for
"overdue") and the query string, so a cached fragment is never stale: a write makes a new
key and old keys age out.
The rows are the same for every reader (nothing in them depends on who is looking), which
is what makes them shareable. Reading the version costs one indexed query."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache.backends.locmem import LocMemCache

from workings.core import clock
from workings.events.models import Log

_cache = LocMemCache("workings-record-timeline", {"TIMEOUT": 600, "OPTIONS": {"MAX_ENTRIES": 2000}})


def record_version(project: Any) -> str:
    """The log's size and root hash: changes with every event, and is unique to the log's
    content (so a restored or rebuilt database cannot reuse a key)."""
    row = Log.objects.filter(project_id=project.pk).values_list("size", "root").first()
    return f"{row[0]}-{bytes(row[1]).hex()}" if row else "0"


def key_for(project: Any, version: str, query: str) -> str:
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"timeline:{project.pk}:{version}:{clock.today().isoformat()}:{digest}"


def get(key: str) -> str | None:
    return _cache.get(key)


def put(key: str, html: str) -> None:
    _cache.set(key, html)


def clear() -> None:
    _cache.clear()
