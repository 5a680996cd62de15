"""Funder events in a project's log: codes 600-649, never reused. Each declares its audience.
Which organisation funds a project is public; who reviews for it is for the project's members
(a reviewer's name is theirs to give, not the public's to collect).

This module is the app's snapshot contract (docs/decisions/snapshot-contract.md): its
event types with their audiences, and a declared snapshot per recorded model, which the
models write through and every reader reads through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

FUNDER_NAMED = register(
    600, "funder.named", "The project named its funder organisation", Audience.PUBLIC
)
FUNDER_CONFIRMED = register(
    601, "funder.confirmed", "The funder organisation confirmed it", Audience.PUBLIC
)
FUNDER_DECLINED = register(
    602, "funder.declined", "The funder organisation declined", Audience.PUBLIC
)
FUNDER_WITHDRAWN = register(
    603, "funder.withdrawn", "The project withdrew a funder it named", Audience.PUBLIC
)
FUNDER_REPLACED = register(
    604, "funder.replaced", "Another funder organisation took over", Audience.PUBLIC
)
REVIEWER_APPOINTED = register(
    610, "funder.reviewer_appointed", "The funder appointed a reviewer", Audience.MEMBERS
)
REVIEWER_ENDED = register(
    611, "funder.reviewer_ended", "A funder reviewer's appointment ended", Audience.MEMBERS
)
SETTINGS_CHANGED = register(
    612,
    "funder.settings_changed",
    "The funder organisation changed what it expects of its projects",
    Audience.MEMBERS,
)
WITNESS_ALARM = register(
    630,
    "witness.alarm",
    "The funder's independent check found this record different from what it had checked before",
    Audience.PUBLIC,
)
# Appended sealed: its header says only "sealed" and the day.
SEALED_READ = register(620, "sealed.read", "Someone read sealed content", Audience.SEALED)


@dataclass(frozen=True)
class ProjectFunderSnapshot(Snapshot):
    """The funder organisation a project named, and its answer."""

    model: ClassVar[str] = "funders.projectfunder"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    organisation: int | None = None
    status: str = ""
    named_by: int | None = None
    answered_by: int | None = None
    answered_at: str | None = None  # ISO time
    ended_at: str | None = None  # ISO time


@dataclass(frozen=True)
class SealedReadSnapshot(Snapshot):
    """A read of sealed content (appended sealed)."""

    model: ClassVar[str] = "funders.sealedread"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    reader: int | None = None
    subject: str = ""
    concern: int | None = None
    reader_label: str = ""
    day: str = ""  # ISO date
    via: str = ""
