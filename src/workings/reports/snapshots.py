"""Reports' event types (codes 500-599, never reused).

This module is the app's snapshot contract (docs/decisions/snapshot-contract.md): its
event types with their audiences, and a declared snapshot per recorded model, which the
models write through and every reader reads through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

REPLY_OPENED = register(500, "report.reply_opened", "Right of reply opened", Audience.PUBLIC)
REPLY_ADDED = register(501, "report.reply_added", "Right-of-reply statement added", Audience.PUBLIC)
REPLY_DECLINED = register(502, "report.reply_declined", "Right of reply declined", Audience.PUBLIC)
REGISTERED = register(503, "report.registered", "Annex registered", Audience.PUBLIC)
REGISTRATION_WITHDRAWN = register(
    504, "report.registration_withdrawn", "Registration withdrawn", Audience.PUBLIC
)
NARRATIVE_SAVED = register(505, "report.narrative_saved", "Report narrative saved", Audience.PUBLIC)


@dataclass(frozen=True)
class ReplyRoundSnapshot(Snapshot):
    """A right-of-reply round: who was offered it, and until when."""

    model: ClassVar[str] = "reports.replyround"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    purpose: str = ""
    opened_by: int | None = None
    opened_on: str = ""  # ISO date
    closes_on: str = ""  # ISO date
    invited: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ReplyAnswerSnapshot(Snapshot):
    """A contributor's statement, or their declining to make one."""

    model: ClassVar[str] = "reports.replyanswer"
    schema_version: ClassVar[int] = 1

    round: int | None = None
    user: int | None = None
    kind: str = ""
    statement: str = ""
    answered_at: str = ""  # ISO time


@dataclass(frozen=True)
class RegistrationSnapshot(Snapshot):
    """A registered annex, committed by its hash."""

    model: ClassVar[str] = "reports.registration"
    schema_version: ClassVar[int] = 1

    uuid: str = ""
    project: int | None = None
    audience: str = ""
    checkpoint_size: int = 0
    annex_sha256: str = ""
    title: str = ""
    registered_by: int | None = None
    registered_at: str = ""  # ISO time
    withdrawn_at: str | None = None  # ISO time
    withdrawn_reason: str = ""
    withdrawn_by: int | None = None


@dataclass(frozen=True)
class NarrativeVersionSnapshot(Snapshot):
    """A version of the GRIPP2 narrative."""

    model: ClassVar[str] = "reports.narrativeversion"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    number: int = 0
    text: str = ""
    author: int | None = None
    saved_at: str = ""  # ISO time
