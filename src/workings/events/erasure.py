"""Erasure reaches every copy of a person's words, without events importing domain apps.

Each domain app that keeps personal words in recorded rows registers, at ready(), an
*eraser* for each of its models: "blank what this author wrote in this row". The erasure
service (events/services/erasing.py) calls the eraser of every row the erased entry's snapshots
point at, then erases every other entry whose content still quotes a blanked field, then
records one new entry that holds the blanked rows' fresh snapshots, so
`workings verify --project` compares each row with a snapshot again.

Apps that build files or caches from the log register a *purger* ("drop what you made for
this project") or a *scrubber* ("remove these words from rows that copied them"); apps
that must tell someone register a *listener*, called once the erasure has committed.
See docs/decisions/erasure.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Blank:
    """One row an eraser changed, with the old values of the snapshot fields it blanked."""

    row: Any
    old: dict[str, Any]


# (row, author_id) -> the rows it blanked (the row itself, and any row that quoted it);
# empty if nothing in the row was the author's. author_id is the user who wrote the erased
# entry, or None for an entry with no personal author.
Eraser = Callable[[Any, "int | None"], list[Blank]]


@dataclass(frozen=True)
class Erased:
    """What one erasure did, told to listeners after the transaction commits."""

    project_id: int
    seq: int
    erasure_seq: int
    author_id: int | None
    by_id: int | None
    on_request: bool
    reason: str


_ERASERS: dict[str, Eraser] = {}
_PURGERS: list[Callable[[Any], None]] = []
_LISTENERS: list[Callable[[Erased], None]] = []
_SCRUBBERS: list[Callable[[Any, set[str]], None]] = []


def register_eraser(label: str, eraser: Eraser) -> None:
    """``label`` is the model's snapshot label (``app_label.modelname``)."""
    _ERASERS[label] = eraser


def eraser_for(label: str) -> Eraser | None:
    return _ERASERS.get(label)


def register_purger(purger: Callable[[Any], None]) -> None:
    if purger not in _PURGERS:
        _PURGERS.append(purger)


def purge(project: Any) -> None:
    for purger in _PURGERS:
        purger(project)


def register_scrubber(scrubber: Callable[[Any, set[str]], None]) -> None:
    """A scrubber removes the erased words from rows that copied them outside the log
    (e.g. a notice's title), in the erasure's transaction."""
    if scrubber not in _SCRUBBERS:
        _SCRUBBERS.append(scrubber)


def scrub(project: Any, words: set[str]) -> None:
    if not words:
        return
    for scrubber in _SCRUBBERS:
        scrubber(project, words)


def register_listener(listener: Callable[[Erased], None]) -> None:
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def tell(erased: Erased) -> None:
    for listener in _LISTENERS:
        listener(erased)
