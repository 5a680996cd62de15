"""What needs each person, across their projects: the hook the home page reads.

Each app that asks something of people (sign this, answer that, approve this version,
review these minutes) registers a need source from its AppConfig.ready(). The home page
(notifications/home.py, which sits above every domain app) calls them all for one person
with the projects that person belongs to or reviews, so a source runs a few queries for all
of those projects at once, never one query per project.

A source is called as ``source(user, projects, today)`` and returns ``Need`` items. It must
return only what this person may see and act on: it asks its own app's permission policy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Need:
    """One thing waiting for one person. kind is one of KINDS; title is already translated
    and holds no confidential content (the page behind url decides what may be read)."""

    title: str
    url: str
    kind: str
    project: Any
    due: dt.date | None = None
    overdue: bool = False


# The kinds, in the order the home page groups them.
KINDS = ("overdue", "sign", "approve", "answer", "review", "concern", "reply", "decision")

NeedSource = Callable[[Any, Sequence[Any], dt.date], Iterable[Need]]

_sources: list[NeedSource] = []


def register_need_source(source: NeedSource) -> None:
    if source not in _sources:
        _sources.append(source)


def need_sources() -> list[NeedSource]:
    return list(_sources)


def _order(need: Need) -> tuple[int, int, dt.date, str]:
    rank = KINDS.index(need.kind) if need.kind in KINDS else len(KINDS)
    return (0 if need.overdue else 1, rank, need.due or dt.date.max, need.title)


def needs_for(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    """Everything every source says is waiting for this person: overdue first, then by kind,
    then soonest due."""
    if user is None or not user.is_authenticated or not projects:
        return []
    found: list[Need] = []
    for source in _sources:
        found.extend(source(user, projects, today))
    return sorted(found, key=_order)
